import Support

/// One table of `/angebote/angebote.json` (an array of flat objects), written row by row
/// straight into the bytes of `AngeboteJSON.pretty`'s layout: the file of a large directory has
/// hundreds of thousands of values, and an `AngeboteJSON` tree boxes every one of them.
struct HSDSTable {
    /// A value of a row: HSDS rows hold strings, numbers and nulls only.
    enum Field {
        case string(String)
        /// Already formatted digits (`50.9186`): no float noise.
        case number(String)
        case null

        /// `.string(text)` or `.null` for nil.
        static func text(_ value: String?) -> Field { value.map(Field.string) ?? .null }
    }

    /// The rows, each starting with its separator, as they sit at depth 2 of the document.
    private(set) var bytes: [UInt8] = []
    private(set) var isEmpty = true

    /// Appends a row: `{` and each pair on its own line, six spaces in, `}` four spaces in.
    mutating func append(_ pairs: [(String, Field)]) {
        if !isEmpty { bytes.append(0x2C) }
        isEmpty = false
        bytes.append(contentsOf: "\n    ".utf8)
        guard !pairs.isEmpty else {
            bytes.append(contentsOf: "{}".utf8)
            return
        }
        bytes.append(0x7B)
        for i in pairs.indices {
            if i > 0 { bytes.append(0x2C) }
            bytes.append(contentsOf: "\n      ".utf8)
            Escape.appendJSONString(pairs[i].0, to: &bytes)
            bytes.append(contentsOf: ": ".utf8)
            switch pairs[i].1 {
            case .string(let text): Escape.appendJSONString(text, to: &bytes)
            case .number(let digits): bytes.append(contentsOf: digits.utf8)
            case .null: bytes.append(contentsOf: "null".utf8)
            }
        }
        bytes.append(contentsOf: "\n    }".utf8)
    }

    /// The whole file: the string fields of the head, then each table as an array, two-space
    /// indentation and a final newline, as `AngeboteJSON.pretty` writes the same object.
    static func document(head: [(String, String)], tables: [(String, HSDSTable)]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(tables.reduce(256) { $0 + $1.1.bytes.count + 32 })
        out.append(0x7B)
        var first = true
        func key(_ name: String) {
            if !first { out.append(0x2C) }
            first = false
            out.append(contentsOf: "\n  ".utf8)
            Escape.appendJSONString(name, to: &out)
            out.append(contentsOf: ": ".utf8)
        }
        for (name, value) in head {
            key(name)
            Escape.appendJSONString(value, to: &out)
        }
        for (name, table) in tables {
            key(name)
            if table.isEmpty {
                out.append(contentsOf: "[]".utf8)
            } else {
                out.append(0x5B)
                out.append(contentsOf: table.bytes)
                out.append(contentsOf: "\n  ]".utf8)
            }
        }
        if first {
            out.append(0x7D)
        } else {
            out.append(contentsOf: "\n}".utf8)
        }
        out.append(0x0A)
        return out
    }
}
