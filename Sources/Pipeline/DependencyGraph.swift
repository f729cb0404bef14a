import Foundation
import Outputs
import Support

/// Which output files depend on what changed between two builds.
///
/// A post appears on its own page, as a card on the start pages and the list pages of its
/// Handlungsfelder and tags, on its year page and in the archive, as neighbour link („Vorheriger
/// / Nächster Beitrag“) on the posts next to it, in „Auch interessant“ of posts that share groups
/// with it, in the feeds of its scopes, in its newsletter edition, in the sitemap and behind its
/// aliases. `dirtyPaths` collects exactly those files for every post that changed, arrived or
/// left, and answers nil (render everything) for changes it does not follow file by file:
/// configuration, theme, Handlungsfelder, pages added or moved, tag spellings that change a
/// shown name.
///
/// The build checks the answer: a file the renderer produces that the last build did not have is
/// rendered in any case (`IncrementalBuild`), and tests compare incremental with clean builds.
enum DependencyGraph {
    static func dirtyPaths(old: SiteSummary, oldOrder: PostOrder, new: SiteSummary, newOrder: PostOrder) -> Set<String>? {
        guard old.global == new.global else { return nil }
        // „Vorheriger / Nächster Beitrag“ appears once there are two posts.
        guard (old.posts.count > 1) == (new.posts.count > 1) else { return nil }

        var dirty = Set<String>()
        func page(_ url: String) { dirty.insert(OutputFile.indexPath(forURL: url)) }

        // Pages: each on its own page; one added, removed or moved changes the site's structure.
        let oldPages = Dictionary(old.pages.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let newPages = Dictionary(new.pages.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        guard Set(oldPages.values.map { "\($0.path)\n\($0.url)" }) == Set(newPages.values.map { "\($0.path)\n\($0.url)" })
        else { return nil }
        for (path, item) in newPages where oldPages[path]?.digest != item.digest {
            page(item.url)
            page("/suche/")  // the search page lists every page and post
        }

        // Posts that changed at all, and those whose change shows beyond their own page.
        var changed: [String] = []
        var cardChanged: [String] = []
        var moved = false  // URL, date or lastmod changed, or a post arrived or left
        var regrouped = false  // Handlungsfelder or tags changed
        var aliasesChanged = false
        // One pass over each side, no sorting: 10,000 posts, usually one change.
        var differing: [String] = []
        for post in newOrder.posts {
            guard let i = oldOrder.index[post.path] else { differing.append(post.path); continue }
            let before = oldOrder.posts[i]
            if before.full != post.full || before.url != post.url { differing.append(post.path) }
        }
        for post in oldOrder.posts where newOrder.index[post.path] == nil { differing.append(post.path) }
        for path in differing.sorted() {
            let before = oldOrder.index[path].map { oldOrder.posts[$0] }
            let after = newOrder.index[path].map { newOrder.posts[$0] }
            changed.append(path)
            guard let before, let after else {
                cardChanged.append(path)
                moved = true
                regrouped = true
                aliasesChanged = aliasesChanged || !(before ?? after)!.aliases.isEmpty
                continue
            }
            if before.card != after.card || before.url != after.url { cardChanged.append(path) }
            if before.url != after.url || before.date != after.date || before.lastmod != after.lastmod { moved = true }
            if before.fields != after.fields || before.tags != after.tags { regrouped = true }
            if before.aliases != after.aliases || (!after.aliases.isEmpty && before.url != after.url) { aliasesChanged = true }
        }
        if changed.isEmpty { return dirty }
        let versions: [(PostOrder, Int)] = changed.flatMap { path in
            [(oldOrder, oldOrder.index[path]), (newOrder, newOrder.index[path])].compactMap { order, i in i.map { (order, $0) } }
        }

        // Own page, alias pages, newsletter edition, feeds that can hold the post.
        for (order, i) in versions {
            let post = order.posts[i]
            page(post.url)
            for alias in post.aliases { page(aliasURL(alias)) }
            for scope in feedScopes(of: post) where mayBeInFeed(post, members: feedMembers(scope, order), order: order,
                                                                 limit: new.feedItems) {
                dirty.formUnion(feedPaths(scope))
            }
        }
        if cardChanged.isEmpty { return dirty }

        // The tag names pages and feeds show come from the spellings of all posts.
        if regrouped, tagNamesChange(old: oldOrder, new: newOrder, changed: cardChanged) { return nil }

        // The newsletter shows cards (title, date, teaser, image) of its period's posts.
        for path in cardChanged {
            for order in [oldOrder, newOrder] {
                guard let i = order.index[path] else { continue }
                for name in ["email.html", "email.txt", "index.html"] {
                    dirty.insert("newsletter/\(order.posts[i].edition)/\(name)")
                }
            }
        }

        // Overview pages that list or count every post.
        for path in ["index.html", "archiv/index.html", "tag/index.html", "handlungsfelder/index.html", "404.html",
                     "feeds/index.html", "newsletter/index.html", "suche/index.html"] {
            dirty.insert(path)
        }
        // List pages are dated by their newest post, so regrouping moves their `lastmod` too.
        if moved || regrouped { dirty.insert("sitemap.xml") }
        if moved || aliasesChanged {
            // Redirect rules and pages: an alias must not hide a page, and it names its target.
            dirty.formUnion([".htaccess", "nginx-redirects.conf"])
            for post in new.posts { for alias in post.aliases { page(aliasURL(alias)) } }
        }

        // Neighbour links, year pages, „Auch interessant“.
        var relatedCandidates = Set<String>()
        for path in cardChanged {
            for (order, i) in [(oldOrder, oldOrder.index[path]), (newOrder, newOrder.index[path])] {
                guard let i else { continue }
                for j in [i - 1, i + 1] where order.posts.indices.contains(j) {
                    if let now = newOrder.index[order.posts[j].path] { page(newOrder.posts[now].url) }
                }
                page("/\(order.posts[i].year)/")
                relatedCandidates.formUnion(order.neighbourhood(of: i))
            }
        }
        if Set(old.posts.map(\.year)) != Set(new.posts.map(\.year)) {
            for year in Set(new.posts.map(\.year)) { page("/\(year)/") }
        }
        let cardSet = Set(cardChanged)
        for path in relatedCandidates {
            guard let i = newOrder.index[path] else { continue }
            let now = newOrder.related(to: i)
            let before = oldOrder.index[path].map { oldOrder.related(to: $0) }
            if now != before || now.contains(where: cardSet.contains) { page(newOrder.posts[i].url) }
        }

        // Paginated lists: the start pages, each Handlungsfeld, each tag.
        var lists: [(base: String, old: [String], new: [String])] = [
            ("/", oldOrder.posts.map(\.path), newOrder.posts.map(\.path)),
        ]
        var groups = Set<PostOrder.Group>()
        for (order, i) in cardChanged.flatMap({ path in
            [(oldOrder, oldOrder.index[path]), (newOrder, newOrder.index[path])].compactMap { o, i in i.map { (o, $0) } }
        }) {
            for membership in order.memberships[i] { groups.insert(membership.group) }
        }
        for group in groups {
            let base: String
            switch group {
            case .field(let slug): base = "/handlungsfelder/\(slug)/"
            case .tag(let slug): base = "/tag/\(slug)/"
            }
            lists.append((base, oldOrder.members(of: group).map { oldOrder.posts[$0].path },
                          newOrder.members(of: group).map { newOrder.posts[$0].path }))
        }
        for list in lists {
            dirty.formUnion(listPages(base: list.base, old: list.old, new: list.new, perPage: new.perPage, cards: cardSet))
        }

        // A feed with no posts is dated by the newest post of the site.
        if old.posts.map(\.lastmod).max() != new.posts.map(\.lastmod).max() {
            let used = Set(new.posts.flatMap(\.fields))
            for slug in new.knownFields where !used.contains(slug) {
                dirty.formUnion(feedPaths(.handlungsfeld(slug: slug)))
            }
        }
        return dirty
    }

    /// Pages of one paginated list whose posts differ, or that show a changed card. When the
    /// number of posts changes, every page does (counts, page numbers).
    static func listPages(base: String, old: [String], new: [String], perPage: Int, cards: Set<String>) -> Set<String> {
        let pageCount = max(1, (new.count + perPage - 1) / perPage)
        func url(_ number: Int) -> String { number <= 1 ? base : base + "page/\(number)/" }
        var result = Set<String>()
        for number in 1...pageCount {
            let range = (number - 1) * perPage..<min(new.count, number * perPage)
            let slice = new[range]
            let before = old.count == new.count ? Array(old[range]) : []
            if old.count != new.count || Array(slice) != before || slice.contains(where: cards.contains) {
                result.insert(OutputFile.indexPath(forURL: url(number)))
            }
        }
        return result
    }

    static func aliasURL(_ alias: String) -> String {
        var path = alias.trimmingCharacters(in: .whitespaces)
        if !path.hasPrefix("/") { path = "/" + path }
        return path.removingPercentEncoding ?? path
    }

    // MARK: feeds

    static func feedScopes(of post: PostSummary) -> [FeedScope] {
        [.site] + post.fields.map { .handlungsfeld(slug: $0) } + post.tags.map { .tag(slug: $0.slug) }
    }

    static func feedMembers(_ scope: FeedScope, _ order: PostOrder) -> [Int] {
        switch scope {
        case .site: Array(order.posts.indices)
        case .handlungsfeld(let slug): order.members(of: .field(slug))
        case .tag(let slug): order.members(of: .tag(slug))
        }
    }

    /// False only when `limit` posts of the scope are strictly newer: then the post is in no
    /// version of the feed (feeds break ties differently from pages, so ties count as „maybe“).
    static func mayBeInFeed(_ post: PostSummary, members: [Int], order: PostOrder, limit: Int) -> Bool {
        members.count < limit || order.posts[members[limit - 1]].date <= post.date
    }

    static func feedPaths(_ scope: FeedScope) -> [String] {
        var paths = scope.formats.map { String((scope.pagePath + $0.fileName).dropFirst()) }
        if scope == .site { paths.append(String(Feeds.wordpressFeedPath.dropFirst())) }
        return paths
    }

    // MARK: tag names

    /// Whether a shown tag name (the most used spelling on pages, the alphabetically first in
    /// feeds) differs between the builds for a tag of a changed post.
    static func tagNamesChange(old: PostOrder, new: PostOrder, changed: [String]) -> Bool {
        var slugs = Set<String>()
        for path in changed {
            for order in [old, new] {
                if let i = order.index[path] { slugs.formUnion(order.posts[i].tags.map(\.slug)) }
            }
        }
        return shownNames(old, slugs) != shownNames(new, slugs)
    }

    struct ShownName: Hashable {
        var page: String
        var feed: String
    }

    static func shownNames(_ order: PostOrder, _ slugs: Set<String>) -> [String: ShownName] {
        var counts: [String: [String: Int]] = [:]
        var first: [String: String] = [:]
        for post in order.posts {
            for tag in post.tags where slugs.contains(tag.slug) { counts[tag.slug, default: [:]][tag.name, default: 0] += 1 }
            for name in post.tagNames {
                let slug = Slug.make(name)
                guard slugs.contains(slug) else { continue }
                if let known = first[slug], known <= name { continue }
                first[slug] = name
            }
        }
        var result: [String: ShownName] = [:]
        for (slug, spellings) in counts {
            let page = spellings.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
            result[slug] = ShownName(page: page, feed: first[slug] ?? page)
        }
        return result
    }
}
