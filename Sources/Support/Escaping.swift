/// Escaping for every place content ends up in. Works on UTF-8 bytes: ~8× faster than
/// Character loops on long texts (see research/swift-feasibility.md §6).
public enum Escape {
    /// Text and attribute values in HTML: `& < > " '`.
    public static func html(_ text: String) -> String {
        replacingBytes(text) { byte in
            switch byte {
            case 0x26: return "&amp;"
            case 0x3C: return "&lt;"
            case 0x3E: return "&gt;"
            case 0x22: return "&quot;"
            case 0x27: return "&#39;"
            default: return nil
            }
        }
    }

    /// XML text and attributes: only the five predefined entities, and control characters that
    /// XML 1.0 forbids (pasted from Word: U+0001…U+0008, U+000B, U+000C, U+000E…U+001F) removed.
    public static func xml(_ text: String) -> String {
        replacingBytes(text) { byte in
            switch byte {
            case 0x26: return "&amp;"
            case 0x3C: return "&lt;"
            case 0x3E: return "&gt;"
            case 0x22: return "&quot;"
            case 0x27: return "&apos;"
            case 0x09, 0x0A, 0x0D: return nil
            case 0x00...0x1F, 0x7F: return ""
            default: return nil
            }
        }
    }

    /// Removes characters XML 1.0 does not allow, without escaping anything (for CDATA content).
    public static func xmlCharacters(_ text: String) -> String {
        replacingBytes(text) { byte in
            switch byte {
            case 0x09, 0x0A, 0x0D: return nil
            case 0x00...0x1F, 0x7F: return ""
            default: return nil
            }
        }
    }

    /// A JSON string literal including the quotes. Also escapes `<`, `>` and `&` so the result is
    /// safe inside `<script type="application/ld+json">`.
    public static func jsonString(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 16 + 2)
        appendJSONString(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `html(text)` appended to a byte buffer, for writers that build a page as bytes. `text` is
    /// consumed: a caller's value moves in instead of being copied (and retained) for `withUTF8`.
    public static func appendHTML(_ text: consuming String, to out: inout [UInt8]) {
        text.withUTF8 { bytes in
            // Most values (titles, addresses, dates) have nothing to escape: one pass without an
            // exit on the way, which the compiler turns into vector instructions, tells so, and the
            // bytes go out in one piece.
            var special: UInt8 = 0
            for byte in bytes {
                special |= UInt8(truncatingIfNeeded: (byte == 0x26 ? 1 : 0) | (byte == 0x3C ? 1 : 0)
                    | (byte == 0x3E ? 1 : 0) | (byte == 0x22 ? 1 : 0) | (byte == 0x27 ? 1 : 0))
            }
            guard special != 0 else {
                out.append(contentsOf: bytes)
                return
            }
            var clean = 0
            for (index, byte) in bytes.enumerated() {
                let entity: StaticString
                switch byte {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<index]))
                entity.withUTF8Buffer { out.append(contentsOf: $0) }
                clean = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean...]))
        }
    }

    /// `jsonString` appended to a byte buffer: for writers that build a whole JSON file at once.
    public static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        appendJSONStringBody(text, to: &out)
        out.append(0x22)
    }

    /// `appendJSONString` without the quotes. Runs of bytes that need no escape (most of a post
    /// body, UTF-8 included) are copied at once, not byte by byte.
    public static func appendJSONStringBody(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            let hex: StaticString = "0123456789abcdef"
            var runStart = 0
            for (i, byte) in bytes.enumerated() {
                // `"` `\` `<` `>` `&` and the controls; `<>&` as \u003c …, so the JSON can stand in HTML.
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 else {
                    continue
                }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                runStart = i + 1
                switch byte {
                case 0x22: out.append(0x5C); out.append(0x22)                       // \"
                case 0x5C: out.append(0x5C); out.append(0x5C)                       // \\
                case 0x0A: out.append(0x5C); out.append(0x6E)                       // \n
                case 0x0D: out.append(0x5C); out.append(0x72)                       // \r
                case 0x09: out.append(0x5C); out.append(0x74)                       // \t
                default:                                                            // \u003c, \u0000 …
                    out.append(0x5C); out.append(0x75); out.append(0x30); out.append(0x30)
                    out.append(hex.utf8Start[Int(byte >> 4)])
                    out.append(hex.utf8Start[Int(byte & 0xF)])
                }
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
    }

    /// Percent-encodes what may not stand in a URL path (spaces, umlauts, quotes), keeping `/`.
    public static func urlPath(_ path: String) -> String {
        // Most paths need nothing: return them as they are, without a copy.
        guard path.utf8.contains(where: { !isURLPathSafe($0) }) else { return path }
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count + 16)
        let hex: StaticString = "0123456789ABCDEF"
        for byte in path.utf8 {
            if isURLPathSafe(byte) { out.append(byte) } else {
                out.append(0x25); out.append(hex.utf8Start[Int(byte >> 4)]); out.append(hex.utf8Start[Int(byte & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Letters, digits and `-._~/!$&'()*+,;=:@%#?`.
    @inline(__always)
    static func isURLPathSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x61...0x7A, 0x41...0x5A, 0x30...0x39: return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "%"), UInt8(ascii: "#"),
             UInt8(ascii: "?"):
            return true
        default: return false
        }
    }

    @inline(__always)
    static func replacingBytes(_ text: String, _ replacement: (UInt8) -> String?) -> String {
        var copy = text
        // On the contiguous UTF-8 storage: a plain loop over bytes, no String.UTF8View indices.
        let replaced: String? = copy.withUTF8 { bytes -> String? in
            // Fast path: nothing to replace, the caller keeps the original storage.
            guard let first = bytes.firstIndex(where: { replacement($0) != nil }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if let r = replacement(byte) { out.append(contentsOf: r.utf8) } else { out.append(byte) }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return replaced ?? text
    }
}
