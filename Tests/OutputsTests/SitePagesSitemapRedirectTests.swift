import Content
import Foundation
@testable import Outputs
import Support
import Testing

@Suite struct SitePagesSitemapRedirectTests {
    func locs(_ sitemap: String) -> [String] {
        sitemap.matches(of: try! Regex("<loc>([^<]*)</loc>")).compactMap { $0.output[1].substring.map(String.init) }
    }

    @Test func sitemapListsPagesWithAbsoluteURLsAndContentDates() throws {
        let posts = [
            SampleSite.post("Neu", date: "2024-03-05 10:00", fields: ["wohnen"], tags: ["Pflege"], slug: "neu",
                            updated: "2024-06-30 23:30", aliases: ["/2023/alt/"]),
            SampleSite.post("Alt", date: "2023-12-31 23:50", fields: ["arbeit"], slug: "alt"),
        ]
        let site = SampleSite.make(postCount: 0, extraPosts: posts, itemsPerPage: 1)
        let result = SitePages.render(site: site, theme: SampleSite.theme(),
                                      options: .init(extraSitemapEntries: [.init(path: "/daten/", lastmod: "2024-01-02")]))
        let sitemap = try #require(result.files.first { $0.path == "sitemap.xml" }).text
        #expect(sitemap.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        let urls = locs(sitemap)
        #expect(urls == urls.sorted())
        #expect(urls.allSatisfy { $0.hasPrefix("https://mittelsachsen-sozial.de/") })
        for expected in ["/", "/2024/03/neu/", "/2023/12/alt/", "/handlungsfelder/", "/handlungsfelder/wohnen/",
                         "/tag/", "/tag/pflege/", "/archiv/", "/2024/", "/impressum/", "/leichte-sprache/", "/daten/"] {
            #expect(urls.contains("https://mittelsachsen-sozial.de" + expected), "\(expected)")
        }
        // Not listed: error page, redirects, later pages of lists.
        #expect(!sitemap.contains("404"))
        #expect(!sitemap.contains("/2023/alt/"))
        #expect(!sitemap.contains("/page/"))
        // lastmod is the Berlin day of the update (or of publication), never the build time.
        #expect(sitemap.contains("<loc>https://mittelsachsen-sozial.de/2024/03/neu/</loc>\n    <lastmod>2024-06-30</lastmod>"))
        #expect(sitemap.contains("<loc>https://mittelsachsen-sozial.de/2023/12/alt/</loc>\n    <lastmod>2023-12-31</lastmod>"))
        #expect(sitemap.contains("<loc>https://mittelsachsen-sozial.de/</loc>\n    <lastmod>2024-06-30</lastmod>"))
        #expect(sitemap.contains("<loc>https://mittelsachsen-sozial.de/daten/</loc>\n    <lastmod>2024-01-02</lastmod>"))
        #expect(sitemap.contains("<loc>https://mittelsachsen-sozial.de/impressum/</loc>\n  </url>"))
        let today = GermanFormat.isoDay(Date())
        #expect(!sitemap.contains(today) || today == "2024-06-30")

        let robots = try #require(result.files.first { $0.path == "robots.txt" }).text
        #expect(robots.contains("User-agent: *\n"))
        #expect(robots.contains("\nSitemap: https://mittelsachsen-sozial.de/sitemap.xml\n"))
    }

    @Test func aliasesBecomeRedirectPagesAndServerRulesSorted() throws {
        let posts = [
            SampleSite.post("Ziel", date: "2024-03-05", fields: ["wohnen"], slug: "ziel",
                            aliases: ["/2022/04/zweiter-name/", "/2022/04/erster-name/", "2021/ohne-schraegstrich/"]),
            SampleSite.post("Anderes", date: "2024-01-05", fields: ["wohnen"], slug: "anderes",
                            aliases: ["/alt/über-uns/"]),
        ]
        let (files, diagnostics, _) = SampleSite.render(SampleSite.make(postCount: 0, extraPosts: posts))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let page = try #require(files["2022/04/erster-name/index.html"]).text
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/2024/03/ziel/\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://mittelsachsen-sozial.de/2024/03/ziel/\">"))
        #expect(page.contains("<a class=\"button\" href=\"/2024/03/ziel/\">Zum Beitrag „Ziel“</a>"))
        #expect(page.contains("<html lang=\"de\">"))
        #expect(files["2021/ohne-schraegstrich/index.html"] != nil)
        // The file has the plain name; the server rules use the encoded path.
        #expect(files["alt/über-uns/index.html"] != nil)

        let htaccessText = try #require(files[".htaccess"]).text
        #expect(htaccessText.contains("\nErrorDocument 404 /404.html\n"))
        let htaccess = htaccessText.split(separator: "\n").filter { $0.hasPrefix("Redirect") }
        #expect(htaccess == [
            "Redirect 301 /2021/ohne-schraegstrich/ https://mittelsachsen-sozial.de/2024/03/ziel/",
            "Redirect 301 /2022/04/erster-name/ https://mittelsachsen-sozial.de/2024/03/ziel/",
            "Redirect 301 /2022/04/zweiter-name/ https://mittelsachsen-sozial.de/2024/03/ziel/",
            "Redirect 301 /alt/%C3%BCber-uns/ https://mittelsachsen-sozial.de/2024/01/anderes/",
        ])
        let nginx = try #require(files["nginx-redirects.conf"]).text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(nginx == [
            "location = /2021/ohne-schraegstrich/ { return 301 /2024/03/ziel/; }",
            "location = /2022/04/erster-name/ { return 301 /2024/03/ziel/; }",
            "location = /2022/04/zweiter-name/ { return 301 /2024/03/ziel/; }",
            "location = /alt/%C3%BCber-uns/ { return 301 /2024/01/anderes/; }",
        ])
    }

    @Test func badAliasesAreReportedAndNeverOverwriteAPage() throws {
        let posts = [
            SampleSite.post("Erster", date: "2024-03-05", fields: ["wohnen"], slug: "erster",
                            aliases: ["/impressum/", "/../../etc/", "/x/ { return 200; }", "/gleich/", "https://example.org/a/"]),
            SampleSite.post("Zweiter", date: "2024-02-05", fields: ["wohnen"], slug: "zweiter", aliases: ["/gleich/"]),
        ]
        let (files, diagnostics, _) = SampleSite.render(SampleSite.make(postCount: 0, extraPosts: posts))
        #expect(diagnostics.filter { $0.code == "alias-collision" }.count == 1)
        #expect(diagnostics.filter { $0.code == "invalid-alias" }.count == 3)
        #expect(diagnostics.filter { $0.code == "duplicate-alias" }.count == 1)
        #expect(diagnostics.allSatisfy { $0.location.file.hasPrefix("content/beitraege/") && $0.location.line == 5 })
        #expect(diagnostics.allSatisfy { $0.hint != nil })
        // The real Impressum stays; nothing is written outside the site.
        #expect(files["impressum/index.html"]?.text.contains("<h1>Impressum</h1>") == true)
        #expect(!files.keys.contains { $0.contains("..") || $0.contains("etc") })
        let nginx = try #require(files["nginx-redirects.conf"]).text
        #expect(!nginx.contains("return 200"))
        #expect(nginx.contains("location = /gleich/ { return 301 /2024/03/erster/; }"))
    }

    @Test func twoPagesWithTheSameAddressAreReported() throws {
        var site = SampleSite.make(postCount: 0)
        let source = SourceFile(path: "content/seiten/archiv.md", body: "Text", bodyFirstLine: 4)
        site.content.pages.append(Page(source: source, slug: "archiv", title: "Mein Archiv"))
        let (files, diagnostics, _) = SampleSite.render(site)
        let collision = try #require(diagnostics.first { $0.code == "output-collision" })
        #expect(collision.message.contains("/archiv/"))
        #expect(files["archiv/index.html"] != nil)
    }
}

extension SitePagesSitemapRedirectTests {
    @Test func aSlugThatWouldLeaveTheOutputFolderIsReportedNotWritten() throws {
        let posts = [SampleSite.post("Böse", date: "2024-03-05", fields: ["wohnen"], slug: "../../../tmp/x"),
                     SampleSite.post("Gut", date: "2024-03-04", fields: ["wohnen"], slug: "gut")]
        let (files, diagnostics, _) = SampleSite.render(SampleSite.make(postCount: 0, extraPosts: posts))
        let diagnostic = try #require(diagnostics.first { $0.code == "unsafe-slug" })
        #expect(diagnostic.location.file == "content/beitraege/../../../tmp/x.md")
        #expect(diagnostic.hint?.contains("„boese“") == true)
        #expect(!files.keys.contains { $0.contains("..") })
        #expect(files["2024/03/gut/index.html"] != nil)
        #expect(files["index.html"]?.text.contains("tmp/x") == false)
    }
}

extension SitePagesSitemapRedirectTests {
    /// Pages handed over portion by portion (for writing them at once) are the pages of one render,
    /// with the same collisions decided the same way.
    @Test func portionsGiveTheSamePagesAndCollisions() throws {
        // Two posts wanting one address, in different portions, and an alias onto a post.
        let posts = [SampleSite.post("Doppelt", date: "2024-03-05", fields: ["wohnen"], slug: "doppelt"),
                     SampleSite.post("Doppelt auch", date: "2024-03-20", fields: ["bildung"], slug: "doppelt"),
                     SampleSite.post("Mit Alias", date: "2023-01-04", fields: ["arbeit"], aliases: ["/2024/03/doppelt/"])]
        let site = SampleSite.make(postCount: 23, extraPosts: posts)
        let whole = SitePages.render(site: site, theme: SampleSite.theme(), options: SitePages.Options())
        var emitted: [[OutputFile]] = []
        let rest = SitePages.render(site: site, theme: SampleSite.theme(), options: SitePages.Options(), portion: 4) {
            emitted.append($0)
        }
        #expect(emitted.count > 8, "home, posts in portions of 4, lists …")
        #expect(rest.files.map(\.path) == ["robots.txt", "sitemap.xml"])
        let together = (emitted.flatMap { $0 } + rest.files).sorted { $0.path < $1.path }
        #expect(together.map(\.path) == whole.files.map(\.path))
        #expect(together == whole.files)
        #expect(rest.diagnostics == whole.diagnostics)
        #expect(whole.diagnostics.contains { $0.code == "output-collision" })
    }
}
