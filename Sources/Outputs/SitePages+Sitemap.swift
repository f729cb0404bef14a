import Content
import Support

extension SitePages {
    /// `sitemap.xml` and `robots.txt`. No build time anywhere: `lastmod` comes from the content.
    enum Sitemap {
        static func file(entries: [SitemapEntry], config: SiteConfig) -> OutputFile {
            var seen = Set<String>()
            let unique = entries.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
            var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            text += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for entry in unique {
                text += "  <url>\n    <loc>\(Escape.xml(config.absoluteURL(Escape.urlPath(entry.path))))</loc>\n"
                if let lastmod = entry.lastmod { text += "    <lastmod>\(Escape.xml(lastmod))</lastmod>\n" }
                text += "  </url>\n"
            }
            text += "</urlset>\n"
            return OutputFile(path: "sitemap.xml", text: text)
        }

        static func robots(config: SiteConfig) -> OutputFile {
            OutputFile(path: "robots.txt", text: """
                User-agent: *
                Disallow:

                Sitemap: \(config.absoluteURL("/sitemap.xml"))

                """)
        }
    }
}
