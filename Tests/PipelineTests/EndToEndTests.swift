import Foundation
import Testing
@testable import Pipeline
import Support

/// Builds real site folders through the whole pipeline and inspects what lands on disk.
@Suite(.serialized) struct EndToEndTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    let now = BerlinTime.parse("2026-01-01")!

    @Test func buildsTheExampleSite() throws {
        let out = TestSite.temporaryDirectory("beispiel")
        let report = SiteBuilder.build(BuildOptions(siteDirectory: Self.repoRoot, outputDirectory: out, now: now))
        #expect(report.diagnostics.errors.isEmpty, "\(report.diagnostics.errors)")
        #expect(report.succeeded)
        #expect(report.pages > 50)
        for path in ["index.html", "404.html", "sitemap.xml", "robots.txt", "impressum/index.html",
                     "datenschutz/index.html", "barrierefreiheit/index.html", "leichte-sprache/index.html",
                     "ueber-das-projekt/index.html", "handlungsfelder/index.html", "handlungsfelder/gesundheit/index.html",
                     "archiv/index.html", "tag/index.html", "2022/index.html", "feed.xml", "atom.xml", "feed.json",
                     "assets/css/site.css", "favicon.svg", ".htaccess", "nginx-redirects.conf"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + path), "fehlt: \(path)")
        }
        let home = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(home.contains("<html lang=\"de\""))
        #expect(home.contains("href=\"/handlungsfelder/armut-notlagen/\""))
        // Every post of the example content has its WordPress-style page.
        let sitemap = try String(contentsOfFile: out + "/sitemap.xml", encoding: .utf8)
        let postURLs = sitemap.split(separator: "<loc>").dropFirst().compactMap { $0.split(separator: "<").first }
            .filter { $0.range(of: #"/20\d\d/\d\d/[a-z0-9-]+/$"#, options: .regularExpression) != nil }
        #expect(postURLs.count >= 20)
        for url in postURLs {
            let path = String(url).replacingOccurrences(of: "https://mittelsachsen-sozial.de/", with: "")
            #expect(FileManager.default.fileExists(atPath: out + "/" + path + "index.html"), "fehlt: \(path)")
        }
        // Drafts are not published.
        #expect(!sitemap.contains("entwurf"))
    }

    @Test func twoBuildsAreByteIdenticalAndParallelEqualsSequential() throws {
        let a = TestSite.temporaryDirectory("a"), b = TestSite.temporaryDirectory("b")
        let ra = SiteBuilder.build(BuildOptions(siteDirectory: Self.repoRoot, outputDirectory: a, now: now))
        let rb = CoreCount.$limit.withValue(1) {
            SiteBuilder.build(BuildOptions(siteDirectory: Self.repoRoot, outputDirectory: b, now: now))
        }
        #expect(ra.succeeded && rb.succeeded)
        let filesA = try TestSite.snapshot(a), filesB = try TestSite.snapshot(b)
        #expect(filesA.count == filesB.count)
        #expect(filesA.keys.sorted() == filesB.keys.sorted())
        let differing = filesA.keys.sorted().filter { filesA[$0] != filesB[$0] }
        #expect(differing.isEmpty, "unterschiedlich: \(differing.prefix(5))")
    }

    @Test func rebuildLinksUnchangedFilesAndRemovesDeletedPosts() throws {
        let site = try TestSite.make()
        let out = TestSite.temporaryDirectory("rebuild")
        let first = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, now: now))
        #expect(first.succeeded, "\(first.diagnostics)")
        #expect(FileManager.default.fileExists(atPath: out + "/2023/05/zweiter-beitrag/index.html"))
        let second = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, now: now))
        #expect(second.written == 0)
        #expect(second.unchanged == second.files)
        #expect(FileManager.default.fileExists(atPath: out + "/2023/04/erster-beitrag/index.html"))
        try FileManager.default.removeItem(atPath: site + "/content/beitraege/erster.md")
        let third = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, now: now))
        #expect(third.succeeded, "\(third.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: out + "/2023/04/erster-beitrag/index.html"))
        #expect(FileManager.default.fileExists(atPath: out + "/2023/05/zweiter-beitrag/index.html"))
    }

    @Test func failedBuildLeavesPublishedOutputUntouched() throws {
        let site = try TestSite.make()
        let out = TestSite.temporaryDirectory("untouched")
        #expect(SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, now: now)).succeeded)
        let before = try TestSite.snapshot(out)
        try TestSite.write(site + "/content/beitraege/kaputt.md", """
            ---
            title: Kaputt
            date: 2023-13-45
            handlungsfelder: [bildnug]
            ---
            Text mit [Link](/gibt/es/nicht/).
            """)
        let report = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, now: now))
        #expect(!report.succeeded)
        #expect(report.diagnostics.errors.count >= 2)
        #expect(report.diagnostics.errors.allSatisfy { $0.stage != nil })
        #expect(try TestSite.snapshot(out) == before)
    }

    @Test func refusesToReplaceTheSiteFolderOrForeignFolders() throws {
        let site = try TestSite.make()
        let report = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: site, now: now))
        #expect(report.diagnostics.contains { $0.code == "output-contains-site" || $0.code == "foreign-output" })
        #expect(FileManager.default.fileExists(atPath: site + "/content/beitraege/erster.md"))
        let foreign = TestSite.temporaryDirectory("fremd")
        try TestSite.write(foreign + "/wichtig.txt", "nicht löschen")
        let second = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: foreign, now: now))
        #expect(second.diagnostics.contains { $0.code == "foreign-output" })
        #expect(FileManager.default.fileExists(atPath: foreign + "/wichtig.txt"))
    }

    @Test func draftsAndScheduledPostsOnlyWithDraftsFlag() throws {
        let site = try TestSite.make()
        try TestSite.write(site + "/content/beitraege/geplant.md", """
            ---
            title: Geplanter Beitrag
            date: 2030-01-01
            handlungsfelder: [arbeit]
            ---
            Kommt später.
            """)
        let out = TestSite.temporaryDirectory("drafts")
        #expect(SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, now: now)).succeeded)
        #expect(!FileManager.default.fileExists(atPath: out + "/2030/01/geplanter-beitrag/index.html"))
        #expect(SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, includeDrafts: true, now: now)).succeeded)
        #expect(FileManager.default.fileExists(atPath: out + "/2030/01/geplanter-beitrag/index.html"))
        // The scheduled post appears once its date has passed.
        let later = BerlinTime.parse("2030-01-02")!
        #expect(SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, now: later)).succeeded)
        #expect(FileManager.default.fileExists(atPath: out + "/2030/01/geplanter-beitrag/index.html"))
    }
}
