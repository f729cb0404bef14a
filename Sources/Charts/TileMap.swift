import Support

/// Schematic tile map: one equal tile per area in a grid that keeps the rough geography
/// (north at the top). Values fall into classes of equal, nice width; each class has its own
/// fill colour *and* pattern, every tile prints its value, and the legend names the ranges,
/// so the map never relies on colour alone. The highlighted area gets a heavy frame and bold name.
struct TileMap {
    let spec: ChartSpec
    let layout: TileLayout
    let classCount: Int

    var series: Series? { spec.series.first { $0.role != .reference } }

    /// Class boundaries: nice ticks over the values with at most `classCount` (≤ 4) intervals.
    var boundaries: [Double] {
        let values = series?.points.compactMap(\.value.number) ?? []
        guard let lo = values.min(), let hi = values.max() else { return [] }
        let wanted = max(1, min(4, classCount))
        if lo == hi { return [lo, hi] }
        for count in stride(from: wanted, through: 1, by: -1) {
            let (niceLo, niceHi) = Ticks.nice(lo, hi, count: count)
            let ticks = Ticks.ticks(niceLo, niceHi, count: count)
            if ticks.count - 1 <= wanted && ticks.count >= 2 { return ticks }
        }
        return [lo, hi]
    }

    /// Class index of a value (0-based).
    func classIndex(_ value: Double, _ bounds: [Double]) -> Int {
        guard bounds.count >= 2 else { return 0 }
        for i in 0..<(bounds.count - 1) where value < bounds[i + 1] { return i }
        return bounds.count - 2
    }

    /// Palette name of a class: spread over t1…t4 so few classes still differ strongly.
    func paletteIndex(_ index: Int, classes: Int) -> Int {
        guard classes > 1 else { return 2 }
        return Int((Double(index) * 3 / Double(classes - 1)).rounded()) + 1
    }

    /// Legend text of a class: "unter 6", "6 bis unter 8", "8 und mehr".
    func rangeLabel(_ index: Int, _ bounds: [Double]) -> String {
        let decimals = Ticks.decimals(for: bounds)
        let f = { (v: Double) in GermanFormat.number(v, decimals: decimals) }
        let suffix = spec.unit.kind == .percent ? "\u{00A0}%" : ""
        let n = bounds.count - 1
        if n <= 1 { return "\(f(bounds.first ?? 0)) bis \(f(bounds.last ?? 0))\(suffix)" }
        if index == 0 { return "unter \(f(bounds[1]))\(suffix)" }
        if index == n - 1 { return "\(f(bounds[index])) und mehr\(suffix)" }
        return "\(f(bounds[index])) bis unter \(f(bounds[index + 1]))\(suffix)"
    }

    func draw(_ v: LayoutVariant, ids: ChartIDs) -> Drawing {
        let width = v.width
        var patterns = PatternSet(ids: ids, variant: v)
        let columns = (layout.tiles.map(\.column).max() ?? 0) + 1
        let rows = (layout.tiles.map(\.row).max() ?? 0) + 1
        let gap = 6.0
        let tileWidth = min(v == .wide ? 200 : 150, (width - 8 - gap * Double(columns - 1)) / Double(columns))
        let bounds = boundaries
        let classes = max(1, bounds.count - 1)

        struct TileText { var label: RichLabel; var height: Double }
        let texts = layout.tiles.map { tile -> TileText in
            let bold = tile.key == spec.highlight
            var lines = TextMetrics.wrap(tile.name, maxWidth: tileWidth - 14, size: Typography.size, weight: bold ? .bold : .semibold,
                                         hardLimit: tileWidth - 14)
                .map { [TextRun(text: $0, weight: bold ? .bold : .semibold)] }
            lines += TextMetrics.wrap(valueText(tile.key), maxWidth: tileWidth - 14, size: Typography.size, hardLimit: tileWidth - 14)
                .map { [TextRun(text: $0, weight: .regular)] }
            let label = RichLabel(lines: lines)
            return TileText(label: label, height: label.height)
        }
        let tileHeight = max(v == .wide ? 84 : 80, (texts.map(\.height).max() ?? 0) + 20)
        let top = 6.0

        var svg = SVGWriter()
        svg.open("g", [("class", "ch-tiles"), ("aria-hidden", "true")])
        for (tile, text) in zip(layout.tiles, texts) {
            let tx = 4 + Double(tile.column) * (tileWidth + gap)
            let ty = top + Double(tile.row) * (tileHeight + gap)
            let rect = [("x", fmt(tx)), ("y", fmt(ty)), ("width", fmt(tileWidth)), ("height", fmt(tileHeight)), ("rx", "3")]
            let highlighted = tile.key == spec.highlight
            var textColor = "text", halo = "bg"
            if let value = series?.value(at: .category(tile.key)) {
                let index = classIndex(value, bounds)
                let p = paletteIndex(index, classes: classes)
                textColor = "tt\(p)"; halo = "t\(p)"
                svg.empty("rect", rect + Paint.fill("t\(p)", classes: "ch-tile"))
                if let url = patterns.fill(PatternKind.at(index), ink: "tt\(p)", opacity: 0.3) {
                    svg.empty("rect", rect + [("fill", url), ("class", "ch-pattern")])
                }
            } else {
                svg.empty("rect", rect + Paint.fill("bg", classes: "ch-tile"))
            }
            svg.empty("rect", rect + Paint.stroke(highlighted ? "text" : "axis", classes: "ch-tile-edge")
                + [("fill", "none"), ("stroke-width", highlighted ? "3" : "1")]
                + (series?.value(at: .category(tile.key)) == nil ? [("stroke-dasharray", "4 3")] : []))
            text.label.write(into: &svg, x: tx + 10, top: ty + 10,
                             Paint.halo(textColor, on: halo, classes: "ch-label"))
        }
        svg.close("g")

        // Legend: one swatch per class with its pattern and range, then "kein Wert" if needed.
        var y = top + Double(rows) * (tileHeight + gap) + 8
        let missingAny = layout.tiles.contains { series?.value(at: .category($0.key)) == nil }
        var entries: [(String, String?, PatternKind, Bool)] = (0..<classes).map { index in
            let p = paletteIndex(index, classes: classes)
            return (rangeLabel(index, bounds), "t\(p)", PatternKind.at(index), false)
        }
        if missingAny { entries.append(("kein Wert", nil, .none, true)) }
        svg.open("g", [("class", "ch-legend"), ("aria-hidden", "true")])
        var x = 4.0
        for (label, color, kind, hollow) in entries {
            let w = 22 + TextMetrics.width(label, size: Typography.size)
            if x > 4 && x + w > width - 4 { x = 4; y += 24 }
            let rect = [("x", fmt(x)), ("y", fmt(y)), ("width", "16"), ("height", "16"), ("rx", "2")]
            if hollow || color == nil {
                svg.empty("rect", rect + Paint.both(fill: "bg", stroke: "axis", classes: "ch-swatch") + [("stroke-dasharray", "3 2")])
            } else if let color {
                svg.empty("rect", rect + Paint.both(fill: color, stroke: "axis", classes: "ch-swatch"))
                let ink = "tt" + color.dropFirst()
                if let url = patterns.fill(kind, ink: ink, opacity: 0.3) {
                    svg.empty("rect", rect + [("fill", url), ("class", "ch-pattern")])
                }
            }
            svg.element("text", [("x", fmt(x + 22)), ("y", fmt(y + 13))] + Paint.fill("text"), text: label)
            x += w + 18
        }
        svg.close("g")
        return Drawing(width: width, height: y + 24, defs: patterns.defs, svg: svg)
    }

    func valueText(_ key: String) -> String {
        guard let point = series?.point(at: .category(key)) else { return "kein Wert" }
        switch point.value {
        case .number(let v):
            let text = spec.unit.label(v)
            let letters = point.flags.letters
            return (point.flags.contains(.limitedValidity) ? "(\(text))" : text) + (letters.isEmpty ? "" : " " + letters)
        case .missing(let reason):
            return "kein Wert (\(reason.text))"
        }
    }
}
