import Content
import Foundation
import Support

extension SitePages.PageBuilder {
    /// `/`, `/page/2/`, …: newest posts, and on the first page the Handlungsfelder and entry points.
    func homePages() -> [SitePages.BuiltPage] {
        guard let index else { return [] }
        let ranges = SitePages.Pagination.pages(count: index.posts.count, perPage: config.itemsPerPage)
        // Read-only once built (value types only): safe to share with the page workers.
        nonisolated(unsafe) let fields = index.handlungsfelder.map { field -> [String: Any] in
            var card = handlungsfeldLink(field)
            card["summary"] = field.summary
            card["countText"] = SitePages.Text.count(index.posts(in: .handlungsfeld(field.slug)).count,
                                                      "Beitrag", "Beiträge")
            return card
        }
        // The same: read-only once built, shared by the page workers.
        nonisolated(unsafe) let pagination = SitePages.Pagination.Parts(base: "/", total: ranges.count)
        return Array(ranges.indices).parallelMap { offset in
            let range = ranges[offset]
            let number = offset + 1
            let url = SitePages.Pagination.url(base: "/", page: number)
            let sitemap = sitemapEntry(number == 1 ? SitePages.SitemapEntry(path: "/", lastmod: newestDay(index.posts.indices)) : nil)
            guard renders(url) else { return placeholder(url, source: nil, sitemap: sitemap) }
            let meta = SitePages.PageMeta(
                url: url,
                title: number == 1 ? nil : "Seite \(number) von \(ranges.count)",
                description: config.description, kind: "start")
            // Room for the five keys `context` adds: a literal of five would be built again there.
            // Made inside `page`'s argument, so that it is the only reference there (else copied).
            func extra() -> [String: Any] {
                var extra = [String: Any](minimumCapacity: 10)
                extra["isFirstPage"] = number == 1
                extra["posts"] = range.map { card(at: $0) }
                extra["hasPosts"] = !range.isEmpty
                extra["handlungsfelder"] = number == 1 ? fields : []
                extra["pagination"] = pagination.context(current: number)
                return extra
            }
            return SitePages.BuiltPage(file: page("home", meta, extra()), source: nil, sitemap: sitemap)
        }
    }

    /// `YYYY-MM-DD` of the most recent change among `postIndices`: what a list page's `lastmod` is.
    func newestDay(_ postIndices: some Sequence<Int>) -> String? {
        guard let index else { return nil }
        var newest: Date? = nil
        for i in postIndices where newest.map({ index.lastChanges[i] > $0 }) ?? true { newest = index.lastChanges[i] }
        return newest.map(GermanFormat.isoDay)
    }
}
