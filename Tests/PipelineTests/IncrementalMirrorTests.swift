import Content
import Foundation
import Testing
@testable import Outputs
@testable import Pipeline
import Support

/// The dependency graph mirrors how `SitePages` orders, groups and relates posts. If Outputs
/// changes those rules, these tests fail and point at `PostOrder`.
struct IncrementalMirrorTests {
    /// 300 posts over three years, some on the same day, with overlapping Handlungsfelder and tags
    /// (some spelled differently) so that groups are longer than the related-posts window.
    static func site() -> RenderedSite {
        let fields = ["arbeit", "bildung", "gesundheit", "wohnen"]
        let tags = ["Ehrenamt", "Pflege", "Familie", "ehrenamt", "Wohnen im Alter", "Kita", "Sport"]
        let start = BerlinTime.parse("2022-01-01 08:00")!
        var posts: [Post] = []
        for i in 0..<300 {
            let date = start.addingTimeInterval(Double((i * 7919) % 900) * 86_400 / 1.0 + Double(i % 3) * 3600)
            let path = "content/beitraege/p\(i).md"
            posts.append(Post(source: SourceFile(path: path, body: "", bodyFirstLine: 1),
                              title: "Beitrag \(i)", date: date,
                              tags: (0..<(i % 4)).map { tags[(i * 3 + $0 * 5) % tags.count] }, slug: "beitrag-\(i)",
                              handlungsfelder: (0...(i % 2)).map { fields[(i + $0 * 2) % fields.count] }))
        }
        let known = fields.enumerated().map { order, slug in
            Handlungsfeld(source: SourceFile(path: "content/handlungsfelder/\(slug).md", body: "", bodyFirstLine: 1),
                          slug: slug, title: slug.uppercased(), label: slug.capitalized, order: order + 1, summary: "")
        }
        return RenderedSite(content: SiteContent(config: SiteConfig(), posts: posts, handlungsfelder: known), bodies: [:])
    }

    static func order(_ site: RenderedSite) -> PostOrder {
        let (summary, _) = SiteSummary.make(site: site, global: 0, previewNow: nil) { _ in nil }
        return PostOrder(posts: summary.posts)
    }

    @Test func ordersAndGroupsLikeThePages() {
        let site = Self.site()
        let index = SitePages.Index(site: site)
        let order = Self.order(site)
        #expect(order.posts.map(\.path) == index.posts.map(\.source.path))
        for (group, members) in index.postsByGroup {
            let mirrored: PostOrder.Group
            switch group {
            case .handlungsfeld(let slug): mirrored = .field(slug)
            case .tag(let slug): mirrored = .tag(slug)
            }
            #expect(order.members(of: mirrored).map { order.posts[$0].path } == members.map { index.posts[$0].source.path },
                    "\(group)")
        }
        #expect(order.groups.count == index.postsByGroup.count)
    }

    @Test func relatedPostsLikeThePages() {
        let site = Self.site()
        let index = SitePages.Index(site: site)
        let related = SitePages.RelatedPosts(index: index)
        let order = Self.order(site)
        #expect(PostOrder.relatedWindow == related.window && PostOrder.relatedLimit == related.limit)
        var differing: [String] = []
        for i in index.posts.indices {
            let pages = related.related(to: i).map { index.posts[$0].source.path }
            let mirror = order.related(to: order.index[index.posts[i].source.path]!)
            if pages != mirror { differing.append(index.posts[i].source.path) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test func shownTagNamesLikePagesAndFeeds() {
        let site = Self.site()
        let index = SitePages.Index(site: site)
        let order = Self.order(site)
        let names = DependencyGraph.shownNames(order, Set(index.tagSlugs))
        let feedNames = Dictionary(FeedCatalog.tags(site: site).map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
        for slug in index.tagSlugs {
            #expect(names[slug]?.page == index.tagNames[slug], "\(slug)")
            #expect(names[slug]?.feed == feedNames[slug], "\(slug)")
        }
    }

    @Test func newsletterPathsAreTheFilesItWrites() throws {
        let site = Self.site()
        let edition = try #require(Newsletter.editions(site: site).first)
        #expect(Newsletter.outputPaths(of: edition).sorted()
                == Newsletter.render(edition: edition, site: site).map(\.path).sorted())
    }
}
