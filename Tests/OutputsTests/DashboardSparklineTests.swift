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
}
