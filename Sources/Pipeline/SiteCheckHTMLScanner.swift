/// Start tags with their attributes, and the text of `<style>` elements, from generated HTML or
/// SVG — what the link, image and origin rules need, not a document tree. The build wrote the
/// markup itself (and the HTML validator of the site checks judges it), so a tokenizer that knows
/// comments, raw-text elements, quoting and character references is enough.
struct HTMLTag: Sendable, Equatable {
    /// Lower case: `a`, `img`, `use`.
    var name: String
    /// Names lower case, values with character references decoded, in source order.
    var attributes: [(name: String, value: String)]
    /// 1-based line and column (in bytes) of the `<`.
    var line: Int
    var column: Int

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    func has(_ name: String) -> Bool { attributes.contains { $0.name == name } }

    static func == (a: HTMLTag, b: HTMLTag) -> Bool {
        a.name == b.name && a.line == b.line && a.column == b.column
            && a.attributes.map(\.name) == b.attributes.map(\.name) && a.attributes.map(\.value) == b.attributes.map(\.value)
    }
}

/// CSS inside `<style>…</style>` with the line it starts on.
struct StyleBlock: Sendable, Equatable {
    var css: String
    var line: Int
}

enum HTMLScanner {
    static func scan(_ text: String) -> (tags: [HTMLTag], styles: [StyleBlock]) {
        let bytes = Array(text.utf8)
        var tags: [HTMLTag] = []
        var styles: [StyleBlock] = []
        var i = 0
        var line = 1
        var lineStart = 0
        let count = bytes.count

        func advanceLines(to end: Int) {
            while i < end {
                if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
                i += 1
            }
        }
        func find(_ needle: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int? {
            guard needle.count > 0, start + needle.count <= count else { return nil }
            var k = start
            while k + needle.count <= count {
                var matched = true
                for n in 0..<needle.count {
                    var b = bytes[k + n]
                    if caseInsensitive, b >= 0x41, b <= 0x5A { b += 0x20 }
                    if b != needle[n] { matched = false; break }
                }
                if matched { return k }
                k += 1
            }
            return nil
        }

        while i < count {
            guard bytes[i] == 0x3C else {
                if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
                i += 1
                continue
            }
            // Comments, doctype, CDATA and processing instructions hold no tags.
            if i + 3 < count, bytes[i + 1] == 0x21, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D {
                advanceLines(to: (find(Array("-->".utf8), from: i + 4).map { $0 + 3 }) ?? count)
                continue
            }
            if i + 1 < count, bytes[i + 1] == 0x21 || bytes[i + 1] == 0x3F {
                let closing: [UInt8] = bytes[i + 1] == 0x21 && find(Array("[CDATA[".utf8), from: i + 2) == i + 2
                    ? Array("]]>".utf8) : [0x3E]
                advanceLines(to: (find(closing, from: i + 2).map { $0 + closing.count }) ?? count)
                continue
            }
            guard i + 1 < count, isNameStart(bytes[i + 1]) else {
                // `</…>` end tags and a lone `<` in text.
                if i + 1 < count, bytes[i + 1] == 0x2F {
                    advanceLines(to: (find([0x3E], from: i + 2).map { $0 + 1 }) ?? count)
                } else {
                    i += 1
                }
                continue
            }
            let tagLine = line, tagColumn = i - lineStart + 1
            var k = i + 1
            while k < count, isNameByte(bytes[k]) { k += 1 }
            let name = lowercased(bytes[(i + 1)..<k])
            var attributes: [(String, String)] = []
            // Attributes until `>`; quoted values may hold `>` and line breaks.
            while k < count, bytes[k] != 0x3E {
                if isSpace(bytes[k]) || bytes[k] == 0x2F { k += 1; continue }
                let nameStart = k
                while k < count, !isSpace(bytes[k]), bytes[k] != 0x3D, bytes[k] != 0x3E,
                      !(bytes[k] == 0x2F && k + 1 < count && bytes[k + 1] == 0x3E) { k += 1 }
                let attributeName = lowercased(bytes[nameStart..<k])
                while k < count, isSpace(bytes[k]) { k += 1 }
                var value = ""
                if k < count, bytes[k] == 0x3D {
                    k += 1
                    while k < count, isSpace(bytes[k]) { k += 1 }
                    if k < count, bytes[k] == 0x22 || bytes[k] == 0x27 {
                        let quote = bytes[k]
                        let valueStart = k + 1
                        k = valueStart
                        while k < count, bytes[k] != quote { k += 1 }
                        value = decodeReferences(String(decoding: bytes[valueStart..<min(k, count)], as: UTF8.self))
                        k += 1
                    } else {
                        let valueStart = k
                        while k < count, !isSpace(bytes[k]), bytes[k] != 0x3E { k += 1 }
                        value = decodeReferences(String(decoding: bytes[valueStart..<k], as: UTF8.self))
                    }
                }
                if !attributeName.isEmpty { attributes.append((attributeName, value)) }
            }
            advanceLines(to: min(k + 1, count))
            tags.append(HTMLTag(name: name, attributes: attributes, line: tagLine, column: tagColumn))
            // Raw text: no tags inside; the CSS of <style> is kept for the origin rule.
            if ["script", "style", "textarea", "title"].contains(name) {
                let closing = Array("</\(name)".utf8)
                let end = find(closing, from: i, caseInsensitive: true) ?? count
                if name == "style" {
                    styles.append(StyleBlock(css: String(decoding: bytes[i..<end], as: UTF8.self), line: line))
                }
                advanceLines(to: end)
            }
        }
        return (tags, styles)
    }

    static func isNameStart(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    static func isNameByte(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x3A || b == 0x5F
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

    static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric references; others stay.
    static func decodeReferences(_ text: String) -> String {
        guard text.utf8.contains(0x26) else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(10).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let entity = after[..<semicolon]
            var decoded: String?
            switch entity {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            case "nbsp": decoded = "\u{A0}"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    decoded = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if entity.hasPrefix("#") {
                    decoded = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                }
            }
            if let decoded {
                out += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }
}
