import Support

/// Parts of a whole stacked per year (columns) or per named category (horizontal bars), with a
/// 1-unit gap between segments and a pattern per part.
struct StackedBarChart {
    let spec: ChartSpec
    let mode: StackMode

    func draw(_ v: LayoutVariant, ids: ChartIDs) -> Drawing {
        let bars = HorizontalBars(spec: spec, mode: .stacked(mode))
        guard spec.keys.allSatisfy({ $0.year != nil }) else { return bars.draw(v, ids: ids) }
        let series = spec.series
        let styles = BarSeriesStyle.assign(series)
        var patterns = PatternSet(ids: ids, variant: v)
        let legend = BarSeriesStyle.legend(series, width: v.width - 8)
        var drawSpec = spec
        if mode == .percent { drawSpec.unit = ChartUnit(.percent, decimals: 0) }
        let totals = spec.keys.map { key in series.compactMap { bars.drawnValue($0, key) }.filter { $0 > 0 }.reduce(0, +) }
        let frame = ColumnFrame(spec: drawSpec, variant: v, values: totals, legend: legend, paddingInner: 0.3)
        var svg = SVGWriter()
        legend.draw(into: &svg, x: 8, y: frame.legendTop, patterns: &patterns)
        frame.drawBack(into: &svg)
        svg.open("g", [("class", "ch-bars"), ("aria-hidden", "true")])
        for (index, key) in frame.keys.enumerated() {
            var stack = 0.0
            let bx = frame.band.start(index), bw = frame.band.bandwidth
            for (si, s) in series.enumerated() {
                guard let value = bars.drawnValue(s, key), value > 0 else { continue }
                let y0 = frame.y(stack), y1 = frame.y(stack + value)
                stack += value
                // One unit of background between segments keeps them apart without colour.
                let rect = [("x", fmt(bx)), ("y", fmt(y1)), ("width", fmt(bw)), ("height", fmt(max(y0 - y1 - 1, 0.5)))]
                styles[si].drawBar(into: &svg, rect: rect, uncertain: s.point(at: key)?.flags.isUncertain ?? false,
                                   patterns: &patterns)
                let text = mode == .percent ? GermanFormat.percent(value, decimals: 0) : spec.unit.label(value)
                styles[si].drawSegmentLabel(into: &svg, text: text, cx: bx + bw / 2, cy: (y0 + y1) / 2,
                                            roomWidth: bw, roomHeight: y0 - y1 - 1)
            }
        }
        svg.close("g")
        frame.drawFront(into: &svg, spec: drawSpec)
        return Drawing(width: frame.width, height: frame.height, defs: patterns.defs, svg: svg)
    }
}
