import Content
import Markdown
import Outputs
import Support

/// Headings in order: every page already has its title as the one `h1`, so the text starts with
/// `##`, and no level is skipped on the way down (`##` → `####`). Screen-reader users move
/// through a page by its headings; a gap looks like a missing section (WCAG 1.3.1).
enum SiteCheckHeadings {
    static let stage = "Überschriften"

    static func check(_ site: RenderedSite) -> [Diagnostic] {
        let content = site.content
        let sources = (content.posts.map(\.source) + content.pages.map(\.source) + content.handlungsfelder.map(\.source))
            .sorted { $0.path < $1.path }
        return sources.flatMap { source in check(site.body(of: source)?.headings ?? []) }
    }

    /// `headings` of one body, which follows the page title (level 1).
    static func check(_ headings: [HeadingInfo]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var previous = 1
        for heading in headings {
            let text = heading.text.trimmingCharacters(in: .whitespaces)
            let marks = String(repeating: "#", count: heading.level)
            if text.isEmpty {
                diagnostics.append(Diagnostic(
                    .warning, code: "heading-empty", at: heading.location, "Eine Überschrift („\(marks)“) hat keinen Text.",
                    hint: "Schreiben Sie den Text der Überschrift hinter „\(marks) “ oder löschen Sie die Zeile.", stage: stage))
                continue
            }
            if heading.level == 1 {
                diagnostics.append(Diagnostic(
                    .error, code: "heading-h1", at: heading.location,
                    "„# \(text)“ ist eine Überschrift der obersten Ebene; die hat jede Seite schon: ihren Titel.",
                    hint: "Schreiben Sie „## \(text)“. Zwischenüberschriften beginnen mit ##, Unterabschnitte mit ###.",
                    stage: stage))
                continue
            }
            if heading.level > previous + 1 {
                let before = previous == 1 ? "auf den Titel (Ebene 1)"
                    : "auf eine Überschrift der Ebene \(previous) (\(String(repeating: "#", count: previous)))"
                let wanted = String(repeating: "#", count: previous + 1)
                diagnostics.append(Diagnostic(
                    .warning, code: "heading-skip", at: heading.location,
                    "Die Überschrift „\(text)“ hat Ebene \(heading.level) (\(marks)), folgt aber \(before): "
                        + "Ebene \(previous + 1) fehlt dazwischen.",
                    hint: "Schreiben Sie „\(wanted) \(text)“. Wer mit einem Screenreader liest, springt über die Ebenen "
                        + "durch den Text; eine fehlende Ebene sieht aus wie ein fehlender Abschnitt.",
                    stage: stage))
            }
            previous = heading.level
        }
        return diagnostics
    }
}
