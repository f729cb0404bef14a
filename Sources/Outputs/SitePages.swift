import Content
import Foundation
import Support

/// Every HTML page of the blog, plus sitemap, robots.txt and redirects, rendered with a `Theme`.
///
/// Pure and deterministic: the same `RenderedSite` gives byte-identical files in the same order.
/// Posts are grouped once (`Index`); no page looks at all posts again, so the work grows linearly.
public enum SitePages {
    /// What the pages need to know beyond the content.
    public struct Options: Sendable {
        /// The data dashboard exists at `/daten/`: the start page links to it.
        public var hasDashboard: Bool
        /// The service directory exists at `/angebote/`: the start page links to it.
        public var hasServiceDirectory: Bool
        /// Width and height of a local image (`/bilder/x.png`), so lead images reserve their space.
        public var imageSize: (@Sendable (String) -> (width: Int, height: Int)?)?
        /// Further site paths for `sitemap.xml` (pages other outputs write, e.g. `/daten/`), each with
        /// an optional `lastmod` day (`2024-12-01`).
        public var extraSitemapEntries: [SitemapEntry]
        /// Which files to render (incremental builds); the others come back as placeholders.
        public var scope: RenderScope
        /// Set in a preview with drafts (`serve`, `build --drafts`): drafts get the badge „Entwurf“
        /// and posts dated after this moment the badge „Geplant“. Nil in a normal build.
        public var previewNow: Date?

        public init(hasDashboard: Bool = false, hasServiceDirectory: Bool = false,
                    imageSize: (@Sendable (String) -> (width: Int, height: Int)?)? = nil,
                    extraSitemapEntries: [SitemapEntry] = [], scope: RenderScope = .everything,
                    previewNow: Date? = nil) {
            self.hasDashboard = hasDashboard
            self.hasServiceDirectory = hasServiceDirectory
            self.imageSize = imageSize
            self.extraSitemapEntries = extraSitemapEntries
            self.scope = scope
            self.previewNow = previewNow
        }
    }

    /// One `<url>` of `sitemap.xml`.
    public struct SitemapEntry: Sendable, Hashable {
        /// Site path (`/daten/`).
        public var path: String
        /// `YYYY-MM-DD` or nil.
        public var lastmod: String?
        public init(path: String, lastmod: String? = nil) {
            self.path = path
            self.lastmod = lastmod
        }
    }

    /// Renders all pages of `site`. Output files are sorted by path.
    public static func render(site: RenderedSite, theme: Theme, options: Options = Options())
        -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        render(site: site, theme: theme, options: options, emit: nil)
    }

    /// How many post pages are rendered before they are handed to `emit`.
    public static let postPortion = 1_000

    /// With `emit`, pages are handed over portion by portion as they are rendered (kinds of pages,
    /// posts a thousand at a time) and only the rest (sitemap, robots.txt) is returned, so a clean
    /// build can write them and drop their bytes (`SiteBuilder.renderAndWrite`). The same pages
    /// either way: collisions are decided in render order, first come, first served.
    public static func render(site: RenderedSite, theme: Theme, options: Options, portion: Int = postPortion,
                              emit: (([OutputFile]) -> Void)?) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let index = Index(site: site)
        let builder = PageBuilder(site: site, theme: theme, options: options, index: index)
        var diagnostics = index.diagnostics
        // Every post page, the list pages (about half as many again at ten posts a page, each post
        // being in a few groups), aliases and a few more.
        var collisions = Collisions(expected: 2 * index.posts.count + 1_024)
        var kept: [BuiltPage] = []
        func add(_ pages: [BuiltPage]) {
            let unique = collisions.admit(pages)
            if let emit {
                emit(unique.map(\.file))
                kept += unique.map { BuiltPage(file: OutputFile(path: $0.file.path, contents: []), source: $0.source,
                                               sitemap: $0.sitemap) }
            } else {
                kept += unique
            }
        }
        add(builder.homePages())
        let related = RelatedPosts(index: index)
        let postShared = PageBuilder.PostPageShared(builder)
        for start in stride(from: 0, to: index.posts.count, by: portion) {
            add(builder.postPages(start..<min(start + portion, index.posts.count), related: related, shared: postShared))
        }
        add(builder.handlungsfeldPages())
        add(builder.tagPages())
        add(builder.archivePages())
        let contentPages = builder.contentPages()
        add(contentPages.pages)
        diagnostics += contentPages.diagnostics
        add([builder.notFoundPage()])

        // Redirects must not overwrite a real page: every page so far has its path in `collisions`
        // (the first of two with the same path, too), static files are collected here.
        var staticPaths = Set<String>()
        for file in site.content.staticFiles { staticPaths.insert(OutputFile.indexPath(forURL: file.sitePath)) }
        let redirects = builder.redirects(taken: { collisions.isTaken($0) || staticPaths.contains($0) })
        add(redirects.pages)
        diagnostics += redirects.diagnostics
        diagnostics += collisions.diagnostics

        var files = emit == nil ? kept.map(\.file) : []
        let sitemap = kept.compactMap(\.sitemap) + options.extraSitemapEntries
        files.append(options.scope.includes("sitemap.xml") ? Sitemap.file(entries: sitemap, config: site.config)
                                                            : RenderScope.placeholder("sitemap.xml"))
        files.append(options.scope.includes("robots.txt") ? Sitemap.robots(config: site.config)
                                                           : RenderScope.placeholder("robots.txt"))
        files.sort { $0.path < $1.path }
        // Handed over whole (`swap`, `consume`): a copy left here would free them on this thread.
        var leftPages: [BuiltPage] = [], leftPaths = Collisions()
        swap(&leftPages, &kept)
        swap(&leftPaths, &collisions)
        BackgroundRelease.drop((consume builder, consume index, consume related, consume leftPages, consume leftPaths))
        return (files, diagnostics)
    }

    /// A page in the site layout for other outputs (feed overview, newsletter archive, dashboard):
    /// `bodyHTML` is inserted as it is, everything else is escaped.
    public static func genericPage(site: RenderedSite, theme: Theme, url: String, title: String,
                                   description: String, bodyHTML: @autoclosure () -> String,
                                   breadcrumbs: [(title: String, url: String)] = [],
                                   options: Options = Options()) -> OutputFile {
        let builder = PageBuilder(site: site, theme: theme, options: options, index: nil, rendersManyPages: false)
        return builder.genericPage(url: url, title: title, description: description, bodyHTML: bodyHTML(),
                                   breadcrumbs: breadcrumbs)
    }

    /// Output paths handed out so far, in render order: two content items that want the same
    /// output file – the first wins and the other is reported, never silently overwritten.
    struct Collisions {
        private var owners: [String: String]
        private(set) var diagnostics: [Diagnostic] = []

        /// `expected`: about how many pages there will be, so the table is not rebuilt again and
        /// again as it grows (a path is hashed anew at every rebuild).
        init(expected: Int = 0) {
            owners = Dictionary(minimumCapacity: expected)
        }

        /// Whether a page has been handed `path` already.
        func isTaken(_ path: String) -> Bool { owners[path] != nil }

        /// The pages whose paths are still free.
        mutating func admit(_ pages: [BuiltPage]) -> [BuiltPage] {
            var kept: [BuiltPage] = []
            kept.reserveCapacity(pages.count)
            for page in pages {
                // One hash per page: the path is claimed at once, and given back to its first
                // owner in the rare case that it had one.
                if let owner = owners.updateValue(page.source ?? page.file.path, forKey: page.file.path) {
                    owners[page.file.path] = owner
                    let address = "/" + page.file.path.replacing("index.html", with: "")
                    diagnostics.append(.error("output-collision", at: SourceLocation(file: page.source ?? page.file.path),
                                              "Diese Seite soll unter „\(address)“ erscheinen, wo schon „\(owner)“ steht.",
                                              hint: "Ändern Sie den „slug“ (oder den Alias), damit jede Adresse nur einmal vorkommt."))
                } else {
                    kept.append(page)
                }
            }
            return kept
        }
    }

    struct BuiltPage: Sendable {
        var file: OutputFile
        var source: String?
        var sitemap: SitemapEntry?
    }
}
