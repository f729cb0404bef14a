import Content
import Outputs
import Synchronization

/// The search documents and index lines (`/suche/index.json`) of posts from the last build, so an
/// incremental build works out only those of changed posts: collecting every post's full text and
/// finding its search terms is the most expensive part of the index.
///
/// A post's document and line depend on the post, its body and the Handlungsfeld labels; the
/// build vouches for posts by their `full` digest (`keys`, by URL) and starts a new cache when
/// anything global changed. Other documents (pages, Handlungsfelder, service entries) are worked
/// out every time.
final class SearchLineCache: Sendable {
    struct Entry: Sendable {
        var key: UInt64
        /// In memory only (the cache on disk keeps the lines).
        var document: SearchDocument?
        var line: String?
    }

    private let keys: [String: UInt64]
    private let previous: [String: Entry]
    private let current: Mutex<[String: Entry]> = Mutex([:])

    init(keys: [String: UInt64], previous: [String: Entry]) {
        self.keys = keys
        self.previous = previous
    }

    /// The document of `site.content.posts[i]`, from the last build when the post did not change
    /// (the post is read in place: copying 10,000 posts costs more than the lookup).
    func document(ofPost i: Int, site: RenderedSite) -> SearchDocument {
        let url = site.content.posts[i].url
        guard let key = keys[url] else { return SearchDocument.post(of: site.content.posts[i], site: site) }
        var entry = Entry(key: key, document: nil, line: nil)
        if let known = previous[url], known.key == key { entry = known }
        let document = entry.document ?? SearchDocument.post(of: site.content.posts[i], site: site)
        entry.document = document
        current.withLock { $0[url] = entry }
        return document
    }

    func line(for document: SearchDocument, in index: SearchIndex) -> String {
        // Post documents come from `document(for:site:)`, so their entry is the one for this URL.
        guard document.kind == .beitrag, let entry = current.withLock({ $0[document.url] }) else {
            return index.line(for: document)
        }
        if let line = entry.line { return line }
        let line = index.line(for: document)
        current.withLock { $0[document.url]?.line = line }
        return line
    }

    /// This build's documents and lines, for the next.
    var entries: [String: Entry] { current.withLock { $0 } }
}
