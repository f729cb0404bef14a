/// Atom 1.0 (RFC 4287): same items and ids as the RSS feed, RFC 3339 dates with offset.
public enum AtomFeed {
    /// - Parameter fragments: entries rendered once for every feed (see `FeedItemFragments`).
    public static func render(_ channel: FeedChannel, bodies: FeedBodies, fragments: FeedItemFragments? = nil) -> String {
        String(decoding: renderBytes(channel, bodies: bodies, fragments: fragments), as: UTF8.self)
    }

    /// `render` as the bytes of the file.
    static func renderBytes(_ channel: FeedChannel, bodies: FeedBodies, fragments: FeedItemFragments?) -> [UInt8] {
        var x: [UInt8] = []
        x.append(static: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        x.append(static: "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
        FeedBytes.appendXML(channel.language, to: &x)
        x.append(static: "\">\n")
        FeedBytes.appendElement("id", channel.selfURL, into: &x)
        x.append(static: "<title type=\"text\">")
        FeedBytes.appendXML(channel.title, to: &x)
        x.append(static: "</title>\n<subtitle type=\"text\">")
        FeedBytes.appendXML(channel.description, to: &x)
        x.append(static: "</subtitle>\n")
        // Atom requires `updated`; a site without any post falls back to a fixed date, never the clock.
        FeedBytes.appendElement("updated", RFCDate.rfc3339(channel.updated ?? .init(timeIntervalSince1970: 0)), into: &x)
        x.append(static: "<link rel=\"self\" type=\"application/atom+xml\" href=\"")
        FeedBytes.appendXML(channel.selfURL, to: &x)
        x.append(static: "\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"")
        FeedBytes.appendXML(channel.homeURL, to: &x)
        x.append(static: "\"/>\n<author><name>")
        FeedBytes.appendXML(channel.publisher, to: &x)
        x.append(static: "</name></author>\n")
        FeedBytes.appendElement("generator", "SozialSite", into: &x)
        FeedItemFragments.appendItems(of: channel, format: .atom, fragments: fragments, into: &x) { item, out in
            entry(item, bodies: bodies, into: &out)
        }
        x.append(static: "</feed>\n")
        return x
    }

    /// One `<entry>` with its closing tag and newline; the same in every Atom feed.
    static func entry(_ item: FeedItem, bodies: FeedBodies) -> String {
        var x: [UInt8] = []
        entry(item, bodies: bodies, into: &x)
        return String(decoding: x, as: UTF8.self)
    }

    /// `entry` appended to `x`.
    static func entry(_ item: FeedItem, bodies: FeedBodies, into x: inout [UInt8]) {
        x.append(static: "<entry>\n")
        FeedBytes.appendElement("id", item.id, into: &x)
        x.append(static: "<title type=\"text\">")
        FeedBytes.appendXML(item.title, to: &x)
        x.append(static: "</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"")
        FeedBytes.appendXML(item.url, to: &x)
        x.append(static: "\"/>\n")
        if let image = item.image, let length = image.length {
            x.append(static: "<link rel=\"enclosure\" type=\"")
            FeedBytes.appendXML(image.mediaType, to: &x)
            x.append(static: "\" length=\"")
            x.appendUTF8(String(length))
            x.append(static: "\" href=\"")
            FeedBytes.appendXML(image.url, to: &x)
            x.append(static: "\"/>\n")
        }
        FeedBytes.appendElement("published", RFCDate.rfc3339(item.published), into: &x)
        FeedBytes.appendElement("updated", RFCDate.rfc3339(item.updated), into: &x)
        if let author = item.author {
            x.append(static: "<author><name>")
            FeedBytes.appendXML(author, to: &x)
            x.append(static: "</name></author>\n")
        }
        for category in item.categories {
            x.append(static: "<category term=\"")
            FeedBytes.appendXML(category.term, to: &x)
            x.append(static: "\" scheme=\"")
            FeedBytes.appendXML(category.scheme, to: &x)
            x.append(static: "\" label=\"")
            FeedBytes.appendXML(category.label, to: &x)
            x.append(static: "\"/>\n")
        }
        x.append(static: "<summary type=\"text\">")
        FeedBytes.appendXML(item.summary, to: &x)
        x.append(static: "</summary>\n<content type=\"html\">")
        bodies.withHTML(forSourcePath: item.sourcePath) { FeedBytes.appendXML($0, to: &x) }
        x.append(static: "</content>\n</entry>\n")
    }
}
