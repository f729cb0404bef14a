import Foundation
import Support

/// Nothing may be loaded from another origin (GDPR: every such request hands the reader's IP
/// address to a third party). Scans generated HTML, and the CSS and SVG files the site copies,
/// for references a browser would fetch by itself — the same rules as
/// `tools/sitecheck/check-origins.py`: `src`, `srcset`, `poster`, `data`, `href` on everything but
/// links (`<a>`, `<area>`), `url()` and `@import` in styles. Plain links to other sites are fine.
enum SiteCheckOrigins {
    static let stage = "Datenschutz"

    static let urlAttributes: Set<String> = ["src", "data", "poster", "background", "codebase", "manifest",
                                             "lowsrc", "dynsrc"]
    static let cssAttributes: Set<String> = ["style", "fill", "stroke", "filter", "clip-path", "mask",
                                             "marker-start", "marker-mid", "marker-end", "cursor"]

    /// References of one tag that load something without a click.
    static func loads(_ tag: HTMLTag) -> [String] {
        var found: [String] = []
        for (name, value) in tag.attributes {
            if urlAttributes.contains(name) {
                found.append(value)
            } else if name == "srcset" || name == "imagesrcset" {
                found += value.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) }
            } else if (name == "href" || name == "xlink:href") && tag.name != "a" && tag.name != "area" {
                found.append(value)
            } else if name == "ping" {
                found += value.split(separator: " ").map(String.init)
            } else if cssAttributes.contains(name) {
                found += cssReferences(value).map(\.url)
            }
        }
        return found
    }

    /// `url(…)`, `@import "…"` and `image-set("…")` in CSS, with the line offset of each.
    static func cssReferences(_ css: String) -> [(url: String, lineOffset: Int)] {
        var text = css
        // Comments could hide a url( that is never loaded.
        while let start = text.range(of: "/*") {
            let end = text.range(of: "*/", range: start.upperBound..<text.endIndex)?.upperBound ?? text.endIndex
            let lines = text[start.lowerBound..<end].filter { $0 == "\n" }.count
            text.replaceSubrange(start.lowerBound..<end, with: String(repeating: "\n", count: lines))
        }
        var found: [(String, Int)] = []
        let lower = text.lowercased()
        func lineOffset(_ index: String.Index) -> Int { lower[..<index].utf8.count { $0 == 0x0A } }
        func quoted(_ rest: Substring) -> String? {
            guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
            return String(rest.dropFirst().prefix { $0 != quote })
        }
        var search = lower.startIndex
        while let range = lower.range(of: "url(", range: search..<lower.endIndex) {
            let rest = text[range.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" }
            let url = quoted(rest) ?? String(rest.prefix { $0 != ")" && $0 != " " && $0 != "\n" })
            found.append((url, lineOffset(range.lowerBound)))
            search = range.upperBound
        }
        for keyword in ["@import", "image-set("] {
            search = lower.startIndex
            while let range = lower.range(of: keyword, range: search..<lower.endIndex) {
                var rest = text[range.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" }
                // image-set may list several images; each is a quoted string or a url().
                repeat {
                    if let url = quoted(rest) {
                        found.append((url, lineOffset(range.lowerBound)))
                        rest = rest.dropFirst(url.count + 2)
                    }
                    rest = rest.drop { $0 != "," && $0 != ")" && $0 != ";" && $0 != "\"" && $0 != "'" }
                    if rest.first == "," { rest = rest.dropFirst().drop { $0 == " " || $0 == "\n" } }
                } while keyword == "image-set(" && (rest.first == "\"" || rest.first == "'")
                search = range.upperBound
            }
        }
        return found
    }

    static func check(_ context: SiteCheckContext) -> [Diagnostic] {
        var occurrences = Occurrences()
        var copyLocations: [String: SourceLocation] = [:]
        func note(_ url: String, base: String, page: String, location: () -> (line: Int, column: Int)) {
            guard case .foreign = SiteCheckURL.resolve(url, base: base, hosts: context.hosts) else { return }
            let (line, column) = location()
            occurrences.add(url, page: page, line: line, column: column)
        }
        for page in context.pages {
            for tag in page.tags {
                for url in loads(tag) { note(url, base: page.sitePath, page: page.path) { (tag.line, tag.column) } }
            }
            for block in page.styles {
                for reference in cssReferences(block.css) {
                    note(reference.url, base: page.sitePath, page: page.path) { (block.line + reference.lineOffset, 1) }
                }
            }
        }
        // CSS and SVG the site copies as they are (theme assets, content/static).
        let site = (context.options.siteDirectory as NSString).standardizingPath
        for copy in context.input.copies.sorted(by: { $0.path < $1.path }) {
            let lower = copy.path.lowercased()
            guard lower.hasSuffix(".css") || lower.hasSuffix(".svg"),
                  let text = try? String(contentsOfFile: copy.sourcePath, encoding: .utf8) else { continue }
            let source = (copy.sourcePath as NSString).standardizingPath
            let file = source.hasPrefix(site + "/") ? String(source.dropFirst(site.count + 1)) : copy.path
            var references: [(url: String, line: Int, column: Int)] = []
            if lower.hasSuffix(".css") {
                references = cssReferences(text).map { ($0.url, 1 + $0.lineOffset, 1) }
            } else {
                let scanned = HTMLScanner.scan(text)
                references = scanned.tags.flatMap { tag in loads(tag).map { ($0, tag.line, tag.column) } }
                    + scanned.styles.flatMap { block in cssReferences(block.css).map { ($0.url, block.line + $0.lineOffset, 1) } }
            }
            for reference in references {
                guard case .foreign = SiteCheckURL.resolve(reference.url, base: "/" + copy.path, hosts: context.hosts)
                else { continue }
                if copyLocations[reference.url] == nil {
                    copyLocations[reference.url] = SourceLocation(file: file, line: reference.line, column: reference.column)
                }
                occurrences.add(reference.url, page: copy.path, line: reference.line, column: reference.column)
            }
        }
        return occurrences.sorted.map { url, entry in
            let origin: String
            if case .foreign(let found) = SiteCheckURL.resolve(url, base: "/", hosts: context.hosts) { origin = found } else { origin = url }
            let location: SourceLocation
            var from: String? = nil
            if let copy = copyLocations[url] {
                location = copy
            } else {
                (location, from) = SiteCheckLinks.locate(url, entry, context)
            }
            return Diagnostic(
                .error, code: "foreign-origin", at: location,
                "„\(url)“ würde vom fremden Server \(origin) geladen\(Occurrences.spread(entry)). "
                    + "Dabei erfährt dieser Server die IP-Adresse aller Leserinnen und Leser.",
                hint: SiteCheck.hint(from, "Legen Sie die Datei selbst unter content/static/ ab und verweisen Sie mit einer "
                    + "Adresse wie /bilder/name.png darauf. Videos und Karten verlinken Sie, statt sie einzubetten."),
                stage: stage)
        }
    }
}
