import Content
import Support
import Markdown

/// Post bodies as feeds need them: rendered a second time with absolute URLs
/// (`MarkdownSettings.absoluteBase`), then cleaned by `FeedHTML`. Each post is rendered once,
/// however many feeds (blog, Handlungsfeld, tag) contain it.
public struct FeedBodies: Sendable {
    private var html: [String: String]

    public init(html: [String: String]) { self.html = html }

    /// Renders the bodies of `posts`. `hooks` are the pipeline's Markdown hooks (image sizes,
    /// fenced blocks such as `diagramm`), so feed items show what the page shows.
    public static func render(_ posts: [Post], config: SiteConfig, hooks: MarkdownHooks = MarkdownHooks()) -> FeedBodies {
        let settings = MarkdownSettings(allowRawHTML: config.markdown.rawHTML,
                                        germanQuotes: config.markdown.germanQuotes,
                                        siteHosts: [config.host], absoluteBase: config.baseURL)
        var html: [String: String] = [:]
        for post in posts where html[post.source.path] == nil {
            let rendered = MarkdownRenderer.render(post.source.body, file: post.source.path,
                                                   firstLine: post.source.bodyFirstLine,
                                                   settings: settings, hooks: hooks)
            let pageURL = config.absoluteURL(post.url)
            var body = FeedHTML(pageURL: pageURL).clean(rendered.html)
            if let image = post.image, !image.isEmpty {
                let src = Escape.html(config.absoluteURL(Escape.urlPath(image)))
                body = "<p><img src=\"\(src)\" alt=\"\(Escape.html(post.imageAlt ?? ""))\"></p>\n" + body
            }
            html[post.source.path] = body
        }
        return FeedBodies(html: html)
    }

    public func html(forSourcePath path: String) -> String { html[path] ?? "" }
}
