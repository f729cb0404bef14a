import Content
import Data
import Foundation
import Markdown
@testable import Outputs
import Support
import Testing

/// ```` ```diagramm ```` blocks in posts: charts from the site's data, and every mistake as a
/// diagnostic at the line of the post where it stands, with a hint.
@Suite struct DashboardChartEmbedTests {
    static let file = "content/beitraege/2023/test.md"

    /// Renders `body` as the body of a post whose first body line is line 5 of the file.
    func render(_ body: String, mode: ChartEmbed.Mode = .page, data: SiteData? = DashboardFixture.repoData) -> RenderedMarkdown {
        let source = SourceFile(path: Self.file, body: body, bodyFirstLine: 5)
        let post = Post(source: source, title: "Test", date: BerlinTime.parse("2023-09-12")!, slug: "test-beitrag",
                        handlungsfelder: ["arbeit"])
        let content = SiteContent(config: SampleSite.config, posts: [post])
        return MarkdownRenderer.render(body, file: Self.file, firstLine: 5,
                                       settings: MarkdownSettings(siteHosts: ["mittelsachsen-sozial.de"]),
                                       hooks: ChartEmbed.hooks(data: data, content: content, mode: mode))
    }

    func block(_ yaml: String) -> String { "Einleitung.\n\n```diagramm\n\(yaml)\n```\n\nSchluss.\n" }

    @Test func lineChartWithAreasBecomesAnAccessibleFigure() {
        let out = render(block("indikator: sgb-ii-quote\ngebiete: [kreis, sozialregion-6, 14522080]\nart: linie\njahre: 2015-2023"))
        #expect(out.diagnostics.isEmpty, "\(out.diagnostics)")
        let html = out.html
        #expect(html.contains("<figure class=\"chart chart-line\" id=\"diagramm-test-beitrag-7\""))
        #expect(html.contains("role=\"img\""))
        #expect(html.contains("<title id=\"diagramm-test-beitrag-7-t\">"))
        #expect(html.contains("<desc id=\"diagramm-test-beitrag-7-d\">"))
        #expect(html.contains("class=\"chart-summary\""))
        #expect(html.contains("<details class=\"chart-data\""))
        #expect(html.contains("<table class=\"chart-table\">"))
        #expect(html.contains("href=\"/daten/indikatoren/sgb-ii-quote.csv\" download"))
        #expect(html.contains("href=\"/daten/indikatoren/sgb-ii-quote/\""))
        // Döbeln, its region and the Kreis, only 2015–2023.
        #expect(html.contains(">Döbeln</th>"))
        #expect(html.contains(">Sozialregion Nord (Döbeln)</th>"))
        #expect(html.contains(">Landkreis Mittelsachsen</th>"))
        #expect(!html.contains("<th scope=\"row\">2014</th>"))
        #expect(html.contains("<th scope=\"row\">2015</th>") && html.contains("<th scope=\"row\">2023</th>"))
        #expect(html.contains("Quelle: ") && html.contains("Datenstand: 30. November 2024") && html.contains("Lizenz: "))
        // Example figures say so in the figure itself.
        #expect(html.contains("Beispieldaten"))
        // The YAML is not left as a code block.
        #expect(!html.contains("<pre"))
    }

    @Test(arguments: [("linie", "chart-line"), ("saeulen", "chart-column"), ("Säulen", "chart-column"),
                      ("balken", "chart-ranking"), ("rangfolge", "chart-ranking"), ("gruppiert", "chart-grouped"),
                      ("karte", "chart-tilemap")])
    func everyKindRenders(word: String, cssClass: String) {
        let areas = ["saeulen", "Säulen", "karte", "balken", "rangfolge"].contains(word) ? "" : "\ngebiete: [kreis, sozialregion-1]"
        let years = ["balken", "rangfolge", "karte"].contains(word) ? "2022" : "2018-2023"
        let out = render(block("indikator: arbeitslosenquote\nart: \(word)\njahre: \(years)\(areas)"))
        #expect(out.diagnostics.isEmpty, "\(out.diagnostics)")
        #expect(out.html.contains("class=\"chart \(cssClass)\""))
    }

    @Test func rankingOfGemeindenHighlightsOne() {
        let out = render(block("indikator: arbeitslosenquote\nart: balken\njahre: 2022\nhervorheben: doebeln"))
        #expect(out.diagnostics.isEmpty, "\(out.diagnostics)")
        #expect(out.html.contains("Arbeitslosenquote 2022: Döbeln"))
        #expect(out.html.contains("<th scope=\"col\">Gemeinde</th>"))
    }

    @Test func unknownIndicatorIsAnErrorAtItsLineWithTheClosestSlug() throws {
        let out = render(block("indikator: sgb-2-quote\nart: linie"))
        let d = try #require(out.diagnostics.first)
        #expect(out.diagnostics.count == 1)
        #expect(d.code == ChartEmbed.Code.unknownIndicator)
        #expect(d.isError)
        // Body line 1 is file line 5; the fence is body line 3, `indikator` body line 4.
        #expect(d.location == SourceLocation(file: Self.file, line: 8, column: 12))
        #expect(d.hint?.contains("„sgb-ii-quote“") == true, "\(d.hint ?? "")")
        #expect(d.message.contains("sgb-2-quote"))
        #expect(!out.html.contains("<figure"))
    }

    @Test func missingIndicatorNamesTheFenceLine() throws {
        let out = render(block("art: linie"))
        let d = try #require(out.diagnostics.first)
        #expect(d.code == ChartEmbed.Code.missingIndicator)
        #expect(d.location.line == 7)
    }

    @Test func unknownAreasAreReportedEachWithAHint() {
        let out = render(block("indikator: arbeitslosenquote\ngebiete: [kreis, 14522081, doebel, sozialregion-9]"))
        let unknown = out.diagnostics.filter { $0.code == ChartEmbed.Code.unknownArea }
        #expect(unknown.count == 3, "\(out.diagnostics)")
        #expect(unknown.allSatisfy { $0.location.line == 9 })
        #expect(unknown[0].hint?.contains("Meinten Sie „14522080“ (Döbeln)?") == true, "\(unknown[0].hint ?? "")")
        #expect(unknown[1].hint?.contains("„doebeln“ (Döbeln)") == true, "\(unknown[1].hint ?? "")")
        #expect(unknown[2].hint?.contains("sozialregion-1") == true)
        #expect(unknown.map(\.location.column) == unknown.map(\.location.column).sorted())
    }

    @Test func areaWithoutValuesSaysWhichLevelsExist() throws {
        // The Mindestsicherungsquote exists only for regions and the Kreis.
        let out = render(block("indikator: mindestsicherungsquote\ngebiete: [kreis, 14522080]"))
        let d = try #require(out.diagnostics.first)
        #expect(d.code == ChartEmbed.Code.areaWithoutValues)
        #expect(d.hint?.contains("Sozialregionen") == true)
        #expect(d.hint?.contains("Gemeinden") == false)
    }

    @Test(arguments: [("2015-20x", ChartEmbed.Code.invalidYears), ("2023-2015", ChartEmbed.Code.invalidYears),
                      ("ab 2015", ChartEmbed.Code.invalidYears), ("2030", ChartEmbed.Code.yearsWithoutValues),
                      ("1990-1999", ChartEmbed.Code.yearsWithoutValues)])
    func badYearsAreErrorsAtTheirLine(years: String, code: String) throws {
        let out = render(block("indikator: arbeitslosenquote\njahre: \(years)"))
        let d = try #require(out.diagnostics.first)
        #expect(d.code == code)
        #expect(d.isError)
        #expect(d.location.line == 9)
        #expect(d.hint != nil)
        #expect(!out.html.contains("<figure"))
    }

    @Test func aRankingShowsOneYear() throws {
        let out = render(block("indikator: arbeitslosenquote\nart: balken\njahre: 2015-2023"))
        let d = try #require(out.diagnostics.first)
        #expect(d.code == ChartEmbed.Code.invalidYears)
        #expect(d.hint?.contains("jahre: 2023") == true)
    }

    @Test func yearsBeyondTheDataWarnButDraw() throws {
        let out = render(block("indikator: arbeitslosenquote\njahre: 2010-2023"))
        let d = try #require(out.diagnostics.first)
        #expect(d.code == ChartEmbed.Code.yearsOutsideData)
        #expect(!d.isError)
        #expect(out.html.contains("<figure"))
    }

    @Test func unknownKindListsTheKinds() throws {
        let typo = try #require(render(block("indikator: arbeitslosenquote\nart: linei")).diagnostics.first)
        #expect(typo.code == ChartEmbed.Code.unknownKind)
        #expect(typo.hint?.hasPrefix("Meinten Sie „linie“?") == true, "\(typo.hint ?? "")")
        let other = try #require(render(block("indikator: arbeitslosenquote\nart: kuchen")).diagnostics.first)
        #expect(other.code == ChartEmbed.Code.unknownKind)
        #expect(other.hint?.contains("linie, saeulen, balken") == true)
        #expect(other.location.line == 9)
        let unsuitable = try #require(render(block("indikator: arbeitslosenquote\nart: pyramide")).diagnostics.first)
        #expect(unsuitable.code == ChartEmbed.Code.unsuitableKind)
    }

    @Test func unknownKeySuggestsTheRightOne() throws {
        let d = try #require(render(block("indikator: arbeitslosenquote\njahr: 2020")).diagnostics.first)
        #expect(d.code == ChartEmbed.Code.unknownKey)
        #expect(d.hint == "Meinten Sie „jahre“?")
        #expect(d.location == SourceLocation(file: Self.file, line: 9, column: 1))
    }

    @Test func yamlSyntaxErrorsPointIntoTheBlock() throws {
        let d = try #require(render(block("indikator: arbeitslosenquote\ngebiete: [kreis, 14522080\nart: linie")).diagnostics.first)
        #expect(d.code == ChartEmbed.Code.yaml)
        #expect(d.location.line >= 9 && d.location.line <= 11, "\(d.location)")
        #expect(d.hint != nil)
    }

    @Test func everyProblemOfABlockIsReported() {
        let out = render(block("indikator: arbeitslosenquote\ngebiete: [nirgendwo]\nart: torte\njahre: bald\nfarbe: rot"))
        let codes = Set(out.diagnostics.map(\.code))
        #expect(codes == [ChartEmbed.Code.unknownArea, ChartEmbed.Code.unknownKind, ChartEmbed.Code.invalidYears,
                          ChartEmbed.Code.unknownKey], "\(out.diagnostics)")
        #expect(Set(out.diagnostics.map(\.location.line)) == [9, 10, 11, 12])
    }

    @Test func highlightMustBeAmongTheAreas() throws {
        let d = try #require(render(block("indikator: arbeitslosenquote\ngebiete: [kreis, sozialregion-1]\nhervorheben: doebeln")).diagnostics.first)
        #expect(d.code == ChartEmbed.Code.invalidHighlight)
        #expect(d.location.line == 10)
    }

    @Test func columnsShowOneArea() throws {
        let d = try #require(render(block("indikator: arbeitslosenquote\nart: saeulen\ngebiete: [kreis, sozialregion-1]")).diagnostics.first)
        #expect(d.code == ChartEmbed.Code.tooManyAreas)
        #expect(d.hint?.contains("gruppiert") == true)
    }

    @Test func withoutDataEveryBlockIsAnError() throws {
        let d = try #require(render(block("indikator: arbeitslosenquote"), data: nil).diagnostics.first)
        #expect(d.code == ChartEmbed.Code.noData)
        #expect(d.location.line == 7)
    }

    @Test func idsAreUniqueOnThePage() {
        let body = block("indikator: arbeitslosenquote") + block("indikator: arbeitslosenquote\nart: karte")
            + "\n## Diagramm\n"
        let out = render(body)
        #expect(out.diagnostics.isEmpty, "\(out.diagnostics)")
        let ids = OutputFile(path: "x.html", text: out.html).attributeValues("id")
        #expect(ids.count > 10)
        #expect(Set(ids).count == ids.count, "doppelt: \(ids.filter { id in ids.count { $0 == id } > 1 })")
        #expect(ids.contains("diagramm-test-beitrag-7") && ids.contains("diagramm-test-beitrag-14"))
    }

    @Test func feedsGetTextAndTableInsteadOfSVG() {
        let out = render(block("indikator: arbeitslosenquote\ngebiete: [kreis]"), mode: .feed)
        #expect(out.diagnostics.isEmpty)
        #expect(!out.html.contains("<svg"))
        #expect(out.html.contains("<table class=\"chart-table\">"))
        #expect(out.html.contains("Die Arbeitslosenquote im Landkreis"))
        #expect(out.html.contains("href=\"#diagramm-test-beitrag-7\""))
        #expect(out.html.contains("/daten/indikatoren/arbeitslosenquote.csv"))
        // After the feed cleaner every link is absolute.
        let cleaned = FeedHTML(pageURL: "https://mittelsachsen-sozial.de/2023/09/test-beitrag/").clean(out.html)
        #expect(cleaned.contains("href=\"https://mittelsachsen-sozial.de/2023/09/test-beitrag/#diagramm-test-beitrag-7\""))
        #expect(cleaned.contains("href=\"https://mittelsachsen-sozial.de/daten/indikatoren/arbeitslosenquote.csv\""))
    }

    @Test func examplesInTheDocumentationDraw() throws {
        var count = 0
        for doc in ["docs/daten.md", "docs/redaktion.md", "README.md"] {
            let text = try String(contentsOfFile: SampleSite.repositoryRoot + "/" + doc, encoding: .utf8)
            for part in text.components(separatedBy: "```diagramm\n").dropFirst() {
                let yaml = try #require(part.components(separatedBy: "\n```").first)
                let out = render(block(yaml))
                #expect(out.diagnostics.isEmpty, "\(doc): \(yaml)\n\(out.diagnostics)")
                #expect(out.html.contains("<figure class=\"chart"))
                count += 1
            }
        }
        #expect(count >= 4)
    }

    @Test func userTextIsEscaped() {
        let out = render(block("indikator: arbeitslosenquote\ntitel: \"<script>alert(1)</script> & mehr\""))
        #expect(out.diagnostics.isEmpty)
        #expect(!out.html.contains("<script>"))
        #expect(out.html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; mehr"))
    }
}
