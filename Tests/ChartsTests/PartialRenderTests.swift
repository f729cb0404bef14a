import Testing
@testable import Charts

/// `figureHTML` and `textAlternative` skip work that `render` does; they must give exactly the
/// pieces `render` gives. The standalone SVG and the CSV that only `render` makes are pinned by
/// snapshots, so rewriting the writers cannot change a byte of them unnoticed.
@Suite("Partial rendering matches the full rendering")
struct PartialRenderTests {
    static let optionSets: [RenderOptions] = [
        RenderOptions(idPrefix: "c-x", headingLevel: 3, csvHref: "/daten/x.csv"),
        RenderOptions(idPrefix: "diagramm-ä-1", headingLevel: nil, csvHref: "javascript:alert(1)", svgHref: "/x.svg",
                      tableOpen: true),
        RenderOptions(idPrefix: "9", headingLevel: 7),
    ]

    @Test("figureHTML equals render().figureHTML", arguments: Fixtures.gallery.map(\.name))
    func figure(name: String) {
        let chart = Fixtures.gallery.first { $0.name == name }!.chart
        for options in Self.optionSets {
            #expect(chart.figureHTML(options) == chart.render(options).figureHTML)
            // Wrapped in one piece: exactly the wrapping around the plain figure.
            for (before, after) in [("", ""), ("<div class=\"diagramm\">\n", "<p>Döbeln & 👩‍👩‍👧</p>\n</div>\n")] {
                #expect(chart.figureHTML(options, before: before, after: after) == before + chart.figureHTML(options) + after)
            }
        }
    }

    @Test("textAlternative equals the summary and table of render()", arguments: Fixtures.gallery.map(\.name))
    func text(name: String) {
        let chart = Fixtures.gallery.first { $0.name == name }!.chart
        let full = chart.render(RenderOptions(idPrefix: "y", headingLevel: nil))
        let text = chart.textAlternative()
        #expect(text.summary == full.summary)
        #expect(text.tableHTML == full.tableHTML)
        #expect(text.tableHTML.hasPrefix("<table"))
    }

    @Test("Standalone SVG and CSV match their snapshots", arguments: Fixtures.gallery.map(\.name))
    func downloads(name: String) {
        let chart = Fixtures.gallery.first { $0.name == name }!.chart
        let output = chart.render(RenderOptions(idPrefix: "c-\(name)", headingLevel: 3, csvHref: "/daten/\(name).csv"))
        #expect(output.svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        assertSnapshot(output.svg, named: "\(name).svg")
        assertSnapshot(output.csv, named: "\(name).csv")
    }
}
