import Content
import Foundation
@testable import Outputs
import Support
import Testing

@Suite struct SitePagesPostTests {
    func relatedLinks(in html: String) -> [String] {
        html.section(from: "id=\"auch-interessant\"", to: "</aside>").cardLinks
    }

    @Test func relatedPostsShareTheMostHandlungsfelderAndTagsThenNewerThenURL() throws {
        let posts = [
            SampleSite.post("A", date: "2024-01-10", fields: ["gesundheit"], tags: ["Pflege", "Ehrenamt"], slug: "a"),
            SampleSite.post("B", date: "2023-01-01", fields: ["gesundheit"], tags: ["Pflege"], slug: "b"),       // 2
            SampleSite.post("C", date: "2022-01-01", fields: ["gesundheit", "senioren"], tags: ["Pflege", "Ehrenamt"],
                            slug: "c"),                                                                          // 3
            SampleSite.post("D", date: "2024-02-01", fields: ["bildung"], tags: ["Ehrenamt"], slug: "d"),        // 1, newer
            SampleSite.post("E", date: "2024-03-01", fields: ["bildung"], slug: "e"),                            // 0
            SampleSite.post("F", date: "2023-06-01", fields: ["gesundheit"], slug: "f"),                         // 1, older
        ]
        let (files, _, _) = SampleSite.render(SampleSite.make(postCount: 0, extraPosts: posts))
        let a = try #require(files["2024/01/a/index.html"]).text
        #expect(relatedLinks(in: a) == ["/2022/01/c/", "/2023/01/b/", "/2024/02/d/"])
        #expect(a.contains("<h2 id=\"auch-interessant\" class=\"section__title\">Auch interessant</h2>"))
        // E shares nothing with anyone but D (bildung): only D is related.
        let e = try #require(files["2024/03/e/index.html"]).text
        #expect(relatedLinks(in: e) == ["/2024/02/d/"])
    }

    @Test func equalScoreAndDateFallBackToURLOrder() throws {
        let posts = [
            SampleSite.post("Start", date: "2024-05-01", fields: ["wohnen"], slug: "start"),
            SampleSite.post("Zeta", date: "2024-04-01", fields: ["wohnen"], slug: "zeta"),
            SampleSite.post("Alpha", date: "2024-04-01", fields: ["wohnen"], slug: "alpha"),
        ]
        let (files, _, _) = SampleSite.render(SampleSite.make(postCount: 0, extraPosts: posts))
        let start = try #require(files["2024/05/start/index.html"]).text
        #expect(relatedLinks(in: start) == ["/2024/04/alpha/", "/2024/04/zeta/"])
    }

    @Test func aPostWithNothingInCommonHasNoRelatedSection() throws {
        let posts = [
            SampleSite.post("Allein", date: "2024-05-01", fields: ["wohnen"], slug: "allein"),
            SampleSite.post("Anders", date: "2024-04-01", fields: ["arbeit"], slug: "anders"),
        ]
        let (files, _, _) = SampleSite.render(SampleSite.make(postCount: 0, extraPosts: posts))
        let page = try #require(files["2024/05/allein/index.html"]).text
        #expect(!page.contains("Auch interessant"))
    }

    @Test func relatedPostsLookOnlyAtNeighboursInTime() {
        // 200 posts in one Handlungsfeld: the candidates of the newest are its 30 successors only.
        let posts = (0..<200).map { n in
            SampleSite.post("Post \(n)", date: "2020-01-01", fields: ["arbeit"], slug: "p\(1000 + n)")
        }
        let site = SampleSite.make(postCount: 0, extraPosts: posts)
        let index = SitePages.Index(site: site)
        let related = SitePages.RelatedPosts(index: index, limit: 100, window: 30)
        #expect(related.related(to: 0).count == 30)
        #expect(related.related(to: 100).count == 60)
    }

    @Test func postPageShowsDatesAuthorReadingTimeImageAndNeighbours() throws {
        let words = Array(repeating: "Wort", count: 450).joined(separator: " ")
        let posts = [
            SampleSite.post("Älter", date: "2022-04-20", fields: ["senioren"], slug: "aelter"),
            SampleSite.post("Mitte", date: "2022-04-26 09:30", fields: ["senioren", "gesundheit"], tags: ["Pflege", "Ehrenamt"],
                            slug: "mitte", updated: "2022-11-03 14:00", summary: "Worum es geht.",
                            image: "/bilder/beispiel.svg", imageAlt: "Ein Diagramm", author: "Anna Beispiel", body: words),
            SampleSite.post("Neuer", date: "2022-05-02", fields: ["arbeit"], slug: "neuer"),
        ]
        let site = SampleSite.make(postCount: 0, extraPosts: posts)
        let result = SitePages.render(site: site, theme: SampleSite.theme(),
                                      options: SitePages.Options(imageSize: SampleSite.imageSize))
        let page = try #require(result.files.first { $0.path == "2022/04/mitte/index.html" }).text
        #expect(page.contains("Veröffentlicht am <time datetime=\"2022-04-26T09:30:00+02:00\">26. April 2022</time>"))
        #expect(page.contains("Aktualisiert am <time datetime=\"2022-11-03T14:00:00+01:00\">3. November 2022</time>"))
        #expect(page.contains("<span>Text: Anna Beispiel</span>"))
        #expect(page.contains("Lesezeit: 3 Minuten"))
        #expect(page.contains("<img src=\"/bilder/beispiel.svg\" alt=\"Ein Diagramm\" width=\"1200\" height=\"675\">"))
        #expect(page.contains("<a class=\"hf-tag hf-senioren\" href=\"/handlungsfelder/senioren/\"><span aria-hidden=\"true\">SENIOREN schätzen</span><span class=\"visually-hidden\">Senioren schätzen</span></a>"))
        #expect(page.contains("<a class=\"tag\" href=\"/tag/pflege/\">Pflege</a>"))
        #expect(page.contains("<a href=\"/2022/04/aelter/\" rel=\"prev\"><span class=\"post-nav__label\">Vorheriger Beitrag</span> <span class=\"post-nav__title\">Älter</span></a>"))
        #expect(page.contains("<a href=\"/2022/05/neuer/\" rel=\"next\"><span class=\"post-nav__label\">Nächster Beitrag</span>"))
        #expect(page.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://mittelsachsen-sozial.de/bilder/beispiel.svg\">"))
        #expect(page.contains("<meta name=\"description\" content=\"Worum es geht.\">"))
        // The oldest post has no previous one; without an image there is no og:image.
        let oldest = try #require(result.files.first { $0.path == "2022/04/aelter/index.html" }).text
        #expect(!oldest.contains("rel=\"prev\""))
        #expect(!oldest.contains("og:image"))
        #expect(oldest.contains("Lesezeit: 1 Minute"))
    }

    @Test func blogPostingStructuredDataHasTheRequiredFields() throws {
        let posts = [SampleSite.post("Sommer", date: "2022-07-01 08:00", fields: ["wohnen"], slug: "sommer",
                                     updated: "2022-12-24 18:00", image: "/bilder/beispiel.svg", imageAlt: "Bild",
                                     author: "Hochschule Mittweida")]
        let (files, _, _) = SampleSite.render(SampleSite.make(postCount: 0, extraPosts: posts))
        let page = try #require(files["2022/07/sommer/index.html"]).text
        let json = page.section(from: "<script type=\"application/ld+json\">", to: "</script>")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["@type"] as? String == "BlogPosting")
        #expect(object["headline"] as? String == "Sommer")
        #expect(object["datePublished"] as? String == "2022-07-01T08:00:00+02:00")
        #expect(object["dateModified"] as? String == "2022-12-24T18:00:00+01:00")
        #expect(object["inLanguage"] as? String == "de-DE")
        #expect(object["image"] as? String == "https://mittelsachsen-sozial.de/bilder/beispiel.svg")
        #expect((object["author"] as? [String: Any])?["name"] as? String == "Hochschule Mittweida")
        let publisher = try #require(object["publisher"] as? [String: Any])
        #expect(publisher["name"] as? String == "Landratsamt Mittelsachsen")
        #expect((publisher["logo"] as? [String: Any])?["url"] as? String == "https://mittelsachsen-sozial.de/bilder/logo.svg")
        #expect((object["mainEntityOfPage"] as? [String: Any])?["@id"] as? String
                == "https://mittelsachsen-sozial.de/2022/07/sommer/")
        // Only posts carry BlogPosting data.
        #expect(files["index.html"]?.text.contains("application/ld+json") == false)
    }

    @Test func contentPagesAndTheLeichteSprachePage() throws {
        let (files, _, _) = SampleSite.render(SampleSite.make(postCount: 2))
        let easy = try #require(files["leichte-sprache/index.html"]).text
        #expect(easy.contains("<p class=\"easy-language-badge\">"))
        #expect(easy.contains("Leichte Sprache</p>"))
        #expect(easy.contains("<h1>Informationen in Leichter Sprache</h1>"))
        let imprint = try #require(files["impressum/index.html"]).text
        #expect(!imprint.contains("easy-language-badge"))
        #expect(imprint.contains("<title>Impressum – soziales.mittelsachsen.gemeinsam.machen</title>"))
        #expect(imprint.contains("<a href=\"/impressum/\" aria-current=\"page\">Impressum</a>"))
    }

    @Test func notFoundPageIsHelpfulAndNotIndexed() throws {
        let (files, _, _) = SampleSite.render(SampleSite.make(postCount: 4))
        let page = try #require(files["404.html"]).text
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("<a href=\"/\">Startseite</a>"))
        #expect(page.contains("<a href=\"/archiv/\">Archiv</a>"))
        #expect(page.contains("Diese Seite gibt es nicht"))
        #expect(!page.contains("<form"))
    }

    @Test func startPageEntryPointsOnlyWhenTheyExist() throws {
        let site = SampleSite.make(postCount: 3)
        let plain = SampleSite.render(site).files["index.html"]!.text
        #expect(!plain.contains("href=\"/daten/\""))
        #expect(!plain.contains("href=\"/angebote/\""))
        let both = SampleSite.render(site, options: .init(hasDashboard: true, hasServiceDirectory: true)).files["index.html"]!.text
        #expect(both.contains("<a href=\"/daten/\">"))
        #expect(both.contains("<a href=\"/angebote/\">"))
        let dashboardOnly = SampleSite.render(site, options: .init(hasDashboard: true)).files["index.html"]!.text
        #expect(dashboardOnly.contains("<a href=\"/daten/\">"))
        #expect(!dashboardOnly.contains("href=\"/angebote/\""))
        // The eleven Handlungsfelder as cards, each with its plain label for screen readers.
        #expect(plain.components(separatedBy: "<li class=\"hf-card ").count - 1 == 11)
        #expect(plain.contains("<span aria-hidden=\"true\">ARMUT &amp; NOTLAGEN</span><span class=\"visually-hidden\">Armut und Notlagen</span>"))
    }

    @Test func genericPageUsesTheLayoutAndEscapesTheTitle() throws {
        let site = SampleSite.make(postCount: 1)
        let file = SitePages.genericPage(site: site, theme: SampleSite.theme(), url: "/feeds/",
                                         title: "Feeds & <Newsletter>", description: "Alle \"Feeds\".",
                                         bodyHTML: "<ul><li><a href=\"/feed.xml\">RSS</a></li></ul>",
                                         breadcrumbs: [("Feeds", "/feeds/")])
        #expect(file.path == "feeds/index.html")
        let html = file.text
        #expect(html.contains("<title>Feeds &amp; &lt;Newsletter&gt; – soziales.mittelsachsen.gemeinsam.machen</title>"))
        #expect(html.contains("<h1>Feeds &amp; &lt;Newsletter&gt;</h1>"))
        #expect(html.contains("<meta name=\"description\" content=\"Alle &quot;Feeds&quot;.\">"))
        #expect(html.contains("<ul><li><a href=\"/feed.xml\">RSS</a></li></ul>"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://mittelsachsen-sozial.de/feeds/\">"))
        #expect(html.contains("<span aria-current=\"page\">Feeds</span>"))
        #expect(html.contains("<main id=\"inhalt\""))
    }
}
