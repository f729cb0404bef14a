import Testing
@testable import Charts

@Suite("Hostile titles and labels are escaped everywhere")
struct EscapingTests {
    static let evil = "</title><script>alert(1)</script>&amp; \"q\" 'a' ]]> \u{0001}"

    static var hostileSpec: ChartSpec {
        ChartSpec(title: evil, subtitle: evil, unit: .percent, series: [
            Series(id: "<x>", label: evil, points: [DataPoint(year: 2022, 1), DataPoint(year: 2023, 2)]),
            Series(id: "r", label: "<b>Kreis</b>", role: .reference, points: [DataPoint(year: 2022, 1.5), DataPoint(year: 2023, missing: .other(evil))]),
        ], breaks: [SeriesBreak(before: 2023, note: evil)], subject: evil, highlight: "<x>",
           source: evil, datenstand: evil, gebietsstand: evil, licence: evil, notes: [evil])
    }

    static var hostileCategories: ChartSpec {
        ChartSpec(title: evil, unit: .percent, series: [
            Series(id: "a", label: evil, points: [DataPoint(category: evil, 3), DataPoint(category: "6", 2)]),
            Series(id: "b", label: "<i>", points: [DataPoint(category: evil, 1), DataPoint(category: "6", missing: .other(evil))]),
        ], categories: [ChartCategory(key: evil, label: evil)], highlight: evil)
    }

    static let kinds: [ChartKind] = [.line(), .column, .ranking, .groupedBars, .stackedBars(.absolute), .stackedBars(.percent),
                                     .pyramid, .sparkline(.labelled), .smallMultiples, .tileMap()]

    @Test("No markup from content survives; every SVG stays well-formed", arguments: 0..<kinds.count)
    func escaped(index: Int) throws {
        for spec in [EscapingTests.hostileSpec, EscapingTests.hostileCategories] {
            let chart = Chart(EscapingTests.kinds[index], spec)
            let output = chart.render(RenderOptions(idPrefix: "\"><script>", headingLevel: 2, csvHref: "javascript:alert(1)",
                                                    svgHref: "/daten/\"x\".svg"))
            for text in [output.figureHTML, output.svg, output.tableHTML] {
                #expect(!text.contains("<script"))
                #expect(!text.contains("<b>") && !text.contains("<i>"))
                #expect(!text.contains("\u{0001}"))
            }
            #expect(!output.figureHTML.contains("javascript:"))
            for fragment in XMLTree.svgFragments(in: output.figureHTML) + [output.svg] {
                let svg = try XMLTree.parse(fragment)
                if let title = svg.children.first(where: { $0.name == "title" }) {
                    #expect(title.text == EscapingTests.evil.replacingOccurrences(of: "\u{0001}", with: ""))
                }
            }
            if case .sparkline = chart.kind { continue }
            #expect(output.figureHTML.contains("href=\"/daten/%22x%22.svg\""))
        }
    }

    @Test("Id prefixes are reduced to characters valid in ids")
    func ids() {
        #expect(ChartIDs(prefix: "\"><script>").prefix == "script")
        #expect(ChartIDs(prefix: "2023-quote").prefix == "c-2023-quote")
        #expect(ChartIDs(prefix: "c-sgb2_doebeln").prefix == "c-sgb2_doebeln")
        #expect(ChartIDs(prefix: "").prefix == "c-")
    }

    @Test("Only safe link targets become links")
    func hrefs() {
        #expect(FigureMarkup.safeHref("javascript:alert(1)") == nil)
        #expect(FigureMarkup.safeHref(" JavaScript:alert(1)") == nil)
        #expect(FigureMarkup.safeHref("data:text/csv,1") == nil)
        #expect(FigureMarkup.safeHref("/daten/sgb2 döbeln.csv") == "/daten/sgb2%20d%C3%B6beln.csv")
        #expect(FigureMarkup.safeHref("https://example.org/a.csv") == "https://example.org/a.csv")
        #expect(FigureMarkup.safeHref("daten/a.csv?x=1:2") == "daten/a.csv?x=1:2")
    }
}
