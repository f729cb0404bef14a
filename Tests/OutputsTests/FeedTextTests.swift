import Foundation
@testable import Outputs
import Testing

/// Teasers and excerpts read only the start of a post now; they must give what the whole-text
/// definitions gave.
@Suite struct FeedTextTests {
    /// The definition before: split the whole text at blanks, join with single spaces.
    static func referenceTeaser(_ text: String, maxLength: Int) -> String {
        let collapsed = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            .joined(separator: " ")
        guard collapsed.count > maxLength else { return collapsed }
        var cut = collapsed.prefix(maxLength)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        while let last = cut.last, ",;:–-".contains(last) { cut = cut.dropLast() }
        return cut + " …"
    }

    static let samples: [String] = {
        let words = ["Ehrenamt", "in", "Döbeln:", "Teilhabe,", "„Hilfe“", "–", "e\u{301}", "\u{301}x", "👩‍👩‍👧", "🇩🇪🇩🇪",
                     "Straße", "a", "Wort;", "\r\n", "\n\n", "\t", "   ", " \u{301}", "Sozialbericht"]
        var state: UInt64 = 1
        var texts = ["", " ", "kurz", String(repeating: "x", count: 500), String(repeating: "Wort ", count: 100),
                     String(repeating: " ", count: 400) + "spät", "eins\r\nzwei\r\ndrei " + String(repeating: "lang ", count: 80)]
        for length in [5, 40, 70, 90, 150, 400] {
            for _ in 0..<30 {
                var text = ""
                for _ in 0..<length {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    text += words[Int((state >> 33) % UInt64(words.count))]
                    if (state >> 20) & 3 != 0 { text += " " }
                }
                texts.append(text)
            }
        }
        return texts
    }()

    @Test func teaserEqualsTheWholeTextDefinition() {
        for text in Self.samples {
            for maxLength in [0, 1, 10, 220, 300] {
                #expect(FeedText.teaser(text, maxLength: maxLength) == Self.referenceTeaser(text, maxLength: maxLength),
                        "\(maxLength): \(text.debugDescription.prefix(80))")
            }
        }
    }

    @Test func excerptStillCutsAtWordsAndKnowsWhenTextWasLeftOut() {
        let exact = String(repeating: "ab ", count: 40)  // 120 characters
        #expect(SitePages.Text.excerpt(exact, limit: 60).hasSuffix(" …"))
        #expect(SitePages.Text.excerpt("kurzer Text", limit: 60) == "kurzer Text")
        // Exactly twice the limit is not „more“; one character more is.
        let twice = String(repeating: "x", count: 120)
        #expect(SitePages.Text.excerpt(twice, limit: 60) == twice.prefix(60) + " …")
        #expect(SitePages.Text.excerpt(String(repeating: "y", count: 50), limit: 60) == String(repeating: "y", count: 50))
    }
}
