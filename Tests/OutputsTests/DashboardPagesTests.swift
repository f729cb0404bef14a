import Content
import Data
import Foundation
import Markdown
@testable import Outputs
import Support
import Testing

/// Data for the dashboard tests: the example data of the repository, and a tiny hand-made set
/// for edge cases (escaping, a merger).
enum DashboardFixture {
    static let repoData: SiteData = {
        let (data, diagnostics) = SiteData.load(siteRoot: SampleSite.repositoryRoot)
        precondition(!diagnostics.hasErrors, "Beispieldaten fehlerhaft: \(diagnostics)")
        return data
    }()

    /// The sample site of the Outputs tests with the repository's data.
    static func site(data: SiteData = repoData) -> RenderedSite {
        var site = SampleSite.make()
        site.data = data
        return site
    }

    static func render(_ site: RenderedSite = site()) -> (files: [String: OutputFile], ordered: [OutputFile]) {
        let result = Dashboard.render(site: site, theme: SampleSite.theme(),
                                      options: SitePages.Options(hasDashboard: true))
        var byPath: [String: OutputFile] = [:]
        for file in result.files { byPath[file.path] = file }
        return (byPath, result.files)
    }

    static let rendered = render()

    /// A Kreis, one region, two Gemeinden (one merged into the other) and an indicator whose
    /// texts try to break out of HTML and CSV.
    static var hostile: SiteData {
        let areas = AreaCatalog(areas: [
            Area(key: "14522", name: "Landkreis Mittelsachsen", level: .kreis, kind: "Landkreis"),
            Area(key: "sozialregion-1", name: "Sozialregion 1: Freiberg", level: .sozialregion, kind: "Sozialregion", sozialregion: 1),
            Area(key: "14522180", name: "Freiberg <b>", level: .gemeinde, kind: "Stadt", sozialregion: 1),
            Area(key: "14522999", name: "Altdorf", level: .gemeinde, kind: "Gemeinde", sozialregion: 1,
                 validTo: CivilDate(year: 2021, month: 12, day: 31), successor: "14522180"),
        ])
        let indicator = Indicator(slug: "test", title: "Quote <script>alert(1)</script>", unit: "%", decimals: 1,
                                  definition: "Anteil \"x\" & <y>", source: "=HYPERLINK(\"http://böse\")", licence: "dl-de/by-2-0",
                                  datenstand: CivilDate(year: 2024, month: 1, day: 31), handlungsfelder: ["arbeit"],
                                  higherIsBetter: false, body: "## Erklärung\n\nText mit <b>HTML</b>.")
        var observations: [Observation] = []
        for year in 2019...2023 {
            observations.append(Observation(area: "14522", year: year, state: .value(5 + Double(year - 2019) * 0.1, [])))
            observations.append(Observation(area: "sozialregion-1", year: year, state: .value(6, year == 2023 ? .provisional : [])))
            observations.append(Observation(area: "14522180", year: year,
                                            state: year == 2020 ? .missing(.confidential, []) : .value(7 - Double(year - 2019) * 0.2, [])))
            if year <= 2021 { observations.append(Observation(area: "14522999", year: year, state: .value(4, []))) }
        }
        let dataset = IndicatorDataset(indicator: indicator, observations: observations, areas: areas)
        return SiteData(areas: areas, indicators: IndicatorCatalog(datasets: [dataset]))
    }
}

@Suite struct DashboardPagesTests {
    var files: [String: OutputFile] { DashboardFixture.rendered.files }

    func page(_ url: String) throws -> String {
        try #require(files[OutputFile.indexPath(forURL: url)], "fehlt: \(url)").text
    }

    var pages: [OutputFile] { DashboardFixture.rendered.ordered.filter { $0.path.hasSuffix(".html") } }

    @Test func everyPageAndDownloadIsWritten() throws {
        let data = DashboardFixture.repoData
        var expected = ["daten/index.html", "daten/indikatoren/index.html", "daten/gemeinden/index.html",
                        "daten/sozialregionen/index.html", "daten/landkreis/index.html",
                        "daten/alle-daten.csv", "daten/alle-daten.json"]
        for dataset in data.indicators.datasets {
            expected += ["daten/indikatoren/\(dataset.slug)/index.html", "daten/indikatoren/\(dataset.slug).csv",
                         "daten/indikatoren/\(dataset.slug).json"]
        }
        for area in data.areas.areas { expected.append(OutputFile.indexPath(forURL: area.url)) }
        for path in expected { #expect(files[path] != nil, "fehlt: \(path)") }
        #expect(Set(files.keys) == Set(expected))
        let pages = Set(expected.filter { $0.hasSuffix(".html") })
        // The link check knows them all before rendering.
        #expect(Set(Dashboard.urls(data: data).map { OutputFile.indexPath(forURL: $0) }) == Set(expected))
        #expect(Set(Dashboard.sitemapEntries(data: data).map { OutputFile.indexPath(forURL: $0.path) }) == pages)
        #expect(Dashboard.sitemapEntries(data: data).count == pages.count)
    }

    @Test func idsAreUniqueAndLabelsPointToThem() {
        for file in pages {
            let ids = file.attributeValues("id")
            let duplicates = Set(ids.filter { id in ids.count { $0 == id } > 1 })
            #expect(duplicates.isEmpty, "\(file.path): \(duplicates.sorted())")
            let idSet = Set(ids)
            for label in file.attributeValues("aria-labelledby") {
                for id in label.split(separator: " ") {
                    #expect(idSet.contains(String(id)), "\(file.path): aria-labelledby \(id)")
                }
            }
            for href in file.attributeValues("href") where href.hasPrefix("#") {
                #expect(idSet.contains(String(href.dropFirst())), "\(file.path): \(href)")
            }
        }
    }

    @Test func headingsDescendWithoutSkippingLevels() throws {
        let pattern = try Regex("<h([1-6])[ >]")
        for file in pages {
            let main = file.text.section(from: "<main", to: "</main>")
            let levels = main.matches(of: pattern).compactMap { Int($0.output[1].substring ?? "") }
            #expect(levels.first == 1, "\(file.path)")
            #expect(levels.filter { $0 == 1 }.count == 1, "\(file.path)")
            for (a, b) in zip(levels, levels.dropFirst()) {
                #expect(b <= a + 1, "\(file.path): h\(a) → h\(b)")
            }
        }
    }

    @Test func internalLinksResolveToDashboardFilesOrSitePages() {
        let known = Set(files.keys)
        for file in pages {
            for href in file.attributeValues("href") where href.hasPrefix("/daten/") {
                let path = OutputFile.indexPath(forURL: String(href.split(separator: "#").first ?? ""))
                #expect(known.contains(path), "\(file.path) → \(href)")
            }
        }
    }

    @Test func indicatorPageHasChartsTableDefinitionAndDownloads() throws {
        let html = try page("/daten/indikatoren/arbeitslosenquote/")
        #expect(html.contains("<h1>Arbeitslosenquote</h1>"))
        for kind in ["chart-multiples", "chart-tilemap", "chart-ranking"] {
            #expect(html.contains("<figure class=\"chart \(kind)\""), "\(kind)")
        }
        #expect(html.components(separatedBy: "role=\"img\"").count - 1 >= 6)
        #expect(html.components(separatedBy: "class=\"chart-summary\"").count - 1 == 3)
        #expect(html.contains("<table class=\"daten-werte\">"))
        #expect(html.contains("role=\"region\" aria-labelledby=\"tabelle-beschriftung\" tabindex=\"0\""))
        #expect(html.contains("<dt>Definition</dt>") && html.contains("<dt>Quelle</dt>") && html.contains("<dt>Lizenz</dt>")
                && html.contains("<dt>Datenstand</dt>"))
        #expect(html.contains("href=\"/daten/indikatoren/arbeitslosenquote.csv\" download"))
        #expect(html.contains("href=\"/daten/indikatoren/arbeitslosenquote.json\" download"))
        #expect(html.contains("href=\"/daten/alle-daten.csv\" download"))
        // Symbols carry their meaning.
        #expect(html.contains("<abbr title=\"vorläufig\">p</abbr>"))
        #expect(html.contains("Beispieldaten:"))
        // Dissolved Gemeinden have rows with „x“ after their end.
        #expect(html.contains(">Ostrau</a></th>"))
        #expect(html.contains("<abbr title=\"Gebiet bestand in diesem Jahr nicht\">x</abbr>"))
    }

    @Test func gemeindePageComparesEveryIndicatorWithRegionAndKreis() throws {
        let html = try page("/daten/gemeinden/doebeln/")
        let data = DashboardFixture.repoData
        let doebeln = try #require(data.areas.area(key: "14522080"))
        let withValues = data.indicators.datasets.filter { !$0.series(area: doebeln.key).isEmpty }
        #expect(html.components(separatedBy: "<li class=\"kennzahl\">").count - 1 == withValues.count)
        #expect(html.contains("Sozialregion Nord (Döbeln) 2023"))
        #expect(html.contains("Landkreis Mittelsachsen 2023"))
        #expect(html.contains("von 52 Gemeinden"))
        #expect(html.contains("Veränderung seit 2014"))
        #expect(html.contains("href=\"/daten/sozialregionen/6/\""))
        // The arbeitslosenquote rank is that of Döbeln among all Gemeinden of 2023.
        let quote = try #require(data.indicators.dataset(slug: "arbeitslosenquote"))
        let values = data.areas.gemeinden(validIn: 2023).compactMap { quote.observation(area: $0.key, year: 2023)?.state.number }
        let mine = try #require(quote.observation(area: doebeln.key, year: 2023)?.state.number)
        let rank = values.filter { $0 > mine }.count + 1
        let card = html.section(from: "/daten/indikatoren/arbeitslosenquote/\">Arbeitslosenquote</a>", to: "</li>")
        #expect(card.contains("\(rank) von \(values.count) Gemeinden"), "\(card)")
        #expect(card.contains("aria-hidden=\"true\""))
        #expect(html.contains("<table class=\"daten-werte\">"))
    }

    @Test(arguments: ["ostrau", "zschaitz-ottewig", "jahnatal"])
    func mergerIsExplainedOnAllThreePages(slug: String) throws {
        let html = try page("/daten/gemeinden/\(slug)/")
        #expect(html.contains("<strong>Gebietsänderung:</strong>"))
        #expect(html.contains("1. Januar 2023") || html.contains("31. Dezember 2022"))
        for other in ["ostrau", "zschaitz-ottewig", "jahnatal"] where other != slug {
            #expect(html.contains("href=\"/daten/gemeinden/\(other)/\""), "\(slug) → \(other)")
        }
    }

    @Test func otherGemeindenHaveNoMergerNote() throws {
        #expect(try !page("/daten/gemeinden/doebeln/").contains("Gebietsänderung"))
    }

    @Test func regionPageShowsMembersMapAndIndicators() throws {
        let html = try page("/daten/sozialregionen/6/")
        #expect(html.contains("<h1>Sozialregion 6: Nord (Döbeln)</h1>"))
        #expect(html.contains("<figure class=\"chart chart-tilemap\""))
        #expect(html.contains("Die Sozialregion Nord (Döbeln) im Landkreis"))
        for member in ["doebeln", "jahnatal", "ostrau", "waldheim"] {
            #expect(html.contains("href=\"/daten/gemeinden/\(member)/\""), "\(member)")
        }
        #expect(!html.contains("href=\"/daten/gemeinden/freiberg/\""))
        #expect(html.contains("von 7 Sozialregionen"))
        #expect(html.contains("Landkreis Mittelsachsen 2023"))
    }

    @Test func overviewGroupsKeyFiguresByHandlungsfeld() throws {
        let html = try page("/daten/")
        #expect(html.contains("<h1>Daten und Karten</h1>"))
        let order = SampleSite.fields.map(\.0).filter { html.contains("id=\"hf-\($0)\"") }
        let positions = order.map { html.range(of: "id=\"hf-\($0)\"")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(order.count >= 8)
        // Each card: a link, the Kreis value as text, a decorative sparkline.
        let card = html.section(from: "/daten/indikatoren/arbeitslosenquote/\">Arbeitslosenquote</a>", to: "</li>")
        #expect(card.contains("class=\"kennzahl-zahl\">5,6\u{00A0}%</span>"))
        #expect(card.contains("Landkreis, 2023, vorläufig"))
        #expect(card.contains("aria-hidden=\"true\""))
        #expect(card.contains(DashboardHTML.exampleBadge))
        // A newer year without figure is named, not hidden.
        let minimum = html.section(from: "/daten/indikatoren/mindestsicherungsquote/\">Mindestsicherungsquote</a>", to: "</li>")
        #expect(minimum.contains("2023: Angabe fällt später an"))
        #expect(html.contains("<dl class=\"daten-zeichen\">"))
        for entry in StatisticalSymbol.legend { #expect(html.contains("<dt>\(Escape.html(entry.symbol))</dt>")) }
        #expect(html.contains("href=\"/daten/gemeinden/doebeln/\""))
    }

    @Test func renderingIsDeterministic() {
        let a = DashboardFixture.render().ordered, b = DashboardFixture.render().ordered
        #expect(a.map(\.path) == b.map(\.path))
        #expect(a == b)
        #expect(a.map(\.path) == a.map(\.path).sorted())
    }

    /// The downloads run as one parallel job among the pages: on one core and on several, the
    /// same files, and each download exactly once.
    @Test func parallelRenderingEqualsSequential() {
        let single = CoreCount.$limit.withValue(1) { DashboardFixture.render().ordered }
        let parallel = CoreCount.$limit.withValue(4) { DashboardFixture.render().ordered }
        #expect(single == parallel)
        #expect(Set(parallel.map(\.path)).count == parallel.count)
        #expect(parallel.contains { $0.path == "daten/alle-daten.csv" })
        #expect(parallel.contains { $0.path == "daten/alle-daten.json" })
    }

    @Test func contentFromDataFilesIsEscaped() throws {
        let rendered = DashboardFixture.render(DashboardFixture.site(data: DashboardFixture.hostile)).files
        for (path, file) in rendered where path.hasSuffix(".html") {
            #expect(!file.text.contains("<script>alert"), "\(path)")
            #expect(!file.text.contains("Freiberg <b>"), "\(path)")
        }
        let page = try #require(rendered["daten/indikatoren/test/index.html"]).text
        #expect(page.contains("Quote &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("Anteil &quot;x&quot; &amp; &lt;y&gt;"))
        // The explanation's heading sits below the section heading.
        #expect(page.contains("<h3 id=\"erklaerung\">"))
        #expect(!page.contains("<h2 id=\"erklaerung\">"))
        let csv = try #require(rendered["daten/indikatoren/test.csv"]).text
        #expect(!csv.contains(";=HYPERLINK"))
        let altdorf = try #require(rendered["daten/gemeinden/altdorf/index.html"]).text
        #expect(altdorf.contains("Gebietsänderung"))
        #expect(altdorf.contains("href=\"/daten/gemeinden/freiberg-b/\""))
    }

    @Test func noDataNoDashboard() {
        var site = SampleSite.make()
        site.data = nil
        #expect(Dashboard.render(site: site, theme: SampleSite.theme(), options: SitePages.Options()).files.isEmpty)
        #expect(!Dashboard.isAvailable(SiteData(areas: AreaCatalog(areas: []), indicators: IndicatorCatalog(datasets: []))))
    }
}
