import Content
import Foundation
import Markdown
import Support
import Testing

@Suite("Cross references")
struct CrossReferenceValidatorTests {
    func loadAndRender(_ name: String) -> (SiteContent, [String: RenderedMarkdown]) { Fixture.loadAndRender(name) }

    @Test func goodSiteHasNoCrossReferenceProblems() {
        let (content, bodies) = loadAndRender("good")
        let anchors = CrossReferenceValidator.anchors(content: content, bodies: bodies)
        #expect(anchors["/2022/04/auftakt-des-blogs/"] == ["ziele"])
        let diagnostics = CrossReferenceValidator.validate(content: content, bodies: bodies, knownURLs: [],
                                                           anchors: anchors)
        #expect(diagnostics.isEmpty, "\(diagnostics.report)")
    }

    @Test func everyKindOfBrokenReferenceIsFound() {
        let (content, bodies) = loadAndRender("cross")
        let diagnostics = CrossReferenceValidator.validate(
            content: content, bodies: bodies, knownURLs: ["/daten/", "/feed.xml"],
            anchors: CrossReferenceValidator.anchors(content: content, bodies: bodies))
        let links = "content/beitraege/links.md"

        // URLs claimed twice.
        let clash = expectDiagnostic(diagnostics, "duplicate-url", file: "content/beitraege/zweiter.md", line: 2,
                                     column: 1, hint: "slug:")
        #expect(clash?.message.contains("content/beitraege/erster.md") == true)
        expectDiagnostic(diagnostics, "duplicate-url", file: links, line: 8, column: 5, hint: "aliases")
        expectDiagnostic(diagnostics, "duplicate-url", file: links, line: 9, column: 5)
        expectDiagnostic(diagnostics, "duplicate-url", file: "content/beitraege/zweiter.md", line: 5, column: 5)
        expectDiagnostic(diagnostics, "duplicate-url", file: "content/static/impressum/index.html", line: 1, column: 1)
        expectDiagnostic(diagnostics, "duplicate-url", file: "content/static/feed.xml", line: 1, column: 1)
        expectDiagnostic(diagnostics, "reserved-url", file: "content/seiten/tag.md", line: 1, column: 1, hint: "slug:")
        expectDiagnostic(diagnostics, "reserved-url", file: "content/seiten/2022.md", line: 1, column: 1)

        // Links and anchors.
        expectDiagnostic(diagnostics, "broken-link", file: links, line: 16, column: 1,
                         hint: "Meinten Sie „/2022/05/doppelt/“?")
        expectDiagnostic(diagnostics, "broken-link", file: links, line: 16, column: 32, hint: "/impressum/")
        expectDiagnostic(diagnostics, "broken-anchor", file: links, line: 17, column: 1, hint: "#abschnitt-eins",
                         severity: .warning)
        expectDiagnostic(diagnostics, "broken-anchor", file: links, line: 17, column: 38,
                         hint: "Meinten Sie „abschnitt-eins“?", severity: .warning)
        expectDiagnostic(diagnostics, "broken-anchor", file: links, line: 18, column: 1, hint: "#unten",
                         severity: .warning)
        expectDiagnostic(diagnostics, "link-to-alias", file: links, line: 18, column: 28, hint: "„/2022/05/doppelt/“",
                         severity: .warning)
        // Column not asserted: cmark counts bytes, and „ä“ earlier on the line is two of them.
        let absolute = diagnostics.filter { $0.code == "broken-link" && $0.location.line == 19 }
        #expect(absolute.count == 1)
        #expect(absolute.first?.message.contains("/gibt-es-nicht/") == true)

        // Images in the body and the lead image.
        expectDiagnostic(diagnostics, "missing-image", file: links, line: 22, column: 1,
                         hint: "Meinten Sie „/bilder/armut.svg“?")
        expectDiagnostic(diagnostics, "missing-image", file: links, line: 24, column: 1,
                         hint: "Meinten Sie „/bilder/armut.svg“?")
        expectDiagnostic(diagnostics, "missing-image", file: links, line: 5, column: 8,
                         hint: "content/static/bilder/titelbild.jpg")

        #expect(diagnostics.count == 18, "\(diagnostics.report)")
        #expect(diagnostics == diagnostics.sortedForReport())
    }

    @Test func linksWithoutTrailingSlashAndOwnHostWithWWWAreFine() {
        let (content, bodies) = loadAndRender("cross")
        let diagnostics = CrossReferenceValidator.validate(content: content, bodies: bodies,
                                                           knownURLs: ["/daten/"], anchors: [:])
        #expect(!diagnostics.contains { $0.location.line == 20 }, "\(diagnostics.report)")
        #expect(!diagnostics.contains { $0.location.line == 19 && $0.location.column == 1 })
    }

    @Test func anchorsAreOnlyCheckedForPagesWithKnownHeadings() {
        let (content, bodies) = loadAndRender("cross")
        let diagnostics = CrossReferenceValidator.validate(content: content, bodies: bodies,
                                                           knownURLs: ["/daten/"], anchors: [:])
        #expect(!diagnostics.codes.contains("broken-anchor"))
    }

    @Test func reservedPageSlugs() {
        for slug in ["tag", "handlungsfelder", "daten", "angebote", "assets", "feed"] {
            #expect(CrossReferenceValidator.reservedSegments.contains(slug))
        }
        let page = Page(source: SourceFile(path: "content/seiten/assets.md", body: "", bodyFirstLine: 3),
                        slug: "assets", title: "Assets")
        let content = SiteContent(config: SiteConfig(), pages: [page])
        let diagnostics = CrossReferenceValidator.validate(content: content, bodies: [:], knownURLs: [], anchors: [:])
        #expect(diagnostics.codes == ["reserved-url"])
    }
}
