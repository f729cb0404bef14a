/// The category axis of time-based charts: years (positioned by value, so gaps in the years
/// keep their true spacing) or named categories (evenly spaced).
struct KeyAxis {
    let keys: [PointKey]
    let labels: [String]
    private let values: [Double]

    init(spec: ChartSpec) {
        keys = spec.keys
        labels = keys.map(spec.label(for:))
        let allYears = keys.allSatisfy { $0.year != nil }
        values = keys.enumerated().map { index, key in allYears ? Double(key.year!) : Double(index) }
    }

    var isYears: Bool { !keys.isEmpty && keys.allSatisfy { $0.year != nil } }

    var domain: (Double, Double) { (values.first ?? 0, values.last ?? 1) }

    func value(of key: PointKey) -> Double? {
        keys.firstIndex(of: key).map { values[$0] }
    }

    /// Indices of named categories that get a label, given their pixel positions: every one when
    /// there is room, else every second, third … with the last one always kept.
    func labelledIndices(position: (Double) -> Double) -> [Int] {
        guard !keys.isEmpty else { return [] }
        let widths = labels.map { TextMetrics.width($0, size: Typography.size) }
        for step in 1...max(1, keys.count) {
            var chosen = Array(stride(from: 0, to: keys.count, by: step))
            if chosen.last != keys.count - 1 { chosen[chosen.count - 1] = keys.count - 1 }
            let fits = zip(chosen, chosen.dropFirst()).allSatisfy { a, b in
                position(values[b]) - position(values[a]) >= (widths[a] + widths[b]) / 2 + 8
            }
            if fits { return chosen }
        }
        return [0, keys.count - 1]
    }

    /// Draws tick labels (years or categories) below `baselineY`.
    func draw(into svg: inout SVGWriter, position: (Double) -> Double, baselineY: Double) {
        svg.open("g", Paint.fill("muted", classes: "ch-ticks") + [("text-anchor", "middle")])
        if isYears {
            let years = YearAxis.labelledYears(Array(keys.first!.year!...keys.last!.year!)) {
                position(Double($0))
            }
            for year in years {
                svg.element("text", [("x", fmt(position(Double(year)))), ("y", fmt(baselineY + 20))], text: String(year))
            }
        } else {
            for index in labelledIndices(position: position) {
                svg.element("text", [("x", fmt(position(values[index]))), ("y", fmt(baselineY + 20))],
                            text: labels[index])
            }
        }
        svg.close("g")
    }
}
