import Foundation
import Markdown
import Support

/// Checks what only the whole site can tell, after the Markdown stage: clashing URLs, internal
/// links to pages that will not exist, anchors that no heading has, and images that are not in
/// `content/static`. A pure function of its inputs.
public enum CrossReferenceValidator {
    /// First path segments the build uses itself (`/tag/…`, `/daten/`, `/assets/…`).
    public static var reservedSegments: Set<String> { SiteURLs.reservedSegments }

    /// - Parameters:
    ///   - content: the loaded content (already without drafts and scheduled posts, as published).
    ///   - bodies: rendered Markdown by `SourceFile.path`.
    ///   - knownURLs: URLs the outputs generate besides posts, pages, Handlungsfelder, tag pages,
    ///     aliases and static files (which the validator adds itself): lists, pagination, data
    ///     pages, feeds, theme assets. Must not contain the aliases' redirect pages.
    ///   - anchors: heading ids by page URL (see `anchors(content:bodies:)`); a page without an
    ///     entry is not checked for anchors.
    public static func validate(content: SiteContent, bodies: [String: RenderedMarkdown], knownURLs: Set<String>,
                                anchors: [String: Set<String>]) -> [Diagnostic] {
        let found = validate(content: content, bodies: bodies, knownURLs: { knownURLs }, anchors: anchors, sources: nil)
        return (found.addresses + found.links).sortedForReport()
    }

    /// The same check for a build from scratch, with the same result, and quicker:
    /// - the heading ids are looked up in the bodies only for links that name an anchor, instead
    ///   of a set of ids for every page (10,000 posts: 10,000 sets, of which a few are ever asked);
    /// - `knownURLs` is asked for only after the content's own URLs are registered, so that the
    ///   caller can work the generated URLs out on another thread meanwhile.
    public static func validate(content: SiteContent, bodies: [String: RenderedMarkdown],
                                knownURLs: () -> Set<String>) -> [Diagnostic] {
        let found = validate(content: content, bodies: bodies, knownURLs: knownURLs, anchors: nil, sources: nil)
        return (found.addresses + found.links).sortedForReport()
    }

    /// The same checks in two parts, for incremental builds: `addresses` (clashing URLs, aliases),
    /// which always look at the whole site, and `links` (links, anchors, images) of the content
    /// files in `sources` only (nil: all). Every `links` diagnostic lies in the file it is about,
    /// so the problems of files not checked again can be taken from the last build.
    public static func validate(content: SiteContent, bodies: [String: RenderedMarkdown], knownURLs: Set<String>,
                                anchors: [String: Set<String>], sources only: Set<String>?)
        -> (addresses: [Diagnostic], links: [Diagnostic]) {
        validate(content: content, bodies: bodies, knownURLs: { knownURLs }, anchors: anchors, sources: only)
    }

    /// `anchors` nil: looked up in the bodies when a link asks (`AnchorLookup`).
    static func validate(content: SiteContent, bodies: [String: RenderedMarkdown], knownURLs: () -> Set<String>,
                         anchors: [String: Set<String>]?, sources only: Set<String>?)
        -> (addresses: [Diagnostic], links: [Diagnostic]) {
        var addresses: [Diagnostic] = []
        let posts = PostURLs(content.posts)
        // What needs only the content first; the generated URLs may still be in the making.
        let owners = claimContentURLs(content, posts: posts, into: &addresses)
        let allFiles = sources(content, posts: posts)
        let anchors = anchors.map(AnchorLookup.init(given:)) ?? AnchorLookup(files: allFiles, bodies: bodies)
        let staticPaths = Set(content.staticFiles.map(\.sitePath))
        let sortedStatic = staticPaths.sorted()
        let hosts = SiteURLs.hosts(of: content.config.host)
        let knownURLs = knownURLs()
        let aliasTargets = registerStaticFilesAndAliases(content, posts: posts, knownURLs: knownURLs, owners: owners,
                                                         into: &addresses)
        let existing = ExistingURLs(owners: owners, known: knownURLs, staticPaths: staticPaths)

        // Each file is checked on its own (on all cores); the findings are merged in path order,
        // so the diagnostics come out as from one loop. A broken link's suggestion needs every URL
        // sorted, which only broken links pay for, once, during the merge.
        let files = only.map { only in allFiles.filter { only.contains($0.path) } } ?? allFiles
        let findings: [[LinkFinding]] = files.parallelMap { path, ownURL in
            // Read in place: `bodies[path]` would copy the whole `RenderedMarkdown` (a retain per field).
            guard let index = bodies.index(forKey: path) else { return [] }
            return check(bodies.values[index], ownURL: ownURL, existing: existing, aliasTargets: aliasTargets,
                         anchors: anchors, knownURLs: knownURLs, staticPaths: staticPaths, sortedStatic: sortedStatic,
                         hosts: hosts)
        }
        var diagnostics: [Diagnostic] = []
        var sortedExisting: [String]? = nil
        for finding in findings.joined() {
            switch finding {
            case .ready(let diagnostic):
                diagnostics.append(diagnostic)
            case .brokenLink(let path, let location):
                if sortedExisting == nil { sortedExisting = existing.all.sorted() }
                diagnostics.append(.error(
                    "broken-link", at: location,
                    "Der Link auf „\(path)“ führt ins Leere: Diese Seite gibt es auf der Website nicht.",
                    hint: Suggestion.hint(for: path, in: sortedExisting!)
                        ?? "Prüfen Sie die Adresse. Beiträge haben die Form /2022/05/titel-des-beitrags/, "
                        + "Seiten die Form /impressum/."))
            }
        }
        for index in posts.pathOrder {
            let post = content.posts[index]
            if let only, !only.contains(post.source.path) { continue }
            guard let image = post.image, !staticPaths.contains(image), !knownURLs.contains(image) else { continue }
            diagnostics.append(missingImage(image, at: post.source.location(ofValue: image, key: "image"),
                                            staticPaths: sortedStatic))
        }
        return (addresses, diagnostics)
    }

    /// Heading ids per page URL, from the rendered bodies (the `anchors` input of `validate`).
    public static func anchors(content: SiteContent, bodies: [String: RenderedMarkdown]) -> [String: Set<String>] {
        // Set union does not depend on order, so the files need no sorting here (unlike in
        // `validate`), and the posts' URLs are made right where the ids are collected.
        // The bodies are read in place (`bodies[path]` would copy each whole `RenderedMarkdown`).
        let perPost: [(url: String, ids: Set<String>)?] = content.posts.parallelMap { post in
            bodies.index(forKey: post.source.path).map { (post.url, headingIDs(bodies.values[$0])) }
        }
        // A thousand service entries are worth the other core, too.
        let others = otherSources(content).parallelMap { path, url in
            bodies.index(forKey: path).map { (url: url, ids: headingIDs(bodies.values[$0])) }
        }
        var anchors: [String: Set<String>] = [:]
        anchors.reserveCapacity(perPost.count + others.count)
        // One hash lookup per page; two pages with the same URL (reported elsewhere) share their ids.
        func add(_ url: String, _ ids: Set<String>) {
            if let earlier = anchors.updateValue(ids, forKey: url) { anchors[url]!.formUnion(earlier) }
        }
        for case let (url, ids)? in perPost { add(url, ids) }
        for case let (url, ids)? in others { add(url, ids) }
        return anchors
    }

    /// The heading ids of a body, without an intermediate array.
    private static func headingIDs(_ body: RenderedMarkdown) -> Set<String> {
        let headings = body.headings
        var ids = Set<String>(minimumCapacity: headings.count)
        for i in headings.indices { ids.insert(headings[i].id) }
        return ids
    }

    /// Every URL the site will have: the content's own (`owners`), the generated ones, static files
    /// and `/`. Asked set by set instead of merged into one: the merged set cost a copy of all
    /// 10,000+ URLs on one core, and links only ask whether a URL exists.
    struct ExistingURLs: Sendable {
        let owners: [String: URLOwner]
        let known: Set<String>
        let staticPaths: Set<String>

        func contains(_ url: String) -> Bool {
            // `index(forKey:)`: `owners[url] != nil` would copy the owner out (a retain and a release per link).
            owners.index(forKey: url) != nil || known.contains(url) || staticPaths.contains(url) || url == "/"
        }

        /// All of them, for suggestions (only broken links need it).
        var all: Set<String> {
            var urls = known.union(owners.keys).union(staticPaths)
            urls.insert("/")
            return urls
        }
    }

    /// What checking one file found: a finished diagnostic, or a broken link whose suggestion is
    /// made when the findings are merged.
    enum LinkFinding: Sendable {
        case ready(Diagnostic)
        case brokenLink(path: String, location: SourceLocation)
    }

    /// The links, anchors and images of one rendered file.
    static func check(_ body: RenderedMarkdown, ownURL: String, existing: ExistingURLs, aliasTargets: [String: String],
                      anchors: AnchorLookup, knownURLs: Set<String>, staticPaths: Set<String>,
                      sortedStatic: [String], hosts: [String]) -> [LinkFinding] {
        var findings: [LinkFinding] = []
        var found: [Diagnostic] = []
        func flush() {
            findings += found.map(LinkFinding.ready)
            found.removeAll()
        }
        // By index, reading only the fields needed: copying each whole `LinkInfo` showed in profiles.
        let links = body.links
        for i in links.indices {
            let url = links[i].url
            if url.utf8.first == UInt8(ascii: "#"), url.hasPrefix("#") {
                let id = String(url.dropFirst()).removingPercentEncoding ?? String(url.dropFirst())
                checkAnchor(id, on: ownURL, at: links[i].location, anchors: anchors, into: &found)
                continue
            }
            guard let (path, fragment) = SiteURLs.sitePath(url, hosts: hosts) else { continue }
            let target: String
            if existing.contains(path) {
                target = path
            } else if !path.hasSuffix("/"), existing.contains(path + "/") {
                target = path + "/"
            } else if let newURL = aliasTargets[path] ?? aliasTargets[path + "/"] {
                found.append(.warning(
                    "link-to-alias", at: links[i].location,
                    "Der Link zeigt auf die alte Adresse „\(path)“, die nur noch weiterleitet.",
                    hint: "Verlinken Sie direkt „\(newURL)“."))
                continue
            } else {
                flush()
                findings.append(.brokenLink(path: path, location: links[i].location))
                continue
            }
            if let fragment, !fragment.isEmpty {
                checkAnchor(fragment, on: target, at: links[i].location, anchors: anchors, into: &found)
            }
        }
        // By index too: an `ImageInfo` copy costs a retain per field.
        let images = body.images
        for i in images.indices {
            guard let (path, _) = SiteURLs.sitePath(images[i].source, hosts: hosts) else { continue }
            if staticPaths.contains(path) || knownURLs.contains(path) { continue }
            found.append(missingImage(path, at: images[i].location, staticPaths: sortedStatic))
        }
        flush()
        return findings
    }

    // MARK: URLs

    /// What the checks need of every post, worked out once: the posts in path order (sorted on
    /// two cores) with their URLs and paths side by side, since copying whole posts to sort them
    /// is slow on 10,000 of them.
    struct PostURLs {
        /// `Post.url` by index into the posts.
        var urls: [String]
        /// Source paths by index.
        var paths: [String]
        /// Indices of the posts in path order.
        var pathOrder: [Int]

        init(_ posts: [Post]) {
            // Both are stored in the post: reading them is a retain each, no work for other cores.
            paths = posts.map(\.source.path)
            urls = posts.map(\.url)
            pathOrder = PostURLs.order(of: paths)
        }

        /// Indices of `paths` in ascending order. Two halves are sorted on two cores and merged:
        /// comparing 10,000 long paths with a shared prefix was the longest single-core step of
        /// the check. Paths are unique, so the order is the same as one sort's.
        static func order(of paths: [String]) -> [Int] {
            let count = paths.count
            guard count >= 2048 else { return paths.indices.sorted { paths[$0] < paths[$1] } }
            let halves = [0..<(count / 2), (count / 2)..<count].parallelMap { range in
                range.sorted { paths[$0] < paths[$1] }
            }
            let left = halves[0], right = halves[1]
            var merged: [Int] = []
            merged.reserveCapacity(count)
            var i = 0, j = 0
            while i < left.count && j < right.count {
                if paths[right[j]] < paths[left[i]] { merged.append(right[j]); j += 1 }
                else { merged.append(left[i]); i += 1 }
            }
            merged += left[i...]
            merged += right[j...]
            return merged
        }
    }

    /// Every content file's source path with the URL it is published at, in path order.
    private static func sources(_ content: SiteContent, posts: PostURLs) -> [(path: String, url: String)] {
        // The posts are in path order already (`pathOrder`); only the few other files are sorted,
        // then both merged. Paths are unique, so the order equals sorting everything at once.
        let others = otherSources(content).sorted { $0.path < $1.path }
        var merged: [(path: String, url: String)] = []
        merged.reserveCapacity(posts.pathOrder.count + others.count)
        var next = 0
        for index in posts.pathOrder {
            let path = posts.paths[index]
            while next < others.count && others[next].path < path {
                merged.append(others[next])
                next += 1
            }
            merged.append((path, posts.urls[index]))
        }
        merged += others[next...]
        return merged
    }

    /// The content files besides posts with their URLs, in no particular order.
    private static func otherSources(_ content: SiteContent) -> [(path: String, url: String)] {
        content.pages.map { ($0.source.path, $0.url) }
            + content.handlungsfelder.map { ($0.source.path, $0.url) }
            + content.serviceDirectory.entries.map { ($0.source.path, $0.url) }
            + (content.serviceDirectory.settings.source.map { [($0.path, "/angebote/")] } ?? [])
    }

    /// Collects the URLs the content files and tags claim and reports clashes; returns URL → who
    /// claims it (for messages, in the nominative: „content/…“ or "die Schlagwort-Seite „Pflege“").
    /// `registerStaticFilesAndAliases` goes on from there.
    private static func claimContentURLs(_ content: SiteContent, posts: PostURLs,
                                         into diagnostics: inout [Diagnostic]) -> [String: URLOwner] {
        var owners: [String: URLOwner] = [:]
        owners.reserveCapacity(content.handlungsfelder.count + content.pages.count + 2 * content.posts.count)
        // The location is looked up only for a clash: finding it costs dictionary lookups per post.
        func claim(_ url: String, by path: String, at location: () -> SourceLocation, what: String) {
            if let owner = owners[url] {
                diagnostics.append(.error(
                    "duplicate-url", at: location(),
                    "\(what) hätte dieselbe Adresse „\(url)“ wie \(owner).",
                    hint: "Geben Sie einem von beiden mit „slug: …“ eine andere Adresse."))
            } else {
                owners[url] = .file(path)
            }
        }
        for field in content.handlungsfelder { owners[field.url] = .file(field.source.path) }
        // The first post (in load order) that names a tag names its page. The posts keep their
        // tags' slugs, so this reads them in place: no pairs array per post.
        var seenTags: Set<String> = []
        // By index: a copy of each post would count a reference on it (see `GeneratedURLs`).
        for index in content.posts.indices {
            let slugs = content.posts[index].tagSlugs
            for i in slugs.indices where seenTags.insert(slugs[i]).inserted {
                let url = "/tag/\(slugs[i])/"
                if owners[url] == nil { owners[url] = .tagPage(content.posts[index].tags[i]) }
            }
        }
        for page in content.pages.sorted(by: { $0.source.path < $1.source.path }) {
            let location = page.source.keyLocation("slug") ?? SourceLocation(file: page.source.path)
            if SiteURLs.reservedSegments.contains(page.slug) || isYear(page.slug) {
                diagnostics.append(.error(
                    "reserved-url", at: location,
                    "Die Adresse „\(page.url)“ ist für Seiten reserviert, die die Website selbst erzeugt.",
                    hint: "Wählen Sie mit „slug: …“ eine andere Adresse, z. B. „slug: \(page.slug)-info“."))
                continue
            }
            claim(page.url, by: page.source.path, at: { location }, what: "Die Seite")
        }
        for index in posts.pathOrder {
            claim(posts.urls[index], by: posts.paths[index], at: {
                let source = content.posts[index].source
                return source.keyLocation("slug") ?? source.location(ofKey: "title")
            }, what: "Der Beitrag")
        }
        return owners
    }

    /// Reports static files and aliases that clash with `owners` (from `claimContentURLs`), the
    /// generated URLs or each other; returns alias → the URL it redirects to.
    private static func registerStaticFilesAndAliases(_ content: SiteContent, posts: PostURLs, knownURLs: Set<String>,
                                                      owners: [String: URLOwner],
                                                      into diagnostics: inout [Diagnostic]) -> [String: String] {
        for file in content.staticFiles {
            let url = SiteURLs.servedURL(ofStaticPath: file.sitePath)
            let path = ContentLoader.staticFolder + file.sitePath
            if let owner = owners[url]?.description
                ?? (knownURLs.contains(file.sitePath) ? "eine Datei, die die Website selbst erzeugt" : nil) {
                diagnostics.append(.error(
                    "duplicate-url", at: SourceLocation(file: path),
                    "Die Datei „\(path)“ hätte dieselbe Adresse „\(url)“ wie \(owner).",
                    hint: "Benennen Sie die Datei um oder verschieben Sie sie in einen Unterordner wie content/static/dateien/."))
            }
        }
        var aliasTargets: [String: String] = [:]
        for index in posts.pathOrder where !content.posts[index].aliases.isEmpty {
            let post = content.posts[index]
            for alias in post.aliases {
                let location = post.source.location(ofValue: alias, key: "aliases")
                let message: String?
                if let owner = owners[alias] {
                    message = "Unter der alten Adresse „\(alias)“ steht schon eine andere Seite: \(owner)."
                } else if let other = aliasTargets[alias] {
                    message = "Die alte Adresse „\(alias)“ leitet schon auf einen anderen Beitrag weiter (\(other))."
                } else if knownURLs.contains(alias) {
                    message = "Die alte Adresse „\(alias)“ ist eine Seite, die die Website selbst erzeugt."
                } else {
                    message = nil
                }
                if let message {
                    diagnostics.append(.error(
                        "duplicate-url", at: location, message,
                        hint: "Eine Weiterleitung darf keine bestehende Adresse verdecken; löschen Sie den Eintrag aus „aliases“."))
                    continue
                }
                aliasTargets[alias] = posts.urls[index]
            }
        }
        return aliasTargets
    }

    /// Who claims a URL, put into words only when a message needs it: quoting 10,000 paths that
    /// never clash showed in profiles.
    enum URLOwner: CustomStringConvertible, Sendable {
        case file(String)
        case tagPage(String)

        var description: String {
            switch self {
            case .file(let path): return "„\(path)“"
            case .tagPage(let name): return "die Schlagwort-Seite „\(name)“"
            }
        }
    }

    private static func isYear(_ slug: String) -> Bool {
        slug.utf8.count == 4 && slug.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    // MARK: anchors and images

    private static func checkAnchor(_ id: String, on url: String, at location: SourceLocation,
                                    anchors: AnchorLookup, into diagnostics: inout [Diagnostic]) {
        guard !id.isEmpty, anchors.contains(id, on: url) == false else { return }
        let ids = anchors.ids(on: url)
        diagnostics.append(.warning(
            "broken-anchor", at: location,
            "Auf der Seite „\(url)“ gibt es keinen Abschnitt „#\(id)“.",
            hint: Suggestion.hint(for: id, in: ids.sorted())
                ?? (ids.isEmpty ? "Die Seite hat keine Zwischenüberschriften; verlinken Sie die Seite ohne „#…“."
                                : "Die Abschnitte heißen wie ihre Überschriften, z. B. „#\(ids.sorted()[0])“.")))
    }

    private static func missingImage(_ path: String, at location: SourceLocation, staticPaths: [String]) -> Diagnostic {
        .error("missing-image", at: location,
               "Das Bild „\(path)“ gibt es nicht in \(ContentLoader.staticFolder).",
               hint: closestFile(to: path, in: staticPaths).map { "Meinten Sie „\($0)“?" }
                   ?? "Legen Sie die Datei als \(ContentLoader.staticFolder)\(path) ab.")
    }

    /// Closest static file: by whole path, else by file name (a picture moved to another folder).
    private static func closestFile(to path: String, in staticPaths: [String]) -> String? {
        if let match = Suggestion.closest(to: path, in: staticPaths) { return match }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var byName: [String: String] = [:]
        for candidate in staticPaths {
            let candidateName = candidate.split(separator: "/").last.map(String.init) ?? candidate
            if byName[candidateName] == nil { byName[candidateName] = candidate }
        }
        return Suggestion.closest(to: name, in: byName.keys.sorted()).flatMap { byName[$0] }
    }
}
