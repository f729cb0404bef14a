import Content
import Foundation
import Support

/// The service directory under `/angebote/`: overview with every entry, one page per entry (with
/// vCard), pre-rendered filter pages per Handlungsfeld, Zielgruppe, Kategorie, Sozialregion and
/// Gemeinde, the search index for the filter script and the open data (CSV, HSDS JSON).
///
/// Pure and deterministic like `SitePages`: files sorted by path, no build time anywhere.
public enum AngebotePages {
    public static let overviewURL = "/angebote/"
    public static let indexURL = "/angebote/index.json"
    public static let csvURL = "/angebote/angebote.csv"
    public static let hsdsURL = "/angebote/angebote.json"
    public static let scriptURL = "/assets/js/angebote.js"
    /// The theme template of directory pages; themes without it get `generic`.
    public static let template = "angebote"

    /// Every file of the directory; nothing when the site has no entries.
    public static func render(site: RenderedSite, theme: Theme, options: SitePages.Options = SitePages.Options())
        -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        guard !site.content.serviceDirectory.isEmpty else { return ([], []) }
        let renderer = Renderer(site: site, theme: theme, options: options)
        // One level of parallelism over every file of the directory (a parallel map nested in
        // another runs on one thread); the largest jobs come first so none is left for the end.
        let files = renderer.jobs().parallelMap { renderer.files(for: $0) }.flatMap { $0 }
        return (files.sorted { $0.path < $1.path }, [])
    }

    // MARK: what other parts need to know

    /// Site paths of every HTML page of the directory (overview, entries, filters), sorted.
    public static func pageURLs(content: SiteContent) -> [String] {
        let entries = content.serviceDirectory.entries
        guard !entries.isEmpty else { return [] }
        let facets = AngeboteFacets(entries: entries, handlungsfelder: content.handlungsfelder)
        return ([overviewURL] + entries.map(\.url) + facets.facets.flatMap { $0.values.map(\.url) }).sorted()
    }

    /// Every URL the directory creates, for the link check before rendering.
    public static func generatedURLs(content: SiteContent) -> Set<String> {
        guard !content.serviceDirectory.isEmpty else { return [] }
        var urls = Set(pageURLs(content: content))
        urls.formUnion(content.serviceDirectory.entries.map(\.vCardURL))
        urls.formUnion([indexURL, csvURL, hsdsURL])
        return urls
    }

    /// `sitemap.xml` lines: each page with the newest `stand` of its entries.
    public static func sitemapEntries(content: SiteContent) -> [SitePages.SitemapEntry] {
        let entries = content.serviceDirectory.entries
        guard !entries.isEmpty else { return [] }
        func newest(_ members: [ServiceEntry]) -> String? { members.map(\.checked).max().map(GermanFormat.isoDay) }
        let facets = AngeboteFacets(entries: entries, handlungsfelder: content.handlungsfelder)
        var result = [SitePages.SitemapEntry(path: overviewURL, lastmod: newest(entries))]
        result += entries.map { SitePages.SitemapEntry(path: $0.url, lastmod: GermanFormat.isoDay($0.checked)) }
        for facet in facets.facets {
            result += facet.values.map { SitePages.SitemapEntry(path: $0.url, lastmod: newest($0.entries.map { entries[$0] })) }
        }
        return result
    }

    /// The entries located in a Gemeinde (by AGS), in directory order: for the dashboard's profile pages.
    public static func entries(forGemeindeAGS ags: String, in content: SiteContent) -> [ServiceEntry] {
        content.serviceDirectory.entries.filter { $0.gemeinde.ags == ags }
    }

    /// The entries of a Sozialregion (1–7), in directory order.
    public static func entries(forSozialregion number: Int, in content: SiteContent) -> [ServiceEntry] {
        content.serviceDirectory.entries.filter { $0.gemeinde.sozialregion == number }
    }

    /// A section „Angebote in <Gemeinde>“ for the dashboard's Gemeinde page, or nil when there are
    /// none. `headingLevel` is the level of the section heading (entries get the next one).
    public static func gemeindeSectionHTML(forGemeindeAGS ags: String, in content: SiteContent,
                                           headingLevel: Int = 2) -> String? {
        let members = entries(forGemeindeAGS: ags, in: content)
        guard let gemeinde = members.first?.gemeinde else { return nil }
        return AngeboteHTML.box(title: "Angebote in \(gemeinde.name)", id: "angebote-gemeinde-\(gemeinde.slug)",
                                entries: members, headingLevel: headingLevel, limit: 8,
                                moreURL: "\(overviewURL)gemeinde/\(gemeinde.slug)/",
                                moreText: "Alle Angebote in \(gemeinde.name) ansehen (\(members.count))")
    }

    /// A section „Angebote in der Sozialregion …“ for the dashboard's region page, or nil.
    public static func sozialregionSectionHTML(_ number: Int, in content: SiteContent, headingLevel: Int = 2) -> String? {
        let members = entries(forSozialregion: number, in: content)
        guard let first = members.first else { return nil }
        return AngeboteHTML.box(title: "Angebote in der \(first.gemeinde.sozialregionName)",
                                id: "angebote-sozialregion-\(number)", entries: members, headingLevel: headingLevel,
                                limit: 8, moreURL: "\(overviewURL)sozialregion/\(number)/",
                                moreText: "Alle Angebote der Sozialregion ansehen (\(members.count))")
    }

    /// „Passende Angebote“ under a post that lists `angebote:`; nil when it lists none (or none exist).
    static func postBoxHTML(_ post: Post, entriesBySlug: [String: ServiceEntry]) -> String? {
        var seen: Set<String> = []
        let members = post.angebote.filter { seen.insert($0).inserted }.compactMap { entriesBySlug[$0] }
        guard !members.isEmpty else { return nil }
        return AngeboteHTML.box(title: "Passende Angebote", id: "passende-angebote", entries: members, headingLevel: 2,
                                moreURL: overviewURL, moreText: "Alle Angebote im Landkreis")
    }

    /// Entries of a Handlungsfeld for its page (at most six, then a link to the filter page).
    static func handlungsfeldSectionHTML(_ field: Handlungsfeld, in content: SiteContent) -> String? {
        let members = content.serviceDirectory.entries.filter { $0.handlungsfelder.contains(field.slug) }
        guard !members.isEmpty else { return nil }
        return AngeboteHTML.box(title: "Angebote zum Handlungsfeld", id: "angebote-handlungsfeld", entries: members,
                                headingLevel: 2, limit: 6, moreURL: "\(overviewURL)handlungsfeld/\(field.slug)/",
                                moreText: "Alle Angebote im Handlungsfeld ansehen (\(members.count))")
    }

    /// `https://www.openstreetmap.org/?mlat=…&mlon=…#map=17/…/…`: a plain link, nothing is loaded.
    public static func mapURL(_ coordinates: ServiceCoordinates) -> String {
        let lat = coordinates.latitudeText, lon = coordinates.longitudeText
        return "https://www.openstreetmap.org/?mlat=\(lat)&mlon=\(lon)#map=17/\(lat)/\(lon)"
    }
}
