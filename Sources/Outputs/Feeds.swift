import Foundation
import Content
import Markdown
import Support

/// Every feed of the site: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the blog
/// (`/feed.xml`, `/atom.xml`, `/feed.json`), the same three per Handlungsfeld
/// (`/handlungsfelder/<slug>/…`), RSS per tag (`/tag/<slug>/feed.xml`), and `/feed/index.xml`
/// for subscribers of the old WordPress address `/feed/` (see `FeedRedirects`).
public enum Feeds {
    /// Site path of the copy of the main RSS feed for the WordPress address.
    public static let wordpressFeedPath = "/feed/index.xml"

    /// All feed files. `hooks` are the Markdown hooks the pipeline renders pages with; bodies get
    /// absolute URLs here, once per post that is in any feed. `bodiesFromPages`: `site.bodies` were
    /// rendered with these `hooks`, so feed bodies may be derived from them instead of rendering the
    /// Markdown again (see `FeedBodies.render`). Feeds outside `scope` come back as placeholders
    /// (see `RenderScope`).
    public static func render(site: RenderedSite, hooks: MarkdownHooks = MarkdownHooks(),
                              imageSizes: FeedImageSizes? = nil, bodiesFromPages: Bool = false,
                              scope: RenderScope = .everything) -> [OutputFile] {
        var wanted: Set<FeedScope>? = nil
        if !scope.isEverything {
            let descriptors = FeedCatalog.descriptors(site: site)
            let paths = descriptors.map(\.outputPath) + [String(wordpressFeedPath.dropFirst())]
            if !paths.contains(where: { scope.includes($0) }) { return paths.map(RenderScope.placeholder) }
            wanted = Set(descriptors.filter {
                scope.includes($0.outputPath) || ($0.scope == .site && scope.includes(String(wordpressFeedPath.dropFirst())))
            }.map(\.scope))
        }
        let channels = self.channels(site: site, imageSizes: imageSizes, scopes: wanted)
        // The posts of the items, in the order the items first appear; found by one pass over the
        // posts that copies only those (not a dictionary of every post).
        var included: [String: Int] = [:]
        for channel in channels where scope.includes(channel.descriptor.outputPath)
            || (channel.descriptor.scope == .site && scope.includes(String(wordpressFeedPath.dropFirst()))) {
            // By index (iterating copies each item).
            for index in channel.items.indices where included[channel.items[index].sourcePath] == nil {
                included[channel.items[index].sourcePath] = included.count
            }
        }
        var found = [Post?](repeating: nil, count: included.count)
        let posts = site.content.posts
        for index in posts.indices {
            if let position = included[posts[index].source.path], found[position] == nil { found[position] = posts[index] }
        }
        let feedPosts = found.compactMap { $0 }
        let bodies = FeedBodies.render(feedPosts, config: site.config, hooks: hooks,
                                       pageBodies: bodiesFromPages ? site.bodies : nil)
        // Items first (each post once per format, on all cores), then the channels put them
        // together (on all cores); one level of parallel work at a time.
        let fragments = FeedItemFragments(channels: channels.filter { scope.includes($0.descriptor.outputPath) },
                                          bodies: bodies)
        var files = channels.parallelMap { channel in
            let path = channel.descriptor.outputPath
            return scope.includes(path) ? OutputFile(path: path, contents: renderBytes(channel, bodies: bodies, fragments: fragments))
                                        : RenderScope.placeholder(path)
        }
        if !scope.includes(String(wordpressFeedPath.dropFirst())) {
            files.append(RenderScope.placeholder(String(wordpressFeedPath.dropFirst())))
        } else if var main = channels.first(where: { $0.descriptor.scope == .site && $0.descriptor.format == .rss }) {
            // Same items and ids; only the self link names the address it is served from.
            main.selfURL = site.config.absoluteURL("/feed/")
            files.append(OutputFile(path: String(wordpressFeedPath.dropFirst()), contents: RSSFeed.renderBytes(main, bodies: bodies, fragments: fragments)))
        }
        return files
    }

    /// One feed as text in its format.
    /// `fragments`: items rendered once for all feeds (see `FeedItemFragments`).
    public static func render(_ channel: FeedChannel, bodies: FeedBodies, fragments: FeedItemFragments? = nil) -> String {
        String(decoding: renderBytes(channel, bodies: bodies, fragments: fragments), as: UTF8.self)
    }

    /// `render` as the bytes of the file (written as bytes: no copy of a whole feed into a `String`).
    static func renderBytes(_ channel: FeedChannel, bodies: FeedBodies, fragments: FeedItemFragments?) -> [UInt8] {
        switch channel.descriptor.format {
        case .rss: RSSFeed.renderBytes(channel, bodies: bodies, fragments: fragments)
        case .atom: AtomFeed.renderBytes(channel, bodies: bodies, fragments: fragments)
        case .json: JSONFeed.renderBytes(channel, bodies: bodies, fragments: fragments)
        }
    }

    /// The channels with their items (at most `feeds.items` each, newest first). One pass over
    /// the posts sorts them into every scope they belong to.
    public static func channels(site: RenderedSite, imageSizes: FeedImageSizes? = nil) -> [FeedChannel] {
        channels(site: site, imageSizes: imageSizes, scopes: nil)
    }

    /// The channels of `scopes` only (nil: all); the others have no items.
    static func channels(site: RenderedSite, imageSizes: FeedImageSizes?, scopes wanted: Set<FeedScope>?) -> [FeedChannel] {
        let sizes = imageSizes ?? FeedImageSizes(staticFiles: site.content.staticFiles)
        let limit = max(1, site.config.feeds.items)
        // Items are built only for posts that land in a feed (the newest few of each scope), in
        // the order `newestFirst` gives them.
        let authority = FeedIDs.authority(site.config)
        // Ids on all cores, then the posts sorted by index: moving whole posts is slow.
        let posts = site.content.posts
        let ids = posts.parallelMap { FeedIDs.id(date: $0.date, fixed: $0.id, path: $0.source.path, authority: authority) }
        let dates = posts.map { $0.date }
        let ordered = posts.indices.sorted { a, b in
            dates[a] != dates[b] ? dates[a] > dates[b] : ids[a] < ids[b]
        }
        var itemsByScope: [FeedScope: [FeedItem]] = [:]
        var selected: [(index: Int, scopes: [FeedScope])] = []
        var slugs: [String: String] = [:]
        // Scopes as numbers as they are met (0: the site), with their counts: most posts land in
        // no feed (every scope of theirs is full), which one array lookup per scope tells.
        var scopes: [FeedScope] = [.site]
        var isWanted = [wanted?.contains(.site) ?? true]
        var counts = [0]
        var fieldIDs: [String: Int] = [:], tagIDs: [String: Int] = [:]
        func id(of scope: FeedScope) -> Int {
            scopes.append(scope)
            isWanted.append(wanted?.contains(scope) ?? true)
            counts.append(0)
            return scopes.count - 1
        }
        var postScopes: [Int] = []
        // The scope of each tag name met (-1: a name without a slug): one lookup per name of a
        // post, where its slug and then the slug's scope took two.
        var nameScopes: [String: Int] = [:]
        for index in ordered {
            // Only the fields needed, read in place through pointers, not copies of the whole post
            // or of each name (a retain and release of each). Each scope once, as a set of them
            // would hold it (the order in which a post enters its feeds changes nothing).
            postScopes.removeAll(keepingCapacity: true)
            postScopes.append(0)
            posts[index].handlungsfelder.withUnsafeBufferPointer { fields in
                for f in fields.indices {
                    let scope: Int
                    if let known = fieldIDs[fields[f]] { scope = known } else {
                        scope = id(of: .handlungsfeld(slug: fields[f]))
                        fieldIDs[fields[f]] = scope
                    }
                    if !postScopes.contains(scope) { postScopes.append(scope) }
                }
            }
            let tagSlugs = posts[index].tagSlugs
            posts[index].tags.withUnsafeBufferPointer { names in
                // As many as there are slugs (they are made one per name).
                for t in 0..<min(names.count, tagSlugs.count) {
                    let scope: Int
                    if let known = nameScopes[names[t]] { scope = known } else {
                        // The first spelling of a name met gives its slug (`tagSlugs` are `Slug.make`
                        // of each name), and the slug its scope.
                        let slug = tagSlugs[t]
                        slugs[names[t]] = slug
                        if slug.isEmpty {
                            scope = -1
                        } else if let known = tagIDs[slug] {
                            scope = known
                        } else {
                            scope = id(of: .tag(slug: slug))
                            tagIDs[slug] = scope
                        }
                        nameScopes[names[t]] = scope
                    }
                    if scope >= 0, !postScopes.contains(scope) { postScopes.append(scope) }
                }
            }
            guard postScopes.contains(where: { counts[$0] < limit && isWanted[$0] }) else { continue }
            var open: [FeedScope] = []
            for scope in postScopes where counts[scope] < limit && isWanted[scope] {
                counts[scope] += 1
                open.append(scopes[scope])
            }
            selected.append((index, open))
        }
        // Which posts land where depends only on the counts; the items are then built on all cores.
        let context = FeedCatalog.ItemContext(site: site, tagSlugs: slugs)
        let items = selected.parallelMap {
            FeedCatalog.item(posts[$0.index], id: ids[$0.index], site: site, imageSizes: sizes, context: context)
        }
        for ((_, open), item) in zip(selected, items) {
            for scope in open { itemsByScope[scope, default: []].append(item) }
        }
        let newest = site.content.posts.map { max($0.updated ?? $0.date, $0.date) }.max()
        return FeedCatalog.descriptors(site: site).map { descriptor in
            FeedCatalog.channel(descriptor, items: itemsByScope[descriptor.scope] ?? [], site: site, newestSiteDate: newest)
        }
    }

    static func newestFirst(_ a: FeedItem, _ b: FeedItem) -> Bool {
        a.published != b.published ? a.published > b.published : a.id < b.id
    }

    /// Problems to report before writing: item count, ids (see `FeedIDs.validate`).
    public static func validate(site: RenderedSite) -> [Diagnostic] {
        var diagnostics = FeedIDs.validate(posts: site.content.posts, config: site.config)
        if site.config.feeds.items < 1 {
            diagnostics.append(.error(
                "feed-items", at: SourceLocation(file: "site-config.json"),
                "\"feeds\": {\"items\": \(site.config.feeds.items)} – ein Feed muss mindestens einen Beitrag enthalten.",
                hint: "Üblich sind 20: \"feeds\": {\"items\": 20}"))
        }
        return diagnostics
    }
}
