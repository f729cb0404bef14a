import Content
import Foundation
import Support

extension SitePages.PageBuilder {
    /// One page per post at `post.url`.
    func postPages() -> [SitePages.BuiltPage] {
        guard let index else { return [] }
        return postPages(index.posts.indices, related: SitePages.RelatedPosts(index: index), shared: PostPageShared(self))
    }

    /// What every post page uses, made once for all portions of posts.
    struct PostPageShared: Sendable {
        let entriesBySlug: [String: ServiceEntry]
        let publisherJSON: String

        init(_ builder: SitePages.PageBuilder) {
            var entriesBySlug: [String: ServiceEntry] = [:]
            for entry in builder.site.content.serviceDirectory.entries { entriesBySlug[entry.slug] = entry }
            self.entriesBySlug = entriesBySlug
            publisherJSON = SitePages.JSONLD.publisher(config: builder.config)
        }
    }

    /// The pages of the posts in `range` (positions in `index.posts`).
    func postPages(_ range: Range<Int>, related: SitePages.RelatedPosts, shared: PostPageShared) -> [SitePages.BuiltPage] {
        guard let index else { return [] }
        let entries = shared.entriesBySlug
        let publisher = shared.publisherJSON
        return Array(range).parallelMap { i in
            // Placeholders read the post in place: copying 10,000 posts costs more than the check.
            let url = index.urls[i]
            let sitemap = sitemapEntry(SitePages.SitemapEntry(path: url, lastmod: GermanFormat.isoDay(index.lastChanges[i])))
            guard renders(url) else { return placeholder(url, source: index.posts[i].source.path, sitemap: sitemap) }
            return postPage(i, index.posts[i], url: url, related: related, entries: entries, publisherJSON: publisher,
                            sitemap: sitemap)
        }
    }

    /// The page of `index.posts[i]`. The post is read in place (a copy of a `Post` retains some
    /// twenty references), and what its card already holds (dates, image, Handlungsfelder, badge)
    /// is taken from there instead of being formatted again.
    private func postPage(_ i: Int, _ post: borrowing Post, url: String, related: SitePages.RelatedPosts,
                          entries: [String: ServiceEntry], publisherJSON: String,
                          sitemap: SitePages.SitemapEntry?) -> SitePages.BuiltPage {
        let index = index!
        let own = card(at: i)
        // Title, URL and dates without looking them up in the card (a hash and a cast each).
        let link = link(at: i)
        let body = site.body(of: post.source)
        let year = BerlinTime.year(of: post.date)
        let dateTime = link.dateTime
        var meta = SitePages.PageMeta(
            url: url, title: post.title,
            description: description(summary: post.summary, body: body), kind: "beitrag")
        meta.ogType = "article"
        meta.image = post.image
        meta.imageAlt = post.imageAlt
        meta.publishedTime = dateTime
        meta.modifiedTime = post.updated.map(SitePages.Text.rfc3339)
        meta.jsonLD = SitePages.JSONLD.blogPosting(post, url: url, description: meta.description, config: config,
                                                   published: dateTime, updated: meta.modifiedTime,
                                                   publisher: publisherJSON)
        meta.breadcrumbs = [("Archiv", "/archiv/"), (String(year), "/\(year)/"), (post.title, url)]

        let tags = index.tags(of: post).map { tag in
            tagLinks[tag.slug] ?? Self.tagLink(slug: tag.slug, name: tag.name, index: index)
        }
        // An update on the same day as publication is not worth a second date.
        let updated: Any
        if let date = post.updated, GermanFormat.isoDay(date) != GermanFormat.isoDay(post.date), date > post.date {
            updated = ["dateText": GermanFormat.longDate(date), "dateTime": meta.modifiedTime!] as [String: Any]
        } else {
            updated = false
        }
        // All thirteen keys filled into a table made for them: two added after a literal outgrew
        // its table of twelve, which was then built again on every post page.
        var postContext = [String: Any](minimumCapacity: 13)
        func set(_ key: String, _ value: Any) { postContext[key] = value }
        set("title", link.title)
        set("url", link.url)
        set("dateText", link.dateText)
        set("dateTime", dateTime)
        set("readingTime", SitePages.Text.readingTime(words: body?.wordCount ?? 0))
        set("html", body?.html ?? "")
        set("image", own["image"]!)
        set("handlungsfelder", own["handlungsfelder"]!)
        set("tags", tags)
        set("hasTags", !tags.isEmpty)
        set("badge", own["badge"]!)
        set("updated", updated)
        set("author", post.author.flatMap { $0.isEmpty ? nil : $0 } ?? false)

        let relatedCards = related.related(to: i).map { card(at: $0) }
        // „Passende Angebote“ for the entries the post lists under `angebote:`.
        let angeboteHTML: Any = AngebotePages.postBoxHTML(post, entriesBySlug: entries) ?? false
        // Made inside `page`'s argument: a table held here as well would not be the only
        // reference when `context` adds the shared keys, which copied the whole table.
        func extra() -> [String: Any] { [
            "post": postContext,
            "related": relatedCards,
            "hasRelated": !relatedCards.isEmpty,
            // Posts are newest first: the previous one in time is the next in the array.
            "previous": i + 1 < index.posts.count ? neighbour(i + 1) : false,
            "next": i > 0 ? neighbour(i - 1) : false,
            "hasNeighbours": index.posts.count > 1,
            "angeboteHTML": angeboteHTML,
        ] }
        return SitePages.BuiltPage(file: page("post", meta, extra()), source: post.source.path, sitemap: sitemap)
    }

    /// Link to the previous or next post.
    private func neighbour(_ i: Int) -> [String: Any] {
        neighbours.isEmpty ? Self.neighbourContext(link(at: i)) : neighbours[i]
    }

    static func neighbourContext(_ link: PostLink) -> [String: Any] {
        ["title": link.title, "url": link.url, "dateText": link.dateText]
    }

    /// A tag on a post page: its shown name (the first spelling met, `Index.tagNames`) and URL.
    static func tagLink(slug: String, name: String? = nil, index: SitePages.Index) -> [String: Any] {
        ["name": index.tagNames[slug] ?? name ?? slug, "url": "/tag/\(slug)/"]
    }
}

extension SitePages {
    /// Paths from content become folders of the output: only plain segments, never `..`.
    static func isSafeSitePath(_ path: String) -> Bool {
        if let ascii = isSafeASCIISitePath(path) { return ascii }
        guard path.hasPrefix("/"), !path.contains("//"), !path.contains("\\") else { return false }
        for segment in path.split(separator: "/") where segment == ".." || segment == "." { return false }
        return !path.utf8.contains { $0 < 0x20 || $0 == 0x7F }
    }

    /// `isSafeSitePath` on the bytes of an ASCII path (nil for any other): there every Character
    /// is one byte, so the byte tests are the same tests without Foundation's string search.
    static func isSafeASCIISitePath(_ path: String) -> Bool? {
        let bytes = path.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard bytes.first == 0x2F else { return false }
        var previous: UInt8 = 0
        // The segment since the last `/`: its length and whether it is dots only ("." or ".."
        // leave the folder); counted on the way instead of splitting the path into an array.
        var length = 0, dotsOnly = true
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F || byte == 0x5C || (byte == 0x2F && previous == 0x2F) { return false }
            if byte == 0x2F {
                if dotsOnly && (length == 1 || length == 2) { return false }
                length = 0
                dotsOnly = true
            } else {
                length += 1
                dotsOnly = dotsOnly && byte == 0x2E
            }
            previous = byte
        }
        return !(dotsOnly && (length == 1 || length == 2))
    }
}
