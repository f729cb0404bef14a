import Foundation
@testable import Pipeline
import Support

/// A site folder with enough posts for pagination (two per page), feeds (three items), shared
/// Handlungsfelder and tags, aliases, two years, a draft, a scheduled post, a static image and
/// pages: every kind of page depends on something an edit below can change.
struct IncrementalSite: Sendable {
    let root: String
    static let now = BerlinTime.parse("2024-06-15 12:00")!

    init() throws {
        root = TestSite.temporaryDirectory("inkrementell")
        let repo = EndToEndTests.repoRoot
        try FileManager.default.createDirectory(atPath: root + "/themes", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repo + "/themes/standard", toPath: root + "/themes/standard")
        try write("site-config.json", """
            {
              "baseURL": "https://example.org",
              "title": "Testseite",
              "description": "Eine Testseite",
              "language": "de-DE",
              "timeZone": "Europe/Berlin",
              "theme": "standard",
              "itemsPerPage": 2,
              "feeds": {"items": 3}
            }
            """)
        for (slug, title, order) in [("arbeit", "attraktive ARBEIT", 1), ("bildung", "lebenslange BILDUNG", 4),
                                     ("gesundheit", "GESUNDHEIT rundum", 5)] {
            try write("content/handlungsfelder/\(slug).md", """
                ---
                title: \(title)
                label: \(title.capitalized)
                order: \(order)
                summary: Über \(slug).
                ---
                Beschreibung von \(slug).
                """)
        }
        let posts: [(file: String, title: String, date: String, fields: String, tags: String, extra: String)] = [
            ("2023/eins.md", "Eins", "2023-03-01", "[arbeit]", "[Ehrenamt]", "summary: Erster Text."),
            ("2023/zwei.md", "Zwei", "2023-05-02 10:00", "[bildung, arbeit]", "[Ehrenamt, Pflege]", ""),
            ("2023/drei.md", "Drei", "2023-07-14", "[bildung]", "[Pflege]", "summary: Dritter Text."),
            ("2023/vier.md", "Vier", "2023-11-30", "[arbeit]", "[Familie]", "aliases: [/2023/11/alt-vier/]"),
            ("2024/fuenf.md", "Fünf", "2024-01-10", "[arbeit, bildung]", "[Ehrenamt, Familie]", "summary: Fünfter Text."),
            ("2024/sechs.md", "Sechs", "2024-02-20", "[bildung]", "[]", "image: /bilder/bild.svg\nimage_alt: Ein Bild"),
            ("2024/sieben.md", "Sieben", "2024-03-05", "[arbeit]", "[Pflege]", "summary: Siebter Text."),
            ("2024/acht.md", "Acht", "2024-04-18", "[bildung]", "[Ehrenamt]", ""),
            ("2024/neun.md", "Neun", "2024-05-01", "[arbeit]", "[Familie, Pflege]", "draft: true"),
            ("2024/zehn.md", "Zehn", "2024-12-24", "[bildung]", "[Ehrenamt]", "summary: Geplant."),
        ]
        for post in posts {
            try write("content/beitraege/\(post.file)", Self.post(title: post.title, date: post.date, fields: post.fields,
                                                                   tags: post.tags, extra: post.extra,
                                                                   body: "## Abschnitt\n\nText von \(post.title). Siehe [Impressum](/impressum/)."))
        }
        try write("content/seiten/impressum.md", "---\ntitle: Impressum\n---\nAngaben gemäß § 5 DDG.\n")
        try write("content/seiten/datenschutz.md", "---\ntitle: Datenschutz\nsummary: Wie wir mit Daten umgehen.\n---\nKeine Cookies.\n")
        try write("content/static/bilder/bild.svg",
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\" viewBox=\"0 0 40 20\"></svg>\n")
    }

    static func post(title: String, date: String, fields: String, tags: String, extra: String, body: String) -> String {
        "---\ntitle: \(title)\ndate: \(date)\nhandlungsfelder: \(fields)\ntags: \(tags)\n\(extra.isEmpty ? "" : extra + "\n")---\n\(body)\n"
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        try TestSite.write(path(relative), text)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// Replaces `old` by `new` in a file (which must contain it).
    func replace(_ relative: String, _ old: String, _ new: String) throws {
        let text = try read(relative)
        precondition(text.contains(old), "„\(old)“ fehlt in \(relative)")
        try write(relative, text.replacingOccurrences(of: old, with: new))
    }

    /// Every file of the site with its bytes, by path relative to the site folder (what a file
    /// watcher would see change).
    func files() throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            if path.hasPrefix(".sozialsite-cache") { continue }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result[path] = FileManager.default.contents(atPath: root + "/" + path) }
        }
        return result
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: path(relative))
    }

    func options(output: String, drafts: Bool) -> BuildOptions {
        BuildOptions(siteDirectory: root, outputDirectory: output, includeDrafts: drafts, now: Self.now)
    }
}

/// Runs long, blocking work (whole builds) on a thread of its own: Swift Testing runs synchronous
/// tests on the few threads of the concurrency pool, where they would starve other suites running
/// at the same time (the preview server of DevServerTests answers on those threads).
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}
