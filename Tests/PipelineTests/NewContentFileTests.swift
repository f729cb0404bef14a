import Foundation
import Testing
@testable import Pipeline
import Support

/// `sozialsite new`: the file lands in the right place and builds without a single warning.
@Suite(.serialized) struct NewContentFileTests {
    let now = BerlinTime.parse("2026-03-14 10:00")!

    @Test func newPostBuildsWithoutWarningsAsDraftAndWhenPublished() throws {
        let site = try SiteCheckTests.makeSite()
        let request = NewContentFile.Request(kind: .beitrag, title: "Pflege-Beratung: \"Neu\" in Döbeln & Roßwein #1",
                                             handlungsfelder: ["bildung", "Attraktive Arbeit"], tags: ["Pflege", "Ältere Menschen"],
                                             date: BerlinTime.parse("2026-03-14")!)
        let path = try NewContentFile.create(request, siteDirectory: site)
        #expect(path == "content/beitraege/2026/pflege-beratung-neu-in-doebeln-rosswein-1.md")
        let text = try String(contentsOfFile: site + "/" + path, encoding: .utf8)
        #expect(text.contains("date: 2026-03-14\n"))
        #expect(text.contains("draft: true"))
        #expect(text.contains("handlungsfelder: [bildung, arbeit]"))
        #expect(text.contains("# Adresse des Beitrags: /2026/03/pflege-beratung-neu-in-doebeln-rosswein-1/"))

        // As a draft: nothing to complain about, and not published.
        let out = TestSite.temporaryDirectory("neu")
        let draft = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, now: now))
        #expect(draft.succeeded)
        #expect(draft.diagnostics.isEmpty, "\(draft.diagnostics)")
        let url = "2026/03/pflege-beratung-neu-in-doebeln-rosswein-1/index.html"
        #expect(!FileManager.default.fileExists(atPath: out + "/" + url))

        // Previewed with drafts, and checked with every rule of `check`: still nothing.
        let preview = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, includeDrafts: true, now: now))
        #expect(preview.diagnostics.isEmpty, "\(preview.diagnostics)")
        let page = try String(contentsOfFile: out + "/" + url, encoding: .utf8)
        #expect(page.contains(">Pflege-Beratung: &quot;Neu&quot; in Döbeln &amp; Roßwein #1</h1>"))
        let checked = SiteCheck.run(SiteCheckOptions(siteDirectory: site, outputDirectory: TestSite.temporaryDirectory("x"),
                                                     includeDrafts: true, now: now))
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics)")

        // Published by deleting the draft line: still no warning.
        try TestSite.write(site + "/" + path, text.replacingOccurrences(of: "draft: true", with: "draft: false"))
        let published = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: out, now: now))
        #expect(published.diagnostics.isEmpty, "\(published.diagnostics)")
        #expect(FileManager.default.fileExists(atPath: out + "/" + url))
    }

    @Test func dateAndFolderFollowBerlinTime() throws {
        let site = try SiteCheckTests.makeSite()
        // 23:30 UTC on New Year's Eve is already 2027 in Berlin.
        let request = NewContentFile.Request(kind: .beitrag, title: "Silvester", handlungsfelder: ["arbeit"],
                                             date: BerlinTime.parse("2026-12-31T23:30:00Z")!)
        let (path, text) = try NewContentFile.make(request, siteDirectory: site)
        #expect(path == "content/beitraege/2027/silvester.md")
        #expect(text.contains("date: 2027-01-01 00:30\n"))
    }

    @Test func handlungsfelderBySlugLabelOrNumberTyposGetAHint() throws {
        let site = try SiteCheckTests.makeSite()
        let fields = NewContentFile.handlungsfelder(siteDirectory: site)
        #expect(fields.map(\.slug) == ["arbeit", "bildung"])
        #expect(try NewContentFile.resolve(["2", "arbeit,Lebenslange Bildung"], among: fields) == ["bildung", "arbeit"])
        #expect(throws: NewContentFile.Problem.self) { try NewContentFile.resolve(["bidlung"], among: fields) }
        do {
            _ = try NewContentFile.resolve(["bidlung"], among: fields)
        } catch {
            #expect(error.hint == "Meinten Sie „bildung“?")
        }
        // Without a folder: the eleven defaults.
        #expect(NewContentFile.handlungsfelder(siteDirectory: "/gibt-es-nicht").count == 11)
    }

    @Test func refusesWithoutHandlungsfeldWithBadSlugAndOverExistingFiles() throws {
        let site = try SiteCheckTests.makeSite()
        let date = BerlinTime.parse("2026-03-14")!
        #expect(throws: NewContentFile.Problem.self) {
            try NewContentFile.make(.init(kind: .beitrag, title: "Ohne Feld", date: date), siteDirectory: site)
        }
        #expect(throws: NewContentFile.Problem.self) {
            try NewContentFile.make(.init(kind: .beitrag, title: "X", slug: "Mit Leerzeichen", handlungsfelder: ["arbeit"],
                                          date: date), siteDirectory: site)
        }
        #expect(throws: NewContentFile.Problem.self) {
            try NewContentFile.make(.init(kind: .beitrag, title: "???", handlungsfelder: ["arbeit"], date: date), siteDirectory: site)
        }
        let request = NewContentFile.Request(kind: .beitrag, title: "Zweimal", handlungsfelder: ["arbeit"], date: date)
        let path = try NewContentFile.create(request, siteDirectory: site)
        try TestSite.write(site + "/" + path, "geändert")
        #expect(throws: NewContentFile.Problem.self) { try NewContentFile.create(request, siteDirectory: site) }
        #expect(try String(contentsOfFile: site + "/" + path, encoding: .utf8) == "geändert")
    }

    @Test func newServiceEntryHasEveryKeyAndTheGemeindesAGS() throws {
        let site = try SiteCheckTests.makeSite()
        try FileManager.default.createDirectory(atPath: site + "/content/daten", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: EndToEndTests.repoRoot + "/content/daten/gebiete.csv",
                                         toPath: site + "/content/daten/gebiete.csv")
        let request = NewContentFile.Request(kind: .angebot, title: "Schuldnerberatung Döbeln", handlungsfelder: ["arbeit"],
                                             date: BerlinTime.parse("2026-03-14")!, gemeinde: "Döbeln")
        let (path, text) = try NewContentFile.make(request, siteDirectory: site)
        #expect(path == "content/angebote/schuldnerberatung-doebeln.md")
        #expect(text.contains("gemeinde: \"14522080\"   # Döbeln"))
        #expect(text.contains("stand: 2026-03-14"))
        #expect(text.contains("name: \"Schuldnerberatung Döbeln\""))
        // Every key of a service entry appears, set or commented out with an example.
        for key in ["name", "untertitel", "traeger", "kategorie", "bereich", "handlungsfelder", "zielgruppen", "adresse",
                    "gemeinde", "koordinaten", "kontakt", "oeffnungszeiten", "oeffnungszeiten_hinweis", "termin_noetig",
                    "kosten", "sprachen", "barrierefreiheit", "barrierefreiheit_hinweis", "online_angebot", "einzugsgebiet",
                    "stichworte", "stand"] {
            #expect(text.contains("\n\(key):") || text.contains("\n# \(key):"), "\(key)")
        }
        #expect(throws: NewContentFile.Problem.self) {
            try NewContentFile.make(.init(kind: .angebot, title: "X", handlungsfelder: ["arbeit"],
                                          date: BerlinTime.parse("2026-03-14")!, gemeinde: "Döbbeln"), siteDirectory: site)
        }
    }
}
