import Testing
@testable import Markdown

private func build(_ pieces: [String?]) -> (text: String, words: Int) {
    var builder = PlainTextBuilder()
    for piece in pieces {
        if let piece { builder.append(piece) } else { builder.appendSpace() }
    }
    return (builder.string, builder.wordCount)
}

@Test func plainTextCollapsesASCIIWhitespace() {
    #expect(build([]) == ("", 0))
    #expect(build([""]) == ("", 0))
    #expect(build([" \t\r\n ", nil, nil]) == ("", 0))
    #expect(build(["  Ein\tkurzer\r\nText  "]) == ("Ein kurzer Text", 3))
    #expect(build(["Zeile\r\n\r\nZeile"]) == ("Zeile Zeile", 2))
}

@Test func plainTextJoinsPiecesAsWritten() {
    // `foo**bar**` is two text nodes but one word; a separator between them makes two.
    #expect(build(["foo", "bar"]) == ("foobar", 1))
    #expect(build(["foo", nil, "bar"]) == ("foo bar", 2))
    #expect(build(["foo ", nil, " ", "bar"]) == ("foo bar", 2))
    // No separator at the start or the end.
    #expect(build([nil, "Titel", nil]) == ("Titel", 1))
    #expect(build(["", "Titel", ""]) == ("Titel", 1))
}

@Test func plainTextKeepsOtherWhitespace() {
    // As before: only space, tab, CR and LF separate words; a no-break space is text.
    #expect(build(["10\u{00A0}%"]) == ("10\u{00A0}%", 1))
    #expect(build(["a \u{00A0} b"]) == ("a \u{00A0} b", 3))
    #expect(build(["a\u{2003}b\u{3000}c"]) == ("a\u{2003}b\u{3000}c", 1))
    #expect(build(["Grüße,", nil, "Döbeln"]) == ("Grüße, Döbeln", 2))
}

@Test func plainTextMatchesJoinedAndCollapsed() {
    let alphabet = [" ", "  ", "\t", "\r\n", "\n", "\r", "a", "Wort", "ä", "ß", "\u{00A0}", "\u{2028}", "😀", ".", "-"]
    var random = SeededGenerator(seed: 7)
    for _ in 0..<2_000 {
        var builder = PlainTextBuilder(capacity: Int(random.next() % 8))
        var pieces: [String] = []
        for _ in 0..<Int(random.next() % 6) {
            if random.next() % 4 == 0 {
                builder.appendSpace()
                pieces.append(" ")
            } else {
                let piece = random.string(from: alphabet, count: Int(random.next() % 7))
                builder.append(piece)
                pieces.append(piece)
            }
        }
        let expected = pieces.joined().collapsingWhitespace()
        #expect(builder.string == expected, "\(pieces)")
        #expect(builder.wordCount == expected.wordCount, "\(pieces)")
    }
}

@Test func plainTextBuilderStartsAgainAfterRemoveAll() {
    var builder = PlainTextBuilder()
    builder.append("erste Worte ")
    builder.removeAll()
    #expect(builder.string == "")
    #expect(builder.wordCount == 0)
    builder.append("  neu")
    builder.appendSpace()
    #expect(builder.string == "neu")
    #expect(builder.wordCount == 1)
}

@Test func plainTextMatchesJoinedAndCollapsedOnLongPieces() {
    // Pieces longer than eight bytes, where whole words of eight bytes are copied at once: single
    // spaces (copied), double spaces, tabs and line ends (byte by byte) at every offset.
    let alphabet = [" ", " ", " ", "  ", "\t", "\r\n", "\n", "a", "Wort", "Beratungsstelle", "ä", "ß", "\u{00A0}", "😀", ".",
                    "x y", "ab cd ef gh", "\u{2028}", "\r"]
    var random = SeededGenerator(seed: 8)
    for _ in 0..<3_000 {
        var builder = PlainTextBuilder()
        var pieces: [String] = []
        for _ in 0..<Int(random.next() % 5) {
            if random.next() % 5 == 0 {
                builder.appendSpace()
                pieces.append(" ")
            } else {
                let piece = random.string(from: alphabet, count: Int(random.next() % 40))
                builder.append(piece)
                pieces.append(piece)
            }
        }
        let expected = pieces.joined().collapsingWhitespace()
        #expect(builder.string == expected, "\(pieces)")
        #expect(builder.wordCount == expected.wordCount, "\(pieces)")
        if builder.string != expected { return }
    }
}

@Test func plainTextWordsOfEightBytes() {
    #expect(build(["abcdefgh"]) == ("abcdefgh", 1))
    #expect(build(["abc defgh ijk lmno"]) == ("abc defgh ijk lmno", 4))
    #expect(build(["abcdefg ", "hijklmno"]) == ("abcdefg hijklmno", 2))
    #expect(build(["abcdefg ", " hijklmn"]) == ("abcdefg hijklmn", 2))
    #expect(build([" abcdefghijklmnop "]) == ("abcdefghijklmnop", 1))
    #expect(build(["a b c d e f g h i j"]) == ("a b c d e f g h i j", 10))
    #expect(build(["Größe   Maß\tÄrger\nüber"]) == ("Größe Maß Ärger über", 4))
}
