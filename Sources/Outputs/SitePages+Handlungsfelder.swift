import Content
import Support

extension SitePages.PageBuilder {
    /// `/handlungsfelder/` and `/handlungsfelder/<slug>/` (+ `page/N/`), each with its feed.
    func handlungsfeldPages() -> [SitePages.BuiltPage] {
        guard let index else { return [] }
        var pages: [SitePages.BuiltPage] = []
        let overviewURL = "/handlungsfelder/"
        let cards = index.handlungsfelder.map { field -> [String: Any] in
            var card = handlungsfeldLink(field)
            card["summary"] = field.summary
            card["countText"] = SitePages.Text.count(index.posts(in: .handlungsfeld(field.slug)).count,
                                                      "Beitrag", "Beiträge")
            return card
        }
        let overview = SitePages.PageMeta(
            url: overviewURL, title: "Handlungsfelder",
            description: "Die Beiträge nach Handlungsfeldern der Sozialplanung im Landkreis geordnet.",
            breadcrumbs: [("Handlungsfelder", overviewURL)], kind: "handlungsfelder")
        pages.append(SitePages.BuiltPage(
            file: page("handlungsfelder", overview, ["handlungsfelder": cards]), source: nil,
            sitemap: sitemapEntry(SitePages.SitemapEntry(path: overviewURL, lastmod: newestDay(index.posts.indices)))))

        let fields = index.handlungsfelder.filter { SitePages.isSafeSitePath($0.url) }
        pages += fields.parallelMap { field in
            let members = index.posts(in: .handlungsfeld(field.slug))
            let feed = (title: "\(config.title) – \(field.label) (RSS)", href: "\(field.url)feed.xml")
            let list: [String: Any] = [
                "kind": "Handlungsfeld",
                "heading": field.title,
                "label": field.label,
                "slug": field.slug,
                "summary": nonEmpty(field.summary),
                "descriptionHTML": nonEmpty(site.body(of: field.source)?.html),
                "countText": SitePages.Text.count(members.count, "Beitrag", "Beiträge"),
                "feedURL": feed.href,
                "emptyText": "Zu diesem Handlungsfeld gibt es noch keine Beiträge.",
                "angeboteHTML": AngebotePages.handlungsfeldSectionHTML(field, in: site.content) ?? false,
            ]
            return listPages(base: field.url, title: field.label, description: field.summary,
                             members: members, list: list, feed: feed, source: field.source.path,
                             breadcrumbs: [("Handlungsfelder", overviewURL), (field.label, field.url)],
                             kind: "handlungsfeld")
        }.flatMap { $0 }
        return pages
    }

    /// The paginated post list of one Handlungsfeld or tag; the description only on page 1.
    func listPages(base: String, title: String, description: String, members: [Int], list: [String: Any],
                   feed: (title: String, href: String), source: String?,
                   breadcrumbs: [(title: String, url: String)], kind: String) -> [SitePages.BuiltPage] {
        guard index != nil else { return [] }
        let ranges = SitePages.Pagination.pages(count: members.count, perPage: config.itemsPerPage)
        // Read-only from here on (value types only): safe to share with the page workers.
        nonisolated(unsafe) let list = list
        nonisolated(unsafe) let pagination = SitePages.Pagination.Parts(base: base, total: ranges.count)
        return Array(ranges.indices).parallelMap { offset in
            let range = ranges[offset]
            let number = offset + 1
            let url = SitePages.Pagination.url(base: base, page: number)
            let sitemap = sitemapEntry(number == 1 ? SitePages.SitemapEntry(path: base, lastmod: newestDay(members)) : nil)
            guard renders(url) else { return placeholder(url, source: number == 1 ? source : nil, sitemap: sitemap) }
            var meta = SitePages.PageMeta(
                url: url,
                title: title + SitePages.Pagination.titleSuffix(current: number, total: ranges.count),
                description: description.isEmpty ? "\(title): alle Beiträge" : description,
                breadcrumbs: breadcrumbs, kind: kind)
            meta.feeds = [feed]
            var listContext = list
            if number > 1 {
                listContext["descriptionHTML"] = false
                listContext["angeboteHTML"] = false
                listContext["pageText"] = "Seite \(number) von \(ranges.count)"
            } else {
                listContext["pageText"] = false
            }
            // Room for the five keys `context` adds: a literal of four would be built again there.
            // Made inside `page`'s argument, so that it is the only reference there (else copied).
            func extra() -> [String: Any] {
                var extra = [String: Any](minimumCapacity: 9)
                extra["list"] = listContext
                extra["posts"] = range.map { card(at: members[$0]) }
                extra["hasPosts"] = !range.isEmpty
                extra["pagination"] = pagination.context(current: number)
                return extra
            }
            return SitePages.BuiltPage(file: page("list", meta, extra()), source: number == 1 ? source : nil,
                                       sitemap: sitemap)
        }
    }
}
