import Content
import Foundation
import Outputs
import Support

/// One generated HTML page, tokenized once for all rules.
struct ScannedPage: Sendable {
    /// Output path: `2022/05/x/index.html`.
    var path: String
    /// Site path: `/2022/05/x/`.
    var sitePath: String
    var tags: [HTMLTag]
    var styles: [StyleBlock]
}

/// What the rules on generated files share: the scanned pages, the site's addresses and ids, and
/// where to point editors to for a problem found in a generated file.
struct SiteCheckContext: Sendable {
    let input: SiteCheckInput
    let options: SiteCheckOptions
    /// The site's host names, with and without `www.`.
    let hosts: Set<String>
    let addresses: SiteCheckAddresses
    let pages: [ScannedPage]
    /// `id`s (and `<a name>`s) by output path of each HTML page.
    let ids: [String: Set<String>]
    /// Links and images as editors wrote them in Markdown: checked by the build with better
    /// locations, so the rules on generated pages leave them alone.
    let contentReferences: Set<String>
    /// Content file by the output path of its page.
    let sources: [String: SourceFile]
    /// `site-config.json` as text, for locating menu entries.
    let configText: String?

    init(input: SiteCheckInput, options: SiteCheckOptions) {
        self.input = input
        self.options = options
        let config = input.site.config
        var host = config.host.lowercased()
        if let colon = host.firstIndex(of: ":") { host = String(host[..<colon]) }
        hosts = host.hasPrefix("www.") ? [host, String(host.dropFirst(4))] : [host, "www." + host]
        addresses = SiteCheckAddresses(files: input.files.map(\.path) + input.copies.map(\.path))
        let html = input.files.filter { $0.path.hasSuffix(".html") }
        pages = html.parallelMap { file in
            let scanned = HTMLScanner.scan(file.text)
            return ScannedPage(path: file.path, sitePath: SiteCheckAddresses.sitePath(ofFile: file.path),
                               tags: scanned.tags, styles: scanned.styles)
        }
        var ids: [String: Set<String>] = [:]
        for page in pages {
            var set = Set<String>()
            for tag in page.tags {
                if let id = tag.attribute("id") { set.insert(id) }
                if tag.name == "a", let name = tag.attribute("name") { set.insert(name) }
            }
            ids[page.path] = set
        }
        self.ids = ids
        var references = Set<String>()
        for body in input.site.bodies.values {
            for link in body.links { references.insert(link.url) }
            for image in body.images { references.insert(image.source) }
        }
        contentReferences = references
        let content = input.site.content
        var sources: [String: SourceFile] = [:]
        for post in content.posts { sources[OutputFile.indexPath(forURL: post.url)] = post.source }
        for page in content.pages { sources[OutputFile.indexPath(forURL: page.url)] = page.source }
        for field in content.handlungsfelder { sources[OutputFile.indexPath(forURL: field.url)] = field.source }
        self.sources = sources
        configText = try? String(contentsOfFile: (options.siteDirectory as NSString)
            .appendingPathComponent("site-config.json"), encoding: .utf8)
    }

    /// A generated file as editors see it: `public/2022/05/x/index.html`.
    func outputLocation(_ path: String, line: Int = 1, column: Int = 1) -> SourceLocation {
        let folder = (options.outputDirectory as NSString).lastPathComponent
        return SourceLocation(file: folder.isEmpty ? path : folder + "/" + path, line: line, column: column)
    }

    /// Where `needle` stands in the Markdown of the content file behind the page `path`, if it does.
    func contentLocation(ofPage path: String, containing needle: String) -> SourceLocation? {
        guard let source = sources[path] else { return nil }
        return Self.locate(needle, in: source.body, file: source.path, firstLine: source.bodyFirstLine)
    }

    /// Where `"needle"` stands in site-config.json (menu entries), if it does.
    func configLocation(of needle: String) -> SourceLocation? {
        guard let configText else { return nil }
        return Self.locate("\"\(needle)\"", in: configText, file: "site-config.json", firstLine: 1)
    }

    static func locate(_ needle: String, in text: String, file: String, firstLine: Int) -> SourceLocation? {
        guard !needle.isEmpty, let range = text.range(of: needle) else { return nil }
        let before = text[..<range.lowerBound]
        let line = before.utf8.count { $0 == 0x0A }
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return SourceLocation(file: file, line: firstLine + line, column: text[lineStart..<range.lowerBound].count + 1)
    }
}

/// The same problem in many generated pages (a template or menu link appears on every page) is
/// one diagnostic: first page in path order, and how many pages have it.
struct Occurrences {
    struct Entry {
        var pages: [String] = []
        var first: (page: String, line: Int, column: Int)?
    }

    private(set) var entries: [String: Entry] = [:]

    mutating func add(_ key: String, page: String, line: Int, column: Int) {
        var entry = entries[key, default: Entry()]
        if entry.pages.last != page { entry.pages.append(page) }
        if entry.first == nil || page < entry.first!.page { entry.first = (page, line, column) }
        entries[key] = entry
    }

    /// Keys in a stable order.
    var sorted: [(key: String, entry: Entry)] { entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }

    /// „ (auf 57 Seiten, z. B. /impressum/)“ or nothing for a single page.
    static func spread(_ entry: Entry) -> String {
        let count = Set(entry.pages).count
        guard count > 1, let first = entry.first else { return "" }
        return " (auf \(count) Seiten, z. B. \(SiteCheckAddresses.sitePath(ofFile: first.page)))"
    }
}
