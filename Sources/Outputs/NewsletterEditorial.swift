import Foundation
import Support
import Yams

/// The editorial text of one edition: `content/newsletter/<YYYY-MM>.md`, optional front matter
/// with `title` and `preheader`, Markdown body.
public struct NewsletterEditorial: Sendable, Hashable {
    /// Edition key from the file name (`2022-05`).
    public var id: String
    /// Site-relative path (`content/newsletter/2022-05.md`), for diagnostics and Markdown.
    public var path: String
    public var title: String?
    /// Preview text shown by mail programs after the subject.
    public var preheader: String?
    public var body: String
    /// Line of the file on which `body` starts.
    public var bodyFirstLine: Int

    public init(id: String, path: String, title: String? = nil, preheader: String? = nil, body: String,
                bodyFirstLine: Int = 1) {
        self.id = id
        self.path = path
        self.title = title
        self.preheader = preheader
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }
}

/// Reads `content/newsletter/*.md`. Self-contained (the content loader does not know these files):
/// front matter split by `---` lines, YAML via Yams, every problem as a German diagnostic.
public enum NewsletterEditorialLoader {
    public static let folder = "content/newsletter"
    static let knownKeys = ["title", "preheader"]

    /// All editorial files below `siteDirectory`, sorted by file name. A missing folder is fine.
    public static func load(siteDirectory: URL) -> (editorials: [NewsletterEditorial], diagnostics: [Diagnostic]) {
        let folderURL = siteDirectory.appendingPathComponent(folder, isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folderURL.path) else { return ([], []) }
        var editorials: [NewsletterEditorial] = []
        var diagnostics: [Diagnostic] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = "\(folder)/\(name)"
            guard name.hasSuffix(".md") else {
                diagnostics.append(.warning("newsletter-file", at: SourceLocation(file: path),
                                            "Die Datei wird nicht verwendet: Im Ordner content/newsletter/ stehen nur Texte als .md-Dateien.",
                                            hint: "Benennen Sie sie nach der Ausgabe, z. B. content/newsletter/2022-05.md."))
                continue
            }
            guard let data = FileManager.default.contents(atPath: folderURL.appendingPathComponent(name).path) else {
                diagnostics.append(.error("newsletter-unreadable", at: SourceLocation(file: path),
                                          "Die Datei lässt sich nicht lesen."))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error("newsletter-encoding", at: SourceLocation(file: path),
                                          "Die Datei ist nicht in UTF-8 gespeichert.",
                                          hint: "Speichern Sie sie im Editor mit der Kodierung UTF-8."))
                continue
            }
            let (editorial, problems) = parse(text, path: path)
            diagnostics += problems
            if let editorial { editorials.append(editorial) }
        }
        return (editorials, diagnostics)
    }

    /// Parses one file's text. The file name must be an edition key (`2022-05.md`).
    public static func parse(_ rawText: String, path: String) -> (NewsletterEditorial?, [Diagnostic]) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        guard NewsletterEdition.parseID(stem) != nil else {
            return (nil, [.error("newsletter-file-name", at: SourceLocation(file: path),
                                 "Der Dateiname „\(name)“ nennt keine Ausgabe.",
                                 hint: "Benennen Sie die Datei nach Jahr und Monat der Ausgabe, z. B. 2022-05.md für Mai 2022.")])
        }
        var text = rawText
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingBytes([("\r\n", "\n")])
        // Without a front matter the whole file is the editorial text.
        guard text.hasPrefix("---") else {
            return (NewsletterEditorial(id: stem, path: path, body: text, bodyFirstLine: 1), [])
        }
        let parts: FrontMatter
        switch FrontMatter.split(text, file: path) {
        case .success(let split): parts = split
        case .failure(let error): return (nil, error.diagnostics)
        }
        let yaml = parts.yaml
        let body = parts.body
        var diagnostics: [Diagnostic] = []
        var title: String? = nil
        var preheader: String? = nil
        do {
            if let node = try Yams.compose(yaml: yaml) {
                guard let mapping = node.mapping else {
                    return (nil, [.error("newsletter-front-matter", at: SourceLocation(file: path, line: 2),
                                         "Im Kopfbereich stehen keine Angaben der Form „schlüssel: wert“.",
                                         hint: "Zum Beispiel: title: \"Neues aus dem Landkreis\"")])
                }
                for (keyNode, valueNode) in mapping {
                    let key = keyNode.string ?? ""
                    let line = (keyNode.mark?.line ?? 1) + 1
                    let location = SourceLocation(file: path, line: line, column: keyNode.mark?.column ?? 1)
                    guard knownKeys.contains(key) else {
                        diagnostics.append(.warning("newsletter-unknown-key", at: location,
                                                    "Die Angabe „\(key)“ wird im Newsletter nicht verwendet.",
                                                    hint: Suggestion.hint(for: key, in: knownKeys)
                                                        ?? "Möglich sind title und preheader."))
                        continue
                    }
                    guard valueNode.scalar != nil, let value = valueNode.string else {
                        diagnostics.append(.error("newsletter-value", at: location,
                                                  "„\(key)“ muss ein Text sein.",
                                                  hint: "Schreiben Sie den Text in Anführungszeichen: \(key): \"…\""))
                        continue
                    }
                    let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                    if key == "title" { title = trimmed.isEmpty ? nil : trimmed } else { preheader = trimmed.isEmpty ? nil : trimmed }
                }
            }
        } catch {
            var line = 2, column = 1
            if let yamlError = error as? YamlError {
                switch yamlError {
                case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
                    line = mark.line + 1
                    column = mark.column
                default: break
                }
            }
            return (nil, [.error("newsletter-yaml", at: SourceLocation(file: path, line: line, column: column),
                                 "Der Kopfbereich ist kein gültiges YAML.",
                                 hint: "Prüfen Sie Doppelpunkte und Anführungszeichen, z. B. title: \"Neues im Mai\"")])
        }
        let editorial = NewsletterEditorial(id: stem, path: path, title: title, preheader: preheader, body: body,
                                            bodyFirstLine: parts.bodyFirstLine)
        return (editorial, diagnostics)
    }
}
