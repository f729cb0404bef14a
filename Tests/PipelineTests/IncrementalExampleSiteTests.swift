import Foundation
import Testing
@testable import Pipeline
import Support

/// The example site of the repository has everything the small test site lacks: the service
/// directory, indicator data with charts in posts, the dashboard and the search. Incremental builds
/// of a copy must equal clean builds after edits that touch them.
@Suite(.serialized) struct IncrementalExampleSiteTests {
    static let now = BerlinTime.parse("2026-01-01")!

    func copyOfExampleSite() throws -> String {
        let site = TestSite.temporaryDirectory("beispiel-kopie")
        let fm = FileManager.default
        try fm.createDirectory(atPath: site, withIntermediateDirectories: true)
        for item in ["content", "themes", "site-config.json"] {
            try fm.copyItem(atPath: EndToEndTests.repoRoot + "/" + item, toPath: site + "/" + item)
        }
        return site
    }

    func replace(_ site: String, _ file: String, _ old: String, _ new: String) throws {
        let path = site + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        precondition(text.contains(old), "„\(old)“ fehlt in \(file)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test func serviceEntriesDataAndChartsStayIdenticalToCleanBuilds() async throws {
        try await onOwnThread { try buildAfterEdits() }
    }

    func buildAfterEdits() throws {
        let site = try copyOfExampleSite()
        let output = TestSite.temporaryDirectory("beispiel-inkrementell")
        let options = { BuildOptions(siteDirectory: site, outputDirectory: output, includeDrafts: true, now: Self.now) }
        var (report, state) = IncrementalBuild.build(options(), previous: nil)
        #expect(report.succeeded, "\(report.diagnostics.errors)")

        let edits: [(String, () throws -> Void)] = [
            ("Text eines Beitrags mit Diagramm", {
                try replace(site, "content/beitraege/2023/arbeitslosigkeit-sozialregionen.md", "```diagramm",
                            "Ein neuer Satz vor dem Diagramm.\n\n```diagramm")
            }),
            ("Beitrag verweist auf ein weiteres Angebot", {
                try replace(site, "content/beitraege/2023/sprachkurse.md", "angebote: [volkshochschule-rochlitz, sprachcafe-leisnig]",
                            "angebote: [volkshochschule-rochlitz]")
            }),
            ("Angebot geändert", {
                let file = "content/angebote/buergerbus-sayda.md"
                let text = try String(contentsOfFile: site + "/" + file, encoding: .utf8)
                try (text + "\nNeu: auch samstags.\n").write(toFile: site + "/" + file, atomically: false, encoding: .utf8)
            }),
            ("Daten geändert", {
                let file = "content/daten/indikatoren/altenquotient.md"
                let text = try String(contentsOfFile: site + "/" + file, encoding: .utf8)
                try (text + "\nErgänzende Erläuterung.\n").write(toFile: site + "/" + file, atomically: false, encoding: .utf8)
            }),
        ]
        for (name, edit) in edits {
            try edit()
            (report, state) = IncrementalBuild.build(options(), previous: state)
            let clean = TestSite.temporaryDirectory("beispiel-sauber")
            let cleanReport = SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: clean,
                                                             includeDrafts: true, now: Self.now))
            #expect(report.succeeded == cleanReport.succeeded, "\(name)")
            #expect(report.diagnostics.sortedForReport().map(\.description)
                    == cleanReport.diagnostics.sortedForReport().map(\.description), "\(name)")
            let mine = try TestSite.snapshot(output), theirs = try TestSite.snapshot(clean)
            #expect(mine.keys.sorted() == theirs.keys.sorted(), "\(name)")
            let differing = theirs.keys.filter { mine[$0] != theirs[$0] }.sorted()
            #expect(differing.isEmpty, "\(name): anders \(differing.prefix(8))")
            try? FileManager.default.removeItem(atPath: clean)
        }
    }
}
