import Foundation
import Testing
import Content
import Support
@testable import Outputs

// E-mail HTML that survives Outlook, Gmail, Apple Mail and phone apps (research §5, §7.2).

private let editorial = NewsletterEditorial(
    id: "2022-05", path: "content/newsletter/2022-05.md", title: "Neues aus dem Landkreis",
    preheader: "Armut, Pflege und ein Termin im Juni",
    body: """
    Liebe Leserinnen und Leser,

    im Mai ging es um [Armut](/2022/05/armut-notlagen/) und um [Pflege](https://www.pflegenetz.sachsen.de/).

    ## Termin

    - Fachtag am 14. Juni
    - Anmeldung per [E-Mail](mailto:sozialplanung@landkreis-mittelsachsen.de)

    ![Diagramm](/bilder/willkommen.svg) und ![Foto](/bilder/a.png)
    """, bodyFirstLine: 5)

private func mail(_ site: RenderedSite = exampleSite(), id: String = "2022-05",
                  editorials: [NewsletterEditorial] = [editorial]) -> Newsletter.Files {
    let edition = Newsletter.editions(site: site, editorials: editorials).first { $0.id == id }!
    return Newsletter.files(edition: edition, site: site)
}

@Test func filesOfAnEdition() {
    let files = mail()
    #expect(files.all.map(\.path) == ["newsletter/2022-05/email.html", "newsletter/2022-05/email.txt",
                                       "newsletter/2022-05/index.html"])
    let edition = Newsletter.editions(site: exampleSite()).first { $0.id == "2022-05" }!
    #expect(Newsletter.render(edition: edition, site: exampleSite()).count == 3)
}

@Test func underGmailsClippingLimitEvenWithFiftySixPosts() {
    let files = mail(bigSite(), id: "2022-02", editorials: [])
    #expect(files.mailHTML.contents.count < 102_000)
    #expect(files.mailHTML.contents.count <= NewsletterHTML.byteBudget)
    // Every post is still in the mail: the last ones briefly, with title, date and link.
    let site = bigSite()
    for post in site.content.posts {
        #expect(files.mailHTML.text.contains("<a href=\"\(baseURL + post.url)\""), "\(post.url) missing")
    }
    #expect(files.mailHTML.text.contains("Weiterlesen:"))
    // The web version shows the same, and is a page a mail program could take as well.
    #expect(files.web.contents.count < 102_000)
    for post in site.content.posts { #expect(files.web.text.contains("<a href=\"\(baseURL + post.url)\"")) }
    #expect(mail().mailHTML.contents.count < 20_000)
}

@Test func noScriptFormIframeSVGOrExternalCSS() {
    for file in [mail().mailHTML, mail().web, mail(fullSite(config: makeConfig(rawHTML: true)), id: "2022-06", editorials: []).mailHTML] {
        let tags = htmlTags(file.text)
        for tag in tags {
            #expect(!["script", "form", "iframe", "svg", "object", "embed", "input", "button", "video", "audio", "base"]
                .contains(tag.name), "\(file.path): <\(tag.name)>")
            if tag.name == "link" { #expect(tag.attributes["rel"] != "stylesheet") }
            #expect(!tag.attributes.keys.contains { $0.hasPrefix("on") })
        }
        #expect(!file.text.contains("@import"))
        #expect(!file.text.contains(".svg\""), "\(file.path): SVG image")
    }
}

@Test func everyImageHasAbsoluteHTTPSSourceWidthAndAlt() {
    let big = mail(bigSite(), id: "2022-02", editorials: [])
    let html = big.web.text + mail().mailHTML.text + big.mailHTML.text
    let images = htmlTags(html).filter { $0.name == "img" }
    #expect(images.count >= 40)
    for image in images {
        #expect(image.attributes["src"]?.hasPrefix("https://") == true, "\(image.attributes)")
        #expect(Int(image.attributes["width"] ?? "") != nil, "\(image.attributes)")
        #expect(image.attributes["alt"] != nil, "\(image.attributes)")
        #expect(image.attributes["style"]?.contains("height:auto") == true)
    }
}

@Test func svgPostImagesUseTheirRasterSiblingOrNone() {
    let html = mail(id: "2022-04", editorials: []).mailHTML.text
    // willkommen.svg has willkommen.png beside it.
    #expect(html.contains("src=\"https://mittelsachsen-sozial.de/bilder/willkommen.png\" alt=\"Stilisierte Landschaft mit Hügeln\""))
    // armut.svg has no raster file: no image, the text stays.
    let may = mail(editorials: []).mailHTML.text
    #expect(!may.contains("armut.svg") && may.contains("Armut &amp; Notlagen im Landkreis"))
    #expect(may.contains("src=\"https://mittelsachsen-sozial.de/bilder/pflegenetz.jpg\""))
    // Editorial SVG images become their alt text; raster ones stay, sized for mail.
    let withText = mail().mailHTML.text
    #expect(withText.contains("Diagramm und <img src=\"https://mittelsachsen-sozial.de/bilder/a.png\" alt=\"Foto\" width=\"536\""))
}

@Test func everyLinkIsAbsoluteOrThePlaceholder() {
    for tool in NewsletterTool.allCases {
        let site = exampleSite(config: makeConfig(tool: tool.rawValue))
        let files = mail(site)
        for (file, allowed) in [(files.mailHTML, tool.unsubscribePlaceholder), (files.web, "")] {
            for tag in htmlTags(file.text) where tag.name == "a" {
                let href = tag.attributes["href"] ?? ""
                #expect(href.hasPrefix("https://") || href.hasPrefix("mailto:") || (!allowed.isEmpty && href == allowed),
                        "\(tool) \(file.path): \(href)")
            }
        }
    }
}

@Test func footerHasImpressumDatenschutzWebVersionAndUnsubscribe() {
    let expectations: [(NewsletterTool, String)] = [(.listmonk, "{{ UnsubscribeURL }}"), (.mailchimp, "*|UNSUB|*"),
                                                    (.cleverreach, "{UNSUBSCRIBE}"), (.mailerlite, "{$unsubscribe}")]
    for (tool, placeholder) in expectations {
        let files = mail(exampleSite(config: makeConfig(tool: tool.rawValue)))
        let html = files.mailHTML.text
        #expect(html.contains("<a href=\"\(placeholder)\" style=\"color:#0b4f8a;text-decoration:underline;\">Newsletter abbestellen</a>"))
        #expect(files.mailText.text.contains("Newsletter abbestellen: \(placeholder)"))
        #expect(!files.web.text.contains(placeholder))
    }
    let files = mail()
    for html in [files.mailHTML.text, files.web.text] {
        #expect(html.contains("href=\"https://mittelsachsen-sozial.de/impressum/\""))
        #expect(html.contains("href=\"https://mittelsachsen-sozial.de/datenschutz/\""))
        #expect(html.contains("Landratsamt Mittelsachsen, Integrierte Sozialplanung, Frauensteiner Straße 43, 09599 Freiberg"))
    }
    #expect(files.mailHTML.text.contains("<a href=\"https://mittelsachsen-sozial.de/newsletter/2022-05/\" style=\"color:#0b4f8a;text-decoration:underline;\">Im Browser ansehen</a>"))
    #expect(files.web.text.contains("href=\"https://mittelsachsen-sozial.de/newsletter/#abbestellen\""))
}

@Test func layoutTablesArePresentationalAndSixHundredPixels() {
    let html = mail().mailHTML.text
    let tables = htmlTags(html).filter { $0.name == "table" }
    #expect(tables.count >= 3)
    for table in tables { #expect(table.attributes["role"] == "presentation") }
    #expect(html.contains("max-width:600px"))
    // Outlook ignores max-width: a fixed 600 px table only it can see.
    #expect(html.contains("<!--[if mso]><table role=\"presentation\" align=\"center\" width=\"600\""))
    #expect(html.contains("<!--[if mso]></td></tr></table><![endif]-->"))
    #expect(html.contains("<html lang=\"de\""))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(html.contains("<meta name=\"viewport\""))
}

@Test func hiddenPreheaderComesFirst() {
    let html = mail().mailHTML.text
    let afterBody = html.components(separatedBy: "<body").last!.drop(while: { $0 != ">" }).dropFirst()
        .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(afterBody.hasPrefix("<div style=\"display:none;"))
    #expect(afterBody.contains("mso-hide:all"))
    #expect(afterBody.hasPrefix("<div style=\"display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;\">Armut, Pflege und ein Termin im Juni"))
    // Without an editorial preheader the post titles make the preview.
    let generated = mail(editorials: []).mailHTML.text
    #expect(generated.contains("2 neue Beiträge: Armut &amp; Notlagen im Landkreis · Das Pflegenetz Mittelsachsen"))
    // The web version has no preheader (it is no mail) but a description.
    #expect(!mail().web.text.contains("display:none"))
}

@Test func essentialStylesAreInlineStyleBlockOnlyForHooksMediaQueriesAndDarkMode() {
    let html = mail().mailHTML.text
    let blocks = html.matches(of: /<style>([\s\S]*?)<\/style>/).map { String($0.output.1) }
    #expect(blocks.count == 2)  // one for Outlook only (inside a conditional comment), one for all
    let general = blocks.last!
    // Outside @media, only selectors that match client wrappers, never our own elements.
    var depth = 0
    for line in general.split(separator: "\n") {
        if line.hasPrefix("@media") { depth += 1; continue }
        if line == "}" { depth -= 1; continue }
        if depth == 0 {
            #expect(line.hasPrefix("#MessageViewBody") || line.hasPrefix("a[x-apple-data-detectors]") || line.hasPrefix("u + #body"),
                    "rule outside @media: \(line)")
        }
    }
    #expect(general.contains("@media (prefers-color-scheme:dark)"))
    #expect(general.contains("@media screen and (max-width:620px)"))
    // Every text element carries its own font and colour.
    for tag in htmlTags(html) where ["p", "h1", "h2", "h3", "li"].contains(tag.name) {
        let style = tag.attributes["style"] ?? ""
        #expect(style.contains("font-family:") && style.contains("color:"), "<\(tag.name) style=\"\(style)\">")
    }
    // 6-digit colours only.
    let colours = html.matches(of: /[:\s"]#([0-9a-fA-F]+)\b/).map { String($0.output.1) }
    #expect(colours.count > 20)
    for colour in colours { #expect(colour.count == 6, "colour #\(colour)") }
}

@Test func buttonsAreStyledLinksWithDescriptiveText() {
    let html = mail().mailHTML.text
    let buttons = htmlTags(html).filter { $0.name == "a" && $0.attributes["class"] == "nl-btn" }
    #expect(buttons.count == 2)
    #expect(html.contains(">Weiterlesen: Das Pflegenetz Mittelsachsen</a>"))
    for button in buttons {
        #expect(button.attributes["href"]?.hasPrefix("https://mittelsachsen-sozial.de/2022/05/") == true)
        #expect(button.attributes["style"]?.contains("background-color:#0b4f8a") == true)
    }
}

@Test func postsAreGroupedByHandlungsfeldInOrder() {
    let html = mail(fullSite(), id: "2022-06", editorials: []).mailHTML.text
    let headings = html.matches(of: /<h2[^>]*>([^<]*)<\/h2>/).map { String($0.output.1) }
    // Bildung (order 4) before Wohnen (order 9); each post once, under its first Handlungsfeld.
    #expect(headings == ["Lebenslange Bildung", "Wohnen in Mittelsachsen"])
    #expect(html.components(separatedBy: ">Kosten der Unterkunft</a></h3>").count == 2)
    let date = html.contains("<time datetime=\"2022-06-01\">1. Juni 2022</time>")
    #expect(date)
}

@Test func editorialTextIsMailSafe() {
    let html = mail().mailHTML.text
    #expect(html.contains("<h1 class=\"nl-h1\""))
    #expect(html.contains(">Neues aus dem Landkreis</h1>"))
    // Markdown headings move below the edition's h1, links become absolute and styled.
    #expect(html.contains("<h3 id=\"termin\" style=\""))
    #expect(html.contains("<a href=\"https://mittelsachsen-sozial.de/2022/05/armut-notlagen/\" style=\"color:#0b4f8a;text-decoration:underline;\">Armut</a>"))
    #expect(html.contains(">Pflege</a>") && !html.contains("(externer Link)"))
    #expect(htmlTags(html).filter { $0.name == "h1" }.count == 1)
}

@Test func hostileTextInAMail() {
    let site = fullSite(config: makeConfig(rawHTML: true))
    for id in ["2022-06", "2022-07", "2022-03", "2022-10"] {
        let files = mail(site, id: id, editorials: [])
        for file in files.all {
            #expect(!file.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(file.path)")
        }
    }
    #expect(mail(site, id: "2022-07", editorials: []).mailHTML.text.contains("Sommerfest 🎉 im Jugendhaus 👩‍👩‍👧"))
    #expect(mail(site, id: "2022-06", editorials: []).mailHTML.text.contains("Bericht aus Word – „Zitat“ &amp; &lt;Klammer&gt;"))
    #expect(mail(site, id: "2022-03", editorials: []).mailHTML.text.contains("27. März 2022"))
}

@Test func editionsAreDeterministic() {
    let a = mail(fullSite(), id: "2022-06", editorials: [editorial]).all
    let b = mail(fullSite(), id: "2022-06", editorials: [editorial]).all
    #expect(a == b)
}

@Test func hugeEditionNamesWhatDoesNotFitAndLinksTheWebVersion() {
    var posts: [Post] = []
    for n in 1...400 {
        posts.append(makePost("content/beitraege/2022/q\(n).md", title: "Beitrag \(n) " + String(repeating: "mit langem Titel ", count: 6),
                              date: String(format: "2022-03-%02d %02d:%02d", n % 28 + 1, n % 24, n % 60),
                              handlungsfelder: ["bildung"]))
    }
    let files = mail(makeSite(posts), id: "2022-03", editorials: [])
    #expect(files.mailHTML.contents.count <= NewsletterHTML.byteBudget)
    #expect(files.mailHTML.text.contains("weitere Beiträge stehen in der <a href=\"https://mittelsachsen-sozial.de/newsletter/2022-03/\""))
    // The web version it links to names every post.
    for post in posts { #expect(files.web.text.contains(">\(post.title)</a>")) }
}
