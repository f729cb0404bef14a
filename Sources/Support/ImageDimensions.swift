/// Pixel size of an image, for `width`/`height` attributes.
public struct ImageSize: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// Width and height of an image from its first bytes, so `<img>` gets `width`/`height` and the
/// page does not jump while loading. PNG, GIF, JPEG, WebP and SVG (width/height or viewBox).
public enum ImageDimensions {
    public static func of(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return png(bytes) }
        if bytes.starts(with: Array("GIF8".utf8)) { return gif(bytes) }
        if bytes.starts(with: [0xFF, 0xD8]) { return jpeg(bytes) }
        if bytes.count > 30, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return webp(bytes)
        }
        return svg(bytes)
    }

    static func bigEndian(_ b: [UInt8], _ at: Int, _ length: Int) -> Int {
        guard at + length <= b.count else { return 0 }
        return b[at..<at + length].reduce(0) { $0 << 8 | Int($1) }
    }

    static func littleEndian(_ b: [UInt8], _ at: Int, _ length: Int) -> Int {
        guard at + length <= b.count else { return 0 }
        return b[at..<at + length].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    static func png(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 24 else { return nil }
        return positive(bigEndian(b, 16, 4), bigEndian(b, 20, 4))
    }

    static func gif(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 10 else { return nil }
        return positive(littleEndian(b, 6, 2), littleEndian(b, 8, 2))
    }

    static func jpeg(_ b: [UInt8]) -> (Int, Int)? {
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            let length = bigEndian(b, i + 2, 2)
            // SOF0…SOF15 except DHT (C4), JPG (C8), DAC (CC) carry the frame size.
            if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                return positive(bigEndian(b, i + 7, 2), bigEndian(b, i + 5, 2))
            }
            i += 2 + length
        }
        return nil
    }

    static func webp(_ b: [UInt8]) -> (Int, Int)? {
        let chunk = String(decoding: b[12..<16], as: UTF8.self)
        switch chunk {
        case "VP8 ": return positive(littleEndian(b, 26, 2) & 0x3FFF, littleEndian(b, 28, 2) & 0x3FFF)
        case "VP8L":
            let bits = littleEndian(b, 21, 4)
            return positive((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X": return positive(littleEndian(b, 24, 3) + 1, littleEndian(b, 27, 3) + 1)
        default: return nil
        }
    }

    /// Reads the root `<svg …>` tag's attributes; good enough for the files editors export.
    static func svg(_ b: [UInt8]) -> (Int, Int)? {
        let head = String(decoding: b.prefix(4096), as: UTF8.self)
        guard let start = head.range(of: "<svg") else { return nil }
        guard let end = head[start.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = head[start.upperBound..<end]
        func attribute(_ name: String) -> String? {
            guard let r = tag.range(of: " \(name)=") ?? tag.range(of: "\n\(name)=") else { return nil }
            let rest = tag[r.upperBound...]
            guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
            let value = rest.dropFirst().prefix(while: { $0 != quote })
            return String(value)
        }
        func number(_ text: String?) -> Double? {
            guard let text else { return nil }
            let digits = text.prefix(while: { $0.isNumber || $0 == "." })
            guard digits.count == text.count || text.hasSuffix("px") else { return nil }
            return Double(digits)
        }
        if let w = number(attribute("width")), let h = number(attribute("height")) {
            return positive(Int(w.rounded()), Int(h.rounded()))
        }
        if let box = attribute("viewBox") {
            let parts = box.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            if parts.count == 4 { return positive(Int(parts[2].rounded()), Int(parts[3].rounded())) }
        }
        return nil
    }

    static func positive(_ w: Int, _ h: Int) -> (Int, Int)? { w > 0 && h > 0 ? (w, h) : nil }
}
