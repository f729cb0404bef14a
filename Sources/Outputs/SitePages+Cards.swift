import Content
import Foundation
import Markdown
import Support

extension SitePages.PageBuilder {
    /// Context of a post teaser (`card.mustache`). Every key is always present (false when empty)
    /// so a section like `{{#image}}` never picks up the surrounding page's value.
    func card(_ post: Post) -> [String: Any] {
        let fields = (index?.handlungsfelder(of: post) ?? []).map(handlungsfeldLink)
        return [
            "title": post.title,
            "url": post.url,
            "teaser": teaser(of: post),
            "dateText": GermanFormat.longDate(post.date),
            "dateTime": SitePages.Text.rfc3339(post.date),
            "image": imageContext(post.image, alt: post.imageAlt),
            "handlungsfelder": fields,
            "hasHandlungsfelder": !fields.isEmpty,
            // The first Handlungsfeld colours the card's top edge; the name is always written out too.
            "accent": fields.first?["slug"] ?? "keins",
        ]
    }

    /// A Handlungsfeld as badge/link: display name, plain label for screen readers, accent slug.
    func handlungsfeldLink(_ field: Handlungsfeld) -> [String: Any] {
        ["slug": field.slug, "title": field.title, "label": field.label, "url": field.url]
    }

    /// `{src, alt, hasSize, width, height}` or false.
    func imageContext(_ path: String?, alt: String?) -> Any {
        guard let path, !path.isEmpty else { return false }
        var image: [String: Any] = ["src": Escape.urlPath(path), "alt": alt ?? "", "hasSize": false]
        if let size = options.imageSize?(path), size.width > 0, size.height > 0 {
            image["hasSize"] = true
            image["width"] = size.width
            image["height"] = size.height
        }
        return image
    }

    /// The text, or false when it is empty: Mustache treats an empty string as present.
    func nonEmpty(_ text: String?) -> Any {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return false }
        return text
    }

    /// Summary from front matter, else the start of the text.
    func teaser(of post: Post) -> String {
        if let summary = post.summary, !summary.isEmpty { return summary }
        return SitePages.Text.excerpt(site.body(of: post.source)?.plainText ?? "", limit: 220)
    }

    /// Meta description: summary, else the start of the text (search engines show ~160 characters).
    func description(summary: String?, body: RenderedMarkdown?) -> String {
        if let summary, !summary.isEmpty { return summary }
        let text = SitePages.Text.excerpt(body?.plainText ?? "", limit: 160)
        return text.isEmpty ? config.description : text
    }
}
