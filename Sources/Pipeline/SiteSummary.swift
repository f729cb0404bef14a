import Foundation
import Content
import Markdown
import Outputs
import Support

/// What the dependency graph needs to know about one published post: where it appears (URL,
/// date, Handlungsfelder, tags, aliases, newsletter edition) and two digests of what it shows.
struct PostSummary: Sendable, Hashable {
    /// Source path: the post's identity across builds.
    var path: String
    var url: String
    var date: Date
    /// `max(date, updated)`: sitemap `lastmod`, feed `updated`.
    var lastmod: Date
    /// Known Handlungsfeld slugs, in the post's order, without duplicates (as `SitePages.Index`).
    var fields: [String]
    /// Tag slug and the spelling this post uses first for it, without duplicates or empty slugs.
    var tags: [TagName]
    /// Every tag name as written (the feeds show the alphabetically first spelling of all).
    var tagNames: [String]
    var aliases: [String]
    var year: Int
    /// Newsletter edition (`2022-05`).
    var edition: String
    /// What other pages show of the post: its card, neighbour links, archive lines, feed items.
    var card: UInt64
    /// Everything on the post's own page: `card` plus the body.
    var full: UInt64

    struct TagName: Sendable, Hashable {
        var slug: String
        var name: String
    }
}

/// A content page (`content/seiten/`): it appears on its own page only.
struct PageSummary: Sendable, Hashable {
    var path: String
    var url: String
    var digest: UInt64
}

/// The site as the dependency graph sees it. Two summaries (last build, this build) give the
/// output files to render again.
struct SiteSummary: Sendable {
    /// Everything that is not a post or page (configuration, theme, Handlungsfelder, options …).
    var global: UInt64
    /// Published posts, newest first (ties by URL), like the pages list them.
    var posts: [PostSummary]
    var pages: [PageSummary]
    /// `itemsPerPage`, `feeds.items` of the configuration (part of `global`).
    var perPage: Int
    var feedItems: Int
    var knownFields: [String]

    static func ordered(_ posts: [PostSummary]) -> [PostSummary] {
        posts.sorted { a, b in a.date != b.date ? a.date > b.date : a.url < b.url }
    }
}

/// The parts of a post summary that depend on the file alone, kept per source file between
/// builds so only changed posts are hashed again.
struct PostDigests: Sendable, Hashable {
    var card: UInt64
    var full: UInt64
    /// Year and month of the date in Berlin (calendar lookups are not free on 10,000 posts).
    var year: Int
    var month: Int
    /// The post's URL and tags as `PostSummary` has them, computed once per version of the file.
    var url: String
    var tags: [PostSummary.TagName]
    /// Newsletter edition; set by `SiteSummary.make` (it depends on the configured period).
    var edition = ""

    /// Teasers (cards, feeds, newsletter, meta description) show at most this many characters of
    /// the text when a post has no summary; they are made of whole words.
    static let teaserWords = 400

    init(card: UInt64, full: UInt64, year: Int, month: Int, url: String, tags: [PostSummary.TagName]) {
        self.card = card
        self.full = full
        self.year = year
        self.month = month
        self.url = url
        self.tags = tags
    }

    init(post: Post, body: RenderedMarkdown?) {
        var hash = StableHash()
        hash.add(post.title)
        hash.add(post.date.timeIntervalSince1970)
        hash.add(post.updated != nil)
        hash.add(post.updated?.timeIntervalSince1970 ?? 0)
        hash.add(post.summary)
        hash.add(post.tags)
        hash.add(post.author)
        hash.add(post.image)
        hash.add(post.imageAlt)
        hash.add(post.draft)
        hash.add(post.slug)
        hash.add(post.aliases)
        hash.add(post.handlungsfelder)
        hash.add(post.angebote)
        hash.add(post.id)
        // Without a summary, cards, feeds and the newsletter show the first words of the text, cut
        // at whole words: the first `teaserWords` words and whether more follow decide every teaser.
        if post.summary?.isEmpty ?? true {
            let words = (body?.plainText ?? "").split(maxSplits: Self.teaserWords,
                                                      whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            hash.add(words.prefix(Self.teaserWords).map(String.init))
            hash.add(words.count > Self.teaserWords)
        }
        card = hash.value
        hash.add(body?.wordCount ?? 0)
        hash.add(post.source.body)
        hash.add(body?.html ?? "")
        full = hash.value
        year = BerlinTime.year(of: post.date)
        month = BerlinTime.month(of: post.date)
        url = post.url
        var tags: [PostSummary.TagName] = []
        var seen = Set<String>()
        for name in post.tags {
            let slug = Slug.make(name)
            if !slug.isEmpty, seen.insert(slug).inserted { tags.append(.init(slug: slug, name: name)) }
        }
        self.tags = tags
    }

    /// The badge („Entwurf“, „Geplant“) depends on the time of the build, not on the file.
    static func withBadge(_ digest: UInt64, post: Post, previewNow: Date?) -> UInt64 {
        guard let now = previewNow else { return digest }
        var hash = StableHash()
        hash.add(digest)
        hash.add(post.draft)
        hash.add(post.date > now)
        return hash.value
    }
}

extension SiteSummary {
    /// Summarises `site`. `digests` are reused by source path when `reuse` says the file is unchanged.
    static func make(site: RenderedSite, global: UInt64, previewNow: Date?,
                     cached: (String) -> PostDigests?) -> (SiteSummary, [String: PostDigests]) {
        let config = site.config
        let known = Set(site.content.handlungsfelder.map(\.slug))
        let (period, _) = NewsletterPeriod.from(config)
        var digests: [String: PostDigests] = [:]
        var posts: [PostSummary] = []
        posts.reserveCapacity(site.content.posts.count)
        for post in site.content.posts {
            let digest = cached(post.source.path) ?? makeDigests(of: post, site: site, period: period)
            digests[post.source.path] = digest
            posts.append(summary(of: post, digest: digest, known: known, previewNow: previewNow))
        }
        let summary = SiteSummary(global: global, posts: ordered(posts), pages: pageSummaries(site, previewNow: previewNow),
                                  perPage: max(1, config.itemsPerPage), feedItems: max(1, config.feeds.items),
                                  knownFields: site.content.handlungsfelder.map(\.slug))
        return (summary, digests)
    }

    static func makeDigests(of post: Post, site: RenderedSite, period: NewsletterPeriod) -> PostDigests {
        var digest = PostDigests(post: post, body: site.body(of: post.source))
        digest.edition = period.editionID(year: digest.year, month: digest.month)
        return digest
    }

    /// One post's summary; `known`: the site's Handlungsfeld slugs.
    static func summary(of post: Post, digest: PostDigests, known: Set<String>, previewNow: Date?) -> PostSummary {
        var fields: [String] = []
        for slug in post.handlungsfelder where known.contains(slug) && !fields.contains(slug) { fields.append(slug) }
        return PostSummary(
            path: post.source.path, url: digest.url, date: post.date, lastmod: max(post.date, post.updated ?? post.date),
            fields: fields, tags: digest.tags, tagNames: post.tags, aliases: post.aliases, year: digest.year,
            edition: digest.edition,
            card: PostDigests.withBadge(digest.card, post: post, previewNow: previewNow),
            full: PostDigests.withBadge(digest.full, post: post, previewNow: previewNow))
    }

    static func pageSummaries(_ site: RenderedSite, previewNow: Date?) -> [PageSummary] {
        site.content.pages.map { page -> PageSummary in
            var hash = StableHash()
            hash.add(page.title)
            hash.add(page.slug)
            hash.add(page.summary)
            hash.add(page.easyLanguage)
            hash.add(page.draft)
            hash.add(page.source.body)
            hash.add(site.body(of: page.source)?.html ?? "")
            if previewNow != nil { hash.add(page.draft) }
            return PageSummary(path: page.source.path, url: page.url, digest: hash.value)
        }
    }
}
