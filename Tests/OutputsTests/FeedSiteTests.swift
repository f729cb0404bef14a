import Foundation
import Testing
import Content
import Support
@testable import Outputs

// Which feeds exist, how many items, deterministic bytes, WordPress address, feeds page.

@Test func feedDateIsTheNewestItemNotTheBuildTime() {
    let output = files(exampleSite())
    let reader = XMLReader.read(output["feed.xml"]!)
    // Newest post: 2022-05-31T23:15:00Z = 1 June 2022, 01:15 in Berlin.
    #expect(reader.texts("lastBuildDate") == ["Wed, 01 Jun 2022 01:15:00 +0200"])
    #expect(reader.texts("pubDate").first == "Wed, 01 Jun 2022 01:15:00 +0200")
    let atom = XMLReader.read(output["atom.xml"]!)
    #expect(atom.all("updated").first(where: { $0.path.last == "feed" })?.text == "2022-06-01T01:15:00+02:00")
    // A Handlungsfeld feed has its own newest item.
    let senioren = XMLReader.read(output["handlungsfelder/senioren/feed.xml"]!)
    #expect(senioren.texts("lastBuildDate") == ["Tue, 10 May 2022 09:00:00 +0200"])
}

@Test func updatedPostMovesTheFeedDate() {
    var posts = examplePosts()
    posts[0].updated = BerlinTime.parse("2022-08-01 10:00")
    let atom = XMLReader.read(files(makeSite(posts))["atom.xml"]!)
    #expect(atom.all("updated").first(where: { $0.path.last == "feed" })?.text == "2022-08-01T10:00:00+02:00")
    // RSS keeps the first publication date on the item: readers must not see it as new.
    let rss = XMLReader.read(files(makeSite(posts))["feed.xml"]!)
    #expect(rss.texts("pubDate").contains("Tue, 26 Apr 2022 09:00:00 +0200"))
}

@Test func unchangedSiteGivesByteIdenticalFeeds() {
    let first = Feeds.render(site: fullSite())
    let second = Feeds.render(site: fullSite())
    #expect(first == second)
    // Post order in the input does not matter either.
    var shuffled = fullSite()
    shuffled.content.posts.reverse()
    #expect(Feeds.render(site: shuffled) == first)
}

@Test func itemCountIsConfigurable() {
    var many: [Post] = []
    for day in 1...28 {
        many.append(makePost("content/beitraege/2022/p\(day).md", title: "Beitrag \(day)",
                             date: String(format: "2022-02-%02d 10:00", day), handlungsfelder: ["bildung"]))
    }
    let standard = XMLReader.read(files(makeSite(many))["feed.xml"]!)
    #expect(standard.all("item").count == 20)
    #expect(standard.all("title").filter { $0.path.last == "item" }.first?.text == "Beitrag 28")
    let three = XMLReader.read(files(makeSite(many, config: makeConfig(items: 3)))["handlungsfelder/bildung/atom.xml"]!)
    #expect(three.all("entry").count == 3)
}

@Test func feedsExistForTheBlogEveryHandlungsfeldAndEveryTag() {
    let output = files(exampleSite())
    for path in ["feed.xml", "atom.xml", "feed.json", "feed/index.xml"] { #expect(output[path] != nil, "\(path)") }
    for field in handlungsfelder {
        for name in ["feed.xml", "atom.xml", "feed.json"] {
            #expect(output["handlungsfelder/\(field.slug)/\(name)"] != nil, "\(field.slug)/\(name)")
        }
    }
    for tag in ["sozialbericht", "daten", "pflege", "ehrenamt", "wohnen"] {
        #expect(output["tag/\(tag)/feed.xml"] != nil, "tag \(tag)")
    }
    let wohnen = XMLReader.read(output["handlungsfelder/armut-notlagen/feed.xml"]!)
    #expect(wohnen.all("title").filter { $0.path.last == "item" }.map(\.text) == ["Kosten der Unterkunft", "Armut & Notlagen im Landkreis"])
    #expect(wohnen.texts("title").first == "soziales.mittelsachsen.gemeinsam.machen – Armut und Notlagen")
    let empty = XMLReader.read(output["handlungsfelder/arbeit/feed.xml"]!)
    #expect(empty.error == nil && empty.all("item").isEmpty)
    #expect(empty.texts("lastBuildDate") == ["Wed, 01 Jun 2022 01:15:00 +0200"])
}

@Test func wordpressAddressKeepsWorking() {
    let site = exampleSite()
    let output = files(site)
    let wordpress = XMLReader.read(output["feed/index.xml"]!)
    let main = XMLReader.read(output["feed.xml"]!)
    #expect(wordpress.texts("guid") == main.texts("guid"))
    #expect(wordpress.all("atom:link").first?.attributes["href"] == baseURL + "/feed/")
    let redirects = FeedRedirects.redirects(site: site)
    #expect(redirects.contains(FeedRedirect(from: "/feed/", to: "/feed.xml")))
    #expect(redirects.contains(FeedRedirect(from: "/feed/atom/", to: "/atom.xml")))
    #expect(redirects.contains(FeedRedirect(from: "/tag/pflege/feed/", to: "/tag/pflege/feed.xml")))
    // Every redirect target is a file the build writes.
    for redirect in redirects { #expect(output[String(redirect.to.dropFirst())] != nil, "\(redirect.to)") }
    #expect(FeedRedirects.apacheLines().contains("RedirectMatch 301 ^/feed/?$ /feed.xml"))
    #expect(FeedRedirects.nginxLines().contains("location ~ ^/feed/?$ { return 301 /feed.xml; }"))
}

@Test func apacheRedirectPatternsMatchOnlyWordPressAddresses() throws {
    // The patterns as Apache sees them, applied with an independent regex engine.
    let patterns = FeedRedirects.apacheLines().filter { $0.hasPrefix("RedirectMatch") }.map {
        String($0.split(separator: " ")[2])
    }
    func redirected(_ path: String) throws -> Bool {
        try patterns.contains { try Regex($0).wholeMatch(in: path) != nil }
    }
    for path in ["/feed/", "/feed", "/feed/rss2/", "/feed/atom/", "/tag/pflege/feed/"] { #expect(try redirected(path), "\(path)") }
    for path in ["/feed.xml", "/feed/index.xml", "/tag/pflege/feed.xml", "/feeds/", "/2022/05/feed/"] {
        #expect(try !redirected(path), "\(path)")
    }
}

@Test func autodiscoveryOnTermPagesNamesTheirOwnFeedFirst() {
    let site = exampleSite()
    let alternates = FeedCatalog.alternates(forPage: "/tag/pflege/", site: site)
    #expect(alternates.first?.path == "/tag/pflege/feed.xml")
    #expect(alternates.dropFirst().map(\.path) == ["/feed.xml", "/atom.xml", "/feed.json"])
    let home = FeedCatalog.autodiscoveryHTML(forPage: "/", site: site)
    #expect(home.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"soziales.mittelsachsen.gemeinsam.machen (RSS)\" href=\"https://mittelsachsen-sozial.de/feed.xml\">"))
    #expect(home.contains("type=\"application/feed+json\""))
}

@Test func feedsPageExplainsAndListsEveryFeed() {
    let site = exampleSite()
    let body = FeedsPage.bodyHTML(site: site)
    #expect(body.contains("Feedreader"))
    #expect(body.contains("<h2 id=\"so-abonnieren-sie\">"))
    for descriptor in FeedCatalog.descriptors(site: site) {
        #expect(body.contains("href=\"\(descriptor.path)\""), "\(descriptor.path) missing on the feeds page")
    }
    #expect(body.contains(baseURL + "/feed/"))
    #expect(!body.contains("<h1"))
    #expect(FeedsPage.url == "/feeds/")
}
