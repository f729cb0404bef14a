import Foundation
import Content
import Support

/// The three feed formats, all written from the same `FeedChannel`.
public enum FeedFormat: String, Sendable, Hashable, CaseIterable {
    case rss, atom, json

    public var fileName: String {
        switch self {
        case .rss: "feed.xml"
        case .atom: "atom.xml"
        case .json: "feed.json"
        }
    }

    /// For `<link rel="alternate" type="…">` and the hosting rules.
    public var mediaType: String {
        switch self {
        case .rss: "application/rss+xml"
        case .atom: "application/atom+xml"
        case .json: "application/feed+json"
        }
    }

    public var label: String {
        switch self {
        case .rss: "RSS"
        case .atom: "Atom"
        case .json: "JSON Feed"
        }
    }
}

/// Which posts a feed holds.
public enum FeedScope: Sendable, Hashable {
    case site
    case handlungsfeld(slug: String)
    case tag(slug: String)

    var isTag: Bool { if case .tag = self { return true } else { return false } }

    /// Site path of the page the feed belongs to (and of the folder its files live in).
    public var pagePath: String {
        switch self {
        case .site: "/"
        case .handlungsfeld(let slug): "/handlungsfelder/\(slug)/"
        case .tag(let slug): "/tag/\(slug)/"
        }
    }

    /// Formats written for this scope: all three for the blog and each Handlungsfeld, RSS only
    /// for tags (there are many; RSS is what readers and mail tools take).
    public var formats: [FeedFormat] {
        if case .tag = self { return [.rss] }
        return FeedFormat.allCases
    }
}

/// One feed file: where it is and what it is called. Also what pages link for autodiscovery.
public struct FeedDescriptor: Sendable, Hashable {
    public var scope: FeedScope
    public var format: FeedFormat
    /// Site path: `/feed.xml`, `/handlungsfelder/bildung/atom.xml`, `/tag/ehrenamt/feed.xml`.
    public var path: String
    /// Channel title, e.g. „soziales.mittelsachsen.gemeinsam.machen – Lebenslange Bildung“.
    public var title: String
    /// Handlungsfeld label or tag name („Lebenslange Bildung“, „Ehrenamt“); empty for the blog.
    public var scopeName: String

    /// Output file path: `handlungsfelder/bildung/atom.xml`.
    public var outputPath: String { String(path.dropFirst()) }
}

/// A feed with its items, ready for any writer.
public struct FeedChannel: Sendable, Hashable {
    public var descriptor: FeedDescriptor
    public var title: String
    public var description: String
    /// Absolute URL of the page the feed belongs to.
    public var homeURL: String
    /// Absolute URL the feed is served from (`atom:link rel="self"`).
    public var selfURL: String
    public var language: String
    /// Publisher name (Atom feed author, JSON Feed authors).
    public var publisher: String
    /// Newest date among the items (never the build time); nil only when the site has no posts.
    public var updated: Date?
    public var items: [FeedItem]
}

/// One post as every feed format sees it.
public struct FeedItem: Sendable, Hashable {
    public struct Category: Sendable, Hashable {
        /// Slug (`gesundheit`, `ehrenamt`).
        public var term: String
        /// Display text (`Gesundheit rundum`, `Ehrenamt`).
        public var label: String
        /// Absolute URL of the Handlungsfeld or tag page.
        public var url: String
        /// Absolute URL of the scheme's overview (`…/handlungsfelder/`, `…/tag/`).
        public var scheme: String
    }

    public struct Image: Sendable, Hashable {
        public var url: String
        public var mediaType: String
        /// File size in bytes; nil when the file could not be read (then no RSS enclosure).
        public var length: Int?
        public var alt: String
    }

    public var id: String
    public var title: String
    public var url: String
    /// Plain text (front matter `summary`, or the start of the post).
    public var summary: String
    public var published: Date
    public var updated: Date
    public var author: String?
    public var categories: [Category]
    public var image: Image?
    /// Source path of the post: key into `FeedBodies`.
    public var sourcePath: String
}

/// Builds every feed of the site from the rendered content.
public enum FeedCatalog {
    /// All feeds, in a stable order: the blog, the Handlungsfelder (by `order`), the tags (by slug).
    public static func descriptors(site: RenderedSite) -> [FeedDescriptor] {
        descriptors(site: site, tags: tags(site: site))
    }

    /// `descriptors(site:)` with the site's `tags(site:)` worked out before (they read every post).
    static func descriptors(site: RenderedSite, tags: [(slug: String, name: String)]) -> [FeedDescriptor] {
        let tagNames = Dictionary(tags.map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
        return scopes(site: site, tags: tags).flatMap { scope in
            let name = scopeName(of: scope, site: site, tagNames: tagNames)
            let title = name.isEmpty ? siteTitle(site.config)
                : siteTitle(site.config) + (scope.isTag ? " – Schlagwort " : " – ") + name
            return scope.formats.map { format in
                FeedDescriptor(scope: scope, format: format, path: scope.pagePath + format.fileName,
                               title: title, scopeName: name)
            }
        }
    }

    /// The feeds a page should announce with `<link rel="alternate">`: the blog's three, and on a
    /// Handlungsfeld or tag page (site path `pagePath`) that page's own feeds first.
    public static func alternates(forPage pagePath: String, site: RenderedSite) -> [FeedDescriptor] {
        let all = descriptors(site: site)
        let own = pagePath == "/" ? [] : all.filter { $0.scope.pagePath == pagePath }
        return own + all.filter { $0.scope == .site }
    }

    /// `<link rel="alternate" …>` lines for a page's `<head>`, absolute URLs.
    public static func autodiscoveryHTML(forPage pagePath: String, site: RenderedSite) -> String {
        alternates(forPage: pagePath, site: site).map { feed in
            "<link rel=\"alternate\" type=\"\(feed.format.mediaType)\" title=\"\(Escape.html(feed.title + " (" + feed.format.label + ")"))\" href=\"\(Escape.html(site.config.absoluteURL(feed.path)))\">"
        }.joined(separator: "\n")
    }

    static func scopes(site: RenderedSite) -> [FeedScope] {
        scopes(site: site, tags: tags(site: site))
    }

    static func scopes(site: RenderedSite, tags: [(slug: String, name: String)]) -> [FeedScope] {
        let fields = site.content.handlungsfelder.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
        return [.site] + fields.map { .handlungsfeld(slug: $0.slug) } + tags.map { .tag(slug: $0.slug) }
    }

    /// Tags in use: slug and display name. When several spellings share a slug, the
    /// alphabetically first one is shown, so the result does not depend on post order.
    public static func tags(site: RenderedSite) -> [(slug: String, name: String)] {
        var names: [String: String] = [:]
        // Thousands of posts share a few hundred tag names: each name is made a slug once.
        var slugs: [String: String] = [:]
        // Posts and names read in place through pointers: iterating copies each post and each
        // name (a retain and release of each, most of this function's time).
        site.content.posts.withUnsafeBufferPointer { posts in
            for p in posts.indices {
                posts[p].tags.withUnsafeBufferPointer { tags in
                    for t in tags.indices {
                        // A name met before has had its turn: its slug keeps it or a smaller name.
                        guard slugs[tags[t]] == nil else { continue }
                        let name = tags[t]
                        let slug = posts[p].tagSlugs[t]
                        slugs[name] = slug
                        guard !slug.isEmpty else { continue }
                        if let known = names[slug], known <= name { continue }
                        names[slug] = name
                    }
                }
            }
        }
        return names.keys.sorted().map { ($0, names[$0]!) }
    }

    static func scopeName(of scope: FeedScope, site: RenderedSite, tagNames: [String: String]) -> String {
        switch scope {
        case .site: ""
        case .handlungsfeld(let slug): site.content.handlungsfelder.first(where: { $0.slug == slug })?.label ?? slug
        case .tag(let slug): tagNames[slug] ?? slug
        }
    }

    static func siteTitle(_ config: SiteConfig) -> String {
        config.title.isEmpty ? config.host : config.title
    }

    static func description(of descriptor: FeedDescriptor, site: RenderedSite) -> String {
        switch descriptor.scope {
        case .site:
            return site.config.description.isEmpty ? "Neue Beiträge von \(siteTitle(site.config))" : site.config.description
        case .handlungsfeld(let slug):
            let summary = site.content.handlungsfelder.first(where: { $0.slug == slug })?.summary ?? ""
            return summary.isEmpty ? "Neue Beiträge im Handlungsfeld \(descriptor.scopeName)" : summary
        case .tag:
            return "Neue Beiträge mit dem Schlagwort „\(descriptor.scopeName)“"
        }
    }

    /// The channel for a descriptor, with at most `limit` items.
    static func channel(_ descriptor: FeedDescriptor, items: [FeedItem], site: RenderedSite,
                        newestSiteDate: Date?) -> FeedChannel {
        let config = site.config
        return FeedChannel(
            descriptor: descriptor,
            title: descriptor.title,
            description: description(of: descriptor, site: site),
            homeURL: config.absoluteURL(descriptor.scope.pagePath),
            selfURL: config.absoluteURL(descriptor.path),
            language: config.language.isEmpty ? "de-DE" : config.language,
            publisher: publisher(config),
            updated: items.map(\.updated).max() ?? newestSiteDate,
            items: items)
    }

    static func publisher(_ config: SiteConfig) -> String {
        let org = config.contact.organisation
        return org.isEmpty ? siteTitle(config) : org
    }

    /// What items share: the categories of the Handlungsfelder and of tag names, made once for
    /// all items instead of per item (a label search, two URLs and a slug for each category).
    struct ItemContext {
        var fields: [String: FeedItem.Category]
        var fieldScheme: String
        /// Slug and page URL by tag name; nil for a name without a slug. (The label is the name as
        /// the post spells it: names that are equal as Swift strings may differ in their bytes.)
        var tags: [String: (slug: String, url: String)?]
        var tagScheme: String

        /// `tagSlugs`: slugs of tag names worked out before (`Slug.make`); others are made here.
        init(site: RenderedSite, tagSlugs: [String: String] = [:]) {
            let config = site.config
            fieldScheme = config.absoluteURL("/handlungsfelder/")
            tagScheme = config.absoluteURL("/tag/")
            var fields: [String: FeedItem.Category] = [:]
            for field in site.content.handlungsfelder where fields[field.slug] == nil {
                fields[field.slug] = .init(term: field.slug, label: field.label,
                                           url: config.absoluteURL("/handlungsfelder/\(field.slug)/"), scheme: fieldScheme)
            }
            self.fields = fields
            var tags: [String: (slug: String, url: String)?] = [:]
            for (name, slug) in tagSlugs {
                tags[name] = slug.isEmpty ? .some(nil) : (slug, config.absoluteURL("/tag/\(slug)/"))
            }
            self.tags = tags
        }

        func field(_ slug: String, config: SiteConfig) -> FeedItem.Category {
            guard let known = fields[slug] else {
                return .init(term: slug, label: slug, url: config.absoluteURL("/handlungsfelder/\(slug)/"), scheme: fieldScheme)
            }
            // Term and URL are the post's spelling of the slug; one equal to the field's as a Swift
            // string may still differ in its bytes.
            if known.term.utf8.elementsEqual(slug.utf8) { return known }
            return .init(term: slug, label: known.label, url: config.absoluteURL("/handlungsfelder/\(slug)/"), scheme: fieldScheme)
        }

        func tag(_ name: String, config: SiteConfig) -> FeedItem.Category? {
            if let known = tags[name] {
                return known.map { .init(term: $0.slug, label: name, url: $0.url, scheme: tagScheme) }
            }
            let slug = Slug.make(name)
            return slug.isEmpty ? nil : .init(term: slug, label: name, url: config.absoluteURL("/tag/\(slug)/"), scheme: tagScheme)
        }
    }

    /// The feed view of one post.
    static func item(_ post: Post, site: RenderedSite, imageSizes: FeedImageSizes) -> FeedItem {
        item(post, id: FeedIDs.id(of: post, config: site.config), site: site, imageSizes: imageSizes,
             context: ItemContext(site: site))
    }

    /// The feed view of one post whose feed id (`FeedIDs.id`) is known, with categories from `context`.
    static func item(_ post: Post, id: String, site: RenderedSite, imageSizes: FeedImageSizes,
                     context: ItemContext) -> FeedItem {
        // The config in place: `site.config` is a copy, a retain and release of each of its
        // strings for every item, on all cores at once.
        var categories: [FeedItem.Category] = []
        categories.reserveCapacity(post.handlungsfelder.count + post.tags.count)
        for slug in post.handlungsfelder { categories.append(context.field(slug, config: site.content.config)) }
        var seenTags: Set<String> = []
        for name in post.tags {
            guard let category = context.tag(name, config: site.content.config), seenTags.insert(category.term).inserted else { continue }
            categories.append(category)
        }
        var image: FeedItem.Image? = nil
        if let path = post.image, !path.isEmpty {
            image = FeedItem.Image(url: site.content.config.absoluteURL(Escape.urlPath(path)), mediaType: FeedImageSizes.mediaType(path),
                                   length: imageSizes.size(ofSitePath: path), alt: post.imageAlt ?? "")
        }
        let summary = post.summary.flatMap { $0.isEmpty ? nil : $0 }
            ?? FeedText.teaser(site.plainText(ofSourcePath: post.source.path) ?? "", maxLength: 300)
        return FeedItem(id: id,
                        title: post.title, url: site.content.config.absoluteURL(post.url), summary: summary,
                        published: post.date, updated: max(post.updated ?? post.date, post.date),
                        author: post.author.flatMap { $0.isEmpty ? nil : $0 },
                        categories: categories, image: image, sourcePath: post.source.path)
    }
}

/// Short plain texts for feeds and the newsletter.
public enum FeedText {
    /// The start of `text`, cut after a whole word, with „…“ when something was cut.
    public static func teaser(_ text: String, maxLength: Int) -> String {
        // Most texts are Latin letters and punctuation, where bytes give the same cut (`teaserByScalars`).
        if let teaser = teaserByScalars(text, maxLength: maxLength) { return teaser }
        let collapsed = collapsedStart(of: text, atLeast: maxLength + 2)
        guard collapsed.count > maxLength else { return collapsed }
        var cut = collapsed.prefix(maxLength)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        while let last = cut.last, ",;:–-".contains(last) { cut = cut.dropLast() }
        return cut + " …"
    }

    /// The words of `text` joined by single spaces (what `split` on blanks + `joined(" ")` gives),
    /// but only as far as needed: once the result has `minimum` characters, the rest of the text
    /// cannot change its first `minimum - 1` characters, so a long post is not split as a whole.
    /// (Only the last character of a prefix can still grow, e.g. by a combining mark.)
    static func collapsedStart(of text: String, atLeast minimum: Int) -> String {
        var result = ""
        var wordStart: String.Index? = nil
        var index = text.startIndex
        func endWord(at end: String.Index) {
            guard let start = wordStart else { return }
            if !result.isEmpty { result += " " }
            result += text[start..<end]
            wordStart = nil
        }
        while index < text.endIndex {
            let character = text[index]
            if character == " " || character == "\n" || character == "\t" || character == "\r" {
                endWord(at: index)
                // utf8.count is O(1) and never smaller than count: check it first.
                if result.utf8.count >= minimum && result.count >= minimum { return result }
            } else if wordStart == nil {
                wordStart = index
            }
            index = text.index(after: index)
        }
        endWord(at: text.endIndex)
        return result
    }
}

/// Sizes and types of the site's static files, for RSS enclosures (which need a byte length).
public struct FeedImageSizes: Sendable {
    private var sizes: [String: Int]

    /// Reads the sizes of `files` from disk once.
    public init(staticFiles files: [StaticFile]) {
        var sizes: [String: Int] = [:]
        for file in files {
            if let attributes = try? FileManager.default.attributesOfItem(atPath: file.sourcePath),
               let size = (attributes[.size] as? NSNumber)?.intValue {
                sizes[file.sitePath] = size
            }
        }
        self.sizes = sizes
    }

    public init(sizes: [String: Int]) { self.sizes = sizes }

    public func size(ofSitePath path: String) -> Int? { sizes[path] }

    public func contains(_ path: String) -> Bool { sizes[path] != nil }

    static func mediaType(_ path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "svg": return "image/svg+xml"
        default: return "application/octet-stream"
        }
    }
}
