/// Feed text written straight into byte buffers: escaping a post body for Atom, JSON Feed and an
/// RSS CDATA section once per item, in one pass over its bytes, instead of cleaning it
/// (`XMLText.clean`), escaping the cleaned copy, and copying the result into strings again for
/// each line, item and channel (a feed body went through five copies before).
///
/// Every function here gives the bytes of its string counterpart for every input, which
/// `FeedBytesTests` checks on tricky text:
/// - `appendXML`: `XMLText.escape(text)`
/// - `appendCDATA`: `XMLText.cdata(text)`
/// - `appendJSONString`: `Escape.jsonString(XMLText.clean(text))`
///
/// The input is valid UTF-8 (the bytes of a Swift `String`). `XMLText.clean` drops the C0
/// controls other than tab, line feed and carriage return, DEL, and U+FFFE/U+FFFF (EF BF BE,
/// EF BF BF); in valid UTF-8 no control byte can stand inside a multi-byte scalar, so dropping
/// and escaping in the same pass gives what dropping first and escaping after gives.
enum FeedBytes {
    /// What a byte needs: 0 nothing (copied), 1 dropped (forbidden in XML), 2 escaped, 3 the lead
    /// byte of U+FFFE/U+FFFF if the next two bytes say so.
    private static func classes(escaping escaped: [UInt8]) -> [UInt8] {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in 0..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D { table[byte] = 1 }
        table[0x7F] = 1
        table[0xEF] = 3
        for byte in escaped { table[Int(byte)] = 2 }
        return table
    }

    /// `& < > " '` escaped.
    private static let xmlClasses = classes(escaping: [0x26, 0x3C, 0x3E, 0x22, 0x27])
    /// Only `>` needs a look (the end of `]]>`).
    private static let cdataClasses = classes(escaping: [0x3E])
    /// `" \ < > &`, tab, line feed and carriage return escaped.
    private static let jsonClasses = classes(escaping: [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0x09, 0x0A, 0x0D])

    /// Whether the bytes at `i` are U+FFFE or U+FFFF (`bytes[i]` is 0xEF).
    @inline(__always)
    private static func isNonCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF)
    }

    /// Eight copies of `byte`.
    @inline(__always)
    private static func lanes(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// Nonzero when one of the eight bytes of `word` is zero. (A borrow only runs on from a byte
    /// that is zero itself, so the answer "any" is exact.)
    @inline(__always)
    private static func anyZero(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// Nonzero when one of the bytes of `word` is `byte`.
    @inline(__always)
    static func any(_ word: UInt64, is byte: UInt8) -> UInt64 { anyZero(word ^ lanes(byte)) }

    /// Nonzero when one of the bytes of `word` is a C0 control (tab, line feed and carriage return
    /// too), DEL, or 0xEF (maybe U+FFFE/U+FFFF).
    @inline(__always)
    static func anyControlOrEF(_ word: UInt64) -> UInt64 {
        ((word &- lanes(0x20)) & ~word & 0x8080_8080_8080_8080) | any(word, is: 0x7F) | any(word, is: 0xEF)
    }

    /// Copies runs of plain bytes as they are and calls `special` for each byte of class 2, which
    /// appends its replacement; dropped bytes are left out. `attention(word, previous)` is nonzero
    /// when one of the eight bytes `word` may not be of class 0, or when the byte before them
    /// (`previous`) means they must be looked at one by one anyway; words without are copied as
    /// they are, eight bytes at a time.
    @inline(__always)
    private static func transform(_ bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>,
                                  attention: (_ word: UInt64, _ previous: UInt8) -> UInt64,
                                  into out: inout [UInt8], _ special: (UInt8, inout [UInt8]) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var run = 0, i = 0
        while i < count {
            var end = count
            if i &+ 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if attention(word, i > 0 ? base[i - 1] : 0) == 0 {
                    i &+= 8
                    continue
                }
                end = i &+ 8
            }
            // Byte by byte through these eight (or the last few); U+FFFE/U+FFFF may end past them.
            while i < end {
                let kind = classes[Int(base[i])]
                if kind == 0 || (kind == 3 && !isNonCharacter(bytes, at: i)) {
                    i &+= 1
                    continue
                }
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
                switch kind {
                case 1: i &+= 1
                case 2:
                    special(base[i], &out)
                    i &+= 1
                default: i &+= 3
                }
                run = i
            }
        }
        if run < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<count])) }
    }

    /// Appends `XMLText.escape` of the UTF-8 `bytes`.
    static func appendXML(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        xmlClasses.withUnsafeBufferPointer { classes in
            // HTML has a `<`, `>` or `"` in most eight bytes: byte by byte is faster than testing words.
            transform(bytes, classes: classes, attention: { _, _ in 1 }, into: &out) { byte, out in
                switch byte {
                case 0x26: out.append(static: "&amp;")
                case 0x3C: out.append(static: "&lt;")
                case 0x3E: out.append(static: "&gt;")
                case 0x22: out.append(static: "&quot;")
                default: out.append(static: "&apos;")
                }
            }
        }
    }

    /// `<name>text</name>` and a line break, `text` escaped (Atom and RSS).
    static func appendElement(_ name: StaticString, _ text: String, into x: inout [UInt8]) {
        x.append(0x3C)
        x.append(static: name)
        x.append(0x3E)
        appendXML(text, to: &x)
        x.append(0x3C)
        x.append(0x2F)
        x.append(static: name)
        x.append(0x3E)
        x.append(0x0A)
    }

    /// Appends `XMLText.escape(text)`.
    static func appendXML(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendXML($0, to: &out) }
    }

    /// Appends `XMLText.cdata` of the UTF-8 `bytes`: `<![CDATA[`, the cleaned text with each `]]>`
    /// split as `]]]]><![CDATA[>`, `]]>`.
    static func appendCDATA(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(static: "<![CDATA[")
        // A `]]>` of the cleaned text: its `]]` is what was written last (the section's own start
        // ends with `[`, a split with `>`, so neither is taken for one).
        let start = out.count
        cdataClasses.withUnsafeBufferPointer { classes in
            // Only a `>` right after `]]` (in the cleaned text) needs more than a copy, and `]` is
            // rare in HTML. Before such a `>` stands a `]` or a dropped byte (a control, DEL, or the
            // end of U+FFFE/U+FFFF, BE or BF): in its word, or just before it (`previous`).
            let attention = { (word: UInt64, previous: UInt8) -> UInt64 in
                let before: UInt64 = previous == 0x5D || previous < 0x20 || previous == 0x7F
                    || previous == 0xBE || previous == 0xBF ? 1 : 0
                return anyControlOrEF(word) | any(word, is: 0x5D) | before
            }
            transform(bytes, classes: classes, attention: attention, into: &out) { byte, out in
                let n = out.count
                if n - start >= 2, out[n - 1] == 0x5D, out[n - 2] == 0x5D {
                    out.append(static: "]]><![CDATA[>")
                } else {
                    out.append(byte)
                }
            }
        }
        out.append(static: "]]>")
    }

    /// Appends `Escape.jsonString(XMLText.clean(text))` for the UTF-8 `bytes`, quotes included.
    static func appendJSONString(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        jsonClasses.withUnsafeBufferPointer { classes in
            transform(bytes, classes: classes, attention: { _, _ in 1 }, into: &out) { byte, out in
                switch byte {
                case 0x22: out.append(0x5C); out.append(0x22)                                   // \"
                case 0x5C: out.append(0x5C); out.append(0x5C)                                   // \\
                case 0x0A: out.append(0x5C); out.append(0x6E)                                   // \n
                case 0x0D: out.append(0x5C); out.append(0x72)                                   // \r
                case 0x09: out.append(0x5C); out.append(0x74)                                   // \t
                case 0x3C: out.append(static: "\\u003c")
                case 0x3E: out.append(static: "\\u003e")
                default: out.append(static: "\\u0026")
                }
            }
        }
        out.append(0x22)
    }

    /// Appends `Escape.jsonString(XMLText.clean(text))`.
    static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendJSONString($0, to: &out) }
    }
}
