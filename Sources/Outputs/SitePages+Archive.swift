import Content
import Support

extension SitePages.PageBuilder {
    /// `/archiv/` (years with counts and months) and one page per year `/<YYYY>/`, grouped by month.
    func archivePages() -> [SitePages.BuiltPage] {
        guard let index else { return [] }
        let archiveRendered = renders("/archiv/")
        // Each year on its own core: the year pages list every post once more and are the last
        // pages of a build, when nothing else is left to keep the other core busy.
        let years = Array(index.years.enumerated()).parallelMap { item in
            yearPage(position: item.offset, year: item.element, archiveRendered: archiveRendered)
        }
        var pages = years.map(\.page)
        let yearSummaries = years.compactMap(\.summary?.value)
        let meta = SitePages.PageMeta(
            url: "/archiv/", title: "Archiv",
            description: "Alle Beiträge nach Jahren und Monaten.",
            breadcrumbs: [("Archiv", "/archiv/")], kind: "archiv")
        pages.append(SitePages.BuiltPage(
            file: page("archive", meta, ["years": yearSummaries, "hasYears": !yearSummaries.isEmpty,
                                         "countText": SitePages.Text.count(index.posts.count, "Beitrag", "Beiträge")]),
            source: nil, sitemap: sitemapEntry(SitePages.SitemapEntry(path: "/archiv/", lastmod: newestDay(index.posts.indices)))))
        return pages
    }

    /// The page `/<year>/` (a placeholder outside the render scope) and, when rendered, the
    /// year's entry of `/archiv/`.
    private func yearPage(position: Int, year: Int, archiveRendered: Bool)
        -> (page: SitePages.BuiltPage, summary: SitePages.SharedContext?) {
        let index = index!
        let members = index.postsByYear[year] ?? []
        let url = "/\(year)/"
        let sitemap = sitemapEntry(SitePages.SitemapEntry(path: url, lastmod: newestDay(members)))
        guard archiveRendered || renders(url) else { return (placeholder(url, source: nil, sitemap: sitemap), nil) }
        // Members are newest first, so months come in descending order and each month is a run.
        var months: [(month: Int, posts: [Int])] = []
        for i in members {
            let month = BerlinTime.month(of: index.posts[i].date)
            if months.last?.month == month { months[months.count - 1].posts.append(i) }
            else { months.append((month, [i])) }
        }
        let monthContexts = months.map { month -> [String: Any] in
            let id = "monat-" + SitePages.Text.pad(month.month)
            return [
                "name": GermanFormat.monthNames[month.month - 1],
                "heading": GermanFormat.monthYear(year: year, month: month.month),
                "id": id,
                "url": "\(url)#\(id)",
                "countText": SitePages.Text.count(month.posts.count, "Beitrag", "Beiträge"),
                "posts": month.posts.map { i -> [String: Any] in
                    let link = link(at: i)
                    return ["title": link.title, "url": link.url, "dateText": link.dateText, "dateTime": link.dateTime]
                },
            ]
        }
        let countText = SitePages.Text.count(members.count, "Beitrag", "Beiträge")
        let summary: [String: Any] = ["year": String(year), "url": url, "countText": countText, "months": monthContexts]
        // Years are descending: the newer year comes before this one in the list.
        let newer: Any = position > 0 ? ["year": String(index.years[position - 1]), "url": "/\(index.years[position - 1])/"] : false
        let older: Any = position + 1 < index.years.count
            ? ["year": String(index.years[position + 1]), "url": "/\(index.years[position + 1])/"] : false
        let meta = SitePages.PageMeta(
            url: url, title: "Archiv \(year)",
            description: "Alle Beiträge aus dem Jahr \(year) (\(countText)), nach Monaten geordnet.",
            breadcrumbs: [("Archiv", "/archiv/"), (String(year), url)], kind: "jahr")
        let page = SitePages.BuiltPage(
            file: page("year", meta, ["year": String(year), "countText": countText, "months": monthContexts,
                                      "newerYear": newer, "olderYear": older]),
            source: nil, sitemap: sitemap)
        return (page, SitePages.SharedContext(value: summary))
    }
}
