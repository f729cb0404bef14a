import Foundation
import Support
import Testing
@testable import Content

// The walker takes each entry's kind from the folder listing (`d_type`) instead of one `lstat` per
// file, and the service entries skip `replacing` when there is nothing to replace. Both must
// answer exactly as before.

@Suite("Folder listing and quick replacing")
struct FolderListingTests {
    @Test func walkerFindsFilesFoldersAndLinksLikeBefore() throws {
        let site = try TemporarySite()
        try site.write("content/beitraege/2022/ä-umlaut 🎉.md", "x")
        try site.write("content/beitraege/2022/b.md", "x")
        try site.write("content/beitraege/2021/a.md", "x")
        try site.write("content/beitraege/.versteckt.md", "x")
        try site.write("content/beitraege/.well-known/x.md", "x")
        try site.write("content/beitraege/Z-gross.md", "x")
        try site.write("content/beitraege/leerer-ordner/.gitkeep", "")
        try site.link("content/beitraege/verweis.md", to: "2021/a.md")          // a file link inside
        try site.link("content/beitraege/ordner-verweis", to: "2022")           // a folder link inside
        try site.link("content/beitraege/kaputt.md", to: "gibt-es-nicht.md")     // dangling
        try site.link("content/beitraege/schleife", to: ".")                     // a loop

        let walker = SiteFileWalker(siteDirectory: site.path)
        let all = walker.files(in: "content/beitraege", recursive: true)
        #expect(all.files.map(\.relativePath) == [
            "content/beitraege/.well-known/x.md",
            "content/beitraege/2021/a.md",
            "content/beitraege/2022/b.md",
            "content/beitraege/2022/ä-umlaut 🎉.md",
            "content/beitraege/Z-gross.md",
            "content/beitraege/verweis.md",
        ])
        #expect(all.files.allSatisfy { $0.absolutePath == walker.root + "/" + $0.relativePath })
        #expect(all.skippedFolders.isEmpty)
        #expect(all.diagnostics.map(\.code) == ["broken-symlink"])

        let flat = walker.files(in: "content/beitraege", recursive: false)
        #expect(flat.files.map(\.relativePath) == [
            "content/beitraege/Z-gross.md", "content/beitraege/verweis.md",
        ])
        #expect(flat.skippedFolders == [
            "content/beitraege/.well-known", "content/beitraege/2021", "content/beitraege/2022",
            "content/beitraege/leerer-ordner", "content/beitraege/ordner-verweis", "content/beitraege/schleife",
        ])
        #expect(walker.files(in: "content/gibt-es-nicht", recursive: true).files.isEmpty)
    }

    /// `SitePath.problem` as it was before the byte-level checks for ASCII paths.
    static func characterProblem(_ path: String) -> String? {
        if path.hasPrefix("http://") || path.hasPrefix("https://") || path.hasPrefix("//") {
            return "ist eine vollständige Webadresse, hier ist aber ein Pfad auf dieser Website gefragt"
        }
        if !path.hasPrefix("/") { return "beginnt nicht mit „/“" }
        if path.contains(where: { $0 == " " || $0 == "\t" || $0 == "\\" }) { return "enthält Leerzeichen oder einen Backslash" }
        if path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) {
            return "enthält „..“ oder „.“ als Ordnerangabe"
        }
        if path.contains("?") || path.contains("#") { return "enthält „?“ oder „#“" }
        return nil
    }

    @Test func sitePathProblemsAreFoundLikeCharacterByCharacter() {
        let paths = ["", "/", "//x", "/bilder/a.svg", "/bilder/a b.svg", "/a\tb", "/a\\b", "/../x", "/a/./b", "/a/../",
                     "/a/.../b", "/.x/..y/", "/a..b", "/a/.", "/a/..", "/a//b", "/a?b", "/a#b", "/a?#", "bilder/x",
                     "http://x/", "https://x/y", "/ä ö", "/ümlaut/🎉.svg", "/a \u{301}b", "/a\r\nb", "/.\u{301}/x",
                     "/&<>\"'", "/" + String(repeating: "lang/", count: 300) + "x.svg", "/x/.\u{301}/"]
        for path in paths {
            #expect(SitePath.problem(path) == Self.characterProblem(path), "\(path)")
        }
    }

    @Test func quickReplacingEqualsReplacing() {
        let texts = ["", "_", "a_b_c", "ohne", "Straße_Öl_🎉", "_\u{0301}x", "x_\u{0301}", "Mo – Fr", "Mo –\u{0301} Fr",
                     "Mo—Mi, Fr−Sa", "Mo‑Di", "Sa und So", "Di bis Do", " bis ", "bis", "und und und",
                     "+49 (0)3731", "(0)(0)", "(0", String(repeating: "ab_", count: 500), "&<>\"'"]
        let targets = ["_", "–", "—", "‑", "−", " bis ", " und ", "(0)"]
        for text in texts {
            for target in targets {
                #expect(text.replacingWhereWritten(target, with: "-") == text.replacing(target, with: "-"),
                        "\(text) / \(target)")
            }
        }
        #expect(String.bytes(of: "abc", contain: ""))
        #expect(!String.bytes(of: "ab", contain: "abc"))
        #expect(String.bytes(of: "aab", contain: "ab"))
    }
}
