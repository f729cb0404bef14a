import Foundation
import Testing
import Content
@testable import Outputs

// The byte-wise paths of feeds and newsletter must give what the string and character paths they
// stand in for give: tags copied from their bytes (`FeedHTML.copyTag`), line wrapping on scalars,
// file stems of feed ids, and the newsletter's entries made once for all three files.

@Suite struct FeedBytePathTests {
    static let pageURL = "https://mittelsachsen-sozial.de/2022/05/x/"

    /// Tags whose attributes take every turn of `rebuild`: entities, quotes, URLs of every kind,
    /// dropped and bare attributes, names in upper case and with umlauts, SVG, spans, broken tags.
    static let tricky: [String] = [
        "<p class=\"a\">x</p><td class=\"ausrichtung-rechts\">1</td><th scope=\"row\">k</th>",
        "<a href=\"https://example.org/?a=1&amp;b=2\">x</a><a href=\"https://example.org/ \">y</a>",
        "<a href=\"http://example.org/ü\">x</a><a href=\"https://example.org/\u{A0}\">y</a>",
        "<a href=\"mailto:a@b.de\">m</a><a href=\"MAILTO:a@b.de\">M</a><a href=\"tel:+49123\">t</a>",
        "<a href=\"mailto:\u{301}a@b.de\">m</a><a href=\"mailto:ä@b.de\">ä</a><a href=\" mailto:a@b.de\">s</a>",
        "<a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a><a href=\"#\">leer</a><a href=\"#a:b\">c</a>",
        "<a href=\"#ü\">u</a><a href=\"#\u{301}x\">c</a><a href=\"#x y\">s</a><a href=\"#x\r\n\">n</a>",
        "<a href=\"/2022/05/y/\">rel</a><a href=\"../z/\">up</a><a href=\"\">empty</a><a href=\"javascript:alert(1)\">j</a>",
        "<a href=\"//example.org/x\">proto</a><a href='https://example.org/\"q'>q</a><a href=https://e.org/u>u</a>",
        "<img src=\"https://e.org/a.png\" alt=\"A &lt;b&gt; 'c'\" width=\"10\"><img src=\"/bilder/a.svg\" alt=\"x\"/>",
        "<p onclick=\"x()\" ONLOAD=\"y\" style=\"color:red\" STYLE=\"x\" srcdoc=\"s\" formaction=\"f\">t</p>",
        "<img srcset=\"/a.png 1x, https://e.org/b.png 2x\" src=\"https://e.org/c.png\">",
        "<p dätä=\"1\" data-x=\"ü\" title=\"Straße – „Zitat“\" hidden>t</p><p \u{212A}=\"k\">k</p>",
        "<div class=\"tabelle\" role=\"region\" aria-label=\"Tabelle\" tabindex=\"0\"><table><tr><td>1</td></tr></table></div>",
        "<span class=\"visually-hidden\"> (externer Link)</span><span class=\"x\">s</span>",
        "<svg viewBox=\"0 0 1 1\" aria-label=\"Diagramm\"><a href=\"#k\"><g/></a><use xlink:href=\"#p\"/></svg><hr/>",
        "<script>alert(1)</script><style>p{}</style><form action=\"/x\"><input value=\"v\"></form><iframe src=\"x\"></iframe>",
        "<!-- Kommentar --><![CDATA[x]]><?php ?><!DOCTYPE html>a < b <3 <p/>",
        "<P CLASS=\"Gross\">x</P><BR/><a HREF=\"https://e.org/\" TITLE='t'>l</a>",
        "<p class = \"a\" title= 'b' data-x =c>t</p><p class=\"a\"/><p a=b/>",
        "<a href=\"https://e.org/\" title=\"unterbrochen", "<p class=\"x", "<a href=", "<a href=\"",
        "<blockquote cite=\"/quelle/\">q</blockquote><video poster=\"https://e.org/p.png\" src=\"#v\"></video>",
        "<a href=\"tel:\">t</a><a href=\"https://\">h</a><object data=\"x\"><param name=\"a\"></object>",
        // Plain tags (`FeedHTML.plainTagEnd`): kept and dropped names, SVG around them, odd names and ends.
        "<svg><g><rect></rect><text>t</text></g></svg><SVG><G></G></SVG><p><span>s</span></p><Span>S</Span>",
        "<script>x</script><Script>y</Script><textarea>t</textarea><form>f</form><label>l</label><body>b</body>",
        "<h2>a</h2><h10>b</h10><a1>c</a1><1a>d</1a><o:p>e</o:p><x-y>f</x-y><abcdefghijk>g</abcdefghijk>",
        "</><p ><br><br/></br>< p><pä>ü</pä><P>x</P><TD>y</TD><strong>", "<p", "</p", "<", "</",
        "<svg><p>in</p><br></svg><td></td><li></li><tr></tr><thead></thead><tbody></tbody><sup></sup><del></del>",
    ]

    @Test func copiedTagsAreWhatTheGeneralRebuildWrites() {
        for pageURL in [Self.pageURL, "https://example.org/a&b/\"x\"/"] {
            let cleaner = FeedHTML(pageURL: pageURL)
            for html in Self.tricky {
                #expect(cleaner.clean(html, fastTags: true) == cleaner.clean(html, fastTags: false), "\(html)")
            }
            let all = Self.tricky.joined(separator: "\n")
            #expect(cleaner.clean(all, fastTags: true) == cleaner.clean(all, fastTags: false))
        }
    }

    @Test func copiedTagsKeepWhatTheCleanerPromises() {
        let cleaner = FeedHTML(pageURL: Self.pageURL)
        #expect(cleaner.clean("<a href=\"#fn-1\">1</a>") == "<a href=\"\(Self.pageURL)#fn-1\">1</a>")
        #expect(cleaner.clean("<a href=\"mailto:a@b.de\" onclick=\"x()\">m</a>") == "<a href=\"mailto:a@b.de\">m</a>")
        #expect(cleaner.clean("<td class=\"r\" style=\"color:red\">1</td>") == "<td class=\"r\">1</td>")
        #expect(cleaner.clean("<a href=\"javascript:alert(1)\">j</a>") == "<a>j</a>")
        #expect(cleaner.clean("<p title=\"a &amp; b\">t</p>") == "<p title=\"a &amp; b\">t</p>")
    }

    /// `wrap` on scalars against the reference on characters, for texts with umlauts, emoji,
    /// combining marks, `\r\n`, runs of blanks and words longer than a line.
    @Test func wrappingOnScalarsIsWrappingOnCharacters() {
        let texts = FeedTextTests.samples + [
            "", " ", "  zwei  Leerzeichen  ", String(repeating: "Straße ", count: 30), String(repeating: "x", count: 100),
            "Ein sehr langer Satz mit https://mittelsachsen-sozial.de/2022/05/eine-sehr-lange-adresse-die-nicht-passt/ darin.",
            "Ä " + String(repeating: "ä", count: 71) + " ö", "„Zitat“ – und… ein €-Betrag von 1.640 € ­weich",
        ]
        for text in texts {
            for prefix in ["", "- ", "  12. ", "ü ", "e\u{301} "] {
                let reference = NewsletterText.wrapByCharacters(text, prefix: prefix)
                #expect(NewsletterText.wrap(text, prefix: prefix) == reference, "\(prefix)|\(text.debugDescription.prefix(80))")
                if StandaloneScalars.areCharacters(text) && StandaloneScalars.areCharacters(prefix) {
                    #expect(NewsletterText.wrapByScalars(text, prefix: prefix) == reference)
                }
            }
        }
    }

    @Test func standaloneScalarsAreTheOnesThatStandAlone() {
        #expect(StandaloneScalars.areCharacters("Straße, „Zitat“ – Ärger… 5 € ­"))
        #expect(!StandaloneScalars.areCharacters("e\u{301}"))
        #expect(!StandaloneScalars.areCharacters("a\r\nb"))
        #expect(!StandaloneScalars.areCharacters("👩‍👩‍👧"))
        #expect(!StandaloneScalars.areCharacters("\u{85}"))
        #expect(!StandaloneScalars.areCharacters("a\u{200D}b"))
    }

    @Test func fileStemsOnBytesAreTheSplitOnes() {
        func reference(_ path: String) -> String {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
            return String(name[..<dot])
        }
        let paths = ["content/beitraege/2022/armut.md", "armut.md", "a/b.c.md", "a/.hidden", "a/b/", "a//b", "/", "", "x",
                     "a/b.", "über/straße.md", "a/\u{301}b.md", "a/b.\u{301}md", "a.b/c", "//"]
        for path in paths { #expect(FeedIDs.fileStem(path) == reference(path), "\(path)") }
    }

    /// The three files of an edition made together (entries once) are the files made one by one.
    @Test func editionFilesMadeTogetherAreTheFilesMadeAlone() {
        let site = exampleSite()
        let (tool, _) = NewsletterTool.from(site.config)
        for edition in Newsletter.editions(site: site) {
            let files = Newsletter.files(edition: edition, site: site)
            #expect(files.web.text == NewsletterHTML.render(edition, site: site, variant: .web))
            #expect(files.mailHTML.text == NewsletterHTML.render(edition, site: site, variant: .email(tool)))
            #expect(files.mailText.text == NewsletterText.render(edition, site: site, tool: tool))
        }
    }
}
