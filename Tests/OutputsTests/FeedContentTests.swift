import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Content
import Support
@testable import Outputs

// What each item and channel must carry (W3C validator rules, research §1.1–1.3, §7.1).

private func rawSite() -> RenderedSite {
    var posts = examplePosts() + hostilePosts()
    posts.append(makePost("content/beitraege/2022/roh.md", title: "Eingebettetes Video", date: "2022-11-25 09:00",
                          body: dangerousBody, handlungsfelder: ["arbeit"]))
    return makeSite(posts, config: makeConfig(rawHTML: true))
}

private func isAbsolute(_ url: String) -> Bool {
    url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("mailto:") || url.hasPrefix("tel:")
}

@Test func everyURLInItemHTMLIsAbsolute() {
    let site = rawSite()
    var checked = 0
    for (path, text) in files(site) {
        var fragments: [String] = []
        if path.hasSuffix("feed.xml") || path.hasSuffix("index.xml") { fragments = itemHTML(rss: text) }
        if path.hasSuffix("atom.xml") { fragments = itemHTML(atom: text) }
        if path.hasSuffix(".json"), let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] {
            fragments = (object["items"] as? [[String: Any]] ?? []).compactMap { $0["content_html"] as? String }
        }
        for html in fragments {
            for tag in htmlTags(html) {
                for name in ["href", "src", "poster", "cite"] {
                    guard let value = tag.attributes[name] else { continue }
                    checked += 1
                    #expect(isAbsolute(value), "\(path): <\(tag.name) \(name)=\"\(value)\">")
                }
                if let srcset = tag.attributes["srcset"] {
                    for candidate in srcset.split(separator: ",") {
                        let url = String(candidate.split(separator: " ").first ?? "")
                        #expect(url.hasPrefix("https://"), "\(path): srcset \(url)")
                    }
                }
            }
        }
    }
    #expect(checked > 50)
    let html = itemHTML(rss: files(site)["feed.xml"]!).joined()
    #expect(html.contains("href=\"https://mittelsachsen-sozial.de/2022/09/relative-links/bild.png\""))
    #expect(html.contains("src=\"https://mittelsachsen-sozial.de/2022/09/bilder/a.png\""))
    #expect(html.contains("href=\"https://mittelsachsen-sozial.de/2022/09/relative-links/#abschnitt\""))
    #expect(html.contains("href=\"https://mittelsachsen-sozial.de/impressum/\""))
    #expect(html.contains("srcset=\"https://mittelsachsen-sozial.de/bilder/a.png 1x, https://mittelsachsen-sozial.de/bilder/a2.png 2x\""))
}

@Test func everyChannelAndItemURLIsAbsolute() {
    for (path, text) in files(rawSite()) where path.hasSuffix(".xml") {
        let reader = XMLReader.read(text)
        for link in reader.texts("link") where !link.isEmpty { #expect(link.hasPrefix("https://"), "\(path): \(link)") }
        for element in reader.elements {
            for key in ["href", "url", "domain", "scheme"] {
                if let value = element.attributes[key] { #expect(value.hasPrefix("https://"), "\(path): \(element.name) \(key)=\(value)") }
            }
        }
    }
}

@Test func noScriptIframeStyleOrEventHandlersInItemHTML() {
    let site = rawSite()
    let rss = files(site)["feed.xml"]!
    let html = itemHTML(rss: rss).joined(separator: "\n") + itemHTML(atom: files(site)["atom.xml"]!).joined()
    for tag in htmlTags(html) {
        #expect(!["script", "iframe", "style", "object", "embed", "form", "input", "button", "meta", "link", "noscript"]
            .contains(tag.name), "<\(tag.name)> left in item HTML")
        for (name, value) in tag.attributes {
            #expect(!name.hasPrefix("on"), "event handler \(name) on <\(tag.name)>")
            #expect(name != "style", "style attribute on <\(tag.name)>")
            #expect(!value.lowercased().hasPrefix("javascript:"))
        }
    }
    // cmark-gfm's tag filter already turns these into visible text; none is an element.
    for name in ["script", "iframe", "style", "object", "embed", "form"] {
        #expect(!html.lowercased().contains("<\(name)"), "<\(name)> in item HTML")
    }
    // Harmless content around the removed parts stays.
    #expect(html.contains("Vorher."))
    #expect(html.contains("Klick"))
    #expect(html.contains("gut</a>"))
    #expect(html.contains("Nachher"))
}

@Test func selfLinkIsTheFeedsRealURL() throws {
    let site = exampleSite()
    for (path, text) in files(site) {
        let expected = path == "feed/index.xml" ? baseURL + "/feed/" : baseURL + "/" + path
        if path.hasSuffix(".json") {
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
            #expect(object["feed_url"] as? String == expected)
            continue
        }
        let reader = XMLReader.read(text)
        let selfLinks = reader.elements.filter { ($0.name == "atom:link" || $0.name == "link") && $0.attributes["rel"] == "self" }
        #expect(selfLinks.count == 1, "\(path)")
        #expect(selfLinks.first?.attributes["href"] == expected, "\(path)")
        let type = path.hasSuffix("atom.xml") ? "application/atom+xml" : "application/rss+xml"
        #expect(selfLinks.first?.attributes["type"] == type)
    }
}

@Test func languageIsGermanInEveryFormat() throws {
    let output = files(exampleSite())
    #expect(XMLReader.read(output["feed.xml"]!).texts("language") == ["de-DE"])
    #expect(XMLReader.read(output["atom.xml"]!).all("feed").first?.attributes["xml:lang"] == "de-DE")
    let json = try JSONSerialization.jsonObject(with: Data(output["feed.json"]!.utf8)) as! [String: Any]
    #expect(json["language"] as? String == "de-DE")
}

@Test func dcCreatorNamesTheAuthorOrThePublisher() {
    let reader = XMLReader.read(files(exampleSite())["feed.xml"]!)
    let titles = reader.all("title").filter { $0.path.last == "item" }.map(\.text)
    let creators = reader.texts("dc:creator")
    #expect(creators.count == titles.count)
    let byTitle = Dictionary(uniqueKeysWithValues: zip(titles, creators))
    #expect(byTitle["Armut & Notlagen im Landkreis"] == "Anna Beispiel")
    #expect(byTitle["Willkommen bei soziales.mittelsachsen.gemeinsam.machen"] == "Redaktion")
    #expect(byTitle["Kosten der Unterkunft"] == "Landratsamt Mittelsachsen")
    // RSS `author` needs an e-mail address; names belong in dc:creator only.
    #expect(reader.all("author").isEmpty)
}

@Test func categoriesForEveryHandlungsfeldAndTag() {
    let reader = XMLReader.read(files(exampleSite())["feed.xml"]!)
    let pflege = reader.all("category").filter { _ in true }
    let domains = Set(pflege.compactMap { $0.attributes["domain"] })
    #expect(domains.contains(baseURL + "/handlungsfelder/senioren/"))
    #expect(domains.contains(baseURL + "/handlungsfelder/gesundheit/"))
    #expect(domains.contains(baseURL + "/tag/pflege/"))
    #expect(domains.contains(baseURL + "/tag/ehrenamt/"))
    // The Pflegenetz post: two Handlungsfelder and two tags, in that order.
    let item = Feeds.channels(site: exampleSite()).first!.items.first(where: { $0.title == "Das Pflegenetz Mittelsachsen" })!
    #expect(item.categories.map(\.label) == ["Senioren schätzen", "Gesundheit rundum", "Pflege", "Ehrenamt"])
    let atom = XMLReader.read(files(exampleSite())["atom.xml"]!)
    #expect(atom.all("category").contains { $0.attributes["term"] == "senioren" && $0.attributes["label"] == "Senioren schätzen" })
}

@Test func imageEnclosureHasLengthAndType() {
    let reader = XMLReader.read(files(exampleSite())["feed.xml"]!)
    let enclosures = reader.all("enclosure")
    #expect(enclosures.count == 3)
    let jpeg = enclosures.first { $0.attributes["url"] == baseURL + "/bilder/pflegenetz.jpg" }
    #expect(jpeg?.attributes["length"] == "2048")
    #expect(jpeg?.attributes["type"] == "image/jpeg")
    let svg = enclosures.first { $0.attributes["url"] == baseURL + "/bilder/willkommen.svg" }
    #expect(svg?.attributes["length"] == "812")
    #expect(svg?.attributes["type"] == "image/svg+xml")
    for enclosure in enclosures {
        #expect(Int(enclosure.attributes["length"] ?? "") ?? 0 > 0)
    }
    #expect(reader.all("media:content").count == 3)
}

@Test func enclosureIsLeftOutWhenTheFileIsMissing() {
    let post = makePost("content/beitraege/2022/x.md", title: "Ohne Datei", date: "2022-05-01", image: "/bilder/fehlt.png",
                        imageAlt: "fehlt")
    let rss = files(makeSite([post]))["feed.xml"]!
    #expect(!rss.contains("<enclosure"))
    #expect(rss.contains("<media:content url=\"https://mittelsachsen-sozial.de/bilder/fehlt.png\""))
}

@Test func summaryAndFullContentAreBothPresentSummaryFirst() {
    let text = files(exampleSite())["feed.xml"]!
    let items = text.components(separatedBy: "<item>").dropFirst()
    #expect(items.count == 4)
    for item in items {
        guard let description = item.range(of: "<description>"), let content = item.range(of: "<content:encoded>") else {
            Issue.record("item without description or content:encoded"); continue
        }
        #expect(description.lowerBound < content.lowerBound)
    }
    let reader = XMLReader.read(text)
    let descriptions = reader.all("description").filter { $0.path.last == "item" }.map(\.text)
    #expect(descriptions.contains("Wer bekommt Mindestsicherung?"))
    // Without a summary the start of the text is used, as plain text.
    #expect(descriptions.contains("Beratung für Angehörige &amp; Pflegende. Pflegestützpunkt Pflegeberatung"))
    // Description is HTML: plain text arrives HTML-escaped, so „<Klammer>“ is no tag.
    let hostile = XMLReader.read(files(fullSite())["feed.xml"]!).all("description").filter { $0.path.last == "item" }.map(\.text)
    #expect(hostile.contains("Zusammenfassung mit ]]&gt; und &amp; Zeichen"))
    let contents = reader.texts("content:encoded")
    #expect(contents.contains { $0.contains("<h2 id=\"warum-ein-blog\">") && $0.contains("„verständlich“") })
    let atom = XMLReader.read(files(exampleSite())["atom.xml"]!)
    #expect(atom.all("summary").count == 4 && atom.all("content").allSatisfy { $0.attributes["type"] == "html" })
}

@Test func emojiAndTypographyArriveUnchanged() throws {
    let output = files(fullSite())
    let reader = XMLReader.read(output["feed.xml"]!)
    #expect(reader.texts("title").contains("Sommerfest 🎉 im Jugendhaus 👩‍👩‍👧"))
    #expect(output["feed.xml"]!.contains("Sommerfest 🎉 im Jugendhaus 👩‍👩‍👧"))
    let json = try JSONSerialization.jsonObject(with: Data(output["feed.json"]!.utf8)) as! [String: Any]
    let titles = (json["items"] as! [[String: Any]]).map { $0["title"] as! String }
    #expect(titles.contains("Sommerfest 🎉 im Jugendhaus 👩‍👩‍👧"))
    #expect(titles.contains("Bericht aus Word – „Zitat“ & <Klammer>"))
}

@Test func jsonFeedHasTheFieldsReadersNeed() throws {
    let json = try JSONSerialization.jsonObject(with: Data(files(exampleSite())["feed.json"]!.utf8)) as! [String: Any]
    #expect(json["home_page_url"] as? String == baseURL + "/")
    #expect((json["authors"] as? [[String: Any]])?.first?["name"] as? String == "Landratsamt Mittelsachsen")
    let items = json["items"] as! [[String: Any]]
    #expect(items.count == 4)
    for item in items {
        for key in ["id", "url", "title", "content_html", "summary", "date_published"] {
            #expect(item[key] as? String != nil, "item without \(key)")
        }
    }
    #expect(items.contains { ($0["tags"] as? [String]) == ["Senioren schätzen", "Gesundheit rundum", "Pflege", "Ehrenamt"] })
    #expect(items.contains { $0["image"] as? String == baseURL + "/bilder/pflegenetz.jpg" })
}

@Test func cleanerRemovesActiveContentItselfNotOnlyMarkdown() {
    let cleaner = FeedHTML(pageURL: "https://mittelsachsen-sozial.de/2022/05/x/")
    let html = cleaner.clean("""
    <p>A<script type="text/javascript">alert(1)</script>B<SCRIPT>x()</SCRIPT>C</p>
    <style>p{}</style><iframe src="https://example.org/"><p>fallback</p></iframe><noscript>n</noscript>
    <a href="JavaScript:alert(1)" onmouseover="x()">link</a><a href=" data:text/html,x">d</a>
    <img src=bild.png alt=Bild style="position:fixed"><video poster="/p.png" src="v.mp4"></video>
    <form action="/x"><input value="1">Text</form><object data="a"><param name="x">o</object><embed src="e">
    <!-- Kommentar --><![CDATA[ x ]]><p title="a > b">ok</p>
    """)
    for needle in ["script", "alert", "<style", "iframe", "fallback", "noscript", "onmouseover", "javascript", "data:",
                   "position", "<form", "<input", "<object", "<param", "<embed", "Kommentar", "CDATA"] {
        #expect(!html.lowercased().contains(needle.lowercased()), "\(needle) survived: \(html)")
    }
    #expect(html.contains("<p>ABC</p>"))
    #expect(html.contains("<a>link</a>"))
    #expect(html.contains("<img src=\"https://mittelsachsen-sozial.de/2022/05/x/bild.png\" alt=\"Bild\">"))
    #expect(html.contains("poster=\"https://mittelsachsen-sozial.de/p.png\" src=\"https://mittelsachsen-sozial.de/2022/05/x/v.mp4\""))
    #expect(html.contains("Text"))
    #expect(html.contains("<p title=\"a &gt; b\">ok</p>"))
}

@Test func inlineChartsKeepTheirSVGShapeInFeedsAndBecomeTextInMail() {
    let chart = """
    <figure><svg viewBox="0 0 10 10" role="img" aria-labelledby="t1" aria-label="Balken: Quote 6 %"><title id="t1">Quote</title><defs><linearGradient id="g"/></defs><use href="#g"/><rect width="5" height="5"/></svg></figure>
    """
    let feed = FeedHTML(pageURL: "https://mittelsachsen-sozial.de/2022/05/x/").clean(chart)
    #expect(feed.contains("<svg viewBox=\"0 0 10 10\" role=\"img\" aria-labelledby=\"t1\""))
    #expect(feed.contains("<title id=\"t1\">Quote</title>"))
    #expect(feed.contains("<linearGradient id=\"g\"/>"))
    #expect(feed.contains("<use href=\"#g\"/>"))  // references inside the drawing stay local
    let mail = FeedHTML(pageURL: "https://mittelsachsen-sozial.de/2022/05/x/", forEmail: true).clean(chart)
    #expect(mail == "<figure>Balken: Quote 6 %</figure>")
}
