import Markdown

/// The heading ids of the pages, by page URL, as the link check asks for them: either given
/// (`CrossReferenceValidator.anchors`, which incremental builds keep) or looked up in the
/// rendered bodies only when a link names an anchor. A page is the union of every content file
/// published at its URL that has a body (two files with one URL are reported elsewhere); a URL
/// without such a file is not checked for anchors.
struct AnchorLookup: Sendable {
    private typealias BodyIndex = Dictionary<String, RenderedMarkdown>.Index
    private let given: [String: Set<String>]?
    /// URL → the body of the first content file published there; the bodies of further ones in
    /// `moreBodies` (a clash). Found once here, so that each link that names an anchor costs one
    /// hash lookup, not one per file plus one per body.
    private let firstBody: [String: BodyIndex]
    private let moreBodies: [String: [BodyIndex]]
    private let bodies: [String: RenderedMarkdown]

    init(given: [String: Set<String>]) {
        self.given = given
        firstBody = [:]
        moreBodies = [:]
        bodies = [:]
    }

    /// `files`: every content file with its URL (see `CrossReferenceValidator.sources`).
    init(files: [(path: String, url: String)], bodies: [String: RenderedMarkdown]) {
        given = nil
        self.bodies = bodies
        var first: [String: BodyIndex] = [:], more: [String: [BodyIndex]] = [:]
        first.reserveCapacity(files.count)
        for file in files {
            guard let body = bodies.index(forKey: file.path) else { continue }
            // One hash lookup per file; only a clash pays for a second one and a second table.
            if let earlier = first.updateValue(body, forKey: file.url) {
                first[file.url] = earlier
                more[file.url, default: []].append(body)
            }
        }
        firstBody = first
        moreBodies = more
    }

    /// Whether the page at `url` has a heading with this id; nil when the page is not checked.
    func contains(_ id: String, on url: String) -> Bool? {
        if let given { return given[url].map { $0.contains(id) } }
        guard let first = firstBody[url] else { return nil }
        if bodies.values[first].headings.contains(where: { $0.id == id }) { return true }
        guard !moreBodies.isEmpty, let more = moreBodies[url] else { return false }
        return more.contains { body in bodies.values[body].headings.contains(where: { $0.id == id }) }
    }

    /// All heading ids of the page at `url` (for the hint of a broken anchor).
    func ids(on url: String) -> Set<String> {
        if let given { return given[url] ?? [] }
        guard let first = firstBody[url] else { return [] }
        var ids: Set<String> = []
        for body in [first] + (moreBodies[url] ?? []) {
            for heading in bodies.values[body].headings { ids.insert(heading.id) }
        }
        return ids
    }
}
