/// Age structure: one row per age group (youngest at the bottom), the first series to the left,
/// the second to the right, one shared scale. The sides are told apart by position and their
/// headings, not by colour alone.
struct PopulationPyramid {
    let spec: ChartSpec

    func draw(_ v: LayoutVariant) -> Drawing {
        let width = v.width
        let keys = spec.keys
        let sides = Array(spec.series.prefix(2))
        let values = sides.flatMap { $0.points.compactMap(\.value.number) }.map(abs)
        let ageLines = keys.map { TextMetrics.wrap(spec.label(for: $0), maxWidth: v == .wide ? 150 : 80, size: Typography.size) }
        let widestAge = ageLines.flatMap { $0 }.map { TextMetrics.width($0, size: Typography.size) }.max() ?? 0
        // Room for the age labels, and for the two "0" ticks at the inner ends of the bars.
        let centreWidth = max(widestAge, TextMetrics.width("0", size: Typography.size) + 10) + 16
        let roughHalf = (width - centreWidth - 16) / 2
        let axis = ValueAxis.fitted(values: values, unit: spec.unit, width: roughHalf, maxTicks: 5)
        let margin = max(8, (TextMetrics.width(axis.labels.last ?? "", size: Typography.size) / 2) + 2)
        let half = (width - centreWidth - 2 * margin) / 2
        let centreLeft = margin + half, centreRight = centreLeft + centreWidth
        let n = max(1, keys.count)
        let maxLines = Double(ageLines.map(\.count).max() ?? 1)
        let labelHeight = max(1, maxLines) * Typography.lineHeight + 1
        var rowHeight = max(4, min(22, (v == .wide ? 380.0 : 300.0) / Double(n)))
        if maxLines > 1 { rowHeight = max(rowHeight, labelHeight) }
        // Age labels need their lines; with many narrow rows only every k-th is written.
        let labelEvery = max(1, Int((labelHeight / rowHeight).rounded(.up)))
        let headings = sides.enumerated().map { index, side in
            TextMetrics.wrap(index == 0 ? "◀ " + side.label : side.label + " ▶", maxWidth: half + centreWidth / 2 - 8,
                             size: Typography.size, weight: .bold, hardLimit: half + centreWidth / 2 - 8)
        }
        let headingLines = Double(headings.map(\.count).max() ?? 1)
        let top = 8 + headingLines * Typography.lineHeight + 8
        let plotBottom = top + Double(n) * rowHeight
        let toLeft = LinearScale(domain: (0, axis.scale.upper), range: (centreLeft, margin))
        let toRight = LinearScale(domain: (0, axis.scale.upper), range: (centreRight, width - margin))

        var svg = SVGWriter()
        // Gridlines and tick labels on both sides, values written without sign.
        svg.open("g", [("class", "ch-grid"), ("aria-hidden", "true")])
        for tick in axis.scale.ticks where tick > 0 {
            for px in [toLeft(tick), toRight(tick)] {
                svg.empty("line", [("x1", fmt(px)), ("x2", fmt(px)), ("y1", fmt(top)), ("y2", fmt(plotBottom))] + Paint.stroke("grid"))
            }
        }
        svg.close("g")
        svg.open("g", Paint.fill("muted", classes: "ch-ticks") + [("text-anchor", "middle")])
        for (tick, label) in zip(axis.scale.ticks, axis.labels) {
            for px in [toLeft(tick), toRight(tick)] {
                svg.element("text", [("x", fmt(px)), ("y", fmt(plotBottom + 20))], text: label)
            }
        }
        svg.close("g")
        // Side headings.
        let colors = ["1", "2"]
        for (index, lines) in headings.enumerated() {
            let isLeft = index == 0
            let centre = (centreLeft + centreRight) / 2
            RichLabel(lines: lines.map { [TextRun(text: $0, weight: .bold)] })
                .write(into: &svg, x: isLeft ? centre - 4 : centre + 4, top: 8, anchor: isLeft ? "end" : "start",
                       Paint.fill(colors[index], classes: "ch-label"))
        }
        svg.open("g", [("class", "ch-bars"), ("aria-hidden", "true")])
        for (row, key) in keys.enumerated() {
            let rowTop = plotBottom - Double(row + 1) * rowHeight
            for (index, side) in sides.enumerated() {
                let scale = index == 0 ? toLeft : toRight
                guard let point = side.point(at: key) else { continue }
                guard let value = point.value.number else {
                    if case .missing(let reason) = point.value {
                        let tx = index == 0 ? centreLeft - 4 : centreRight + 4
                        svg.element("text", [("x", fmt(tx)), ("y", fmt(rowTop + rowHeight / 2 + 5))]
                            + (index == 0 ? [("text-anchor", "end")] : []) + Paint.fill("muted", classes: "ch-note"),
                            text: reason.symbol)
                    }
                    continue
                }
                let x0 = scale(0), x1 = scale(abs(value))
                let rect = [("x", fmt(min(x0, x1))), ("y", fmt(rowTop + 0.5)), ("width", fmt(max(abs(x1 - x0), 0.5))),
                            ("height", fmt(max(rowHeight - 1.5, 1)))]
                if point.flags.isUncertain {
                    svg.empty("rect", rect + Paint.both(fill: "bg", stroke: colors[index], classes: "ch-bar") + [("stroke-width", "1.5")])
                } else {
                    svg.empty("rect", rect + Paint.fill(colors[index], classes: "ch-bar"))
                }
            }
        }
        svg.close("g")
        svg.open("g", Paint.fill("text", classes: "ch-ticks"))
        for (row, lines) in ageLines.enumerated() where row % max(1, labelEvery) == 0 {
            let centre = plotBottom - (Double(row) + 0.5) * rowHeight
            RichLabel(lines: lines.map { [TextRun(text: $0, weight: .regular)] })
                .write(into: &svg, x: (centreLeft + centreRight) / 2, top: centre - Double(lines.count) * Typography.lineHeight / 2,
                       anchor: "middle", [])
        }
        svg.close("g")
        for px in [centreLeft, centreRight] {
            svg.empty("line", [("x1", fmt(px)), ("x2", fmt(px)), ("y1", fmt(top)), ("y2", fmt(plotBottom))]
                + Paint.stroke("axis") + [("stroke-width", "1")])
        }
        return Drawing(width: width, height: plotBottom + 30, svg: svg)
    }
}
