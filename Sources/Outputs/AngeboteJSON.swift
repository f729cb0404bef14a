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
    var compact: String { String(decoding: compactBytes, as: UTF8.self) }

    /// `compact` as bytes, for a file: no UTF-8 check and copy into a string and back.
    var compactBytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out, depth: nil)
        return out
    }

    /// Two-space indentation and a final newline (the open-data file people read).
    var pretty: String { String(decoding: prettyBytes, as: UTF8.self) }

    /// `pretty` as bytes: the open data of a large directory has megabytes, which the string
    /// would validate and copy twice (into the string, then back into the file's bytes).
    var prettyBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, depth: 0)
        out.append(0x0A)
        return out
    }

    /// Into one byte buffer (no string per value); `depth` nil writes compact, else the nesting level.
    private func write(into out: inout [UInt8], depth: Int?) {
        func newline(_ level: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 2 * level))
        }
        switch self {
        case .string(let text): Escape.appendJSONString(text, to: &out)
        case .number(let digits): out.append(contentsOf: digits.utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            guard !items.isEmpty else { out.append(0x5B); out.append(0x5D); return }
            out.append(0x5B)
            let inner = depth.map { $0 + 1 }
            // By index: `enumerated()` hands out a copy (a retain) of every value.
            for i in items.indices {
                if i > 0 { out.append(0x2C) }
                if let inner { newline(inner) }
                items[i].write(into: &out, depth: inner)
            }
            if let depth { newline(depth) }
            out.append(0x5D)
        case .object(let pairs):
            guard !pairs.isEmpty else { out.append(0x7B); out.append(0x7D); return }
            out.append(0x7B)
            let inner = depth.map { $0 + 1 }
            for i in pairs.indices {
                if i > 0 { out.append(0x2C) }
                if let inner { newline(inner) }
                Escape.appendJSONString(pairs[i].0, to: &out)
                out.append(0x3A)
                if depth != nil { out.append(0x20) }
                pairs[i].1.write(into: &out, depth: inner)
            }
            if let depth { newline(depth) }
            out.append(0x7D)
        }
    }
}
