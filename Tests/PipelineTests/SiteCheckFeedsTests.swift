import Content
import Foundation
import Outputs
import Testing
@testable import Pipeline
import Support

/// The feed rules on hand-written feeds: each rule once broken, and a correct feed passing.
@Suite struct SiteCheckFeedsTests {
    static func context(_ files: [OutputFile]) -> SiteCheckContext {
        let config = SiteConfig(baseURL: "https://example.org", title: "Test")
        let page = OutputFile(path: "2022/05/da/index.html", text: "<!doctype html><title>x</title>")
        let input = SiteCheckInput(site: RenderedSite(content: SiteContent(config: config), bodies: [:]),
                                   files: files + [page])
        return SiteCheckContext(input: input, options: SiteCheckOptions(siteDirectory: "/gibt-es-nicht", outputDirectory: "public",
                                                                         now: BerlinTime.parse("2026-01-01")!))
    }

    static func rss(items: String, selfLink: Bool = true) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel>
        <title>Test</title>
        <link>https://example.org/</link>
        <description>Ein Test</description>
        \(selfLink ? "<atom:link href=\"https://example.org/feed.xml\" rel=\"self\" type=\"application/rss+xml\"/>" : "")
        \(items)
        </channel>
        </rss>
        """
    }

    static let goodItem = """
        <item><title>Da</title><link>https://example.org/2022/05/da/</link>
        <guid isPermaLink="false">tag:example.org,2022-05-03:da</guid><pubDate>Tue, 03 May 2022 09:00:00 +0200</pubDate>
        <description>&lt;p&gt;&lt;a href="https://example.org/2022/05/da/"&gt;Text&lt;/a&gt;&lt;/p&gt;</description></item>
        """

    func findings(_ files: [OutputFile]) -> [Diagnostic] { SiteCheckFeeds.check(Self.context(files)) }

    @Test func correctFeedsPass() {
        let atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><id>tag:example.org,2022:feed</id><title>Test</title>
            <updated>2022-05-03T09:00:00+02:00</updated><author><name>Redaktion</name></author>
            <link rel="self" href="https://example.org/atom.xml"/>
            <entry><id>tag:example.org,2022-05-03:da</id><title>Da</title><updated>2022-05-03T09:00:00+02:00</updated>
            <link rel="alternate" href="https://example.org/2022/05/da/"/><content type="html">&lt;p&gt;Text&lt;/p&gt;</content></entry>
            </feed>
            """
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Test", "feed_url": "https://example.org/feed.json",
             "items": [{"id": "1", "url": "https://example.org/2022/05/da/", "date_published": "2022-05-03T09:00:00+02:00",
                        "content_html": "<p>Text</p>"}]}
            """
        let found = findings([OutputFile(path: "feed.xml", text: Self.rss(items: Self.goodItem)),
                              OutputFile(path: "atom.xml", text: atom), OutputFile(path: "feed.json", text: json)])
        #expect(found.isEmpty, "\(found)")
    }

    @Test func malformedXMLIsReportedWithItsLine() throws {
        let found = findings([OutputFile(path: "feed.xml", text: "<rss version=\"2.0\">\n<channel>\n<title>Kaputt</channel></rss>")])
        let problem = try #require(found.first)
        #expect(problem.code == "feed-malformed")
        #expect(problem.location.file == "public/feed.xml")
        #expect(problem.location.line == 3)
    }

    @Test func rssNeedsSelfLinkValidDatesUniqueGuidsAndAbsoluteURLs() {
        let items = """
            <item><title>Falscher Wochentag</title><link>https://example.org/2022/05/da/</link>
            <guid isPermaLink="false">id-1</guid><pubDate>Mon, 03 May 2022 09:00:00 +0200</pubDate></item>
            <item><title>Kein RFC 822</title><link>https://example.org/2022/05/da/</link>
            <guid isPermaLink="false">id-1</guid><pubDate>2022-05-03 09:00</pubDate></item>
            <item><title>Relativ</title><link>/2022/05/da/</link><guid>/2022/05/da/</guid>
            <pubDate>Tue, 03 May 2022 09:00:00 +0200</pubDate>
            <description>&lt;img src="/bilder/x.png" alt="x"&gt;</description></item>
            <item><title>Fehlt</title><link>https://example.org/2022/05/weg/</link><guid isPermaLink="false">id-3</guid>
            <pubDate>Tue, 03 May 2022 09:00:00 +0200</pubDate></item>
            """
        let found = findings([OutputFile(path: "feed.xml", text: Self.rss(items: items, selfLink: false))])
        let codes = found.map(\.code)
        #expect(codes.contains("feed-missing-self-link"))
        #expect(found.filter { $0.code == "feed-invalid-date" }.count == 2)
        #expect(found.contains { $0.code == "feed-duplicate-id" && $0.message.contains("id-1") })
        #expect(found.contains { $0.code == "feed-relative-url" && $0.message.contains("„/2022/05/da/“") })
        #expect(found.contains { $0.code == "feed-relative-url" && $0.message.contains("/bilder/x.png") })
        #expect(found.contains { $0.code == "feed-broken-link" && $0.message.contains("/2022/05/weg/") })
        #expect(found.allSatisfy { $0.severity == .error && $0.stage == "Feeds" })
    }

    @Test func sameProblemInSeveralFeedsIsOneFinding() {
        let items = """
            <item><title>Ohne Datum</title><link>https://example.org/2022/05/da/</link><guid isPermaLink="false">x</guid></item>
            """
        let found = findings([OutputFile(path: "feed.xml", text: Self.rss(items: items)),
                              OutputFile(path: "tag/a/feed.xml", text: Self.rss(items: items))])
        #expect(found.count == 1)
        #expect(found.first?.message.contains("in 2 Feeds") == true)
    }

    @Test func atomAndJSONFeedRules() {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><id>tag:example.org,2022:feed</id><title>Test</title>
            <updated>3. Mai 2022</updated>
            <entry><id>ohne-doppelpunkt</id><title>Eins</title><updated>2022-05-03T09:00:00+02:00</updated>
            <link href="/relativ/"/></entry>
            </feed>
            """
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Test",
             "items": [{"id": "1", "url": "https://example.org/2022/05/da/", "date_published": "2022-05-03"},
                       {"id": "1", "url": "https://example.org/2022/05/da/", "content_text": "x"}]}
            """
        let found = findings([OutputFile(path: "atom.xml", text: atom), OutputFile(path: "feed.json", text: json)])
        let atomCodes = found.filter { $0.message.hasSuffix("(in /atom.xml)") }.map(\.code)
        #expect(atomCodes.contains("feed-invalid-date"))
        #expect(atomCodes.contains("feed-missing-self-link"))
        #expect(atomCodes.contains("feed-relative-url"))
        #expect(found.contains { $0.message.contains("ohne-doppelpunkt") })
        #expect(found.contains { $0.message.contains("<author>") })
        let jsonCodes = found.filter { $0.message.hasSuffix("(in /feed.json)") }.map(\.code)
        #expect(Set(jsonCodes) == ["feed-missing-self-link", "feed-invalid-date", "feed-duplicate-id", "feed-missing-element"])
        #expect(findings([OutputFile(path: "feed.json", text: "{kein json")]).first?.code == "feed-malformed")
    }

    @Test(arguments: [
        ("Tue, 03 May 2022 09:00:00 +0200", true), ("03 May 2022 09:00 GMT", true), ("Sun, 31 Dec 2023 23:59:59 +0100", true),
        ("Mon, 03 May 2022 09:00:00 +0200", false), ("Tue, 3 Mai 2022 09:00:00 +0200", false),
        ("Tue, 03 May 22 09:00:00 +0200", false), ("Tue, 31 Feb 2022 09:00:00 +0200", false),
        ("Tue, 03 May 2022 25:00:00 +0200", false), ("2022-05-03T09:00:00+02:00", false),
    ])
    func rfc822(text: String, valid: Bool) {
        #expect(SiteCheckFeeds.isRFC822(text) == valid, "\(text)")
    }

    @Test(arguments: [
        ("2022-05-03T09:00:00+02:00", true), ("2022-05-03T07:00:00Z", true), ("2022-05-03T07:00:00.123Z", true),
        ("2022-05-03 09:00:00+02:00", false), ("2022-05-03T09:00:00", false), ("2022-13-03T09:00:00Z", false),
        ("2022-05-03T09:00:00+0200", false),
    ])
    func rfc3339(text: String, valid: Bool) {
        #expect(SiteCheckFeeds.isRFC3339(text) == valid, "\(text)")
    }
}
