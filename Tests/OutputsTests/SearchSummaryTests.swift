import Testing
@testable import Outputs

/// Result summaries (`SearchDocument.truncated`): the byte-level paths against the reference that
/// splits and counts characters, and documents whose text comes in parts.
@Suite struct SearchSummaryTests {
    @Test func equalsTheReferenceOnGeneratedTexts() {
        var samples = SearchTextSamples(seed: 4711)
        var cut = 0, byScalars = 0
        for round in 0..<2500 {
            // Around the limit of 160 characters, and far beyond it (up to more than 160 words).
            let maxTokens = round % 25 == 0 ? 400 : 60
            let text = round.isMultiple(of: 2) ? samples.text(maxTokens: maxTokens) : samples.plainText(maxTokens: maxTokens)
            let expected = SearchDocument.truncatedByCharacters(text)
            #expect(SearchDocument.truncated(text) == expected, "\(text.debugDescription)")
            if let quick = SearchDocument.truncatedByScalars(text) {
                #expect(quick == expected, "\(text.debugDescription)")
                byScalars += 1
            }
            if expected.hasSuffix(" …") { cut += 1 }
        }
        // Both paths and both outcomes were tried.
        #expect(cut > 300 && byScalars > 300)
    }

    @Test(arguments: [
        "", " ", "\n\t ", "Kurz.", " Kurz. ", "Kurz und  knapp.\nZweite Zeile", "Zeile\r\nZeile",
        String(repeating: "Sozialplanung ", count: 30),
        String(repeating: "Sozialplanung, ", count: 30),
        String(repeating: "Älter – ", count: 40),
        String(repeating: "a ", count: 200),
        String(repeating: "ab ", count: 170) + "e\u{301}",
        // A combining mark right after the separator that ends the 160th word joins it with the next.
        String(repeating: "a ", count: 160) + "\u{301}b",
        String(repeating: "a\n", count: 160) + "\u{301}b",
        String(repeating: "x", count: 170),
        String(repeating: "x", count: 159) + " –––––",
        String(repeating: "ü", count: 159) + " yy",
        String(repeating: "😀 ", count: 100),
        String(repeating: "Straße ", count: 22) + "12345678",
    ])
    func equalsTheReferenceOnEdgeCases(text: String) {
        #expect(SearchDocument.truncated(text) == SearchDocument.truncatedByCharacters(text))
    }

    @Test func shortCollapsedTextsStayAsTheyAre() {
        #expect(SearchDocument.isShortAndCollapsed("Auf dem Land sind die Wege weit."))
        #expect(!SearchDocument.isShortAndCollapsed("Zwei  Leerzeichen"))
        #expect(!SearchDocument.isShortAndCollapsed(" vorn"))
        #expect(!SearchDocument.isShortAndCollapsed("hinten "))
        #expect(!SearchDocument.isShortAndCollapsed("Zeile\nZeile"))
        #expect(!SearchDocument.isShortAndCollapsed(String(repeating: "ä", count: 81)))
    }

    @Test func textPartsReadAsOneTextWithLineBreaks() {
        let parts = SearchDocument(kind: .beitrag, title: "T", url: "/t/", textParts: ["Kurzfassung", "Pflege", "Text"])
        let joined = SearchDocument(kind: .beitrag, title: "T", url: "/t/", text: "Kurzfassung\nPflege\nText")
        #expect(parts.text == joined.text)
        #expect(parts == joined)
        #expect(parts.hashValue == joined.hashValue)
        #expect(parts != SearchDocument(kind: .beitrag, title: "T", url: "/t/", text: "Kurzfassung Pflege Text"))
        var changed = parts
        changed.text = "neu"
        #expect(changed.textParts == ["neu"])
        let index = SearchIndex(documents: [parts], handlungsfelder: [])
        #expect(index.line(for: parts) == index.line(for: joined))
    }
}
