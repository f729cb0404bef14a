import Support

/// Several series side by side: columns per year, or horizontal bars per named category.
struct GroupedBarChart {
    let spec: ChartSpec

    func draw(_ v: LayoutVariant, ids: ChartIDs) -> Drawing {
        guard spec.keys.allSatisfy({ $0.year != nil }) else {
            return HorizontalBars(spec: spec, mode: .grouped).draw(v, ids: ids)
        }
        let series = spec.series
        let styles = BarSeriesStyle.assign(series)
        var patterns = PatternSet(ids: ids, variant: v)
        let legend = series.count > 1 ? BarSeriesStyle.legend(series, width: v.width - 8) : nil
        let values = series.flatMap { $0.points.compactMap(\.value.number) }
        let frame = ColumnFrame(spec: spec, variant: v, values: values, legend: legend, paddingInner: 0.3)
        var svg = SVGWriter()
        legend?.draw(into: &svg, x: 8, y: frame.legendTop, patterns: &patterns)
        frame.drawBack(into: &svg)
        let inner = BandScale(count: series.count, range: (0, frame.band.bandwidth), paddingInner: 0.08, paddingOuter: 0)
        svg.open("g", [("class", "ch-bars"), ("aria-hidden", "true")])
        for (index, key) in frame.keys.enumerated() {
            for (si, s) in series.enumerated() {
                let bx = frame.band.start(index) + inner.start(si), bw = inner.bandwidth
                guard let point = s.point(at: key) else { continue }
                guard let value = point.value.number else {
                    if case .missing(let reason) = point.value {
                        frame.drawMissing(into: &svg, x: bx + bw / 2, reason: reason, label: "\(s.label) \(spec.label(for: key))")
                    }
                    continue
                }
                let y0 = frame.y(0), y1 = frame.y(value)
                let rect = [("x", fmt(bx)), ("y", fmt(min(y0, y1))), ("width", fmt(bw)), ("height", fmt(max(abs(y0 - y1), 0.5)))]
                styles[si].drawBar(into: &svg, rect: rect, uncertain: point.flags.isUncertain, patterns: &patterns)
            }
        }
        svg.close("g")
        frame.drawFront(into: &svg, spec: spec)
        return Drawing(width: frame.width, height: frame.height, defs: patterns.defs, svg: svg)
    }
}
