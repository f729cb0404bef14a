import Content
import Foundation
import Markdown
@testable import Outputs
import Support

/// A small but complete site built in code: the eleven Handlungsfelder, posts over three years in
/// summer and winter time, the legal pages and the Leichte-Sprache page.
enum SampleSite {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let config = SiteConfig(
        baseURL: "https://mittelsachsen-sozial.de",
        title: "soziales.mittelsachsen.gemeinsam.machen",
        description: "Der Blog der Sozialplanung im Landkreis Mittelsachsen: Zahlen, Hintergründe und Angebote.",
        itemsPerPage: 10,
        menus: [
            "haupt": [MenuItem(title: "Start", url: "/"),
                      MenuItem(title: "Handlungsfelder", url: "/handlungsfelder/"),
                      MenuItem(title: "Archiv", url: "/archiv/"),
                      MenuItem(title: "Über das Projekt", url: "/ueber-das-projekt/"),
                      MenuItem(title: "Leichte Sprache", url: "/leichte-sprache/")],
            "fuss": [MenuItem(title: "Impressum", url: "/impressum/"),
                     MenuItem(title: "Datenschutz", url: "/datenschutz/"),
                     MenuItem(title: "Barrierefreiheit", url: "/barrierefreiheit/")],
        ],
        contact: Contact(organisation: "Landratsamt Mittelsachsen", department: "Integrierte Sozialplanung",
                         street: "Frauensteiner Straße 43", postalCode: "09599", city: "Freiberg",
                         email: "sozialplanung@landkreis-mittelsachsen.de", phone: "03731 799-0",
                         responsible: "Referat Sozialplanung"))

    /// (slug, title, label, summary)
    static let fields: [(String, String, String, String)] = [
        ("arbeit", "attraktive ARBEIT", "Attraktive Arbeit", "Berufsorientierung, Wirtschafts- und Arbeitsförderung."),
        ("inklusion", "INKLUSION leben", "Inklusion leben", "Teilhabe und der Abbau von Barrieren."),
        ("integration", "INTEGRATION gestalten", "Integration gestalten", "Sprachkurse, Begleitung und Zugang zu Arbeit."),
        ("bildung", "lebenslange BILDUNG", "Lebenslange Bildung", "Von der Kita bis zur Erwachsenenbildung."),
        ("gesundheit", "GESUNDHEIT rundum", "Gesundheit rundum", "Vorsorge, Beratung und der sozialpsychiatrische Dienst."),
        ("aufwachsen", "AUFWACHSEN unterstützen", "Aufwachsen unterstützen", "Hilfen für Familien, Kinderschutz und Jugendarbeit."),
        ("mobilitaet", "MOBILITÄT vernetzt", "Mobilität vernetzt", "Bus, Bahn und Schülerbeförderung im ländlichen Raum."),
        ("senioren", "SENIOREN schätzen", "Senioren schätzen", "Beratung, Pflegenetz und Ehrenamt im Alter."),
        ("wohnen", "WOHNEN in Mittelsachsen", "Wohnen in Mittelsachsen", "Kosten der Unterkunft und sicheres Wohnen."),
        ("miteinander", "MITEINANDER wachsen", "Miteinander wachsen", "Ehrenamt, Demokratie, Sport und Kultur."),
        ("armut-notlagen", "ARMUT & NOTLAGEN", "Armut und Notlagen", "Mindestsicherung und Hilfe in Notlagen."),
    ]

    static let tagPool = ["Ehrenamt", "Pflege", "Sozialbericht", "Familie", "Ländlicher Raum", "Kita",
                          "Ärztliche Versorgung", "Demografie"]

    static func date(_ text: String) -> Date { BerlinTime.parse(text)! }

    /// `postCount` posts, one every 47 days back from 20 Nov 2024, cycling through fields and tags.
    static func make(postCount: Int = 23, extraPosts: [(Post, String)] = [], itemsPerPage: Int = 10) -> RenderedSite {
        var config = config
        config.itemsPerPage = itemsPerPage
        var bodies: [String: RenderedMarkdown] = [:]
        func render(_ path: String, _ markdown: String) -> SourceFile {
            let source = SourceFile(path: path, body: markdown, bodyFirstLine: 6, keyLocations: [
                "aliases": SourceLocation(file: path, line: 4, column: 1),
                "slug": SourceLocation(file: path, line: 3, column: 1),
            ])
            bodies[path] = MarkdownRenderer.render(markdown, file: path, firstLine: 6,
                                                   settings: MarkdownSettings(siteHosts: [config.host]))
            return source
        }
        let handlungsfelder = fields.enumerated().map { offset, field in
            Handlungsfeld(source: render("content/handlungsfelder/\(field.0).md",
                                         "Im Handlungsfeld **\(field.2)** geht es um: \(field.3)\n\nMehr dazu im [Sozialbericht](/ueber-das-projekt/)."),
                          slug: field.0, title: field.1, label: field.2, order: offset + 1, summary: field.3)
        }
        var posts: [Post] = []
        let start = date("2024-11-20 09:30")
        for n in 0..<postCount {
            let when = start.addingTimeInterval(-Double(n) * 47 * 86_400)
            let title = "Beitrag \(n + 1): " + ["Pflege im ländlichen Raum", "Kita-Plätze in Freiberg",
                                                "Ehrenamt in Döbeln", "Armut im Alter"][n % 4]
            let slug = Slug.make(title)
            let path = "content/beitraege/\(BerlinTime.year(of: when))/\(slug).md"
            let source = render(path, body(number: n + 1))
            posts.append(Post(source: source, title: title, date: when,
                              updated: n == 2 ? when.addingTimeInterval(20 * 86_400) : nil,
                              summary: n % 3 == 0 ? nil : "Kurz gesagt: was Beitrag \(n + 1) zeigt und warum es zählt.",
                              tags: [tagPool[n % tagPool.count], tagPool[(n * 3 + 1) % tagPool.count]],
                              author: n % 2 == 0 ? "Hochschule Mittweida" : nil,
                              image: n % 3 == 1 ? "/bilder/beispiel.svg" : nil,
                              imageAlt: n % 3 == 1 ? "Balkendiagramm: Anteil älterer Menschen je Sozialregion" : nil,
                              slug: slug,
                              aliases: n == 4 ? ["/2022/04/alter-name/", "/?p=123"] : [],
                              handlungsfelder: [fields[n % 11].0, fields[(n + 4) % 11].0]))
        }
        for (post, markdown) in extraPosts {
            bodies[post.source.path] = MarkdownRenderer.render(markdown, file: post.source.path)
            posts.append(post)
        }
        posts.sort { $0.date > $1.date }
        let pages = [
            ("impressum", "Impressum", false, "Angaben nach § 5 DDG und § 18 MStV."),
            ("datenschutz", "Datenschutzerklärung", false, "Diese Website setzt keine Cookies und lädt nichts von fremden Servern."),
            ("barrierefreiheit", "Erklärung zur Barrierefreiheit", false, "Wir wollen, dass alle diese Website nutzen können."),
            ("ueber-das-projekt", "Über das Projekt", false, "Sozialplanung und Hochschule Mittweida gemeinsam."),
            ("leichte-sprache", "Informationen in Leichter Sprache", true, "Hier erklären wir die Website in Leichter Sprache."),
        ].map { slug, title, easy, text in
            Page(source: render("content/seiten/\(slug).md", "## Worum es geht\n\n\(text)\n\nSchreiben Sie uns: [E-Mail](mailto:sozialplanung@landkreis-mittelsachsen.de)."),
                 slug: slug, title: title, summary: nil, easyLanguage: easy)
        }
        let content = SiteContent(config: config, posts: posts, pages: pages, handlungsfelder: handlungsfelder)
        return RenderedSite(content: content, bodies: bodies)
    }

    static func body(number: Int) -> String {
        """
        Im Landkreis Mittelsachsen leben rund 299.000 Menschen. Beitrag \(number) schaut auf das, was die Zahlen \
        des dritten Sozialberichts für den Alltag bedeuten, und auf die Angebote, die es schon gibt.

        ## Was die Zahlen zeigen

        Der Anteil der Menschen ab 65 Jahren wächst in allen sieben Sozialregionen. Besonders deutlich ist das \
        im Norden um Döbeln.[^quelle] Mehr im [Handlungsfeld Senioren](/handlungsfelder/senioren/).

        | Sozialregion | Einwohner 2021 | Stand |
        |---|--:|:-:|
        | Freiberg | 39.721 | 2021 |
        | Nord (Döbeln) | 62.041 | 2021 |

        Was schon geschafft ist:

        - [x] Bedarf in allen Sozialregionen erhoben
        - [ ] Angebote im Norden ausgebaut

        ## Wer hilft

        - Die Pflegeberatung im Landratsamt
        - Die [Pflegestützpunkte in Sachsen](https://www.pflegenetz.sachsen.de/)
        - Nachbarschaftshilfen und Vereine

        > „Wir wollen, dass niemand allein gelassen wird.“

        [^quelle]: Statistisches Landesamt Sachsen, Bevölkerung am 31.12.2021.
        """
    }

    static func theme() -> Theme {
        let loaded = Theme.load(named: "standard", siteDirectory: repositoryRoot)
        guard let theme = loaded.theme else {
            fatalError("Theme standard lädt nicht: \(loaded.diagnostics)")
        }
        return theme
    }

    static func render(_ site: RenderedSite, options: SitePages.Options = SitePages.Options())
        -> (files: [String: OutputFile], diagnostics: [Diagnostic], ordered: [OutputFile]) {
        let result = SitePages.render(site: site, theme: theme(), options: options)
        var byPath: [String: OutputFile] = [:]
        for file in result.files { byPath[file.path] = file }
        return (byPath, result.diagnostics, result.files)
    }

    static let imageSize: @Sendable (String) -> (width: Int, height: Int)? = { path in
        path == "/bilder/beispiel.svg" ? (1200, 675) : nil
    }
}

extension SampleSite {
    /// A post with its Markdown body, for sites built from hand-made posts.
    static func post(_ title: String, date: String, fields: [String], tags: [String] = [], slug: String? = nil,
                     updated: String? = nil, summary: String? = nil, image: String? = nil, imageAlt: String? = nil,
                     aliases: [String] = [], author: String? = nil, body: String = "Ein kurzer Text.") -> (Post, String) {
        let slug = slug ?? Slug.make(title)
        let path = "content/beitraege/\(slug).md"
        let source = SourceFile(path: path, body: body, bodyFirstLine: 8, keyLocations: [
            "aliases": SourceLocation(file: path, line: 5, column: 1),
        ])
        return (Post(source: source, title: title, date: self.date(date), updated: updated.map(self.date),
                     summary: summary, tags: tags, author: author, image: image, imageAlt: imageAlt, slug: slug,
                     aliases: aliases, handlungsfelder: fields), body)
    }
}

/// Small helpers to read generated HTML in assertions.
extension OutputFile {
    /// Values of `attribute="…"` in the file, in document order.
    func attributeValues(_ attribute: String) -> [String] {
        let pattern = try! Regex("\\s\(attribute)=\"([^\"]*)\"")
        return text.matches(of: pattern).compactMap { match in
            match.output[1].substring.map(String.init)
        }
    }
}

extension String {
    /// The part of the text from the first `start` to the following `end` (both excluded), or "".
    func section(from start: String, to end: String) -> String {
        guard let lower = range(of: start) else { return "" }
        let rest = self[lower.upperBound...]
        guard let upper = rest.range(of: end) else { return String(rest) }
        return String(rest[..<upper.lowerBound])
    }

    /// Hrefs of `<h3 class="card__title"><a href="…">` in order: the posts a list shows.
    var cardLinks: [String] {
        let pattern = try! Regex("class=\"card__title\"><a href=\"([^\"]*)\"")
        return matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) }
    }
}
