import Content
import Foundation
import Support
import Testing

@Suite("Post front matter")
struct PostDecoderTests {
    let file = "content/beitraege/"

    @Test func goodPostReadsEveryKey() throws {
        let (post, diagnostics) = Fixture.post("good.md")
        #expect(diagnostics.isEmpty, "\(diagnostics.report)")
        let p = try #require(post)
        #expect(p.title == "Armut in Mittelsachsen: ein Überblick")
        #expect(p.date == utc("2022-05-03T07:30:00Z"))
        #expect(p.updated == utc("2022-05-31T22:00:00Z"))
        #expect(p.summary == "Wie viele Menschen im Landkreis Mindestsicherung beziehen.")
        #expect(p.tags == ["Armut", "Mindestsicherung"])
        #expect(p.author == "Redaktion")
        #expect(p.image == "/bilder/armut.svg")
        #expect(p.imageAlt == "Balkendiagramm der Mindestsicherungsquote nach Sozialregionen")
        #expect(p.draft == false)
        #expect(p.slug == "armut-notlagen")
        #expect(p.aliases == ["/2022/04/armut-alt/"])
        #expect(p.handlungsfelder == ["armut-notlagen", "wohnen"])
        #expect(p.angebote == ["schuldnerberatung"])
        #expect(p.id == "tag:mittelsachsen-sozial.de,2022:armut")
        #expect(p.url == "/2022/05/armut-notlagen/")
        #expect(p.source.bodyFirstLine == 19)
        #expect(p.source.body.hasPrefix("\n# Armut\n"))
        #expect(p.source.keyLocations["image"] == Support.SourceLocation(file: file + "good.md", line: 8, column: 1))
        #expect(p.source.location(ofValue: "/2022/04/armut-alt/", key: "aliases")
                == Support.SourceLocation(file: file + "good.md", line: 12, column: 5))
    }

    @Test func slugDefaultsToTransliteratedTitle() throws {
        let yaml = "---\ntitle: Älterwerden in Döbeln, Roßwein\ndate: 2022-05-03\nhandlungsfelder: [senioren]\n---\n"
        let (post, diagnostics) = PostDecoder.decode(bytes: Array(yaml.utf8), path: "x.md",
                                                     handlungsfelder: DefaultHandlungsfelder.slugs)
        #expect(diagnostics.isEmpty)
        #expect(try #require(post).slug == "aelterwerden-in-doebeln-rosswein")
    }

    @Test func missingTitle() {
        let (post, diagnostics) = Fixture.post("missing-title.md")
        #expect(post == nil)
        #expect(diagnostics.codes == ["missing-title"])
        expectDiagnostic(diagnostics, "missing-title", file: file + "missing-title.md", line: 1, column: 1,
                         hint: "title:")
    }

    @Test func missingDate() {
        let (post, diagnostics) = Fixture.post("missing-date.md")
        #expect(post == nil)
        #expect(diagnostics.codes == ["missing-date"])
        expectDiagnostic(diagnostics, "missing-date", file: file + "missing-date.md", line: 1, column: 1,
                         hint: "date: 2022-04-26")
    }

    @Test func impossibleDateShowsExampleFormats() {
        let (post, diagnostics) = Fixture.post("invalid-date.md")
        #expect(post == nil)
        #expect(diagnostics.codes == ["invalid-date"])
        expectDiagnostic(diagnostics, "invalid-date", file: file + "invalid-date.md", line: 3, column: 7,
                         hint: "2022-04-26 09:30")
    }

    @Test func germanDateOrderGetsTheRewrittenDate() {
        let (_, diagnostics) = Fixture.post("german-date.md")
        expectDiagnostic(diagnostics, "invalid-date", file: file + "german-date.md", line: 3, column: 7,
                         hint: "„2022-04-26“")
    }

    @Test func unknownKeysNameTheRightKey() throws {
        let (post, diagnostics) = Fixture.post("unknown-keys.md")
        let path = file + "unknown-keys.md"
        #expect(diagnostics.count == 5, "\(diagnostics.report)")
        expectDiagnostic(diagnostics, "unknown-key", file: path, line: 2, column: 1, hint: "Meinten Sie „title“?")
        expectDiagnostic(diagnostics, "unknown-key", file: path, line: 6, column: 1, hint: "„handlungsfelder“")
        expectDiagnostic(diagnostics, "unknown-key", file: path, line: 7, column: 1, hint: "„updated“")
        expectDiagnostic(diagnostics, "unknown-key", file: path, line: 8, column: 1, hint: "„summary“")
        expectDiagnostic(diagnostics, "unknown-key", file: path, line: 9, column: 1, hint: "„tags“")
        // The post is still read, so later stages can report on it too.
        #expect(try #require(post).title == "Armut")
    }

    @Test func scalarWhereAListBelongs() {
        let (_, diagnostics) = Fixture.post("tags-not-a-list.md")
        #expect(diagnostics.codes == ["wrong-type"])
        expectDiagnostic(diagnostics, "wrong-type", file: file + "tags-not-a-list.md", line: 4, column: 7,
                         hint: "tags: [Ehrenamt, Pflege]")
    }

    @Test func listWhereATextBelongsIsNotAlsoMissing() {
        let (post, diagnostics) = Fixture.post("title-is-a-list.md")
        #expect(post == nil)
        #expect(diagnostics.codes == ["wrong-type"])
        expectDiagnostic(diagnostics, "wrong-type", file: file + "title-is-a-list.md", line: 3, column: 3)
    }

    @Test func imageNeedsAltText() {
        let (post, diagnostics) = Fixture.post("image-without-alt.md")
        #expect(post != nil)
        #expect(diagnostics.codes == ["missing-image-alt"])
        expectDiagnostic(diagnostics, "missing-image-alt", file: file + "image-without-alt.md", line: 5, column: 1,
                         hint: "image_alt")
    }

    @Test func unknownHandlungsfeldIsReportedPerItemWithClosestSlug() throws {
        let (post, diagnostics) = Fixture.post("unknown-handlungsfeld.md")
        let path = file + "unknown-handlungsfeld.md"
        #expect(diagnostics.count == 3, "\(diagnostics.report)")
        expectDiagnostic(diagnostics, "unknown-handlungsfeld", file: path, line: 6, column: 5,
                         hint: "Meinten Sie „gesundheit“?")
        expectDiagnostic(diagnostics, "unknown-handlungsfeld", file: path, line: 7, column: 5,
                         hint: "Meinten Sie „bildung“?")
        expectDiagnostic(diagnostics, "unknown-handlungsfeld", file: path, line: 8, column: 5,
                         hint: "Erlaubt sind: arbeit, inklusion")
        #expect(try #require(post).handlungsfelder == ["gesundheit"])
    }

    @Test func handlungsfelderComeFromTheGivenList() {
        let (_, diagnostics) = Fixture.post("good.md", handlungsfelder: ["armut-notlagen"])
        expectDiagnostic(diagnostics, "unknown-handlungsfeld", file: file + "good.md", line: 15, column: 5,
                         hint: "Erlaubt sind: armut-notlagen.")
    }

    @Test func emptyHandlungsfelder() {
        let (_, diagnostics) = Fixture.post("empty-handlungsfelder.md")
        #expect(diagnostics.codes == ["missing-handlungsfelder"])
        expectDiagnostic(diagnostics, "missing-handlungsfelder", file: file + "empty-handlungsfelder.md",
                         line: 4, column: 18, hint: "handlungsfelder: [armut-notlagen]")
    }

    @Test func absentHandlungsfelder() {
        let (_, diagnostics) = Fixture.post("missing-handlungsfelder.md")
        expectDiagnostic(diagnostics, "missing-handlungsfelder", file: file + "missing-handlungsfelder.md",
                         line: 1, column: 1)
    }

    @Test func slugNotInSlugFormGetsTheCorrectedSlug() {
        let (post, diagnostics) = Fixture.post("invalid-slug.md")
        #expect(post == nil)
        #expect(diagnostics.codes == ["invalid-slug"])
        expectDiagnostic(diagnostics, "invalid-slug", file: file + "invalid-slug.md", line: 4, column: 7,
                         hint: "„slug: armut-notlagen“")
    }

    @Test func aliasesMustBeSitePaths() throws {
        let (post, diagnostics) = Fixture.post("invalid-alias.md")
        let path = file + "invalid-alias.md"
        #expect(diagnostics.count == 2, "\(diagnostics.report)")
        expectDiagnostic(diagnostics, "invalid-alias", file: path, line: 6, column: 5, hint: "„/2022/04/alter-name/“")
        expectDiagnostic(diagnostics, "invalid-alias", file: path, line: 7, column: 5, hint: "„/2022/04/alt/“")
        #expect(try #require(post).aliases == ["/2022/04/gut/"])
    }

    @Test func everyProblemOfAFileIsReported() {
        let (post, diagnostics) = Fixture.post("many-problems.md")
        let path = file + "many-problems.md"
        #expect(post == nil)
        #expect(diagnostics.count == 7, "\(diagnostics.report)")
        expectDiagnostic(diagnostics, "unknown-key", file: path, line: 2, column: 1, hint: "„title“")
        expectDiagnostic(diagnostics, "missing-title", file: path, line: 1, column: 1)
        expectDiagnostic(diagnostics, "invalid-date", file: path, line: 3, column: 7)
        expectDiagnostic(diagnostics, "unknown-handlungsfeld", file: path, line: 4, column: 19)
        expectDiagnostic(diagnostics, "invalid-image-path", file: path, line: 5, column: 8, hint: "„image: /bilder/x.jpg“")
        expectDiagnostic(diagnostics, "missing-image-alt", file: path, line: 5, column: 1)
        expectDiagnostic(diagnostics, "invalid-bool", file: path, line: 6, column: 8, hint: "„draft: true“")
    }

    @Test func remoteLeadImageIsRefusedForPrivacy() {
        let yaml = "---\ntitle: A\ndate: 2022-05-03\nhandlungsfelder: [arbeit]\nimage: https://example.com/a.jpg\nimage_alt: A\n---\n"
        let (_, diagnostics) = PostDecoder.decode(bytes: Array(yaml.utf8), path: "a.md",
                                                  handlungsfelder: DefaultHandlungsfelder.slugs)
        expectDiagnostic(diagnostics, "invalid-image-path", file: "a.md", line: 5, column: 8, hint: "Datenschutz")
    }
}

@Suite("YAML syntax errors")
struct YAMLSyntaxTests {
    let file = "content/beitraege/"

    @Test func colonInTitleAsksForQuotes() {
        let (post, diagnostics) = Fixture.post("yaml-colon.md")
        #expect(post == nil)
        #expect(diagnostics.codes == ["yaml-syntax"])
        let diagnostic = expectDiagnostic(diagnostics, "yaml-syntax", file: file + "yaml-colon.md", line: 2, column: 13,
                                          hint: "Setzen Sie Titel mit Doppelpunkt in Anführungszeichen")
        #expect(diagnostic?.hint?.contains("title: \"Armut: ein Überblick\"") == true)
    }

    @Test func tabIndentationIsExplained() {
        let (_, diagnostics) = Fixture.post("yaml-tab.md")
        #expect(diagnostics.codes == ["yaml-syntax"])
        #expect(diagnostics.first?.location.line == 4, "\(diagnostics.report)")
        #expect(diagnostics.first?.hint?.contains("Leerzeichen") == true, "\(diagnostics.report)")
    }

    @Test func unclosedListIsExplained() {
        let (_, diagnostics) = Fixture.post("yaml-unclosed-list.md")
        #expect(diagnostics.codes == ["yaml-syntax"])
        #expect(diagnostics.first?.hint?.contains("[Ehrenamt, Pflege]") == true, "\(diagnostics.report)")
    }

    @Test func duplicateKeyPointsAtTheSecondOccurrence() {
        let (_, diagnostics) = Fixture.post("duplicate-key.md")
        expectDiagnostic(diagnostics, "duplicate-key", file: file + "duplicate-key.md", line: 4, column: 1,
                         hint: "nur einmal")
    }
}

@Suite("Scalars keep their text (Norway problem)")
struct NorwayTests {
    @Test func scalarsAreReadAsWritten() throws {
        let (post, diagnostics) = Fixture.post("norway.md")
        #expect(diagnostics.isEmpty, "\(diagnostics.report)")
        let p = try #require(post)
        #expect(p.title == "NO")
        #expect(p.slug == "017")
        #expect(p.url == "/2022/05/017/")
        #expect(p.summary == "12:30")
        #expect(p.author == "yes")
        #expect(p.tags == ["on", "off", "1.0", "null-acht-fuenfzehn"])
        #expect(p.id == "0x1F")
        #expect(p.draft == false)
    }

    @Test func draftNoIsAnErrorWithTheExplicitSpelling() {
        let (_, diagnostics) = Fixture.post("draft-no.md")
        #expect(diagnostics.codes == ["invalid-bool"])
        expectDiagnostic(diagnostics, "invalid-bool", file: "content/beitraege/draft-no.md", line: 5, column: 8,
                         hint: "„draft: false“")
    }

    @Test(arguments: ["true", "True", "TRUE", "false", "False"])
    func boolAcceptsTrueAndFalseInAnyCase(_ word: String) throws {
        let yaml = "---\ntitle: A\ndate: 2022-05-03\nhandlungsfelder: [arbeit]\ndraft: \(word)\n---\n"
        let (post, diagnostics) = PostDecoder.decode(bytes: Array(yaml.utf8), path: "a.md",
                                                     handlungsfelder: DefaultHandlungsfelder.slugs)
        #expect(diagnostics.isEmpty)
        #expect(try #require(post).draft == (word.lowercased() == "true"))
    }

    @Test(arguments: ["yes", "on", "ja", "Nein", "off", "1"])
    func ambiguousBoolWordsAreErrors(_ word: String) {
        let yaml = "---\ntitle: A\ndate: 2022-05-03\nhandlungsfelder: [arbeit]\ndraft: \(word)\n---\n"
        let (_, diagnostics) = PostDecoder.decode(bytes: Array(yaml.utf8), path: "a.md",
                                                  handlungsfelder: DefaultHandlungsfelder.slugs)
        #expect(diagnostics.codes == ["invalid-bool"])
    }

    @Test func nullAndTildeMeanNoValue() throws {
        let yaml = "---\ntitle: A\ndate: 2022-05-03\nhandlungsfelder: [arbeit]\nsummary: ~\nauthor:\nupdated: null\n---\n"
        let (post, diagnostics) = PostDecoder.decode(bytes: Array(yaml.utf8), path: "a.md",
                                                     handlungsfelder: DefaultHandlungsfelder.slugs)
        #expect(diagnostics.isEmpty)
        let p = try #require(post)
        #expect(p.summary == nil && p.author == nil && p.updated == nil)
    }

    @Test func quotedNullIsText() throws {
        let yaml = "---\ntitle: \"null\"\ndate: 2022-05-03\nhandlungsfelder: [arbeit]\n---\n"
        let (post, _) = PostDecoder.decode(bytes: Array(yaml.utf8), path: "a.md",
                                           handlungsfelder: DefaultHandlungsfelder.slugs)
        #expect(try #require(post).title == "null")
    }
}
