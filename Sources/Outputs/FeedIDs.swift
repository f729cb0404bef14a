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
        let prefix = "tag:\(authority),\(GermanFormat.isoDay(date)):"
        if let fixed = fixed?.trimmingCharacters(in: .whitespacesAndNewlines), !fixed.isEmpty {
            return fixed.contains(":") ? fixed : prefix + fixed
        }
        return prefix + fileStem(path)
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
    /// would merge them into one item).
    public static func validate(posts: [Post], config: SiteConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]  // id → source path
        let authority = authority(config)
        // By index, without copying posts: this runs on every build of 10,000 of them.
        let paths = posts.map { $0.source.path }
        for i in posts.indices.sorted(by: { paths[$0] < paths[$1] }) {
            if let fixed = posts[i].id {
                let post = posts[i]
                let trimmed = fixed.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty || trimmed.unicodeScalars.contains(where: {
                    $0.properties.isWhitespace || $0.value < 0x20 || $0 == "<" || $0 == ">" || $0 == "\""
                }) {
                    diagnostics.append(.error(
                        "feed-id-invalid", at: post.source.location(ofKey: "id"),
                        "Die Feed-Kennung „\(fixed)“ darf nicht leer sein und keine Leerzeichen, Anführungszeichen oder spitzen Klammern enthalten.",
                        hint: "Schreiben Sie zum Beispiel id: \(fileStem(post.source.path)) – oder lassen Sie id weg, dann bildet die Website die Kennung selbst."))
                    continue
                }
            }
            let id = id(date: posts[i].date, fixed: posts[i].id, path: posts[i].source.path, authority: authority)
            if let other = seen[id] {
                let post = posts[i]
                diagnostics.append(.error(
                    "feed-id-duplicate", at: post.source.location(ofKey: post.id == nil ? "date" : "id"),
                    "Dieser Beitrag hat dieselbe Feed-Kennung wie \(other): „\(id)“. Feedreader würden beide Beiträge als einen behandeln.",
                    hint: "Geben Sie einem der beiden Beiträge eine eigene Kennung, z. B. id: \(fileStem(post.source.path))-2"))
            } else {
                seen[id] = posts[i].source.path
            }
        }
        return diagnostics
    }
}
