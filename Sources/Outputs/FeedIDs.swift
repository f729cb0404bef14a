import Foundation
import Content
import Support

/// The permanent identity of a post in every feed (RSS `guid`, Atom `id`, JSON Feed `id`).
///
/// Readers remember items by this id; if it changes, every subscriber sees the post again as new.
/// So it is built only from what does not change after first publication:
/// 1. front matter `id` when set — used as written if it contains a `:` (a URI such as the old
///    WordPress guid `https://mittelsachsen-sozial.de/?p=123`), otherwise as the last part of
///    a tag URI (`id: armut-2022` → `tag:mittelsachsen-sozial.de,2022-04-26:armut-2022`);
/// 2. otherwise a tag URI (RFC 4151) from the site's host, the first-publication day in Berlin
///    and the post's file name without `.md`:
///    `tag:mittelsachsen-sozial.de,2022-04-26:willkommen`.
/// Title, slug, URL, Handlungsfelder, tags and sub-folder do not enter it. Limits (documented
/// for editors in docs/feeds-und-newsletter.md): renaming the file, changing `date`, or moving
/// the site to another host changes derived ids — set `id` in front matter before doing that.
public enum FeedIDs {
    /// The tag URI authority: the site's host without `www.`.
    public static func authority(_ config: SiteConfig) -> String {
        let host = config.host.lowercased()
        let bare = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        // A port or user part is not allowed in a tag authority.
        return String(bare.prefix(while: { $0 != ":" && $0 != "@" }))
    }

    /// The post's feed id.
    public static func id(of post: Post, config: SiteConfig) -> String {
        id(date: post.date, fixed: post.id, path: post.source.path, authority: authority(config))
    }

    static func id(date: Date, fixed: String?, path: String, authority: String) -> String {
        if let fixed = fixed?.trimmingCharacters(in: .whitespacesAndNewlines), !fixed.isEmpty {
            return fixed.contains(":") ? fixed : "tag:\(authority),\(GermanFormat.isoDay(date)):" + fixed
        }
        // Written into one string of its final size: this runs for every post twice a build
        // (channels and `validate`), and interpolating, then appending the stem, made two.
        var path = path, authority = authority, day = GermanFormat.isoDay(date)
        return path.withUTF8 { path in
            guard let stem = stemRange(path) else { return "tag:\(authority),\(day):" + fileStem(String(decoding: path, as: UTF8.self)) }
            return authority.withUTF8 { authority in
                day.withUTF8 { day in
                    let count = 4 + authority.count + 1 + day.count + 1 + stem.count
                    return String(unsafeUninitializedCapacity: count) { out in
                        var o = 0
                        func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                            for byte in bytes {
                                out[o] = byte
                                o += 1
                            }
                        }
                        let tag: StaticString = "tag:"
                        put(UnsafeBufferPointer(start: tag.utf8Start, count: tag.utf8CodeUnitCount))
                        put(authority)
                        out[o] = 0x2C  // ,
                        o += 1
                        put(day)
                        out[o] = 0x3A  // :
                        o += 1
                        put(UnsafeBufferPointer(rebasing: path[stem]))
                        return o
                    }
                }
            }
        }
    }

    /// The bytes of `fileStem` of an ASCII path (where every byte is a character); nil for other
    /// paths, where a combining mark after `/` or `.` would make it another character.
    private static func stemRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        var end = bytes.count
        // Trailing slashes belong to no part (`split` drops the empty parts after them).
        while end > 0, bytes[end - 1] == 0x2F { end -= 1 }
        // Only slashes (or nothing): `fileStem` gives the path itself.
        guard end > 0 else { return 0..<bytes.count }
        var start = end
        while start > 0, bytes[start - 1] != 0x2F { start -= 1 }
        var dot = end - 1
        while dot > start, bytes[dot] != 0x2E { dot -= 1 }
        // A dot as the first byte of the name (`.hidden`) is no extension.
        return dot > start ? start..<dot : start..<end
    }

    /// `content/beitraege/2022/armut.md` → `armut`.
    static func fileStem(_ path: String) -> String {
        // On bytes, for ASCII paths (where every byte is a character); this runs for every post
        // twice a build. Elsewhere a combining mark after `/` or `.` would make it another character.
        let bytes = path.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
            return String(name[..<dot])
        }
        var end = bytes.endIndex
        // Trailing slashes belong to no part (`split` drops the empty parts after them).
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == 0x2F { end = bytes.index(before: end) }
        guard end > bytes.startIndex else { return path }
        let start = bytes[..<end].lastIndex(of: 0x2F).map { bytes.index(after: $0) } ?? bytes.startIndex
        let name = path[start..<end]
        guard let dot = name.utf8.lastIndex(of: 0x2E), dot != name.startIndex else { return String(name) }
        return String(name[..<dot])
    }

    /// Problems with ids: characters an id must not hold, and two posts with the same id (readers
    /// would merge them into one item). Reported in the order of the posts' paths; of two posts
    /// with one id, the one whose path comes first keeps it.
    public static func validate(posts: [Post], config: SiteConfig) -> [Diagnostic] {
        let authority = authority(config)
        // Ids on all cores (nil: an invalid fixed id). Then one pass finds the owner of each id:
        // only the few posts with a problem are put in path order, not 10,000 paths sorted.
        let ids: [String?] = posts.parallelMap { post in
            if let fixed = post.id, !isValid(fixed) { return nil }
            return id(date: post.date, fixed: post.id, path: post.source.path, authority: authority)
        }
        /// Path order, ties by position (what a stable sort by path gives).
        func precedes(_ a: Int, _ b: Int) -> Bool {
            let x = posts[a].source.path, y = posts[b].source.path
            return x != y ? x < y : a < b
        }
        var owners: [String: Int] = [:]
        owners.reserveCapacity(posts.count)
        var problems: [Int] = []
        var shared: [String] = []
        for i in posts.indices {
            guard let id = ids[i] else {
                problems.append(i)
                continue
            }
            if let owner = owners[id] {
                if owner >= 0 { shared.append(id) }
                // Negative: the id is known to be shared (the owner is `-1 - index`).
                let index = owner >= 0 ? owner : -1 - owner
                owners[id] = -1 - (precedes(i, index) ? i : index)
            } else {
                owners[id] = i
            }
        }
        if !shared.isEmpty {
            let sharedIDs = Set(shared)
            for i in posts.indices {
                guard let id = ids[i], sharedIDs.contains(id), let owner = owners[id], -1 - owner != i else { continue }
                problems.append(i)
            }
        }
        var diagnostics: [Diagnostic] = []
        for i in problems.sorted(by: precedes) {
            let post = posts[i]
            guard let id = ids[i] else {
                let fixed = post.id ?? ""
                diagnostics.append(.error(
                    "feed-id-invalid", at: post.source.location(ofKey: "id"),
                    "Die Feed-Kennung „\(fixed)“ darf nicht leer sein und keine Leerzeichen, Anführungszeichen oder spitzen Klammern enthalten.",
                    hint: "Schreiben Sie zum Beispiel id: \(fileStem(post.source.path)) – oder lassen Sie id weg, dann bildet die Website die Kennung selbst."))
                continue
            }
            let other = posts[-1 - owners[id]!].source.path
            diagnostics.append(.error(
                "feed-id-duplicate", at: post.source.location(ofKey: post.id == nil ? "date" : "id"),
                "Dieser Beitrag hat dieselbe Feed-Kennung wie \(other): „\(id)“. Feedreader würden beide Beiträge als einen behandeln.",
                hint: "Geben Sie einem der beiden Beiträge eine eigene Kennung, z. B. id: \(fileStem(post.source.path))-2"))
        }
        return diagnostics
    }

    /// Whether a front-matter `id` may be used: not empty, no blanks, controls, `<`, `>` or `"`.
    static func isValid(_ fixed: String) -> Bool {
        let trimmed = fixed.trimmingCharacters(in: .whitespacesAndNewlines)
        return !trimmed.isEmpty && !trimmed.unicodeScalars.contains(where: {
            $0.properties.isWhitespace || $0.value < 0x20 || $0 == "<" || $0 == ">" || $0 == "\""
        })
    }
}
