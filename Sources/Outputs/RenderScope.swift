import Foundation

/// Which output files a render produces. A full build renders everything; an incremental build
/// (Pipeline's `IncrementalBuild`) renders only the files that depend on what changed, and every
/// other file keeps the bytes it already has in the output folder.
///
/// A renderer that honours a scope still returns every file it would write, so the build knows
/// which files exist: files outside the scope come back as placeholders (empty contents). A
/// renderer may ignore the scope and render everything; that is slower, never wrong.
public struct RenderScope: Sendable, Hashable {
    /// Output paths to render (`2022/05/x/index.html`, `feed.xml`); nil renders everything.
    public var paths: Set<String>?

    public init(paths: Set<String>?) {
        self.paths = paths
    }

    public static let everything = RenderScope(paths: nil)

    public var isEverything: Bool { paths == nil }

    /// Whether the output file at `path` is to be rendered.
    public func includes(_ path: String) -> Bool {
        paths?.contains(path) ?? true
    }

    /// Whether the page at site path `url` is to be rendered. Percent-encoded addresses (an alias
    /// with an umlaut) are written under their decoded name, so both spellings count.
    public func includes(url: String) -> Bool {
        guard let paths else { return true }
        if paths.contains(OutputFile.indexPath(forURL: url)) { return true }
        guard url.utf8.contains(UInt8(ascii: "%")), let decoded = url.removingPercentEncoding else { return false }
        return paths.contains(OutputFile.indexPath(forURL: decoded))
    }

    /// The stand-in for a file outside the scope: its path, no contents.
    public static func placeholder(_ path: String) -> OutputFile {
        OutputFile(path: path, contents: [])
    }
}

extension Newsletter {
    /// The files `files(edition:site:)` writes for an edition, without rendering them.
    public static func outputPaths(of edition: NewsletterEdition) -> [String] {
        let folder = "newsletter/\(edition.id)/"
        return [folder + "email.html", folder + "email.txt", folder + "index.html"]
    }
}
