import CCmarkGFM
import Support

/// What the site wants from Markdown beyond CommonMark.
public struct MarkdownSettings: Sendable, Hashable {
    /// Keep raw HTML from content. Off by default: students paste from Word and web pages.
    public var allowRawHTML: Bool
    /// Turn "…" and '…' into German quotes „…“ and ‚…‘ (apostrophes become ’).
    public var germanQuotes: Bool
    /// Hosts that count as this site (links to them are internal), e.g. `mittelsachsen-sozial.de`.
    public var siteHosts: [String] { didSet { hosts = SiteHosts(siteHosts) } }
    /// `siteHosts` lowercased once for every document rendered with these settings.
    private(set) var hosts: SiteHosts
    /// When set, every site-relative link and image becomes absolute (`https://…/path`), as feeds
    /// and newsletters need. No trailing slash.
    public var absoluteBase: String?

    public init(allowRawHTML: Bool = false, germanQuotes: Bool = true, siteHosts: [String] = [],
                absoluteBase: String? = nil) {
        self.allowRawHTML = allowRawHTML
        self.germanQuotes = germanQuotes
        self.siteHosts = siteHosts
        self.hosts = SiteHosts(siteHosts)
        self.absoluteBase = absoluteBase
    }
}

/// A fenced code block handed to a handler, e.g. ```` ```diagramm ````.
public struct FencedBlock: Sendable {
    public var info: String
    public var code: String
    /// Where the fence starts in the file.
    public var location: SourceLocation
}

/// What a fenced-block handler returns: HTML to put in its place, or problems.
public struct FencedBlockOutput: Sendable {
    public var html: String?
    public var diagnostics: [Diagnostic]
    public init(html: String?, diagnostics: [Diagnostic] = []) {
        self.html = html
        self.diagnostics = diagnostics
    }
}

/// The hooks a renderer call may use; all optional.
public struct MarkdownHooks: Sendable {
    /// Width and height of a local image (`/bilder/x.png`), for layout stability.
    public var imageSize: (@Sendable (String) -> (width: Int, height: Int)?)?
    /// Handlers by fence info word (`diagramm`).
    public var fencedBlocks: [String: @Sendable (FencedBlock) -> FencedBlockOutput]

    public init(imageSize: (@Sendable (String) -> (width: Int, height: Int)?)? = nil,
                fencedBlocks: [String: @Sendable (FencedBlock) -> FencedBlockOutput] = [:]) {
        self.imageSize = imageSize
        self.fencedBlocks = fencedBlocks
    }
}

public struct HeadingInfo: Sendable, Hashable {
    public var level: Int
    public var text: String
    /// Stable, German-friendly id: "Ältere Menschen" → `aeltere-menschen`.
    public var id: String
    public var location: SourceLocation
}

public struct LinkInfo: Sendable, Hashable {
    public var url: String
    public var text: String
    public var location: SourceLocation
    public var isExternal: Bool
}

public struct ImageInfo: Sendable, Hashable {
    public var source: String
    public var alt: String
    public var location: SourceLocation
}

/// The result of rendering one Markdown body.
public struct RenderedMarkdown: Sendable, Hashable {
    public var html: String
    public var headings: [HeadingInfo]
    public var links: [LinkInfo]
    public var images: [ImageInfo]
    /// Text without markup (summaries, search, reading time).
    public var plainText: String
    public var wordCount: Int
    /// Problems found while rendering (raw HTML switched off, image without alt, bad links, blocks).
    public var diagnostics: [Diagnostic]
}

public enum MarkdownRenderer {
    /// Renders `text` (a Markdown body) from `file`, whose first line is line `firstLine` of the file.
    public static func render(_ text: String, file: String, firstLine: Int = 1,
                              settings: MarkdownSettings = MarkdownSettings(),
                              hooks: MarkdownHooks = MarkdownHooks()) -> RenderedMarkdown {
        // No CMARK_OPT_VALIDATE_UTF8: a Swift String is valid UTF-8 by construction (files are read
        // with repair), so cmark's check would only read every byte again (1–2 % of a build).
        var options = CMARK_OPT_FOOTNOTES
        if settings.allowRawHTML { options |= CMARK_OPT_UNSAFE }
        let document = CmarkDocument(text, options: options)
        var transform = Transformer(document: document, source: text, file: file, lineOffset: firstLine - 1,
                                    settings: settings, hooks: hooks)
        document.withArena { transform.run() }
        let html = document.withHTML { HTMLFixes.apply($0) }
        return RenderedMarkdown(html: html, headings: transform.headings, links: transform.links,
                                images: transform.images, plainText: transform.plainText,
                                wordCount: transform.wordCount, diagnostics: transform.diagnostics)
    }
}
