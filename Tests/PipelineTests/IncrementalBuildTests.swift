import Foundation
import Testing
@testable import Pipeline
import Support

/// Incremental builds must write exactly what a clean sequential build writes: after every kind of
/// edit the output folders are compared byte for byte, and so are the diagnostics.
@Suite(.serialized) struct IncrementalBuildTests {
    /// One edit and what it is about.
    struct Edit: Sendable {
        var name: String
        /// The content error edit breaks the build; all others must build.
        var fails = false
        /// At most this many files written (nil: not checked).
        var maxWritten: Int? = nil
        var apply: @Sendable (IncrementalSite) throws -> Void
    }

    static let edits: [Edit] = [
        Edit(name: "Text eines Beitrags mit Zusammenfassung", maxWritten: 4) { site in
            try site.replace("content/beitraege/2023/drei.md", "Text von Drei.", "Neuer Text von Drei, länger als zuvor.")
        },
        Edit(name: "Text eines Beitrags ohne Zusammenfassung (Anriss ändert sich)") { site in
            try site.replace("content/beitraege/2023/zwei.md", "Text von Zwei.", "Ganz anderer Anfang des Textes.")
        },
        Edit(name: "Langer Text ohne Zusammenfassung") { site in
            let words = (1...500).map { "Wort\($0)" }.joined(separator: " ")
            try site.replace("content/beitraege/2024/acht.md", "Text von Acht.", words)
        },
        Edit(name: "Ende eines langen Textes (Anriss bleibt)", maxWritten: 12) { site in
            try site.replace("content/beitraege/2024/acht.md", "Wort450", "Geändert450")
        },
        Edit(name: "Titel") { site in
            try site.replace("content/beitraege/2024/sieben.md", "title: Sieben", "title: Sieben neu")
        },
        Edit(name: "Datum im selben Jahr, neue Adresse und Reihenfolge") { site in
            try site.replace("content/beitraege/2023/eins.md", "date: 2023-03-01", "date: 2023-08-20")
        },
        Edit(name: "Datum in neuem Jahr") { site in
            try site.replace("content/beitraege/2023/drei.md", "date: 2023-07-14", "date: 2022-07-14")
        },
        Edit(name: "Neuer Beitrag") { site in
            try site.write("content/beitraege/2024/elf.md", IncrementalSite.post(
                title: "Elf", date: "2024-06-01", fields: "[gesundheit]", tags: "[Gesundheit, Pflege]",
                extra: "summary: Neu.", body: "Neuer Beitrag."))
        },
        Edit(name: "Beitrag gelöscht") { site in
            try site.remove("content/beitraege/2023/vier.md")
        },
        Edit(name: "Handlungsfeld eines Beitrags") { site in
            try site.replace("content/beitraege/2024/acht.md", "handlungsfelder: [bildung]", "handlungsfelder: [gesundheit]")
        },
        Edit(name: "Schlagwort hinzu und andere Schreibweise") { site in
            try site.replace("content/beitraege/2023/zwei.md", "tags: [Ehrenamt, Pflege]", "tags: [ehrenamt, Pflege, Neu]")
        },
        Edit(name: "Alias") { site in
            try site.replace("content/beitraege/2024/fuenf.md", "summary: Fünfter Text.",
                             "summary: Fünfter Text.\naliases: [/2024/01/fuenf-alt/]")
        },
        Edit(name: "Entwurf wird veröffentlicht") { site in
            try site.replace("content/beitraege/2024/neun.md", "draft: true", "draft: false")
        },
        Edit(name: "Ein Beitrag wird Entwurf, ein anderer kommt hinzu (gleiche Zahl)") { site in
            try site.replace("content/beitraege/2024/sieben.md", "summary: Siebter Text.", "summary: Siebter Text.\ndraft: true")
            try site.write("content/beitraege/2024/zwoelf.md", IncrementalSite.post(
                title: "Zwölf", date: "2024-03-05", fields: "[arbeit]", tags: "[Pflege]", extra: "summary: Ersatz.",
                body: "Anstelle von Sieben."))
        },
        Edit(name: "Seite", maxWritten: 2) { site in
            try site.replace("content/seiten/impressum.md", "Angaben gemäß", "Neue Angaben gemäß")
        },
        Edit(name: "Datei berührt, nicht geändert", maxWritten: 0) { site in
            let text = try site.read("content/beitraege/2024/sechs.md")
            try site.write("content/beitraege/2024/sechs.md", text)
        },
        Edit(name: "Fehler im Inhalt", fails: true) { site in
            try site.replace("content/beitraege/2024/fuenf.md", "Siehe [Impressum](/impressum/)", "Siehe [Weg](/gibt/es/nicht/)")
        },
        Edit(name: "Fehler behoben") { site in
            try site.replace("content/beitraege/2024/fuenf.md", "Siehe [Weg](/gibt/es/nicht/)", "Siehe [Zwei](/2023/05/zwei/#abschnitt)")
        },
        Edit(name: "Überschrift, auf die ein anderer Beitrag verlinkt (Warnung dort)") { site in
            try site.replace("content/beitraege/2023/zwei.md", "## Abschnitt", "## Kapitel")
        },
        Edit(name: "Text oberhalb eines Links (Zeilen verschieben sich)") { site in
            try site.replace("content/beitraege/2024/fuenf.md", "## Abschnitt", "Einleitung.\n\nNoch eine Zeile.\n\n## Abschnitt")
        },
        Edit(name: "Konfiguration") { site in
            try site.replace("site-config.json", "\"title\": \"Testseite\"", "\"title\": \"Neue Testseite\"")
        },
        Edit(name: "Vorlage") { site in
            try site.replace("themes/standard/templates/card.mustache", "Weiterlesen", "Mehr lesen")
        },
        Edit(name: "Stylesheet", maxWritten: 1) { site in
            let css = try site.read("themes/standard/assets/css/site.css")
            try site.write("themes/standard/assets/css/site.css", css + "\n.neu { color: inherit; }\n")
        },
        Edit(name: "Neues Bild") { site in
            try site.write("content/static/bilder/neu.svg",
                           "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>\n")
        },
    ]

    /// In memory as `serve` keeps it (with drafts, as `serve` builds, and without), and through
    /// `.sozialsite-cache/` as `build` keeps it.
    /// With `hint`, the build is told which files changed, as `serve`'s watcher tells it.
    @Test(arguments: [(drafts: true, disk: false, hint: false), (drafts: true, disk: false, hint: true),
                      (drafts: false, disk: false, hint: false), (drafts: false, disk: true, hint: false)])
    func incrementalEqualsCleanAfterEveryEdit(mode: (drafts: Bool, disk: Bool, hint: Bool)) async throws {
        try await onOwnThread { try buildAfterEveryEdit(mode: mode) }
    }

    func buildAfterEveryEdit(mode: (drafts: Bool, disk: Bool, hint: Bool)) throws {
        let drafts = mode.drafts
        let site = try IncrementalSite()
        let output = TestSite.temporaryDirectory("inkrementell-aus")
        let options = { site.options(output: output, drafts: drafts) }
        var (report, state) = IncrementalBuild.build(options(), previous: nil)
        #expect(report.succeeded, "\(report.diagnostics)")
        if mode.disk { BuildCache.save(state, for: options()) }
        for edit in Self.edits {
            let before = try site.files()
            try edit.apply(site)
            let after = try site.files()
            let hint = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
            let previous = mode.disk ? BuildCache.load(options()) : state
            if mode.disk { #expect(previous?.fromDisk == true, "\(edit.name): Zwischenspeicher nicht lesbar") }
            (report, state) = IncrementalBuild.build(options(), previous: previous, changed: mode.hint ? hint : nil)
            if mode.disk { BuildCache.save(state, for: options()) }
            if let limit = edit.maxWritten {
                // Incremental means few files: a clean build would rewrite about a hundred.
                #expect(report.written <= limit, "\(edit.name): \(report.written) von \(report.files) Dateien geschrieben")
            }
            #expect(report.succeeded == !edit.fails, "\(edit.name): \(report.diagnostics.errors)")
            try expectSameAsClean(site, output: output, report: report, drafts: drafts, edit: edit.name)
        }
    }

    /// A clean sequential build of the same files: same files, same bytes, same diagnostics.
    func expectSameAsClean(_ site: IncrementalSite, output: String, report: BuildReport, drafts: Bool,
                           edit: String) throws {
        let clean = TestSite.temporaryDirectory("sauber")
        let cleanReport = CoreCount.$limit.withValue(1) {
            SiteBuilder.build(site.options(output: clean, drafts: drafts))
        }
        #expect(report.succeeded == cleanReport.succeeded, "\(edit)")
        #expect(report.diagnostics.sortedForReport().map(\.description)
                == cleanReport.diagnostics.sortedForReport().map(\.description), "\(edit)")
        guard cleanReport.succeeded else {
            // A failed build leaves no output; the incremental one keeps the last good site.
            #expect(!FileManager.default.fileExists(atPath: clean), "\(edit)")
            return
        }
        let mine = try TestSite.snapshot(output), theirs = try TestSite.snapshot(clean)
        let missing = theirs.keys.filter { mine[$0] == nil }.sorted()
        let extra = mine.keys.filter { theirs[$0] == nil }.sorted()
        let differing = theirs.keys.filter { mine[$0] != nil && mine[$0] != theirs[$0] }.sorted()
        #expect(missing.isEmpty, "\(edit): fehlt \(missing)")
        #expect(extra.isEmpty, "\(edit): zu viel \(extra)")
        #expect(differing.isEmpty, "\(edit): anders \(differing)")
        try? FileManager.default.removeItem(atPath: clean)
    }
}
