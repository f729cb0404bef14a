import Charts
import Foundation
import Testing

/// `themes/standard/assets/css/daten.css` carries the chart CSS of the Charts module verbatim
/// (between two marker comments) plus the dashboard's own rules. When the Charts module changes
/// its CSS this test fails; `SOZIALSITE_UPDATE_CSS=1 swift test --filter DashboardStylesTests`
/// writes the new block into the file.
@Suite struct DashboardStylesTests {
    static let path = SampleSite.repositoryRoot + "/themes/standard/assets/css/daten.css"
    static let begin = "/* BEGIN ChartStyles.css – vom Charts-Modul erzeugt, nicht von Hand ändern.\n"
        + "   Aktualisieren: SOZIALSITE_UPDATE_CSS=1 swift test --filter DashboardStylesTests */\n"
    static let end = "/* END ChartStyles.css */\n"

    @Test func stylesheetContainsTheCurrentChartCSS() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        let expected = Self.begin + ChartStyles.css + Self.end
        guard let start = text.range(of: Self.begin), let stop = text.range(of: Self.end, range: start.upperBound..<text.endIndex) else {
            Issue.record("daten.css hat keinen Block „BEGIN/END ChartStyles.css“")
            return
        }
        let current = String(text[start.lowerBound..<stop.upperBound])
        if current != expected, ProcessInfo.processInfo.environment["SOZIALSITE_UPDATE_CSS"] == "1" {
            try text.replacingCharacters(in: start.lowerBound..<stop.upperBound, with: expected)
                .write(toFile: Self.path, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == expected, "daten.css enthält veraltete Diagramm-Styles; SOZIALSITE_UPDATE_CSS=1 swift test --filter DashboardStylesTests")
    }

    @Test func stylesheetHasNoImportsAndNoForeignURLs() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        #expect(!text.contains("@import"))
        #expect(!text.contains("url(http"))
        #expect(!text.contains("url(//"))
    }

    @Test func baseTemplateLinksTheStylesheetOnlyWhenThereIsData() throws {
        let base = try String(contentsOfFile: SampleSite.repositoryRoot + "/themes/standard/templates/base.mustache", encoding: .utf8)
        #expect(base.contains("{{#flags.dashboard}}<link rel=\"stylesheet\" href=\"/assets/css/daten.css\">{{/flags.dashboard}}"))
    }
}
