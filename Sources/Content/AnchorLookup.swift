import Markdown

/// The heading ids of the pages, by page URL, as the link check asks for them: either given
/// (`CrossReferenceValidator.anchors`, which incremental builds keep) or looked up in the
/// rendered bodies only when a link names an anchor. A page is the union of every content file
/// published at its URL that has a body (two files with one URL are reported elsewhere); a URL
/// without such a file is not checked for anchors.
struct AnchorLookup: Sendable {
    private let given: [String: Set<String>]?
    private let files: [(path: String, url: String)]
    /// URL → the first of `files` published there; further ones in `moreFiles` (a clash).
    private let firstFile: [String: Int]
    private let moreFiles: [String: [Int]]
    private let bodies: [String: RenderedMarkdown]

    init(given: [String: Set<String>]) {
        self.given = given
        files = []
        firstFile = [:]
        moreFiles = [:]
        bodies = [:]
    }

    /// `files`: every content file with its URL (see `CrossReferenceValidator.sources`).
    init(files: [(path: String, url: String)], bodies: [String: RenderedMarkdown]) {
        given = nil
        self.files = files
        self.bodies = bodies
        var first: [String: Int] = [:], more: [String: [Int]] = [:]
        first.reserveCapacity(files.count)
        for index in files.indices {
            let url = files[index].url
            // One hash lookup per file; only a clash pays for a second one and a second table.
            if let earlier = first.updateValue(index, forKey: url) {
                first[url] = earlier
                more[url, default: []].append(index)
            }
        }
        firstFile = first
        moreFiles = more
    }

    /// Whether the page at `url` has a heading with this id; nil when the page is not checked.
    func contains(_ id: String, on url: String) -> Bool? {
        if let given { return given[url].map { $0.contains(id) } }
        var checked = false
        for index in fileIndices(of: url) {
            guard let body = bodies.index(forKey: files[index].path) else { continue }
            checked = true
            let headings = bodies.values[body].headings
            if headings.contains(where: { $0.id == id }) { return true }
        }
        return checked ? false : nil
    }

    /// All heading ids of the page at `url` (for the hint of a broken anchor).
    func ids(on url: String) -> Set<String> {
        if let given { return given[url] ?? [] }
        var ids: Set<String> = []
        for index in fileIndices(of: url) {
            guard let body = bodies.index(forKey: files[index].path) else { continue }
            for heading in bodies.values[body].headings { ids.insert(heading.id) }
        }
        return ids
    }

    private func fileIndices(of url: String) -> [Int] {
        guard let first = firstFile[url] else { return [] }
        return [first] + (moreFiles[url] ?? [])
    }
}
