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

extension SearchLineBytesTests {
    /// The meta line before: parts in an array, joined.
    static func referenceMetaLine(_ index: SearchIndex, _ document: SearchDocument, withKind: Bool) -> String {
        var parts: [String] = []
        if withKind { parts.append(document.kind.singular) }
        if let date = document.date { parts.append(GermanFormat.longDate(date)) }
        let labels = document.handlungsfelder.compactMap(index.label(ofField:))
        if !labels.isEmpty && document.kind != .handlungsfeld { parts.append(labels.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    @Test func metaLinesAreTheJoinedParts() {
        let site = SampleSite.make(postCount: 1)
        var fields = site.content.handlungsfelder
        fields[0].label = ""  // an empty label is still a part
        let more = Self.documents + [
            SearchDocument(kind: .beitrag, title: "t", url: "/a/", handlungsfelder: [fields[0].slug, fields[1].slug]),
            SearchDocument(kind: .handlungsfeld, title: "h", url: "/h/", handlungsfelder: [fields[1].slug],
                           date: Date(timeIntervalSince1970: 0)),
            SearchDocument(kind: .indikator, title: "i", url: "/i/", handlungsfelder: ["unbekannt", fields[2].slug, fields[3].slug],
                           date: Date(timeIntervalSince1970: 1_700_000_000)),
        ]
        let index = SearchIndex(documents: more, handlungsfelder: fields)
        for document in index.documents {
            for withKind in [true, false] {
                #expect(index.metaLine(document, withKind: withKind) == Self.referenceMetaLine(index, document, withKind: withKind))
            }
        }
    }
}
