import Foundation
import Testing
@testable import Pipeline
import Support

/// What the incremental build renders for a change, and when it must not trust its cache.
@Suite(.serialized) struct IncrementalCacheTests {
    func build(_ site: IncrementalSite, _ output: String, previous: BuildState?, drafts: Bool = false)
        -> (BuildReport, BuildState) {
        let result = IncrementalBuild.build(site.options(output: output, drafts: drafts), previous: previous)
        return (result.report, result.state)
    }

    @Test func aChangedTitleRendersThePostItsNeighboursAndItsListsOnly() throws {
        let site = try IncrementalSite()
        let output = TestSite.temporaryDirectory("abhaengig")
        // With a fixed slug the address stays; only what shows the title changes.
        try site.replace("content/beitraege/2023/drei.md", "title: Drei", "title: Drei\nslug: drei")
        let (_, first) = build(site, output, previous: nil)
        try site.replace("content/beitraege/2023/drei.md", "title: Drei", "title: Drei mit neuem Titel")
        let (report, state) = build(site, output, previous: first)
        #expect(report.succeeded)
        let rendered = try #require(state.renderedPaths)
        for path in ["2023/07/drei/index.html", "2023/05/zwei/index.html", "2023/11/vier/index.html",  // neighbours
                     "2023/index.html", "archiv/index.html", "tag/index.html", "handlungsfelder/index.html",
                     "404.html"] {
            #expect(rendered.contains(path), "fehlt: \(path)")
        }
        // The list pages that show its card (which page depends on the newer posts).
        #expect(rendered.contains { $0.hasPrefix("handlungsfelder/bildung/") && $0.hasSuffix("index.html") })
        #expect(rendered.contains { $0.hasPrefix("tag/pflege/") && $0.hasSuffix("index.html") })
        // Not the other year, not pages, not feeds of tags the post does not have.
        for path in ["2024/index.html", "impressum/index.html", "datenschutz/index.html", "tag/familie/feed.xml",
                     "handlungsfelder/arbeit/feed.xml", "robots.txt", "sitemap.xml"] {
            #expect(!rendered.contains(path), "zu viel: \(path)")
        }
        #expect(rendered.count < 40, "\(rendered.count) Dateien gerendert")
    }

    @Test func aBodyEditOfAnOldPostWithSummaryRendersItsPageOnly() throws {
        let site = try IncrementalSite()
        let output = TestSite.temporaryDirectory("text")
        let (_, first) = build(site, output, previous: nil)
        try site.replace("content/beitraege/2023/eins.md", "Text von Eins.", "Ganz neuer Text von Eins.")
        let (report, state) = build(site, output, previous: first)
        #expect(report.succeeded)
        let rendered = try #require(state.renderedPaths)
        // Three newer posts fill every feed Eins belongs to, and the newsletter shows only its
        // summary: nothing but its own page changes, and the search index (which holds the text;
        // its part renders in full every time).
        #expect(rendered == ["2023/03/eins/index.html"])
        #expect(report.written == 2)
    }

    @Test func aDeletedOrDamagedCacheMeansACleanBuild() throws {
        let site = try IncrementalSite()
        let output = TestSite.temporaryDirectory("cache")
        let options = site.options(output: output, drafts: false)
        let (_, state) = build(site, output, previous: nil)
        BuildCache.save(state, for: options)
        #expect(BuildCache.load(options)?.published != nil)

        // Damaged: cut in half.
        let main = BuildCache.mainFile(options)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: main))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: main))
        #expect(BuildCache.load(options) == nil)

        // Written by another program version: the header does not match.
        BuildCache.save(state, for: options)
        var other = [UInt8](try Data(contentsOf: URL(fileURLWithPath: main)))
        let versionOffset = 8 + BuildCache.magic.utf8.count
        other[versionOffset] &+= 1
        try Data(other).write(to: URL(fileURLWithPath: main))
        #expect(BuildCache.load(options) == nil)

        // Deleted: nothing to load, and the build starts from scratch with the same result.
        try FileManager.default.removeItem(atPath: BuildCache.folder(options))
        #expect(BuildCache.load(options) == nil)
        let (report, next) = build(site, output, previous: nil)
        #expect(report.succeeded)
        #expect(next.renderedPaths == nil)
    }

    @Test func otherOptionsUseTheirOwnCache() throws {
        let site = try IncrementalSite()
        let output = TestSite.temporaryDirectory("optionen")
        let (_, state) = build(site, output, previous: nil)
        BuildCache.save(state, for: site.options(output: output, drafts: false))
        #expect(BuildCache.load(site.options(output: output, drafts: true)) == nil)
        #expect(BuildCache.load(site.options(output: output + "-anders", drafts: false)) == nil)
        // A state for other options passed in memory is not used either.
        let (_, drafted) = build(site, output, previous: state, drafts: true)
        #expect(drafted.renderedPaths == nil)
    }

    @Test func changedConfigurationOrTemplateRendersEverything() throws {
        let site = try IncrementalSite()
        let output = TestSite.temporaryDirectory("global")
        var (_, state) = build(site, output, previous: nil)
        try site.replace("site-config.json", "\"description\": \"Eine Testseite\"", "\"description\": \"Anders\"")
        (_, state) = build(site, output, previous: state)
        #expect(state.renderedPaths == nil)
        try site.replace("themes/standard/templates/post.mustache", "Veröffentlicht am", "Erschienen am")
        (_, state) = build(site, output, previous: state)
        #expect(state.renderedPaths == nil)
        let page = try String(contentsOfFile: output + "/2023/03/eins/index.html", encoding: .utf8)
        #expect(page.contains("Erschienen am"))
    }

    @Test func filesChangedByHandInTheOutputAreRepairedFromTheCache() throws {
        let site = try IncrementalSite()
        let output = TestSite.temporaryDirectory("repariert")
        let options = site.options(output: output, drafts: false)
        let (_, state) = build(site, output, previous: nil)
        BuildCache.save(state, for: options)
        let clean = try TestSite.snapshot(output)
        try "kaputt".write(toFile: output + "/2023/03/eins/index.html", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: output + "/feed.xml")
        try "fremd".write(toFile: output + "/fremd.txt", atomically: false, encoding: .utf8)
        let (report, _) = build(site, output, previous: BuildCache.load(options))
        #expect(report.succeeded)
        let repaired = try TestSite.snapshot(output)
        #expect(repaired.keys.sorted() == clean.keys.sorted())
        #expect(repaired.keys.filter { repaired[$0] != clean[$0] }.isEmpty)
    }

    @Test func aDeletedOutputFolderIsBuiltAgain() throws {
        let site = try IncrementalSite()
        let output = TestSite.temporaryDirectory("weg")
        let (_, state) = build(site, output, previous: nil)
        let clean = try TestSite.snapshot(output)
        try FileManager.default.removeItem(atPath: output)
        let (report, _) = build(site, output, previous: state)
        #expect(report.succeeded)
        #expect(try TestSite.snapshot(output).keys.sorted() == clean.keys.sorted())
    }
}
