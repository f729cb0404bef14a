import Foundation
import Testing
@testable import Charts

@Suite("Accessibility by construction")
struct AccessibilityTests {
    static let figureSnapshots = Fixtures.gallery.map { "\($0.name).html" }

    @Test("Every snapshot's SVG is well-formed and named: role, title first, desc, aria-labelledby",
          arguments: figureSnapshots)
    func svgSemantics(file: String) throws {
        let html = try #require(snapshotText(file), "snapshot \(file) missing")
        let fragments = XMLTree.svgFragments(in: html)
        #expect(!fragments.isEmpty)
        for fragment in fragments {
            let svg = try XMLTree.parse(fragment)
            #expect(svg.attributes["viewBox"] != nil)
            if svg.attributes["aria-hidden"] == "true" {
                #expect(file.hasPrefix("sparkline-decorative"))
                #expect(svg.attributes["role"] == nil && !svg.children.contains { $0.name == "title" })
                continue
            }
            #expect(svg.attributes["role"] == "img")
            let ids = (svg.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
            #expect(ids.count == 2)
            let title = try #require(svg.children.first)
            #expect(title.name == "title" && title.attributes["id"] == ids.first && !title.text.isEmpty)
            let desc = try #require(svg.children.first { $0.name == "desc" })
            #expect(desc.attributes["id"] == ids.last && desc.text.count > 40)
            // Drawing is hidden from assistive technology: the description and the table carry it.
            for group in svg.children where group.name == "g" {
                let cls = group.attributes["class"] ?? ""
                if ["ch-series", "ch-bars", "ch-labels", "ch-grid"].contains(cls) {
                    #expect(group.attributes["aria-hidden"] == "true", "\(cls) in \(file)")
                }
            }
        }
    }

    @Test("Figure anatomy: heading, unit, two layouts, summary, table in details, footer", arguments: figureSnapshots)
    func figure(file: String) throws {
        let html = try #require(snapshotText(file))
        if file.hasPrefix("sparkline") {
            #expect(html.hasPrefix("<svg"))
            return
        }
        #expect(html.hasPrefix("<figure class=\"chart chart-"))
        #expect(html.contains("<figcaption class=\"chart-head\">\n<h3 class=\"chart-title\""))
        #expect(html.contains("<div class=\"chart-v chart-v-wide\">"))
        #expect(html.contains("<div class=\"chart-v chart-v-compact\" hidden>"))
        #expect(html.contains("<p class=\"chart-summary\""))
        #expect(html.contains("<details class=\"chart-data\"><summary>Daten als Tabelle</summary>"))
        #expect(html.contains("<table class=\"chart-table\"><caption>"))
        #expect(html.contains("<th scope=\"col\">") && html.contains("<th scope=\"row\">"))
        #expect(html.contains("<footer class=\"chart-foot\">") && html.contains("Quelle: "))
        #expect(html.contains("download>Daten als CSV</a>"))
        #expect(!html.contains("<script"))
        // The visible summary equals the end of the SVG description.
        let summaryStart = try #require(html.range(of: "<p class=\"chart-summary\" id=\"c-\(file.dropLast(5))-s\">"))
        let summary = html[summaryStart.upperBound...].prefix { $0 != "<" }
        #expect(html.contains(". \(summary)</desc>"))
    }

    @Test("Headings: configurable level, or a paragraph")
    func headingLevel() {
        let chart = Chart(.column, Fixtures.careColumns)
        #expect(chart.render(RenderOptions(idPrefix: "a", headingLevel: 2)).figureHTML.contains("<h2 class=\"chart-title\" id=\"a-h\">"))
        #expect(chart.render(RenderOptions(idPrefix: "a", headingLevel: 9)).figureHTML.contains("<h6 "))
        #expect(chart.render(RenderOptions(idPrefix: "a", headingLevel: nil)).figureHTML.contains("<p class=\"chart-title\" id=\"a-h\">"))
        #expect(chart.render(RenderOptions(idPrefix: "a", tableOpen: true)).figureHTML.contains("<details class=\"chart-data\" open>"))
    }

    @Test("Ids are unique on a page with every chart")
    func uniqueIDs() throws {
        var page = ""
        for (name, chart) in Fixtures.gallery { page += chart.render(idPrefix: "c-\(name)").figureHTML }
        let pattern = try NSRegularExpression(pattern: " id=\"([^\"]+)\"")
        let ids = pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)).map {
            String(page[Range($0.range(at: 1), in: page)!])
        }
        #expect(ids.count > 50)
        #expect(Set(ids).count == ids.count, "duplicates: \(Dictionary(grouping: ids, by: { $0 }).filter { $1.count > 1 }.keys.sorted())")
        // Every aria-labelledby target and pattern reference exists.
        for reference in ["aria-labelledby=\"([^\"]+)\"", "url\\(#([^)]+)\\)"] {
            let regex = try NSRegularExpression(pattern: reference)
            for match in regex.matches(in: page, range: NSRange(page.startIndex..., in: page)) {
                for id in page[Range(match.range(at: 1), in: page)!].split(separator: " ") {
                    #expect(ids.contains(String(id)), "missing target \(id)")
                }
            }
        }
    }

    @Test("Series differ by more than colour: dash pattern, marker and direct label")
    func notColourAlone() {
        let styles = SeriesStyle.assign(Fixtures.sgb2Line)
        let all = Fixtures.sgb2Line.series.map { styles[$0.id]! }
        #expect(Set(all.map { "\($0.dash ?? "solid")" }).count == all.count)
        #expect(Set(all.compactMap(\.marker)).count == all.count)
        let bars = BarSeriesStyle.assign(Fixtures.groupedYears.series)
        #expect(Set(bars.map(\.pattern)).count == bars.count)
        let tiles = TileMap(spec: Fixtures.tiles, layout: .mittelsachsenSozialregionen, classCount: 4)
        let classes = max(1, tiles.boundaries.count - 1)
        #expect(Set((0..<classes).map { PatternKind.at($0) }).count == classes)
    }
}

@Suite("Colours and CSS")
struct PaletteTests {
    @Test("Text colours reach 4.5:1, marks 3:1, in light and in dark mode", arguments: Palette.colors)
    func contrast(color: PaletteColor) {
        let needed: Double
        switch color.use {
        case .text: needed = 4.5
        case .mark: needed = 3
        case .decorative: return
        }
        #expect(Palette.contrast(color.light, Palette.lightBackground) >= needed, "\(color.name) light")
        #expect(Palette.contrast(color.dark, Palette.darkBackground) >= needed, "\(color.name) dark")
    }

    @Test("Text on tiles and on filled segments reaches 4.5:1 in both modes")
    func textOnFills() {
        for n in 1...4 {
            let fill = Palette.color("t\(n)"), text = Palette.color("tt\(n)")
            #expect(Palette.contrast(fill.light, text.light) >= 4.5, "tile \(n) light")
            #expect(Palette.contrast(fill.dark, text.dark) >= 4.5, "tile \(n) dark")
        }
        for name in Palette.seriesNames + ["ref", "bar"] {
            let fill = Palette.color(name), text = Palette.color(Palette.onColor(name))
            #expect(Palette.contrast(fill.light, text.light) >= 4.5, "\(name) light")
            #expect(Palette.contrast(fill.dark, text.dark) >= 4.5, "\(name) dark")
        }
        // Tile edges make even the palest class visible.
        #expect(Palette.contrast(Palette.color("axis").light, Palette.lightBackground) >= 3)
    }

    @Test("Contrast formula matches WCAG reference values")
    func formula() {
        #expect(abs(Palette.contrast("#000000", "#FFFFFF") - 21) < 0.01)
        #expect(abs(Palette.contrast("#767676", "#FFFFFF") - 4.54) < 0.01)
        #expect(Palette.contrast("#FFFFFF", "#FFFFFF") == 1)
    }

    @Test("The CSS defines every class the charts use, for light, dark, print and forced colours")
    func css() throws {
        let css = ChartStyles.css
        #expect(css.contains("@media (prefers-color-scheme: dark)"))
        #expect(css.contains("@media print"))
        #expect(css.contains("@media (forced-colors: active)"))
        #expect(css.contains("--chart-1: #0072B2;") && css.contains("--chart-1: #56B4E9;"))
        var page = ""
        for (name, chart) in Fixtures.gallery { page += chart.render(idPrefix: name).figureHTML }
        let regex = try NSRegularExpression(pattern: "\\bch-[sf]-[a-z0-9-]+")
        let used = Set(regex.matches(in: page, range: NSRange(page.startIndex..., in: page)).map {
            String(page[Range($0.range, in: page)!])
        })
        #expect(used.count > 10)
        for cls in used { #expect(css.contains(".\(cls) {"), "\(cls) has no rule") }
        // No colour is hard-wired without its class: every fill/stroke hex has a palette class.
        #expect(!page.contains("style="), "no inline styles")
    }
}
