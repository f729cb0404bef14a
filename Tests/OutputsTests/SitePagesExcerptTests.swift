import Foundation
@testable import Outputs
import Testing

/// `Text.excerpt` takes a byte path for Latin text; both paths must give the same excerpt.
struct SitePagesExcerptTests {
    /// Pieces that meet every rule: separators (also "\r\n", one Character), umlauts, a soft hyphen
    /// and a no-break space (no separators), ©, the dash and punctuation that are cut at the end,
    /// a combining accent and emoji (those leave the byte path), long words.
    static let pieces = ["a", "Wort", "Ärger", "groß", " ", "  ", "\n", "\r", "\r\n", "\t", ",", ".", ";", ":", "-", "–",
                         "\u{00AD}", "\u{00A0}", "©", "e\u{0301}", "👩‍👩‍👧", "Ŧ", "ǅ", "Sozialplanungsberichterstattung",
                         String(repeating: "x", count: 30), "„", "“", "—", "…", "€", "‰", "‼", "\u{2027}", "\u{205E}",
                         "\u{200D}", "\u{2028}", "\u{20D0}", "‼\u{FE0F}", "\u{2060}", "\u{202F}", "\u{20BF}"]

    /// The scalars the byte path reads; a piece made of them only keeps the text on that path.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x300 || (0x2010...0x2027).contains(scalar.value) || (0x2030...0x205E).contains(scalar.value)
            || (0x20A0...0x20BF).contains(scalar.value)
    }

    static func text(_ seed: UInt64, pieces: [String], length: Int) -> String {
        var state = seed
        var text = ""
        for _ in 0..<length {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += pieces[Int((state >> 33) % UInt64(pieces.count))]
        }
        return text
    }

    @Test func bothPathsGiveTheSameExcerpt() {
        let latin = Self.pieces.filter { $0.unicodeScalars.allSatisfy(Self.isPlain) }
        var fastUsed = 0
        for seed in 0..<1_500 as Range<UInt64> {
            let pool = seed % 2 == 0 ? latin : Self.pieces
            let text = Self.text(seed, pieces: pool, length: Int(seed % 97))
            for limit in [1, 2, 3, 7, 20, 160, 220] {
                let expected = SitePages.Text.characterExcerpt(text, limit: limit)
                #expect(SitePages.Text.excerpt(text, limit: limit) == expected, "\(limit) \(text.debugDescription)")
                if let fast = SitePages.Text.latinExcerpt(text, limit: limit) {
                    fastUsed += 1
                    #expect(fast == expected)
                }
            }
        }
        #expect(fastUsed > 4_000, "der Bytepfad muss für lateinischen Text greifen")
    }

    @Test func edgeCasesAtTheLimit() {
        for text in ["", " ", "a", "ab", "a\r\nb", "abc\r", "ab\r\ncd", "Ä" + String(repeating: "ö", count: 400),
                     String(repeating: "ä ", count: 110), String(repeating: "x", count: 440) + "e\u{0301}",
                     String(repeating: "x", count: 439) + "e\u{0301}", String(repeating: "x", count: 440) + "\r\n",
                     String(repeating: "x", count: 439) + "\r\n", String(repeating: "Wort, ", count: 80),
                     String(repeating: "Wort – ", count: 80), String(repeating: "„Zitat“ … ", count: 50),
                     String(repeating: "x", count: 440) + "\u{20D0}", String(repeating: "x", count: 439) + "‼\u{FE0F}"] {
            for limit in [1, 2, 219, 220, 221] {
                #expect(SitePages.Text.excerpt(text, limit: limit) == SitePages.Text.characterExcerpt(text, limit: limit),
                        "\(limit) \(text.debugDescription)")
            }
        }
    }
}

/// `isSafeSitePath` checks ASCII paths on bytes; it must judge them as the string tests do.
struct SitePagesSafePathTests {
    static func stringVersion(_ path: String) -> Bool {
        guard path.hasPrefix("/"), !path.contains("//"), !path.contains("\\") else { return false }
        for segment in path.split(separator: "/") where segment == ".." || segment == "." { return false }
        return !path.utf8.contains { $0 < 0x20 || $0 == 0x7F }
    }

    @Test(arguments: ["/2022/05/x/", "/", "", "x/", "//", "/a//b/", "/a/../b/", "/a/./b/", "/..", "/.", "/...", "/a..b/",
                      "/a\\b/", "/a\tb/", "/a\r\nb/", "/a\u{7F}/", "/tag/ärger/", "/ä//b/", "/a/../ö/", "/.hidden/",
                      "/a/b", "/a/b/..", "/\u{0301}a/", "/a/\u{0301}/",
                      // Segments counted byte by byte: dots next to other bytes, at the end, after `/`.
                      "/..a/", "/a../", "/.a./", "/a/.", "/a/..", "/a/...", "/./", "/../", "/..../", "/a/.b", "/-/"])
    func bytesJudgeLikeStrings(path: String) {
        #expect(SitePages.isSafeSitePath(path) == Self.stringVersion(path))
    }
}
