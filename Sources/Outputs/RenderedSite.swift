import Foundation
import Content
import Data
import Markdown
import Support

/// What the output writers get: the validated content and every Markdown body rendered once.
/// Posts here are already filtered (no drafts unless `--drafts`, no future posts) and sorted
/// newest first.
public struct RenderedSite: Sendable {
    public var content: SiteContent
    /// Rendered bodies by `SourceFile.path`.
    public var bodies: [String: RenderedMarkdown]
    /// Areas and indicators (`content/daten/`); nil when the pipeline did not load any.
    public var data: SiteData?

    public init(content: SiteContent, bodies: [String: RenderedMarkdown], data: SiteData? = nil) {
        self.content = content
        self.bodies = bodies
        self.data = data
    }

    public var config: SiteConfig { content.config }

    public func body(of source: SourceFile) -> RenderedMarkdown? { bodies[source.path] }
}

/// One file the build writes, relative to the output folder (`2022/05/armut/index.html`).
public struct OutputFile: Sendable, Hashable {
    public var path: String
    public var contents: [UInt8]

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.path = path
        self.contents = Array(text.utf8)
    }

    public var text: String { String(decoding: contents, as: UTF8.self) }

    /// Output path for a site URL that ends in `/`: `/2022/05/x/` → `2022/05/x/index.html`.
    public static func indexPath(forURL url: String) -> String {
        var path = url
        while path.hasPrefix("/") { path.removeFirst() }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path
    }
}

extension RenderedSite {
    /// The plain text of the body rendered from the file at `path`, read in place: `body(of:)`
    /// copies the whole rendered body out (a retain and release of each of its fields), for
    /// each of 10,000 posts in the search, and again in feeds and newsletters.
    func plainText(ofSourcePath path: String) -> String? {
        guard let index = bodies.index(forKey: path) else { return nil }
        return bodies.values[index].plainText
    }
}
