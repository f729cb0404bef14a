/// The frame shared by vertical column charts over years: one band per year, a value axis from
/// zero with gridlines, thinned year labels, series breaks between bands, optional legend.
struct ColumnFrame {
    let keys: [PointKey]
    let plot: Rect
    let band: BandScale
    let axis: ValueAxis
    let y: LinearScale
    let breaks: BreakAnnotations
    let legendTop: Double
    let breakTop: Double
    let width: Double
    let height: Double

    init(spec: ChartSpec, variant: LayoutVariant, values: [Double], legend: Legend?, paddingInner: Double = 0.25,
         headroom: Double = 0) {
        width = variant.width
        keys = spec.keys
        let plotHeight = variant == .wide ? 280.0 : 210.0
        axis = ValueAxis(values: values, unit: spec.unit, tickCount: variant == .wide ? 6 : 5, includeZero: true)
        let left = axis.labelWidth + 12
        let plotWidth = width - left - 8
        let band = BandScale(count: keys.count, range: (left, left + plotWidth), paddingInner: paddingInner,
                             paddingOuter: 0.15)
        self.band = band
        let keys = self.keys
        let years = keys.compactMap(\.year)
        breaks = BreakAnnotations(spec: spec, years: years, width: width) { year in
            band.center(keys.firstIndex(of: .year(year)) ?? 0)
        }
        legendTop = 6
        breakTop = 8 + (legend.map { $0.height + 8 } ?? 0)
        let legendHeight = legend.map { $0.height + 8 } ?? 0
        let top = 8 + legendHeight + breaks.height + headroom
        plot = Rect(x: left, y: top, width: plotWidth, height: plotHeight)
        y = LinearScale(domain: (axis.scale.lower, axis.scale.upper), range: (plot.bottom, plot.y))
        height = plot.bottom + 30
    }

    /// Gridlines and tick labels (before the bars).
    func drawBack(into svg: inout SVGWriter) {
        axis.drawLeft(into: &svg, plot: plot, y: y)
    }

    /// Zero line, key labels and breaks (after the bars).
    func drawFront(into svg: inout SVGWriter, spec: ChartSpec) {
        axis.drawBaseline(into: &svg, plot: plot, y: y)
        breaks.draw(into: &svg, top: breakTop, plotBottom: plot.bottom)
        svg.open("g", Paint.fill("muted", classes: "ch-ticks") + [("text-anchor", "middle")])
        for index in labelledIndices(spec: spec) {
            let label = spec.label(for: keys[index])
            let place = flushed(centre: band.center(index), textWidth: TextMetrics.width(label, size: Typography.size,
                                tabularDigits: true), chartWidth: width)
            svg.element("text", [("x", fmt(place.x)), ("y", fmt(plot.bottom + 20))] + place.anchor, text: label)
        }
        svg.close("g")
    }

    /// Every band labelled when the labels fit, else every second, third … band, always with
    /// the first and the last.
    func labelledIndices(spec: ChartSpec) -> [Int] {
        guard !keys.isEmpty else { return [] }
        let widths = keys.map { TextMetrics.width(spec.label(for: $0), size: Typography.size, tabularDigits: true) }
        let last = keys.count - 1
        for step in 1...max(1, keys.count) {
            var chosen = Array(stride(from: 0, through: last, by: step))
            if chosen.last != last {
                // The last label replaces the one before it when the two would collide.
                if let previous = chosen.last, band.center(last) - band.center(previous) < (widths[last] + widths[previous]) / 2 + 8 {
                    chosen.removeLast()
                }
                chosen.append(last)
            }
            let fits = zip(chosen, chosen.dropFirst()).allSatisfy { a, b in
                band.center(b) - band.center(a) >= (widths[a] + widths[b]) / 2 + 8
            }
            if fits { return chosen }
        }
        return [last]
    }

    /// A missing value: its symbol just above the axis, with the reason as tooltip.
    func drawMissing(into svg: inout SVGWriter, x: Double, reason: MissingReason, label: String) {
        let base = y(axis.baseline)
        svg.open("text", [("x", fmt(x)), ("y", fmt(base - 6)), ("text-anchor", "middle")]
            + Paint.fill("muted", classes: "ch-missing"))
        svg.raw(escapeXML(reason.symbol) + "<title>\(escapeXML(label)): kein Wert (\(escapeXML(reason.text)))</title>")
        svg.close("text")
    }
}
