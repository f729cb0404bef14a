import Content
import Foundation
import Support
import Testing

/// Diagnostics that need only a few lines of input, written inline next to their assertions.
@Suite("Smaller diagnostics")
struct SmallerDiagnosticsTests {
    func post(_ frontMatter: String) -> (Post?, [Diagnostic]) {
        PostDecoder.decode(bytes: Array("---\n\(frontMatter)---\n".utf8), path: "a.md",
                           handlungsfelder: DefaultHandlungsfelder.slugs)
    }

    @Test func tagsWithoutLettersAndDuplicateTags() throws {
        let (post, diagnostics) = post("title: A\ndate: 2022-05-03\nhandlungsfelder: [arbeit]\ntags: [Pflege, \"!!\", pflege, Ehrenamt]\n")
        expectDiagnostic(diagnostics, "invalid-tag", file: "a.md", line: 5, column: 16)
        expectDiagnostic(diagnostics, "duplicate-tag", file: "a.md", line: 5, column: 22, hint: "doppelten",
                         severity: .warning)
        #expect(try #require(post).tags == ["Pflege", "Ehrenamt"])
    }

    @Test func altTextWithoutImage() {
        let (_, diagnostics) = post("title: A\ndate: 2022-05-03\nhandlungsfelder: [arbeit]\nimage_alt: Ein Bild\n")
        expectDiagnostic(diagnostics, "unused-image-alt", file: "a.md", line: 5, column: 1, severity: .warning)
    }

    @Test func angeboteAreSlugs() throws {
        let (post, diagnostics) = post("title: A\ndate: 2022-05-03\nhandlungsfelder: [arbeit]\nangebote: [Schuldnerberatung Freiberg, tafel]\n")
        expectDiagnostic(diagnostics, "invalid-slug", file: "a.md", line: 5, column: 12,
                         hint: "schuldnerberatung-freiberg")
        #expect(try #require(post).angebote == ["tafel"])
    }

    // A title of a few hundred characters made a folder name the file system refused; the build
    // failed at the very end with "File name too long".
    @Test func longTitleGivesAWordPressLengthSlug() throws {
        let title = String(repeating: "Sehr langer Titel über Älteres ", count: 12)
        let (post, diagnostics) = post("title: \(title)\ndate: 2022-05-03\nhandlungsfelder: [arbeit]\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let slug = try #require(post).slug
        #expect(slug.utf8.count <= Slug.maximumLength && !slug.hasSuffix("-"))
        #expect(slug.hasPrefix("sehr-langer-titel-ueber-aelteres-sehr-langer-titel"))
    }

    @Test func givenSlugTooLong() {
        let long = Array(repeating: "abschnitt", count: 30).joined(separator: "-")
        let (post, diagnostics) = post("title: A\ndate: 2022-05-03\nslug: \(long)\nhandlungsfelder: [arbeit]\n")
        #expect(post == nil)
        expectDiagnostic(diagnostics, "slug-too-long", file: "a.md", line: 4, column: 7,
                         hint: "slug: abschnitt-abschnitt-abschnitt-abschnitt-abschnitt-abschnitt“")
        #expect(diagnostics.first?.message.contains("299 Zeichen") == true, "\(diagnostics)")
    }

    @Test func handlungsfeldListedTwice() throws {
        let (post, diagnostics) = post("title: A\ndate: 2022-05-03\nhandlungsfelder:\n  - arbeit\n  - arbeit\n")
        expectDiagnostic(diagnostics, "duplicate-handlungsfeld", file: "a.md", line: 6, column: 5, severity: .warning)
        #expect(try #require(post).handlungsfelder == ["arbeit"])
    }

    @Test func emptyQuotedTitleIsMissing() {
        let (_, diagnostics) = post("title: \"\"\ndate: 2022-05-03\nhandlungsfelder: [arbeit]\n")
        #expect(diagnostics.codes == ["missing-title"])
    }

    @Test func frontMatterThatIsNoMapping() {
        let (post, diagnostics) = post("Nur ein Satz ohne Doppelpunkt\n")
        #expect(post == nil)
        expectDiagnostic(diagnostics, "wrong-type", file: "a.md", line: 2, column: 1, hint: "schlüssel: wert")
        #expect(diagnostics.codes.contains("missing-title") && diagnostics.codes.contains("missing-date"))
    }

    @Test func controlCharacterFromWordIsLocated() {
        let (_, diagnostics) = post("title: A\nsummary: Zeile\u{0B}umbruch\ndate: 2022-05-03\n")
        expectDiagnostic(diagnostics, "yaml-syntax", file: "a.md", line: 3, column: 15, hint: "Word")
    }

    // libyaml stops at a nesting depth and said so in English inside the German message.
    @Test func deeplyNestedBracketsAreExplained() {
        let (_, diagnostics) = post("title: A\nx: \(String(repeating: "[", count: 2000))\(String(repeating: "]", count: 2000))\n")
        expectDiagnostic(diagnostics, "yaml-syntax", file: "a.md", line: 3, column: 5, hint: "[Ehrenamt, Pflege]")
        #expect(diagnostics.allSatisfy { !$0.message.contains("nesting") }, "\(diagnostics)")
    }

    @Test func handlungsfeldWithoutOrder() {
        let (field, diagnostics) = HandlungsfeldDecoder.decode(bytes: Array("---\ntitle: Arbeit\n---\n".utf8),
                                                               path: "content/handlungsfelder/arbeit.md")
        #expect(field == nil)
        expectDiagnostic(diagnostics, "missing-order", file: "content/handlungsfelder/arbeit.md", line: 1, column: 1,
                         hint: "order: 5")
    }

    @Test func twoPagesWithTheSameSlug() {
        let first = Page(source: SourceFile(path: "content/seiten/impressum.md", body: "", bodyFirstLine: 4),
                         slug: "impressum", title: "Impressum")
        let second = Page(source: SourceFile(path: "content/seiten/kontakt.md", body: "", bodyFirstLine: 4,
                                             keyLocations: ["slug": Support.SourceLocation(file: "content/seiten/kontakt.md", line: 3)]),
                          slug: "impressum", title: "Kontakt")
        let content = SiteContent(config: SiteConfig(), pages: [second, first])
        let diagnostics = CrossReferenceValidator.validate(content: content, bodies: [:], knownURLs: [], anchors: [:])
        expectDiagnostic(diagnostics, "duplicate-url", file: "content/seiten/kontakt.md", line: 3, column: 1)
        #expect(diagnostics.count == 1)
    }

    @Test func nonGermanLanguageIsAWarning() {
        let json = "{\n  \"baseURL\": \"https://mittelsachsen-sozial.de\",\n  \"title\": \"T\",\n  \"language\": \"en-US\"\n}\n"
        let (config, diagnostics) = SiteConfigLoader.parse(bytes: Array(json.utf8))
        expectDiagnostic(diagnostics, "unexpected-language", file: "site-config.json", line: 4, column: 15,
                         hint: "de-DE", severity: .warning)
        #expect(config.language == "en-US")
    }

    @Test func duplicateKeyInJSON() {
        let json = "{\n  \"title\": \"A\",\n  \"baseURL\": \"https://x.de\",\n  \"title\": \"B\"\n}\n"
        let (_, diagnostics) = SiteConfigLoader.parse(bytes: Array(json.utf8))
        let d = expectDiagnostic(diagnostics, "duplicate-key", file: "site-config.json", line: 4, column: 3)
        #expect(d?.message.contains("site-config.json") == true)
    }
}
