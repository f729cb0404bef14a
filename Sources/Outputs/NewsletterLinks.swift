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
        let config = site.config
        title = XMLText.clean(post.title)
        url = config.absoluteURL(post.url)
        date = GermanFormat.longDate(post.date)
        isoDate = GermanFormat.isoDay(post.date)
        let summary = post.summary.flatMap { $0.isEmpty ? nil : $0 }
            ?? FeedText.teaser(site.body(of: post.source)?.plainText ?? "", maxLength: 220)
        teaser = XMLText.clean(summary)
        if let path = Self.rasterImage(for: post.image, available: rasterImages) {
            image = (config.absoluteURL(Escape.urlPath(path)), XMLText.clean(post.imageAlt ?? ""))
        }
    }

    /// The post image if it is PNG/JPEG/GIF; for an SVG the PNG/JPEG/GIF file of the same name
    /// beside it (`/bilder/x.svg` → `/bilder/x.png`), if the site has one.
    static func rasterImage(for path: String?, available: Set<String>) -> String? {
        guard let path, !path.isEmpty else { return nil }
        let lower = path.lowercased()
        let raster = [".png", ".jpg", ".jpeg", ".gif"]
        if raster.contains(where: { lower.hasSuffix($0) }) { return path }
        guard let dot = path.lastIndex(of: ".") else { return nil }
        let stem = path[..<dot]
        return raster.map { stem + $0 }.first(where: { available.contains($0) })
    }
}
