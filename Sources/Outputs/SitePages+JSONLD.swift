import Content
import Foundation
import Support

extension SitePages {
    /// schema.org structured data; every string goes through `Escape.jsonString`, which also
    /// escapes `<`, `>` and `&`, so a title cannot end the `<script>` element.
    enum JSONLD {
        static func blogPosting(_ post: Post, description: String, config: SiteConfig) -> String {
            let url = config.absoluteURL(post.url)
            let publisherName = config.contact.organisation.isEmpty ? config.title : config.contact.organisation
            var fields: [(String, String)] = [
                ("@context", Escape.jsonString("https://schema.org")),
                ("@type", Escape.jsonString("BlogPosting")),
                ("headline", Escape.jsonString(post.title)),
                ("description", Escape.jsonString(description)),
                ("datePublished", Escape.jsonString(Text.rfc3339(post.date))),
                ("dateModified", Escape.jsonString(Text.rfc3339(max(post.date, post.updated ?? post.date)))),
            ]
            if let author = post.author, !author.isEmpty {
                fields.append(("author", object([("@type", "Person"), ("name", author)])))
            } else {
                fields.append(("author", object([("@type", "Organization"), ("name", publisherName)])))
            }
            fields.append(("publisher", "{\"@type\":\"Organization\",\"name\":\(Escape.jsonString(publisherName)),"
                + "\"logo\":" + object([("@type", "ImageObject"), ("url", config.absoluteURL("/bilder/logo.svg"))]) + "}"))
            if let image = post.image, !image.isEmpty {
                fields.append(("image", Escape.jsonString(config.absoluteURL(Escape.urlPath(image)))))
            }
            if !post.tags.isEmpty {
                fields.append(("keywords", Escape.jsonString(post.tags.joined(separator: ", "))))
            }
            fields.append(("inLanguage", Escape.jsonString("de-DE")))
            fields.append(("url", Escape.jsonString(url)))
            fields.append(("mainEntityOfPage", object([("@type", "WebPage"), ("@id", url)])))
            return "{" + fields.map { "\(Escape.jsonString($0.0)):\($0.1)" }.joined(separator: ",") + "}"
        }

        /// A flat JSON object of string values.
        static func object(_ pairs: [(String, String)]) -> String {
            "{" + pairs.map { "\(Escape.jsonString($0.0)):\(Escape.jsonString($0.1))" }.joined(separator: ",") + "}"
        }
    }
}
