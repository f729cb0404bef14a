import Content
import Foundation
import Testing
@testable import Outputs
import Support

/// Which posts `Feeds.channels` puts in which feed, against the rule written out plainly: each
/// feed holds the newest `feeds.items` posts of its scope (ties by id), whatever else those posts
/// belong to.
@Suite struct FeedChannelMembershipTests {
    static func expected(site: RenderedSite, limit: Int) -> [FeedScope: [String]] {
        let config = site.config
        let posts = site.content.posts.sorted {
            $0.date != $1.date ? $0.date > $1.date : FeedIDs.id(of: $0, config: config) < FeedIDs.id(of: $1, config: config)
        }
        var result: [FeedScope: [String]] = [:]
        for post in posts {
            var scopes: Set<FeedScope> = [.site]
            for slug in post.handlungsfelder { scopes.insert(.handlungsfeld(slug: slug)) }
            for name in post.tags where !Slug.make(name).isEmpty { scopes.insert(.tag(slug: Slug.make(name))) }
            for scope in scopes where result[scope, default: []].count < limit {
                result[scope, default: []].append(FeedIDs.id(of: post, config: config))
            }
        }
        return result
    }

    @Test(arguments: [1, 2, 3, 20])
    func feedsHoldTheNewestPostsOfTheirScope(limit: Int) {
        // Many posts on the same day (ties), repeated tags and fields, tags without a slug, tags
        // that only a few old posts have, and names written differently with the same slug.
        let tagPool = ["Pflege", "pflege", "Ehrenamt", "Ältere", "Aeltere", "!!!", "Selten", "Wohnen", "Bus"]
        let fieldPool = ["arbeit", "inklusion", "wohnen", "senioren"]
        var posts: [Post] = []
        for i in 0..<60 {
            let day = 1 + (i * 7) % 13
            let tags = (0..<(i % 4)).map { tagPool[(i * 5 + $0 * 3) % (i < 50 ? tagPool.count - 3 : tagPool.count)] }
                + (i % 9 == 0 ? ["Pflege", "Pflege"] : [])
            let fields = (0...(i % 3)).map { fieldPool[(i + $0 * 2) % fieldPool.count] } + (i % 5 == 0 ? ["arbeit"] : [])
            posts.append(makePost("content/beitraege/2022/p\(i).md", title: "Beitrag \(i)",
                                  date: String(format: "2022-03-%02d 10:00", day), tags: tags, handlungsfelder: fields))
        }
        let site = makeSite(posts, config: makeConfig(items: limit))
        let expected = Self.expected(site: site, limit: limit)
        let channels = Feeds.channels(site: site)
        #expect(!channels.isEmpty)
        for channel in channels {
            #expect(channel.items.map(\.id) == expected[channel.descriptor.scope] ?? [],
                    "\(channel.descriptor.scope) \(channel.descriptor.format)")
        }
        // Every scope with posts has its feeds.
        let scopes = Set(channels.map(\.descriptor.scope))
        #expect(Set(expected.keys).isSubset(of: scopes))
    }
}
