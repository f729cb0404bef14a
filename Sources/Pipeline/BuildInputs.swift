import Foundation
import Content
#if canImport(Glibc)
import Glibc
#endif

/// Everything an incremental build looks at to find out what changed since the last build, read
/// with `lstat` only.
///
/// Posts and pages are tracked file by file: a change to one of them re-renders what depends on
/// it. Everything else the build reads (site-config.json, templates, Handlungsfelder, newsletter
/// texts, data, any other folder under content/) goes into one `global` fingerprint: when it
/// changes, the build renders everything again. Static files and theme assets are copied: a new
/// version of one is copied again (`OutputUpdater` compares their fingerprints); a static file
/// added, removed or resized counts as global (image sizes and the link check depend on them).
///
/// A new kind of input outside these folders must be added to `globalFolders`, or the
/// incremental build would not notice its changes.
struct BuildInputs: Sendable {
    static let globalFiles = ["site-config.json"]
    /// Where the site's indicator data lives (`SiteData.load`).
    static let dataFolder = "content/daten"
    static let globalFolders = ["content", "themes", "data"]
    /// Tracked per file, not part of `global`.
    static let itemFolders: Set<String> = [ContentLoader.postsFolder, ContentLoader.pagesFolder, ContentLoader.staticFolder]

    var global: UInt64
    /// The indicator data (`content/daten/`, `data/`): charts in posts are drawn from it.
    var dataKey: UInt64 = 0
    /// `content/beitraege/**` by path relative to the site folder.
    var posts: [String: FileFingerprint]
    /// `content/seiten/**`.
    var pages: [String: FileFingerprint]
    /// When the scan ran (nanoseconds since 1970).
    var scanTime: Int64 = 0
    /// Content hashes of posts and pages modified shortly before the scan: the file system's clock
    /// is coarse, so a second save within the same tick can leave size and time unchanged
    /// („racy“ files, as git calls them). Those are compared by content next time.
    var contentHashes: [String: UInt64] = [:]

    /// How close to the scan a modification time must be for the file to count as racy.
    static let racyWindow: Int64 = 2_000_000_000

    func fingerprint(_ path: String) -> FileFingerprint? { posts[path] ?? pages[path] }

    /// Whether the post or page file at `path` is the same as in the `old` scan.
    func unchanged(_ path: String, since old: BuildInputs, siteDirectory: String) -> Bool {
        guard let now = fingerprint(path), now == old.fingerprint(path) else { return false }
        guard let hash = old.contentHashes[path] else { return true }
        return (contentHashes[path] ?? Self.contentHash(siteDirectory + "/" + path)) == hash
    }

    static func contentHash(_ path: String) -> UInt64? {
        FileManager.default.contents(atPath: path).map { StableHash.of([UInt8]($0)) }
    }

    /// Like `scan`, but posts and pages are looked at again only where `hint` (paths relative to the
    /// site folder, from the file watcher) says something changed; everything else comes from
    /// `previous`. The global part is always read again (it is small).
    static func scan(siteDirectory: String, key: UInt64, previous: BuildInputs, hint: [String]) -> BuildInputs {
        var inputs = scan(siteDirectory: siteDirectory, key: key, includeItems: false)
        inputs.posts = previous.posts
        inputs.pages = previous.pages
        for path in Set(hint).sorted() {
            for (folder, recursive) in [(ContentLoader.postsFolder, true), (ContentLoader.pagesFolder, false)] {
                guard path == folder || path.hasPrefix(folder + "/") else { continue }
                var table = folder == ContentLoader.postsFolder ? inputs.posts : inputs.pages
                // Whatever was at or below the path is read again.
                for known in table.keys where known == path || known.hasPrefix(path + "/") { table[known] = nil }
                if path == folder || FileFingerprint.of(siteDirectory + "/" + path)?.kind == FileFingerprint.directory {
                    if recursive || path == folder { FolderScan.entries(siteDirectory: siteDirectory, folder: path, into: &table) }
                    if let fingerprint = FileFingerprint.of(siteDirectory + "/" + path), path != folder {
                        table[path] = fingerprint
                    }
                } else if let fingerprint = FileFingerprint.of(siteDirectory + "/" + path),
                          !(path as NSString).lastPathComponent.hasPrefix(".") {
                    table[path] = fingerprint
                }
                if folder == ContentLoader.postsFolder { inputs.posts = table } else { inputs.pages = table }
            }
        }
        inputs.hashRacyFiles(siteDirectory: siteDirectory)
        return inputs
    }

    static func scan(siteDirectory: String, key: UInt64) -> BuildInputs {
        scan(siteDirectory: siteDirectory, key: key, includeItems: true)
    }

    private static func scan(siteDirectory: String, key: UInt64, includeItems: Bool) -> BuildInputs {
        let site = siteDirectory
        var hash = StableHash()
        var data = StableHash()
        hash.add(key)
        for file in globalFiles {
            hash.add(file)
            if let fingerprint = FileFingerprint.of(site + "/" + file) { fingerprint.add(to: &hash) } else { hash.add(false) }
        }
        for folder in globalFolders {
            var entries: [String: FileFingerprint] = [:]
            FolderScan.entries(siteDirectory: site, folder: folder, into: &entries, skipping: itemFolders)
            for path in entries.keys.sorted() {
                let fingerprint = entries[path]!
                hash.add(path)
                if isAsset(path) {
                    // Assets are copied: their contents do not change any page, their paths and sizes may.
                    hash.add(UInt64(fingerprint.kind))
                } else {
                    fingerprint.add(to: &hash)
                }
                if path.hasPrefix(Self.dataFolder + "/") || path.hasPrefix("data/") {
                    data.add(path)
                    fingerprint.add(to: &data)
                }
            }
        }
        let statics = FolderScan.entries(siteDirectory: site, folder: ContentLoader.staticFolder)
        for path in statics.keys.sorted() {
            var fingerprint = statics[path]!
            if fingerprint.kind == FileFingerprint.symbolicLink {
                fingerprint = FileFingerprint.following(site + "/" + path) ?? fingerprint
            }
            hash.add(path)
            hash.add(UInt64(fingerprint.kind))
            hash.add(UInt64(bitPattern: fingerprint.size))
        }
        var inputs = BuildInputs(global: hash.value, posts: [:], pages: [:])
        inputs.dataKey = data.value
        guard includeItems else { return inputs }
        inputs.posts = FolderScan.entries(siteDirectory: site, folder: ContentLoader.postsFolder)
        inputs.pages = FolderScan.entries(siteDirectory: site, folder: ContentLoader.pagesFolder)
        inputs.hashRacyFiles(siteDirectory: site)
        return inputs
    }

    /// Notes the time of the scan and hashes the posts and pages modified just before it.
    mutating func hashRacyFiles(siteDirectory: String) {
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        scanTime = Int64(clock.tv_sec) * 1_000_000_000 + Int64(clock.tv_nsec)
        contentHashes = [:]
        for table in [posts, pages] {
            for (path, fingerprint) in table
            where fingerprint.isRegularFile && fingerprint.modified >= scanTime - Self.racyWindow {
                contentHashes[path] = Self.contentHash(siteDirectory + "/" + path)
            }
        }
    }

    /// `themes/<name>/assets/…`
    static func isAsset(_ path: String) -> Bool {
        let parts = path.split(separator: "/", maxSplits: 3)
        return parts.count == 4 && parts[0] == "themes" && parts[2] == "assets"
    }
}
