import Content
import Foundation
import Markdown
import Support

extension SitePages.PageBuilder {
    /// Context of a post teaser (`card.mustache`). Every key is always present (false when empty)
    /// so a section like `{{#image}}` never picks up the surrounding page's value.
    func card(_ post: borrowing Post, url: String) -> [String: Any] {
        card(post, link: postLink(post, url: url))
    }

    /// `card(post, url:)` with the post's link (`postLink`) made already.
    func card(_ post: borrowing Post, link: PostLink) -> [String: Any] {
        // A closure, not `map(handlungsfeldLink)`: the method as a value would capture a copy of
        // the whole builder for every card.
        let fields = (index?.handlungsfelder(of: post) ?? []).map { handlungsfeldLinks[$0.slug] ?? handlungsfeldLink($0) }
        // Room for the four keys `renderedCard` adds (the shared three while the card renders,
        // then `cardHTML`), so that they do not move the whole table to a bigger one.
        var card = [String: Any](minimumCapacity: 14)
        card["title"] = link.title
        card["url"] = link.url
        card["teaser"] = teaser(of: post)
        card["dateText"] = link.dateText
        card["dateTime"] = link.dateTime
        card["image"] = imageContext(post.image, alt: post.imageAlt)
        card["handlungsfelder"] = fields
        card["hasHandlungsfelder"] = !fields.isEmpty
        // The first Handlungsfeld colours the card's top edge; the name is always written out too.
        card["accent"] = fields.first?["slug"] ?? "keins"
        card["badge"] = previewBadge(draft: post.draft, date: post.date)
        return card
    }

    /// In a preview with drafts: `{text, kind}` for „Entwurf“ (draft) or „Geplant“ (dated after
    /// `Options.previewNow`), else false. A normal build never shows a badge.
    func previewBadge(draft: Bool, date: Date?) -> Any {
        guard let now = options.previewNow else { return false }
        if draft { return ["text": "Entwurf", "kind": "entwurf"] }
        if let date, date > now { return ["text": "Geplant", "kind": "geplant"] }
        return false
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
    func teaser(of post: borrowing Post) -> String {
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

extension SitePages.PageBuilder {
    /// Title, URL and both dates of a post, for links that are not whole cards (archive, previous
    /// and next post).
    struct PostLink {
        var title: String
        var url: String
        var dateText: String
        var dateTime: String
    }

    /// The link of `index.posts[i]`: taken from `links` when all cards are built (a clean build),
    /// else formatted here, so an incremental build does not render a card for each link.
    func link(at i: Int) -> PostLink {
        if !links.isEmpty { return links[i] }
        return postLink(index!.posts[i], url: index!.urls[i])
    }

    /// The link of `post` at `url`, formatted.
    func postLink(_ post: borrowing Post, url: String) -> PostLink {
        PostLink(title: post.title, url: url, dateText: GermanFormat.longDate(post.date),
                 dateTime: SitePages.Text.rfc3339(post.date))
    }
}
