import Content
import Foundation
import Support
import Testing

@Suite("Pages")
struct PageDecoderTests {
    func page(_ name: String) -> (Page?, [Diagnostic]) {
        PageDecoder.decode(bytes: Fixture.bytes("pages/" + name), path: "content/seiten/" + name)
    }

    @Test func easyLanguagePageTakesItsSlugFromTheFileName() throws {
        let (page, diagnostics) = page("leichte-sprache.md")
        #expect(diagnostics.isEmpty, "\(diagnostics.report)")
        let p = try #require(page)
        #expect(p.slug == "leichte-sprache")
        #expect(p.url == "/leichte-sprache/")
        #expect(p.title == "Leichte Sprache")
        #expect(p.summary == "Die Website in Leichter Sprache.")
        #expect(p.easyLanguage)
        #expect(!p.draft)
        #expect(p.source.bodyFirstLine == 6)
    }

    @Test func givenSlugWins() throws {
        let (page, diagnostics) = page("with-slug.md")
        #expect(diagnostics.isEmpty)
        #expect(try #require(page).url == "/ueber-das-projekt/")
    }

    @Test func fileNameThatIsNoSlugNeedsRenaming() {
        let (page, diagnostics) = page("Über uns.md")
        #expect(page == nil)
        expectDiagnostic(diagnostics, "invalid-slug", file: "content/seiten/Über uns.md", line: 1, column: 1,
                         hint: "„ueber-uns.md“")
    }

    @Test func unknownPageKeys() {
        let (page, diagnostics) = page("unknown-keys.md")
        let path = "content/seiten/unknown-keys.md"
        #expect(page != nil)
        #expect(diagnostics.count == 3, "\(diagnostics.report)")
        expectDiagnostic(diagnostics, "unknown-key", file: path, line: 3, column: 1, hint: "„summary“")
        expectDiagnostic(diagnostics, "unknown-key", file: path, line: 4, column: 1, hint: "„leichte_sprache“")
        expectDiagnostic(diagnostics, "unknown-key", file: path, line: 5, column: 1,
                         hint: "Erlaubt sind: title, slug, summary, leichte_sprache, draft.")
    }
}

@Suite("Handlungsfelder")
struct HandlungsfeldDecoderTests {
    func field(_ name: String) -> (Handlungsfeld?, [Diagnostic]) {
        HandlungsfeldDecoder.decode(bytes: Fixture.bytes("handlungsfelder/" + name), path: "content/handlungsfelder/" + name)
    }

    @Test func goodHandlungsfeld() throws {
        let (field, diagnostics) = field("gesundheit.md")
        #expect(diagnostics.isEmpty, "\(diagnostics.report)")
        let f = try #require(field)
        #expect(f.slug == "gesundheit")
        #expect(f.url == "/handlungsfelder/gesundheit/")
        #expect(f.title == "GESUNDHEIT rundum")
        #expect(f.label == "Gesundheit rundum")
        #expect(f.order == 5)
        #expect(f.summary == "Vorsorge, Beratung und Hilfe in Krisen.")
        #expect(f.source.body == "Der Landkreis sorgt für Reihenuntersuchungen und Beratung.\n")
    }

    @Test func leadingZeroIsDecimalAndShoutedTitleWantsALabel() throws {
        let (field, diagnostics) = field("bildung.md")
        let path = "content/handlungsfelder/bildung.md"
        #expect(diagnostics.count == 2, "\(diagnostics.report)")
        expectDiagnostic(diagnostics, "unknown-key", file: path, line: 4, column: 1, hint: "„order“")
        expectDiagnostic(diagnostics, "missing-label", file: path, line: 2, column: 1, hint: "label:", severity: .warning)
        let f = try #require(field)
        #expect(f.order == 4)
        #expect(f.label == "lebenslange BILDUNG")
    }

    @Test func orderOutsideOneToEleven() {
        let (field, diagnostics) = field("wohnen.md")
        #expect(field == nil)
        #expect(diagnostics.codes == ["invalid-value"])
        expectDiagnostic(diagnostics, "invalid-value", file: "content/handlungsfelder/wohnen.md", line: 4, column: 8,
                         hint: "1 bis 11")
    }

    @Test func fileNameMustBeASlug() {
        let (field, diagnostics) = field("Armut & Notlagen.md")
        #expect(field == nil)
        expectDiagnostic(diagnostics, "invalid-slug", file: "content/handlungsfelder/Armut & Notlagen.md",
                         line: 1, column: 1, hint: ".md“ um")
    }

    @Test func defaultsAreTheElevenFieldsInOrder() {
        let defaults = DefaultHandlungsfelder.handlungsfelder()
        #expect(defaults.count == 11)
        #expect(defaults.map(\.order) == Array(1...11))
        #expect(defaults.first?.slug == "arbeit")
        #expect(defaults.last?.slug == "armut-notlagen")
        #expect(Set(defaults.map(\.slug)).count == 11)
        #expect(defaults.allSatisfy { Slug.make($0.slug) == $0.slug })
    }
}
