import Foundation
import Testing
@testable import Support

@Test(arguments: [
    ("Älterwerden in Döbeln", "aelterwerden-in-doebeln"),
    ("Straße & Mobilität", "strasse-mobilitaet"),
    ("  „Armut“ – was tun?  ", "armut-was-tun"),
    ("SGB-II-Quote 2023", "sgb-ii-quote-2023"),
    ("Café Crème", "cafe-creme"),
    ("ÜBER uns", "ueber-uns"),
])
func slugs(input: String, expected: String) {
    #expect(Slug.make(input) == expected)
}

@Test func foldingForComparison() {
    #expect(Slug.fold("Älter") == "aelter")
}

@Test("Slugs are cut at 200 bytes like WordPress cuts them, without a dash at the end")
func slugLength() {
    // 19 letters and a dash: the cut at 200 falls right after a dash, which goes too.
    let onDash = Slug.make(String(repeating: "Wohnungslosenhilfen ", count: 20))
    #expect(onDash.utf8.count == 199 && onDash.hasSuffix("-wohnungslosenhilfen"))
    // 18 letters and a dash: the cut falls inside a word, as in WordPress.
    let inWord = Slug.make(String(repeating: "Wohnungslosenhilfe ", count: 20))
    #expect(inWord.utf8.count == 200 && inWord.hasSuffix("-wohnungslo"))
    let uncut = Slug.make(String(repeating: "ä", count: 150))   // „ae“ × 150 = 300 bytes
    #expect(uncut == String(repeating: "ae", count: 100))
    #expect(Slug.make(String(repeating: "x", count: 200)) == String(repeating: "x", count: 200))
    #expect(Slug.make("Älterwerden in Döbeln") == "aelterwerden-in-doebeln")
    #expect(Slug.fold("Pflege-Beratung") == "pflege-beratung")
}

@Test func htmlEscaping() {
    #expect(Escape.html("<a href=\"x\">Tom & 'Jerry'</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
    let plain = "Keine Sonderzeichen: Döbeln"
    #expect(Escape.html(plain) == plain)
}

@Test func xmlEscapingDropsControlCharacters() {
    #expect(Escape.xml("A\u{01}B\u{0B}C\tD\nE & <F>") == "ABC\tD\nE &amp; &lt;F&gt;")
    #expect(Escape.xml("'\"") == "&apos;&quot;")
}

@Test func jsonStringIsSafeInScriptTags() {
    #expect(Escape.jsonString("</script><b>\"x\"\n") == "\"\\u003c/script\\u003e\\u003cb\\u003e\\\"x\\\"\\n\"")
    #expect(Escape.jsonString("\u{01}") == "\"\\u0001\"")
}

@Test func suggestions() {
    let fields = ["arbeit", "bildung", "gesundheit", "armut-notlagen", "mobilitaet"]
    #expect(Suggestion.closest(to: "bildnug", in: fields) == "bildung")
    #expect(Suggestion.closest(to: "Mobilität", in: fields) == "mobilitaet")
    #expect(Suggestion.closest(to: "gesund", in: fields) == "gesundheit")
    #expect(Suggestion.closest(to: "xyzxyzxyz", in: fields) == nil)
    #expect(Suggestion.hint(for: "tittle", in: ["title", "date"]) == "Meinten Sie „title“?")
    #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    #expect(Suggestion.editDistance("emial", "email") == 1)
    #expect(Suggestion.closest(to: "emial", in: ["email", "phone"]) == "email")
}

@Test func berlinDatesInWinterAndSummer() throws {
    let winter = try #require(BerlinTime.parse("2022-01-15 09:00"))
    #expect(winter.timeIntervalSince1970 == 1642233600)  // 08:00 UTC
    let summer = try #require(BerlinTime.parse("2022-04-26"))
    #expect(summer.timeIntervalSince1970 == 1650924000)  // 2022-04-25 22:00 UTC
    #expect(BerlinTime.offsetSeconds(at: winter) == 3600)
    #expect(BerlinTime.offsetSeconds(at: summer) == 7200)
    let zoned = try #require(BerlinTime.parse("2022-04-26T09:30:00+02:00"))
    #expect(zoned.timeIntervalSince1970 == 1650958200)
    #expect(BerlinTime.parse("2022-04-26T07:30:00Z") == zoned)
    #expect(BerlinTime.parse("2022-04-26 09:30:00 +0200") == zoned)
}

@Test func clockChangeNights() throws {
    // 2022-10-30 02:30 happens twice in Berlin; we take the first (summer time) one.
    let autumn = try #require(BerlinTime.parse("2022-10-30 02:30"))
    #expect(BerlinTime.components(of: autumn).hour == 2)
    // 2022-03-27 02:30 does not exist; the clock jumps to 03:30 like a wall clock.
    let spring = try #require(BerlinTime.parse("2022-03-27 02:30"))
    #expect(BerlinTime.components(of: spring).hour == 3)
}

@Test(arguments: ["2022-13-01", "2022-02-30", "26.04.2022", "2022-04-26 25:00", "2022-04-26T10:00+2", "gestern", ""])
func invalidDates(text: String) {
    #expect(BerlinTime.parse(text) == nil)
}

@Test func germanDatesAndNumbers() throws {
    let date = try #require(BerlinTime.parse("2022-04-26"))
    #expect(GermanFormat.longDate(date) == "26. April 2022")
    #expect(GermanFormat.longDate(try #require(BerlinTime.parse("2023-03-05T23:30:00Z"))) == "6. März 2023")
    #expect(GermanFormat.isoDay(date) == "2022-04-26")
    #expect(GermanFormat.number(1234.5, decimals: 1) == "1.234,5")
    #expect(GermanFormat.number(299329) == "299.329")
    #expect(GermanFormat.number(-0.75, decimals: 1) == "−0,8")
    #expect(GermanFormat.number(-0.04, decimals: 1) == "0,0")
    #expect(GermanFormat.number(999) == "999")
    #expect(GermanFormat.percent(12.345) == "12,3\u{00A0}%")
}

@Test func imageDimensions() {
    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
    png += [0, 0, 2, 128, 0, 0, 1, 224]  // 640 × 480
    #expect(ImageDimensions.of(png)! == (640, 480))
    let svg = Array("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 800 450\">".utf8)
    #expect(ImageDimensions.of(svg)! == (800, 450))
    let sized = Array("<svg width=\"120\" height=\"60px\" viewBox=\"0 0 1 1\">".utf8)
    #expect(ImageDimensions.of(sized)! == (120, 60))
    #expect(ImageDimensions.of(Array("kein Bild".utf8)) == nil)
}

@Test func parallelMapKeepsOrder() {
    let input = Array(0..<10_000)
    #expect(input.parallelMap { $0 * 2 } == input.map { $0 * 2 })
    #expect([Int]().parallelMap { $0 } == [])
}

@Test func diagnosticsPrintLikeCompilers() {
    let d = Diagnostic.error("unknown-handlungsfeld", at: SourceLocation(file: "content/beitraege/a.md", line: 4, column: 5),
                             "Das Handlungsfeld „bildnug“ gibt es nicht.", hint: "Meinten Sie „bildung“?")
    #expect(d.description == "content/beitraege/a.md:4:5: Fehler: Das Handlungsfeld „bildnug“ gibt es nicht.\n    Hinweis: Meinten Sie „bildung“?")
}

@Test func sequentialLimitIsRespected() {
    let threads = CoreCount.$limit.withValue(1) { () -> Set<String> in
        Array(0..<200).parallelMap { _ in "\(pthread_self())" }.reduce(into: Set()) { $0.insert($1) }
    }
    #expect(threads.count == 1)
}

@Test func byteReplacement() {
    #expect("a<b>c<b>".replacingBytes([("<b>", "[B]"), ("c", "C")]) == "a[B]C[B]")
    #expect("Döbeln".replacingBytes([("ö", "oe")]) == "Doebeln")
    #expect("nichts".replacingBytes([("x", "y")]) == "nichts")
    #expect("aaa".replacingBytes([("aa", "b")]) == "ba")
    #expect("Grüße aus Döbeln".containsBytes("aus D"))
    #expect(!"".containsBytes("x"))
}

/// `replacingBytes` keeps each pattern's next match instead of searching again after every
/// replacement; the result must be what the plain definition gives: leftmost match first, the
/// first listed pattern among matches at the same place.
@Test func replacingBytesMatchesTheDefinitionOnRandomText() {
    func reference(_ text: String, _ replacements: [(String, String)]) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = [], i = 0
        outer: while i < bytes.count {
            for (pattern, replacement) in replacements {
                let p = Array(pattern.utf8)
                if !p.isEmpty, i + p.count <= bytes.count, Array(bytes[i..<(i + p.count)]) == p {
                    out += Array(replacement.utf8); i += p.count; continue outer
                }
            }
            out.append(bytes[i]); i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
    let alphabet = ["a", "b", "<", ">", "ab", "ä", " ", "ba"]
    let patterns: [(String, String)] = [("ab", "[1]"), ("b<", "[2]"), ("aa", "[3]"), ("<a", "[4]"), ("ä", "ae"), ("bab", "[5]")]
    var state: UInt64 = 42
    for _ in 0..<500 {
        var text = ""
        for _ in 0..<(Int(state % 40)) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            text += alphabet[Int((state >> 33) % UInt64(alphabet.count))]
        }
        // Each pattern in or out, by the same generator: every subset order is tried somewhere.
        let chosen = patterns.enumerated().filter { index, _ in (state >> (40 + index)) & 1 == 0 }.map(\.element)
        #expect(text.replacingBytes(chosen) == reference(text, chosen), "\(text)")
        #expect(text.replacingBytes(Array(chosen.reversed())) == reference(text, Array(chosen.reversed())), "\(text)")
    }
}

@Test func escapeHTMLOnBytesReplacesTheFiveCharacters() {
    #expect(Escape.html("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    #expect(Escape.html("Grüße aus Döbeln") == "Grüße aus Döbeln")
    #expect(Escape.html("") == "")
    #expect(Escape.xml("a\u{1}b'") == "ab&apos;")
}

@Test func urlPathEncodesOnlyWhatMayNotStandInAPath() {
    let safe = "/2022/05/armut-notlagen/?a=1&b=2#abschnitt-2~x_y.z!$'()*+,;:@%20"
    #expect(Escape.urlPath(safe) == safe)
    #expect(Escape.urlPath("") == "")
    #expect(Escape.urlPath("/bilder/Straße mit Blick.png") == "/bilder/Stra%C3%9Fe%20mit%20Blick.png")
    #expect(Escape.urlPath("/a\"b<c>d\\e^f`g{h|i}j[k]\t\n") == "/a%22b%3Cc%3Ed%5Ce%5Ef%60g%7Bh%7Ci%7Dj%5Bk%5D%09%0A")
    #expect(Escape.urlPath("\u{7F}") == "%7F")
}

/// The byte writer every page uses for escaping gives exactly `Escape.html`, at every length (the
/// clean check runs in vector steps, so lengths around 16, 32 and 64 bytes matter).
@Test func appendHTMLMatchesHTMLEscaping() {
    var texts = ["", "a", "&", "<>\"'&", "Ärger & „Zitat“ <b>", "😀'😀", "\u{0}x\u{1F}"]
    for length in [15, 16, 17, 31, 32, 33, 63, 64, 65, 200] {
        texts.append(String(repeating: "ä", count: length))
        texts.append(String(repeating: "a", count: length - 1) + "<")
        texts.append("'" + String(repeating: "b", count: length))
    }
    for text in texts {
        var out: [UInt8] = [0x41]
        Escape.appendHTML(text, to: &out)
        #expect(out == [0x41] + Array(Escape.html(text).utf8), "\(text)")
    }
}
