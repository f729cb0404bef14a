import Foundation
import Testing
@testable import Pipeline
import Support

/// The dashboard through the whole pipeline: the example site's `/daten/` pages, its charts in
/// posts and feeds, and broken ```` ```diagramm ```` blocks as build errors at their line.
@Suite(.serialized) struct DashboardEndToEndTests {
    let now = BerlinTime.parse("2026-01-01")!

    static let built: (out: String, report: BuildReport) = {
        let out = TestSite.temporaryDirectory("dashboard")
        let report = SiteBuilder.build(BuildOptions(siteDirectory: EndToEndTests.repoRoot, outputDirectory: out,
                                                    now: BerlinTime.parse("2026-01-01")!))
        return (out, report)
    }()

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: Self.built.out + "/" + path, encoding: .utf8)
    }

    /// A copy of the example site's configuration, theme, Handlungsfelder and data, without posts.
    static func siteWithData() throws -> String {
        let site = TestSite.temporaryDirectory("daten-site")
        let repo = EndToEndTests.repoRoot
        let fm = FileManager.default
        try fm.createDirectory(atPath: site + "/content", withIntermediateDirectories: true)
        try fm.copyItem(atPath: repo + "/site-config.json", toPath: site + "/site-config.json")
        try fm.createDirectory(atPath: site + "/themes", withIntermediateDirectories: true)
        try fm.copyItem(atPath: repo + "/themes/standard", toPath: site + "/themes/standard")
        for folder in ["handlungsfelder", "daten", "seiten"] {
            try fm.copyItem(atPath: repo + "/content/\(folder)", toPath: site + "/content/\(folder)")
        }
        return site
    }

    @Test func exampleSiteBuildsWithItsDashboard() throws {
        let report = Self.built.report
        #expect(report.succeeded, "\(report.diagnostics.errors)")
        #expect(report.diagnostics.errors.isEmpty)
        for path in ["daten/index.html", "daten/indikatoren/index.html", "daten/indikatoren/sgb-ii-quote/index.html",
                     "daten/gemeinden/index.html", "daten/gemeinden/doebeln/index.html", "daten/gemeinden/jahnatal/index.html",
                     "daten/sozialregionen/index.html", "daten/sozialregionen/6/index.html", "daten/landkreis/index.html",
                     "daten/indikatoren/sgb-ii-quote.csv", "daten/indikatoren/sgb-ii-quote.json",
                     "daten/alle-daten.csv", "daten/alle-daten.json", "assets/css/daten.css"] {
            #expect(FileManager.default.fileExists(atPath: Self.built.out + "/" + path), "fehlt: \(path)")
        }
        let indicator = try read("daten/indikatoren/sgb-ii-quote/index.html")
        #expect(indicator.contains("<figure class=\"chart chart-multiples\""))
        #expect(indicator.contains("<svg class=\"chart-svg\""))
        #expect(indicator.contains("class=\"chart-summary\""))
        #expect(indicator.contains("<details class=\"chart-data\""))
        #expect(indicator.contains("<table class=\"daten-werte\">"))
        #expect(indicator.contains("<link rel=\"stylesheet\" href=\"/assets/css/daten.css\">"))
        let gemeinde = try read("daten/gemeinden/doebeln/index.html")
        #expect(gemeinde.contains("<li class=\"kennzahl\">"))
        #expect(gemeinde.contains("Gemeinden</dd>"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.built.out + "/daten/alle-daten.json")))
        #expect((json as? [String: Any])?["indikatoren"] is [Any])
    }

    @Test func homeAndSitemapLeadToTheDashboard() throws {
        let home = try read("index.html")
        #expect(home.contains("href=\"/daten/\""))
        let sitemap = try read("sitemap.xml")
        for url in ["daten/", "daten/indikatoren/arbeitslosenquote/", "daten/gemeinden/doebeln/", "daten/sozialregionen/6/"] {
            #expect(sitemap.contains("<loc>https://mittelsachsen-sozial.de/\(url)</loc>"), "\(url)")
        }
        #expect(!sitemap.contains(".csv</loc>"))
    }

    @Test func postsShowTheirChartsAndFeedsTheirText() throws {
        let post = try read("2023/09/arbeitslosigkeit-sozialregionen/index.html")
        #expect(post.contains("<figure class=\"chart chart-line\" id=\"diagramm-arbeitslosigkeit-sozialregionen-"))
        #expect(post.contains("<figure class=\"chart chart-tilemap\""))
        #expect(post.contains("href=\"/daten/indikatoren/arbeitslosenquote.csv\" download"))
        #expect(!post.contains("<pre><code class=\"language-diagramm\""))
        let ids = post.matches(of: try Regex("\\sid=\"([^\"]*)\"")).compactMap { $0.output[1].substring.map(String.init) }
        #expect(Set(ids).count == ids.count)
        #expect(try read("2022/04/demografie-mittelsachsen/index.html").contains("Freiberg ist jünger als der Landkreis"))
        #expect(try read("2022/05/armut-notlagen/index.html").contains("<figure class=\"chart chart-ranking\""))
        // In the feed of the Handlungsfeld the chart is text, table and a link back.
        let feed = try read("handlungsfelder/arbeit/feed.xml")
        let item = feed.section(after: "<title>Arbeitslosigkeit: Große Unterschiede", until: "</item>")
        #expect(item.contains("Diagramm auf der Website ansehen"))
        #expect(item.contains("&lt;table class=&quot;chart-table&quot;&gt;") || item.contains("<table class=\"chart-table\">"))
        #expect(!item.contains("&lt;svg") && !item.contains("<svg"))
    }

    @Test func brokenBlocksStopTheBuildAtTheirLines() throws {
        let site = try Self.siteWithData()
        try TestSite.write(site + "/content/beitraege/kaputt.md", """
            ---
            title: Kaputt
            date: 2023-05-02
            handlungsfelder: [arbeit]
            ---
            Text.

            ```diagramm
            indikator: arbeitslosenqoute
            ```

            ```diagramm
            indikator: arbeitslosenquote
            gebiete: [kreis, 14522081]
            art: torte
            jahre: 2023-2015
            ```
            """)
        let out = TestSite.temporaryDirectory("kaputt")
        let report = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, now: now))
        #expect(!report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: out))
        let errors = report.diagnostics.errors.filter { $0.location.file == "content/beitraege/kaputt.md" }
        let found = errors.map { "\($0.location.line):\($0.code)" }.sorted()
        #expect(found == ["14:chart-unknown-area", "15:chart-unknown-kind", "16:chart-invalid-years",
                          "9:chart-unknown-indicator"].sorted(), "\(report.diagnostics)")
        let unknown = try #require(errors.first { $0.code == "chart-unknown-indicator" })
        #expect(unknown.hint == "Meinten Sie „arbeitslosenquote“?")
        #expect(unknown.stage == BuildStage.markdown.rawValue)
        #expect(unknown.description.hasPrefix("content/beitraege/kaputt.md:9:12: Fehler:"))
    }

    @Test func aSiteWithoutDataHasNoDashboardAndNoCharts() throws {
        let site = try TestSite.make()
        let out = TestSite.temporaryDirectory("ohne-daten")
        let plain = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, now: now))
        #expect(plain.succeeded, "\(plain.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: out + "/daten/index.html"))
        let home = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(!home.contains("href=\"/daten/\""))
        #expect(!home.contains("daten.css"))
        try TestSite.write(site + "/content/beitraege/diagramm.md", """
            ---
            title: Mit Diagramm
            date: 2023-06-01
            handlungsfelder: [arbeit]
            ---
            ```diagramm
            indikator: arbeitslosenquote
            ```
            """)
        let report = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, now: now))
        #expect(!report.succeeded)
        let error = try #require(report.diagnostics.errors.first)
        #expect(error.code == "chart-no-data")
        #expect(error.location.file == "content/beitraege/diagramm.md" && error.location.line == 6)
    }
}

extension String {
    /// The text from the first `start` up to the following `end`, or "".
    func section(after start: String, until end: String) -> String {
        guard let lower = range(of: start) else { return "" }
        let rest = self[lower.upperBound...]
        return String(rest[..<(rest.range(of: end)?.lowerBound ?? rest.endIndex)])
    }
}
