import Support

/// JSON Feed 1.1: same items and ids as RSS and Atom. Written by hand so keys keep a fixed order
/// and the bytes stay identical from build to build.
public enum JSONFeed {
    public static func render(_ channel: FeedChannel, bodies: FeedBodies) -> String {
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
        } else {
            lines.append("  \"items\": [")
            for (index, item) in channel.items.enumerated() {
                var fields: [String] = []
                fields.append("\"id\": \(string(item.id))")
                fields.append("\"url\": \(string(item.url))")
                fields.append("\"title\": \(string(item.title))")
                fields.append("\"content_html\": \(string(bodies.html(forSourcePath: item.sourcePath)))")
                fields.append("\"summary\": \(string(item.summary))")
                if let image = item.image { fields.append("\"image\": \(string(image.url))") }
                fields.append("\"date_published\": \(string(RFCDate.rfc3339(item.published)))")
                fields.append("\"date_modified\": \(string(RFCDate.rfc3339(item.updated)))")
                fields.append("\"authors\": [{\"name\": \(string(item.author ?? channel.publisher))}]")
                if !item.categories.isEmpty {
                    fields.append("\"tags\": [" + item.categories.map { string($0.label) }.joined(separator: ", ") + "]")
                }
                fields.append("\"language\": \(string(channel.language))")
                lines.append("    {")
                lines.append(fields.map { "      " + $0 }.joined(separator: ",\n"))
                lines.append(index == channel.items.count - 1 ? "    }" : "    },")
            }
            lines.append("  ]")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON string, without the control characters Word pastes (like the XML feeds).
    private static func string(_ text: String) -> String {
        Escape.jsonString(XMLText.clean(text))
    }
}
