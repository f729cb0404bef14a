import Content
import Foundation
@testable import Outputs
import Support
import Testing

/// `JSONLD.blogPosting` writes into one byte buffer; it must give the very text of the plain
/// version it replaced (fields as strings, joined), kept here as the reference.
struct SitePagesJSONLDTests {
    static func reference(_ post: Post, description: String, config: SiteConfig) -> String {
        let url = config.absoluteURL(post.url)
        let publisherName = config.contact.organisation.isEmpty ? config.title : config.contact.organisation
        func object(_ pairs: [(String, String)]) -> String {
            "{" + pairs.map { "\(Escape.jsonString($0.0)):\(Escape.jsonString($0.1))" }.joined(separator: ",") + "}"
        }
        var fields: [(String, String)] = [
            ("@context", Escape.jsonString("https://schema.org")),
            ("@type", Escape.jsonString("BlogPosting")),
            ("headline", Escape.jsonString(post.title)),
            ("description", Escape.jsonString(description)),
            ("datePublished", Escape.jsonString(SitePages.Text.rfc3339(post.date))),
            ("dateModified", Escape.jsonString(SitePages.Text.rfc3339(max(post.date, post.updated ?? post.date)))),
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

    static let tricky = ["", "Ärger & Übermut <script>\"'</script>", "Emoji 👩‍👩‍👧 und \u{1F1E9}\u{1F1EA}",
                         "Zeile\nneu\tTab\\Backslash\u{0001}", String(repeating: "Sehr lang ", count: 300)]

    @Test(arguments: tricky)
    func sameTextAsTheReference(text: String) {
        var config = SampleSite.config
        for organisation in ["", "Landratsamt <Mittelsachsen> & \"Co\""] {
            config.contact.organisation = organisation
            let variants: [(Post, String)] = [
                SampleSite.post(text.isEmpty ? "Titel" : text, date: "2022-07-01 08:00", fields: ["wohnen"], tags: [text, "Pflege"],
                                slug: "a", updated: "2022-12-24 18:00", image: "/bilder/ä b.svg", imageAlt: text, author: text),
                SampleSite.post("Früher aktualisiert", date: "2022-03-27 03:30", fields: ["arbeit"], slug: "b",
                                updated: "2022-01-01 00:00", author: nil),
                SampleSite.post("Gleich", date: "2022-10-30 02:30", fields: ["arbeit"], slug: "c", updated: "2022-10-30 02:30",
                                image: ""),
            ]
            for (post, _) in variants {
                let published = SitePages.Text.rfc3339(post.date)
                let fast = SitePages.JSONLD.blogPosting(post, url: post.url, description: text, config: config,
                                                        published: published, updated: post.updated.map(SitePages.Text.rfc3339))
                #expect(fast == Self.reference(post, description: text, config: config))
                let shared = SitePages.JSONLD.blogPosting(post, url: post.url, description: text, config: config,
                                                          published: published, updated: post.updated.map(SitePages.Text.rfc3339),
                                                          publisher: SitePages.JSONLD.publisher(config: config))
                #expect(shared == fast)
            }
        }
    }
}
