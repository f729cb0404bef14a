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
        let index = Index(site: site)
        let builder = PageBuilder(site: site, theme: theme, options: options, index: index)
        var diagnostics = index.diagnostics
        var pages: [BuiltPage] = []
        pages += builder.homePages()
        pages += builder.postPages()
        pages += builder.handlungsfeldPages()
        pages += builder.tagPages()
        pages += builder.archivePages()
        let contentPages = builder.contentPages()
        pages += contentPages.pages
        diagnostics += contentPages.diagnostics
        pages.append(builder.notFoundPage())

        // Redirects must not overwrite a real page: collect what exists first.
        var taken = Set(pages.map(\.file.path))
        for file in site.content.staticFiles { taken.insert(OutputFile.indexPath(forURL: file.sitePath)) }
        let redirects = builder.redirects(taken: taken)
        pages += redirects.pages
        diagnostics += redirects.diagnostics

        let unique = removeCollisions(pages)
        diagnostics += unique.diagnostics
        var files = unique.pages.map(\.file)
        let sitemap = unique.pages.compactMap(\.sitemap) + options.extraSitemapEntries
        files.append(options.scope.includes("sitemap.xml") ? Sitemap.file(entries: sitemap, config: site.config)
                                                            : RenderScope.placeholder("sitemap.xml"))
        files.append(options.scope.includes("robots.txt") ? Sitemap.robots(config: site.config)
                                                           : RenderScope.placeholder("robots.txt"))
        return (files.sorted { $0.path < $1.path }, diagnostics)
    }

    /// A page in the site layout for other outputs (feed overview, newsletter archive, dashboard):
    /// `bodyHTML` is inserted as it is, everything else is escaped.
    public static func genericPage(site: RenderedSite, theme: Theme, url: String, title: String,
                                   description: String, bodyHTML: @autoclosure () -> String,
                                   breadcrumbs: [(title: String, url: String)] = [],
                                   options: Options = Options()) -> OutputFile {
        let builder = PageBuilder(site: site, theme: theme, options: options, index: nil)
        return builder.genericPage(url: url, title: title, description: description, bodyHTML: bodyHTML(),
                                   breadcrumbs: breadcrumbs)
    }

    /// Two content items that want the same output file: the first (in render order) wins and the
    /// other is reported, never silently overwritten.
    static func removeCollisions(_ pages: [BuiltPage]) -> (pages: [BuiltPage], diagnostics: [Diagnostic]) {
        var owners: [String: String] = [:]
        var kept: [BuiltPage] = []
        var diagnostics: [Diagnostic] = []
        for page in pages {
            if let owner = owners[page.file.path] {
                let address = "/" + page.file.path.replacing("index.html", with: "")
                diagnostics.append(.error("output-collision", at: SourceLocation(file: page.source ?? page.file.path),
                                          "Diese Seite soll unter „\(address)“ erscheinen, wo schon „\(owner)“ steht.",
                                          hint: "Ändern Sie den „slug“ (oder den Alias), damit jede Adresse nur einmal vorkommt."))
            } else {
                owners[page.file.path] = page.source ?? page.file.path
                kept.append(page)
            }
        }
        return (kept, diagnostics)
    }
}

extension SitePages {
    /// A rendered page, the content file it comes from, and how it appears in the sitemap (nil: not listed).
    struct BuiltPage: Sendable {
        var file: OutputFile
        var source: String?
        var sitemap: SitemapEntry?
    }
}
