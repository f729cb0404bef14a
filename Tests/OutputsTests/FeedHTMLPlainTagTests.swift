import Testing
@testable import Outputs

// Tags without attributes are copied without building a string each; the result must be what
// the general rebuild gives: names keep their case, `/` stays only inside SVG, styles still apply.

@Test func plainTagsComeOutAsTheGeneralRebuildWritesThem() {
    let clean = FeedHTML(pageURL: "https://mittelsachsen-sozial.de/2022/05/x/")
    #expect(clean.clean("<p>Text <STRONG>fett</STRONG><br/></p >") == "<p>Text <STRONG>fett</STRONG><br></p>")
    // Inside SVG a self-closing tag keeps its slash, outside it does not.
    #expect(clean.clean("<svg viewBox=\"0 0 1 1\"><g/></svg><hr/>") == "<svg viewBox=\"0 0 1 1\"><g/></svg><hr>")
    // Dropped tags stay dropped, their text stays.
    #expect(clean.clean("<form><label>Name</label></form>") == "Name")
}

@Test func plainTagsStillGetTheNewsletterInlineStyles() {
    let mail = FeedHTML(pageURL: "https://mittelsachsen-sozial.de/", inlineStyles: ["p": "margin:0"])
    #expect(mail.clean("<p>Hallo</p><li>x</li>") == "<p style=\"margin:0\">Hallo</p><li>x</li>")
}

/// `FeedHTML.plainTagEnd` copies a tag as it stands only for names the general way keeps
/// (`HTMLTag.Kind.other`): its table must tell every name as `Kind` does.
@Test func plainTagsAreTheKeptNamesOnly() {
    var names = FeedHTML.droppedWithContent.sorted() + FeedHTML.droppedTags.sorted()
        + ["svg", "span", "SVG", "Span", "sCrIpT", "p", "P", "li", "strong", "h2", "abcdefgh", "abcdefghi", "Frameset"]
    for a in "abcdefghijklmnopqrstuvwxyz" {
        names.append(String(a))
        for b in "abcdefghijklmnopqrstuvwxyz0123456789" { names.append("\(a)\(b)") }
    }
    for name in names {
        let bytes = Array(name.utf8)
        let kind = bytes.withUnsafeBufferPointer { HTMLTag.Kind($0, name: 0..<bytes.count) }
        for tag in ["<\(name)>", "</\(name)>"] {
            let html = Array(tag.utf8)
            let end = html.withUnsafeBufferPointer { FeedHTML.plainTagEnd($0, at: 0, keptNames: .shared) }
            #expect(end == (kind == .other ? html.count : nil), "\(tag)")
        }
    }
}

/// The `visually-hidden` test on bytes for ASCII class values is `String.contains` for them all.
@Test func visuallyHiddenIsTheContainsOfTheClassValue() {
    let values = ["visually-hidden", "a visually-hidden b", "visually-hiddenx", "Visually-Hidden", "visually hidden",
                  "", "visually-hidde", "x\r\nvisually-hidden\r\n", "visually-hiddeń", "ü visually-hidden",
                  "visually-hidden\u{301}", "😀visually-hidden", "vvisually-hiddenn"]
    for value in values {
        #expect(FeedHTML.isVisuallyHidden(value) == value.contains("visually-hidden"), "\(value.debugDescription)")
    }
    #expect(!FeedHTML.isVisuallyHidden(nil))
    let clean = FeedHTML(pageURL: "https://mittelsachsen-sozial.de/")
    #expect(clean.clean("<a href=\"https://e.org/\">x<span class=\"visually-hidden\"> (externer Link)</span></a>")
            == "<a href=\"https://e.org/\">x</a>")
}
