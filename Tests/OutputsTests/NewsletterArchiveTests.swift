import Foundation
import Testing
import Content
import Support
@testable import Outputs

@Test func archiveListsEveryEditionNewestFirst() {
    let site = exampleSite()
    let editions = Newsletter.editions(site: site)
    let body = NewsletterArchive.bodyHTML(editions: editions, site: site)
    let links = body.matches(of: /href="(\/newsletter\/[0-9-]+\/)"/).map { String($0.output.1) }
    #expect(links == ["/newsletter/2022-06/", "/newsletter/2022-05/", "/newsletter/2022-04/"])
    #expect(body.contains("Newsletter Mai 2022</a> (Mai 2022, 2 Beiträge)"))
    #expect(body.contains("<h2 id=\"abbestellen\">"))
    #expect(body.contains("einmal im Monat"))
    #expect(!body.contains("<h1"))
    let quarterly = exampleSite(config: makeConfig(period: "vierteljaehrlich"))
    #expect(NewsletterArchive.bodyHTML(editions: Newsletter.editions(site: quarterly), site: quarterly).contains("einmal im Vierteljahr"))
    #expect(NewsletterArchive.bodyHTML(editions: [], site: site).contains("noch keine Ausgabe"))
}
