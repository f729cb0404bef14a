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
    /// The bodies' UTF-8 bytes by source path: items write them on as bytes (escaped for Atom and
    /// JSON Feed, as CDATA for RSS, see `FeedBytes`), so no `String` is made of them.
    private var html: [String: [UInt8]]

    public init(html: [String: String]) {
        self.html = html.mapValues { Array($0.utf8) }
    }

    private init(bytes: [String: [UInt8]]) {
        html = bytes
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
        let bodies: [(String, [UInt8])] = unique.parallelMap { post in
            let pageURL = config.absoluteURL(post.url)
            let cleaner = FeedHTML(pageURL: pageURL)
            var body: [UInt8]
            // Only the page body's HTML, read in place: `pageBodies[path]` copies the whole rendered
            // body out (a retain and release of each of its fields).
            if !config.markdown.rawHTML, let pageBodies, let page = pageBodies.index(forKey: post.source.path),
               !fences.contains(where: { post.source.body.containsBytes($0) }) {
                var pageHTML = pageBodies.values[page].html
                let absolute = pageHTML.withUTF8 { absolutizedBytes(pageHTML: $0, base: config.baseURL) }
                body = absolute.withUnsafeBufferPointer { cleaner.cleanedBytes($0) }
            } else {
                var html = MarkdownRenderer.render(post.source.body, file: post.source.path,
                                                   firstLine: post.source.bodyFirstLine,
                                                   settings: settings, hooks: hooks).html
                body = html.withUTF8 { cleaner.cleanedBytes($0) }
            }
            if let image = post.image, !image.isEmpty {
                let src = Escape.html(config.absoluteURL(Escape.urlPath(image)))
                var figure: [UInt8] = []
                figure.reserveCapacity(body.count + 64 + src.utf8.count)
                figure.appendUTF8("<p><img src=\"\(src)\" alt=\"\(Escape.html(post.imageAlt ?? ""))\"></p>\n")
                figure.append(contentsOf: body)
                body = figure
            }
            return (post.source.path, body)
        }
        return FeedBodies(bytes: Dictionary(bodies, uniquingKeysWith: { first, _ in first }))
    }

    /// Calls `body` with the UTF-8 bytes of the body of the post at `path` (none if unknown).
    func withHTML<R>(forSourcePath path: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let bytes = html[path] else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return bytes.withUnsafeBufferPointer(body)
    }

    public func html(forSourcePath path: String) -> String { html[path].map { String(decoding: $0, as: UTF8.self) } ?? "" }

    /// The body as a CDATA section (`XMLText.cdata`), for RSS `content:encoded`.
    public func cdata(forSourcePath path: String) -> String {
        var out: [UInt8] = []
        withHTML(forSourcePath: path) { FeedBytes.appendCDATA($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

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
        var html = pageHTML
        return String(decoding: html.withUTF8 { absolutizedBytes(pageHTML: $0, base: base) }, as: UTF8.self)
    }

    /// `absolutized` of UTF-8 bytes, as bytes (only ASCII is inserted, at ASCII bytes).
    static func absolutizedBytes(pageHTML bytes: UnsafeBufferPointer<UInt8>, base: String) -> [UInt8] {
        let prefix = Array(Escape.html(Escape.urlPath(base)).utf8)
        let openers: [[UInt8]] = [Array("<a href=\"/".utf8), Array("<img src=\"/".utf8)]
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
        return out
    }
}
