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
        return Drawing(width: frame.width, height: frame.height, svg: svg)
    }
}
