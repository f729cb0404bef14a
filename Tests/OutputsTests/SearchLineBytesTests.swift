import Content
import Foundation
import Testing
@testable import Outputs
import Support

/// The byte writers of `SearchIndex.lineBytes(for:)` against the string functions they replace.
@Suite struct SearchLineBytesTests {
    static let tricky = [
        "", "a", "Ärger über Öl", "😀 Emoji 👩‍👩‍👧", "&<>\"'", "\\ back\\slash\\", "Zeile\nZeile\r\n\tTab",
        "\u{0}\u{1}\u{1F}\u{7F}", "</script>", "Straße · Größe – „Zitat“", String(repeating: "lang & <weit> ", count: 500),
        "&", "\"\"", "x\u{2028}y",
    ]

    static func field(_ slug: String, _ label: String, order: Int) -> Handlungsfeld {
        Handlungsfeld(source: SourceFile(path: "content/handlungsfelder/\(slug).md", body: "", bodyFirstLine: 1),
                      slug: slug, title: label.uppercased(), label: label, order: order, summary: "")
    }

    /// The byte-by-byte escaping `Escape.appendJSONString` had before it copied runs.
    static func referenceJSONString(_ text: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        let hex = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x3C, 0x3E, 0x26, 0x00...0x1F: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        return out + [0x22]
    }

    @Test(arguments: tricky)
    func escapesLikeTheByteByByteReference(text: String) {
        var actual: [UInt8] = [0x41]
        Escape.appendJSONString(text, to: &actual)
        #expect(actual == [0x41] + Self.referenceJSONString(text))
        #expect(Escape.jsonString(text) == String(decoding: Self.referenceJSONString(text), as: UTF8.self))
    }

    @Test func metaLineBytesAreTheEscapedMetaLine() {
        let fields = [
            Self.field("armut-notlagen", "Armut & \"Notlagen\"", order: 1),
            Self.field("senioren", "Senioren <60+>", order: 2),
        ]
        let date = BerlinTime.parse("2022-03-05")
        var documents: [SearchDocument] = []
        for kind in SearchDocument.Kind.allCases {
            for slugs in [[], ["senioren"], ["unbekannt"], ["senioren", "armut-notlagen", "unbekannt"]] {
                for day in [nil, date] {
                    documents.append(SearchDocument(kind: kind, title: "T", url: "/t/", handlungsfelder: slugs, date: day))
                }
            }
        }
        let index = SearchIndex(documents: documents, handlungsfelder: fields)
        for document in index.documents {
            var expected: [UInt8] = [], actual: [UInt8] = []
            Escape.appendJSONString(index.metaLine(document), to: &expected)
            index.appendMetaLine(document, to: &actual)
            #expect(actual == expected, "\(document.kind) \(document.handlungsfelder) \(String(describing: document.date))")
        }
    }

    @Test func lineIsTheFieldsAndTermsAsJSON() throws {
        let fields = [Self.field("bildung", "Bildung & Lernen", order: 1)]
        let document = SearchDocument(kind: .beitrag, title: "Zitat \"x\" </script>", url: "/2022/05/x/",
                                      handlungsfelder: ["bildung"], date: BerlinTime.parse("2022-05-03"),
                                      summary: "Ältere\tMenschen & mehr", textParts: ["Pflege-Beratung", "Kinder Kindern"])
        let index = SearchIndex(documents: [document], handlungsfelder: fields)
        let line = try #require(try JSONSerialization.jsonObject(with: Data(index.lineBytes(for: document))) as? [String])
        #expect(line == [document.url, document.title, index.metaLine(document), document.summary,
                         SearchText.sortedTermsLine([document.title] + document.textParts)])
    }
}

extension SearchLineBytesTests {
    @Test func permuteIsMapOverTheOrder() {
        var samples = SearchTextSamples(seed: 5)
        for count in [0, 1, 2, 3, 7, 50, 333] {
            for _ in 0..<20 {
                let elements = (0..<count).map { "e\($0)" }
                let order = Array(elements.indices).shuffled(using: &samples.generator)
                var permuted = elements
                SearchIndex.permute(&permuted, by: order)
                #expect(permuted == order.map { elements[$0] }, "\(order)")
            }
        }
    }
}

extension SearchLineBytesTests {
    @Test func pageWithoutDocumentsStillClosesTheListAndLoadsTheScript() {
        let html = SearchPage.bodyHTML(index: SearchIndex(documents: [], handlungsfelder: []))
        #expect(html.hasSuffix("</noscript>\n</div>\n<script src=\"/assets/js/suche.js\" defer></script>\n"))
        #expect(!html.contains("<ul"))
    }
}

extension SearchLineBytesTests {
    @Test(arguments: tricky)
    func escapesLikeEscapeHTML(text: String) {
        var actual: [UInt8] = [0x41]
        Escape.appendHTML(text, to: &actual)
        #expect(actual == [0x41] + Array(Escape.html(text).utf8))
    }

    @Test func metaLinePiecesAreTheMetaLineInHTML() {
        // Labels with characters to escape, an empty label, unknown slugs, with and without date.
        let fields = [Self.field("armut-notlagen", "Armut & \"Notlagen\"", order: 1), Self.field("leer", "", order: 2),
                      Self.field("senioren", "Senioren <60+>", order: 3)]
        let date = BerlinTime.parse("2022-03-05")
        for kind in SearchDocument.Kind.allCases {
            for slugs in [[], ["leer"], ["senioren"], ["unbekannt"], ["leer", "senioren"], ["senioren", "armut-notlagen"]] {
                for day in [nil, date] {
                    let document = SearchDocument(kind: kind, title: "T", url: "/t/", handlungsfelder: slugs, date: day)
                    let index = SearchIndex(documents: [document], handlungsfelder: fields)
                    for withKind in [false, true] {
                        var out: [UInt8] = []
                        let wrote = index.appendMetaLine(document, withKind: withKind, to: &out, escape: { Escape.appendHTML($0, to: &$1) })
                        let meta = index.metaLine(document, withKind: withKind)
                        #expect(out == Array(Escape.html(meta).utf8), "\(kind) \(slugs) \(withKind)")
                        #expect(wrote == !meta.isEmpty)
                    }
                }
            }
        }
    }
}
