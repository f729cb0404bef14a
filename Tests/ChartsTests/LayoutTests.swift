import Foundation
import Testing
@testable import Charts

@Suite("Layout: labels never overlap, never leave the chart, never get too small")
struct LayoutTests {
    static let variants = LayoutVariant.allCases

    @Test("No text overlaps or leaves the chart", arguments: Fixtures.gallery.map(\.name), variants)
    func noOverlaps(name: String, variant: LayoutVariant) throws {
        let chart = Fixtures.gallery.first { $0.name == name }!.chart
        guard chart.variants.contains(variant) else { return }
        let ids = ChartIDs(prefix: "t")
        let drawing = chart.draw(variant, ids: ids)
        let svg = FigureMarkup.svgDocument(drawing, variant: variant, ids: ids, title: "T", description: "D",
                                           decorative: false, standalone: true)
        let problems = try LayoutCheck.problems(in: svg)
        #expect(problems.isEmpty, "\(name) \(variant): \(problems.joined(separator: "\n"))")
        if case .sparkline = chart.kind { return }
        #expect(LayoutCheck.textBoxes(try XMLTree.parse(svg)).count >= 5, "the check must see the labels")
    }

    @Test("The overlap check itself finds overlapping and cut-off text")
    func checkerWorks() throws {
        let overlapping = """
        <svg viewBox="0 0 200 100" font-size="14"><g text-anchor="middle"><text x="40" y="50">20 Tsd.</text>\
        <text x="70" y="50">10 Tsd.</text></g></svg>
        """
        #expect(try LayoutCheck.problems(in: overlapping).contains { $0.hasPrefix("overlap") })
        let cut = "<svg viewBox=\"0 0 100 40\" font-size=\"14\"><text x=\"60\" y=\"20\">Mittelsachsen</text></svg>"
        #expect(try LayoutCheck.problems(in: cut).contains { $0.hasPrefix("outside") })
        let fine = "<svg viewBox=\"0 0 300 40\" font-size=\"14\"><text x=\"10\" y=\"20\">A</text><text x=\"100\" y=\"20\">B</text></svg>"
        #expect(try LayoutCheck.problems(in: fine).isEmpty)
    }

    @Test("Crowded end labels of many series are pushed apart", arguments: variants)
    func crowdedEndLabels(variant: LayoutVariant) throws {
        let chart = Chart(.line(), Fixtures.crowdedLine)
        let drawing = chart.draw(variant, ids: ChartIDs(prefix: "t"))
        let svg = try XMLTree.parse("<svg viewBox=\"0 0 \(drawing.width) \(drawing.height)\">\(drawing.body)</svg>")
        let labels = svg.all.filter { $0.name == "g" && $0.attributes["class"] == "ch-labels" }.flatMap(\.children)
            .filter { $0.name == "text" }
        // The highlighted series and the reference always keep their labels.
        let texts = labels.map(\.visibleText)
        #expect(texts.contains { $0.contains("Freiberg") })
        #expect(texts.contains { $0.contains("Mittelsachsen") })
        let boxes = LayoutCheck.textBoxes(svg).filter { box in labels.contains { ObjectIdentifier($0) == box.element } }
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] where a.element != b.element {
                #expect(!a.overlaps(b), "\(a) overlaps \(b)")
            }
        }
    }

    @Test("All chart text is 14 units, so at least 12 px at the smallest width each layout is shown at",
          arguments: Fixtures.gallery.map(\.name))
    func textSize(name: String) throws {
        let chart = Fixtures.gallery.first { $0.name == name }!.chart
        for variant in chart.variants {
            let drawing = chart.draw(variant, ids: ChartIDs(prefix: "t"))
            let svg = try XMLTree.parse("<svg font-size=\"14\">\(drawing.body)</svg>")
            for text in svg.all where text.name == "text" {
                let size = Double(text.inherited("font-size") ?? "0") ?? 0
                let rendered = size * variant.minimumRenderedWidth / drawing.width
                #expect(rendered >= 12, "\(name) \(variant): „\(text.visibleText)“ renders at \(rendered) px")
            }
        }
        #expect(Typography.size * LayoutVariant.wide.minimumRenderedWidth / LayoutVariant.wide.width >= 12)
        #expect(Typography.size * LayoutVariant.compact.minimumRenderedWidth / LayoutVariant.compact.width >= 12)
    }

    @Test("The CSS switches layouts exactly where text would drop below 12 px")
    func breakpoints() {
        #expect(ChartStyles.css.contains("@container (min-width: \(Int(LayoutVariant.wide.minimumRenderedWidth))px)"))
        // The compact layout is never blown up beyond 20 px text.
        #expect(Typography.size * ChartStyles.compactMaxWidth / LayoutVariant.compact.width <= 20)
    }

    @Test("Line charts never bridge a gap, a missing value or a series break")
    func segments() {
        let spec = Fixtures.sgb2Line
        let chart = LineChart(spec: spec, baseline: .auto)
        let doebeln = spec.series[0]
        let runs = chart.segments(of: doebeln, keyAxis: KeyAxis(spec: spec)).map { $0.map { $0.key.year! } }
        // 2020 is secret, a break lies before 2022.
        #expect(runs == [[2014, 2015, 2016, 2017, 2018, 2019], [2021], [2022, 2023]])
    }

    @Test("Year labels: every year when there is room, nice steps with both ends otherwise")
    func yearLabels() {
        let years = Array(2000...2023)
        let roomy = YearAxis.labelledYears(years) { Double($0 - 2000) * 60 }
        #expect(roomy == years)
        let tight = YearAxis.labelledYears(years) { Double($0 - 2000) * 12 }
        #expect(tight.first == 2000 && tight.last == 2023)
        let spacing = TextMetrics.width("0000", size: Typography.size, tabularDigits: true) + 10
        for (a, b) in zip(tight, tight.dropFirst()) { #expect(Double(b - a) * 12 >= spacing) }
        #expect(tight.dropFirst().dropLast().allSatisfy { $0 % 5 == 0 })
    }
}
