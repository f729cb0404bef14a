/// Bars for named categories, one row per category (names never collide: they wrap in their
/// own column). Grouped: one bar per series in each row; stacked: the series side by side in
/// one bar. A legend names the series; values stand at the bars where they fit.
struct HorizontalBars {
    enum Mode { case grouped, stacked(StackMode) }

    let spec: ChartSpec
    let mode: Mode

    private var isStacked: Bool { if case .stacked = mode { return true }; return false }
    private var isPercent: Bool { if case .stacked(.percent) = mode { return true }; return false }

    /// Value of series `s` in the row of `key`, as drawn (shares for 100 % stacks).
    func drawnValue(_ s: Series, _ key: PointKey) -> Double? {
        guard let v = s.value(at: key) else { return nil }
        guard isPercent else { return v }
        let total = spec.series.compactMap { $0.value(at: key) }.filter { $0 > 0 }.reduce(0, +)
        return total > 0 ? max(0, v) / total * 100 : nil
    }

    func draw(_ v: LayoutVariant, ids: ChartIDs) -> Drawing {
        let width = v.width
        let keys = spec.keys
        let series = spec.series
        let styles = BarSeriesStyle.assign(series)
        var patterns = PatternSet(ids: ids, variant: v)
        let legend = series.count > 1 ? BarSeriesStyle.legend(series, width: width - 8) : nil
        let labelMax = v == .wide ? 190.0 : 104.0
        let rowLabels = keys.map { TextMetrics.wrap(spec.label(for: $0), maxWidth: labelMax, size: Typography.size) }
            .map { $0.isEmpty ? [" "] : $0 }
        let labelWidth = rowLabels.map { lines in lines.map { TextMetrics.width($0, size: Typography.size) }.max() ?? 0 }.max() ?? 0

        let drawUnit = isPercent ? ChartUnit(.percent, decimals: 0) : spec.unit
        var values: [Double] = []
        for key in keys {
            if isStacked {
                values.append(series.compactMap { drawnValue($0, key) }.filter { $0 > 0 }.reduce(0, +))
            } else {
                values += series.compactMap { $0.value(at: key) }
            }
        }
        let valueLabelWidth = isStacked ? 0 : (values.map { TextMetrics.width(spec.unit.label($0), size: Typography.size) }.max() ?? 0) + 8
        let left = max(labelWidth + 10, TextMetrics.width("0", size: Typography.size) / 2 + 2)
        // Tick count from the room the axis gets: a tick label needs about 60 units.
        let roughWidth = width - left - max(valueLabelWidth, 20)
        let axis = ValueAxis.fitted(values: values, unit: drawUnit, width: roughWidth, maxTicks: 6)
        let lastTickHalf = TextMetrics.width(axis.labels.last ?? "", size: Typography.size) / 2
        let plotRight = width - max(valueLabelWidth, lastTickHalf + 2)
        let barThickness = isStacked ? 22.0 : 14.0
        let barGap = 3.0
        let perRow = isStacked ? barThickness : Double(series.count) * (barThickness + barGap) - barGap
        let rowHeights = rowLabels.map { max(perRow, Double($0.count) * Typography.lineHeight) + 14 }
        let top = 6 + (legend.map { $0.height + 10 } ?? 0)
        let plot = Rect(x: left, y: top, width: plotRight - left, height: rowHeights.reduce(0, +))
        let x = LinearScale(domain: (axis.scale.lower, axis.scale.upper), range: (plot.x, plot.right))

        var svg = SVGWriter()
        legend?.draw(into: &svg, x: 8, y: 6, patterns: &patterns)
        axis.drawBottom(into: &svg, plot: plot, x: x, chartWidth: width)
        svg.open("g", [("class", "ch-bars"), ("aria-hidden", "true")])
        var rowTop = plot.y
        for (row, key) in keys.enumerated() {
            let rowHeight = rowHeights[row]
            let centre = rowTop + rowHeight / 2
            let lines = rowLabels[row]
            RichLabel(lines: lines.map { [TextRun(text: $0, weight: .regular)] })
                .write(into: &svg, x: left - 10, top: centre - Double(lines.count) * Typography.lineHeight / 2,
                       anchor: "end", Paint.fill("text", classes: "ch-label"))
            var stackStart = 0.0
            var barTop = centre - perRow / 2
            for (index, s) in series.enumerated() {
                defer { if !isStacked { barTop += barThickness + barGap } }
                let point = s.point(at: key)
                guard let value = drawnValue(s, key) else {
                    if !isStacked, case .missing(let reason)? = point?.value {
                        svg.open("text", [("x", fmt(x(0) + 4)), ("y", fmt(barTop + barThickness - 2))]
                            + Paint.fill("muted", classes: "ch-note"))
                        svg.raw(escapeXML("\(reason.symbol) kein Wert")
                            + "<title>\(escapeXML("\(s.label), \(spec.label(for: key)): kein Wert (\(reason.text))"))</title>")
                        svg.close("text")
                    }
                    continue
                }
                let start = isStacked ? stackStart : 0
                let end = isStacked ? stackStart + max(0, value) : value
                if isStacked { stackStart = end }
                let x0 = x(start), x1 = x(end)
                let rect = [("x", fmt(min(x0, x1))), ("y", fmt(barTop)), ("width", fmt(max(abs(x1 - x0), 0.5))),
                            ("height", fmt(barThickness))]
                styles[index].drawBar(into: &svg, rect: rect, uncertain: point?.flags.isUncertain ?? false,
                                      patterns: &patterns)
                if isStacked {
                    let text = isPercent ? GermanFormat.percent(value, decimals: 0) : spec.unit.label(value)
                    styles[index].drawSegmentLabel(into: &svg, text: text, cx: (x0 + x1) / 2, cy: barTop + barThickness / 2,
                                                   roomWidth: abs(x1 - x0), roomHeight: barThickness)
                } else {
                    let anchorEnd = value < 0
                    svg.element("text", [("x", fmt(anchorEnd ? x1 - 4 : x1 + 4)), ("y", fmt(barTop + barThickness - 2))]
                        + (anchorEnd ? [("text-anchor", "end")] : []) + Paint.fill("text", classes: "ch-value"),
                        text: spec.unit.label(s.value(at: key) ?? value))
                }
            }
            rowTop += rowHeight
        }
        svg.close("g")
        svg.empty("line", [("x1", fmt(x(0))), ("x2", fmt(x(0))), ("y1", fmt(plot.y)), ("y2", fmt(plot.bottom))]
            + Paint.stroke("axis") + [("stroke-width", "1")])
        return Drawing(width: width, height: plot.bottom + 30, defs: patterns.defs, svg: svg)
    }
}

import Support
