import Testing
@testable import Charts

/// Odd input must never crash, never produce broken markup and never let labels collide.
@Suite("Odd data")
struct RobustnessTests {
    static let kinds: [ChartKind] = [.line(), .line(baseline: .zero), .column, .ranking, .groupedBars, .stackedBars(.absolute),
                                     .stackedBars(.percent), .pyramid, .sparkline(.labelled), .smallMultiples, .tileMap()]

    static var cases: [(String, ChartSpec)] {
        let empty = ChartSpec(title: "Leer", unit: .percent, series: [])
        let noPoints = ChartSpec(title: "Ohne Punkte", unit: .percent, series: [Series(id: "a", label: "A", points: [])])
        let allMissing = ChartSpec(title: "Alles fehlt", unit: .percent, series: [
            Series(id: "a", label: "A", points: [DataPoint(year: 2020, missing: .secret), DataPoint(year: 2021, missing: .noData)]),
        ])
        let single = ChartSpec(title: "Ein Wert", unit: ChartUnit(.count), series: [
            Series(id: "a", label: "A", points: [DataPoint(year: 2023, 12_345)]),
        ])
        let negative = ChartSpec(title: "Saldo", unit: ChartUnit(.count), series: [
            Series(id: "a", label: "Wanderungssaldo", points: (2014...2023).map { DataPoint(year: $0, Double($0 - 2019) * 250) }),
            Series(id: "b", label: "Natürlicher Saldo", role: .reference, points: (2014...2023).map { DataPoint(year: $0, -1800 - Double($0 - 2014) * 40) }),
        ])
        let zeros = ChartSpec(title: "Null", unit: .percent, series: [
            Series(id: "a", label: "A", points: (2020...2023).map { DataPoint(year: $0, 0) }),
        ])
        let categoryLine = ChartSpec(title: "Kategorien", unit: .percent, series: [
            Series(id: "a", label: "A", points: ["unter 18", "18 bis unter 65", "65 und älter"].enumerated().map { DataPoint(category: $1, Double($0) * 10 + 5) }),
        ])
        let longNames = ChartSpec(title: "Lange Namen", unit: .percent, series: [
            Series(id: "a", label: "Eine sehr lange Reihenbezeichnung ohne Ende in Sicht", points: [
                DataPoint(category: "Rechenberg-Bienenmühle mit Ortsteilen Clausnitz und Holzhau", 3),
                DataPoint(category: "Donaudampfschifffahrtsgesellschaftskapitänsmütze", 4),
            ]),
        ])
        let manyYears = ChartSpec(title: "Lange Reihe", unit: ChartUnit(.count), series: [
            Series(id: "a", label: "Bevölkerung", points: (1990...2023).map { DataPoint(year: $0, 360_000 - Double($0 - 1990) * 1800) }),
        ])
        return [("empty", empty), ("noPoints", noPoints), ("allMissing", allMissing), ("single", single),
                ("negative", negative), ("zeros", zeros), ("categoryLine", categoryLine), ("longNames", longNames),
                ("manyYears", manyYears)]
    }

    @Test("Every kind with every odd input: well-formed, named, no overlaps", arguments: cases.map(\.0))
    func odd(name: String) throws {
        let spec = RobustnessTests.cases.first { $0.0 == name }!.1
        for kind in RobustnessTests.kinds {
            let chart = Chart(kind, spec)
            let output = chart.render(idPrefix: "r")
            #expect(!output.summary.isEmpty)
            #expect(output.csv.hasPrefix("\u{FEFF}"))
            for fragment in XMLTree.svgFragments(in: output.figureHTML) {
                let svg = try XMLTree.parse(fragment)
                #expect(svg.attributes["role"] == "img")
                let problems = try LayoutCheck.problems(in: fragment)
                #expect(problems.isEmpty, "\(name) \(kind.name): \(problems.joined(separator: "\n"))")
            }
            #expect(!output.figureHTML.contains("nan") && !output.figureHTML.contains("inf"), "\(name) \(kind.name)")
        }
    }

    @Test("Line charts over named categories label them")
    func categoryAxis() throws {
        let spec = RobustnessTests.cases.first { $0.0 == "categoryLine" }!.1
        let drawing = Chart(.line(), spec).draw(.wide, ids: ChartIDs(prefix: "r"))
        #expect(drawing.body.contains(">18 bis unter 65<"))
    }

    @Test("Negative values: bars still start at zero, the zero line is drawn")
    func negativeBars() {
        let spec = RobustnessTests.cases.first { $0.0 == "negative" }!.1
        let axis = ValueAxis(values: spec.series.flatMap { $0.points.compactMap(\.value.number) }, unit: spec.unit,
                             tickCount: 6, includeZero: true)
        #expect(axis.scale.lower < 0 && axis.scale.upper > 0 && axis.hasZero)
        #expect(LineChart(spec: spec, baseline: .auto).axisIsTruncated == false)
    }
}
