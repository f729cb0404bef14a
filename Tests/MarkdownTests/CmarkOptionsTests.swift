import CCmarkGFM
import Testing
@testable import Markdown

/// cmark's own UTF-8 check is off (a Swift String is valid UTF-8): on every text a String can hold,
/// it made no difference.
@Test func cmarkOutputIsTheSameWithoutItsUTF8Check() {
    let texts = [
        "Ä Ö Ü ß – „Zitat“ 👩🏽‍⚕️ 𝔘 \u{FFFD} \u{0} Null\u{0}mitten",
        "# Überschrift *é* `c\u{0}de`\n\n> Zitat mit ~~strich~~ und www.straße.de\n\n| a | ü |\n|---|---|\n| 🙂 | \u{0} |",
        "Fußnote[^1]\n\n[^1]: Text mit \u{301}kombinierendem Zeichen und \u{200B}",
        "", "\u{0}", String(repeating: "ÄÖÜ🙂\u{0}", count: 500),
    ]
    for text in texts {
        func html(_ options: Int32) -> [UInt8] {
            CmarkDocument(text, options: options).withHTML { Array($0) }
        }
        #expect(html(CMARK_OPT_FOOTNOTES) == html(CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8))
    }
}
