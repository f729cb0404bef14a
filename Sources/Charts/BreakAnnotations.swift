/// Series breaks drawn as a dashed vertical rule between the last year before and the first
/// year after the break, with a short note above the plot. Notes that would collide go into
/// further rows; a note that would leave the chart on the right is anchored left of its rule.
struct BreakAnnotations {
    struct Placement {
        var x: Double
        var text: String
        var row: Int
        var anchorEnd: Bool
    }

    private(set) var placements: [Placement] = []
    private(set) var rows = 0

    /// Height the notes need above the plot.
    var height: Double { rows == 0 ? 0 : Double(rows) * Typography.lineHeight + 6 }

    /// `position` gives the x of a year on the axis.
    init(spec: ChartSpec, years: [Int], width: Double, position: (Int) -> Double) {
        guard let first = years.first, let last = years.last else { return }
        var rowEnds: [Double] = []
        for brk in spec.breaks.sorted(by: { $0.year < $1.year }) where brk.year > first && brk.year <= last {
            let previous = years.filter { $0 < brk.year }.max() ?? brk.year - 1
            let after = years.filter { $0 >= brk.year }.min() ?? brk.year
            let x = (position(previous) + position(after)) / 2
            let text = "Bruch: " + brk.note
            let textWidth = TextMetrics.width(text, size: Typography.size)
            let anchorEnd = x + 4 + textWidth > width - 2
            let start = anchorEnd ? x - 4 - textWidth : x + 4
            let end = anchorEnd ? x - 4 : x + 4 + textWidth
            var row = rowEnds.firstIndex { $0 + 8 <= start } ?? rowEnds.count
            if row == rowEnds.count { rowEnds.append(end) } else { rowEnds[row] = end }
            row = min(row, rowEnds.count - 1)
            placements.append(Placement(x: x, text: text, row: row, anchorEnd: anchorEnd))
        }
        rows = rowEnds.count
    }

    /// Draws rules and notes; `top` is where the first note row starts.
    func draw(into svg: inout SVGWriter, top: Double, plotBottom: Double) {
        guard !placements.isEmpty else { return }
        svg.open("g", [("class", "ch-breaks"), ("aria-hidden", "true")])
        for p in placements {
            let noteTop = top + Double(p.row) * Typography.lineHeight
            svg.empty("line", [("x1", fmt(p.x)), ("x2", fmt(p.x)), ("y1", fmt(noteTop + 2)), ("y2", fmt(plotBottom))]
                + Paint.stroke("muted") + [("stroke-width", "1"), ("stroke-dasharray", "4 3")])
            svg.element("text", [("x", fmt(p.anchorEnd ? p.x - 4 : p.x + 4)), ("y", fmt(noteTop + Typography.ascent))]
                + (p.anchorEnd ? [("text-anchor", "end")] : []) + Paint.halo("muted", classes: "ch-note"),
                text: p.text)
        }
        svg.close("g")
    }
}
