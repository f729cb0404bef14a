/// The two layouts every chart is drawn in. Text is 14 units in the viewBox; the CSS shows the
/// wide layout only in containers of at least `ChartStyles.wideMinWidth` px and the compact one
/// up to `compactMaxWidth` px, so text never renders below 12 px (research §7).
public enum LayoutVariant: String, Sendable, Hashable, CaseIterable {
    case wide
    case compact

    public var width: Double { self == .wide ? 680 : 320 }

    /// Smallest rendered width this layout is shown at (CSS px).
    public var minimumRenderedWidth: Double { self == .wide ? 600 : 280 }

    var isCompact: Bool { self == .compact }
}

/// Text sizes in viewBox units.
enum Typography {
    static let size = 14.0
    static let lineHeight = 17.0
    /// Distance from a line's top to its baseline, for Inter at 14 px (cap height ≈ 0.73 em).
    static let ascent = 11.0
}

/// A run of text with one weight inside a label line.
struct TextRun: Hashable {
    var text: String
    var weight: FontWeight
}

/// A label of one or more lines, each of one or more runs, measured in the theme font.
struct RichLabel: Hashable {
    var lines: [[TextRun]]

    var width: Double {
        lines.map { line in line.reduce(0) { $0 + TextMetrics.width($1.text, size: Typography.size, weight: $1.weight) } }
            .max() ?? 0
    }

    var height: Double { Double(lines.count) * Typography.lineHeight }

    /// Name (semibold, wrapped to `maxWidth`) followed by a value, on the last line if it fits.
    static func nameAndValue(_ name: String, value: String?, maxWidth: Double) -> RichLabel {
        var lines = TextMetrics.wrap(name, maxWidth: maxWidth, size: Typography.size, weight: .semibold)
            .map { [TextRun(text: $0, weight: .semibold)] }
        if lines.isEmpty { lines = [[TextRun(text: " ", weight: .semibold)]] }
        guard let value else { return RichLabel(lines: lines) }
        let last = lines[lines.count - 1]
        let lastWidth = last.reduce(0) { $0 + TextMetrics.width($1.text, size: Typography.size, weight: $1.weight) }
        let valueWidth = TextMetrics.width("\u{00A0}" + value, size: Typography.size)
        if lastWidth + valueWidth <= maxWidth {
            lines[lines.count - 1].append(TextRun(text: "\u{00A0}" + value, weight: .regular))
        } else {
            lines.append([TextRun(text: value, weight: .regular)])
        }
        return RichLabel(lines: lines)
    }

    /// Writes the label with its first line's top at `top`. Fixed markup comes from static
    /// strings (a ranking writes a label per row, a line chart one per series).
    func write(into svg: inout SVGWriter, x: Double, top: Double, anchor: String = "start",
               _ attributes: [(String, String)]) {
        let xText = fmt(x)
        svg.line { markup in
            markup.append(static: "<text x=\"")
            markup += xText
            markup.append(static: "\" y=\"")
            markup += fmt(top + Typography.ascent)
            // Always explicit: a surrounding group may set another anchor.
            markup.append(static: "\" text-anchor=\"")
            markup += anchor
            markup.append(static: "\"")
            SVGWriter.append(attributes, to: &markup, then: .content)
            for (index, line) in lines.enumerated() {
                markup.append(static: "<tspan x=\"")
                markup += xText
                markup.append(static: "\"")
                if index > 0 {
                    markup.append(static: " dy=\"")
                    markup += Self.lineHeightText
                    markup.append(static: "\"")
                }
                markup.append(static: ">")
                for run in line {
                    switch run.weight {
                    case .regular: markup.append(static: "<tspan>")
                    case .semibold: markup.append(static: "<tspan font-weight=\"600\">")
                    case .bold: markup.append(static: "<tspan font-weight=\"700\">")
                    }
                    SVGWriter.appendXML(run.text, to: &markup)
                    markup.append(static: "</tspan>")
                }
                markup.append(static: "</tspan>")
            }
            markup.append(static: "</text>")
        }
    }

    /// `fmt(Typography.lineHeight)`, the `dy` of every further line.
    static let lineHeightText = fmt(Typography.lineHeight)
}

import Support

func escapeXML(_ text: String) -> String { Escape.xml(text) }

/// Position and anchor of a label centred on `x` that must stay inside the chart: at the edges
/// it is set flush instead of centred (Vega-Lite's `labelFlush`).
func flushed(centre x: Double, textWidth: Double, chartWidth: Double) -> (x: Double, anchor: [(String, String)]) {
    if x - textWidth / 2 < 1 { return (max(1, min(x, 1)), [("text-anchor", "start")]) }
    if x + textWidth / 2 > chartWidth - 1 { return (chartWidth - 1, [("text-anchor", "end")]) }
    return (x, [])
}

/// Page-unique ids derived from the caller's prefix.
struct ChartIDs: Hashable {
    let prefix: String

    /// Keeps only characters valid in ids and CSS selectors; ids must not start with a digit.
    init(prefix raw: String) {
        // All allowed characters are ASCII, so filtering the UTF-8 bytes drops exactly the other
        // scalars (their bytes are all 0x80 or above).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        for byte in raw.utf8 where Self.isIDByte(byte) { bytes.append(byte) }
        let startsWithLetter = bytes.first.map { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } ?? false
        let cleaned = String(decoding: bytes, as: UTF8.self)
        prefix = startsWithLetter ? cleaned : "c-" + cleaned
    }

    private static func isIDByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
    }

    var figure: String { prefix }
    var heading: String { prefix + "-h" }
    var summary: String { prefix + "-s" }
    func title(_ v: LayoutVariant) -> String { v == .wide ? prefix + "-t" : prefix + "-ct" }
    func desc(_ v: LayoutVariant) -> String { v == .wide ? prefix + "-d" : prefix + "-cd" }
    func pattern(_ name: String, _ v: LayoutVariant) -> String {
        prefix + (v == .wide ? "-p-" : "-cp-") + name
    }
}

/// What a chart kind draws for one layout: inner SVG markup and its size.
struct Drawing {
    var width: Double
    var height: Double
    /// `<defs>` content (patterns), if any.
    var defs: String = ""
    /// The markup as UTF-8 bytes: the figure copies them into its own bytes, without making a
    /// `String` of each drawing first.
    var bodyBytes: [UInt8]

    init(width: Double, height: Double, defs: String = "", svg: SVGWriter) {
        self.width = width
        self.height = height
        self.defs = defs
        bodyBytes = svg.bytes
    }

    /// The markup as text (tests).
    var body: String { String(decoding: bodyBytes, as: UTF8.self) }
}
