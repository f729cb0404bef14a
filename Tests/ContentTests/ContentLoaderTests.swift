import Content
import Foundation
import TestFolders
import Support
import Testing

@Suite("Loading a site folder")
struct ContentLoaderTests {
    @Test func goodSiteLoadsWithoutDiagnostics() {
        let (content, diagnostics) = ContentLoader.load(siteDirectory: Fixture.site("good"), includeDrafts: false,
                                                        now: fixtureNow)
        #expect(diagnostics.isEmpty, "\(diagnostics.report)")
        #expect(content.config.title == "soziales.mittelsachsen.gemeinsam.machen")
        // Newest first; the two posts of 26 April tie and go by path.
        #expect(content.posts.map(\.source.path) == [
            "content/beitraege/2022/armut-notlagen.md",
            "content/beitraege/2022/auftakt.md",
            "content/beitraege/2022/gleicher-tag.md",
        ])
        #expect(content.posts.map(\.url) == ["/2022/05/armut-notlagen/", "/2022/04/auftakt-des-blogs/",
                                             "/2022/04/am-selben-tag/"])
        #expect(content.pages.map(\.url) == ["/impressum/", "/leichte-sprache/"])
        #expect(content.pages.last?.easyLanguage == true)
        #expect(content.handlungsfelder.count == 11)
        #expect(content.handlungsfelder.map(\.order) == Array(1...11))
        #expect(content.handlungsfelder.map(\.slug) == DefaultHandlungsfelder.slugs)
        #expect(content.handlungsfelder[10].title == "ARMUT & NOTLAGEN")
        #expect(content.staticFiles.map(\.sitePath) == ["/bilder/armut.svg", "/dokumente/sozialbericht.pdf"])
        #expect(content.staticFiles.allSatisfy { FileManager.default.fileExists(atPath: $0.sourcePath) })
    }

    @Test func draftsAndScheduledPostsAreIncludedOnRequest() {
        let (content, diagnostics) = ContentLoader.load(siteDirectory: Fixture.site("good"), includeDrafts: true,
                                                        now: fixtureNow)
        #expect(diagnostics.isEmpty)
        #expect(content.posts.map(\.slug) == ["geplanter-beitrag", "noch-nicht-fertig", "armut-notlagen",
                                              "auftakt-des-blogs", "am-selben-tag"])
    }

    @Test func scheduledPostAppearsOnceItsDateHasCome() {
        let later = utc("2030-01-15T07:00:00Z")  // 08:00 in Berlin, the post's time
        let (content, _) = ContentLoader.load(siteDirectory: Fixture.site("good"), includeDrafts: false, now: later)
        #expect(content.posts.first?.slug == "geplanter-beitrag")
        #expect(!content.posts.contains { $0.draft })
        let justBefore = later.addingTimeInterval(-1)
        let (earlier, _) = ContentLoader.load(siteDirectory: Fixture.site("good"), includeDrafts: false, now: justBefore)
        #expect(earlier.posts.first?.slug == "armut-notlagen")
    }

    @Test func loadingIsDeterministic() {
        let first = ContentLoader.load(siteDirectory: Fixture.site("mixed"), includeDrafts: false, now: fixtureNow)
        let second = ContentLoader.load(siteDirectory: Fixture.site("mixed"), includeDrafts: false, now: fixtureNow)
        #expect(first.0.posts == second.0.posts)
        #expect(first.1 == second.1)
    }

    @Test func everyProblemOfEveryFileIsReported() throws {
        let (content, diagnostics) = ContentLoader.load(siteDirectory: Fixture.site("mixed"), includeDrafts: false,
                                                        now: fixtureNow)
        expectDiagnostic(diagnostics, "wrong-type", file: "site-config.json", line: 1, column: 86)
        expectDiagnostic(diagnostics, "duplicate-order", file: "content/handlungsfelder/bildung.md", line: 3,
                         column: 1, hint: "1 bis 11")
        expectDiagnostic(diagnostics, "unknown-handlungsfeld", file: "content/beitraege/2022/schlecht.md", line: 4,
                         column: 19, hint: "Erlaubt sind: arbeit, bildung.")
        expectDiagnostic(diagnostics, "yaml-syntax", file: "content/beitraege/2022/kaputt.md", line: 2, column: 14)
        expectDiagnostic(diagnostics, "ignored-file", file: "content/beitraege/notiz.txt", line: 1, column: 1,
                         severity: .warning)
        expectDiagnostic(diagnostics, "ignored-file", file: "content/seiten/unterordner", line: 1, column: 1,
                         severity: .warning)
        expectDiagnostic(diagnostics, "ignored-file", file: "content/seiten/Gross.MD", line: 1, column: 1,
                         hint: "„.md“ (klein geschrieben)", severity: .warning)
        #expect(diagnostics.count == 7, "\(diagnostics.report)")
        #expect(diagnostics == diagnostics.sortedForReport())
        // Posts with errors that still have a title and date stay in, so later checks see them.
        #expect(content.posts.map(\.slug) == ["schlecht", "gut"])
        #expect(content.handlungsfelder.map(\.slug) == ["arbeit", "bildung"])
    }

    @Test func missingHandlungsfelderFolderFallsBackToTheElevenDefaults() throws {
        let (content, diagnostics) = ContentLoader.load(siteDirectory: Fixture.site("no-handlungsfelder"),
                                                        includeDrafts: false, now: fixtureNow)
        expectDiagnostic(diagnostics, "missing-handlungsfelder-folder", file: "content/handlungsfelder", line: 1,
                         column: 1, severity: .warning)
        expectDiagnostic(diagnostics, "unknown-handlungsfeld", file: "content/beitraege/beitrag.md", line: 4,
                         column: 28)
        #expect(diagnostics.count == 2, "\(diagnostics.report)")
        #expect(content.handlungsfelder.map(\.slug) == DefaultHandlungsfelder.slugs)
        #expect(try #require(content.posts.first).handlungsfelder == ["bildung"])
    }

    @Test func missingSiteConfigIsReported() throws {
        let site = try TemporarySite()
        let (_, diagnostics) = ContentLoader.load(siteDirectory: site.path, includeDrafts: false, now: fixtureNow)
        #expect(diagnostics.codes.contains("missing-config"))
    }

    @Test func symlinksMayNotLeaveTheSiteFolder() throws {
        let site = try TemporarySite()
        try site.write("site-config.json", "{ \"baseURL\": \"https://mittelsachsen-sozial.de\", \"title\": \"T\" }")
        try site.write("content/beitraege/gut.md", "---\ntitle: Gut\ndate: 2022-05-03\nhandlungsfelder: [arbeit]\n---\n")
        try site.write("content/static/bilder/a.svg", "<svg/>")
        try site.write("content/static/.DS_Store", "x")
        let outside = try TemporarySite()
        try outside.write("geheim.md", "---\ntitle: Geheim\ndate: 2022-05-03\nhandlungsfelder: [arbeit]\n---\n")
        try outside.write("passwd", "root")
        try site.link("content/beitraege/geheim.md", to: outside.path + "/geheim.md")
        try site.link("content/static/passwd", to: outside.path + "/passwd")
        try site.link("content/static/auch-a.svg", to: "bilder/a.svg")        // inside: allowed
        try site.link("content/static/bilder/schleife", to: "..")              // a loop back up
        try site.link("content/static/kaputt.svg", to: "gibt-es-nicht.svg")    // dangling

        let (content, diagnostics) = ContentLoader.load(siteDirectory: site.path, includeDrafts: false, now: fixtureNow)
        expectDiagnostic(diagnostics, "path-outside-site", file: "content/beitraege/geheim.md", line: 1, column: 1)
        expectDiagnostic(diagnostics, "path-outside-site", file: "content/static/passwd", line: 1, column: 1)
        expectDiagnostic(diagnostics, "broken-symlink", file: "content/static/kaputt.svg", line: 1, column: 1,
                         severity: .warning)
        #expect(content.posts.map(\.slug) == ["gut"])
        #expect(content.staticFiles.map(\.sitePath) == ["/auch-a.svg", "/bilder/a.svg"])
        #expect(!content.staticFiles.contains { $0.sourcePath.hasPrefix(outside.path) })
    }
}

/// A site folder in the temporary directory, removed when the value goes away.
final class TemporarySite {
    let path: String

    init() throws {
        let url = URL(fileURLWithPath: TemporaryFolder.path("sozialsite"))
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func link(_ relative: String, to destination: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }
}
