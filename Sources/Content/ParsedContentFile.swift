import Support

/// A Markdown content file read as far as its front-matter fields: the shared first step of
/// posts, pages and Handlungsfelder.
struct ParsedContentFile {
    var source: SourceFile
    var fields: FieldReader
    /// The first line of the file, where "missing key" problems are reported.
    var start: SourceLocation { SourceLocation(file: source.path, line: 1, column: 1) }

    /// Decodes, splits and composes; `nil` (with the reason) when the front matter is unreadable.
    static func parse(bytes: [UInt8], path: String) -> (ParsedContentFile?, [Diagnostic]) {
        let text: String
        switch SourceText.decode(bytes, file: path) {
        case .success(let decoded): text = decoded
        case .failure(let error): return (nil, error.diagnostics)
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(text, file: path) {
        case .success(let split): frontMatter = split
        case .failure(let error): return (nil, error.diagnostics)
        }
        let document: YAMLDocument
        switch YAMLDocument.parse(frontMatter.yaml, file: path, firstLine: frontMatter.yamlFirstLine) {
        case .success(let composed): document = composed
        case .failure(let error): return (nil, error.diagnostics)
        }
        let fields = FieldReader(document.root, document: document,
                                 origin: SourceLocation(file: path, line: 1, column: 1),
                                 expectation: "eine Liste von Angaben der Form „schlüssel: wert“")
        let source = SourceFile(path: path, body: frontMatter.body, bodyFirstLine: frontMatter.bodyFirstLine,
                                keyLocations: fields.keyLocations, valueLocations: fields.valueLocations)
        return (ParsedContentFile(source: source, fields: fields), [])
    }
}

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
    /// Without leading and trailing spaces, tabs and newlines (no Foundation needed).
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
