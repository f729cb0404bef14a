import Support

/// The page `/suche/`. Without JavaScript it is a complete list of links to everything the search
/// knows, grouped by kind (posts newest first, the rest alphabetical). `suche.js` reveals the form,
/// searches `index.json` as the reader types and shows the hits above the list; the form also
/// works by pressing Enter (`?q=…`), and a link to `/suche/?q=Pflege` opens with its hits.
/// Headings start at `h2`; the layout has the `h1`.
public enum SearchPage {
    public static let url = "/suche/"
    public static let title = "Suche"
    public static let description = "Beiträge, Handlungsfelder und Seiten der Website durchsuchen – oder in der vollständigen Liste finden."
    /// Site path of the script (theme asset `assets/js/suche.js`).
    public static let scriptURL = "/assets/js/suche.js"

    public static func bodyHTML(index: SearchIndex) -> String {
        var h = ""
        h += "<form class=\"suche\" role=\"search\" action=\"\(url)\" method=\"get\" data-index=\"\(SearchIndex.url)\" hidden>\n"
        h += "<label for=\"suche-eingabe\">Suchbegriff</label>\n"
        h += "<input id=\"suche-eingabe\" type=\"search\" name=\"q\" autocomplete=\"off\" spellcheck=\"false\" "
        h += "aria-describedby=\"suche-tipp\">\n"
        h += "<button type=\"submit\">Suchen</button>\n"
        h += "<p id=\"suche-tipp\" class=\"suche__tipp\">Die Suche findet auch Wortformen: „Ältere“ findet „älter“ und "
        h += "„ältesten“, „Pflege-Beratung“ findet „Pflegeberatung“.</p>\n"
        h += "</form>\n"
        h += "<p id=\"suche-status\" class=\"suche__status\" role=\"status\"></p>\n"
        h += "<section id=\"suche-treffer\" class=\"suche__treffer\" aria-labelledby=\"suche-treffer-titel\" hidden>\n"
        h += "<h2 id=\"suche-treffer-titel\">Treffer</h2>\n"
        h += "<ol id=\"suche-liste\"></ol>\n"
        h += "</section>\n"
        h += "<div id=\"suche-alles\">\n"
        h += "<noscript><p>Die Suchfunktion braucht JavaScript. Unten finden Sie alle Inhalte der Website; "
        h += "mit der Suche Ihres Browsers (Strg+F, auf dem Mac cmd+F) finden Sie ein Wort in dieser Liste.</p></noscript>\n"
        // Positions, not copies of the documents (a large site has thousands); read in place
        // through a pointer, where an array's or a buffer's `documents[i]` copies each (a retain
        // of every field).
        index.documents.withUnsafeBufferPointer { documents in
            if let base = documents.baseAddress { appendList(base, count: documents.count, index: index, to: &h) }
        }
        h += "</div>\n"
        h += "<script src=\"\(scriptURL)\" defer></script>\n"
        return h
    }

    /// The complete list: links to every document, grouped by kind.
    private static func appendList(_ documents: UnsafePointer<SearchDocument>, count: Int, index: SearchIndex,
                                   to h: inout String) {
        let groups = SearchDocument.Kind.allCases.compactMap { kind -> (SearchDocument.Kind, [Int])? in
            let members = (0..<count).filter { documents[$0].kind == kind }
            return members.isEmpty ? nil : (kind, members)
        }
        if groups.count > 1 {
            h += "<p>Alle Inhalte: " + groups.map { kind, members in
                "<a href=\"#\(kind.anchor)\">\(Escape.html(kind.plural)) (\(members.count))</a>"
            }.joined(separator: " · ") + "</p>\n"
        }
        // The items as bytes, each text escaped into the buffer: strings per item and part cost
        // more than the rest of the page.
        var out: [UInt8] = []
        out.reserveCapacity(200 * count + 1024)
        for (kind, members) in groups {
            out.append(contentsOf: "<h2 id=\"\(kind.anchor)\">\(Escape.html(kind.plural))</h2>\n".utf8)
            out.append(contentsOf: "<ul class=\"suche-alle\">\n".utf8)
            for member in members {
                out.append(contentsOf: "<li><a href=\"".utf8)
                Escape.appendHTML(Escape.urlPath(documents[member].url), to: &out)
                out.append(contentsOf: "\">".utf8)
                Escape.appendHTML(documents[member].title, to: &out)
                out.append(contentsOf: "</a>".utf8)
                let open = " <span class=\"suche-alle__meta\">".utf8
                out.append(contentsOf: open)
                if index.appendMetaLine(documents[member], withKind: false, to: &out, escape: { Escape.appendHTML($0, to: &$1) }) {
                    out.append(contentsOf: "</span>".utf8)
                } else {
                    out.removeLast(open.count)
                }
                out.append(contentsOf: "</li>\n".utf8)
            }
            out.append(contentsOf: "</ul>\n".utf8)
        }
        h += String(decoding: out, as: UTF8.self)
    }

}
