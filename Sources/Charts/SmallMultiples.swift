/// One small line chart per primary (or context) series, in a grid, all with the same x and y
/// scales so panels compare at a glance; reference series (e.g. the Kreis) are repeated in every
/// panel as a dashed line. Each panel is titled with its name and latest value.
struct SmallMultiples {
    let spec: ChartSpec

    func draw(_ v: LayoutVariant) -> Drawing {
        let width = v.width
        let columns = v == .wide ? 3 : 2
        let panels = spec.series.filter { $0.role != .reference }
        let references = spec.series.filter { $0.role == .reference }
        let keyAxis = KeyAxis(spec: spec)
        let values = spec.series.flatMap { $0.points.compactMap(\.value.number) }
        let axis = ValueAxis(values: values, unit: spec.unit, tickCount: 3,
                             includeZero: LineChart.includesZero(values, baseline: .auto))
        let line = LineChart(spec: spec, baseline: .auto)
        let gutter = 16.0
        let left = axis.labelWidth + 10
        let panelWidth = (width - left - gutter * Double(columns - 1) - 4) / Double(columns)
        let plotHeight = v == .wide ? 96.0 : 80.0

        // Titles: name (wrapped) and the latest value; rows are as tall as their tallest title.
        let titles = panels.map { panel -> RichLabel in
            let last = line.lastNumeric(panel, keyAxis: keyAxis)
            return RichLabel.nameAndValue(panel.label, value: last.map { spec.unit.label($0.value) }, maxWidth: panelWidth)
        }
        let rowCount = (panels.count + columns - 1) / columns
        var rowTops: [Double] = []
        var titleHeights: [Double] = []
        var y0 = 6.0
        let referenceNote = references.isEmpty ? nil
            : "Gestrichelt: " + references.map(\.label).joined(separator: ", ")
        if referenceNote != nil { y0 += 30 }
        for row in 0..<rowCount {
            let members = titles[(row * columns)..<min(titles.count, (row + 1) * columns)]
            let titleHeight = members.map(\.height).max() ?? Typography.lineHeight
            rowTops.append(y0)
            titleHeights.append(titleHeight)
            y0 += titleHeight + 6 + plotHeight + 44
        }
        let height = y0 - 14

        // Every panel's markers look alike: their paint made once.
        let markerStyle = SeriesStyle(color: "1", dash: nil, width: 2.5, marker: .circle, priority: 1, zOrder: 1)
        let markerPaint = [markerStyle.markerAttributes(hollow: false), markerStyle.markerAttributes(hollow: true)]

        var svg = SVGWriter()
        if let referenceNote {
            svg.empty("line", [("x1", "8"), ("x2", "32"), ("y1", "13"), ("y2", "13")]
                + Paint.stroke("ref") + [("stroke-width", "2"), ("stroke-dasharray", "7 4")])
            svg.element("text", [("x", "38"), ("y", "18")] + Paint.fill("text", classes: "ch-note"), text: referenceNote)
        }
        for (index, panel) in panels.enumerated() {
            let row = index / columns, column = index % columns
            let px = left + Double(column) * (panelWidth + gutter)
            let titleTop = rowTops[row]
            let plot = Rect(x: px, y: titleTop + titleHeights[row] + 6, width: panelWidth, height: plotHeight)
            let inset = 6.0
            let x = LinearScale(domain: keyAxis.domain, range: (plot.x + inset, plot.right - inset))
            let y = LinearScale(domain: (axis.scale.lower, axis.scale.upper), range: (plot.bottom, plot.y))
            titles[index].write(into: &svg, x: px, top: titleTop, Paint.fill("text", classes: "ch-label"))
            axis.drawLeft(into: &svg, plot: plot, y: y, labelsVisible: column == 0)
            axis.drawBaseline(into: &svg, plot: plot, y: y)
            if keyAxis.isYears, let first = keyAxis.keys.first?.year, let last = keyAxis.keys.last?.year {
                svg.open("g", Paint.fill("muted", classes: "ch-ticks"))
                svg.element("text", [("x", fmt(plot.x)), ("y", fmt(plot.bottom + 20))], text: String(first))
                if last != first {
                    svg.element("text", [("x", fmt(plot.right)), ("y", fmt(plot.bottom + 20)), ("text-anchor", "end")],
                                text: String(last))
                }
                svg.close("g")
            }
            svg.open("g", [("class", "ch-series"), ("aria-hidden", "true")])
            for reference in references {
                for segment in line.segments(of: reference, keyAxis: keyAxis) where segment.count > 1 {
                    svg.empty("path", [("d", pathData(segment.map { (x($0.x), y($0.value)) }))]
                        + Paint.stroke("ref", classes: "ch-line")
                        + [("stroke-width", "1.5"), ("fill", "none"), ("stroke-dasharray", "7 4")])
                }
            }
            let segments = line.segments(of: panel, keyAxis: keyAxis)
            for segment in segments {
                if segment.count > 1 {
                    svg.empty("path", [("d", pathData(segment.map { (x($0.x), y($0.value)) }))]
                        + Paint.stroke("1", classes: "ch-line")
                        + [("stroke-width", "2.5"), ("fill", "none"), ("stroke-linejoin", "round"), ("stroke-linecap", "round")])
                }
                for point in segment where segment.count == 1 || point.flags.isUncertain || point.key == segments.last?.last?.key {
                    MarkerShape.circle.write(into: &svg, x: x(point.x), y: y(point.value), size: 7,
                                             markerPaint[point.flags.isUncertain ? 1 : 0])
                }
            }
            svg.close("g")
        }
        return Drawing(width: width, height: height, svg: svg)
    }
}
