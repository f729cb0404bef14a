import Foundation
import TestFolders

/// Small site folders written by tests.
enum TestSite {
    static func temporaryDirectory(_ name: String) -> String {
        TemporaryFolder.path("sozialsite-test-\(name)")
    }

    static func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// A minimal valid site: config, the theme of the repository, two Handlungsfelder, two posts, one page.
    static func make() throws -> String {
        let site = temporaryDirectory("site")
        let repo = EndToEndTests.repoRoot
        try FileManager.default.createDirectory(atPath: site + "/themes", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repo + "/themes/standard", toPath: site + "/themes/standard")
        try write(site + "/site-config.json", """
            {
              "baseURL": "https://example.org",
              "title": "Testseite",
              "description": "Eine Testseite",
              "language": "de-DE",
              "timeZone": "Europe/Berlin",
              "theme": "standard",
              "itemsPerPage": 10
            }
            """)
        try write(site + "/content/handlungsfelder/arbeit.md", """
            ---
            title: attraktive ARBEIT
            label: Attraktive Arbeit
            order: 1
            summary: Arbeit und Beruf.
            ---
            Beschreibung.
            """)
        try write(site + "/content/handlungsfelder/bildung.md", """
            ---
            title: lebenslange BILDUNG
            label: Lebenslange Bildung
            order: 4
            summary: Bildung.
            ---
            Beschreibung.
            """)
        try write(site + "/content/beitraege/erster.md", """
            ---
            title: Erster Beitrag
            date: 2023-04-26
            handlungsfelder: [arbeit]
            tags: [Ehrenamt]
            ---
            Hallo. Siehe [den zweiten](/2023/05/zweiter-beitrag/).
            """)
        try write(site + "/content/beitraege/zweiter.md", """
            ---
            title: Zweiter Beitrag
            date: 2023-05-02 10:00
            handlungsfelder: [bildung, arbeit]
            ---
            Noch ein Beitrag.
            """)
        try write(site + "/content/seiten/impressum.md", """
            ---
            title: Impressum
            ---
            Angaben gemäß § 5 DDG.
            """)
        return site
    }

    /// Every file under `directory` with its bytes.
    static func snapshot(_ directory: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: directory + "/" + path) }
        }
        return files
    }
}
