/// Colour and pattern of the n-th series in bar charts: bars carry no direct labels per series,
/// so each series also gets its own fill pattern and a legend entry.
struct BarSeriesStyle {
    var color: String
    var pattern: PatternKind

    static func assign(_ series: [Series]) -> [BarSeriesStyle] {
        var primaryIndex = 0
        return series.enumerated().map { index, s in
            switch s.role {
            case .reference:
                return BarSeriesStyle(color: "ref", pattern: PatternKind.at(index))
            case .context:
                return BarSeriesStyle(color: "bar", pattern: PatternKind.at(index))
            case .primary:
                defer { primaryIndex += 1 }
                return BarSeriesStyle(color: Palette.seriesNames[primaryIndex % Palette.seriesNames.count],
                                      pattern: PatternKind.at(index))
            }
        }
    }

    static func legend(_ series: [Series], width: Double) -> Legend {
        let styles = assign(series)
        return Legend(entries: zip(series, styles).map { Legend.Entry(label: $0.label, color: $1.color, pattern: $1.pattern) },
                      width: width)
    }

    /// A value inside a segment, on a small plate of the segment's colour that covers the pattern,
    /// in the matching text colour — only when it fits (`room` is the segment's extent).
    func drawSegmentLabel(into svg: inout SVGWriter, text: String, cx: Double, cy: Double,
                          roomWidth: Double, roomHeight: Double) {
        let width = TextMetrics.width(text, size: Typography.size, weight: .semibold)
        guard width + 8 <= roomWidth, roomHeight >= 19 else { return }
        svg.empty("rect", [("x", fmt(cx - width / 2 - 3)), ("y", fmt(cy - 9)), ("width", fmt(width + 6)),
                           ("height", "18"), ("rx", "2")] + Paint.fill(color, classes: "ch-plate"))
        svg.element("text", [("x", fmt(cx)), ("y", fmt(cy + 5)), ("text-anchor", "middle"), ("font-weight", "600")]
            + Paint.fill(Palette.onColor(color), classes: "ch-value"), text: text)
    }

    /// Draws a bar rectangle with its colour and pattern; hollow when the value is uncertain.
    func drawBar(into svg: inout SVGWriter, rect: [(String, String)], uncertain: Bool, patterns: inout PatternSet) {
        if uncertain {
            svg.empty("rect", rect + Paint.both(fill: "bg", stroke: color, classes: "ch-bar") + [("stroke-width", "1.5")])
            return
        }
        svg.empty("rect", rect + Paint.fill(color, classes: "ch-bar"))
        if let url = patterns.fill(pattern, ink: "bg") {
            svg.empty("rect", rect + [("fill", url), ("class", "ch-pattern")])
        }
    }
}
