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
        let frontMatter: FrontMatter
        switch SourceText.frontMatter(bytes, file: path) {
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
                                positions: fields.positions)
        return (ParsedContentFile(source: source, fields: fields), [])
    }
}
