import Support

/// JSON Feed 1.1: same items and ids as RSS and Atom. Written by hand so keys keep a fixed order
/// and the bytes stay identical from build to build.
public enum JSONFeed {
    /// - Parameter fragments: items rendered once for every feed (see `FeedItemFragments`).
    public static func render(_ channel: FeedChannel, bodies: FeedBodies, fragments: FeedItemFragments? = nil) -> String {
        var lines: [String] = []
        lines.append("{")
        lines.append("  \"version\": \"https://jsonfeed.org/version/1.1\",")
        lines.append("  \"title\": \(string(channel.title)),")
        lines.append("  \"home_page_url\": \(string(channel.homeURL)),")
        lines.append("  \"feed_url\": \(string(channel.selfURL)),")
        lines.append("  \"description\": \(string(channel.description)),")
        lines.append("  \"language\": \(string(channel.language)),")
        lines.append("  \"authors\": [{\"name\": \(string(channel.publisher))}],")
        if channel.items.isEmpty {
            lines.append("  \"items\": []")
            lines.append("}")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("  \"items\": [")
        let items = channel.items.map { item in
            fragments?.fragment(.json, of: item, in: channel)
                ?? self.item(item, publisher: channel.publisher, language: channel.language, bodies: bodies)
        }
        var x = lines.joined(separator: "\n") + "\n"
        x.reserveCapacity(x.utf8.count + items.reduce(0) { $0 + $1.utf8.count + 2 } + 8)
        for (index, item) in items.enumerated() {
            x += item
            x += index == items.count - 1 ? "\n" : ",\n"
        }
        x += "  ]\n}\n"
        return x
    }

    /// One item object, indented, from `{` to `}` without a comma or newline after it.
    static func item(_ item: FeedItem, publisher: String, language: String, bodies: FeedBodies) -> String {
        var fields: [String] = []
        fields.append("\"id\": \(string(item.id))")
        fields.append("\"url\": \(string(item.url))")
        fields.append("\"title\": \(string(item.title))")
        fields.append("\"content_html\": \(string(bodies.html(forSourcePath: item.sourcePath)))")
        fields.append("\"summary\": \(string(item.summary))")
        if let image = item.image { fields.append("\"image\": \(string(image.url))") }
        fields.append("\"date_published\": \(string(RFCDate.rfc3339(item.published)))")
        fields.append("\"date_modified\": \(string(RFCDate.rfc3339(item.updated)))")
        fields.append("\"authors\": [{\"name\": \(string(item.author ?? publisher))}]")
        if !item.categories.isEmpty {
            fields.append("\"tags\": [" + item.categories.map { string($0.label) }.joined(separator: ", ") + "]")
        }
        fields.append("\"language\": \(string(language))")
        return "    {\n" + fields.map { "      " + $0 }.joined(separator: ",\n") + "\n    }"
    }

    /// A JSON string, without the control characters Word pastes (like the XML feeds).
    private static func string(_ text: String) -> String {
        Escape.jsonString(XMLText.clean(text))
    }
}
