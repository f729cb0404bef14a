import Content
import Support

/// The absolute addresses an edition's footer needs, in both the e-mail and the web version.
struct NewsletterLinks {
    var webVersion: String
    var archive: String
    var unsubscribeInfo: String
    var impressum: String
    var datenschutz: String
    var feeds: String
    var home: String

    init(edition: NewsletterEdition, site: RenderedSite) {
        let config = site.config
        webVersion = config.absoluteURL(edition.url)
        archive = config.absoluteURL(NewsletterArchive.url)
        unsubscribeInfo = config.absoluteURL(NewsletterArchive.url + "#abbestellen")
        // The legal pages every site has (content/seiten/impressum.md, datenschutz.md).
        impressum = config.absoluteURL("/impressum/")
        datenschutz = config.absoluteURL("/datenschutz/")
        feeds = config.absoluteURL(FeedsPage.url)
        home = config.absoluteURL("/")
    }
}

/// A post as the newsletter lists it.
struct NewsletterEntry {
    var title: String
    var url: String
    var date: String
    var isoDate: String
    var teaser: String
    /// Absolute URL of a raster image (mail clients do not show SVG), with its alt text.
    var image: (url: String, alt: String)?

    init(post: Post, site: RenderedSite, rasterImages: Set<String>) {
        // The config in place: `site.config` is a copy, a retain and release of each of its
        // strings for every post, on all cores at once.
        title = XMLText.clean(post.title)
        url = site.content.config.absoluteURL(post.url)
        date = GermanFormat.longDate(post.date)
        isoDate = GermanFormat.isoDay(post.date)
        let summary = post.summary.flatMap { $0.isEmpty ? nil : $0 }
            ?? FeedText.teaser(site.plainText(ofSourcePath: post.source.path) ?? "", maxLength: 220)
        teaser = XMLText.clean(summary)
        if let path = Self.rasterImage(for: post.image, available: rasterImages) {
            image = (site.content.config.absoluteURL(Escape.urlPath(path)), XMLText.clean(post.imageAlt ?? ""))
        }
    }

    /// The post image if it is PNG/JPEG/GIF; for an SVG the PNG/JPEG/GIF file of the same name
    /// beside it (`/bilder/x.svg` → `/bilder/x.png`), if the site has one. `available`: the site
    /// paths of the site's raster files (or of all its files; only raster files can be found).
    static func rasterImage(for path: String?, available: Set<String>) -> String? {
        guard let path, !path.isEmpty else { return nil }
        if isRaster(path) { return path }
        // Nothing to look for when there is no file to find (a site of SVG images only): four
        // names made and looked up for each post of each edition otherwise.
        guard !available.isEmpty, let dot = path.lastIndex(of: ".") else { return nil }
        let stem = path[..<dot]
        return rasterExtensions.map { stem + $0 }.first(where: { available.contains($0) })
    }

    static let rasterExtensions = [".png", ".jpg", ".jpeg", ".gif"]

    /// A PNG, JPEG or GIF by its name.
    static func isRaster(_ path: String) -> Bool {
        let lower = path.lowercased()
        return rasterExtensions.contains(where: { lower.hasSuffix($0) })
    }
}
