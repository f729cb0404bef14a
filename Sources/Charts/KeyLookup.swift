/// Dictionary versions of `ChartSpec.label(for:)` and `Series.point(at:)` for loops over every
/// key: a ranking of 60–100 Gemeinden made both linear searches quadratic. The first entry of a
/// key wins, exactly as `first(where:)` in the linear versions.
struct CategoryLabels {
    private let labels: [String: String]

    init(_ spec: ChartSpec) {
        var labels: [String: String] = [:]
        labels.reserveCapacity(spec.categories.count)
        for category in spec.categories where labels[category.key] == nil { labels[category.key] = category.label }
        self.labels = labels
    }

    /// Same result as `spec.label(for: key)`.
    func label(for key: PointKey) -> String {
        if case .category(let c) = key, let named = labels[c] { return named }
        return key.label
    }
}

extension Series {
    /// Points by key; same result as `point(at:)` for every key.
    var pointsByKey: [PointKey: DataPoint] {
        var result: [PointKey: DataPoint] = [:]
        result.reserveCapacity(points.count)
        for point in points where result[point.key] == nil { result[point.key] = point }
        return result
    }
}
