import Testing
import Content
import Support
@testable import Outputs

/// The categories as `FeedCatalog.item` made them before `ItemContext`: the reference.
private func referenceCategories(_ post: Post, site: RenderedSite) -> [FeedItem.Category] {
    let config = site.config
    var categories: [FeedItem.Category] = []
    for slug in post.handlungsfelder {
        let label = site.content.handlungsfelder.first(where: { $0.slug == slug })?.label ?? slug
        categories.append(.init(term: slug, label: label, url: config.absoluteURL("/handlungsfelder/\(slug)/"),
                                scheme: config.absoluteURL("/handlungsfelder/")))
    }
    var seenTags: Set<String> = []
    for name in post.tags {
        let slug = Slug.make(name)
        guard !slug.isEmpty, seenTags.insert(slug).inserted else { continue }
        categories.append(.init(term: slug, label: name, url: config.absoluteURL("/tag/\(slug)/"),
                                scheme: config.absoluteURL("/tag/")))
    }
    return categories
}

private func bytes(_ categories: [FeedItem.Category]) -> [[UInt8]] {
    categories.map { Array(($0.term + "|" + $0.label + "|" + $0.url + "|" + $0.scheme).utf8) }
}

// Items built with categories shared by all items (`FeedCatalog.ItemContext`, as `Feeds.channels`
// builds them) must be the items built post by post.

@Test func itemsWithASharedContextAreTheItemsBuiltOneByOne() {
    var posts = examplePosts()
    // Spellings sharing a slug, a tag without a slug, a tag twice, a Handlungsfeld the site lacks.
    // Also a name spelled composed and decomposed (equal strings, other bytes).
    posts[0].tags = ["Pflege", "pflege", "!!!", "Ehrenamt", "Pflege", "Älter werden", "Caf\u{E9}"]
    posts[2].tags = ["Cafe\u{301}"]
    posts[1].handlungsfelder += ["gibt-es-nicht", posts[1].handlungsfelder[0]]
    posts[1].tags = []
    let site = makeSite(posts)
    let sizes = FeedImageSizes(sizes: [:])
    // Slugs known before (as `Feeds.channels` has them) and none known: both give the same items.
    for context in [FeedCatalog.ItemContext(site: site, tagSlugs: ["Pflege": "pflege", "!!!": "", "Ehrenamt": "ehrenamt",
                                                                   "Caf\u{E9}": "cafe"]),
                    FeedCatalog.ItemContext(site: site)] {
        for post in site.content.posts {
            let shared = FeedCatalog.item(post, id: FeedIDs.id(of: post, config: site.config), site: site,
                                          imageSizes: sizes, context: context)
            let single = FeedCatalog.item(post, site: site, imageSizes: sizes)
            #expect(shared == single, "\(post.source.path)")
            // `==` on strings does not see composed and decomposed spellings apart; the bytes do.
            #expect(bytes(shared.categories) == bytes(referenceCategories(post, site: site)), "\(post.source.path)")
            #expect(bytes(single.categories) == bytes(referenceCategories(post, site: site)), "\(post.source.path)")
            #expect(shared.id == FeedIDs.id(of: post, config: site.config))
        }
    }
    let tagged = site.content.posts.first { $0.source.path == posts[0].source.path }!
    let first = FeedCatalog.item(tagged, site: site, imageSizes: sizes)
    #expect(first.categories.filter { $0.scheme.hasSuffix("/tag/") }.map(\.term) == ["pflege", "ehrenamt", "aelter-werden", "cafe"])
    #expect(first.categories.first { $0.term == "pflege" }?.label == "Pflege")
}
