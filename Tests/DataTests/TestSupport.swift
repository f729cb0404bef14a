import Foundation
import Support
@testable import Data

/// Paths and shared values for the Data tests.
enum TestSupport {
    /// `Tests/DataTests/Fixtures` as copied into the test bundle.
    static var fixtures: String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.path
    }

    static func fixture(_ name: String) -> String { (fixtures as NSString).appendingPathComponent(name) }

    /// The repository root (the example site), found from this source file.
    static var projectRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    /// The project's own area list (content/daten/gebiete.csv).
    static let areas: AreaCatalog = {
        let (catalog, diagnostics) = AreaCatalog.load(path: (projectRoot as NSString).appendingPathComponent(AreaCatalog.defaultPath))
        precondition(!diagnostics.hasErrors, diagnostics.description)
        return catalog
    }()

    static func indicator(_ slug: String = "test", column: String? = nil, filters: [String: String] = [:],
                          region: AggregationMethod = .daten, kreis: AggregationMethod = .daten) -> Indicator {
        Indicator(slug: slug, title: "Test", unit: "%", decimals: 1, definition: "Test", source: "Test", licence: "Test",
                  datenstand: CivilDate(year: 2024, month: 1, day: 31), handlungsfelder: ["arbeit"], higherIsBetter: nil,
                  regionValues: region, kreisValues: kreis,
                  importSettings: ImportSettings(column: column, filters: filters))
    }

    static func importText(_ text: String, indicator: Indicator = TestSupport.indicator()) -> ImportResult {
        DataImporter.importText(text, file: "test.csv", indicator: indicator, areas: areas)
    }

    static func importFixture(_ name: String, indicator: Indicator = TestSupport.indicator()) -> ImportResult {
        DataImporter.importFile(path: fixture(name), indicator: indicator, areas: areas, displayPath: name)
    }
}

extension ImportResult {
    func state(_ area: String, _ year: Int) -> ValueState? {
        observations.first { $0.area == area && $0.year == year }?.state
    }
}

extension Array where Element == Diagnostic {
    func with(code: String) -> [Diagnostic] { filter { $0.code == code } }
}
