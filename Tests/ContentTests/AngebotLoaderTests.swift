import Content
import Foundation
import Support
import Testing

@Suite("Angebote: loading the folder and references from posts")
struct AngebotLoaderTests {
    let now = BerlinTime.parse("2025-11-20")!

    func load() -> (ServiceDirectory, [Diagnostic]) {
        ServiceEntryLoader.load(siteDirectory: Fixture.site("angebote"), handlungsfelder: DefaultHandlungsfelder.slugs,
                                areas: AngebotFixture.areas, now: now)
    }

    @Test func entriesSettingsAndIgnoredFiles() throws {
        let (directory, diagnostics) = load()
        // Sorted by name with umlauts folded: „Älterwerden …“ before „Schuldner…“.
        #expect(directory.entries.map(\.slug) == ["aelterwerden-doebeln", "schuldnerberatung-freiberg"])
        #expect(directory.settings.title == "Hilfe finden")
        #expect(directory.settings.summary == "Alle Angebote im Testkreis.")
        #expect(directory.settings.staleAfterMonths == 1)
        #expect(directory.settings.source?.body.contains("**alle**") == true)
        #expect(directory.entry(slug: "aelterwerden-doebeln")?.gemeinde.sozialregion == 6)
        expectDiagnostic(diagnostics, "ignored-file", file: "content/angebote/alt", line: 1, column: 1,
                         severity: .warning)
        expectDiagnostic(diagnostics, "ignored-file", file: "content/angebote/notizen.txt", line: 1, column: 1,
                         hint: ".md", severity: .warning)
        // With a check interval of one month the entry checked on 1 October 2025 is stale on 20 November.
        expectDiagnostic(diagnostics, "stale-entry", file: "content/angebote/schuldnerberatung-freiberg.md", line: 39,
                         column: 8, hint: "(1 Monate)", severity: .warning)
        #expect(diagnostics.count == 3, "\(diagnostics.report)")
    }

    @Test func siteWithoutFolderHasAnEmptyDirectory() {
        let (directory, diagnostics) = ServiceEntryLoader.load(
            siteDirectory: Fixture.site("good"), handlungsfelder: DefaultHandlungsfelder.slugs,
            areas: AngebotFixture.areas, now: now)
        #expect(directory.isEmpty && diagnostics.isEmpty)
        #expect(directory.settings.title == ServiceDirectorySettings.defaultTitle)
    }

    @Test func missingAreaListIsOneError() {
        let (directory, diagnostics) = ServiceEntryLoader.load(
            siteDirectory: Fixture.site("angebote"), handlungsfelder: DefaultHandlungsfelder.slugs,
            areas: ServiceAreas([]), now: now)
        #expect(diagnostics.codes.filter { $0 == "missing-areas" }.count == 1)
        #expect(!diagnostics.codes.contains("unknown-ags"))
        #expect(directory.entries.count == 2)
    }

    @Test func postsMayOnlyNameExistingEntries() {
        var (content, _) = ContentLoader.load(siteDirectory: Fixture.site("angebote"), includeDrafts: false, now: now)
        content.serviceDirectory = load().0
        let diagnostics = ServiceEntryReferences.validate(content: content)
        let file = "content/beitraege/mit-angeboten.md"
        expectDiagnostic(diagnostics, "unknown-angebot", file: file, line: 5, column: 34,
                         hint: "Meinten Sie „schuldnerberatung-freiberg“?")
        expectDiagnostic(diagnostics, "duplicate-value", file: file, line: 5, column: 62, severity: .warning)
        #expect(diagnostics.count == 2, "\(diagnostics.report)")

        content.serviceDirectory = ServiceDirectory()
        let none = ServiceEntryReferences.validate(content: content)
        #expect(none.errors.count == 2)
        #expect(none.errors.allSatisfy { $0.hint?.contains("noch keine Angebote") == true })
    }
}
