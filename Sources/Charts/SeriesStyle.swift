enum MarkerShape: Hashable {
    case circle, square, diamond, triangle

    /// `<path d="…" …/>` of the marker with `paint`, as one line of `svg`: written straight into
    /// the markup (path data never needs escaping), without a string for the path data and an
    /// attribute array per marker.
    func write(into svg: inout SVGWriter, x: Double, y: Double, size: Double, _ paint: [(String, String)]) {
        svg.line { m in
            m.append(static: "<path d=\"")
            m += path(x: x, y: y, size: size)
            m.append(static: "\"")
            SVGWriter.append(paint, to: &m, then: .nothing)
            m.append(static: "/>")
        }
    }

    /// Path of the marker centred on (x, y), about `size` units across.
    func path(x: Double, y: Double, size: Double) -> String {
        let r = size / 2
        switch self {
        case .circle:
            return "M\(fmt(x - r)) \(fmt(y))a\(fmt(r)) \(fmt(r)) 0 1 0 \(fmt(2 * r)) 0a\(fmt(r)) \(fmt(r)) 0 1 0 \(fmt(-2 * r)) 0Z"
        case .square:
            let s = r * 0.9
            return "M\(fmt(x - s)) \(fmt(y - s))h\(fmt(2 * s))v\(fmt(2 * s))h\(fmt(-2 * s))Z"
        case .diamond:
            let s = r * 1.2
            return "M\(fmt(x)) \(fmt(y - s))L\(fmt(x + s)) \(fmt(y))L\(fmt(x)) \(fmt(y + s))L\(fmt(x - s)) \(fmt(y))Z"
        case .triangle:
            let s = r * 1.15
            return "M\(fmt(x)) \(fmt(y - s))L\(fmt(x + s)) \(fmt(y + s * 0.8))L\(fmt(x - s)) \(fmt(y + s * 0.8))Z"
        }
    }
}

/// How one series is drawn. Colour is never the only difference: series also differ in dash
/// pattern, marker shape and line width, and carry direct labels.
struct SeriesStyle: Hashable {
    var color: String
    var dash: String?
    var width: Double
    var marker: MarkerShape?
    /// Label priority when labels are crowded (higher stays).
    var priority: Int
    /// Drawn last, on top of the others.
    var zOrder: Int

    /// Styles by series id. The highlighted (or first primary) series gets the strongest colour;
    /// references are dark and dashed/dotted; context series and primaries beyond four are grey.
    static func assign(_ spec: ChartSpec) -> [String: SeriesStyle] {
        var result: [String: SeriesStyle] = [:]
        var primaries = spec.series.filter { $0.role == .primary }
        if let h = spec.highlight, let index = primaries.firstIndex(where: { $0.id == h }) {
            primaries.insert(primaries.remove(at: index), at: 0)
        }
        let shapes: [MarkerShape] = [.circle, .triangle, .circle, .triangle]
        for (i, series) in primaries.enumerated() {
            if i < Palette.seriesNames.count {
                result[series.id] = SeriesStyle(color: Palette.seriesNames[i], dash: nil, width: i == 0 ? 3 : 2.25,
                                                marker: shapes[i], priority: i == 0 ? 4 : 3, zOrder: i == 0 ? 4 : 3)
            } else {
                result[series.id] = context
            }
        }
        let dashes = ["7 4", "2 3", "9 3 2 3"]
        let referenceShapes: [MarkerShape] = [.square, .diamond, .square]
        for (j, series) in spec.series.filter({ $0.role == .reference }).enumerated() {
            result[series.id] = SeriesStyle(color: "ref", dash: dashes[j % dashes.count], width: 2,
                                            marker: referenceShapes[j % referenceShapes.count], priority: 2, zOrder: 2)
        }
        for series in spec.series where series.role == .context {
            result[series.id] = context
        }
        return result
    }

    static let context = SeriesStyle(color: "ctx", dash: nil, width: 1.25, marker: nil, priority: 0, zOrder: 0)

    /// Stroke attributes for a line of this style.
    var lineAttributes: [(String, String)] {
        var a = Paint.stroke(color, classes: "ch-line") + [("stroke-width", fmt(width)), ("fill", "none"),
                                                            ("stroke-linejoin", "round"), ("stroke-linecap", "round")]
        if let dash { a.append(("stroke-dasharray", dash)) }
        return a
    }

    /// Marker attributes: filled in the series colour, or hollow (background fill) when uncertain.
    func markerAttributes(hollow: Bool) -> [(String, String)] {
        if hollow {
            return Paint.both(fill: "bg", stroke: color, classes: "ch-marker") + [("stroke-width", "1.75")]
        }
        return Paint.both(fill: color, stroke: "bg", classes: "ch-marker") + [("stroke-width", "1")]
    }
}
