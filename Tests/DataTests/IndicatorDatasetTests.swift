import Testing
import Support
@testable import Data

@Suite("Indicator dataset accessors")
struct IndicatorDatasetTests {
    let areas = TestSupport.areas

    /// The accessors that avoid copying a series answer what the series itself says.
    @Test("hasValues, latestYear, latestObservation, years and state agree with series and observation")
    func accessorsAgreeWithSeries() {
        let keys = areas.areas.prefix(12).map(\.key) + ["unbekannt", "Ärger"]
        let states: [ValueState] = [.value(1.5, []), .missing(.confidential, []), .exactlyZero([]), .value(-2, .provisional)]
        var observations: [Observation] = []
        for (i, key) in keys.enumerated() where i % 4 != 3 {
            for year in 2015...2023 where (year + i) % 3 != 0 {
                observations.append(Observation(area: key, year: year, state: states[(year + i) % states.count]))
            }
        }
        let dataset = IndicatorDataset(indicator: TestSupport.indicator(), observations: observations, areas: areas)
        for key in keys + ["", "fehlt"] {
            let series = dataset.series(area: key)
            #expect(dataset.hasValues(area: key) == !series.isEmpty, "\(key)")
            #expect(dataset.latestYear(area: key) == series.last?.year, "\(key)")
            #expect(dataset.latestObservation(area: key) == series.last, "\(key)")
            #expect(dataset.latestObservation(area: key) { $0.state.number != nil } == series.last { $0.state.number != nil }, "\(key)")
            #expect(dataset.years(area: key) == series.map(\.year), "\(key)")
            for year in 2014...2024 {
                #expect(dataset.state(area: key, year: year) == dataset.observation(area: key, year: year)?.state)
            }
        }
    }
}
