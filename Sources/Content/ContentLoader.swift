import Foundation
import Support

/// Loads a whole site folder: configuration, Handlungsfelder, posts, pages and static files.
public enum ContentLoader {
    public static let postsFolder = "content/beitraege"
    public static let pagesFolder = "content/seiten"
    public static let handlungsfelderFolder = "content/handlungsfelder"
    public static let staticFolder = "content/static"

    /// What the rest of the site is checked against and what other loaders start from: the
    /// configuration and the Handlungsfelder (see `load(includeDrafts:now:basics:)`).
    public struct Basics: Sendable {
        public var config: SiteConfig
        public var handlungsfelder: [Handlungsfeld]
        /// The slugs posts may name: the file names in content/handlungsfelder, sorted.
        var knownSlugs: [String]
        /// Problems of the configuration and the Handlungsfelder, not yet sorted.
        var diagnostics: [Diagnostic]
        var walker: SiteFileWalker
    }

    /// Reads everything below `siteDirectory` and returns the content the build publishes plus
    /// every problem found (sorted for the report).
    ///
    /// Drafts and posts dated after `now` are checked like all others but left out, unless
    /// `includeDrafts` is set. Posts come newest first (ties by path), Handlungsfelder by `order`.
    public static func load(siteDirectory: String, includeDrafts: Bool, now: Date) -> (SiteContent, [Diagnostic]) {
        load(includeDrafts: includeDrafts, now: now, basics: loadBasics(siteDirectory: siteDirectory))
    }

    /// The first step of `load`, on its own so that the build can start the theme, the data and
    /// the service entries (which need only these) while the posts load.
    public static func loadBasics(siteDirectory: String) -> Basics {
        var (config, diagnostics) = SiteConfigLoader.load(siteDirectory: siteDirectory)
        let walker = SiteFileWalker(siteDirectory: siteDirectory)
        let (handlungsfelder, knownSlugs, fieldProblems) = loadHandlungsfelder(walker)
        diagnostics += fieldProblems
        return Basics(config: config, handlungsfelder: handlungsfelder, knownSlugs: knownSlugs, diagnostics: diagnostics,
                      walker: walker)
    }

    /// `load` with its first step done already (by `loadBasics` for the same site folder).
    public static func load(includeDrafts: Bool, now: Date, basics: Basics) -> (SiteContent, [Diagnostic]) {
        let config = basics.config, handlungsfelder = basics.handlungsfelder, knownSlugs = basics.knownSlugs
        let walker = basics.walker
        var diagnostics = basics.diagnostics

        let postFiles = markdownFiles(walker, in: postsFolder, recursive: true, what: "Beiträge", into: &diagnostics)
        let decodedPosts = postFiles.parallelMap { file in
            readThen(file) { PostDecoder.decode(bytes: $0, path: file.relativePath, handlungsfelder: knownSlugs) }
        }
        var posts: [Post] = []
        for (post, problems) in decodedPosts {
            diagnostics += problems
            guard let post else { continue }
            if includeDrafts || (!post.draft && post.date <= now) { posts.append(post) }
        }
        posts.sort { a, b in a.date != b.date ? a.date > b.date : a.source.path < b.source.path }

        let pageFiles = markdownFiles(walker, in: pagesFolder, recursive: false, what: "Seiten", into: &diagnostics)
        var pages: [Page] = []
        for (page, problems) in pageFiles.parallelMap({ file in
            readThen(file) { PageDecoder.decode(bytes: $0, path: file.relativePath) }
        }) {
            diagnostics += problems
            if let page, includeDrafts || !page.draft { pages.append(page) }
        }

        let (staticFiles, staticProblems) = loadStaticFiles(walker)
        diagnostics += staticProblems

        let content = SiteContent(config: config, posts: posts, pages: pages, handlungsfelder: handlungsfelder,
                                  staticFiles: staticFiles)
        return (content, diagnostics.sortedForReport())
    }

    // MARK: parts

    private static func loadHandlungsfelder(_ walker: SiteFileWalker) -> ([Handlungsfeld], [String], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard walker.exists(handlungsfelderFolder) else {
            diagnostics.append(.warning(
                "missing-handlungsfelder-folder", at: SourceLocation(file: handlungsfelderFolder),
                "Der Ordner \(handlungsfelderFolder) fehlt; es gelten die elf Handlungsfelder ohne Beschreibung.",
                hint: "Legen Sie für jedes Handlungsfeld eine Datei wie \(handlungsfelderFolder)/bildung.md an."))
            return (DefaultHandlungsfelder.handlungsfelder(folder: handlungsfelderFolder), DefaultHandlungsfelder.slugs,
                    diagnostics)
        }
        let files = markdownFiles(walker, in: handlungsfelderFolder, recursive: false, what: "Handlungsfelder",
                                  into: &diagnostics)
        let knownSlugs = files.map { HandlungsfeldDecoder.slug(forPath: $0.relativePath) }
        var fields: [Handlungsfeld] = []
        for (field, problems) in files.parallelMap({ file in
            readThen(file) { HandlungsfeldDecoder.decode(bytes: $0, path: file.relativePath) }
        }) {
            diagnostics += problems
            if let field { fields.append(field) }
        }
        var byOrder: [Int: Handlungsfeld] = [:]
        for field in fields {
            if let first = byOrder[field.order] {
                diagnostics.append(.error(
                    "duplicate-order", at: field.source.location(ofKey: "order"),
                    "Die Reihenfolge \(field.order) hat schon das Handlungsfeld „\(first.slug)“.",
                    hint: "Jedes Handlungsfeld braucht eine eigene Zahl von 1 bis 11 bei „order“."))
            } else {
                byOrder[field.order] = field
            }
        }
        fields.sort { ($0.order, $0.slug) < ($1.order, $1.slug) }
        return (fields, knownSlugs.sorted(), diagnostics)
    }

    /// `.md` files of a content folder; other files and unexpected sub-folders are reported, never
    /// dropped in silence.
    private static func markdownFiles(_ walker: SiteFileWalker, in folder: String, recursive: Bool, what: String,
                                      into diagnostics: inout [Diagnostic]) -> [FoundFile] {
        let found = walker.files(in: folder, recursive: recursive)
        diagnostics += found.diagnostics
        for skipped in found.skippedFolders {
            diagnostics.append(.warning(
                "ignored-file", at: SourceLocation(file: skipped),
                "Der Unterordner „\(skipped)“ wird nicht gelesen: \(what) liegen direkt in \(folder).",
                hint: "Verschieben Sie die Dateien aus dem Unterordner nach \(folder)."))
        }
        var markdown: [FoundFile] = []
        for file in found.files {
            if file.relativePath.hasSuffix(".md") { markdown.append(file); continue }
            let lower = file.relativePath.lowercased()
            let hint: String
            if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
                hint = "Benennen Sie die Datei so um, dass sie auf „.md“ (klein geschrieben) endet."
            } else if lower.hasSuffix(".txt") {
                hint = "Ist es ein Text für die Website, benennen Sie die Datei so um, dass sie auf „.md“ endet, "
                    + "und beginnen Sie sie mit einem Kopfbereich („---“)."
            } else {
                hint = "Bilder und andere Dateien gehören nach \(staticFolder)/, z. B. \(staticFolder)/bilder/."
            }
            diagnostics.append(.warning(
                "ignored-file", at: SourceLocation(file: file.relativePath),
                "Die Datei „\(file.relativePath)“ wird nicht veröffentlicht, weil sie nicht auf „.md“ endet.",
                hint: hint))
        }
        return markdown
    }

    private static func loadStaticFiles(_ walker: SiteFileWalker) -> ([StaticFile], [Diagnostic]) {
        let found = walker.files(in: staticFolder, recursive: true)
        let files = found.files.map { file in
            StaticFile(sourcePath: file.absolutePath,
                       sitePath: String(file.relativePath.dropFirst(staticFolder.count)))
        }
        return (files, found.diagnostics)
    }

    /// Reads the file's bytes and decodes them; a file that cannot be read is reported.
    static func readThen<Value>(_ file: FoundFile,
                                        _ decode: ([UInt8]) -> (Value?, [Diagnostic])) -> (Value?, [Diagnostic]) {
        guard let bytes = FileBytes.read(atPath: file.absolutePath) else {
            return (nil, [.error("unreadable-file", at: SourceLocation(file: file.relativePath),
                                 "Die Datei „\(file.relativePath)“ kann nicht gelesen werden.",
                                 hint: "Prüfen Sie die Zugriffsrechte der Datei.")])
        }
        return decode(bytes)
    }
}
