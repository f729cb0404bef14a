#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Content
import Support
import Markdown

/// Post bodies as feeds need them: with absolute URLs (`MarkdownSettings.absoluteBase`), then
/// cleaned by `FeedHTML`. Each post is prepared once, however many feeds (blog, Handlungsfeld,
/// tag) contain it.
public struct FeedBodies: Sendable {
    private var html: [String: String]
    /// `XMLText.cdata` of each body, made once: a post is in the RSS feeds of the blog, its
    /// Handlungsfelder and each of its tags, and cleaning 10 KB for every item added up.
    private var cdata: [String: String]

    public init(html: [String: String]) {
        self.html = html
        cdata = html.mapValues(XMLText.cdata)
    }

    private init(html: [String: String], cdata: [String: String]) {
        self.html = html
        self.cdata = cdata
    }

    /// Prepares the bodies of `posts`. `hooks` are the pipeline's Markdown hooks (image sizes,
    /// fenced blocks such as `diagramm`), so feed items show what the page shows.
    ///
    /// `pageBodies`: the bodies the pages were rendered with, by source path, rendered with the
    /// same `hooks` and the site's settings. When raw HTML is off, a feed body is the page body with
    /// its site-relative links and images made absolute (`absolutized`), which gives the same bytes
    /// as rendering the Markdown again with `absoluteBase` at a fraction of the cost. Posts without a
    /// page body, posts with handled fenced blocks (charts differ between page and feed), and every
    /// post when raw HTML is on, are rendered again.
    public static func render(_ posts: [Post], config: SiteConfig, hooks: MarkdownHooks = MarkdownHooks(),
                              pageBodies: [String: RenderedMarkdown]? = nil) -> FeedBodies {
        let settings = MarkdownSettings(allowRawHTML: config.markdown.rawHTML,
                                        germanQuotes: config.markdown.germanQuotes,
                                        siteHosts: [config.host], absoluteBase: config.baseURL)
        var seen = Set<String>()
        let unique = posts.filter { seen.insert($0.source.path).inserted }
        // Fenced blocks with a handler (charts) render differently in feeds than on pages.
        let fences = hooks.fencedBlocks.keys.flatMap { ["```" + $0, "~~~" + $0] }
        let bodies: [(String, String, String)] = unique.parallelMap { post in
            let absoluteHTML: String
            if !config.markdown.rawHTML, let page = pageBodies?[post.source.path],
               !fences.contains(where: { post.source.body.containsBytes($0) }) {
                absoluteHTML = absolutized(pageHTML: page.html, base: config.baseURL)
            } else {
                absoluteHTML = MarkdownRenderer.render(post.source.body, file: post.source.path,
                                                       firstLine: post.source.bodyFirstLine,
                                                       settings: settings, hooks: hooks).html
            }
            let pageURL = config.absoluteURL(post.url)
            var body = FeedHTML(pageURL: pageURL).clean(absoluteHTML)
            if let image = post.image, !image.isEmpty {
                let src = Escape.html(config.absoluteURL(Escape.urlPath(image)))
                body = "<p><img src=\"\(src)\" alt=\"\(Escape.html(post.imageAlt ?? ""))\"></p>\n" + body
            }
            return (post.source.path, body, XMLText.cdata(body))
        }
        return FeedBodies(html: Dictionary(bodies.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first }),
                          cdata: Dictionary(bodies.map { ($0.0, $0.2) }, uniquingKeysWith: { first, _ in first }))
    }

    public func html(forSourcePath path: String) -> String { html[path] ?? "" }

    /// The body as a CDATA section (`XMLText.cdata`), for RSS `content:encoded`.
    public func cdata(forSourcePath path: String) -> String { cdata[path] ?? XMLText.cdata("") }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with prefix: [UInt8]) -> Bool {
        index + prefix.count <= bytes.count && bytes[index..<(index + prefix.count)].elementsEqual(prefix)
    }

    /// The page HTML of a Markdown body as `MarkdownRenderer` writes it with `absoluteBase` = `base`:
    /// every site-relative link (`<a href="/…`) and image (`<img src="/…`) gets `base` in front.
    ///
    /// Only for HTML our renderer wrote with raw HTML switched off: then every `<a href="` and
    /// `<img src="` in it is one of the renderer's own tags (text, code and omitted raw HTML are
    /// escaped), whose attribute values are `Escape.html(Escape.urlPath(url))`. Both escapes work
    /// byte by byte, so escaping `base + url` is escaping `base`, then `url`. `//…` is an external
    /// link, not a site path.
    public static func absolutized(pageHTML: String, base: String) -> String {
        let prefix = Array(Escape.html(Escape.urlPath(base)).utf8)
        let openers: [[UInt8]] = [Array("<a href=\"/".utf8), Array("<img src=\"/".utf8)]
        var html = pageHTML
        return html.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 16)
            var copied = 0
            var i = 0
            while i < bytes.count {
                // The next '<' (memchr: most of a body is text between tags), and only when 'a' or
                // 'i' (the openers' second bytes) follows is there anything to look at.
                guard let base = bytes.baseAddress, let found = memchr(base + i, 0x3C, bytes.count - i) else { break }
                i = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                guard i + 1 < bytes.count, bytes[i + 1] == 0x61 || bytes[i + 1] == 0x69 else {
                    i += 1
                    continue
                }
                if let opener = openers.first(where: { starts(bytes, at: i, with: $0) }),
                   i + opener.count < bytes.count, bytes[i + opener.count] != 0x2F {
                    // Everything up to the opening quote, then the base, then the site path.
                    let pathStart = i + opener.count - 1
                    out.append(contentsOf: bytes[copied..<pathStart])
                    out.append(contentsOf: prefix)
                    copied = pathStart
                    i = pathStart
                }
                i += 1
            }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }
}
