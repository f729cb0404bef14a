/// JSON Feed 1.1: same items and ids as RSS and Atom. Written by hand so keys keep a fixed order
/// and the bytes stay identical from build to build.
public enum JSONFeed {
    /// - Parameter fragments: items rendered once for every feed (see `FeedItemFragments`).
    public static func render(_ channel: FeedChannel, bodies: FeedBodies, fragments: FeedItemFragments? = nil) -> String {
        String(decoding: renderBytes(channel, bodies: bodies, fragments: fragments), as: UTF8.self)
    }

    /// `render` as the bytes of the file.
    static func renderBytes(_ channel: FeedChannel, bodies: FeedBodies, fragments: FeedItemFragments?) -> [UInt8] {
        var x: [UInt8] = []
        x.append(static: "{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"title\": ")
        string(channel.title, into: &x)
        x.append(static: ",\n  \"home_page_url\": ")
        string(channel.homeURL, into: &x)
        x.append(static: ",\n  \"feed_url\": ")
        string(channel.selfURL, into: &x)
        x.append(static: ",\n  \"description\": ")
        string(channel.description, into: &x)
        x.append(static: ",\n  \"language\": ")
        string(channel.language, into: &x)
        x.append(static: ",\n  \"authors\": [{\"name\": ")
        string(channel.publisher, into: &x)
        x.append(static: "}],\n")
        if channel.items.isEmpty {
            x.append(static: "  \"items\": []\n}\n")
            return x
        }
        x.append(static: "  \"items\": [\n")
        FeedItemFragments.appendItems(of: channel, format: .json, fragments: fragments,
                                      separator: ",\n", into: &x) { item, out in
            self.item(item, publisher: channel.publisher, language: channel.language, bodies: bodies, into: &out)
        }
        x.append(static: "\n  ]\n}\n")
        return x
    }

    /// One item object, indented, from `{` to `}` without a comma or newline after it.
    static func item(_ item: FeedItem, publisher: String, language: String, bodies: FeedBodies) -> String {
        var x: [UInt8] = []
        self.item(item, publisher: publisher, language: language, bodies: bodies, into: &x)
        return String(decoding: x, as: UTF8.self)
    }

    /// `item` appended to `x`.
    static func item(_ item: FeedItem, publisher: String, language: String, bodies: FeedBodies, into x: inout [UInt8]) {
        x.append(static: "    {\n      \"id\": ")
        string(item.id, into: &x)
        x.append(static: ",\n      \"url\": ")
        string(item.url, into: &x)
        x.append(static: ",\n      \"title\": ")
        string(item.title, into: &x)
        x.append(static: ",\n      \"content_html\": ")
        bodies.withHTML(forSourcePath: item.sourcePath) { FeedBytes.appendJSONString($0, to: &x) }
        x.append(static: ",\n      \"summary\": ")
        string(item.summary, into: &x)
        if let image = item.image {
            x.append(static: ",\n      \"image\": ")
            string(image.url, into: &x)
        }
        x.append(static: ",\n      \"date_published\": ")
        string(RFCDate.rfc3339(item.published), into: &x)
        x.append(static: ",\n      \"date_modified\": ")
        string(RFCDate.rfc3339(item.updated), into: &x)
        x.append(static: ",\n      \"authors\": [{\"name\": ")
        string(item.author ?? publisher, into: &x)
        x.append(static: "}]")
        if !item.categories.isEmpty {
            x.append(static: ",\n      \"tags\": [")
            for (index, category) in item.categories.enumerated() {
                if index > 0 { x.append(static: ", ") }
                string(category.label, into: &x)
            }
            x.append(static: "]")
        }
        x.append(static: ",\n      \"language\": ")
        string(language, into: &x)
        x.append(static: "\n    }")
    }

    /// A JSON string, without the control characters Word pastes (like the XML feeds):
    /// `Escape.jsonString(XMLText.clean(text))`.
    private static func string(_ text: String, into x: inout [UInt8]) {
        FeedBytes.appendJSONString(text, to: &x)
    }
}
