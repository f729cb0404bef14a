import Testing
@testable import Markdown

@Test func characterColumnsOnCRLFAndNonASCIILines() {
    let index = LineIndex("Über\r\nä ö [x](/y/)\n\n\tTab")
    #expect(index.characterColumn(line: 1, byteColumn: 1) == 1)
    #expect(index.characterColumn(line: 1, byteColumn: 3) == 2)   // after the two bytes of Ü
    #expect(index.characterColumn(line: 2, byteColumn: 7) == 5)   // [ after ä ö
    #expect(index.characterColumn(line: 4, byteColumn: 2) == 2)   // after the tab
    #expect(index.characterColumn(line: 3, byteColumn: 5) == 5)   // past an empty line: counts on, as before
    #expect(index.characterColumn(line: 9, byteColumn: 4) == 4)   // no such line
    #expect(index.characterColumn(line: 1, byteColumn: 0) == 1)
    #expect(LineIndex("").characterColumn(line: 1, byteColumn: 3) == 3)
}

@Test func characterColumnsMatchTheCopyingVersion() {
    let alphabet = ["a", "ä", "😀", "\n", "\r\n", "\t", " ", "中"]
    var random = SeededGenerator(seed: 3)
    for _ in 0..<300 {
        let text = random.string(from: alphabet, count: Int(random.next() % 30))
        let index = LineIndex(text)
        let reference = ReferenceLineIndex(text)
        for line in 0...8 {
            for column in 0...12 {
                #expect(index.characterColumn(line: line, byteColumn: column)
                        == reference.characterColumn(line: line, byteColumn: column))
            }
        }
    }
}

@Test(arguments: [
    ("#abschnitt", LinkKind.fragment),
    ("//cdn.example.org/x.js", .external),
    ("/2022/05/armut/", .siteRelative),
    ("MAILTO:info@example.org", .mail),
    ("Tel:+49 3731 799", .phone),
    ("HTTPS://WWW.Mittelsachsen-Sozial.DE/x/", .internalAbsolute),
    ("http://mittelsachsen-sozial.de:8080/x", .internalAbsolute),
    ("https://mittelsachsen-sozial.de.example.org/", .external),
    ("https://example.org/?a=b", .external),
    ("https://", .external),
    ("JavaScript:alert(1)", .dangerous),
    ("data:text/html,x", .dangerous),
    ("../bild.png", .relative),
    ("a/b:c", .relative),
    ("?x:y", .relative),
    ("", .relative),
    ("https://bücher.example/", .external),
    ("https://www.mittelsachsen-sozial.de/ä/", .internalAbsolute),
    ("jävascript:alert(1)", .dangerous),
])
func linkKinds(url: String, expected: LinkKind) {
    let hosts = ["mittelsachsen-sozial.de"]
    #expect(LinkKind(url, siteHosts: hosts) == expected)
    #expect(LinkKind(unicode: url, siteHosts: hosts) == expected)
}

@Test func asciiLinkKindsMatchTheCharacterRules() {
    let alphabet = ["h", "t", "p", "s", ":", "/", "//", "#", "?", "www.", "Mittelsachsen-Sozial.de", "MAILTO:", "tel:",
                    "HTTP://", "https://", "x", "\r\n", ".", "@", "javascript:"]
    var random = SeededGenerator(seed: 11)
    for _ in 0..<3_000 {
        let url = random.string(from: alphabet, count: Int(random.next() % 6))
        let hosts = ["mittelsachsen-sozial.de", "Beispiel.DE"]
        #expect(LinkKind(url, siteHosts: hosts) == LinkKind(unicode: url, siteHosts: hosts), "\(url)")
    }
}

@Test func trimmingSpacesKeepsItsMeaning() {
    for text in ["", "x", " x ", "\tx\n", "\r\nx\r\n", "\u{00A0}x", "x\u{00A0}", "\u{2003}/a b/\u{3000}", "é", "e\u{301}",
                 " \u{301}x", "x \u{301}", "/pfad/", "a", " ", "\u{0600}x"] {
        #expect(text.trimmingSpaces() == text.referenceTrimmingSpaces(), "\(Array(text.unicodeScalars))")
        #expect(text.trimmingSpacesIfAny() == text.referenceTrimmingSpaces(), "\(Array(text.unicodeScalars))")
    }
    #expect(" /x/ ".trimmingSpaces() == "/x/")
    #expect("\u{00A0}/x/".trimmingSpaces() == "/x/")
}

@Test func continuationBytesInWordsAndTails() {
    for text in ["", "a", "ä", "abcdefgh", "äöüßÄÖÜẞ", "😀😀😀", "1234567ä", "ä1234567", "中文字符串测试", "a\u{301}b\u{301}c\u{301}d"] {
        var text = text
        let expected = text.utf8.filter { $0 & 0xC0 == 0x80 }.count
        #expect(text.withUTF8 { LineIndex.continuationBytes($0) } == expected, "\(text)")
    }
}

@Test func siteHostsCompareAsTheLowercasedStringsDid() {
    // The rule before hosts were lowercased once: `host.lowercased() == urlHost || … == bare`, on
    // Strings, so canonical equivalence counts (U+212A Kelvin lowercases to "k"; U+037E equals ";").
    func reference(_ url: String, _ hosts: [String]) -> Bool {
        let lower = url.lowercased()
        let afterScheme = lower.drop(while: { $0 != "/" }).dropFirst(2)
        let host = String(afterScheme.prefix(while: { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }))
        let bare = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        return hosts.contains(where: { $0.lowercased() == host || $0.lowercased() == bare })
    }
    let hostLists = [["mittelsachsen-sozial.de"], ["\u{212A}iel.de", "Beispiel.DE"], ["x\u{037E}y.de"], ["WWW.a.de"], [], ["ä.de"]]
    let urls = ["https://kiel.de/", "https://KIEL.de", "http://www.kiel.de:80/", "https://x;y.de/", "https://X;Y.DE?q",
                "https://www.x;y.de/", "https://www.a.de/", "https://a.de/", "https://www.www.a.de/", "https://beispiel.de#x",
                "https://www./", "https://www", "https://mittelsachsen-sozial.de/", "https://ä.de/", "https://Ä.DE/",
                "https://mittelsachsen-sozial.de.example/", "http:///", "https://wWw.Mittelsachsen-Sozial.de/"]
    for hosts in hostLists {
        for url in urls {
            let isInternal = LinkKind(url, siteHosts: hosts) == .internalAbsolute
            #expect(isInternal == reference(url, hosts), "\(url) \(hosts)")
        }
    }
}

@Test func continuationBytesInLongLines() {
    // Past 255 words of eight bytes the byte counters are summed and start again; every byte a
    // continuation byte fills them fastest.
    var random = SeededGenerator(seed: 5)
    let pieces = ["a", "ä", "€", "😀", " ", "ß", "x\u{301}"]
    var texts = [String(repeating: "\u{80}", count: 3_000), String(repeating: "😀", count: 1_000), String(repeating: "ä", count: 2_041)]
    for _ in 0..<50 { texts.append(random.string(from: pieces, count: Int(random.next() % 3_000))) }
    for text in texts {
        var text = text
        let expected = text.utf8.filter { $0 & 0xC0 == 0x80 }.count
        #expect(text.withUTF8 { LineIndex.continuationBytes($0) } == expected)
    }
    #expect(SWAR.sumOfBytes(0xFFFF_FFFF_FFFF_FFFF) == 8 * 255)
}
