import Foundation
import Testing
@testable import Pipeline
import Support

/// The service directory through the whole build: the example site's entries and the checks that
/// stop a build.
@Suite(.serialized) struct AngeboteEndToEndTests {
    /// A day on which every example entry counts as recently checked.
    let now = BerlinTime.parse("2026-11-21")!

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func exampleSiteHasTheDirectory() throws {
        let out = TestSite.temporaryDirectory("angebote")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let report = SiteBuilder.build(BuildOptions(siteDirectory: EndToEndTests.repoRoot, outputDirectory: out, now: now))
        #expect(report.succeeded, "\(report.diagnostics.errors)")
        let directoryProblems = report.diagnostics.filter { $0.location.file.hasPrefix("content/angebote") }
        #expect(directoryProblems.isEmpty, "\(directoryProblems)")

        let entries = try FileManager.default.contentsOfDirectory(atPath: out + "/angebote").filter { name in
            FileManager.default.fileExists(atPath: "\(out)/angebote/\(name)/kontakt.vcf")
        }
        #expect(entries.count >= 30)
        // The examples cover all seven Sozialregionen and all eleven Handlungsfelder.
        for region in 1...7 {
            #expect(FileManager.default.fileExists(atPath: "\(out)/angebote/sozialregion/\(region)/index.html"), "Sozialregion \(region)")
        }
        for field in ["arbeit", "inklusion", "integration", "bildung", "gesundheit", "aufwachsen", "mobilitaet", "senioren",
                      "wohnen", "miteinander", "armut-notlagen"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/angebote/handlungsfeld/\(field)/index.html"), "\(field)")
        }
        for file in ["angebote/index.html", "angebote/index.json", "angebote/angebote.csv", "angebote/angebote.json",
                     "assets/css/angebote.css", "assets/js/angebote.js"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "fehlt: \(file)")
        }
        let script = try #require(FileManager.default.attributesOfItem(atPath: out + "/assets/js/angebote.js")[.size] as? Int)
        #expect(script < 6 * 1024, "das Skript ist \(script) Bytes groß")

        let index = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/angebote/index.json"))) as? [String: Any])
        #expect(index["count"] as? Int == entries.count)
        let hsds = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/angebote/angebote.json"))) as? [String: Any])
        #expect((hsds["services"] as? [Any])?.count == entries.count)

        // Connections: posts, Handlungsfelder, start page, sitemap.
        let post = try read(out + "/2022/11/frauenschutzhaus/index.html")
        #expect(post.contains("Passende Angebote"))
        #expect(post.contains("href=\"/angebote/frauenschutzhaus-doebeln/\""))
        let field = try read(out + "/handlungsfelder/wohnen/index.html")
        #expect(field.contains("Angebote zum Handlungsfeld"))
        let home = try read(out + "/index.html")
        #expect(home.contains("href=\"/angebote/\""))
        let sitemap = try read(out + "/sitemap.xml")
        #expect(sitemap.contains("<loc>https://mittelsachsen-sozial.de/angebote/</loc>"))
        #expect(sitemap.contains("<loc>https://mittelsachsen-sozial.de/angebote/sozialregion/7/</loc>"))
        for name in entries { #expect(sitemap.contains("/angebote/\(name)/</loc>"), "\(name)") }
    }

    /// A test site with `gebiete.csv`, one entry and a post that names it.
    func siteWithDirectory(entry: String, angebote: String) throws -> String {
        let site = try TestSite.make()
        try FileManager.default.createDirectory(atPath: site + "/content/daten", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: EndToEndTests.repoRoot + "/content/daten/gebiete.csv",
                                         toPath: site + "/content/daten/gebiete.csv")
        try TestSite.write(site + "/content/angebote/tafel.md", entry)
        try TestSite.write(site + "/content/beitraege/dritter.md", """
            ---
            title: Dritter Beitrag
            date: 2023-06-01
            handlungsfelder: [arbeit]
            angebote: \(angebote)
            ---
            Text.
            """)
        return site
    }

    static let tafel = """
        ---
        name: Tafel Freiberg
        traeger: Beispielverein
        kategorie: unterstuetzungsangebot
        bereich: soziales
        handlungsfelder: [arbeit]
        zielgruppen: [menschen-in-notlagen]
        gemeinde: "14522180"
        kontakt: {telefon: 030 23125-150}
        oeffnungszeiten:
          - {tage: "Di, Fr", von: "13:00", bis: "15:30"}
        stand: 2026-10-01
        beispiel: true
        ---
        Lebensmittel für Menschen mit wenig Geld.
        """

    @Test func unknownAngebotInAPostStopsTheBuild() throws {
        let site = try siteWithDirectory(entry: Self.tafel, angebote: "[tafle]")
        let out = TestSite.temporaryDirectory("angebote-fehler")
        let report = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, now: now))
        #expect(!report.published)
        let problem = try #require(report.diagnostics.first { $0.code == "unknown-angebot" })
        #expect(problem.location == SourceLocation(file: "content/beitraege/dritter.md", line: 5, column: 12))
        #expect(problem.hint == "Meinten Sie „tafel“?")
        #expect(problem.stage == BuildStage.validate.rawValue)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func smallSiteWithOneEntryBuildsItsDirectory() throws {
        let site = try siteWithDirectory(entry: Self.tafel, angebote: "[tafel]")
        let out = TestSite.temporaryDirectory("angebote-klein")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let report = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, now: now))
        #expect(report.succeeded, "\(report.diagnostics)")
        let entry = try read(out + "/angebote/tafel/index.html")
        #expect(entry.contains("<a href=\"tel:+493023125150\">030 23125-150</a>"))
        #expect(try read(out + "/2023/06/dritter-beitrag/index.html").contains("href=\"/angebote/tafel/\""))
        #expect(try read(out + "/angebote/sozialregion/1/index.html").contains("Tafel Freiberg"))
        // The stylesheet is linked on every page once the directory exists.
        #expect(try read(out + "/impressum/index.html").contains("/assets/css/angebote.css"))
    }

    @Test func brokenEntryStopsTheBuildInTheLoadStage() throws {
        let broken = Self.tafel.replacingOccurrences(of: "bis: \"15:30\"", with: "bis: \"25:30\"")
        let site = try siteWithDirectory(entry: broken, angebote: "[tafel]")
        let out = TestSite.temporaryDirectory("angebote-kaputt")
        let report = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, now: now))
        #expect(!report.published)
        let problem = try #require(report.diagnostics.first { $0.code == "invalid-time" })
        #expect(problem.location == SourceLocation(file: "content/angebote/tafel.md", line: 11, column: 41))
        #expect(problem.stage == BuildStage.load.rawValue)
    }

    @Test func siteWithoutDirectoryHasNoTraceOfIt() throws {
        let site = try TestSite.make()
        let out = TestSite.temporaryDirectory("ohne-angebote")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let report = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, now: now))
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: out + "/angebote"))
        #expect(!(try read(out + "/index.html")).contains("angebote.css"))
    }
}
