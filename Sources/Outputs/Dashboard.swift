import Content
import Data
import Support

/// The data dashboard under `/daten/`: an overview by Handlungsfeld, one page per indicator,
/// Gemeinde, Sozialregion and the Landkreis, index pages, and the downloads (CSV, JSON).
/// Pages use the site layout (`SitePages.genericPage`); charts come from the Charts module.
public enum Dashboard {
    /// Whether there is anything to show: at least one indicator.
    public static func isAvailable(_ data: SiteData?) -> Bool {
        !(data?.indicators.datasets.isEmpty ?? true)
    }

    /// Every site path the dashboard writes (pages and downloads), for the link check.
    public static func urls(data: SiteData) -> [String] {
        guard isAvailable(data) else { return [] }
        var urls = pageURLs(data: data).map(\.path)
        for dataset in data.indicators.datasets {
            urls.append(DashboardDownloads.indicatorCSVPath(dataset.slug))
            urls.append(DashboardDownloads.indicatorJSONPath(dataset.slug))
        }
        urls += [DashboardDownloads.allCSVPath, DashboardDownloads.allJSONPath]
        return urls
    }

    /// The pages for `sitemap.xml`, each with the Datenstand of its figures as `lastmod`.
    public static func sitemapEntries(data: SiteData) -> [SitePages.SitemapEntry] {
        guard isAvailable(data) else { return [] }
        return pageURLs(data: data)
    }

    static func pageURLs(data: SiteData) -> [SitePages.SitemapEntry] {
        let newest = data.indicators.datasets.map(\.indicator.datenstand).max()?.description
        var entries = [DashboardPaths.overview, DashboardPaths.indicators, DashboardPaths.gemeinden,
                       DashboardPaths.sozialregionen].map { SitePages.SitemapEntry(path: $0, lastmod: newest) }
        for dataset in data.indicators.datasets {
            entries.append(SitePages.SitemapEntry(path: dataset.indicator.url, lastmod: dataset.indicator.datenstand.description))
        }
        for area in data.areas.areas {
            entries.append(SitePages.SitemapEntry(path: area.url, lastmod: newest))
        }
        return entries
    }

    /// All pages and downloads. Diagnostics: none yet (the data was checked when it was loaded).
    public static func render(site: RenderedSite, theme: Theme, options: SitePages.Options)
        -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        guard let data = site.data, isAvailable(data) else { return ([], []) }
        let model = DashboardModel(data: data, handlungsfelder: site.content.handlungsfelder)
        let config = site.config
        // The downloads are one job among the pages, and the first: the largest job last would
        // leave the other cores idle at the end of the part (the last part of a build).
        var jobs: [@Sendable () -> [OutputFile]] = [{ DashboardDownloads.files(model: model, config: config) }]
        func add(_ build: @escaping @Sendable () -> DashboardPage) {
            jobs.append {
                let page = build()
                return [SitePages.genericPage(site: site, theme: theme, url: page.url, title: page.title,
                                              description: page.description, bodyHTML: page.body,
                                              breadcrumbs: page.breadcrumbs, options: options)]
            }
        }
        add { DashboardOverviewPage(model: model).page() }
        add { DashboardIndexPages(model: model).indicators() }
        add { DashboardIndexPages(model: model).gemeinden() }
        add { DashboardIndexPages(model: model).sozialregionen() }
        for dataset in model.datasets {
            add { DashboardIndicatorPage(model: model, dataset: dataset).page() }
        }
        for area in model.areas.areas {
            add { DashboardAreaPage(model: model, area: area).page() }
        }
        let files = jobs.parallelMap { $0() }.flatMap { $0 }
        return (files.sorted { $0.path < $1.path }, [])
    }
}

/// One page of the dashboard before the layout is put around it.
struct DashboardPage: Sendable {
    var url: String
    var title: String
    var description: String
    var body: String
    var breadcrumbs: [(title: String, url: String)]
}

enum DashboardPaths {
    static let overview = "/daten/"
    static let indicators = "/daten/indikatoren/"
    static let gemeinden = "/daten/gemeinden/"
    static let sozialregionen = "/daten/sozialregionen/"

    static let overviewCrumb = (title: "Daten", url: overview)
}
