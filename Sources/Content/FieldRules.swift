import Foundation
import Support

/// Checks shared by the decoders.
enum FieldRules {
    /// `true` when `text` is already what `Slug.make` would make of it (`armut-notlagen`, `017`).
    static func isSlug(_ text: String) -> Bool { !text.isEmpty && Slug.make(text) == text }

    /// Trimmed text, `nil` when nothing is left.
    static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingSpaces, !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// A given slug must be in slug form; the hint shows the corrected one.
    static func checkSlug(_ value: LocatedText, key: String, into diagnostics: inout [Diagnostic]) -> String? {
        if isSlug(value.text) { return value.text }
        let corrected = Slug.make(value.text)
        let bytes = value.text.utf8
        if bytes.count > Slug.maximumLength,
           bytes.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) {
            // Only too long: the address would end in a folder name the file system refuses.
            var short = Array(bytes.prefix(60))
            if let dash = short.lastIndex(of: 0x2D), dash > 0 { short.removeSubrange(dash...) }
            diagnostics.append(.error(
                "slug-too-long", at: value.location,
                "Die Adresse („\(key)“) ist \(bytes.count) Zeichen lang; möglich sind höchstens \(Slug.maximumLength).",
                hint: "Kürzen Sie sie, z. B. auf „\(key): \(String(decoding: short, as: UTF8.self))“."))
            return nil
        }
        diagnostics.append(.error(
            "invalid-slug", at: value.location,
            "„\(value.text)“ ist als Adresse („\(key)“) nicht geeignet: erlaubt sind nur Kleinbuchstaben a–z, "
                + "Ziffern und Bindestriche.",
            hint: corrected.isEmpty ? "Schreiben Sie z. B. „\(key): mein-beitrag“."
                                    : "Schreiben Sie „\(key): \(corrected)“."))
        return nil
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespaces)` without asking Foundation when both end bytes are
    /// visible ASCII, so there is nothing to trim.
    var trimmingWhitespaces: String {
        guard let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F
        else { return trimmingCharacters(in: .whitespaces) }
        return self
    }

    /// Without leading and trailing spaces, tabs and newlines (no Foundation needed).
    var trimmingSpaces: String {
        // Most values have nothing to trim: a first and last byte that are no space, tab or line
        // end mean the first and last characters are none either (the byte check is cheap).
        if let first = utf8.first, let last = utf8.last, !String.isSpaceByte(first), !String.isSpaceByte(last) {
            return self
        }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }

    private static func isSpaceByte(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
