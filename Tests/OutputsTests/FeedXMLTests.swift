import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Content
import Support
@testable import Outputs

// Well-formed XML, as the W3C Feed Validation Service and Thunderbird demand it.

private func xmlFiles(_ site: RenderedSite) -> [(String, String)] {
    files(site).filter { $0.key.hasSuffix(".xml") }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
}

private func hostileSite() -> RenderedSite {
    var posts = examplePosts() + hostilePosts()
    posts.append(makePost("content/beitraege/2022/roh.md", title: "Roh-HTML ]]> im Titel", date: "2022-11-25 09:00",
                          body: dangerousBody + "\n<div>Ende ]]> hier</div>\n", handlungsfelder: ["arbeit"]))
    return makeSite(posts, config: makeConfig(rawHTML: true))
}

@Test func everyFeedIsWellFormedXMLEvenWithHostileContent() {
    let outputs = xmlFiles(hostileSite())
    #expect(outputs.count > 20)
    for (path, text) in outputs {
        let reader = XMLReader.read(text)
        #expect(reader.error == nil, "\(path) is not well-formed: \(String(describing: reader.error))")
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), "\(path)")
        #expect(!text.utf8.starts(with: [0xEF, 0xBB, 0xBF]), "\(path) starts with a BOM")
    }
}

@Test func onlyTheFiveXMLEntitiesAppearOutsideCDATA() {
    for (path, text) in xmlFiles(hostileSite()) {
        // Cut CDATA sections away; in them named entities are text, not references.
        var outside = ""
        var rest = Substring(text)
        while let start = rest.range(of: "<![CDATA[") {
            outside += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "]]>") else { rest = ""; break }
            rest = rest[end.upperBound...]
        }
        outside += rest
        for match in outside.matches(of: /&([A-Za-z][A-Za-z0-9]*);/) {
            #expect(["amp", "lt", "gt", "quot", "apos"].contains(String(match.output.1)),
                    "\(path) uses the entity &\(match.output.1);")
        }
    }
}

@Test func wordControlCharactersAreRemoved() {
    let site = hostileSite()
    for (path, text) in files(site) {
        let bad = text.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || $0.value == 0xFFFE || $0.value == 0xFFFF
        }
        #expect(bad.isEmpty, "\(path) contains control characters \(bad.map { String($0.value, radix: 16) })")
    }
    let rss = XMLReader.read(files(site)["feed.xml"]!)
    #expect(rss.texts("title").contains("Bericht aus Word – „Zitat“ & <Klammer>"))
    #expect(rss.texts("dc:creator").contains("Max Muster"))
    #expect(XMLText.clean("a\u{0}b\u{8}c\u{B}d\u{C}e\u{1F}f\u{FFFE}g\u{FFFF}h\tI\nJ\rK") == "abcdefgh\tI\nJ\rK")
}

@Test func cdataEndMarkerInContentSurvivesParsing() {
    let site = hostileSite()
    let rss = files(site)["feed.xml"]!
    let reader = XMLReader.read(rss)
    #expect(reader.error == nil)
    // Raw HTML with `]]>` reaches the CDATA section unescaped and must come back intact.
    let raw = reader.texts("content:encoded").first(where: { $0.contains("Ende") })
    #expect(raw?.contains("Ende ]]> hier") == true)
    // The writer splits the marker; no section ends early.
    #expect(XMLText.cdata("x ]]> y ]]>") == "<![CDATA[x ]]]]><![CDATA[> y ]]]]><![CDATA[>]]>")
    let parsed = XMLReader.read("<a>" + XMLText.cdata("1 ]]> 2 ]]]]> 3") + "</a>")
    #expect(parsed.error == nil)
    #expect(parsed.texts("a") == ["1 ]]> 2 ]]]]> 3"])
}

@Test func everyNamespacePrefixIsDeclared() {
    for (path, text) in xmlFiles(hostileSite()) {
        // Elements and attributes outside CDATA sections.
        let markup = text.replacing(/<!\[CDATA\[[\s\S]*?\]\]>/, with: "")
        var used: Set<String> = []
        for match in markup.matches(of: /<\/?([A-Za-z_][\w.-]*):[A-Za-z_]/) { used.insert(String(match.output.1)) }
        for match in markup.matches(of: /\s([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*=/) { used.insert(String(match.output.1)) }
        used.remove("xmlns")
        used.remove("xml")
        for prefix in used {
            #expect(text.contains("xmlns:\(prefix)=\""), "\(path) uses \(prefix): without declaring it")
        }
    }
    let rss = files(exampleSite())["feed.xml"]!
    for declaration in ["xmlns:atom=\"http://www.w3.org/2005/Atom\"", "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"",
                        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"", "xmlns:media=\"http://search.yahoo.com/mrss/\""] {
        #expect(rss.contains(declaration))
    }
}

@Test func namespaceAwareParserAcceptsFeeds() {
    for (path, text) in xmlFiles(hostileSite()) {
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = true
        #expect(parser.parse(), "\(path): \(String(describing: parser.parserError))")
    }
}

@Test func jsonFeedsAreValidJSON() throws {
    for (path, text) in files(hostileSite()) where path.hasSuffix(".json") {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["version"] as? String == "https://jsonfeed.org/version/1.1", "\(path)")
    }
}
