import Testing
import Support
@testable import Data

/// `AreaCatalog.level(key:)` and `level(key:validIn:)` read the level in place; they must answer
/// as `area(key:)` with `.level` and `isValid(inYear:)` did, also for dissolved Gemeinden.
@Suite("Level lookups answer like area(key:)")
struct AreaLevelLookupTests {
    @Test("Every key, unknown keys and years around the 2023 merger")
    func sameAnswers() {
        let areas = TestSupport.areas
        let keys = areas.areas.map(\.key) + ["", "unbekannt", "Kreis", "14522999", "sozialregion-8", "kreis "]
        for key in keys {
            #expect(areas.level(key: key) == areas.area(key: key)?.level, "\(key)")
            for year in [1990, 2015, 2021, 2022, 2023, 2024, 2040] {
                let expected = areas.area(key: key).flatMap { $0.isValid(inYear: year) ? $0.level : nil }
                #expect(areas.level(key: key, validIn: year) == expected, "\(key) \(year)")
            }
        }
        // A dissolved Gemeinde has a level, but none from the year it no longer existed.
        let dissolved = areas.gemeinden.first { $0.validTo != nil }
        #expect(dissolved != nil)
        if let dissolved {
            #expect(areas.level(key: dissolved.key) == .gemeinde)
            #expect(areas.level(key: dissolved.key, validIn: 2040) == nil)
        }
    }
}
