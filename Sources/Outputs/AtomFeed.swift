/// Atom 1.0 (RFC 4287): same items and ids as the RSS feed, RFC 3339 dates with offset.
public enum AtomFeed {
    /// - Parameter fragments: entries rendered once for every feed (see `FeedItemFragments`).
    public static func render(_ channel: FeedChannel, bodies: FeedBodies, fragments: FeedItemFragments? = nil) -> String {
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XMLText.escape(channel.language))\">\n"
        x += element("id", channel.selfURL)
        x += "<title type=\"text\">\(XMLText.escape(channel.title))</title>\n"
        x += "<subtitle type=\"text\">\(XMLText.escape(channel.description))</subtitle>\n"
        // Atom requires `updated`; a site without any post falls back to a fixed date, never the clock.
        x += element("updated", RFCDate.rfc3339(channel.updated ?? .init(timeIntervalSince1970: 0)))
        x += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(channel.selfURL))\"/>\n"
        x += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(channel.homeURL))\"/>\n"
        x += "<author><name>\(XMLText.escape(channel.publisher))</name></author>\n"
        x += element("generator", "SozialSite")
        let entries = channel.items.map { item in
            fragments?.fragment(.atom, of: item, in: channel) ?? entry(item, bodies: bodies)
        }
        x.reserveCapacity(x.utf8.count + entries.reduce(0) { $0 + $1.utf8.count } + 16)
        for entry in entries { x += entry }
        x += "</feed>\n"
        return x
    }

    /// One `<entry>` with its closing tag and newline; the same in every Atom feed.
    static func entry(_ item: FeedItem, bodies: FeedBodies) -> String {
        var x = "<entry>\n"
        x += element("id", item.id)
        x += "<title type=\"text\">\(XMLText.escape(item.title))</title>\n"
        x += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(item.url))\"/>\n"
        if let image = item.image, let length = image.length {
            x += "<link rel=\"enclosure\" type=\"\(XMLText.escape(image.mediaType))\" length=\"\(length)\" href=\"\(XMLText.escape(image.url))\"/>\n"
        }
        x += element("published", RFCDate.rfc3339(item.published))
        x += element("updated", RFCDate.rfc3339(item.updated))
        if let author = item.author {
            x += "<author><name>\(XMLText.escape(author))</name></author>\n"
        }
        for category in item.categories {
            x += "<category term=\"\(XMLText.escape(category.term))\" scheme=\"\(XMLText.escape(category.scheme))\" label=\"\(XMLText.escape(category.label))\"/>\n"
        }
        x += "<summary type=\"text\">\(XMLText.escape(item.summary))</summary>\n"
        x += "<content type=\"html\">\(XMLText.escape(bodies.html(forSourcePath: item.sourcePath)))</content>\n"
        x += "</entry>\n"
        return x
    }

    private static func element(_ name: String, _ text: String) -> String {
        "<\(name)>\(XMLText.escape(text))</\(name)>\n"
    }
}
