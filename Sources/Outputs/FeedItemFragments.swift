/// Feed items rendered once per post and format, for every feed that contains the post: a post is
/// in the blog's feeds, its Handlungsfelder's and each of its tags' (RSS), and escaping its body
/// again for each of them cost more than everything else in the feeds.
public struct FeedItemFragments: Sendable {
    /// Rendered items (their bytes) by format, then by the item's source path.
    private var byFormat: [FeedFormat: [String: [UInt8]]]
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
        // Over indices: `parallelMap` would copy each item (every string of it) through its value witness.
        let jobs = work
        let texts = Array(jobs.indices).parallelMap { index -> [UInt8] in
            let (format, item) = (jobs[index].format, jobs[index].item)
            var x: [UInt8] = []
            // Room for the body with its escapes and the item's other lines: growing the buffer
            // step by step copied each body several times.
            let body = bodies.withHTML(forSourcePath: item.sourcePath) { $0.count }
            x.reserveCapacity(body + body / 4 + 2048)
            switch format {
            case .rss: RSSFeed.item(item, publisher: publisher, bodies: bodies, into: &x)
            case .atom: AtomFeed.entry(item, bodies: bodies, into: &x)
            case .json: JSONFeed.item(item, publisher: publisher, language: language, bodies: bodies, into: &x)
            }
            return x
        }
        var byFormat: [FeedFormat: [String: [UInt8]]] = [:]
        for ((format, item), text) in zip(work, texts) { byFormat[format, default: [:]][item.sourcePath] = text }
        self.byFormat = byFormat
    }

    /// The rendered `item` for a feed of `format`; nil when it was not rendered for this channel.
    func fragment(_ format: FeedFormat, of item: FeedItem, in channel: FeedChannel) -> [UInt8]? {
        guard channel.publisher == publisher, channel.language == language else { return nil }
        return byFormat[format]?[item.sourcePath]
    }

    /// Appends the items of `channel`, `separator` between them: from `fragments` where they are
    /// in it, else rendered by `render`. Reserves room for all of them first (a feed of the blog
    /// holds whole posts).
    static func appendItems(of channel: FeedChannel, format: FeedFormat, fragments: FeedItemFragments?,
                            separator: StaticString = "", into x: inout [UInt8],
                            render: (FeedItem, inout [UInt8]) -> Void) {
        let known = channel.items.map { fragments?.fragment(format, of: $0, in: channel) }
        x.reserveCapacity(x.count + known.reduce(0) { $0 + ($1?.count ?? 4096) + separator.utf8CodeUnitCount } + 32)
        for (index, item) in channel.items.enumerated() {
            if index > 0 { x.append(static: separator) }
            if let bytes = known[index] { x.append(contentsOf: bytes) } else { render(item, &x) }
        }
    }
}
