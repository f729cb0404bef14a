import Support

/// Coordinates as text: at most two decimals, no trailing zeros, no "-0", no locale.
func fmt(_ value: Double) -> String { SVGNumber.text(value) }

/// The number format of every coordinate (also the dashboard's own sparklines).
public enum SVGNumber {
    /// `fmt`: hundredths rounded half away from zero, at most two decimals, no trailing zeros,
    /// no "-0", "0" for NaN and infinities. Written digit by digit into the string's own storage:
    /// a chart has thousands of coordinates, and the pieces (`String(Int)`, interpolation) each
    /// cost an allocation or a copy. The length is worked out first: asked for at most 15 bytes
    /// (every coordinate), `String(unsafeUninitializedCapacity:)` makes a small string inside the
    /// value itself; asked for more, it allocates a heap buffer and validates it, which for a
    /// short coordinate was most of the cost. At most 23 bytes (sign, 19 digits, point, two
    /// decimals).
    public static func text(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded()
        if hundredths == 0 { return "0" }
        let negative = hundredths < 0
        // Traps for magnitudes beyond Int like the former `Int(abs(hundredths))` did.
        let magnitude = Int(abs(hundredths))
        let whole = magnitude / 100, fraction = magnitude % 100
        var digits = 1
        var scan = whole / 10
        while scan > 0 {
            digits += 1
            scan /= 10
        }
        let count = (negative ? 1 : 0) + digits + (fraction == 0 ? 0 : (fraction % 10 == 0 ? 2 : 3))
        return String(unsafeUninitializedCapacity: count <= 15 ? 15 : 24) { buffer in
            var index = 0
            if negative {
                buffer[0] = 0x2D
                index = 1
            }
            // Digits of `whole` from the last one backwards into their places.
            var rest = whole
            var position = index + digits - 1
            repeat {
                buffer[position] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                rest /= 10
                position -= 1
            } while rest > 0
            index += digits
            if fraction != 0 {
                buffer[index] = 0x2E
                buffer[index + 1] = UInt8(truncatingIfNeeded: 0x30 + fraction / 10)
                index += 2
                if fraction % 10 != 0 {
                    buffer[index] = UInt8(truncatingIfNeeded: 0x30 + fraction % 10)
                    index += 1
                }
            }
            return index
        }
    }
}

/// Markup as UTF-8 bytes. `+=` of a string copies its bytes: appending to a `String` checks
/// and updates its count and ASCII flags on every append, and a chart makes tens of thousands
/// of small appends; the bytes become one `String` at the end (`SVGWriter.text`).
struct SVGBytes {
    var bytes: [UInt8] = []

    @inline(__always)
    static func += (lhs: inout SVGBytes, rhs: String) {
        // The contiguous bytes (native and small strings): one copy, no generic sequence walk.
        if rhs.utf8.withContiguousStorageIfAvailable({ lhs.bytes.append(contentsOf: $0) }) == nil {
            lhs.bytes.append(contentsOf: rhs.utf8)
        }
    }

    @inline(__always)
    static func += (lhs: inout SVGBytes, rhs: [UInt8]) {
        lhs.bytes.append(contentsOf: rhs)
    }

    /// Appends the bytes of a literal (`[UInt8].append(static:)`).
    @inline(__always)
    mutating func append(static text: StaticString) { bytes.append(static: text) }

    /// The markup as text. The bytes are valid UTF-8 (only whole strings are appended), so
    /// decoding changes nothing.
    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Builds SVG markup as text. Attribute order is the order given, so output is byte-stable;
/// all text and attribute values are XML-escaped here and nowhere else.
///
/// Everything is appended to one growing byte buffer: a chart has hundreds of elements, and a
/// temporary string per attribute, tag and line cost more than the drawing itself.
struct SVGWriter {
    private var out: SVGBytes
    private var depth = 0

    init() {
        out = SVGBytes()
        out.bytes.reserveCapacity(8192)
    }

    /// The markup written so far.
    var text: String { out.string }

    /// The markup written so far, as UTF-8.
    var bytes: [UInt8] { out.bytes }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        startLine()
        out.append(static: "<")
        out += name
        Self.append(attributes, to: &out, then: .line)
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        startLine()
        out.append(static: "</")
        out += name
        out.append(static: ">\n")
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        startLine()
        out.append(static: "<")
        out += name
        Self.append(attributes, to: &out, then: .selfClosing)
    }

    /// `empty(name, attributes + more)` without the joined array: rows of a chart combine their
    /// own coordinates with paint made once per drawing.
    mutating func empty(_ name: String, _ attributes: [(String, String)], _ more: [(String, String)]) {
        startLine()
        out.append(static: "<")
        out += name
        Self.append(attributes, to: &out, then: .nothing)
        Self.append(more, to: &out, then: .selfClosing)
    }

    /// `element(name, attributes + more, text:)` without the joined array.
    mutating func element(_ name: String, _ attributes: [(String, String)], _ more: [(String, String)],
                          text content: String) {
        startLine()
        out.append(static: "<")
        out += name
        Self.append(attributes, to: &out, then: .nothing)
        Self.append(more, to: &out, then: .content)
        Self.appendXML(content, to: &out)
        out.append(static: "</")
        out += name
        out.append(static: ">\n")
    }

    /// An element with escaped text content.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        startLine()
        out.append(static: "<")
        out += name
        Self.append(attributes, to: &out, then: .content)
        Self.appendXML(content, to: &out)
        out.append(static: "</")
        out += name
        out.append(static: ">\n")
    }

    /// Text element, optionally split into lines (`tspan` with `dy`).
    mutating func textLines(_ lines: [String], x: Double, y: Double, lineHeight: Double,
                            _ attributes: [(String, String)]) {
        guard lines.count > 1 else {
            element("text", [("x", fmt(x)), ("y", fmt(y))] + attributes, text: lines.first ?? "")
            return
        }
        let xText = fmt(x)
        startLine()
        out += "<text x=\""
        out += xText
        out += "\" y=\""
        out += fmt(y)
        out += "\""
        Self.append(attributes, to: &out, then: .content)
        for (i, lineText) in lines.enumerated() {
            out += "<tspan x=\""
            out += xText
            out += "\" dy=\""
            out += i == 0 ? "0" : fmt(lineHeight)
            out += "\">"
            Self.appendXML(lineText, to: &out)
            out += "</tspan>"
        }
        out += "</text>\n"
    }

    /// One line of markup that `write` appends straight to the bytes (no temporary string).
    mutating func line(_ write: (inout SVGBytes) -> Void) {
        startLine()
        write(&out)
        out += "\n"
    }

    mutating func raw(_ markup: String) {
        startLine()
        out += markup
        out += "\n"
    }

    /// The indentation of the current depth.
    private mutating func startLine() {
        if depth > 0 { out.bytes.append(contentsOf: repeatElement(0x20, count: depth)) }
    }

    static func attributes(_ attributes: [(String, String)]) -> String {
        var out = ""
        append(attributes, to: &out)
        return out
    }

    /// ` name="value"` for each attribute, value escaped.
    static func append(_ attributes: [(String, String)], to out: inout String) {
        append(attributes, to: &out, then: .nothing)
    }

    /// What follows the attributes of a tag.
    enum TagEnd {
        case nothing, content, line, selfClosing

        /// The end right after the last value's closing quote, written in the same append.
        var afterQuote: StaticString {
            switch self {
            case .nothing: "\""
            case .content: "\">"
            case .line: "\">\n"
            case .selfClosing: "\"/>\n"
            }
        }

        /// The end of a tag without attributes.
        var bare: StaticString {
            switch self {
            case .nothing: ""
            case .content: ">"
            case .line: ">\n"
            case .selfClosing: "/>\n"
            }
        }
    }

    /// `append`, then the end of the tag. Each value's closing quote is written with what
    /// follows it (`" `, `">`), one append fewer per attribute and per tag: charts write tens
    /// of thousands of attributes.
    static func append(_ attributes: [(String, String)], to out: inout String, then end: TagEnd) {
        var bytes = SVGBytes()
        append(attributes, to: &bytes, then: end)
        out += bytes.string
    }

    /// `append(_:to:then:)` into bytes.
    static func append(_ attributes: [(String, String)], to out: inout SVGBytes, then end: TagEnd) {
        guard !attributes.isEmpty else {
            out.append(static: end.bare)
            return
        }
        // Read in place: `for (name, value) in attributes` copies each pair out (two retains
        // and releases per attribute).
        attributes.withUnsafeBufferPointer { pairs in
            for index in pairs.indices {
                if index == 0 { out.append(static: " ") } else { out.append(static: "\" ") }
                out += pairs[index].0
                out.append(static: "=\"")
                appendXML(pairs[index].1, to: &out)
            }
        }
        out.append(static: end.afterQuote)
    }

    /// `out += Escape.xml(text)`, with the check whether anything needs escaping done here:
    /// almost no value does (numbers, class names), and the check inlines.
    static func appendXML(_ text: String, to out: inout String) {
        if text.utf8.contains(where: changesInXML) {
            out += Escape.xml(text)
        } else {
            out += text
        }
    }

    /// `appendXML(_:to:)` into bytes: checked and copied from the string's own bytes in one
    /// borrow (no retain of the string for the check and another for the copy).
    static func appendXML(_ text: String, to out: inout SVGBytes) {
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: changesInXML) else { return false }
            out.bytes.append(contentsOf: bytes)
            return true
        }
        if copied == true { return }
        if text.utf8.contains(where: changesInXML) {
            out += Escape.xml(text)
        } else {
            out += text
        }
    }

    /// The bytes `Escape.xml` replaces or removes.
    @inline(__always)
    static func changesInXML(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x26, 0x3C, 0x3E, 0x22, 0x27: true
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F: true
        default: false
        }
    }
}

/// Path data from points, with coordinates rounded.
func pathData(_ points: [(Double, Double)]) -> String {
    var d = ""
    d.reserveCapacity(points.count * 16)
    for (i, p) in points.enumerated() {
        if i > 0 { d += " " }
        d += i == 0 ? "M" : "L"
        d += fmt(p.0)
        d += " "
        d += fmt(p.1)
    }
    return d
}

/// HTML text and attribute values from content: escaped, and without the control characters
/// that HTML forbids as much as XML does (pasted from Word).
func htmlText(_ text: String) -> String {
    Escape.html(Escape.xmlCharacters(text))
}
