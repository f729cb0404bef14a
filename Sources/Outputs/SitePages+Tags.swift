import Content
import Support

extension SitePages.PageBuilder {
    /// `/tag/` (all tags A–Z with counts) and `/tag/<slug>/` (+ `page/N/`), each with its feed.
    func tagPages() -> [SitePages.BuiltPage] {
        guard let index else { return [] }
        var pages: [SitePages.BuiltPage] = []
        let overviewURL = "/tag/"
        var letters: [[String: Any]] = []
        var currentLetter = ""
        var currentTags: [[String: Any]] = []
        func flushLetter() {
            guard !currentTags.isEmpty else { return }
            letters.append(["letter": currentLetter, "id": "buchstabe-" + Slug.make(currentLetter), "tags": currentTags])
            currentTags = []
        }
        for slug in index.tagSlugs {
            let name = index.tagNames[slug] ?? slug
            let count = index.posts(in: .tag(slug)).count
            // Tags are sorted by their folded name, so the first letter of the fold groups them.
            let first = Slug.fold(name).first.map { $0.isLetter ? String($0).uppercased() : "#" } ?? "#"
            if first != currentLetter { flushLetter(); currentLetter = first }
            currentTags.append(["name": name, "url": "/tag/\(slug)/", "count": count,
                                "countText": SitePages.Text.count(count, "Beitrag", "Beiträge")])
        }
        flushLetter()
        let overview = SitePages.PageMeta(
            url: overviewURL, title: "Schlagwörter",
            description: "Alle Schlagwörter des Blogs von A bis Z mit der Zahl ihrer Beiträge.",
            breadcrumbs: [("Schlagwörter", overviewURL)], kind: "schlagwoerter")
        pages.append(SitePages.BuiltPage(
            file: page("tags", overview, ["letters": letters, "hasTags": !letters.isEmpty,
                                          "countText": SitePages.Text.count(index.tagSlugs.count, "Schlagwort", "Schlagwörter")]),
            source: nil, sitemap: sitemapEntry(SitePages.SitemapEntry(path: overviewURL, lastmod: newestDay(index.posts.indices)))))

        pages += index.tagSlugs.parallelMap { slug in
            let name = index.tagNames[slug] ?? slug
            let url = "/tag/\(slug)/"
            let members = index.posts(in: .tag(slug))
            let feed = (title: "\(config.title) – Schlagwort \(name) (RSS)", href: "\(url)feed.xml")
            let list: [String: Any] = [
                "kind": "Schlagwort",
                "heading": name,
                "label": false,
                "slug": false,
                "summary": false,
                "descriptionHTML": false,
                "countText": SitePages.Text.count(members.count, "Beitrag", "Beiträge"),
                "feedURL": feed.href,
                "emptyText": "Zu diesem Schlagwort gibt es noch keine Beiträge.",
            ]
            return listPages(base: url, title: "Schlagwort: \(name)",
                             description: "Alle Beiträge mit dem Schlagwort „\(name)“.",
                             members: members, list: list, feed: feed, source: nil,
                             breadcrumbs: [("Schlagwörter", overviewURL), (name, url)], kind: "schlagwort")
        }.flatMap { $0 }
        return pages
    }
}
