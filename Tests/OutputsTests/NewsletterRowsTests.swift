import Foundation
import Testing
import Content
import Support
@testable import Outputs

/// The post rows of an edition are put together from fixed parts made once; they must be the rows
/// the templates wrote before, for entries with and without images and with text to escape.
@Suite struct NewsletterRowsTests {
    typealias H = NewsletterHTML

    static func row(_ style: String, _ content: String) -> String {
        "<tr>\n<td class=\"nl-card nl-pad\" style=\"\(style)\">\n" + content + "</td>\n</tr>\n"
    }

    /// The full entry as written before.
    static func entryHTML(_ entry: NewsletterEntry) -> String {
        let font = H.font, ink = H.ink, accent = H.accent, muted = H.muted, contentWidth = H.contentWidth
        var t = ""
        if let image = entry.image {
            t += "<img src=\"\(Escape.html(image.url))\" alt=\"\(Escape.html(image.alt))\" width=\"\(contentWidth)\" style=\"display:block;width:100%;max-width:\(contentWidth)px;height:auto;border:0;margin:0 0 16px;\">\n"
        }
        t += "<h3 style=\"margin:0 0 4px;font-family:\(font);font-size:19px;line-height:25px;font-weight:bold;color:\(ink);\"><a href=\"\(Escape.html(entry.url))\" style=\"color:\(accent);text-decoration:underline;\">\(Escape.html(entry.title))</a></h3>\n"
        t += "<p style=\"margin:0 0 8px;font-family:\(font);font-size:14px;line-height:20px;color:\(muted);\"><time datetime=\"\(entry.isoDate)\">\(Escape.html(entry.date))</time></p>\n"
        t += "<p style=\"margin:0 0 16px;font-family:\(font);font-size:16px;line-height:24px;color:\(ink);\">\(Escape.html(entry.teaser))</p>\n"
        t += "<table role=\"presentation\" style=\"border:0;border-spacing:0;border-collapse:separate;\">\n<tr>\n"
        t += "<td class=\"nl-btn\" style=\"border-radius:4px;background-color:\(accent);\">"
        t += "<a class=\"nl-btn\" href=\"\(Escape.html(entry.url))\" style=\"display:inline-block;padding:10px 18px;border:1px solid \(accent);border-radius:4px;background-color:\(accent);font-family:\(font);font-size:16px;line-height:20px;font-weight:bold;color:#ffffff;text-decoration:none;\">Weiterlesen: \(Escape.html(entry.title))</a>"
        t += "</td>\n</tr>\n</table>\n"
        return t
    }

    /// The brief entry as written before.
    static func briefEntryHTML(_ entry: NewsletterEntry) -> String {
        let font = H.font, ink = H.ink, accent = H.accent, muted = H.muted
        return "<h3 style=\"margin:0 0 4px;font-family:\(font);font-size:17px;line-height:23px;font-weight:bold;color:\(ink);\"><a href=\"\(Escape.html(entry.url))\" style=\"color:\(accent);text-decoration:underline;\">\(Escape.html(entry.title))</a></h3>\n"
            + "<p style=\"margin:0;font-family:\(font);font-size:14px;line-height:20px;color:\(muted);\"><time datetime=\"\(entry.isoDate)\">\(Escape.html(entry.date))</time></p>\n"
    }

    @Test func rowsAreTheRowsTheTemplatesWrote() {
        let site = exampleSite()
        var groups: [Newsletter.Group] = []
        for edition in Newsletter.editions(site: site) { groups += Newsletter.groups(edition, site: site) }
        // Entries with an image and with every character that needs escaping.
        var tricky = groups.first!.entries.first!
        tricky.title = "Zitat \"x\" <b> & 'y' – Straße"
        tricky.teaser = "a < b & c > d"
        tricky.image = (url: "https://mittelsachsen-sozial.de/bilder/a b&c.png", alt: "Alt \"text\"")
        groups.append(Newsletter.Group(label: "Weitere <Beiträge> & mehr", entries: [tricky]))
        let rows = NewsletterHTML.Rows(groups)
        let padding = H.padding, card = H.card, accent = H.accent, font = H.font
        var index = 0
        for (g, group) in groups.enumerated() {
            #expect(rows.groupStarts[g] == index)
            #expect(rows.groupRows[g] == Self.row("padding:16px \(padding)px 8px;background-color:\(card);",
                "<h2 style=\"margin:0;padding-top:16px;border-top:2px solid \(accent);font-family:\(font);font-size:20px;line-height:26px;font-weight:bold;color:\(accent);\">\(Escape.html(group.label))</h2>\n"))
            for entry in group.entries {
                #expect(rows.fullRows[index] == Self.row("padding:16px \(padding)px 24px;background-color:\(card);", Self.entryHTML(entry)))
                #expect(rows.briefRows[index] == Self.row("padding:16px \(padding)px 8px;background-color:\(card);", Self.briefEntryHTML(entry)))
                index += 1
            }
        }
        #expect(index == rows.fullRows.count && index > 3)
    }
}
