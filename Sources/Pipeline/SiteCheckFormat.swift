import Support

/// How `sozialsite check` prints its report: for people (German, grouped by file) or as JSON for CI.
public enum SiteCheckFormat {
    /// Grouped by file in path order; each problem with line:column, severity, message, stage and
    /// code (to look up in docs/redaktion.md), then the hint.
    public static func text(_ report: SiteCheckReport) -> String {
        var lines: [String] = []
        var currentFile: String? = nil
        for diagnostic in report.diagnostics {
            if diagnostic.location.file != currentFile {
                if currentFile != nil { lines.append("") }
                currentFile = diagnostic.location.file
                lines.append(diagnostic.location.file)
            }
            let position = "\(diagnostic.location.line):\(diagnostic.location.column)"
            let tag = [diagnostic.stage, diagnostic.code].compactMap { $0 }.joined(separator: ": ")
            lines.append("  \(position)  \(diagnostic.severity.german): \(diagnostic.message) [\(tag)]")
            if let hint = diagnostic.hint {
                lines.append("  " + String(repeating: " ", count: position.count) + "  Hinweis: \(hint)")
            }
        }
        if !lines.isEmpty { lines.append("") }
        lines.append(summary(report))
        return lines.joined(separator: "\n")
    }

    /// The closing line: what was checked and what was found.
    public static func summary(_ report: SiteCheckReport) -> String {
        let errors = report.diagnostics.errors.count, warnings = report.diagnostics.warnings.count
        let files = Set(report.diagnostics.map(\.location.file)).count
        var text: String
        if errors == 0 && warnings == 0 {
            text = "Keine Probleme gefunden"
        } else {
            let found = [errors > 0 ? count(errors, "Fehler", "Fehler") : nil,
                         warnings > 0 ? count(warnings, "Warnung", "Warnungen") : nil].compactMap { $0 }
            text = found.joined(separator: " und ") + " in " + count(files, "Datei", "Dateien")
        }
        if report.checkedGeneratedFiles {
            text += " (geprüft: \(count(report.contentFiles, "Inhalt", "Inhalte")), \(count(report.pages, "Seite", "Seiten"))"
                + " und \(count(report.feeds, "Feed", "Feeds")))."
        } else {
            text += ". Wegen der Fehler wurde die Website nicht erzeugt; Links, Bilder, Feeds und fremde Server "
                + "der fertigen Seiten prüft sozialsite check, sobald die Fehler behoben sind."
        }
        return text
    }

    /// A JSON array, one object per problem in report order, keys always in this order:
    /// `file`, `line`, `column`, `severity` (`error`/`warning`), `code`, `message`, `hint` (or null),
    /// `stage` (or null). `[]` when there is nothing to report.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "[]\n" }
        let objects = diagnostics.map { d in
            "  {\"file\": \(Escape.jsonString(d.location.file)), \"line\": \(d.location.line), "
                + "\"column\": \(d.location.column), \"severity\": \(Escape.jsonString(d.severity.rawValue)), "
                + "\"code\": \(Escape.jsonString(d.code)), \"message\": \(Escape.jsonString(d.message)), "
                + "\"hint\": \(d.hint.map(Escape.jsonString) ?? "null"), \"stage\": \(d.stage.map(Escape.jsonString) ?? "null")}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    static func count(_ n: Int, _ singular: String, _ plural: String) -> String { "\(n) \(n == 1 ? singular : plural)" }
}
