import Content
import Foundation
@testable import Outputs
import Support
import Testing

/// `RelatedPosts` picks candidates from sorted windows and scores them by shared bits, with the
/// rare groups (beyond the 127 largest) sharing one bit and counted one by one: here it must pick
/// exactly what the rule says, computed the plain way (a set of candidates, every score counted,
/// all sorted).
struct SitePagesRelatedTests {
    /// `count` posts with pseudo-random Handlungsfelder and tags from a pool of more than 64 tags
    /// (so group bits collide), several on the same day (so ties go to the URL).
    func site(count: Int, tagPool: Int) -> RenderedSite {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let fields = ["arbeit", "inklusion", "integration", "bildung", "gesundheit", "aufwachsen", "mobilitaet",
                      "senioren", "wohnen", "miteinander", "armut-notlagen"]
        let posts = (0..<count).map { n -> (Post, String) in
            let day = 1 + next(28), month = 1 + next(12)
            let date = String(format: "2023-%02d-%02d", month, day)
            let postFields = (0..<(1 + next(3))).map { _ in fields[next(fields.count)] }
            let tags = (0..<next(6)).map { _ in "Schlagwort \(next(tagPool))" }
            return SampleSite.post("Beitrag \(n)", date: date, fields: postFields, tags: tags, slug: "b\(next(1_000_000))-\(n)")
        }
        return SampleSite.make(postCount: 0, extraPosts: posts)
    }

    /// The rule written out: candidates are the `window` neighbours in each group of the post.
    func reference(_ index: SitePages.Index, _ i: Int, limit: Int, window: Int) -> [Int] {
        let own = Set(index.memberships[i].map(\.group))
        var candidates = Set<Int>()
        for membership in index.memberships[i] {
            let list = index.posts(in: membership.group)
            let lower = max(0, membership.position - window), upper = min(list.count, membership.position + window + 1)
            for j in list[lower..<upper] where j != i { candidates.insert(j) }
        }
        let scored = candidates.map { j in (j, index.memberships[j].filter { own.contains($0.group) }.count) }
        return scored.sorted { a, b in
            if a.1 != b.1 { return a.1 > b.1 }
            if index.posts[a.0].date != index.posts[b.0].date { return index.posts[a.0].date > index.posts[b.0].date }
            return index.posts[a.0].url < index.posts[b.0].url
        }.prefix(limit).map(\.0)
    }

    // Pools of 120 to 500 tags: some or many posts share rare groups (more than 127 groups in all).
    @Test(arguments: [(3, 30, 120), (3, 5, 20), (1, 30, 200), (10, 12, 90), (0, 30, 40), (3, 30, 500), (5, 60, 70)])
    func sameChoiceAsTheRuleWrittenOut(limit: Int, window: Int, tagPool: Int) {
        let index = SitePages.Index(site: site(count: 600, tagPool: tagPool))
        let related = SitePages.RelatedPosts(index: index, limit: limit, window: window)
        var differences = 0
        for i in index.posts.indices where related.related(to: i) != reference(index, i, limit: limit, window: window) {
            differences += 1
        }
        #expect(differences == 0)
    }

    @Test func urlsAndLastChangesMatchThePosts() {
        let index = SitePages.Index(site: site(count: 50, tagPool: 10))
        #expect(index.urls == index.posts.map(\.url))
        #expect(index.lastChanges == index.posts.map { max($0.date, $0.updated ?? $0.date) })
    }
}
