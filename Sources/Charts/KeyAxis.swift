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
        let lines = categoryLines(position: position)
        let widths = lines.map { $0.map { TextMetrics.width($0, size: Typography.size) }.max() ?? 0 }
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

    /// Named categories wrapped to the room between two neighbours.
    func categoryLines(position: (Double) -> Double) -> [[String]] {
        guard !isYears else { return [] }
        let spacing = keys.count > 1 ? abs(position(values[1]) - position(values[0])) : 200
        let maxWidth = max(48, min(160, spacing - 8))
        return labels.map { TextMetrics.wrap($0, maxWidth: maxWidth, size: Typography.size, hardLimit: maxWidth) }
    }

    /// Extra height below the axis for multi-line category labels.
    func extraHeight(position: (Double) -> Double) -> Double {
        let lines = categoryLines(position: position).map(\.count).max() ?? 1
        return Double(max(0, lines - 1)) * Typography.lineHeight
    }

    /// Draws tick labels (years or categories) below `baselineY`, flush at the chart's edges.
    func draw(into svg: inout SVGWriter, position: (Double) -> Double, baselineY: Double, chartWidth: Double) {
        svg.open("g", Paint.fill("muted", classes: "ch-ticks") + [("text-anchor", "middle")])
        if isYears {
            let years = YearAxis.labelledYears(Array(keys.first!.year!...keys.last!.year!)) {
                position(Double($0))
            }
            for year in years {
                let place = flushed(centre: position(Double(year)),
                                    textWidth: TextMetrics.width(String(year), size: Typography.size, tabularDigits: true),
                                    chartWidth: chartWidth)
                svg.element("text", [("x", fmt(place.x)), ("y", fmt(baselineY + 20))] + place.anchor, text: String(year))
            }
        } else {
            let lines = categoryLines(position: position)
            for index in labelledIndices(position: position) {
                let widest = lines[index].map { TextMetrics.width($0, size: Typography.size) }.max() ?? 0
                let place = flushed(centre: position(values[index]), textWidth: widest, chartWidth: chartWidth)
                let anchor = place.anchor.first?.1 ?? "middle"
                RichLabel(lines: lines[index].map { [TextRun(text: $0, weight: .regular)] })
                    .write(into: &svg, x: place.x, top: baselineY + 20 - Typography.ascent, anchor: anchor, [])
            }
        }
        svg.close("g")
    }
}
