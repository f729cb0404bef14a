import Support

/// RSS 2.0 with the namespaces readers and mail tools expect: `atom:link rel="self"`,
/// `content:encoded` (full post) after `description` (summary), `dc:creator`, `media:content`.
public enum RSSFeed {
    /// - Parameter fragments: items rendered once for every feed (see `FeedItemFragments`); items
    ///   not in it are rendered here.
    public static func render(_ channel: FeedChannel, bodies: FeedBodies, fragments: FeedItemFragments? = nil) -> String {
        String(decoding: renderBytes(channel, bodies: bodies, fragments: fragments), as: UTF8.self)
    }

    /// `render` as the bytes of the file.
    static func renderBytes(_ channel: FeedChannel, bodies: FeedBodies, fragments: FeedItemFragments?) -> [UInt8] {
        var x: [UInt8] = []
        x.append(static: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        x.append(static: "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\">\n")
        x.append(static: "<channel>\n")
        FeedBytes.appendElement("title", channel.title, into: &x)
        FeedBytes.appendElement("link", channel.homeURL, into: &x)
        FeedBytes.appendElement("description", channel.description, into: &x)
        FeedBytes.appendElement("language", channel.language, into: &x)
        x.append(static: "<atom:link href=\"")
        FeedBytes.appendXML(channel.selfURL, to: &x)
        x.append(static: "\" rel=\"self\" type=\"application/rss+xml\"/>\n")
        if let updated = channel.updated {
            FeedBytes.appendElement("pubDate", RFCDate.rfc822(updated), into: &x)
            FeedBytes.appendElement("lastBuildDate", RFCDate.rfc822(updated), into: &x)
        }
        FeedBytes.appendElement("generator", "SozialSite", into: &x)
        FeedBytes.appendElement("ttl", "60", into: &x)
        FeedItemFragments.appendItems(of: channel, format: .rss, fragments: fragments, into: &x) { item, out in
            self.item(item, publisher: channel.publisher, bodies: bodies, into: &out)
        }
        x.append(static: "</channel>\n</rss>\n")
        return x
    }

    /// One `<item>` with its closing tag and newline; the same in every RSS feed with this publisher.
    static func item(_ item: FeedItem, publisher: String, bodies: FeedBodies) -> String {
        var x: [UInt8] = []
        self.item(item, publisher: publisher, bodies: bodies, into: &x)
        return String(decoding: x, as: UTF8.self)
    }

    /// `item` appended to `x`.
    static func item(_ item: FeedItem, publisher: String, bodies: FeedBodies, into x: inout [UInt8]) {
        x.append(static: "<item>\n")
        FeedBytes.appendElement("title", item.title, into: &x)
        FeedBytes.appendElement("link", item.url, into: &x)
        x.append(static: "<guid isPermaLink=\"false\">")
        FeedBytes.appendXML(item.id, to: &x)
        x.append(static: "</guid>\n")
        FeedBytes.appendElement("pubDate", RFCDate.rfc822(item.published), into: &x)
        FeedBytes.appendElement("dc:creator", item.author ?? publisher, into: &x)
        for category in item.categories {
            x.append(static: "<category domain=\"")
            FeedBytes.appendXML(category.url, to: &x)
            x.append(static: "\">")
            FeedBytes.appendXML(category.label, to: &x)
            x.append(static: "</category>\n")
        }
        // `description` is HTML to readers: plain text is HTML-escaped first, so a „<“ in a
        // summary stays a character instead of starting a tag.
        FeedBytes.appendElement("description", Escape.html(item.summary), into: &x)
        x.append(static: "<content:encoded>")
        bodies.withHTML(forSourcePath: item.sourcePath) { FeedBytes.appendCDATA($0, to: &x) }
        x.append(static: "</content:encoded>\n")
        if let image = item.image {
            if let length = image.length {
                x.append(static: "<enclosure url=\"")
                FeedBytes.appendXML(image.url, to: &x)
                x.append(static: "\" length=\"")
                x.appendUTF8(String(length))
                x.append(static: "\" type=\"")
                FeedBytes.appendXML(image.mediaType, to: &x)
                x.append(static: "\"/>\n")
            }
            x.append(static: "<media:content url=\"")
            FeedBytes.appendXML(image.url, to: &x)
            x.append(static: "\" medium=\"image\" type=\"")
            FeedBytes.appendXML(image.mediaType, to: &x)
            x.append(static: "\"")
            if let length = image.length {
                x.append(static: " fileSize=\"")
                x.appendUTF8(String(length))
                x.append(static: "\"")
            }
            if image.alt.isEmpty {
                x.append(static: "/>\n")
            } else {
                x.append(static: "><media:description type=\"plain\">")
                FeedBytes.appendXML(image.alt, to: &x)
                x.append(static: "</media:description></media:content>\n")
            }
        }
        x.append(static: "</item>\n")
    }
}
