import Support

/// A JSON value with object keys in the order they were given, so the open-data files and the
/// search index are byte-identical from build to build. Strings go through `Escape.jsonString`.
indirect enum AngeboteJSON: Sendable, Equatable {
    case string(String)
    /// Already formatted digits (`50.9186`, `3`): no float noise.
    case number(String)
    case bool(Bool)
    case null
    case array([AngeboteJSON])
    case object([(String, AngeboteJSON)])

    static func == (a: AngeboteJSON, b: AngeboteJSON) -> Bool { a.compact == b.compact }

    static func int(_ value: Int) -> AngeboteJSON { .number(String(value)) }

    /// `.string(text)` or `.null` for nil.
    static func text(_ value: String?) -> AngeboteJSON { value.map(AngeboteJSON.string) ?? .null }

    static func strings(_ values: [String]) -> AngeboteJSON { .array(values.map(AngeboteJSON.string)) }

    /// One line, no spaces (JSON-LD in a page, the search index).
    var compact: String {
        var out = ""
        write(into: &out, indent: nil)
        return out
    }

    /// Two-space indentation and a final newline (the open-data file people read).
    var pretty: String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    private func write(into out: inout String, indent: String?) {
        switch self {
        case .string(let text): out += Escape.jsonString(text)
        case .number(let digits): out += digits
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            let inner = indent.map { $0 + "  " }
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if let inner { out += "\n" + inner }
                item.write(into: &out, indent: inner)
            }
            if let indent { out += "\n" + indent }
            out += "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{"
            let inner = indent.map { $0 + "  " }
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += "," }
                if let inner { out += "\n" + inner }
                out += Escape.jsonString(pair.0) + (indent == nil ? ":" : ": ")
                pair.1.write(into: &out, indent: inner)
            }
            if let indent { out += "\n" + indent }
            out += "}"
        }
    }
}
