import Support

/// RSS 2.0 with the namespaces readers and mail tools expect: `atom:link rel="self"`,
/// `content:encoded` (full post) after `description` (summary), `dc:creator`, `media:content`.
public enum RSSFeed {
    /// - Parameter fragments: items rendered once for every feed (see `FeedItemFragments`); items
    ///   not in it are rendered here.
    public static func render(_ channel: FeedChannel, bodies: FeedBodies, fragments: FeedItemFragments? = nil) -> String {
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\">\n"
        x += "<channel>\n"
        x += element("title", channel.title)
        x += element("link", channel.homeURL)
        x += element("description", channel.description)
        x += element("language", channel.language)
        x += "<atom:link href=\"\(XMLText.escape(channel.selfURL))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        if let updated = channel.updated {
            x += element("pubDate", RFCDate.rfc822(updated))
            x += element("lastBuildDate", RFCDate.rfc822(updated))
        }
        x += element("generator", "SozialSite")
        x += element("ttl", "60")
        let items = channel.items.map { item in
            fragments?.fragment(.rss, of: item, in: channel) ?? self.item(item, publisher: channel.publisher, bodies: bodies)
        }
        x.reserveCapacity(x.utf8.count + items.reduce(0) { $0 + $1.utf8.count } + 32)
        for item in items { x += item }
        x += "</channel>\n</rss>\n"
        return x
    }

    /// One `<item>` with its closing tag and newline; the same in every RSS feed with this publisher.
    static func item(_ item: FeedItem, publisher: String, bodies: FeedBodies) -> String {
        var x = "<item>\n"
        x += element("title", item.title)
        x += element("link", item.url)
        x += "<guid isPermaLink=\"false\">\(XMLText.escape(item.id))</guid>\n"
        x += element("pubDate", RFCDate.rfc822(item.published))
        x += element("dc:creator", item.author ?? publisher)
        for category in item.categories {
            x += "<category domain=\"\(XMLText.escape(category.url))\">\(XMLText.escape(category.label))</category>\n"
        }
        // `description` is HTML to readers: plain text is HTML-escaped first, so a „<“ in a
        // summary stays a character instead of starting a tag.
        x += element("description", Escape.html(item.summary))
        x += "<content:encoded>\(bodies.cdata(forSourcePath: item.sourcePath))</content:encoded>\n"
        if let image = item.image {
            if let length = image.length {
                x += "<enclosure url=\"\(XMLText.escape(image.url))\" length=\"\(length)\" type=\"\(XMLText.escape(image.mediaType))\"/>\n"
            }
            x += "<media:content url=\"\(XMLText.escape(image.url))\" medium=\"image\" type=\"\(XMLText.escape(image.mediaType))\""
            if let length = image.length { x += " fileSize=\"\(length)\"" }
            if image.alt.isEmpty {
                x += "/>\n"
            } else {
                x += "><media:description type=\"plain\">\(XMLText.escape(image.alt))</media:description></media:content>\n"
            }
        }
        x += "</item>\n"
        return x
    }

    private static func element(_ name: String, _ text: String) -> String {
        "<\(name)>\(XMLText.escape(text))</\(name)>\n"
    }
}
