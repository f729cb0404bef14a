import Foundation
import Testing
@testable import Pipeline
import Support

/// `sozialsite check` on whole site folders: the build's findings plus the check's own rules,
/// each rule proven by a fixture site written here.
@Suite(.serialized) struct SiteCheckTests {
    let now = BerlinTime.parse("2026-01-01")!

    func check(_ site: String, drafts: Bool = false) -> SiteCheckReport {
        SiteCheck.run(SiteCheckOptions(siteDirectory: site, outputDirectory: TestSite.temporaryDirectory("nie"),
                                       includeDrafts: drafts, now: now))
    }

    func codes(_ report: SiteCheckReport) -> [String] { report.diagnostics.map(\.code) }

    /// The pipeline's test site plus what the theme and the newsletter pages link to.
    static func makeSite() throws -> String {
        let site = try TestSite.make()
        try TestSite.write(site + "/content/static/favicon.svg",
                           "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><rect width=\"16\" height=\"16\"/></svg>\n")
        try TestSite.write(site + "/content/seiten/datenschutz.md", "---\ntitle: Datenschutz\n---\nKeine Cookies.\n")
        return site
    }

    @Test func exampleSitePassesAndNothingIsWritten() throws {
        let out = TestSite.temporaryDirectory("check-beispiel")
        let report = SiteCheck.run(SiteCheckOptions(siteDirectory: EndToEndTests.repoRoot, outputDirectory: out, now: now))
        #expect(report.diagnostics.errors.isEmpty, "\(report.diagnostics.errors.prefix(5))")
        #expect(report.checkedGeneratedFiles)
        #expect(report.pages > 50 && report.feeds > 10 && report.contentFiles > 20)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func cleanFixtureHasNoFindings() throws {
        let report = check(try Self.makeSite())
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(!report.hasErrors)
    }

    @Test func reportsWhatTheBuildReportsAndSaysWhenItCouldNotRender() throws {
        let site = try Self.makeSite()
        try TestSite.write(site + "/content/beitraege/kaputt.md", """
            ---
            title: Kaputt
            date: 2023-06-01
            handlungsfelder: [bildnug]
            ---
            Siehe [nirgends](/gibt/es/nicht/).
            """)
        let report = check(site)
        #expect(codes(report).contains("unknown-handlungsfeld"))
        #expect(codes(report).contains("broken-link"))
        #expect(report.hasErrors)
        #expect(!report.checkedGeneratedFiles)
        #expect(SiteCheckFormat.summary(report).contains("Wegen der Fehler wurde die Website nicht erzeugt"))
    }

    // MARK: headings

    @Test func headingsStartBelowTheTitleAndSkipNoLevel() throws {
        let site = try Self.makeSite()
        try TestSite.write(site + "/content/beitraege/ueberschriften.md", """
            ---
            title: Überschriften
            date: 2023-06-01
            handlungsfelder: [arbeit]
            ---
            # Noch ein Titel

            Text.

            ## Abschnitt

            #### Zu tief

            ## Zweiter Abschnitt

            ### Richtig
            """)
        try TestSite.write(site + "/content/seiten/ueber.md", """
            ---
            title: Über uns
            ---
            ### Gleich zu tief
            """)
        let report = check(site)
        let h1 = try #require(report.diagnostics.first { $0.code == "heading-h1" })
        #expect(h1.severity == .error)
        #expect(h1.location == SourceLocation(file: "content/beitraege/ueberschriften.md", line: 6, column: 1))
        #expect(h1.hint?.contains("## Noch ein Titel") == true)
        let skips = report.diagnostics.filter { $0.code == "heading-skip" }
        #expect(skips.map(\.location.file) == ["content/beitraege/ueberschriften.md", "content/seiten/ueber.md"])
        #expect(skips[0].location.line == 12)
        #expect(skips[0].message.contains("Ebene 4") && skips[0].message.contains("Ebene 3 fehlt"))
        #expect(skips[0].severity == .warning)
        #expect(skips[1].message.contains("auf den Titel"))
        #expect(skips.allSatisfy { $0.stage == "Überschriften" })
    }

    // MARK: links, anchors, files and alt text in generated pages

    @Test func menuLinksToMissingPagesArePointedOutInTheConfig() throws {
        let site = try Self.makeSite()
        let config = try String(contentsOfFile: site + "/site-config.json", encoding: .utf8)
            .replacingOccurrences(of: "\"itemsPerPage\": 10", with: """
                "itemsPerPage": 10,
                  "menus": {
                    "haupt": [
                      { "title": "Start", "url": "/" },
                      { "title": "Daten", "url": "/daten/" },
                      { "title": "Impressum-Teil", "url": "/impressum/#nirgends" }
                    ]
                  }
                """)
        try TestSite.write(site + "/site-config.json", config)
        let report = check(site)
        let broken = try #require(report.diagnostics.first { $0.code == "page-broken-link" })
        #expect(broken.location.file == "site-config.json")
        #expect(broken.location.line == 12)
        #expect(broken.message.contains("„/daten/“"))
        #expect(broken.message.contains("auf \(report.pages - 1) Seiten") || broken.message.contains("Seiten, z. B."))
        #expect(broken.hint?.contains("site-config.json") == true)
        #expect(report.diagnostics.count { $0.code == "page-broken-link" } == 1)
        let anchor = try #require(report.diagnostics.first { $0.code == "page-broken-anchor" })
        #expect(anchor.severity == .warning)
        #expect(anchor.message.contains("„/impressum/“") && anchor.message.contains("#nirgends"))
        #expect(report.hasErrors)
    }

    @Test func themeImagesNeedAltAndExistingFiles() throws {
        let site = try Self.makeSite()
        let base = site + "/themes/standard/templates/base.mustache"
        let template = try String(contentsOfFile: base, encoding: .utf8)
            .replacingOccurrences(of: "<main id=\"inhalt\" tabindex=\"-1\">",
                                  with: "<main id=\"inhalt\" tabindex=\"-1\">\n<img src=\"/assets/logo.png\">")
        try TestSite.write(base, template)
        let report = check(site)
        let alt = try #require(report.diagnostics.first { $0.code == "img-missing-alt" })
        #expect(alt.severity == .error)
        #expect(alt.location.file.hasSuffix("index.html"))
        #expect(alt.hint?.contains("Theme „standard“") == true)
        let missing = try #require(report.diagnostics.first { $0.code == "page-missing-file" })
        #expect(missing.message.contains("„/assets/logo.png“"))
        // One finding for all pages, not one per page.
        #expect(report.diagnostics.count { $0.code == "img-missing-alt" } == 1)
    }

    @Test func linksEditorsWroteAreReportedOnceByTheBuild() throws {
        let site = try Self.makeSite()
        try TestSite.write(site + "/content/beitraege/anker.md", """
            ---
            title: Anker
            date: 2023-06-01
            handlungsfelder: [arbeit]
            ---
            Zum [Impressum](/impressum/#gibt-es-nicht).
            """)
        let report = check(site)
        #expect(codes(report).filter { $0.contains("anchor") } == ["broken-anchor"])
        #expect(!report.hasErrors)
    }

    // MARK: foreign origins

    @Test func resourcesFromOtherServersAreErrorsLinksAreNot() throws {
        let site = try Self.makeSite()
        let css = site + "/themes/standard/assets/css/site.css"
        let original = try String(contentsOfFile: css, encoding: .utf8)
        try TestSite.write(css, "@import url(\"https://fonts.googleapis.com/css2?family=Inter\");\n" + original)
        let config = try String(contentsOfFile: site + "/site-config.json", encoding: .utf8)
            .replacingOccurrences(of: "\"itemsPerPage\": 10", with: "\"itemsPerPage\": 10, \"markdown\": {\"rawHTML\": true}")
        try TestSite.write(site + "/site-config.json", config)
        try TestSite.write(site + "/content/beitraege/video.md", """
            ---
            title: Video
            date: 2023-06-01
            handlungsfelder: [arbeit]
            ---
            Ein Video:

            <video src="https://www.youtube-nocookie.com/embed/abc.mp4" controls></video>

            Ein [Link zum Landkreis](https://www.landkreis-mittelsachsen.de/) und ein Bild der eigenen Website:
            <img src="https://www.example.org/logo.png" alt="Logo">
            """)
        try TestSite.write(site + "/content/static/logo.png", "")
        let report = check(site)
        let foreign = report.diagnostics.filter { $0.code == "foreign-origin" }
        #expect(foreign.count == 2, "\(foreign)")
        let font = try #require(foreign.first { $0.message.contains("fonts.googleapis.com") })
        #expect(font.location == SourceLocation(file: "themes/standard/assets/css/site.css", line: 1, column: 1))
        let video = try #require(foreign.first { $0.message.contains("youtube") })
        #expect(video.location.file == "content/beitraege/video.md")
        #expect(video.location.line == 8)
        #expect(video.message.contains("https://www.youtube-nocookie.com"))
        #expect(video.stage == "Datenschutz")
        #expect(!report.diagnostics.contains { $0.message.contains("landkreis-mittelsachsen.de") })
    }

    // MARK: report formats

    @Test func jsonReportIsAStableArray() throws {
        let site = try Self.makeSite()
        try TestSite.write(site + "/content/seiten/ueber.md", "---\ntitle: Über uns\n---\n### Zu tief `\"x\"`\n")
        let report = check(site)
        let json = SiteCheckFormat.json(report.diagnostics)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(parsed.count == report.diagnostics.count)
        let first = try #require(parsed.first)
        #expect(first["file"] as? String == "content/seiten/ueber.md")
        #expect(first["line"] as? Int == 4)
        #expect(first["column"] as? Int == 1)
        #expect(first["severity"] as? String == "warning")
        #expect(first["code"] as? String == "heading-skip")
        #expect((first["message"] as? String)?.contains("Zu tief \"x\"") == true)
        #expect(first["stage"] as? String == "Überschriften")
        // Keys always in the documented order.
        let keys = ["\"file\"", "\"line\"", "\"column\"", "\"severity\"", "\"code\"", "\"message\"", "\"hint\"", "\"stage\""]
        let positions = keys.map { json.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(SiteCheckFormat.json([]) == "[]\n")
    }

    @Test func textReportGroupsByFile() {
        let diagnostics = [
            Diagnostic(.warning, code: "heading-skip", at: SourceLocation(file: "b.md", line: 3), "Zwei.", stage: "Überschriften"),
            Diagnostic(.error, code: "broken-link", at: SourceLocation(file: "a.md", line: 9, column: 4), "Eins.",
                       hint: "Meinten Sie „x“?", stage: "Prüfen"),
            Diagnostic(.error, code: "heading-h1", at: SourceLocation(file: "b.md", line: 1), "Drei.", stage: "Überschriften"),
        ].sortedForReport()
        let text = SiteCheckFormat.text(SiteCheckReport(diagnostics: diagnostics, checkedGeneratedFiles: true,
                                                        contentFiles: 3, pages: 10, feeds: 2))
        #expect(text == """
            a.md
              9:4  Fehler: Eins. [Prüfen: broken-link]
                   Hinweis: Meinten Sie „x“?

            b.md
              1:1  Fehler: Drei. [Überschriften: heading-h1]
              3:1  Warnung: Zwei. [Überschriften: heading-skip]

            2 Fehler und 1 Warnung in 2 Dateien (geprüft: 3 Inhalte, 10 Seiten und 2 Feeds).
            """)
    }
}
