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

/// One series over the years as columns from zero. Provisional and estimated values are hollow
/// columns; missing values show their symbol at the axis.
struct ColumnChart {
    let spec: ChartSpec

    var series: Series? { spec.primarySeries }

    func draw(_ v: LayoutVariant, ids: ChartIDs) -> Drawing {
        // Named categories read better as horizontal bars (long names never collide).
        guard spec.keys.allSatisfy({ $0.year != nil }), let series else {
            var single = spec
            single.series = spec.primarySeries.map { [$0] } ?? []
            return HorizontalBars(spec: single, mode: .grouped).draw(v, ids: ids)
        }
        let values = series.points.compactMap(\.value.number)
        let frame = ColumnFrame(spec: spec, variant: v, values: values, legend: nil, headroom: 16)
        var svg = SVGWriter()
        frame.drawBack(into: &svg)
        let labels = frame.keys.map { key in series.value(at: key).map { spec.unit.label($0) } ?? "" }
        // Values on the columns only when every one fits above its column.
        let showValues = labels.allSatisfy { TextMetrics.width($0, size: Typography.size) <= frame.band.step - 4 }
        svg.open("g", [("class", "ch-bars"), ("aria-hidden", "true")])
        for (index, key) in frame.keys.enumerated() {
            let bx = frame.band.start(index), bw = frame.band.bandwidth
            guard let point = series.point(at: key) else { continue }
            guard let value = point.value.number else {
                if case .missing(let reason) = point.value {
                    frame.drawMissing(into: &svg, x: bx + bw / 2, reason: reason,
                                      label: "\(series.label) \(spec.label(for: key))")
                }
                continue
            }
            let y0 = frame.y(0), y1 = frame.y(value)
            let rect = [("x", fmt(bx)), ("y", fmt(min(y0, y1))), ("width", fmt(bw)), ("height", fmt(max(abs(y0 - y1), 0.5)))]
            if point.flags.isUncertain {
                svg.empty("rect", rect + Paint.both(fill: "bg", stroke: "1", classes: "ch-bar") + [("stroke-width", "1.5")])
            } else {
                svg.empty("rect", rect + Paint.fill("1", classes: "ch-bar"))
            }
            if showValues {
                let ty = value >= 0 ? y1 - 6 : y1 + 16
                svg.element("text", [("x", fmt(bx + bw / 2)), ("y", fmt(ty)), ("text-anchor", "middle")]
                    + Paint.halo("text", classes: "ch-value"), text: labels[index])
            }
        }
        svg.close("g")
        frame.drawFront(into: &svg, spec: spec)
        return Drawing(width: frame.width, height: frame.height, body: svg.text)
    }
}
