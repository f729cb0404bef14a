import Foundation
import TestFolders
import Testing
import Support
@testable import Data

@Suite("Indicator CSV")
struct IndicatorCSVTests {
    let areas = TestSupport.areas

    @Test("Writing sorts by level, region number, AGS and year, and writes symbols as flags")
    func render() {
        let observations = [
            Observation(area: "14522080", year: 2023, state: .value(8.1, .provisional)),
            Observation(area: "sozialregion-2", year: 2022, state: .missing(.anonymised, [])),
            Observation(area: "14522080", year: 2022, state: .exactlyZero(.seriesBreak)),
            Observation(area: "14522", year: 2022, state: .value(1234.5, [.limitedValidity, .revised])),
            Observation(area: "sozialregion-1", year: 2022, state: .belowHalfUnit([])),
            Observation(area: "14522010", year: 2022, state: .missing(.notYetAvailable, .provisional)),
            Observation(area: "14522010", year: 2021, state: .value(12.25, [])),
            Observation(area: "14522", year: 2021, state: .value(-0.7, .estimated), origin: .computed(.summe)),
        ]
        let text = IndicatorCSV.render(observations, decimals: 1, areas: areas)
        #expect(text == """
        gebiet;jahr;wert;flag
        14522;2022;1234,5;() r
        sozialregion-1;2022;;0
        sozialregion-2;2022;;*
        14522010;2021;12,25;
        14522010;2022;;… p
        14522080;2022;;| -
        14522080;2023;8,1;p

        """)
        // And back: the same states (computed values are not written).
        let (parsed, diagnostics) = IndicatorCSV.parse(text, file: "x.csv", areas: areas)
        #expect(diagnostics.isEmpty)
        #expect(Set(parsed.map { "\($0.area)|\($0.year)|\($0.state)" })
                == Set(observations.filter { $0.origin == .published }.map { "\($0.area)|\($0.year)|\($0.state)" }))
    }

    @Test("Numbers keep the indicator's decimals when nothing is lost")
    func format() {
        #expect(IndicatorCSV.format(12, decimals: 1) == "12,0")
        #expect(IndicatorCSV.format(299_329, decimals: 0) == "299329")
        #expect(IndicatorCSV.format(-0.75, decimals: 1) == "-0,75")
        #expect(IndicatorCSV.format(0.1 + 0.2, decimals: 1) == "0,30000000000000004")
        #expect(IndicatorCSV.format(48.4, decimals: 1) == "48,4")
    }

    @Test("Merging replaces values of the same area and year and keeps the rest")
    func merge() {
        let existing = [
            Observation(area: "14522080", year: 2022, state: .value(7.7, [])),
            Observation(area: "14522080", year: 2023, state: .value(8.0, .provisional)),
            Observation(area: "14522360", year: 2022, state: .value(5.0, [])),
        ]
        let incoming = [
            Observation(area: "14522080", year: 2023, state: .value(8.1, [])),
            Observation(area: "14522360", year: 2022, state: .value(5.0, [])),
            Observation(area: "14522360", year: 2023, state: .value(5.3, [])),
        ]
        let (merged, report) = IndicatorCSV.merge(existing: existing, incoming: incoming, areas: areas)
        #expect(merged.map { "\($0.area) \($0.year)" } == ["14522080 2022", "14522080 2023", "14522360 2022", "14522360 2023"])
        #expect(merged[1].state == .value(8.1, []))
        #expect(report.added == 1 && report.changed == 1 && report.unchanged == 1)
        #expect(report.changes.first?.old == .value(8.0, .provisional))
    }

    @Test("writeMerged writes the sorted file, and refuses a broken existing file")
    func writeMerged() throws {
        let dir = URL(fileURLWithPath: TemporaryFolder.path("sozialsite-merge"))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("test.csv").path
        try "gebiet;jahr;wert;flag\n14522360;2022;5,0;\n14522080;2022;7,7;\n".write(toFile: path, atomically: true, encoding: .utf8)
        let indicator = TestSupport.indicator()
        let result = TestSupport.importFixture("excel-utf8-bom.csv", indicator: indicator)
        let outcome = DataImporter.writeMerged(result.observations, csvPath: path, displayPath: "test.csv",
                                               indicator: indicator, areas: areas)
        #expect(outcome.written)
        #expect(outcome.report?.added == 4)
        #expect(outcome.report?.changed == 0)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == """
        gebiet;jahr;wert;flag
        14522080;2021;7,9;
        14522080;2022;7,7;
        14522080;2023;8,1;p
        14522360;2021;5,2;
        14522360;2022;5,0;
        14522360;2023;5,3;p

        """)
        // Twice the same import: byte-identical file.
        _ = DataImporter.writeMerged(result.observations, csvPath: path, displayPath: "test.csv", indicator: indicator, areas: areas)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == written)

        try "gebiet;jahr;wert;flag\n14522999;2022;5,0;\n".write(toFile: path, atomically: true, encoding: .utf8)
        let refused = DataImporter.writeMerged(result.observations, csvPath: path, displayPath: "test.csv",
                                               indicator: indicator, areas: areas)
        #expect(!refused.written)
        #expect(refused.diagnostics.hasErrors)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "gebiet;jahr;wert;flag\n14522999;2022;5,0;\n")
    }

    @Test("The whole import as the command line runs it, in a copy of a site")
    func runInSite() throws {
        let site = URL(fileURLWithPath: TemporaryFolder.path("sozialsite-site"))
        let indicators = site.appendingPathComponent("content/daten/indikatoren")
        try FileManager.default.createDirectory(at: indicators, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.copyItem(atPath: (TestSupport.projectRoot as NSString).appendingPathComponent(AreaCatalog.defaultPath),
                                         toPath: site.appendingPathComponent(AreaCatalog.defaultPath).path)
        try """
        ---
        title: Arbeitslosenquote
        unit: "%"
        decimals: 1
        definition: Test
        source: Test
        licence: Test
        datenstand: 2024-11-30
        handlungsfelder: [arbeit]
        higher_is_better: false
        region_values: daten
        kreis_values: daten
        ---
        Text.
        """.write(to: indicators.appendingPathComponent("alq.md"), atomically: true, encoding: .utf8)

        let bad = DataImporter.run(file: TestSupport.fixture("excel-fehler.csv"), indicatorSlug: "alq", siteRoot: site.path)
        #expect(!bad.succeeded)
        #expect(bad.diagnostics.errors.count == 3)
        #expect(!FileManager.default.fileExists(atPath: indicators.appendingPathComponent("alq.csv").path))

        let typo = DataImporter.run(file: TestSupport.fixture("excel-utf8-bom.csv"), indicatorSlug: "alg", siteRoot: site.path)
        #expect(typo.diagnostics.first?.hint == "Meinten Sie „alq“?")

        let good = DataImporter.run(file: TestSupport.fixture("excel-utf8-bom.csv"), indicatorSlug: "alq", siteRoot: site.path)
        #expect(good.succeeded, "\(good.diagnostics)")
        #expect(good.messages.contains("6 neu, 0 geändert, 0 unverändert."))
        let (catalog, diagnostics) = IndicatorCatalog.load(directory: indicators.path, areas: TestSupport.areas)
        #expect(diagnostics.isEmpty)
        #expect(catalog.dataset(slug: "alq")?.state(area: "14522080", year: 2023) == .value(8.1, .provisional))
    }
    @Test("Output order with precomputed keys is the order of the old per-comparison keys, unknown and duplicate keys included")
    func sortedForOutputMatchesPerComparisonKeys() {
        // The former implementation, kept here as the reference.
        func reference(_ observations: [Observation]) -> [Observation] {
            func key(_ o: Observation) -> (Int, Int, String, Int) {
                guard let area = areas.area(key: o.area) else { return (9, 0, o.area, o.year) }
                return (area.level.rawValue, area.level == .sozialregion ? (area.sozialregion ?? 0) : 0, area.sortKey.key, o.year)
            }
            return observations.sorted { key($0) < key($1) }
        }
        let known = areas.areas.map(\.key)
        let unknown = ["zz", "Ärger", "äa", "😀", "&<>\"'", "", "14522999", "sozialregion-10", "e\u{301}", "\u{E9}"]
        var rng = SystemRandomNumberGenerator()
        for round in 0..<20 {
            var observations: [Observation] = []
            for i in 0..<(round * 40) {
                let key = Int.random(in: 0..<5, using: &rng) == 0 ? unknown.randomElement(using: &rng)! : known.randomElement(using: &rng)!
                // Locations tell duplicates (same key and year) apart, so their order is checked too.
                observations.append(Observation(area: key, year: Int.random(in: 2018...2023, using: &rng),
                                                state: .value(Double(i), []),
                                                location: SourceLocation(file: "x.csv", line: i + 1, column: 1)))
            }
            #expect(observations.sortedForOutput(areas: areas) == reference(observations))
        }
        #expect([Observation]().sortedForOutput(areas: areas).isEmpty)
    }
}
