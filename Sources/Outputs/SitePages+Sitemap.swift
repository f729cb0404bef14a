import Content
import Support

extension SitePages {
    /// `sitemap.xml` and `robots.txt`. No build time anywhere: `lastmod` comes from the content.
    enum Sitemap {
        static func file(entries: [SitemapEntry], config: SiteConfig) -> OutputFile {
            var seen = Set<String>()
            let unique = entries.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
            // Written as bytes: a growing String with an interpolated temporary per line, copied
            // into bytes at the end, cost more than the escaping (a line per page of the site).
            var out: [UInt8] = []
            out.reserveCapacity(128 + unique.count * 110)
            func append(_ text: StaticString) { out.append(static: text) }
            func append(_ text: String) { out.appendUTF8(text) }
            append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
            for entry in unique {
                append("  <url>\n    <loc>")
                append(Escape.xml(config.absoluteURL(Escape.urlPath(entry.path))))
                append("</loc>\n")
                if let lastmod = entry.lastmod {
                    append("    <lastmod>")
                    append(Escape.xml(lastmod))
                    append("</lastmod>\n")
                }
                append("  </url>\n")
            }
            append("</urlset>\n")
            return OutputFile(path: "sitemap.xml", contents: out)
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
