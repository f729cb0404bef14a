import Content
import Support

/// HTML pieces the directory pages and other pages share: entry cards, the filter navigation and
/// the boxes on posts, Handlungsfeld and Gemeinde pages. Everything from content is escaped here.
enum AngeboteHTML {
    static func h(_ text: String) -> String { Escape.html(text) }

    /// „Petersstraße 12, 09599 Freiberg“, or the Gemeinde when no address is published.
    static func placeLine(_ entry: ServiceEntry) -> String {
        guard let address = entry.address else { return entry.gemeinde.name }
        return "\(address.street), \(address.cityLine)"
    }

    /// An external link as the Markdown module writes them (marked for sighted and screen-reader users).
    static func externalLink(_ url: String, _ text: String) -> String {
        "<a class=\"extern\" href=\"\(h(url))\" rel=\"external noopener noreferrer\">\(h(text))"
            + "<span class=\"visually-hidden\"> (externer Link)</span></a>"
    }

    /// „example.org/schuldnerberatung“: the web address without scheme and final slash.
    static func shortURL(_ url: String) -> String {
        var text = Substring(url)
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
        if text.hasPrefix("www.") { text = text.dropFirst(4) }
        while text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }

    /// One entry as a list item: name (link), example badge, kind and provider, place, phone.
    static func card(_ entry: ServiceEntry, headingLevel: Int) -> String {
        let level = min(6, max(2, headingLevel))
        var html = "<li class=\"angebot-karte\" id=\"angebot-\(entry.slug)\">\n"
        html += "<h\(level) class=\"angebot-karte__titel\"><a href=\"\(entry.url)\">\(h(entry.name))</a></h\(level)>\n"
        if entry.isExample { html += "<p class=\"angebot-karte__beispiel\">Beispieleintrag</p>\n" }
        if let subtitle = entry.subtitle { html += "<p class=\"angebot-karte__untertitel\">\(h(subtitle))</p>\n" }
        let category = ServiceVocabulary.label(entry.category, in: ServiceVocabulary.categories)
        html += "<p class=\"angebot-karte__meta\">\(h(category)) · \(h(entry.provider))</p>\n"
        html += "<p class=\"angebot-karte__ort\">\(h(placeLine(entry)))</p>\n"
        if let phone = entry.contact.phone ?? entry.contact.hotline {
            html += "<p class=\"angebot-karte__kontakt\">Telefon: <a href=\"\(h(phone.href))\">\(h(phone.written))</a></p>\n"
        }
        return html + "</li>\n"
    }

    /// A list of cards, or the text for an empty list.
    static func list(_ entries: [ServiceEntry], headingLevel: Int, id: String? = nil,
                     empty: String = "Hier gibt es noch keine Angebote.") -> String {
        list(cards: entries.map { card($0, headingLevel: headingLevel) }, id: id, empty: empty)
    }

    /// A list of cards rendered before (the directory renders each card once for all its pages).
    static func list(cards: [String], id: String? = nil, empty: String = "Hier gibt es noch keine Angebote.") -> String {
        guard !cards.isEmpty else { return "<p>\(h(empty))</p>\n" }
        let idAttribute = id.map { " id=\"\($0)\"" } ?? ""
        return "<ul class=\"angebote-liste\"\(idAttribute)>\n" + cards.joined() + "</ul>\n"
    }

    /// „1 Angebot“, „12 Angebote“.
    static func count(_ n: Int) -> String { SitePages.Text.count(n, "Angebot", "Angebote") }

    /// The filter navigation: every facet with its values as links and their counts; the current
    /// filter page is marked with `aria-current`. Links carry `data-facet`/`data-value` for the script.
    static func filterNav(_ facets: AngeboteFacets, current: String?, headingLevel: Int = 2) -> String {
        let level = headingLevel
        var html = "<nav class=\"angebote-filter\" aria-labelledby=\"angebote-filter-titel\">\n"
        html += "<h\(level) id=\"angebote-filter-titel\" class=\"angebote-filter__titel\">Angebote filtern</h\(level)>\n"
        html += "<div class=\"angebote-filter__gruppen\">\n"
        for facet in facets.facets where !facet.values.isEmpty {
            let id = "angebote-filter-\(facet.path)"
            html += "<div class=\"angebote-filter__gruppe\">\n"
            html += "<h\(level + 1) id=\"\(id)\" class=\"angebote-filter__name\">\(h(facet.title))</h\(level + 1)>\n"
            html += "<ul aria-labelledby=\"\(id)\">\n"
            for value in facet.values {
                let isCurrent = value.url == current
                html += "<li><a href=\"\(value.url)\"\(isCurrent ? " aria-current=\"page\"" : "")>\(h(value.label))"
                    + " <span class=\"angebote-filter__zahl\">(\(value.entries.count))</span></a></li>\n"
            }
            html += "</ul>\n</div>\n"
        }
        html += "</div>\n"
        if current != nil {
            html += "<p class=\"angebote-filter__alle\"><a href=\"\(AngebotePages.overviewURL)\">Alle Angebote "
                + "mit Suche und kombinierten Filtern</a></p>\n"
        }
        return html + "</nav>\n"
    }

    /// A titled box of entries for other pages (posts, Handlungsfelder, Gemeinde profiles).
    /// At most `limit` entries; „Alle n Angebote“ links to `moreURL` when there are more.
    static func box(title: String, id: String, entries: [ServiceEntry], headingLevel: Int, limit: Int = .max,
                    moreURL: String?, moreText: String? = nil, intro: String? = nil) -> String {
        let level = min(5, max(2, headingLevel))
        var html = "<section class=\"angebote-box\" aria-labelledby=\"\(id)\">\n"
        html += "<h\(level) id=\"\(id)\" class=\"angebote-box__titel\">\(h(title))</h\(level)>\n"
        if let intro { html += "<p class=\"angebote-box__intro\">\(h(intro))</p>\n" }
        html += list(Array(entries.prefix(limit)), headingLevel: level + 1)
        if let moreURL {
            let text = moreText ?? (entries.count > limit ? "Alle \(count(entries.count)) ansehen" : "Alle Angebote ansehen")
            html += "<p class=\"angebote-box__mehr\"><a href=\"\(h(moreURL))\">\(h(text))</a></p>\n"
        }
        return html + "</section>\n"
    }
}
