/// Fill patterns that tell series and classes apart without colour (WCAG 1.4.1).
enum PatternKind: String, CaseIterable {
    case none, diagonal, dots, crosshatch, horizontal

    /// Pattern for the n-th series or class.
    static func at(_ index: Int) -> PatternKind {
        let order: [PatternKind] = [.none, .diagonal, .dots, .crosshatch, .horizontal]
        return order[index % order.count]
    }

    /// `<pattern>` element drawing in the palette colour `ink` (a class, with its light fallback).
    func definition(id: String, ink: String, opacity: Double = 1) -> String {
        guard self != .none else { return "" }
        let paint = "class=\"ch-s-\(ink)\" stroke=\"\(Palette.light(ink))\""
        let fillPaint = "class=\"ch-f-\(ink)\" fill=\"\(Palette.light(ink))\""
        let op = opacity < 1 ? " opacity=\"\(fmt(opacity))\"" : ""
        let content: String
        switch self {
        case .none: content = ""
        case .diagonal:
            content = "<path d=\"M-1 1l2 -2M0 8l8 -8M7 9l2 -2\" \(paint) stroke-width=\"1.5\"\(op)/>"
        case .dots:
            content = "<circle cx=\"4\" cy=\"4\" r=\"1.4\" \(fillPaint)\(op)/>"
        case .crosshatch:
            content = "<path d=\"M0 0l8 8M8 0l-8 8\" \(paint) stroke-width=\"1.2\"\(op)/>"
        case .horizontal:
            content = "<path d=\"M0 4h8\" \(paint) stroke-width=\"1.5\"\(op)/>"
        }
        return "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">\(content)</pattern>"
    }
}

/// Collects the patterns a drawing uses, for its `<defs>`.
struct PatternSet {
    let ids: ChartIDs
    let variant: LayoutVariant
    private(set) var definitions: [String] = []
    private var known = Set<String>()

    init(ids: ChartIDs, variant: LayoutVariant) {
        self.ids = ids
        self.variant = variant
    }

    /// `url(#…)` of the pattern, registering its definition; nil for `.none`.
    mutating func fill(_ kind: PatternKind, ink: String, opacity: Double = 1) -> String? {
        guard kind != .none else { return nil }
        let name = "\(kind.rawValue)-\(ink)"
        let id = ids.pattern(name, variant)
        if known.insert(id).inserted {
            definitions.append(kind.definition(id: id, ink: ink, opacity: opacity))
        }
        return "url(#\(id))"
    }

    var defs: String { definitions.joined(separator: "\n") }
}

/// A legend drawn as a row (wrapping) of swatches with labels, for charts without direct labels.
struct Legend {
    struct Entry {
        var label: String
        var color: String
        var pattern: PatternKind
        /// Hollow swatch (e.g. missing values).
        var hollow = false
    }

    let entries: [Entry]
    let width: Double

    private static let swatch = 14.0
    private static let gap = 18.0

    private var positions: [(x: Double, row: Int)] {
        var result: [(Double, Int)] = []
        var x = 0.0, row = 0
        for entry in entries {
            let w = Self.swatch + 6 + TextMetrics.width(entry.label, size: Typography.size)
            if x > 0 && x + w > width { x = 0; row += 1 }
            result.append((x, row))
            x += w + Self.gap
        }
        return result
    }

    var height: Double {
        guard !entries.isEmpty else { return 0 }
        return Double((positions.last?.row ?? 0) + 1) * 22
    }

    func draw(into svg: inout SVGWriter, x left: Double, y top: Double, patterns: inout PatternSet) {
        guard !entries.isEmpty else { return }
        svg.open("g", [("class", "ch-legend"), ("aria-hidden", "true")])
        for (entry, position) in zip(entries, positions) {
            let x = left + position.x, y = top + Double(position.row) * 22
            let rect = [("x", fmt(x)), ("y", fmt(y + 2)), ("width", fmt(Self.swatch)), ("height", fmt(Self.swatch))]
            if entry.hollow {
                svg.empty("rect", rect + Paint.both(fill: "bg", stroke: "axis", classes: "ch-swatch")
                    + [("stroke-dasharray", "2 2")])
            } else {
                svg.empty("rect", rect + Paint.fill(entry.color, classes: "ch-swatch"))
                if let url = patterns.fill(entry.pattern, ink: "bg") {
                    svg.empty("rect", rect + [("fill", url)])
                }
            }
            svg.element("text", [("x", fmt(x + Self.swatch + 6)), ("y", fmt(y + 14))] + Paint.fill("text"), text: entry.label)
        }
        svg.close("g")
    }
}
