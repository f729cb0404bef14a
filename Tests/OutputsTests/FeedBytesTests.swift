import Testing
import Support
@testable import Outputs

// `FeedBytes` escapes feed text in one pass over bytes; it must give exactly what the string
// functions it replaced give (`XMLText.escape`, `XMLText.cdata`, `Escape.jsonString` of
// `XMLText.clean`), which stay as the reference.

@Suite struct FeedBytesTests {
    static let tricky: [String] = [
        "", "a", "&<>\"'", "Straße – „Zitat“ ‚x‘ … 1 € ä ö ü Ä Ö Ü ß",
        "Emoji 👩‍👩‍👧 🇩🇪 e\u{301} \r\n Ende", "\u{1}\u{8}\u{B}\u{C}\u{E}\u{1F}\u{7F}\t\n\r",
        "a\u{FFFE}b\u{FFFF}c\u{FFFD}d\u{FEFF}e\u{EFBF}f", "\u{FFFF}", "x\u{FFFE}",
        "]]>", "]]]>", "]]>]]>", "]]\u{1}>", "]\u{1}]>", "]]]]>>", "a]]b]]>c]", "]]", ">", "]>", "<![CDATA[x]]>",
        "\\ \" \\\" \\u0026 </script>", "<p class=\"a\">Tom &amp; Jerry's</p>\n<pre><code>if a < b && c > d {}</code></pre>",
        String(repeating: "Lange Zeile mit Umlauten äöü & <Zeichen> \"Anführung\" 'x' ]]> \u{7}", count: 500),
    ]

    static func cdata(_ text: String) -> String {
        var out: [UInt8] = []
        var text = text
        text.withUTF8 { FeedBytes.appendCDATA($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func xmlIsWhatXMLTextEscapeGives() {
        for text in Self.tricky {
            var out: [UInt8] = Array("vorher]]".utf8)
            FeedBytes.appendXML(text, to: &out)
            #expect(out == Array(("vorher]]" + XMLText.escape(text)).utf8), "\(text.debugDescription)")
        }
    }

    @Test func cdataIsWhatXMLTextCDATAGives() {
        for text in Self.tricky {
            #expect(Self.cdata(text) == XMLText.cdata(text), "\(text.debugDescription)")
            // What stands before the section never counts as part of a `]]>`.
            var out: [UInt8] = Array("]]".utf8)
            var copy = text
            copy.withUTF8 { FeedBytes.appendCDATA($0, to: &out) }
            #expect(out == Array(("]]" + XMLText.cdata(text)).utf8), "\(text.debugDescription)")
        }
        // A `]]>` whose parts stand in different eight-byte words, with dropped bytes between them.
        for offset in 0..<17 {
            let pad = String(repeating: "x", count: offset)
            for middle in ["", "\u{1}", String(repeating: "\u{1}", count: 9), "\u{FFFE}", "\u{FFFF}\u{7F}\u{FFFE}", "\u{FEFF}"] {
                for text in [pad + "]]" + middle + ">" + pad + "abcdefghijklmnop", pad + "]" + middle + "]>" + pad] {
                    #expect(Self.cdata(text) == XMLText.cdata(text), "\(text.debugDescription)")
                }
            }
        }
        #expect(Self.cdata("a]]>b") == "<![CDATA[a]]]]><![CDATA[>b]]>")
        #expect(Self.cdata("]]\u{1}>") == "<![CDATA[]]]]><![CDATA[>]]>")
    }

    @Test func jsonIsWhatEscapeJSONStringOfCleanTextGives() {
        for text in Self.tricky {
            var out: [UInt8] = []
            FeedBytes.appendJSONString(text, to: &out)
            #expect(out == Array(Escape.jsonString(XMLText.clean(text)).utf8), "\(text.debugDescription)")
        }
    }

    @Test func cleanedBytesAreWhatCleanGives() {
        let cleaner = FeedHTML(pageURL: "https://mittelsachsen-sozial.de/2022/05/x/")
        for html in FeedBytePathTests.tricky + Self.tricky {
            var copy = html
            let bytes = copy.withUTF8 { cleaner.cleanedBytes($0) }
            #expect(bytes == Array(cleaner.clean(html).utf8), "\(html.debugDescription)")
        }
    }

    @Test func absolutizedBytesAreWhatAbsolutizedGives() {
        let html = "<p><a href=\"/2022/05/ä/\">x</a> <img src=\"/bilder/a b.svg\" alt=\"\"> <a href=\"//e.org/\">y</a> <a href=\"/\">z</a></p>"
        var copy = html
        let bytes = copy.withUTF8 { FeedBodies.absolutizedBytes(pageHTML: $0, base: "https://example.org/a&b") }
        #expect(String(decoding: bytes, as: UTF8.self) == FeedBodies.absolutized(pageHTML: html, base: "https://example.org/a&b"))
        #expect(String(decoding: bytes, as: UTF8.self).contains("href=\"https://example.org/a&amp;b/2022/05/ä/\""))
    }

    /// Every special byte at every position of the eight-byte words the fast path skips by.
    @Test func everyPositionOfEveryAlphabetMixAgrees() {
        let alphabet: [String] = ["a", "ä", "&", "<", ">", "\"", "'", "\\", "]", "\n", "\t", "\r", "\u{1}", "\u{7F}",
                                  "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "–", "€", "😀", " ", "#", "%", "=", "?", "~"]
        var seed: UInt64 = 0x5EED
        func next() -> Int {
            // A fixed sequence (xorshift), so a failure can be repeated.
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % UInt64(alphabet.count))
        }
        for length in 0..<40 {
            for _ in 0..<30 {
                let text = (0..<length).map { _ in alphabet[next()] }.joined()
                var xml: [UInt8] = [], json: [UInt8] = []
                FeedBytes.appendXML(text, to: &xml)
                FeedBytes.appendJSONString(text, to: &json)
                #expect(xml == Array(XMLText.escape(text).utf8), "\(text.debugDescription)")
                #expect(json == Array(Escape.jsonString(XMLText.clean(text)).utf8), "\(text.debugDescription)")
                #expect(Self.cdata(text) == XMLText.cdata(text), "\(text.debugDescription)")
            }
        }
    }

    /// Attribute kinds by numeric keys are what the string and dictionary lookup gave.
    @Test func attributeKindsByKeyAreWhatTheDictionaryGives() {
        let names = ["href", "HREF", "Src", "src\u{0}", "sr", "s", "", "o", "on", "ON", "Onclick", "one", "style", "STYLE",
                     "srcset", "srcdoc", "formaction", "FormAction", "formactions", "xlink:href", "XLINK:HREF", "xlink:hre",
                     "background", "longdesc", "action", "cite", "poster", "posters", "data-href", "dätä", "hréf",
                     "abcdefghijklmnopq", "abcdefghijklmnop", "class", "title", "id", "width", "alt", "aria-label"]
        for name in names {
            var copy = name
            copy.withUTF8 { bytes in
                let range = 0..<bytes.count
                #expect(HTMLTag.AttributeKind(bytes, name: range) == HTMLTag.AttributeKind.byString(bytes, name: range), "\(name)")
            }
        }
    }
}
