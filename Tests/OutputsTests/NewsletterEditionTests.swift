import Foundation
import TestFolders
import Testing
import Content
import Support
@testable import Outputs

// Editions: which posts, which period, editorial texts from content/newsletter/.

@Test func monthlyEditionsByBerlinMonthNewestFirst() {
    let editions = Newsletter.editions(site: exampleSite())
    #expect(editions.map(\.id) == ["2022-06", "2022-05", "2022-04"])
    // 2022-05-31T23:15:00Z is already 1 June in Berlin.
    #expect(editions[0].posts.map(\.title) == ["Kosten der Unterkunft"])
    #expect(editions[1].posts.map(\.title) == ["Armut & Notlagen im Landkreis", "Das Pflegenetz Mittelsachsen"])
    #expect(editions[1].title == "Newsletter Mai 2022")
    #expect(editions[1].url == "/newsletter/2022-05/")
}

@Test func quarterlyEditions() {
    let editions = Newsletter.editions(site: fullSite(config: makeConfig(period: "vierteljaehrlich")))
    #expect(editions.map(\.id) == ["2022-10", "2022-07", "2022-04", "2022-01"])
    #expect(editions[2].periodName == "2. Quartal 2022")
    #expect(editions[2].posts.count == 5)  // April to June, including the Word post of 21 June
    #expect(editions[3].posts.map(\.title) == ["Nacht der Zeitumstellung im Frühjahr"])
    let site = fullSite(config: makeConfig(period: "vierteljaehrlich"))
    #expect(Newsletter.edition("2022-05", site: site)?.id == "2022-04")
    #expect(Newsletter.edition("2022-13", site: site) == nil)
}

@Test func unknownPeriodAndToolAreReportedWithHints() {
    let site = exampleSite(config: makeConfig(period: "monatlch", tool: "listmonck"))
    let problems = Newsletter.validate(site: site)
    #expect(problems.contains { $0.code == "newsletter-period" && $0.hint == "Meinten Sie „monatlich“?" })
    #expect(problems.contains { $0.code == "newsletter-tool" && $0.hint == "Meinten Sie „listmonk“?" })
    #expect(Newsletter.validate(site: exampleSite()).isEmpty)
}

@Test func editorialFrontMatterAndBody() {
    let text = """
    ---
    title: "Neues aus dem Landkreis"
    preheader: Zwei neue Beiträge und ein Termin
    ---
    Liebe Leserinnen und Leser,

    mehr dazu im [Sozialbericht](/2022/05/armut-notlagen/).
    """
    let (editorial, problems) = NewsletterEditorialLoader.parse(text, path: "content/newsletter/2022-05.md")
    #expect(problems.isEmpty)
    #expect(editorial?.title == "Neues aus dem Landkreis")
    #expect(editorial?.preheader == "Zwei neue Beiträge und ein Termin")
    #expect(editorial?.bodyFirstLine == 5)
    #expect(editorial?.body.hasPrefix("Liebe Leserinnen") == true)
    let editions = Newsletter.editions(site: exampleSite(), editorials: [editorial!])
    #expect(editions.first(where: { $0.id == "2022-05" })?.title == "Neues aus dem Landkreis")
}

@Test func editorialWithoutFrontMatterOrPostsStillMakesAnEdition() {
    let (editorial, problems) = NewsletterEditorialLoader.parse("Nur ein Gruß.\n", path: "content/newsletter/2022-08.md")
    #expect(problems.isEmpty && editorial?.title == nil)
    let edition = Newsletter.editions(site: exampleSite(), editorials: [editorial!]).first
    #expect(edition?.id == "2022-08")
    #expect(edition?.posts.isEmpty == true)
}

@Test func editorialProblemsAreGermanDiagnostics() {
    let (_, unknown) = NewsletterEditorialLoader.parse("---\ntitle: Hallo\npreheder: Vorschau\n---\nText", path: "content/newsletter/2022-05.md")
    #expect(unknown.first?.code == "newsletter-unknown-key")
    #expect(unknown.first?.hint == "Meinten Sie „preheader“?")
    #expect(unknown.first?.location == SourceLocation(file: "content/newsletter/2022-05.md", line: 3, column: 1))
    let (_, far) = NewsletterEditorialLoader.parse("---\nautor: Ich\n---\nText", path: "content/newsletter/2022-05.md")
    #expect(far.first?.hint == "Möglich sind title und preheader.")
    let (none, yaml) = NewsletterEditorialLoader.parse("---\ntitle: \"offen\n---\nText", path: "content/newsletter/2022-05.md")
    #expect(none == nil)
    #expect(yaml.first?.code == "newsletter-yaml")
    #expect((yaml.first?.location.line ?? 0) >= 2)
    let (_, name) = NewsletterEditorialLoader.parse("Text", path: "content/newsletter/mai.md")
    #expect(name.first?.code == "newsletter-file-name")
    #expect(name.first?.hint?.contains("2022-05.md") == true)
    let (_, open) = NewsletterEditorialLoader.parse("---\ntitle: x\nText", path: "content/newsletter/2022-05.md")
    #expect(open.first?.code == "unclosed-front-matter")
    let (_, list) = NewsletterEditorialLoader.parse("---\ntitle: [a, b]\n---\n", path: "content/newsletter/2022-05.md")
    #expect(list.first?.code == "newsletter-value")
}

@Test func loaderReadsTheFolder() throws {
    let site = URL(fileURLWithPath: TemporaryFolder.path("sozialsite-newsletter"))
    let folder = site.appendingPathComponent("content/newsletter")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "---\ntitle: Mai\n---\nHallo".write(to: folder.appendingPathComponent("2022-05.md"), atomically: true, encoding: .utf8)
    try "Juni".write(to: folder.appendingPathComponent("2022-06.md"), atomically: true, encoding: .utf8)
    try "x".write(to: folder.appendingPathComponent("notiz.txt"), atomically: true, encoding: .utf8)
    try Data([0x66, 0xFC, 0x72]).write(to: folder.appendingPathComponent("2022-07.md"))
    let (editorials, problems) = NewsletterEditorialLoader.load(siteDirectory: site)
    #expect(editorials.map(\.id) == ["2022-05", "2022-06"])
    #expect(problems.map(\.code).sorted() == ["newsletter-encoding", "newsletter-file"])
    let (nothing, quiet) = NewsletterEditorialLoader.load(siteDirectory: site.appendingPathComponent("fehlt"))
    #expect(nothing.isEmpty && quiet.isEmpty)
}

@Test func twoEditorialsForOneQuarterAreReported() {
    let a = NewsletterEditorial(id: "2022-04", path: "content/newsletter/2022-04.md", body: "A")
    let b = NewsletterEditorial(id: "2022-05", path: "content/newsletter/2022-05.md", body: "B")
    let problems = Newsletter.validate(site: exampleSite(config: makeConfig(period: "vierteljaehrlich")), editorials: [a, b])
    #expect(problems.contains { $0.code == "newsletter-duplicate" && $0.location.file == "content/newsletter/2022-05.md" })
}

@Test func editorialMarkdownProblemsAreReported() {
    let editorial = NewsletterEditorial(id: "2022-05", path: "content/newsletter/2022-05.md", body: "![](/bilder/a.png)",
                                        bodyFirstLine: 4)
    let problems = Newsletter.validate(site: exampleSite(), editorials: [editorial])
    #expect(problems.contains { $0.code == "image-without-alt" && $0.location.file == "content/newsletter/2022-05.md"
        && $0.location.line == 4 })
}
