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
        // Items by position (channel, item), never copied: a copy retains and releases every
        // string of an item.
        var work: [(format: FeedFormat, channel: Int, item: Int)] = []
        for c in channels.indices where channels[c].publisher == publisher && channels[c].language == language {
            let format = channels[c].descriptor.format
            for i in channels[c].items.indices where seen[format, default: []].insert(channels[c].items[i].sourcePath).inserted {
                work.append((format, c, i))
            }
        }
        let (publisher, language) = (publisher, language)
        let jobs = work
        let texts = channels.withUnsafeBufferPointer { buffer in
            // Read in place through a pointer (a buffer's or an array's `[i]` copies the element).
            // Safe to share: `channels` is not changed while the workers read it, and the buffer
            // lives until `parallelMap` has returned.
            nonisolated(unsafe) let channels = buffer.baseAddress
            // Over indices: `parallelMap` would copy each item (every string of it) through its value witness.
            return Array(jobs.indices).parallelMap { index -> [UInt8] in
                let job = jobs[index]
                return channels![job.channel].items.withUnsafeBufferPointer { items in
                    Self.render(items.baseAddress![job.item], format: job.format, publisher: publisher,
                                language: language, bodies: bodies)
                }
            }
        }
        var byFormat: [FeedFormat: [String: [UInt8]]] = [:]
        for (job, text) in zip(work, texts) {
            byFormat[job.format, default: [:]][channels[job.channel].items[job.item].sourcePath] = text
        }
        self.byFormat = byFormat
    }

    /// One item in `format`.
    private static func render(_ item: borrowing FeedItem, format: FeedFormat, publisher: String, language: String,
                               bodies: FeedBodies) -> [UInt8] {
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

    /// The rendered `item` for a feed of `format`; nil when it was not rendered for this channel.
    func fragment(_ format: FeedFormat, of item: FeedItem, in channel: FeedChannel) -> [UInt8]? {
        fragment(format, sourcePath: item.sourcePath, in: channel)
    }

    /// The rendered item of the post at `sourcePath` for a feed of `format`, if rendered for this channel.
    func fragment(_ format: FeedFormat, sourcePath: String, in channel: FeedChannel) -> [UInt8]? {
        guard channel.publisher == publisher, channel.language == language else { return nil }
        return byFormat[format]?[sourcePath]
    }

    /// Appends the items of `channel`, `separator` between them: from `fragments` where they are
    /// in it, else rendered by `render`. Reserves room for all of them first (a feed of the blog
    /// holds whole posts).
    static func appendItems(of channel: FeedChannel, format: FeedFormat, fragments: FeedItemFragments?,
                            separator: StaticString = "", into x: inout [UInt8],
                            render: (FeedItem, inout [UInt8]) -> Void) {
        channel.items.withUnsafeBufferPointer { buffer in
            // Read in place through a pointer: iterating, mapping or `[i]` copies each item (a
            // retain and release of every string of it).
            guard let items = buffer.baseAddress else { return }
            let count = buffer.count
            var known: [[UInt8]?] = []
            known.reserveCapacity(count)
            for index in 0..<count { known.append(fragments?.fragment(format, sourcePath: items[index].sourcePath, in: channel)) }
            x.reserveCapacity(x.count + known.reduce(0) { $0 + ($1?.count ?? 4096) + separator.utf8CodeUnitCount } + 32)
            for index in 0..<count {
                if index > 0 { x.append(static: separator) }
                if let bytes = known[index] { x.append(contentsOf: bytes) } else { render(items[index], &x) }
            }
        }
    }
}
