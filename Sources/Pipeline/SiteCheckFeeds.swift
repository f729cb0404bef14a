import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Outputs
import Support

/// The generated feeds, read back as a feed reader would (XML with Foundation's `XMLParser`, JSON
/// Feed with `JSONSerialization`), by the rules of `tools/sitecheck/check-feeds.py`: well-formed;
/// required elements; RFC 822 dates in RSS and RFC 3339 in Atom and JSON Feed; absolute links,
/// also inside the item HTML; a self link; unique ids; links into the site that exist.
enum SiteCheckFeeds {
    static let stage = "Feeds"

    struct Finding {
        var code: String
        var message: String
        var hint: String
        /// Output path of the feed, and where in it.
        var file: String
        var line: Int
        var column: Int
        /// Site path of the item's page, to point at the post instead of the feed.
        var itemPath: String?
    }

    static func check(_ context: SiteCheckContext) -> [Diagnostic] {
        let feeds = context.input.files.filter { file in
            file.path.hasSuffix(".xml") || file.path.hasSuffix("feed.json")
        }
        let findings = feeds.parallelMap { file in
            file.path.hasSuffix(".json") ? checkJSON(file.text, path: file.path, context: context)
                                         : checkXML(file.contents, path: file.path, context: context)
        }.flatMap { $0 }
        // One post appears in the site feed, its Handlungsfelder's and its tags': one diagnostic each.
        var grouped: [String: (finding: Finding, feeds: Set<String>)] = [:]
        for finding in findings {
            let key = finding.code + "\u{1F}" + finding.message
            if let existing = grouped[key] {
                var feeds = existing.feeds
                feeds.insert(finding.file)
                let first = finding.file < existing.finding.file ? finding : existing.finding
                grouped[key] = (first, feeds)
            } else {
                grouped[key] = (finding, [finding.file])
            }
        }
        return grouped.keys.sorted().map { key in
            let (finding, feeds) = grouped[key]!
            var location = context.outputLocation(finding.file, line: finding.line, column: finding.column)
            if let item = finding.itemPath, let source = context.sources[OutputFile.indexPath(forURL: item)] {
                location = SourceLocation(file: source.path)
            }
            let spread = feeds.count > 1 ? " (in \(feeds.count) Feeds, z. B. /\(finding.file))" : " (in /\(finding.file))"
            return Diagnostic(.error, code: finding.code, at: location, finding.message + spread, hint: finding.hint, stage: stage)
        }
    }

    // MARK: XML

    final class Node {
        let namespace: String
        let name: String
        let attributes: [String: String]
        let line: Int
        let column: Int
        var text = ""
        var children: [Node] = []

        init(namespace: String, name: String, attributes: [String: String], line: Int, column: Int) {
            self.namespace = namespace
            self.name = name
            self.attributes = attributes
            self.line = line
            self.column = column
        }

        func children(_ name: String, namespace: String? = nil) -> [Node] {
            children.filter { $0.name == name && (namespace == nil || $0.namespace == namespace) }
        }

        func first(_ name: String, namespace: String? = nil) -> Node? { children(name, namespace: namespace).first }

        var trimmed: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: Node?
        var stack: [Node] = []
        weak var parser: XMLParser?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let node = Node(namespace: namespaceURI ?? "", name: elementName, attributes: attributeDict,
                            line: parser.lineNumber, column: parser.columnNumber)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }

        /// The first error with its position (on Linux `parse()` may return true despite errors).
        var error: (code: Int, line: Int, column: Int)?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if error == nil { error = ((parseError as NSError).code, parser.lineNumber, parser.columnNumber) }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }
    }

    static let atom = "http://www.w3.org/2005/Atom"
    static let contentModule = "http://purl.org/rss/1.0/modules/content/"

    static func checkXML(_ bytes: [UInt8], path: String, context: SiteCheckContext) -> [Finding] {
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder()
        parser.delegate = builder
        let succeeded = parser.parse()
        guard succeeded, builder.error == nil, parser.parserError == nil, let root = builder.root else {
            let code = builder.error?.code ?? (parser.parserError as NSError?)?.code ?? 0
            return [Finding(code: "feed-malformed", message: "Die Datei ist kein wohlgeformtes XML: \(xmlProblem(code)).",
                            hint: generatorHint, file: path, line: builder.error?.line ?? parser.lineNumber,
                            column: builder.error?.column ?? parser.columnNumber)]
        }
        switch (root.namespace, root.name) {
        case ("", "rss"): return checkRSS(root, path: path, context: context)
        case (atom, "feed"): return checkAtom(root, path: path, context: context)
        default: return []
        }
    }

    static let generatorHint = "Das ist ein Fehler des Generators; melden Sie ihn der Technik mit dieser Meldung."

    /// `XMLParser.ErrorCode` in words.
    static func xmlProblem(_ code: Int) -> String {
        switch code {
        case 76: "ein Element wird mit dem falschen Namen geschlossen"
        case 5: "die Datei endet zu früh oder hat Inhalt nach dem Wurzelelement"
        case 26: "ein unbekanntes Entity wie &nbsp; (XML kennt nur &amp; &lt; &gt; &quot; &apos;)"
        case 9: "ein Zeichen, das XML nicht erlaubt"
        case 38, 39, 40, 41: "ein Attribut ist nicht richtig geschrieben"
        default: "Fehler \(code) des XML-Parsers"
        }
    }

    static func checkRSS(_ root: Node, path: String, context: SiteCheckContext) -> [Finding] {
        var findings: [Finding] = []
        func add(_ code: String, _ message: String, _ node: Node, item: String? = nil, hint: String = generatorHint) {
            findings.append(Finding(code: code, message: message, hint: hint, file: path, line: node.line,
                                    column: node.column, itemPath: item))
        }
        if root.attributes["version"] != "2.0" { add("feed-missing-element", "Der RSS-Feed hat nicht version=\"2.0\".", root) }
        guard let channel = root.first("channel") else {
            add("feed-missing-element", "Dem RSS-Feed fehlt <channel>.", root)
            return findings
        }
        for required in ["title", "link", "description"] where (channel.first(required)?.trimmed ?? "").isEmpty {
            add("feed-missing-element", "Dem RSS-Feed fehlt <\(required)>.", channel)
        }
        if let link = channel.first("link"), !isAbsolute(link.trimmed) {
            add("feed-relative-url", "Die Adresse „\(link.trimmed)“ in <link> des Feeds ist nicht absolut.", link)
        }
        for name in ["pubDate", "lastBuildDate"] {
            if let node = channel.first(name), !isRFC822(node.trimmed) {
                add("feed-invalid-date", "„\(node.trimmed)“ in <\(name)> ist kein Datum nach RFC 822.", node)
            }
        }
        let selfLinks = channel.children("link", namespace: atom).filter { $0.attributes["rel"] == "self" }
        if selfLinks.isEmpty {
            add("feed-missing-self-link", "Dem RSS-Feed fehlt <atom:link rel=\"self\" …>.", channel)
        }
        for link in selfLinks where !isAbsolute(link.attributes["href"] ?? "") {
            add("feed-relative-url", "Der Self-Link „\(link.attributes["href"] ?? "")“ ist nicht absolut.", link)
        }
        var guids: Set<String> = []
        for item in channel.children("item") {
            let title = item.first("title")?.trimmed ?? ""
            let name = title.isEmpty ? "Ein Eintrag" : "Der Eintrag „\(title)“"
            let link = item.first("link")?.trimmed ?? ""
            let itemPath = sitePath(link, context)
            if title.isEmpty && (item.first("description")?.trimmed ?? "").isEmpty {
                add("feed-missing-element", "Ein Eintrag hat weder <title> noch <description>.", item, item: itemPath)
            }
            if link.isEmpty {
                add("feed-missing-element", "\(name) hat keinen <link>.", item, item: itemPath)
            } else if !isAbsolute(link) {
                add("feed-relative-url", "\(name) verlinkt „\(link)“ nicht absolut.", item, item: itemPath)
            } else {
                findings += missing(link, from: item, name: name, path: path, context: context)
            }
            if let guid = item.first("guid"), !guid.trimmed.isEmpty {
                let permalink = guid.attributes["isPermaLink"] ?? "true"
                if permalink == "true" && !isAbsolute(guid.trimmed) {
                    add("feed-relative-url", "\(name) hat die guid „\(guid.trimmed)“, die als Permalink eine absolute Adresse sein muss.",
                        guid, item: itemPath)
                }
                if !guids.insert(guid.trimmed).inserted {
                    add("feed-duplicate-id", "Die guid „\(guid.trimmed)“ steht in einem Feed zweimal.", guid, item: itemPath,
                        hint: "Zwei Beiträge haben dieselbe Kennung: Prüfen Sie „id:“ im Kopf der Beiträge.")
                }
            } else {
                add("feed-missing-element", "\(name) hat keine <guid>.", item, item: itemPath)
            }
            if let date = item.first("pubDate") {
                if !isRFC822(date.trimmed) {
                    add("feed-invalid-date", "„\(date.trimmed)“ in <pubDate> ist kein Datum nach RFC 822.", date, item: itemPath)
                }
            } else {
                add("feed-missing-element", "\(name) hat kein <pubDate>.", item, item: itemPath)
            }
            for enclosure in item.children("enclosure") {
                if !isAbsolute(enclosure.attributes["url"] ?? "") {
                    add("feed-relative-url", "\(name) hat ein Bild (enclosure) ohne absolute Adresse.", enclosure, item: itemPath)
                }
                if enclosure.attributes["length"] == nil || enclosure.attributes["type"] == nil {
                    add("feed-missing-element", "\(name): <enclosure> braucht length und type.", enclosure, item: itemPath)
                }
            }
            for html in [item.first("description"), item.first("encoded", namespace: contentModule)].compactMap({ $0 }) {
                for reference in relativeReferences(html.text) {
                    add("feed-relative-url", "\(name) enthält die relative Adresse „\(reference)“; Feedreader können sie nicht öffnen.",
                        html, item: itemPath)
                }
            }
        }
        return findings
    }

    static func checkAtom(_ root: Node, path: String, context: SiteCheckContext) -> [Finding] {
        var findings: [Finding] = []
        func add(_ code: String, _ message: String, _ node: Node, item: String? = nil, hint: String = generatorHint) {
            findings.append(Finding(code: code, message: message, hint: hint, file: path, line: node.line,
                                    column: node.column, itemPath: item))
        }
        for required in ["id", "title", "updated"] where (root.first(required, namespace: atom)?.trimmed ?? "").isEmpty {
            add("feed-missing-element", "Dem Atom-Feed fehlt <\(required)>.", root)
        }
        if let updated = root.first("updated", namespace: atom), !updated.trimmed.isEmpty, !isRFC3339(updated.trimmed) {
            add("feed-invalid-date", "„\(updated.trimmed)“ in <updated> ist kein Datum nach RFC 3339.", updated)
        }
        let entries = root.children("entry", namespace: atom)
        if root.first("author", namespace: atom) == nil && entries.contains(where: { $0.first("author", namespace: atom) == nil }) {
            add("feed-missing-element", "Dem Atom-Feed fehlt <author> (am Feed oder an jedem Eintrag).", root)
        }
        let links = root.children("link", namespace: atom)
        if !links.contains(where: { $0.attributes["rel"] == "self" }) {
            add("feed-missing-self-link", "Dem Atom-Feed fehlt <link rel=\"self\" …>.", root)
        }
        for link in links where !isAbsolute(link.attributes["href"] ?? "") {
            add("feed-relative-url", "Die Adresse „\(link.attributes["href"] ?? "")“ in <link> des Feeds ist nicht absolut.", link)
        }
        var ids: Set<String> = []
        for entry in entries {
            let title = entry.first("title", namespace: atom)?.trimmed ?? ""
            let name = title.isEmpty ? "Ein Eintrag" : "Der Eintrag „\(title)“"
            let entryLinks = entry.children("link", namespace: atom)
            let alternate = entryLinks.first { ($0.attributes["rel"] ?? "alternate") == "alternate" }
            let itemPath = alternate.flatMap { sitePath($0.attributes["href"] ?? "", context) }
            for required in ["id", "title", "updated"] where (entry.first(required, namespace: atom)?.trimmed ?? "").isEmpty {
                add("feed-missing-element", "\(name) hat kein <\(required)>.", entry, item: itemPath)
            }
            for name in ["updated", "published"] {
                if let date = entry.first(name, namespace: atom), !date.trimmed.isEmpty, !isRFC3339(date.trimmed) {
                    add("feed-invalid-date", "„\(date.trimmed)“ in <\(name)> ist kein Datum nach RFC 3339.", date, item: itemPath)
                }
            }
            if let id = entry.first("id", namespace: atom)?.trimmed, !id.isEmpty {
                if !id.contains(":") {
                    add("feed-missing-element", "\(name) hat die Kennung „\(id)“, die keine absolute IRI ist.", entry, item: itemPath)
                }
                if !ids.insert(id).inserted {
                    add("feed-duplicate-id", "Die Kennung „\(id)“ steht in einem Feed zweimal.", entry, item: itemPath,
                        hint: "Zwei Beiträge haben dieselbe Kennung: Prüfen Sie „id:“ im Kopf der Beiträge.")
                }
            }
            if entry.first("content", namespace: atom) == nil && alternate == nil {
                add("feed-missing-element", "\(name) hat weder <content> noch <link rel=\"alternate\">.", entry, item: itemPath)
            }
            for link in entryLinks {
                let href = link.attributes["href"] ?? ""
                if !isAbsolute(href) {
                    add("feed-relative-url", "\(name) verlinkt „\(href)“ nicht absolut.", link, item: itemPath)
                } else if link === alternate {
                    findings += missing(href, from: link, name: name, path: path, context: context)
                }
            }
            for html in [entry.first("content", namespace: atom), entry.first("summary", namespace: atom)].compactMap({ $0 })
                where html.attributes["type"] == "html" {
                for reference in relativeReferences(html.text) {
                    add("feed-relative-url", "\(name) enthält die relative Adresse „\(reference)“; Feedreader können sie nicht öffnen.",
                        html, item: itemPath)
                }
            }
        }
        return findings
    }

    // MARK: JSON Feed

    static func checkJSON(_ text: String, path: String, context: SiteCheckContext) -> [Finding] {
        var findings: [Finding] = []
        func add(_ code: String, _ message: String, item: String? = nil, hint: String = generatorHint) {
            findings.append(Finding(code: code, message: message, hint: hint, file: path, line: 1, column: 1, itemPath: item))
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            add("feed-malformed", "Die Datei ist kein gültiges JSON.")
            return findings
        }
        if !((object["version"] as? String) ?? "").hasPrefix("https://jsonfeed.org/version/1") {
            add("feed-missing-element", "Dem JSON Feed fehlt \"version\": \"https://jsonfeed.org/version/1.1\".")
        }
        if ((object["title"] as? String) ?? "").isEmpty { add("feed-missing-element", "Dem JSON Feed fehlt \"title\".") }
        if let feedURL = object["feed_url"] as? String {
            if !isAbsolute(feedURL) { add("feed-relative-url", "\"feed_url\" „\(feedURL)“ ist nicht absolut.") }
        } else {
            add("feed-missing-self-link", "Dem JSON Feed fehlt \"feed_url\".")
        }
        var ids: Set<String> = []
        for item in (object["items"] as? [[String: Any]]) ?? [] {
            let title = (item["title"] as? String) ?? ""
            let name = title.isEmpty ? "Ein Eintrag" : "Der Eintrag „\(title)“"
            let url = (item["url"] as? String) ?? ""
            let itemPath = sitePath(url, context)
            let id = (item["id"] as? String) ?? ""
            if id.isEmpty { add("feed-missing-element", "\(name) hat keine \"id\".", item: itemPath) }
            else if !ids.insert(id).inserted {
                add("feed-duplicate-id", "Die Kennung „\(id)“ steht in einem Feed zweimal.", item: itemPath,
                    hint: "Zwei Beiträge haben dieselbe Kennung: Prüfen Sie „id:“ im Kopf der Beiträge.")
            }
            if !url.isEmpty && !isAbsolute(url) { add("feed-relative-url", "\(name) verlinkt „\(url)“ nicht absolut.", item: itemPath) }
            for key in ["date_published", "date_modified"] {
                if let date = item[key] as? String, !isRFC3339(date) {
                    add("feed-invalid-date", "„\(date)“ in \"\(key)\" ist kein Datum nach RFC 3339.", item: itemPath)
                }
            }
            if item["content_html"] == nil && item["content_text"] == nil {
                add("feed-missing-element", "\(name) hat weder \"content_html\" noch \"content_text\".", item: itemPath)
            }
            for reference in relativeReferences((item["content_html"] as? String) ?? "") {
                add("feed-relative-url", "\(name) enthält die relative Adresse „\(reference)“; Feedreader können sie nicht öffnen.",
                    item: itemPath)
            }
        }
        return findings
    }

    // MARK: helpers

    static func isAbsolute(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        return !lower.drop(while: { $0 != ":" }).dropFirst(3).prefix { $0 != "/" }.isEmpty
    }

    /// Site path of an absolute link into this site, else nil.
    static func sitePath(_ url: String, _ context: SiteCheckContext) -> String? {
        if case .site(let path, _) = SiteCheckURL.resolve(url, base: "/", hosts: context.hosts), isAbsolute(url) { return path }
        return nil
    }

    /// A link into this site whose page the build did not write.
    static func missing(_ url: String, from node: Node, name: String, path: String, context: SiteCheckContext) -> [Finding] {
        guard let target = sitePath(url, context), context.addresses.file(for: target) == nil else { return [] }
        return [Finding(code: "feed-broken-link", message: "\(name) verlinkt „\(url)“, aber diese Seite erzeugt die Website nicht.",
                        hint: generatorHint, file: path, line: node.line, column: node.column, itemPath: nil)]
    }

    /// `href`/`src`/`srcset` values in item HTML that a feed reader cannot resolve.
    static func relativeReferences(_ html: String) -> [String] {
        guard !html.isEmpty else { return [] }
        var found: [String] = []
        for tag in HTMLScanner.scan(html).tags {
            for (name, value) in tag.attributes where name == "href" || name == "src" || name == "srcset" || name == "poster" {
                let urls = name == "srcset" ? value.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) }
                                            : [value]
                for url in urls {
                    let lower = url.lowercased()
                    if url.isEmpty || url.hasPrefix("#") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:")
                        || lower.hasPrefix("data:") || isAbsolute(url) { continue }
                    found.append(url)
                }
            }
        }
        return found
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// `Tue, 03 May 2022 09:00:00 +0200`: RFC 822 as RSS 2.0 uses it, four-digit year, and a
    /// weekday that matches the date.
    static func isRFC822(_ text: String) -> Bool {
        var parts = text.split(separator: " ").map(String.init)
        var weekday: String? = nil
        if let first = parts.first, first.hasSuffix(",") {
            weekday = String(first.dropLast())
            guard weekdays.contains(weekday!) else { return false }
            parts.removeFirst()
        }
        guard parts.count == 5, let day = Int(parts[0]), parts[0].count <= 2, let month = months.firstIndex(of: parts[1]),
              parts[2].count == 4, let year = Int(parts[2]) else { return false }
        let time = parts[3].split(separator: ":").map { Int($0) }
        guard time.count == 2 || time.count == 3, time.allSatisfy({ $0 != nil }),
              (0...23).contains(time[0]!), (0...59).contains(time[1]!), time.count == 2 || (0...60).contains(time[2]!)
        else { return false }
        let zone = parts[4]
        let namedZones = ["UT", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT"]
        let numericZone = zone.count == 5 && (zone.hasPrefix("+") || zone.hasPrefix("-")) && Int(zone.dropFirst()) != nil
        guard numericZone || namedZones.contains(zone) else { return false }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        guard let date = utc.date(from: DateComponents(year: year, month: month + 1, day: day)),
              utc.component(.day, from: date) == day else { return false }
        if let weekday, weekdays[utc.component(.weekday, from: date) - 1] != weekday { return false }
        return true
    }

    /// `2022-05-03T09:00:00+02:00` (or `Z`, optional fractions of a second), a real moment.
    static func isRFC3339(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return false }
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { $0 < bytes.count && bytes[$0] >= 0x30 && bytes[$0] <= 0x39 } }
        guard digits(0..<4), bytes[4] == 0x2D, digits(5..<7), bytes[7] == 0x2D, digits(8..<10), bytes[10] == 0x54,
              digits(11..<13), bytes[13] == 0x3A, digits(14..<16), bytes[16] == 0x3A, digits(17..<19) else { return false }
        var i = 19
        if bytes[i] == 0x2E {
            i += 1
            let start = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            guard i > start else { return false }
        }
        guard i < bytes.count else { return false }
        if bytes[i] == 0x5A { guard i == bytes.count - 1 else { return false } }
        else {
            guard bytes[i] == 0x2B || bytes[i] == 0x2D, bytes.count == i + 6, digits((i + 1)..<(i + 3)), bytes[i + 3] == 0x3A,
                  digits((i + 4)..<(i + 6)) else { return false }
        }
        return BerlinTime.parse(text) != nil
    }
}
