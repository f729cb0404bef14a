import Foundation
import Support

/// A Markdown file as read from disk: where it is and where its body starts.
public struct SourceFile: Sendable, Hashable {
    /// Relative to the site folder: `content/beitraege/2022/armut.md`.
    public var path: String
    /// Markdown after the front matter.
    public var body: String
    /// Line of the file on which `body` starts (for diagnostics from the Markdown stage).
    public var bodyFirstLine: Int
    /// Where the front-matter keys and their values stand (see `keyLocations`, `valueLocations`).
    var positions: FrontMatterPositions

    /// Where each front-matter key stands, for diagnostics found later (e.g. an unknown tag).
    /// Made on each access: the checks ask through `location(ofKey:)` instead.
    public var keyLocations: [String: SourceLocation] {
        get { positions.keyLocations }
        set { positions = FrontMatterPositions(keyLocations: newValue, valueLocations: positions.valueLocations) }
    }
    /// The scalar values of each key as written, with their positions: one entry for a text,
    /// one per item for a list (e.g. each alias), for diagnostics found later. Made on each access.
    public var valueLocations: [String: [LocatedText]] {
        get { positions.valueLocations }
        set { positions = FrontMatterPositions(keyLocations: positions.keyLocations, valueLocations: newValue) }
    }

    public init(path: String, body: String, bodyFirstLine: Int, keyLocations: [String: SourceLocation] = [:],
                valueLocations: [String: [LocatedText]] = [:]) {
        self.path = path
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.positions = keyLocations.isEmpty && valueLocations.isEmpty
            ? FrontMatterPositions()
            : FrontMatterPositions(keyLocations: keyLocations, valueLocations: valueLocations)
    }

    init(path: String, body: String, bodyFirstLine: Int, positions: FrontMatterPositions) {
        self.path = path
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.positions = positions
    }

    /// Where a key stands, nil when the front matter has no such key.
    public func keyLocation(_ key: String) -> SourceLocation? { positions.location(ofKey: key) }

    /// Location of a front-matter key, or the top of the file.
    public func location(ofKey key: String) -> SourceLocation {
        positions.location(ofKey: key) ?? SourceLocation(file: path, line: 1, column: 1)
    }

    /// Location of a value of `key` (a text, or the list item whose trimmed text is `value`),
    /// falling back to the key and then to the top of the file.
    public func location(ofValue value: String? = nil, key: String) -> SourceLocation {
        let values = positions.values(of: key) ?? []
        if let value, let match = values.first(where: { $0.text.trimmingSpaces == value }) { return match.location }
        if value == nil, let first = values.first { return first.location }
        return location(ofKey: key)
    }

    /// The values of `key` as written (nil when the file has no value entry for it).
    func writtenValues(of key: String) -> ArraySlice<LocatedText>? { positions.values(of: key) }
}

/// One of the eleven Handlungsfelder (`content/handlungsfelder/<slug>.md`).
public struct Handlungsfeld: Sendable, Hashable {
    public var source: SourceFile
    public var slug: String
    /// As the blog writes it: "GESUNDHEIT rundum".
    public var title: String
    /// For screen readers and running text: "Gesundheit rundum".
    public var label: String
    public var order: Int
    public var summary: String

    public init(source: SourceFile, slug: String, title: String, label: String, order: Int, summary: String) {
        self.source = source
        self.slug = slug
        self.title = title
        self.label = label
        self.order = order
        self.summary = summary
    }

    public var url: String { "/handlungsfelder/\(slug)/" }
}

/// A content page (`content/seiten/*.md`): Impressum, Datenschutz, …
public struct Page: Sendable, Hashable {
    public var source: SourceFile
    public var slug: String
    public var title: String
    public var summary: String?
    /// `true` for the page in Leichte Sprache (marked for readers and search engines).
    public var easyLanguage: Bool
    public var draft: Bool

    public init(source: SourceFile, slug: String, title: String, summary: String? = nil,
                easyLanguage: Bool = false, draft: Bool = false) {
        self.source = source
        self.slug = slug
        self.title = title
        self.summary = summary
        self.easyLanguage = easyLanguage
        self.draft = draft
    }

    public var url: String { "/\(slug)/" }
}

/// A file copied as it is (`content/static/bilder/x.png` → `/bilder/x.png`).
public struct StaticFile: Sendable, Hashable {
    /// Absolute path on disk.
    public var sourcePath: String
    /// Site path: `/bilder/x.png`.
    public var sitePath: String
    public init(sourcePath: String, sitePath: String) {
        self.sourcePath = sourcePath
        self.sitePath = sitePath
    }
}

/// Everything loaded from the site folder, before rendering.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var posts: [Post]
    public var pages: [Page]
    public var handlungsfelder: [Handlungsfeld]
    public var staticFiles: [StaticFile]
    /// Entries of `content/angebote/` (see `ServiceEntryLoader`); filled by the pipeline.
    public var serviceDirectory = ServiceDirectory()

    public init(config: SiteConfig, posts: [Post] = [], pages: [Page] = [], handlungsfelder: [Handlungsfeld] = [],
                staticFiles: [StaticFile] = []) {
        self.config = config
        self.posts = posts
        self.pages = pages
        self.handlungsfelder = handlungsfelder
        self.staticFiles = staticFiles
    }
}
