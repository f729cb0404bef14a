import Foundation
@testable import Outputs
import Support
import Testing

/// `Index` takes tag slugs from `Post.tagSlugs` (made by the loader) instead of slugging each
/// tag again: the groups and `tags(of:)` must be what slugging the names gives.
struct SitePagesIndexTagTests {
    /// The rule as first written: slug every name, drop empty and repeated slugs, keep the order.
    func expectedTags(_ names: [String]) -> [(slug: String, name: String)] {
        var seen = Set<String>()
        return names.compactMap { name in
            let slug = Slug.make(name)
            guard !slug.isEmpty, seen.insert(slug).inserted else { return nil }
            return (slug, name)
        }
    }

    @Test func tagsOfAPostAreTheSluggedNamesWithoutRepeatsOrEmptySlugs() {
        let tricky = [
            ["Pflege", "pflege", "PFLEGE ", "Ehrenamt"],
            ["Über 60", "Ueber 60", "ueber-60", "Straße", "Strasse"],
            ["!!!", "&<>\"'", "", "😀", "Tom & Jerry", "tom-jerry"],
            [],
            [String(repeating: "Sehr langes Schlagwort ", count: 40), "Ä", "ä", "a"],
        ]
        let posts = tricky.enumerated().map { n, tags in
            SampleSite.post("Beitrag \(n)", date: "2022-04-2\(n)", fields: ["arbeit"], tags: tags, slug: "b\(n)")
        }
        let site = SampleSite.make(postCount: 0, extraPosts: posts)
        let index = SitePages.Index(site: site)
        var expectedGroups: [String: Set<Int>] = [:]
        for (i, post) in index.posts.enumerated() {
            let tags = index.tags(of: post)
            let expected = expectedTags(post.tags)
            #expect(tags.map(\.slug) == expected.map(\.slug))
            #expect(tags.map(\.name) == expected.map(\.name))
            for tag in expected { expectedGroups[tag.slug, default: []].insert(i) }
        }
        #expect(Set(index.tagSlugs) == Set(expectedGroups.keys))
        for (slug, members) in expectedGroups {
            #expect(Set(index.posts(in: .tag(slug))) == members, "Schlagwort \(slug)")
        }
        // Characters only: no address, reported once per such tag.
        #expect(index.diagnostics.filter { $0.code == "empty-tag" }.count == 4)
    }
}
