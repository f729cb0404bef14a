import Charts
import Content
import Data
import Markdown
import Support
import Foundation

/// Charts in posts: a fenced block ```` ```diagramm ```` with YAML such as
///
///     indikator: sgb-ii-quote
///     gebiete: [kreis, sozialregion-6, 14522080]
///     art: linie
///     jahre: 2015-2023
///
/// becomes an accessible figure (see `Chart`). Pages get the full figure; feeds and e-mails get
/// title, summary sentence, data table and source (readers drop inline SVG) with a link to the chart.
public enum ChartEmbed {
    /// The fence info word.
    public static let fenceWord = "diagramm"

    public enum Mode: Sendable {
        /// The site's pages: the figure with SVG, table, CSV link.
        case page
        /// Feeds and newsletters: text, table and a link to the chart on the page.
        case feed
    }

    /// Stable codes of the diagnostics a block can get.
    public enum Code {
        public static let noData = "chart-no-data"
        public static let yaml = "chart-yaml"
        public static let notMapping = "chart-not-mapping"
        public static let unknownKey = "chart-unknown-key"
        public static let invalidValue = "chart-invalid-value"
        public static let missingIndicator = "chart-missing-indicator"
        public static let unknownIndicator = "chart-unknown-indicator"
        public static let unknownArea = "chart-unknown-area"
        public static let areaWithoutValues = "chart-area-without-values"
        public static let tooManyAreas = "chart-too-many-areas"
        public static let unknownKind = "chart-unknown-kind"
        public static let unsuitableKind = "chart-unsuitable-kind"
        public static let invalidYears = "chart-invalid-years"
        public static let yearsWithoutValues = "chart-years-without-values"
        public static let yearsOutsideData = "chart-years-outside-data"
        public static let invalidHighlight = "chart-invalid-highlight"
        public static let ignoredKey = "chart-ignored-key"
    }

    static let exampleHint = "Ein Diagramm-Block sieht so aus: indikator: arbeitslosenquote, darunter z. B. gebiete: [kreis, sozialregion-6] "
        + "und art: linie (je Angabe eine Zeile). Anleitung: docs/daten.md, „Diagramm in einen Beitrag einfügen“."

    /// The handler for `MarkdownHooks.fencedBlocks["diagramm"]`. `content` maps each Markdown file
    /// to its page, so ids are unique on the page and feed items can link to the chart.
    public static func handler(data: SiteData?, content: SiteContent, mode: Mode)
        -> @Sendable (FencedBlock) -> FencedBlockOutput {
        // Built on the first chart: a build that renders a few bodies again (incremental) should not
        // work out the address of every post for that.
        let pages = LazyPages(content: content)
        return { block in
            render(block, data: data, page: pages.page(of: block.location.file), mode: mode)
        }
    }

    /// Each Markdown file's page (slug and URL). The index from file to post is made once when
    /// first asked; slug and URL are read only for the files that have charts. (A map of every
    /// post's slug and URL copied each `Post` and built a URL for each of 10,000 posts, for ~1,000
    /// charts.)
    ///
    /// `@unchecked Sendable`: `owners` is only read and written while `lock` is held. An `NSLock`
    /// rather than `Mutex`: the first chart builds the 10,000-entry index inside the lock, and
    /// `Mutex` (a priority-inheritance futex on Linux) lets the other workers spin in the kernel
    /// for that long, where `NSLock` puts them to sleep.
    final class LazyPages: @unchecked Sendable {
        private enum Owner {
            case post(Int), page(Int), field(Int)
        }

        private let content: SiteContent
        private let lock = NSLock()
        private var owners: [String: Owner]?

        init(content: SiteContent) { self.content = content }

        func page(of file: String) -> (slug: String, url: String)? {
            lock.lock()
            if owners == nil { owners = Self.index(content) }
            let owner = owners?[file]
            lock.unlock()
            switch owner {
            case .post(let index): return (content.posts[index].slug, content.posts[index].url)
            case .page(let index): return (content.pages[index].slug, content.pages[index].url)
            case .field(let index): return (content.handlungsfelder[index].slug, content.handlungsfelder[index].url)
            case nil: return nil
            }
        }

        private static func index(_ content: SiteContent) -> [String: Owner] {
            var all: [String: Owner] = [:]
            all.reserveCapacity(content.posts.count + content.pages.count + content.handlungsfelder.count)
            // Later entries win, as in a dictionary filled in this order: posts, pages, fields.
            // Read in place: a subscripted post in a loop was copied whole (a retain per field),
            // on two handlers at once (pages and feeds), each retain contended.
            content.posts.withUnsafeBufferPointer { posts in
                for index in posts.indices { all[posts[index].source.path] = .post(index) }
            }
            content.pages.withUnsafeBufferPointer { pages in
                for index in pages.indices { all[pages[index].source.path] = .page(index) }
            }
            content.handlungsfelder.withUnsafeBufferPointer { fields in
                for index in fields.indices { all[fields[index].source.path] = .field(index) }
            }
            return all
        }
    }

    /// Hooks with only the diagram handler (feeds and newsletters render bodies again).
    public static func hooks(data: SiteData?, content: SiteContent, mode: Mode) -> MarkdownHooks {
        MarkdownHooks(fencedBlocks: [fenceWord: handler(data: data, content: content, mode: mode)])
    }

    static func render(_ block: FencedBlock, data: SiteData?, page: (slug: String, url: String)?, mode: Mode) -> FencedBlockOutput {
        guard let data, !data.indicators.datasets.isEmpty else {
            return FencedBlockOutput(html: nil, diagnostics: [.error(
                Code.noData, at: block.location, "Diese Website hat keine Daten, aus denen ein Diagramm entstehen könnte.",
                hint: "Indikatoren stehen in content/daten/indikatoren/ (Anleitung: docs/daten.md).")])
        }
        let (request, diagnostics) = ChartEmbedRequest.parse(block, data: data)
        guard let request else { return FencedBlockOutput(html: nil, diagnostics: diagnostics) }
        let chart = request.chart(areas: data.areas)
        let slug = page?.slug ?? Slug.make(String(block.location.file.split(separator: "/").last ?? "seite"))
        let id = "diagramm-\(slug)-\(block.location.line)"
        let indicator = request.dataset.indicator
        let csv = DashboardDownloads.indicatorCSVPath(indicator.slug)
        switch mode {
        case .page:
            let html = chart.figureHTML(
                RenderOptions(idPrefix: id, headingLevel: nil, csvHref: csv), before: "<div class=\"diagramm\">\n",
                after: "<p class=\"diagramm-mehr\"><a href=\"\(Escape.html(indicator.url))\">Alle Werte: \(Escape.html(indicator.title))</a></p>\n</div>\n")
            return FencedBlockOutput(html: html, diagnostics: diagnostics)
        case .feed:
            return FencedBlockOutput(html: feedHTML(chart, id: id, csv: csv, indicator: indicator), diagnostics: diagnostics)
        }
    }

    /// Feed readers and mail clients drop or mangle inline SVG: the text alternative stands in,
    /// with the table, and links to the drawing on the page. Relative links are made absolute by
    /// `FeedHTML`.
    static func feedHTML(_ chart: Chart, id: String, csv: String, indicator: Indicator) -> String {
        // Only the text alternative: drawing the SVG for a reader that drops it would be wasted.
        let output = chart.textAlternative()
        let spec = chart.spec
        var html = "<figure>\n<figcaption><strong>\(Escape.html(spec.title))</strong>"
        if let subtitle = spec.subtitle { html += "<br>\(Escape.html(subtitle))" }
        html += "</figcaption>\n<p>\(Escape.html(output.summary))</p>\n\(output.tableHTML)\n"
        var source: [String] = []
        if let s = spec.source { source.append("Quelle: \(Escape.html(s))") }
        if let d = spec.datenstand { source.append("Datenstand: \(Escape.html(d))") }
        if let l = spec.licence { source.append("Lizenz: \(Escape.html(l))") }
        if !source.isEmpty { html += "<p>\(source.joined(separator: " · "))</p>\n" }
        html += "<p><a href=\"#\(Escape.html(id))\">Diagramm auf der Website ansehen</a> · "
            + "<a href=\"\(Escape.html(csv))\">Daten als CSV</a></p>\n</figure>\n"
        return html
    }

    /// "2015 bis 2023", "2023".
    static func yearsText(_ range: ClosedRange<Int>) -> String {
        range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound) bis \(range.upperBound)"
    }

    /// Which levels an indicator has values for, as a hint.
    static func levelsHint(_ levels: Set<AreaLevel>, dataset: IndicatorDataset) -> String {
        let names = levels.sorted().map { level -> String in
            switch level {
            case .kreis: "den Landkreis (kreis)"
            case .sozialregion: "die Sozialregionen (sozialregion-1 … sozialregion-7)"
            case .gemeinde: "die Gemeinden (AGS)"
            }
        }
        let years = dataset.years
        let span = years.first.map { first in " aus den Jahren \(yearsText(first...(years.last ?? first)))" } ?? ""
        return names.isEmpty ? "Der Indikator hat noch keine Werte."
            : "„\(dataset.slug)“ hat Werte\(span) für \(names.joined(separator: ", "))."
    }
}

extension ChartEmbedRequest {
    /// The chart the block asks for.
    func chart(areas catalog: AreaCatalog) -> Chart {
        let charts = DashboardCharts(dataset: dataset, areas: catalog)
        switch kind {
        case .ranking:
            var members = areas
            if members.isEmpty {
                let gemeinden = catalog.gemeinden.filter { dataset.hasValues(area: $0.key) }
                members = gemeinden.isEmpty ? catalog.sozialregionen : gemeinden
            }
            let year = years?.upperBound ?? charts.latestYear(among: members) ?? dataset.latestYear ?? 0
            return Chart(.ranking, charts.ranking(members, year: year, highlight: highlight, title: title))
        case .tiles:
            let year = years?.upperBound ?? charts.latestYear(among: catalog.sozialregionen) ?? dataset.latestYear ?? 0
            return Chart(.tileMap(), charts.tiles(year: year, highlight: highlight, title: title))
        case .line, .columns, .grouped:
            var shown = areas
            if shown.isEmpty {
                if let kreis = catalog.kreis, dataset.hasValues(area: kreis.key) { shown = [kreis] }
                else { shown = catalog.sozialregionen.filter { dataset.hasValues(area: $0.key) } }
            }
            let spec = charts.timeSeries(DashboardCharts.roles(shown, highlight: highlight), years: years,
                                         highlight: highlight, title: title)
            let chartKind: ChartKind = kind == .line ? .line() : (kind == .columns ? .column : .groupedBars)
            return Chart(chartKind, spec)
        }
    }
}
