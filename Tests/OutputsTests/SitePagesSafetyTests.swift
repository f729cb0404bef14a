import Content
import Foundation
@testable import Outputs
import Support
import Testing

/// Escaping, determinism and "no other origin": what keeps the site safe and GDPR-clean.
@Suite struct SitePagesSafetyTests {
    static let hostile = "<script>alert(\"x\")</script> & 'Zitat' \"Anführung\""

    func hostileSite() -> RenderedSite {
        let posts = [
            SampleSite.post(Self.hostile, date: "2024-02-01", fields: ["gesundheit"], tags: ["<b>Fett</b> & Co"],
                            slug: "boese", summary: "Zusammenfassung mit </script> und \"Quotes\" & mehr",
                            image: "/bilder/bild mit leerzeichen.svg", imageAlt: "Alt \"mit\" <Zeichen>",
                            author: "O'Brien & <Partner>"),
            SampleSite.post("Nachbar", date: "2024-01-01", fields: ["gesundheit"], tags: ["<b>Fett</b> & Co"], slug: "nachbar"),
        ]
        return SampleSite.make(postCount: 0, extraPosts: posts)
    }

    @Test func hostileTitlesAreEscapedInTextAttributesAndJSONLD() throws {
        let (files, _, _) = SampleSite.render(hostileSite())
        let page = try #require(files["2024/02/boese/index.html"]).text
        let escapedTitle = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Zitat&#39; &quot;Anführung&quot;"
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("<h1 class=\"post__title\">\(escapedTitle)</h1>"))
        #expect(page.contains("<title>\(escapedTitle) – soziales.mittelsachsen.gemeinsam.machen</title>"))
        #expect(page.contains("<meta property=\"og:title\" content=\"\(escapedTitle)\">"))
        #expect(page.contains("content=\"Zusammenfassung mit &lt;/script&gt; und &quot;Quotes&quot; &amp; mehr\""))
        #expect(page.contains("alt=\"Alt &quot;mit&quot; &lt;Zeichen&gt;\""))
        #expect(page.contains("<span>Text: O&#39;Brien &amp; &lt;Partner&gt;</span>"))
        #expect(page.contains("src=\"/bilder/bild%20mit%20leerzeichen.svg\""))
        #expect(page.contains(">&lt;b&gt;Fett&lt;/b&gt; &amp; Co</a>"))
        // JSON-LD: exactly one </script> closes it; the title is there as a JSON string with \u003c.
        let json = page.section(from: "<script type=\"application/ld+json\">", to: "</script>")
        #expect(!json.contains("<") && !json.contains(">"))
        #expect(json.contains("\"headline\":\"\\u003cscript\\u003ealert(\\\"x\\\")\\u003c/script\\u003e \\u0026 'Zitat' \\\"Anführung\\\"\""))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["headline"] as? String == Self.hostile)
        #expect((object["author"] as? [String: Any])?["name"] as? String == "O'Brien & <Partner>")
        // In the neighbour's related cards, navigation and the tag page the title is escaped as well.
        let neighbour = try #require(files["2024/01/nachbar/index.html"]).text
        #expect(!neighbour.contains("<script>alert"))
        #expect(neighbour.contains(escapedTitle))
        let tagPage = try #require(files["tag/b-fett-b-co/index.html"]).text
        #expect(tagPage.contains("<h1>&lt;b&gt;Fett&lt;/b&gt; &amp; Co</h1>"))
        #expect(!tagPage.contains("<script>alert"))
    }

    @Test func outputIsIdenticalAcrossTwoRenders() {
        let site = SampleSite.make(postCount: 23)
        let theme = SampleSite.theme()
        let options = SitePages.Options(hasDashboard: true, imageSize: SampleSite.imageSize)
        let first = SitePages.render(site: site, theme: theme, options: options)
        let second = SitePages.render(site: site, theme: theme, options: options)
        #expect(first.files == second.files)
        #expect(first.diagnostics == second.diagnostics)
        #expect(first.files.map(\.path) == first.files.map(\.path).sorted())
        // Input order does not matter either.
        var shuffled = site
        shuffled.content.posts.reverse()
        shuffled.content.pages.reverse()
        shuffled.content.handlungsfelder.reverse()
        #expect(SitePages.render(site: shuffled, theme: theme, options: options).files == first.files)
    }

    @Test func noPageLoadsAnythingFromAnotherOrigin() throws {
        let site = SampleSite.make(postCount: 23)
        let (_, _, files) = SampleSite.render(site, options: .init(hasDashboard: true, hasServiceDirectory: true))
        let base = site.config.baseURL
        // Outbound links written by editors are fine: they are links, not loads.
        let contentLinks = Set(site.bodies.values.flatMap(\.links).filter(\.isExternal).map(\.url))
        var checked = 0
        for file in files where file.path.hasSuffix(".html") {
            for value in file.attributeValues("src") + file.attributeValues("srcset") {
                #expect(value.hasPrefix("/") && !value.hasPrefix("//"), "\(file.path): src \(value)")
                checked += 1
            }
            for value in file.attributeValues("href") {
                let lower = value.lowercased()
                if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") {
                    #expect(value.hasPrefix(base + "/") || contentLinks.contains(value), "\(file.path): href \(value)")
                }
                checked += 1
            }
            #expect(!file.text.contains("<script src"), "\(file.path)")
            #expect(!file.text.contains("<iframe"), "\(file.path)")
            // Meta values other than canonical/og point to the site itself.
            for value in file.attributeValues("content") where value.hasPrefix("http") {
                #expect(value.hasPrefix(base + "/"), "\(file.path): content \(value)")
            }
        }
        #expect(checked > 1000)
        // The stylesheet loads only the site's own fonts; data: URLs are inline.
        let css = try String(contentsOfFile: SampleSite.repositoryRoot + "/themes/standard/assets/css/site.css", encoding: .utf8)
        #expect(!css.contains("@import"))
        for match in css.matches(of: try Regex("url\\(\"?([^\")]*)")) {
            let url = String(match.output[1].substring ?? "")
            #expect(url.hasPrefix("../fonts/") || url.hasPrefix("data:"), "\(url)")
        }
    }

    @Test func everyHTMLPageHasTheSharedLayoutParts() throws {
        let (_, _, files) = SampleSite.render(SampleSite.make(postCount: 12))
        let pages = files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count > 40)
        for file in pages {
            let html = file.text
            #expect(html.hasPrefix("<!doctype html>\n<html lang=\"de\">"), "\(file.path)")
            #expect(html.contains("<a class=\"skip-link\" href=\"#inhalt\">Zum Inhalt springen</a>"), "\(file.path)")
            #expect(html.contains("<main id=\"inhalt\" tabindex=\"-1\">"), "\(file.path)")
            #expect(html.contains("<nav class=\"main-nav\" aria-label=\"Hauptmenü\">"), "\(file.path)")
            #expect(html.contains("<meta name=\"description\" content=\""), "\(file.path)")
            #expect(html.contains("<link rel=\"canonical\" href=\"https://mittelsachsen-sozial.de/"), "\(file.path)")
            #expect(html.contains("<meta property=\"og:locale\" content=\"de_DE\">"), "\(file.path)")
            #expect(html.contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"), "\(file.path)")
            for feed in ["/feed.xml", "/atom.xml", "/feed.json"] {
                #expect(html.contains("rel=\"alternate\" type=\"application/") && html.contains("href=\"\(feed)\">"),
                        "\(file.path) \(feed)")
            }
            #expect(html.contains("<address>"), "\(file.path)")
            #expect(html.contains("</footer>\n</body>\n</html>"), "\(file.path)")
            #expect(html.components(separatedBy: "<h1").count == 2, "\(file.path): genau eine h1")
        }
    }

    @Test func listPagesAnnounceTheirOwnFeedsAndMarkTheMenu() throws {
        let (files, _, _) = SampleSite.render(SampleSite.make(postCount: 12))
        let field = try #require(files["handlungsfelder/gesundheit/index.html"]).text
        #expect(field.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"soziales.mittelsachsen.gemeinsam.machen – Gesundheit rundum (RSS)\" href=\"/handlungsfelder/gesundheit/feed.xml\">"))
        #expect(field.contains("<title>Gesundheit rundum – soziales.mittelsachsen.gemeinsam.machen</title>"))
        #expect(field.contains("<a href=\"/handlungsfelder/\" class=\"is-section\">Handlungsfelder</a>"))
        #expect(field.contains("<span aria-hidden=\"true\">GESUNDHEIT rundum</span><span class=\"visually-hidden\">Gesundheit rundum</span>"))
        let tag = try #require(files["tag/pflege/index.html"]).text
        #expect(tag.contains("href=\"/tag/pflege/feed.xml\">"))
        #expect(!tag.contains("/handlungsfelder/gesundheit/feed.xml"))
        let archive = try #require(files["archiv/index.html"]).text
        #expect(archive.contains("<a href=\"/archiv/\" aria-current=\"page\">Archiv</a>"))
        #expect(!archive.contains("<a href=\"/\" aria-current=\"page\">Start</a>"))
        #expect(files["index.html"]?.text.contains("<a href=\"/\" aria-current=\"page\">Start</a>") == true)
    }
}
