import Content
import Foundation
import Support

extension SitePages {
    /// schema.org structured data; every string goes through `Escape.jsonString`, which also
    /// escapes `<`, `>` and `&`, so a title cannot end the `<script>` element.
    enum JSONLD {
        /// `BlogPosting` of `post` at `url` (its site path). `published` is `Text.rfc3339(post.date)`
        /// and `updated` that of `post.updated`, which the post page has formatted already;
        /// `publisher` is `publisher(config:)`, the same for every post.
        static func blogPosting(_ post: borrowing Post, url path: String, description: String, config: SiteConfig,
                                published: String, updated: String?, publisher: String? = nil) -> String {
            let url = config.absoluteURL(path)
            let publisherName = config.contact.organisation.isEmpty ? config.title : config.contact.organisation
            // Written into one byte buffer: a list of key/value strings joined at the end cost
            // a dozen temporary strings per post.
            var out: [UInt8] = []
            out.reserveCapacity(1_024 + description.utf8.count)
            var first = true
            func field(_ key: String, _ write: (inout [UInt8]) -> Void) {
                out.append(first ? 0x7B : 0x2C)  // `{` or `,`
                first = false
                Escape.appendJSONString(key, to: &out)
                out.append(0x3A)  // `:`
                write(&out)
            }
            func string(_ key: String, _ value: String) {
                field(key) { Escape.appendJSONString(value, to: &$0) }
            }
            func flatObject(_ key: String, _ pairs: KeyValuePairs<String, String>) {
                field(key) { out in
                    out.append(0x7B)
                    for (n, pair) in pairs.enumerated() {
                        if n > 0 { out.append(0x2C) }
                        Escape.appendJSONString(pair.key, to: &out)
                        out.append(0x3A)
                        Escape.appendJSONString(pair.value, to: &out)
                    }
                    out.append(0x7D)
                }
            }
            string("@context", "https://schema.org")
            string("@type", "BlogPosting")
            string("headline", post.title)
            string("description", description)
            string("datePublished", published)
            // `max(date, updated)`: an update dated before publication does not count.
            let isLater = post.updated.map { $0 > post.date } ?? false
            string("dateModified", isLater ? updated ?? published : published)
            if let author = post.author, !author.isEmpty {
                flatObject("author", ["@type": "Person", "name": author])
            } else {
                flatObject("author", ["@type": "Organization", "name": publisherName])
            }
            field("publisher") { $0.append(contentsOf: (publisher ?? Self.publisher(config: config)).utf8) }
            if let image = post.image, !image.isEmpty {
                string("image", config.absoluteURL(Escape.urlPath(image)))
            }
            if !post.tags.isEmpty {
                string("keywords", post.tags.joined(separator: ", "))
            }
            string("inLanguage", "de-DE")
            string("url", url)
            flatObject("mainEntityOfPage", ["@type": "WebPage", "@id": url])
            out.append(0x7D)
            return String(decoding: out, as: UTF8.self)
        }

        /// The `publisher` object of every post.
        static func publisher(config: SiteConfig) -> String {
            let name = config.contact.organisation.isEmpty ? config.title : config.contact.organisation
            return "{\"@type\":\"Organization\",\"name\":\(Escape.jsonString(name)),"
                + "\"logo\":" + object([("@type", "ImageObject"), ("url", config.absoluteURL("/bilder/logo.svg"))]) + "}"
        }

        /// A flat JSON object of string values.
        static func object(_ pairs: [(String, String)]) -> String {
            "{" + pairs.map { "\(Escape.jsonString($0.0)):\(Escape.jsonString($0.1))" }.joined(separator: ",") + "}"
        }
    }
}
