import Foundation
import TestFolders
import Testing
import Support
@testable import Data

@Suite("Indicator catalog")
struct IndicatorCatalogTests {
    static let handlungsfelder: Set<String> = ["arbeit", "inklusion", "integration", "bildung", "gesundheit", "aufwachsen",
                                               "mobilitaet", "senioren", "wohnen", "miteinander", "armut-notlagen"]

    @Test("Broken metadata and values: every problem reported with line, column and hint")
    func brokenFolder() throws {
        let (catalog, diagnostics) = IndicatorCatalog.load(directory: TestSupport.fixture("katalog-fehler"), areas: TestSupport.areas,
                                                           displayPath: "indikatoren", handlungsfelder: Self.handlungsfelder)
        #expect(catalog.datasets.isEmpty)
        func find(_ code: String, _ file: String, _ line: Int) -> Diagnostic? {
            diagnostics.first { $0.code == code && $0.location.file == "indikatoren/\(file)" && $0.location.line == line }
        }
        // Metadata (the YAML starts on line 2).
        #expect(find(DataCode.invalidKey, "fehlerhaft.md", 4)?.message.contains("decimals: zwei") == true)
        #expect(find(DataCode.invalidKey, "fehlerhaft.md", 8) != nil)
        let field = try #require(find(DataCode.unknownHandlungsfeld, "fehlerhaft.md", 9))
        #expect(field.hint == "Meinten Sie „bildung“?")
        #expect(field.location.column == 19)
        // "yes" is not read as true: the Norway problem does not apply.
        #expect(find(DataCode.invalidKey, "fehlerhaft.md", 10)?.message.contains("higher_is_better: yes") == true)
        #expect(find(DataCode.unknownKey, "fehlerhaft.md", 13)?.severity == .warning)
        // Values.
        #expect(find(DataCode.unknownArea, "fehlerhaft.csv", 3)?.hint?.contains("sozialregion-") == true)
        #expect(find(DataCode.areaNotValid, "fehlerhaft.csv", 4)?.hint?.contains("Ostrau") == true)
        #expect(find(DataCode.ambiguousZero, "fehlerhaft.csv", 5) != nil)
        #expect(find(DataCode.invalidFlag, "fehlerhaft.csv", 6)?.location.column == 19)
        #expect(find(DataCode.missingValue, "fehlerhaft.csv", 9) != nil)
        #expect(find(DataCode.duplicateValue, "fehlerhaft.csv", 8)?.hint?.contains("Zeile 7") == true)
        #expect(find(DataCode.missingMetadata, "nur-werte.csv", 1) != nil)
        #expect(diagnostics.errors.count == 11, "\(diagnostics.sortedForReport())")
    }

    @Test("Declared sums and weighted means are computed, across the Jahnatal merger")
    func aggregation() throws {
        let areas = TestSupport.areas
        let (catalog, diagnostics) = IndicatorCatalog.load(directory: TestSupport.fixture("katalog-summe"), areas: areas,
                                                           displayPath: "indikatoren")
        let people = try #require(catalog.dataset(slug: "einwohner"))
        // The Kreis value is published and stays as it is.
        #expect(people.state(area: "14522", year: 2022) == .value(100_000, []))
        #expect(people.observation(area: "14522", year: 2022)?.origin == .published)
        // Region 6 in 2023: Jahnatal replaces Ostrau and Zschaitz-Ottewig.
        let sum2023 = 4100.0 + 19900 + 2480 + 6650 + 8000 + 6950 + 8450
        #expect(people.state(area: "sozialregion-6", year: 2023) == .value(sum2023, []))
        #expect(people.observation(area: "sozialregion-6", year: 2023)?.origin == .computed(.summe))
        // 2022: Leisnig is confidential, so the sum is too; Ostrau's "p" is carried.
        #expect(people.state(area: "sozialregion-6", year: 2022) == .missing(.confidential, .provisional))
        // Other regions have no Gemeinde values at all: nothing computed, a warning explains.
        #expect(people.state(area: "sozialregion-1", year: 2023) == nil)
        let rate = try #require(catalog.dataset(slug: "quote"))
        let weighted = (5.0 * 4100 + 10 * 19900 + 2 * 2480 + 4 * 6650 + 6 * 8000 + 3 * 6950 + 8 * 8450) / sum2023
        let computed = try #require(rate.state(area: "sozialregion-6", year: 2023)?.number)
        #expect(abs(computed - weighted) < 1e-9)
        #expect(rate.state(area: "14522", year: 2023) == nil)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(diagnostics.with(code: DataCode.aggregationIncomplete).isEmpty)
    }

    @Test("Published region values where the indicator declares a sum are an error")
    func noSilentRecompute() throws {
        let dir = URL(fileURLWithPath: TemporaryFolder.path("sozialsite-summe"))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let md = try String(contentsOfFile: TestSupport.fixture("katalog-summe/einwohner.md"), encoding: .utf8)
        try md.write(to: dir.appendingPathComponent("einwohner.md"), atomically: true, encoding: .utf8)
        try "gebiet;jahr;wert;flag\nsozialregion-6;2023;55555;\n14522080;2023;19900;\n"
            .write(to: dir.appendingPathComponent("einwohner.csv"), atomically: true, encoding: .utf8)
        let (_, diagnostics) = IndicatorCatalog.load(directory: dir.path, areas: TestSupport.areas, displayPath: "x")
        let error = try #require(diagnostics.with(code: DataCode.publishedValueRecomputed).first)
        #expect(error.location.line == 2)
        #expect(error.hint?.contains("region_values: daten") == true)
    }
}
