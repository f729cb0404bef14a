import Content
import Foundation
@testable import Outputs
import Support
import Testing

/// `ChartEmbed.LazyPages` finds the page of a Markdown file through an index; it must answer as
/// the map of every page's slug and URL did, including which entry wins for a path used twice.
@Suite struct ChartEmbedPagesTests {
    static func source(_ path: String) -> SourceFile { SourceFile(path: path, body: "", bodyFirstLine: 1) }

    static let content: SiteContent = {
        let date = BerlinTime.parse("2023-01-31 23:30")!
        let posts = [
            Post(source: source("content/beitraege/a.md"), title: "A", date: date, slug: "beitrag-ä", handlungsfelder: ["arbeit"]),
            Post(source: source("content/beitraege/b.md"), title: "B", date: BerlinTime.parse("2022-12-01")!, slug: "b",
                 handlungsfelder: ["arbeit"]),
            Post(source: source("content/doppelt.md"), title: "D", date: date, slug: "als-beitrag", handlungsfelder: ["arbeit"]),
        ]
        let pages = [Page(source: source("content/seiten/impressum.md"), slug: "impressum", title: "Impressum"),
                     Page(source: source("content/doppelt.md"), slug: "als-seite", title: "Doppelt")]
        let fields = [Handlungsfeld(source: source("content/handlungsfelder/arbeit.md"), slug: "arbeit", title: "ARBEIT",
                                    label: "Arbeit", order: 1, summary: "S")]
        return SiteContent(config: SampleSite.config, posts: posts, pages: pages, handlungsfelder: fields)
    }()

    @Test func postsPagesAndFieldsAreFound() {
        let pages = ChartEmbed.LazyPages(content: Self.content)
        #expect(pages.page(of: "content/beitraege/a.md")?.slug == "beitrag-ä")
        #expect(pages.page(of: "content/beitraege/a.md")?.url == "/2023/01/beitrag-ä/")
        #expect(pages.page(of: "content/beitraege/b.md")?.url == "/2022/12/b/")
        #expect(pages.page(of: "content/seiten/impressum.md")?.url == "/impressum/")
        #expect(pages.page(of: "content/handlungsfelder/arbeit.md")?.url == "/handlungsfelder/arbeit/")
        #expect(pages.page(of: "content/beitraege/fehlt.md") == nil)
        #expect(pages.page(of: "") == nil)
    }

    @Test func aPathUsedTwiceBelongsToTheLaterKind() {
        // Pages were entered after posts, so the page won.
        let pages = ChartEmbed.LazyPages(content: Self.content)
        #expect(pages.page(of: "content/doppelt.md")?.slug == "als-seite")
        #expect(pages.page(of: "content/doppelt.md")?.url == "/als-seite/")
    }
}
