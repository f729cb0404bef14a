import Content
import Foundation
@testable import Outputs
import Support
import Testing

@Suite struct SitePagesURLTests {
    @Test func everyPageKindIsWrittenAtItsURL() throws {
        let site = SampleSite.make(postCount: 23)
        let (files, diagnostics, _) = SampleSite.render(site)
        // The fixture has one bad alias ("/?p=123"); nothing else may be reported.
        #expect(diagnostics.map(\.code) == ["invalid-alias"])
        let expected = [
            "index.html", "page/2/index.html", "page/3/index.html",
            "handlungsfelder/index.html", "handlungsfelder/gesundheit/index.html",
            "handlungsfelder/armut-notlagen/index.html",
            "tag/index.html", "tag/pflege/index.html", "tag/laendlicher-raum/index.html",
            "tag/aerztliche-versorgung/index.html",
            "archiv/index.html", "2022/index.html", "2023/index.html", "2024/index.html",
            "impressum/index.html", "datenschutz/index.html", "barrierefreiheit/index.html",
            "ueber-das-projekt/index.html", "leichte-sprache/index.html",
            "404.html", "sitemap.xml", "robots.txt", ".htaccess", "nginx-redirects.conf",
            "2022/04/alter-name/index.html",
        ]
        for path in expected { #expect(files[path] != nil, "\(path) fehlt") }
        for post in site.content.posts {
            #expect(files[OutputFile.indexPath(forURL: post.url)] != nil, "\(post.url)")
        }
        // Eleven Handlungsfeld pages plus the overview.
        #expect(files.keys.filter { $0.hasPrefix("handlungsfelder/") && $0.hasSuffix("/index.html") }.count == 12)
    }

    @Test func homePaginationHasNoFirstPageDuplicateAndLinksPreviousAndNext() throws {
        let (files, _, _) = SampleSite.render(SampleSite.make(postCount: 23))
        #expect(files["page/1/index.html"] == nil)
        #expect(files["page/4/index.html"] == nil)
        let first = try #require(files["index.html"]).text
        let second = try #require(files["page/2/index.html"]).text
        let third = try #require(files["page/3/index.html"]).text
        #expect(first.section(from: "id=\"neueste-beitraege\"", to: "class=\"pagination\"").cardLinks.count == 10)
        #expect(second.cardLinks.count == 10)
        #expect(third.cardLinks.count == 3)
        #expect(first.contains("Seite 1 von 3"))
        #expect(second.contains("Seite 2 von 3"))
        #expect(!first.contains("rel=\"prev\""))
        #expect(first.contains("<a href=\"/page/2/\" rel=\"next\">"))
        #expect(second.contains("<a href=\"/\" rel=\"prev\">"))
        #expect(second.contains("<a href=\"/page/3/\" rel=\"next\">"))
        #expect(third.contains("<a href=\"/page/2/\" rel=\"prev\">"))
        #expect(!third.contains("rel=\"next\""))
        #expect(second.contains("<nav class=\"pagination\" aria-label=\"Seitennavigation\">"))
        #expect(second.contains("<title>Seite 2 von 3 – soziales.mittelsachsen.gemeinsam.machen</title>"))
        // All 23 posts appear exactly once across the three pages, newest first.
        let shown = first.section(from: "id=\"neueste-beitraege\"", to: "class=\"pagination\"").cardLinks
            + second.cardLinks + third.cardLinks
        #expect(shown == SampleSite.make(postCount: 23).content.posts.map(\.url))
    }

    @Test func handlungsfeldAndTagListsArePaginated() throws {
        var posts: [(Post, String)] = []
        for n in 1...7 {
            posts.append(SampleSite.post("Gesundheit \(n)", date: "2023-03-\(10 + n)", fields: ["gesundheit"],
                                         tags: ["Pflege"]))
        }
        let site = SampleSite.make(postCount: 0, extraPosts: posts, itemsPerPage: 3)
        let (files, _, _) = SampleSite.render(site)
        for base in ["handlungsfelder/gesundheit/", "tag/pflege/"] {
            #expect(files[base + "index.html"]?.text.cardLinks.count == 3)
            #expect(files[base + "page/2/index.html"]?.text.cardLinks.count == 3)
            #expect(files[base + "page/3/index.html"]?.text.cardLinks.count == 1)
            #expect(files[base + "page/1/index.html"] == nil)
            #expect(files[base + "page/4/index.html"] == nil)
            let second = try #require(files[base + "page/2/index.html"]).text
            #expect(second.contains("href=\"/\(base)\" rel=\"prev\""))
            #expect(second.contains("href=\"/\(base)page/3/\" rel=\"next\""))
        }
        // An empty Handlungsfeld still has its page, with a German note instead of posts.
        let empty = try #require(files["handlungsfelder/wohnen/index.html"]).text
        #expect(empty.contains("Zu diesem Handlungsfeld gibt es noch keine Beiträge."))
        #expect(!empty.contains("class=\"pagination\""))
    }

    @Test func paginationShowsNeighboursAndCollapsesTheRest() {
        let context = SitePages.Pagination.context(base: "/", current: 6, total: 12) as? [String: Any]
        let numbers = (context?["numbers"] as? [[String: Any]] ?? []).map { item -> String in
            (item["gap"] as? Bool) == true ? "…" : "\(item["number"] as? Int ?? 0)"
        }
        #expect(numbers == ["1", "…", "5", "6", "7", "…", "12"])
        #expect(SitePages.Pagination.context(base: "/", current: 1, total: 1) as? Bool == false)
        #expect(SitePages.Pagination.pages(count: 0, perPage: 10).count == 1)
        #expect(SitePages.Pagination.pages(count: 20, perPage: 10).count == 2)
        #expect(SitePages.Pagination.pages(count: 21, perPage: 10).count == 3)
    }

    @Test func archiveListsYearsWithCountsAndMonths() throws {
        let posts = [
            SampleSite.post("Januar", date: "2023-01-15", fields: ["arbeit"]),
            SampleSite.post("März eins", date: "2023-03-02", fields: ["arbeit"]),
            SampleSite.post("März zwei", date: "2023-03-20", fields: ["arbeit"]),
            SampleSite.post("Dezember", date: "2022-12-10", fields: ["arbeit"]),
            // 23:30 UTC on 31 December is already New Year in Berlin: the post belongs to 2023.
            SampleSite.post("Silvester", date: "2022-12-31T23:30:00Z", fields: ["arbeit"]),
        ]
        let (files, _, _) = SampleSite.render(SampleSite.make(postCount: 0, extraPosts: posts))
        let archive = try #require(files["archiv/index.html"]).text
        #expect(archive.contains("<a href=\"/2023/\">2023</a> <span class=\"archive-year__count\">4 Beiträge</span>"))
        #expect(archive.contains("<a href=\"/2022/\">2022</a> <span class=\"archive-year__count\">1 Beitrag</span>"))
        #expect(archive.contains("<a href=\"/2023/#monat-03\">März</a> <span class=\"archive-months__count\">(2 Beiträge)</span>"))
        let year = try #require(files["2023/index.html"]).text
        #expect(year.contains("<h2 id=\"monat-03\" class=\"archive-month__title\">März 2023</h2>"))
        #expect(year.contains("<h2 id=\"monat-01\" class=\"archive-month__title\">Januar 2023</h2>"))
        // Newest month first.
        let march = try #require(year.range(of: "März 2023")), january = try #require(year.range(of: "Januar 2023"))
        #expect(march.lowerBound < january.lowerBound)
        #expect(year.contains("href=\"/2022/\" rel=\"prev\""))
        #expect(year.contains("<a href=\"/2023/01/silvester/\">Silvester</a>"))
        #expect(files["2022/index.html"]?.text.contains("Silvester") == false)
    }
}
