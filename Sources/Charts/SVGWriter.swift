import Support

/// Coordinates as text: at most two decimals, no trailing zeros, no "-0", no locale.
func fmt(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let hundredths = (value * 100).rounded()
    if hundredths == 0 { return "0" }
    let negative = hundredths < 0
    let magnitude = Int(abs(hundredths))
    let whole = magnitude / 100, fraction = magnitude % 100
    var text = negative ? "-" : ""
    text += String(whole)
    if fraction != 0 {
        text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
    }
    return text
}

/// Builds SVG markup as text. Attribute order is the order given, so output is byte-stable;
/// all text and attribute values are XML-escaped here and nowhere else.
struct SVGWriter {
    private(set) var text = ""
    private var depth = 0

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        line("<\(name)\(Self.attributes(attributes))>")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        line("<\(name)\(Self.attributes(attributes))/>")
    }

    /// An element with escaped text content.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        line("<\(name)\(Self.attributes(attributes))>\(Escape.xml(content))</\(name)>")
    }

    /// Text element, optionally split into lines (`tspan` with `dy`).
    mutating func textLines(_ lines: [String], x: Double, y: Double, lineHeight: Double,
                            _ attributes: [(String, String)]) {
        guard lines.count > 1 else {
            element("text", [("x", fmt(x)), ("y", fmt(y))] + attributes, text: lines.first ?? "")
            return
        }
        var inner = ""
        for (i, lineText) in lines.enumerated() {
            let dy = i == 0 ? "0" : fmt(lineHeight)
            inner += "<tspan x=\"\(fmt(x))\" dy=\"\(dy)\">\(Escape.xml(lineText))</tspan>"
        }
        line("<text x=\"\(fmt(x))\" y=\"\(fmt(y))\"\(Self.attributes(attributes))>\(inner)</text>")
    }

    mutating func raw(_ markup: String) { line(markup) }

    private mutating func line(_ s: String) {
        text += String(repeating: " ", count: depth) + s + "\n"
    }

    static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(Escape.xml($0.1))\"" }.joined()
    }
}

/// Path data from points, with coordinates rounded.
func pathData(_ points: [(Double, Double)]) -> String {
    points.enumerated().map { i, p in (i == 0 ? "M" : "L") + fmt(p.0) + " " + fmt(p.1) }.joined(separator: " ")
}

/// HTML text and attribute values from content: escaped, and without the control characters
/// that HTML forbids as much as XML does (pasted from Word).
func htmlText(_ text: String) -> String {
    Escape.html(Escape.xmlCharacters(text))
}
