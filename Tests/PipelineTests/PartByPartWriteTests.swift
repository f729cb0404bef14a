import Foundation
import Outputs
import Testing
@testable import Pipeline
import Support

/// A clean build writes each part of the site as soon as it is rendered (`SiteBuilder.renderAndWrite`).
/// It must publish exactly what writing everything at once publishes, and publish nothing when a
/// later part fails.
@Suite(.serialized) struct PartByPartWriteTests {
    let now = BerlinTime.parse("2026-01-01")!

    func options(_ site: String, _ output: String) -> BuildOptions {
        BuildOptions(siteDirectory: site, outputDirectory: output, now: now)
    }

    @Test func partByPartEqualsAllAtOnce() throws {
        let site = try GeneratedBlog.make(posts: 80, seed: 5)
        let streamed = TestSite.temporaryDirectory("teilweise"), atOnce = TestSite.temporaryDirectory("auf-einmal")
        let report = SiteBuilder.build(options(site, streamed))
        #expect(report.succeeded, "\(report.diagnostics.errors.prefix(3))")
        // The collecting path: render everything, then publish (as `check` and cached builds do).
        let rendered = RenderStage.run(try context(site, atOnce))
        _ = try OutputWriter(outputDirectory: atOnce).publish(files: rendered.files, copies: rendered.copies)
        let a = try TestSite.snapshot(streamed), b = try TestSite.snapshot(atOnce)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.keys.sorted().filter { a[$0] != b[$0] }.isEmpty)
        #expect(report.files == rendered.files.count + rendered.copies.count)
        #expect(report.pages == rendered.files.count { $0.path.hasSuffix(".html") })
        #expect(Set(report.timings.map(\.stage)) == Set(BuildStage.allCases), "each stage once, summed over the parts")
        #expect(report.timings.count == BuildStage.allCases.count)
    }

    func context(_ site: String, _ output: String) throws -> RenderContext {
        let loaded = LoadStage.run(options(site, output))
        let theme = try #require(loaded.theme)
        let bodies = MarkdownStage.render(loaded.content, imageSizes: loaded.imageSizes)
        var pageOptions = SitePages.Options(imageSize: { path in loaded.imageSizes[path].map { ($0.width, $0.height) } })
        pageOptions.hasDashboard = Dashboard.isAvailable(loaded.data)
        return RenderContext(site: RenderedSite(content: loaded.content, bodies: bodies, data: loaded.data),
                             theme: theme, pageOptions: pageOptions, editorials: loaded.editorials)
    }

    @Test func aFailureInALaterPartPublishesNothing() throws {
        let site = try GeneratedBlog.make(posts: 30, seed: 6)
        let output = TestSite.temporaryDirectory("bestand")
        #expect(SiteBuilder.build(options(site, output)).succeeded)
        let before = try TestSite.snapshot(output)
        try TestSite.write(site + "/content/beitraege/neu.md", """
            ---
            title: Ganz neuer Beitrag
            date: 2025-06-01
            handlungsfelder: [bildung]
            ---
            Neu.
            """)
        let context = try context(site, output)
        // The pages are written into the staging folder, then a later part reports an error …
        let broken = OutputPart(name: "kaputt") { _ in
            ([OutputFile(path: "kaputt.txt", text: "x")], [.error("test-error", at: SourceLocation(file: "x"), "Fehler")])
        }
        let failed = SiteBuilder.renderAndWrite(context, options: options(site, output), clock: StageClock(), diagnostics: [],
                                                parts: [.pages, broken, .feeds])
        #expect(!failed.succeeded && failed.diagnostics.errors.map(\.code) == ["test-error"])
        #expect(try TestSite.snapshot(output) == before, "the published site stays as it was")
        // … or two parts want the same file.
        let twice = OutputPart(name: "doppelt") { _ in ([OutputFile(path: "index.html", text: "doppelt")], []) }
        let clash = SiteBuilder.renderAndWrite(context, options: options(site, output), clock: StageClock(), diagnostics: [],
                                               parts: [.pages, twice])
        #expect(clash.diagnostics.errors.map(\.code) == ["duplicate-output"])
        #expect(try TestSite.snapshot(output) == before)
        // The next good build publishes the new post.
        #expect(SiteBuilder.build(options(site, output)).succeeded)
        #expect(FileManager.default.fileExists(atPath: output + "/2025/06/ganz-neuer-beitrag/index.html"))
    }

    @Test func foldersAndFilesSwapPlacesInTheStagingFolder() throws {
        let site = try GeneratedBlog.make(posts: 20, seed: 8)
        let output = TestSite.temporaryDirectory("tausch")
        #expect(SiteBuilder.build(options(site, output)).succeeded)
        #expect(SiteBuilder.build(options(site, output)).succeeded)  // the staging folder now holds a site
        let staging = (output as NSString).deletingLastPathComponent + "/." + (output as NSString).lastPathComponent + ".neu"
        // Where the new site has a folder the staging folder has a file, and the other way round.
        try FileManager.default.removeItem(atPath: staging + "/impressum")
        try TestSite.write(staging + "/impressum", "eine Datei statt eines Ordners")
        try FileManager.default.removeItem(atPath: staging + "/robots.txt")
        try TestSite.write(staging + "/robots.txt/alt.html", "ein Ordner statt einer Datei")
        try TestSite.write(staging + "/veraltet/tief/alt.html", "weg")
        let report = SiteBuilder.build(options(site, output))
        #expect(report.succeeded, "\(report.diagnostics.errors.prefix(3))")
        let fresh = TestSite.temporaryDirectory("tausch-frisch")
        #expect(SiteBuilder.build(options(site, fresh)).succeeded)
        #expect(try TestSite.snapshot(output) == TestSite.snapshot(fresh))
    }

    /// Folders are claimed under the session's lock but made outside it: a lane may place a file
    /// into a folder that the other lane claimed and has not made yet, or claim a folder below it.
    @Test func aFileInAFolderClaimedByTheOtherLaneIsWrittenAnyway() throws {
        let output = TestSite.temporaryDirectory("zwei-bahnen")
        var session = try OutputWriter(outputDirectory: output).session()
        let first = try session.reserve(["2024/05/a/index.html"])
        let second = try session.reserve(["2024/05/b/index.html", "2024/05/a/bild.txt"])
        #expect(first.folders.flatMap { $0.flatMap { $0 } }.sorted() == ["2024", "2024/05", "2024/05/a"])
        #expect(second.folders.flatMap { $0.flatMap { $0 } } == ["2024/05/b"], "only what the first did not claim")
        // The second portion is placed before the first has made its folders.
        try session.record(second.place([OutputFile(path: "2024/05/b/index.html", text: "B"),
                                         OutputFile(path: "2024/05/a/bild.txt", text: "Bild")]))
        try session.record(first.place([OutputFile(path: "2024/05/a/index.html", text: "A")]))
        #expect(try session.finish().written == 3)
        #expect(try String(contentsOfFile: output + "/2024/05/a/index.html", encoding: .utf8) == "A")
        #expect(try String(contentsOfFile: output + "/2024/05/a/bild.txt", encoding: .utf8) == "Bild")
        #expect(try String(contentsOfFile: output + "/2024/05/b/index.html", encoding: .utf8) == "B")
    }

    @Test func aFolderThatCannotBeMadeIsReportedWithItsPath() throws {
        let output = TestSite.temporaryDirectory("ordner-fehlt")
        var session = try OutputWriter(outputDirectory: output).session()
        let placement = try session.reserve(["a/b/index.html"])
        // A file where the folder must go, put there behind the session's back.
        let staging = OutputWriter(outputDirectory: output).stagingPath
        try "kein Ordner".write(toFile: staging + "/a", atomically: false, encoding: .utf8)
        let outcomes = placement.place([OutputFile(path: "a/b/index.html", text: "x")])
        #expect(outcomes.map(\.failedPath) == ["a/b"], "the folder that could not be made")
        #expect(throws: WriteError.self) { try session.record(outcomes) }
    }
}
