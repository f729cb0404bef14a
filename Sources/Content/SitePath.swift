import Foundation
import Support

/// Rules for site paths written in front matter (`image`, `aliases`): they start with `/`, stay
/// on this site and cannot climb out of the output folder.
enum SitePath {
    /// `nil` when `path` is fine, otherwise the German reason.
    static func problem(_ path: String) -> String? {
        if path.hasPrefix("http://") || path.hasPrefix("https://") || path.hasPrefix("//") {
            return "ist eine vollständige Webadresse, hier ist aber ein Pfad auf dieser Website gefragt"
        }
        if !path.hasPrefix("/") { return "beginnt nicht mit „/“" }
        if let answer = asciiProblem(path) { return answer }
        if path.contains(where: { $0 == " " || $0 == "\t" || $0 == "\\" }) {
            return "enthält Leerzeichen oder einen Backslash"
        }
        if path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) {
            return "enthält „..“ oder „.“ als Ordnerangabe"
        }
        if path.contains("?") || path.contains("#") { return "enthält „?“ oder „#“" }
        return nil
    }

    /// The remaining checks of `problem` for an all-ASCII path, byte by byte (on ASCII, bytes and
    /// characters agree); nil for other paths, which the character-based checks handle. The
    /// character-based ones asked Foundation for every post with an image.
    private static func asciiProblem(_ path: String) -> String?? {
        var path = path
        return path.withUTF8 { bytes -> String?? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            if bytes.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\\") }) {
                return .some("enthält Leerzeichen oder einen Backslash")
            }
            var segmentStart = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                let length = index - segmentStart
                if (length == 1 || length == 2) && bytes[segmentStart] == UInt8(ascii: ".")
                    && bytes[index - 1] == UInt8(ascii: ".") {
                    return .some("enthält „..“ oder „.“ als Ordnerangabe")
                }
                segmentStart = index + 1
            }
            if bytes.contains(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
                return .some("enthält „?“ oder „#“")
            }
            return .some(nil)
        }
    }

    /// The path an editor probably meant: `bilder/x.jpg` or `content/static/bilder/x.jpg` → `/bilder/x.jpg`,
    /// `https://mittelsachsen-sozial.de/2022/04/x/` → `/2022/04/x/`.
    static func suggestion(for path: String) -> String? {
        var text = path
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) {
            text.removeFirst(scheme.count)
            guard let slash = text.firstIndex(of: "/") else { return nil }
            text = String(text[slash...])
        }
        if let range = text.range(of: "content/static/") { text = String(text[range.upperBound...]) }
        while text.hasPrefix("./") { text.removeFirst(2) }
        if !text.hasPrefix("/") { text = "/" + text }
        return problem(text) == nil ? text : nil
    }

    /// The lead image path, or `nil` with a diagnostic.
    static func checkImage(_ value: LocatedText, key: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let reason = problem(value.text) else { return value.text }
        let isRemote = value.text.hasPrefix("http://") || value.text.hasPrefix("https://") || value.text.hasPrefix("//")
        var hint = "Legen Sie das Bild unter content/static/bilder/ ab und schreiben Sie „\(key): /bilder/name.jpg“."
        if isRemote {
            hint = "Aus Datenschutzgründen lädt die Website nichts von fremden Servern. " + hint
        } else if let suggestion = suggestion(for: value.text) {
            hint = "Schreiben Sie „\(key): \(suggestion)“."
        }
        diagnostics.append(.error("invalid-image-path", at: value.location,
                                  "Die Bildangabe „\(value.text)“ \(reason).", hint: hint))
        return nil
    }

    /// An old URL that must keep working, or `nil` with a diagnostic.
    static func checkAlias(_ value: LocatedText, into diagnostics: inout [Diagnostic]) -> String? {
        let path = value.text.trimmingSpaces
        guard let reason = problem(path) else { return path }
        let hint = suggestion(for: path).map { "Schreiben Sie „\($0)“." }
            ?? "Alte Adressen sind Pfade auf dieser Website, z. B. „/2022/04/alter-name/“."
        diagnostics.append(.error("invalid-alias", at: value.location,
                                  "Die alte Adresse „\(path)“ in „aliases“ \(reason).", hint: hint))
        return nil
    }
}
