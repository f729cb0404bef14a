import Foundation
import Testing
import Content
import Support
@testable import Outputs

// The plain-text part: readable on its own, every link written out.

private let editorial = NewsletterEditorial(
    id: "2022-05", path: "content/newsletter/2022-05.md",
    body: """
    Liebe Leserinnen und Leser, im Mai ging es um [Armut](/2022/05/armut-notlagen/) und um das [Pflegenetz](https://www.pflegenetz.sachsen.de/) in Mittelsachsen, mit vielen Zahlen aus dem Sozialbericht.

    1. Erstens
    2. Zweitens mit <https://example.org/lang>

    Fragen an [uns](mailto:sozialplanung@landkreis-mittelsachsen.de).
    """)

private func text(_ site: RenderedSite = exampleSite(), id: String = "2022-05", editorials: [NewsletterEditorial] = [editorial]) -> String {
    let edition = Newsletter.editions(site: site, editorials: editorials).first { $0.id == id }!
    return Newsletter.files(edition: edition, site: site).mailText.text
}

@Test func everyPostWithTitleDateTeaserAndURL() {
    let plain = text()
    #expect(plain.hasPrefix("Newsletter Mai 2022\n===================\n"))
    #expect(plain.contains("Das Pflegenetz Mittelsachsen\n10. Mai 2022\nBeratung für Angehörige & Pflegende."))
    #expect(plain.contains("Weiterlesen: https://mittelsachsen-sozial.de/2022/05/das-pflegenetz-mittelsachsen/"))
    #expect(plain.contains("Weiterlesen: https://mittelsachsen-sozial.de/2022/05/armut-notlagen/"))
    #expect(plain.contains("SENIOREN SCHÄTZEN\n-----------------"))
    #expect(!plain.contains("<") && !plain.contains("&amp;"))
}

@Test func editorialLinksAreWrittenOut() {
    let plain = text().replacing("\n", with: " ")
    #expect(plain.contains("Armut (https://mittelsachsen-sozial.de/2022/05/armut-notlagen/)"))
    #expect(plain.contains("Pflegenetz (https://www.pflegenetz.sachsen.de/)"))
    #expect(plain.contains("uns (sozialplanung@landkreis-mittelsachsen.de)"))
    #expect(text().contains("\n\n1. Erstens\n2. Zweitens mit https://example.org/lang\n\n"))
    #expect(!plain.contains("https://example.org/lang (https://example.org/lang)"))
    #expect(!plain.contains("externer Link"))
}

@Test func footerLinksWrittenOut() {
    let plain = text()
    for line in ["Im Browser ansehen: https://mittelsachsen-sozial.de/newsletter/2022-05/",
                 "Newsletter abbestellen: {{ UnsubscribeURL }}",
                 "Impressum: https://mittelsachsen-sozial.de/impressum/",
                 "Datenschutz: https://mittelsachsen-sozial.de/datenschutz/",
                 "E-Mail: sozialplanung@landkreis-mittelsachsen.de"] {
        #expect(plain.contains(line), "\(line)")
    }
    #expect(plain.contains("\n-- \n"))
}

@Test func linesAreWrappedButURLsStayWhole() {
    let plain = text()
    for line in plain.split(separator: "\n") where line.count > 72 {
        #expect(!line.contains(" ") || line.split(separator: " ").contains { $0.count > 40 }, "too long: \(line)")
    }
    #expect(plain.contains("https://www.pflegenetz.sachsen.de/"))
}

@Test func hostileTitlesInPlainText() {
    let plain = text(fullSite(), id: "2022-06", editorials: [])
    #expect(plain.contains("Bericht aus Word – „Zitat“ & <Klammer>"))
    #expect(!plain.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(text(fullSite(), id: "2022-07", editorials: []).contains("Sommerfest 🎉 im Jugendhaus 👩‍👩‍👧"))
}
