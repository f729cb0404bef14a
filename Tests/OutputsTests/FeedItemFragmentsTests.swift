import Foundation
import Testing
import Content
import Support
@testable import Outputs

// Items rendered once per post and format must give the same feeds as rendering every channel's
// items itself; a channel whose publisher differs renders its items itself.

@Test func sharedItemFragmentsGiveTheSameFeedsAsRenderingEachChannel() {
    let site = fullSite()
    let channels = Feeds.channels(site: site)
    let bodies = FeedBodies.render(site.content.posts, config: site.config)
    let fragments = FeedItemFragments(channels: channels, bodies: bodies)
    #expect(channels.contains { $0.descriptor.format == .rss && $0.items.count > 1 })
    #expect(channels.contains { $0.descriptor.format == .json && $0.items.count > 1 })
    for channel in channels {
        let shared = Feeds.render(channel, bodies: bodies, fragments: fragments)
        let own = Feeds.render(channel, bodies: bodies)
        #expect(shared == own, "\(channel.descriptor.path)")
    }
    // A post in several feeds of one format has one fragment, the same text in each.
    let rss = channels.filter { $0.descriptor.format == .rss }
    let item = rss[0].items[0]
    let holders = rss.filter { $0.items.contains { $0.sourcePath == item.sourcePath } }
    #expect(holders.count > 1)
    let texts = Set(holders.compactMap { fragments.fragment(.rss, of: item, in: $0).map { String(decoding: $0, as: UTF8.self) } })
    #expect(texts.count == 1)
    #expect(texts.first?.hasPrefix("<item>\n") == true && texts.first?.hasSuffix("</item>\n") == true)
}

@Test func channelWithAnotherPublisherRendersItsItemsItself() {
    let site = exampleSite()
    let channels = Feeds.channels(site: site)
    let bodies = FeedBodies.render(site.content.posts, config: site.config)
    let fragments = FeedItemFragments(channels: channels, bodies: bodies)
    var other = channels.first { $0.descriptor.format == .rss && $0.items.contains { $0.author == nil } }!
    other.publisher = "Andere Redaktion"
    let item = other.items.first { $0.author == nil }!
    #expect(fragments.fragment(.rss, of: item, in: other) == nil)
    let text = Feeds.render(other, bodies: bodies, fragments: fragments)
    #expect(text.contains("<dc:creator>Andere Redaktion</dc:creator>"))
    #expect(text == Feeds.render(other, bodies: bodies))
}

@Test func emptyAndSingleItemJSONFeedsKeepTheirShape() {
    let site = exampleSite()
    let bodies = FeedBodies.render(site.content.posts, config: site.config)
    var channel = Feeds.channels(site: site).first { $0.descriptor.format == .json }!
    channel.items = Array(channel.items.prefix(1))
    let one = Feeds.render(channel, bodies: bodies, fragments: FeedItemFragments(channels: [channel], bodies: bodies))
    #expect(one.hasSuffix("    }\n  ]\n}\n"))
    #expect((try? JSONSerialization.jsonObject(with: Data(one.utf8))) != nil)
    channel.items = []
    let none = Feeds.render(channel, bodies: bodies, fragments: FeedItemFragments(channels: [channel], bodies: bodies))
    #expect(none.hasSuffix("  \"items\": []\n}\n"))
    #expect((try? JSONSerialization.jsonObject(with: Data(none.utf8))) != nil)
}
