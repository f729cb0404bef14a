import Testing
@testable import Charts

/// Table cells speak the symbols of official statistics (DIN 55301): "0" is not zero, "–" is
/// exactly zero and therefore never stands for a value that is not there.
@Suite struct StatisticalSymbolTests {
    let spec = ChartSpec(title: "t", unit: ChartUnit(.count), series: [
        Series(id: "a", label: "A", points: [DataPoint(year: 2020, missing: .belowHalfUnit), DataPoint(year: 2021, 3)]),
    ])

    @Test func belowHalfUnitShowsZeroSymbolWithExplanation() {
        let cell = DataTable.cell(spec.series[0].points[0], key: .year(2020), spec: spec)
        #expect(cell == "<abbr title=\"weniger als die Hälfte der kleinsten Einheit\">0</abbr>")
    }

    @Test func absentPointIsNotADash() {
        let cell = DataTable.cell(nil, key: .year(2019), spec: spec)
        #expect(!cell.contains("–"))
        #expect(cell.contains("k.\u{00A0}A."))
    }
}
