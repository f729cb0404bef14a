import Testing
import Content
@testable import Outputs

// Items built with categories shared by all items (`FeedCatalog.ItemContext`, as `Feeds.channels`
// builds them) must be the items built post by post.

@Test func itemsWithASharedContextAreTheItemsBuiltOneByOne() {
    var posts = examplePosts()
    // Spellings sharing a slug, a tag without a slug, a tag twice, a Handlungsfeld the site lacks.
    posts[0].tags = ["Pflege", "pflege", "!!!", "Ehrenamt", "Pflege", "Älter werden"]
    posts[1].handlungsfelder += ["gibt-es-nicht", posts[1].handlungsfelder[0]]
    posts[1].tags = []
    let site = makeSite(posts)
    let sizes = FeedImageSizes(sizes: [:])
    // Slugs known before (as `Feeds.channels` has them) and none known: both give the same items.
    for context in [FeedCatalog.ItemContext(site: site, tagSlugs: ["Pflege": "pflege", "!!!": "", "Ehrenamt": "ehrenamt"]),
                    FeedCatalog.ItemContext(site: site)] {
        for post in site.content.posts {
            let shared = FeedCatalog.item(post, id: FeedIDs.id(of: post, config: site.config), site: site,
                                          imageSizes: sizes, context: context)
            #expect(shared == FeedCatalog.item(post, site: site, imageSizes: sizes), "\(post.source.path)")
        }
    }
    let tagged = site.content.posts.first { $0.source.path == posts[0].source.path }!
    let first = FeedCatalog.item(tagged, site: site, imageSizes: sizes)
    #expect(first.categories.filter { $0.scheme.hasSuffix("/tag/") }.map(\.term) == ["pflege", "ehrenamt", "aelter-werden"])
    #expect(first.categories.first { $0.term == "pflege" }?.label == "Pflege")
}
