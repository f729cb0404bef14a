import Content
import Foundation
import Support
import Testing
@testable import Outputs

/// Index lines are written into one byte buffer, the terms straight from the collector; they must
/// be the lines the string concatenation wrote.
@Suite struct SearchLineBytesTests {
    /// The line before: escaped fields joined by commas, then the sorted terms as a string.
    static func referenceLine(_ index: SearchIndex, _ document: SearchDocument) -> String {
        let terms = SearchText.sortedTermsLine([document.title] + document.textParts)
        return "[" + [document.url, document.title, index.metaLine(document), document.summary].map(Escape.jsonString)
            .joined(separator: ",") + ",\"" + terms + "\"]"
    }

    static let documents: [SearchDocument] = [
        SearchDocument(kind: .beitrag, title: "Zitat \"x\" </script> & mehr", url: "/2022/05/x/",
                       handlungsfelder: ["armut-notlagen", "unbekannt"], date: Date(timeIntervalSince1970: 1_651_561_200),
                       summary: "Ältere\tMenschen\nmit \\ kleiner Rente \u{1}.", text: "Älter älteste Pflege-Beratung 2022 1.640 €"),
        SearchDocument(kind: .seite, title: "", url: "/leer/"),
        SearchDocument(kind: .handlungsfeld, title: "Armut", url: "/handlungsfelder/armut-notlagen/",
                       handlungsfelder: ["armut-notlagen"], textParts: ["", "und die der", "e\u{301}cole 👩‍👩‍👧 ẞ"]),
        SearchDocument(kind: .angebot, title: String(repeating: "Wohnungslosenhilfe ", count: 200), url: "/angebote/w/",
                       summary: String(repeating: "„Hilfe“ ", count: 50),
                       textParts: (0..<300).map { "Wort\($0) Straße\($0 % 7) Kinder\($0 % 13)" }),
    ]

    @Test func linesFromTheBufferAreTheConcatenatedLines() {
        let index = SearchIndex(documents: Self.documents, handlungsfelder: SampleSite.make(postCount: 1).content.handlungsfelder)
        for document in index.documents {
            #expect(index.line(for: document) == Self.referenceLine(index, document), "\(document.url)")
        }
    }

    @Test func appendedTermsAreTheTermsLine() {
        for document in Self.documents {
            let texts = [document.title] + document.textParts
            var out: [UInt8] = Array("prefix".utf8)
            SearchText.appendSortedTermsLine(texts, to: &out, reservingExtra: 2)
            #expect(String(decoding: out, as: UTF8.self) == "prefix" + SearchText.sortedTermsLine(texts))
        }
    }
}
