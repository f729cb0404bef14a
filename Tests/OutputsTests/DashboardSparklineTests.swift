import Data
@testable import Outputs
import Testing

/// The decorative sparkline of the key-figure cards.
@Suite struct DashboardSparklineTests {
    func observations(_ values: [(Int, ValueState)]) -> [Observation] {
        values.map { Observation(area: "14522", year: $0.0, state: $0.1) }
    }

    @Test func isHiddenFromAssistiveTechnologyAndHasNoIDs() {
        let svg = DashboardSparkline.svg(main: observations([(2020, .value(5, [])), (2021, .value(6, []))]), reference: [])
        #expect(svg.hasPrefix("<svg class=\"chart-spark\" viewBox=\"0 0 120 36\""))
        #expect(svg.contains("aria-hidden=\"true\" focusable=\"false\""))
        #expect(!svg.contains(" id=") && !svg.contains("<title"))
    }

    @Test func missingValuesAndBreaksSplitTheLine() {
        let main = observations([(2018, .value(5, [])), (2019, .value(6, [])), (2020, .missing(.confidential, [])),
                                 (2021, .value(7, [])), (2022, .value(7.5, .seriesBreak)), (2023, .value(8, []))])
        let runs = DashboardSparkline.segments(main)
        #expect(runs.map { $0.map(\.year) } == [[2018, 2019], [2021], [2022, 2023]])
        let svg = DashboardSparkline.svg(main: main, reference: [])
        #expect(svg.components(separatedBy: "<path").count - 1 == 2)
        #expect(svg.contains("r=\"1.5\""))
    }

    @Test func provisionalLastValueIsHollowAndReferenceIsDashed() {
        let main = observations([(2022, .value(5, [])), (2023, .value(6, .provisional))])
        let reference = observations([(2022, .value(4, [])), (2023, .value(4.5, []))])
        let svg = DashboardSparkline.svg(main: main, reference: reference)
        #expect(svg.contains("class=\"ch-marker ch-f-bg ch-s-1\""))
        #expect(svg.contains("stroke-dasharray=\"3 2\""))
        // One scale for both lines: the highest value at the top padding, the lowest at the bottom.
        #expect(svg.contains("d=\"M4 18 L116 4\""))
        #expect(svg.contains("d=\"M4 32 L116 25\""))
    }

    @Test func noFiguresNoSparkline() {
        #expect(DashboardSparkline.svg(main: observations([(2023, .missing(.notYetAvailable, []))]), reference: []) == "")
    }

    @Test func lightColoursMatchThePalette() {
        for name in ["1", "ctx", "bg", "text", "unbekannt"] {
            #expect(DashboardSparkline.light(name) == DashboardSparkline.paletteLight(name))
        }
        #expect(DashboardSparkline.light("1").hasPrefix("#"))
    }
    /// `svg` before it found the extremes without joined arrays (its text as it was).
    static func referenceSVG(main: [Observation], reference: [Observation]) -> String {
        typealias S = DashboardSparkline
        let width = S.width, height = S.height, pad = S.pad
        func segments(_ o: [Observation]) -> [[S.Point]] { S.segments(o) }
        func fmt(_ v: Double) -> String { S.fmt(v) }
        func light(_ n: String) -> String { S.light(n) }
        typealias Point = S.Point
        let mainRuns = segments(main)
        guard !mainRuns.isEmpty else { return "" }
        let referenceRuns = segments(reference)
        let all = (mainRuns + referenceRuns).flatMap { $0 }
        let years = (main + reference).map(\.year)
        let lowYear = Double(years.min() ?? 0), highYear = Double(years.max() ?? 0)
        let lo = all.map(\.value).min() ?? 0, hi = all.map(\.value).max() ?? 1
        func x(_ year: Int) -> Double {
            highYear == lowYear ? width / 2 : pad + (Double(year) - lowYear) / (highYear - lowYear) * (width - 2 * pad)
        }
        func y(_ value: Double) -> Double {
            let top = hi == lo ? lo + 1 : hi
            return height - pad - (value - lo) / (top - lo) * (height - 2 * pad)
        }
        var out = "<svg class=\"chart-spark\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" width=\"\(fmt(width))\" "
            + "height=\"\(fmt(height))\" aria-hidden=\"true\" focusable=\"false\">\n"
        func draw(_ runs: [[Point]], main: Bool) {
            let color = main ? "1" : "ctx"
            for run in runs {
                if run.count == 1, let p = run.first {
                    out += "<circle cx=\"\(fmt(x(p.year)))\" cy=\"\(fmt(y(p.value)))\" r=\"1.5\" class=\"ch-f-\(color)\" fill=\"\(light(color))\"/>\n"
                    continue
                }
                let d = run.enumerated().map { i, p in (i == 0 ? "M" : "L") + fmt(x(p.year)) + " " + fmt(y(p.value)) }
                    .joined(separator: " ")
                out += "<path d=\"\(d)\" class=\"ch-line ch-s-\(color)\" stroke=\"\(light(color))\" stroke-width=\"\(main ? "2" : "1.25")\" "
                    + "fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\"\(main ? "" : " stroke-dasharray=\"3 2\"")/>\n"
            }
        }
        draw(referenceRuns, main: false)
        draw(mainRuns, main: true)
        if let last = mainRuns.last?.last {
            let cx = fmt(x(last.year)), cy = fmt(y(last.value))
            if last.uncertain {
                out += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"3\" class=\"ch-marker ch-f-bg ch-s-1\" fill=\"\(light("bg"))\" "
                    + "stroke=\"\(light("1"))\" stroke-width=\"1.5\"/>\n"
            } else {
                out += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"3\" class=\"ch-marker ch-f-1\" fill=\"\(light("1"))\"/>\n"
            }
        }
        return out + "</svg>\n"
    }

    @Test func extremesInOnePassDrawTheFormerSparklines() {
        let states: [ValueState] = [.value(5, []), .value(-2.5, .provisional), .value(0, []), .value(-0.0, []), .missing(.confidential, []),
                                    .value(1e6, .seriesBreak), .exactlyZero([]), .value(3.25, .estimated), .value(5, [])]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            func series() -> [Observation] {
                var year = Int.random(in: 2010...2015, using: &rng)
                return (0..<Int.random(in: 0...8, using: &rng)).map { _ in
                    year += Int.random(in: 1...2, using: &rng)
                    return Observation(area: "14522", year: year, state: states.randomElement(using: &rng)!)
                }
            }
            let main = series(), reference = series()
            #expect(DashboardSparkline.svg(main: main, reference: reference) == Self.referenceSVG(main: main, reference: reference))
        }
    }
    /// The cards draw from year and state alone: the same lines as from the whole observations.
    @Test func yearStatesDrawTheSparklinesOfTheSeries() {
        let data = DashboardFixture.repoData
        for dataset in data.indicators.datasets {
            let kreis = data.areas.kreis.map { dataset.series(area: $0.key) } ?? []
            let kreisFigures = data.areas.kreis.map { dataset.yearStates(area: $0.key) } ?? []
            for area in data.areas.areas {
                let series = dataset.series(area: area.key)
                let figures = dataset.yearStates(area: area.key)
                #expect(figures.map(\.year) == series.map(\.year))
                #expect(figures.map(\.state) == series.map(\.state))
                #expect(DashboardSparkline.svg(main: figures, reference: kreisFigures)
                        == Self.referenceSVG(main: series, reference: kreis))
            }
        }
    }
}
