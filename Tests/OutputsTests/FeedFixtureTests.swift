import Foundation
import TestFolders
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Content
import Markdown
import Support
@testable import Outputs

// Fixtures shared by the feed and newsletter tests: a site built in code like the example site,
// plus hostile posts (Word control characters, `]]>`, emoji, relative links, clock-change nights).

let baseURL = "https://mittelsachsen-sozial.de"

/// Static files with real bytes on disk (enclosures need their length).
let staticDirectory: URL = {
    let dir = URL(fileURLWithPath: TemporaryFolder.path("sozialsite-feed-fixtures"))
    try? FileManager.default.createDirectory(at: dir.appendingPathComponent("bilder"), withIntermediateDirectories: true)
    let files: [String: Int] = ["willkommen.svg": 812, "willkommen.png": 4_321, "pflegenetz.jpg": 2_048,
                                "armut.svg": 640, "a.png": 100, "a2.png": 200]
    for (name, size) in files {
        try? Data(repeating: 0x41, count: size).write(to: dir.appendingPathComponent("bilder/\(name)"))
    }
    return dir
}()

let staticFiles: [StaticFile] = ["willkommen.svg", "willkommen.png", "pflegenetz.jpg", "armut.svg", "a.png", "a2.png"].map {
    StaticFile(sourcePath: staticDirectory.appendingPathComponent("bilder/\($0)").path, sitePath: "/bilder/\($0)")
}

let handlungsfelder: [Handlungsfeld] = [
    ("arbeit", "attraktive ARBEIT", "Attraktive Arbeit"), ("inklusion", "INKLUSION leben", "Inklusion leben"),
    ("integration", "INTEGRATION gestalten", "Integration gestalten"), ("bildung", "lebenslange BILDUNG", "Lebenslange Bildung"),
    ("gesundheit", "GESUNDHEIT rundum", "Gesundheit rundum"), ("aufwachsen", "AUFWACHSEN unterstützen", "Aufwachsen unterstützen"),
    ("mobilitaet", "MOBILITÄT vernetzt", "Mobilität vernetzt"), ("senioren", "SENIOREN schätzen", "Senioren schätzen"),
    ("wohnen", "WOHNEN in Mittelsachsen", "Wohnen in Mittelsachsen"), ("miteinander", "MITEINANDER wachsen", "Miteinander wachsen"),
    ("armut-notlagen", "ARMUT & NOTLAGEN", "Armut und Notlagen"),
].enumerated().map { index, field in
    Handlungsfeld(source: SourceFile(path: "content/handlungsfelder/\(field.0).md", body: "", bodyFirstLine: 1),
                  slug: field.0, title: field.1, label: field.2, order: index + 1,
                  summary: "Beiträge zum Handlungsfeld \(field.2).")
}

func makeConfig(items: Int = 20, period: String = "monatlich", tool: String = "listmonk", rawHTML: Bool = false) -> SiteConfig {
    SiteConfig(baseURL: baseURL, title: "soziales.mittelsachsen.gemeinsam.machen",
               description: "Das Blog der Integrierten Sozialplanung im Landkreis Mittelsachsen.",
               markdown: MarkdownConfig(rawHTML: rawHTML, germanQuotes: true),
               contact: Contact(organisation: "Landratsamt Mittelsachsen", department: "Integrierte Sozialplanung",
                                street: "Frauensteiner Straße 43", postalCode: "09599", city: "Freiberg",
                                email: "sozialplanung@landkreis-mittelsachsen.de", phone: "03731 799-0",
                                responsible: "Leitung Stabsstelle Sozialplanung"),
               feeds: FeedConfig(items: items), newsletter: NewsletterConfig(period: period, tool: tool))
}

func makePost(_ path: String, title: String, date: String, body: String = "Ein Absatz mit Text.",
              summary: String? = nil, tags: [String] = [], author: String? = nil, image: String? = nil,
              imageAlt: String? = nil, slug: String? = nil, handlungsfelder: [String] = ["miteinander"],
              id: String? = nil) -> Post {
    Post(source: SourceFile(path: path, body: body, bodyFirstLine: 8), title: title, date: BerlinTime.parse(date)!,
         summary: summary, tags: tags, author: author, image: image, imageAlt: imageAlt,
         slug: slug ?? Slug.make(title), handlungsfelder: handlungsfelder, id: id)
}

/// Posts like the example site's, April to June 2022.
func examplePosts() -> [Post] {
    [
        makePost("content/beitraege/2022/willkommen.md", title: "Willkommen bei soziales.mittelsachsen.gemeinsam.machen",
                 date: "2022-04-26 09:00",
                 body: "Herzlich willkommen! Mehr im [Sozialbericht](/2022/05/armut-notlagen/) und im [Impressum](/impressum/).\n\n## Warum ein Blog?\n\nWeil Zahlen \"verständlich\" sein sollen. Siehe [Statistik](https://www.statistik.sachsen.de/).\n\n![Hügel](/bilder/willkommen.svg)\n",
                 summary: "Ab heute erklärt die Integrierte Sozialplanung hier, wie Menschen in Mittelsachsen leben.",
                 tags: ["Sozialbericht", "Daten"], author: "Redaktion", image: "/bilder/willkommen.svg",
                 imageAlt: "Stilisierte Landschaft mit Hügeln", slug: "willkommen", handlungsfelder: ["miteinander"]),
        makePost("content/beitraege/2022/pflegenetz.md", title: "Das Pflegenetz Mittelsachsen",
                 date: "2022-05-10 09:00", body: "Beratung für Angehörige & Pflegende.\n\n- Pflegestützpunkt\n- Pflegeberatung\n",
                 tags: ["Pflege", "Ehrenamt"], image: "/bilder/pflegenetz.jpg", imageAlt: "Zwei Hände",
                 handlungsfelder: ["senioren", "gesundheit"]),
        makePost("content/beitraege/2022/armut-notlagen.md", title: "Armut & Notlagen im Landkreis",
                 date: "2022-05-17 14:00", body: "Die Mindestsicherungsquote lag 2017 bei etwa 6 %.",
                 summary: "Wer bekommt Mindestsicherung?", tags: ["Sozialbericht"], author: "Anna Beispiel",
                 image: "/bilder/armut.svg", imageAlt: "Balkendiagramm", slug: "armut-notlagen",
                 handlungsfelder: ["armut-notlagen"]),
        makePost("content/beitraege/2022/kosten-der-unterkunft.md", title: "Kosten der Unterkunft",
                 date: "2022-05-31T23:15:00+00:00", body: "Was das Jobcenter übernimmt.",
                 tags: ["Wohnen"], handlungsfelder: ["wohnen", "armut-notlagen"]),
    ]
}

/// Posts that break naive generators.
func hostilePosts() -> [Post] {
    [
        makePost("content/beitraege/2022/word.md", title: "Bericht\u{0B} aus\u{01} Word\u{1F} – „Zitat“ & <Klammer>",
                 date: "2022-06-21 08:30",
                 body: "Text mit Steuerzeichen\u{0C} und\u{08} Tab\u{09}ende.\n\nCode: `a]]>b` und Text x ]]> y.\n\n```\nif a[b[0]]>1 { }\n```\n",
                 summary: "Zusammenfassung\u{0B} mit ]]> und & Zeichen", tags: ["Ehren\u{01}amt"], author: "Max\u{0B} Muster",
                 handlungsfelder: ["bildung"]),
        makePost("content/beitraege/2022/emoji.md", title: "Sommerfest 🎉 im Jugendhaus 👩‍👩‍👧",
                 date: "2022-07-12 09:00", body: "Wir feiern 🎈! Mit 😀 und 🇩🇪.", tags: ["Jugend"],
                 handlungsfelder: ["aufwachsen"]),
        makePost("content/beitraege/2022/links.md", title: "Relative Links",
                 date: "2022-09-06 07:45",
                 body: "[relativ](bild.png) und ![Bild](../bilder/a.png) und [Anker](#abschnitt) und [Seite](/impressum/) und [Mail](mailto:a@b.de).\n\n[^1]: Eine Fußnote.\n\nMit Fußnote[^1].\n",
                 handlungsfelder: ["mobilitaet"]),
        makePost("content/beitraege/2022/sommerzeit.md", title: "Nacht der Zeitumstellung im Frühjahr",
                 date: "2022-03-27 02:30", handlungsfelder: ["gesundheit"]),
        makePost("content/beitraege/2022/winterzeit.md", title: "Nacht der Zeitumstellung im Herbst",
                 date: "2022-10-30 02:30", handlungsfelder: ["gesundheit"]),
    ]
}

/// Raw HTML that must not survive into a feed (needs `rawHTML: true`).
let dangerousBody = """
Vorher.

<script>alert("x")</script>
<iframe src="https://www.youtube.com/embed/x"></iframe>
<style>p { color: red }</style>
<p onclick="alert(1)" style="position:absolute;top:0">Klick</p>
<a href="javascript:alert(1)">böse</a> <a href="/impressum/">gut</a>
<img src="/bilder/a.png" srcset="/bilder/a.png 1x, /bilder/a2.png 2x" alt="A" onerror="alert(2)">
<form action="/senden"><input name="q"><button>Los</button></form>
<object data="x.swf"></object><embed src="x.swf">
<!-- Kommentar mit ]]> -->
<p>Nachher &nbsp; mit Entity.</p>
"""

func makeSite(_ posts: [Post], config: SiteConfig = makeConfig(), pages: [Page] = []) -> RenderedSite {
    let settings = MarkdownSettings(allowRawHTML: config.markdown.rawHTML, germanQuotes: config.markdown.germanQuotes,
                                    siteHosts: [config.host])
    var bodies: [String: RenderedMarkdown] = [:]
    for post in posts {
        bodies[post.source.path] = MarkdownRenderer.render(post.source.body, file: post.source.path,
                                                           firstLine: post.source.bodyFirstLine, settings: settings)
    }
    let sorted = posts.sorted { $0.date > $1.date }
    return RenderedSite(content: SiteContent(config: config, posts: sorted, pages: pages,
                                             handlungsfelder: handlungsfelder, staticFiles: staticFiles),
                        bodies: bodies)
}

func exampleSite(config: SiteConfig = makeConfig()) -> RenderedSite {
    makeSite(examplePosts(), config: config)
}

func fullSite(config: SiteConfig = makeConfig()) -> RenderedSite {
    makeSite(examplePosts() + hostilePosts(), config: config)
}

func files(_ site: RenderedSite) -> [String: String] {
    Dictionary(Feeds.render(site: site).map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
}

// MARK: - Independent readers used by the assertions (not the code under test)

/// Elements and attributes of an XML feed, read with Foundation's XMLParser.
final class XMLReader: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String]; var text: String; var path: [String] }
    var elements: [Element] = []
    var stack: [Element] = []
    var error: Error?
    var namespaceErrors: [String] = []

    static func read(_ text: String) -> XMLReader {
        let reader = XMLReader()
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = false
        parser.delegate = reader
        if !parser.parse() { reader.error = parser.parserError ?? NSError(domain: "xml", code: -1) }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        stack.append(Element(name: name, attributes: attributes, text: "", path: stack.map(\.name)))
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { if !stack.isEmpty { stack[stack.count - 1].text += string } }
    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if !stack.isEmpty { stack[stack.count - 1].text += String(decoding: block, as: UTF8.self) }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if let done = stack.popLast() { elements.append(done) }
    }
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }
    func texts(_ name: String) -> [String] { all(name).map(\.text) }
}

/// Start tags of an HTML text as (name, attributes), read with a regular expression.
func htmlTags(_ html: String) -> [(name: String, attributes: [String: String])] {
    let tagPattern = /<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>\/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/
    let attributePattern = /([^\s=>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/
    var result: [(String, [String: String])] = []
    for match in html.matches(of: tagPattern) {
        var attributes: [String: String] = [:]
        for a in String(match.output.2).matches(of: attributePattern) {
            let value = a.output.2 ?? a.output.3 ?? a.output.4 ?? ""
            attributes[String(a.output.1).lowercased()] = String(value)
                .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
        }
        result.append((String(match.output.1).lowercased(), attributes))
    }
    return result
}

/// HTML contained in item elements of a feed (CDATA or escaped), for URL and safety checks.
func itemHTML(rss: String) -> [String] { XMLReader.read(rss).texts("content:encoded") }
func itemHTML(atom: String) -> [String] { XMLReader.read(atom).all("content").map(\.text) }

/// 56 posts in February 2022: more than one e-mail may hold in full.
func bigSite() -> RenderedSite {
    var posts: [Post] = []
    for day in 1...28 {
        for hour in [9, 15] {
            posts.append(makePost("content/beitraege/2022/p\(day)-\(hour).md",
                                  title: "Ein ziemlich langer Beitragstitel über Angebote im Landkreis Nummer \(day)-\(hour)",
                                  date: String(format: "2022-02-%02d %02d:00", day, hour),
                                  summary: String(repeating: "Eine Zusammenfassung mit vielen Wörtern. ", count: 5),
                                  image: "/bilder/pflegenetz.jpg", imageAlt: "Zwei Hände halten sich",
                                  handlungsfelder: [handlungsfelder[day % 11].slug]))
        }
    }
    return makeSite(posts)
}

@Test func fixturesHaveRealFilesOnDisk() throws {
    let attributes = try FileManager.default.attributesOfItem(atPath: staticFiles[1].sourcePath)
    #expect((attributes[.size] as? NSNumber)?.intValue == 4_321)
}
