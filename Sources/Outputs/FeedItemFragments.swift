/// Feed items rendered once per post and format, for every feed that contains the post: a post is
/// in the blog's feeds, its Handlungsfelder's and each of its tags' (RSS), and escaping its body
/// again for each of them cost more than everything else in the feeds.
public struct FeedItemFragments: Sendable {
    /// Rendered items by format, then by the item's source path.
    private var byFormat: [FeedFormat: [String: String]]
    /// The channel values an item's text depends on; a channel with others renders its items itself.
    private let publisher: String
    private let language: String

    /// The items of `channels` in the formats they appear in, each once, rendered on all cores.
    public init(channels: [FeedChannel], bodies: FeedBodies) {
        publisher = channels.first?.publisher ?? ""
        language = channels.first?.language ?? ""
        var seen: [FeedFormat: Set<String>] = [:]
        var work: [(format: FeedFormat, item: FeedItem)] = []
        for channel in channels where channel.publisher == publisher && channel.language == language {
            let format = channel.descriptor.format
            for item in channel.items where seen[format, default: []].insert(item.sourcePath).inserted {
                work.append((format, item))
            }
        }
        let (publisher, language) = (publisher, language)
        let texts = work.parallelMap { format, item in
            switch format {
            case .rss: RSSFeed.item(item, publisher: publisher, bodies: bodies)
            case .atom: AtomFeed.entry(item, bodies: bodies)
            case .json: JSONFeed.item(item, publisher: publisher, language: language, bodies: bodies)
            }
        }
        var byFormat: [FeedFormat: [String: String]] = [:]
        for ((format, item), text) in zip(work, texts) { byFormat[format, default: [:]][item.sourcePath] = text }
        self.byFormat = byFormat
    }

    /// The rendered `item` for a feed of `format`; nil when it was not rendered for this channel.
    func fragment(_ format: FeedFormat, of item: FeedItem, in channel: FeedChannel) -> String? {
        guard channel.publisher == publisher, channel.language == language else { return nil }
        return byFormat[format]?[item.sourcePath]
    }
}
