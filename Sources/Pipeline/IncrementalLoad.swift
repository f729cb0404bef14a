import Foundation
import Content
import Outputs
import Support

/// The result of the load stage plus the tables a later build patches: every decoded post and
/// page by source path.
struct LoadedSite: Sendable {
    var result: LoadStage.Result
    var posts: [String: Post]
    var pages: [String: Page]
    /// Slugs posts are checked against (file names in content/handlungsfelder, as the loader has them).
    var knownFields: [String]
    /// The tables hold every post and page only when the build included drafts and scheduled
    /// posts; otherwise the loader left some out and patching would lose them.
    var patchable: Bool
    /// The Berlin day of the load: service entries are checked against it (a „stand“ that is too
    /// old), so a new day loads everything again.
    var day: String

    init(result: LoadStage.Result, options: BuildOptions) {
        self.result = result
        posts = Dictionary(result.content.posts.map { ($0.source.path, $0) }, uniquingKeysWith: { a, _ in a })
        pages = Dictionary(result.content.pages.map { ($0.source.path, $0) }, uniquingKeysWith: { a, _ in a })
        knownFields = IncrementalLoad.knownFields(siteDirectory: options.siteDirectory)
        patchable = options.includeDrafts
        day = GermanFormat.isoDay(options.now)
    }
}

/// Loading for a build that knows the previous one: when only post and page files changed, the
/// previous content is kept and just those files are read and decoded again, with the same
/// decoders and the same order and filters as `ContentLoader`. Anything else (a new folder, a
/// non-Markdown file, a symbolic link, configuration, Handlungsfelder) loads the whole site.
enum IncrementalLoad {
    /// Post and page paths whose file differs between two scans (changed, added or removed).
    static func changedPaths(old: BuildInputs, new: BuildInputs, siteDirectory: String) -> Set<String> {
        var changed = Set<String>()
        for table in [old.posts, old.pages, new.posts, new.pages] {
            for path in table.keys where !changed.contains(path) && !new.unchanged(path, since: old, siteDirectory: siteDirectory) {
                changed.insert(path)
            }
        }
        return changed
    }

    /// The previous load with the changed post and page files read again; nil when a full load is needed.
    static func patch(_ previous: LoadedSite, oldInputs: BuildInputs, newInputs: BuildInputs, changedPaths: Set<String>,
                      options: BuildOptions) -> LoadedSite? {
        guard previous.patchable, options.includeDrafts, oldInputs.global == newInputs.global,
              previous.day == GermanFormat.isoDay(options.now) else { return nil }
        var posts = previous.posts, pages = previous.pages
        var changed = Set<String>()
        var problems: [Diagnostic] = []
        for (folder, old, new, recursive) in [(ContentLoader.postsFolder, oldInputs.posts, newInputs.posts, true),
                                               (ContentLoader.pagesFolder, oldInputs.pages, newInputs.pages, false)] {
            for path in changedPaths.sorted() where path.hasPrefix(folder + "/") {
                let before = old[path], after = new[path]
                let depth = path.dropFirst(folder.count + 1).split(separator: "/").count
                if !recursive && depth > 1 { continue }  // inside a sub-folder the loader does not read
                let folders = [before, after].map { $0?.kind == FileFingerprint.directory }
                if folders.contains(true) {
                    if folders == [true, true] { continue }  // a file inside changed: it has its own entry
                    // A new or removed sub-folder of posts lists its files separately; pages report it.
                    if recursive && (before == nil || after == nil) { continue }
                    return nil
                }
                for version in [before, after] {
                    guard let version else { continue }
                    guard version.isRegularFile, path.hasSuffix(".md") else { return nil }
                }
                changed.insert(path)
                guard after != nil else {
                    posts[path] = nil
                    pages[path] = nil
                    continue
                }
                guard let bytes = FileBytes.read(atPath: options.siteDirectory + "/" + path) else { return nil }
                if recursive {
                    let (post, found) = PostDecoder.decode(bytes: bytes, path: path, handlungsfelder: previous.knownFields)
                    posts[path] = post
                    problems += found
                } else {
                    let (page, found) = PageDecoder.decode(bytes: bytes, path: path)
                    pages[path] = page
                    problems += found
                }
            }
        }
        guard !changed.isEmpty else { return previous }
        var next = previous
        var content = previous.result.content
        // The loader's order: posts newest first (ties by path), pages by path. A post that kept
        // its date keeps its place; otherwise sort again (by keys: moving posts is slow).
        let kept = changed.allSatisfy { path in
            switch (previous.posts[path], posts[path]) {
            case (nil, nil): return true  // a page, or a file that was no post before or after
            case let (before?, after?): return before.date == after.date
            default: return false  // a post arrived or left
            }
        }
        if kept {
            // By index, reading each post in place (copying 10,000 posts to look at their paths costs).
            for i in content.posts.indices where changed.contains(content.posts[i].source.path) {
                content.posts[i] = posts[content.posts[i].source.path]!
            }
        } else {
            let all = Array(posts.values)
            content.posts = all.indices.sorted { a, b in
                all[a].date != all[b].date ? all[a].date > all[b].date : all[a].source.path < all[b].source.path
            }.map { all[$0] }
        }
        content.pages = pages.values.sorted { $0.source.path < $1.source.path }
        next.result.content = content
        next.result.diagnostics = (previous.result.diagnostics.filter { !changed.contains($0.location.file) } + problems)
            .sortedForReport()
        next.posts = posts
        next.pages = pages
        return next
    }

    /// What the loader checks post Handlungsfelder against: the file names in
    /// content/handlungsfelder, or the eleven defaults when the folder is missing.
    static func knownFields(siteDirectory: String) -> [String] {
        let folder = siteDirectory + "/" + ContentLoader.handlungsfelderFolder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return DefaultHandlungsfelder.slugs
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0.hasSuffix(".md") }
            .map { HandlungsfeldDecoder.slug(forPath: $0) }.sorted()
    }
}
