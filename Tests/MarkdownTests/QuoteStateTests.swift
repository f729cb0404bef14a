import Testing
@testable import Markdown

/// Converts the text nodes of one paragraph in order, as the tree walk does.
private func convert(_ nodes: [String]) -> [String] {
    var state = QuoteState()
    return nodes.map { state.convert($0) }
}

@Test func germanQuotesInOneNode() {
    #expect(convert(["Sie sagte \"Hallo\" und 'tschüss', geht's?"]) == ["Sie sagte „Hallo“ und ‚tschüss‘, geht’s?"])
    #expect(convert(["Andrea's Laden"]) == ["Andrea’s Laden"])
    #expect(convert(["(\"in Klammern\")"]) == ["(„in Klammern“)"])
    #expect(convert(["Ohne Anführungszeichen"]) == ["Ohne Anführungszeichen"])
}

@Test func germanQuotesAcrossNodeBoundaries() {
    // `Sie sagte "*Hallo*" und` is three text nodes around the emphasis.
    #expect(convert(["Sie sagte \"", "Hallo", "\" und"]) == ["Sie sagte „", "Hallo", "“ und"])
    // A quote first in a node opens or closes by the last character of the node before.
    #expect(convert(["Wort ", "\"zitiert\""]) == ["Wort ", "„zitiert“"])
    #expect(convert(["Wort", "\"x\""]) == ["Wort", "“x“"])
    // An apostrophe last in a node has no next character: after a letter it stays an apostrophe.
    #expect(convert(["Andrea'", "s Laden"]) == ["Andrea’", "s Laden"])
    // An empty node changes nothing.
    #expect(convert(["Wort ", "", "\"x\""]) == ["Wort ", "", "„x“"])
}

@Test func germanQuotesAfterNonASCII() {
    // Letters outside ASCII are words, dashes open, no-break spaces are spaces.
    #expect(convert(["für\"x"]) == ["für“x"])
    #expect(convert(["–\"x\""]) == ["–„x“"])
    #expect(convert(["a\u{00A0}\"x\""]) == ["a\u{00A0}„x“"])
    #expect(convert(["a\u{202F}'x', "]) == ["a\u{202F}‚x‘, "])
    #expect(convert(["Ärger's"]) == ["Ärger’s"])
    #expect(convert(["Straße'Ä"]) == ["Straße’Ä"])
    // An emoji is not a word: what follows it opens nothing and closes.
    #expect(convert(["😀\"x\""]) == ["😀“x“"])
}

@Test func notedCodeAndLineBreaksDecideTheNextQuote() {
    var state = QuoteState()
    state.note("code")
    #expect(state.convert("\"x\"") == "“x“")
    state.reset()
    state.noteSpace()
    #expect(state.convert("\"x\"") == "„x“")
    state.reset()
    state.note("ä")
    #expect(state.convert("'s") == "’s")
}

@Test func byteConversionReportsWhetherItChangedAnything() {
    var state = QuoteState()
    var out: [UInt8] = [1, 2, 3]
    var plain = "Kein Zitat "  // ends in a space: the next quote opens
    let changed = plain.withUTF8 { state.convert($0, into: &out) }
    #expect(!changed)
    #expect(out == [1, 2, 3])
    var quoted = "\"Ja\""
    #expect(quoted.withUTF8 { state.convert($0, into: &out) })
    #expect(String(decoding: out, as: UTF8.self) == "„Ja“")
}

@Test func quoteConversionMatchesTheScalarVersion() {
    // Apostrophes, both quotes, CRLF, tabs, no-break spaces, combining marks, emoji, CJK,
    // numeric signs (½ has a numeric type), openers and non-ASCII letters, in random nodes.
    let alphabet = ["\"", "'", "'", "a", "Z", "7", " ", "\t", "\r\n", "\n", "ä", "ß", "Ü", "–", "—", "„", "‚",
                    "(", "[", "-", "/", ".", ",", "\u{00A0}", "\u{202F}", "\u{2003}", "\u{301}", "😀", "中", "½",
                    "²", "’", "“", "x"]
    var random = SeededGenerator(seed: 20_240_611)
    for _ in 0..<3_000 {
        var state = QuoteState()
        var reference = ReferenceQuoteState()
        for _ in 0..<Int(random.next() % 5) + 1 {
            switch random.next() % 10 {
            case 0:
                state.reset(); reference.reset()
            case 1:
                let code = random.string(from: alphabet, count: Int(random.next() % 4))
                state.note(code); reference.note(code)
            default:
                let text = random.string(from: alphabet, count: Int(random.next() % 12))
                let converted = state.convert(text)
                let expected = reference.convert(text)
                #expect(converted == expected, "\(Array(text.unicodeScalars))")
                if converted != expected { return }
            }
        }
    }
}

@Test func byteClassesAgreeWithScalarClasses() {
    for byte in UInt8(0)..<0x80 {
        #expect(QuoteState.classify(ascii: byte) == QuoteState.classify(Unicode.Scalar(byte)), "\(byte)")
    }
    let quotes: [(Unicode.Scalar, (bytes: (UInt8, UInt8, UInt8), class: QuoteState.Previous))] = [
        ("„", QuoteState.lowDoubleOpening), ("“", QuoteState.doubleClosing), ("‚", QuoteState.lowSingleOpening),
        ("‘", QuoteState.singleClosing), ("’", QuoteState.apostrophe),
    ]
    for (scalar, constant) in quotes {
        #expect(Array(String(scalar).utf8) == [constant.bytes.0, constant.bytes.1, constant.bytes.2])
        #expect(QuoteState.classify(scalar) == constant.class)
    }
}

@Test func quotesFoundAtEveryOffset() {
    // The word-at-a-time scan against a plain search, quotes in words and tails, and bytes one
    // away from a quote (0x21, 0x23, 0x26, 0x28, 0xA2, 0xA7).
    let pieces = ["a", "ä", "\"", "'", "!", "#", "&", "(", "\u{A2}", "\u{A7}", "Wort ", "€", "\u{22A2}"]
    var random = SeededGenerator(seed: 3)
    for _ in 0..<3_000 {
        var text = random.string(from: pieces, count: Int(random.next() % 30))
        let expected = text.utf8.contains(0x22) || text.utf8.contains(0x27)
        #expect(text.withUTF8 { QuoteState.containsQuote($0) } == expected, "\(text)")
    }
    var empty = ""
    #expect(!empty.withUTF8 { QuoteState.containsQuote($0) })
}
