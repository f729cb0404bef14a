import Content
import Foundation
import Support

extension AngebotePages {
    /// Everything the directory's pages share, computed once per build.
    struct Renderer: Sendable {
        let site: RenderedSite
        let builder: SitePages.PageBuilder
        let entries: [ServiceEntry]
        let settings: ServiceDirectorySettings
        let facets: AngeboteFacets
        let useOwnTemplate: Bool
        /// Handlungsfeld slug → plain label.
        let fieldLabels: [String: String]
        /// Entry slug → posts that list it under `angebote:`, newest first.
        let postsByEntry: [String: [Post]]
        /// Facet key → value slug → filter page URL (the first facet and value of each, as a search
        /// through them finds it): every entry page links its facts, some 2,000 pages of five.
        let facetURLs: [String: [String: String]]
        /// Each entry's card at heading level 3, as the overview and every filter page list it.
        let cards: [String]
        /// Each entry's `plainBody`, which the search index and the open data both need.
        let plainBodies: [String]

        init(site: RenderedSite, theme: Theme, options: SitePages.Options) {
            self.site = site
            builder = SitePages.PageBuilder(site: site, theme: theme, options: options, index: nil)
            entries = site.content.serviceDirectory.entries
            settings = site.content.serviceDirectory.settings
            facets = AngeboteFacets(entries: entries, handlungsfelder: site.content.handlungsfelder)
            useOwnTemplate = theme.templateNames.contains(AngebotePages.template)
            var urls: [String: [String: String]] = [:]
            for facet in facets.facets where urls[facet.key] == nil {
                var bySlug: [String: String] = [:]
                for value in facet.values where bySlug[value.slug] == nil { bySlug[value.slug] = value.url }
                urls[facet.key] = bySlug
            }
            facetURLs = urls
            var labels: [String: String] = [:]
            for field in site.content.handlungsfelder { labels[field.slug] = field.label }
            fieldLabels = labels
            var posts: [String: [Post]] = [:]
            for post in site.content.posts {
                for slug in Set(post.angebote) { posts[slug, default: []].append(post) }
            }
            postsByEntry = posts
            cards = entries.parallelMap { AngeboteHTML.card($0, headingLevel: 3) }
            plainBodies = entries.map { Self.plainBody($0, site: site) }
        }

        var config: SiteConfig { site.config }

        /// A page in the site layout with the directory's own header (kicker, title, lead).
        func page(url: String, title: String, kicker: String?, lead: String?, description: String, html: String,
                  breadcrumbs: [(title: String, url: String)], jsonLD: String? = nil) -> OutputFile {
            var meta = SitePages.PageMeta(url: url, title: title, description: description, kind: "angebote")
            meta.breadcrumbs = breadcrumbs
            meta.jsonLD = jsonLD
            if useOwnTemplate {
                let context: [String: Any] = [
                    "title": title, "kicker": kicker ?? false, "lead": lead ?? false, "html": html,
                ]
                return builder.page(AngebotePages.template, meta, ["angebote": context])
            }
            return builder.page("generic", meta, ["generic": ["title": title, "html": html] as [String: Any]])
        }

        // MARK: overview and filters

        func overviewPage() -> OutputFile {
            var html = ""
            if let source = settings.source, let body = site.body(of: source), !body.html.isEmpty {
                html += "<div class=\"prose angebote-intro\">\n\(body.html)</div>\n"
            }
            if entries.allSatisfy(\.isExample) {
                html += "<p class=\"angebote-hinweis\" role=\"note\"><strong>Beispieldaten:</strong> Alle Einträge sind "
                    + "erfunden und zeigen nur, wie das Verzeichnis aussieht. Telefonnummern und Adressen führen ins Leere.</p>\n"
            }
            html += "<p class=\"angebote-sprung\"><a href=\"#angebote-alle\">Direkt zur Liste der "
                + "\(AngeboteHTML.count(entries.count))</a></p>\n"
            // Filled by the script with a search field and combined filters; without the script it
            // stays hidden and the links below do the filtering.
            html += "<div id=\"angebote-suche\" class=\"angebote-suche\" data-index=\"\(AngebotePages.indexURL)\" hidden></div>\n"
            html += AngeboteHTML.filterNav(facets, current: nil)
            html += "<section class=\"angebote-abschnitt\" aria-labelledby=\"angebote-alle\">\n"
            html += "<h2 id=\"angebote-alle\" tabindex=\"-1\">Alle \(AngeboteHTML.count(entries.count))</h2>\n"
            html += AngeboteHTML.list(cards: cards, id: "angebote-liste")
            html += "</section>\n"
            html += openDataSection()
            html += "<script src=\"\(AngebotePages.scriptURL)\" defer></script>\n"
            return page(url: AngebotePages.overviewURL, title: settings.title, kicker: nil, lead: settings.summary,
                        description: settings.summary, html: html,
                        breadcrumbs: [(settings.title, AngebotePages.overviewURL)])
        }

        func openDataSection() -> String {
            "<section class=\"angebote-abschnitt angebote-daten\" aria-labelledby=\"angebote-offene-daten\">\n"
                + "<h2 id=\"angebote-offene-daten\">Offene Daten</h2>\n"
                + "<p>Alle Einträge zum Weiterverwenden: als Tabelle "
                + "<a href=\"\(AngebotePages.csvURL)\" download>angebote.csv</a> (CSV, Trennzeichen Semikolon) und "
                + "als <a href=\"\(AngebotePages.hsdsURL)\" download>angebote.json</a> nach dem Standard "
                + "Open Referral HSDS 3.0 (Organisationen, Angebote, Orte, Kontakte, Öffnungszeiten).</p>\n"
                + "</section>\n"
        }

        /// A piece of the directory that renders on its own.
        enum Job: Sendable {
            case overview
            case searchIndex
            case openData
            case csv
            case filter(facet: Int, value: Int)
            /// The entry's page and its vCard.
            case entry(Int)
        }

        /// Every job, the largest first (the open data takes as long as a few hundred entries):
        /// data files and overview, filter pages, then the entries.
        func jobs() -> [Job] {
            var jobs: [Job] = [.openData, .searchIndex, .overview, .csv]
            for (f, facet) in facets.facets.enumerated() {
                jobs += facet.values.indices.map { Job.filter(facet: f, value: $0) }
            }
            jobs += entries.indices.map { Job.entry($0) }
            return jobs
        }

        func files(for job: Job) -> [OutputFile] {
            switch job {
            case .overview: return [overviewPage()]
            case .searchIndex: return [searchIndexFile()]
            case .openData: return [openDataFile()]
            case .csv:
                return [OutputFile(path: String(AngebotePages.csvURL.dropFirst()),
                                   text: AngeboteCSV.file(entries: entries, config: config))]
            case .filter(let facet, let value):
                let f = facets.facets[facet]
                return [filterPage(facet: f, value: f.values[value])]
            case .entry(let index):
                let entry = entries[index]
                return [entryPage(entry), vCardFile(entry)]
            }
        }

        func filterPage(facet: AngeboteFacets.Facet, value: AngeboteFacets.Value) -> OutputFile {
            var html = related(facet: facet, value: value)
            html += "<section class=\"angebote-abschnitt\" aria-labelledby=\"angebote-treffer\">\n"
            html += "<h2 id=\"angebote-treffer\">\(AngeboteHTML.count(value.entries.count))</h2>\n"
            html += AngeboteHTML.list(cards: value.entries.map { cards[$0] })
            html += "</section>\n"
            html += AngeboteHTML.filterNav(facets, current: value.url)
            let title = "\(value.label) – Angebote"
            return page(url: value.url, title: value.label, kicker: facet.kicker,
                        lead: leadText(facet: facet, value: value, count: value.entries.count),
                        description: "\(title): \(AngeboteHTML.count(value.entries.count)) im Landkreis Mittelsachsen.",
                        html: html,
                        breadcrumbs: [(settings.title, AngebotePages.overviewURL), (value.label, value.url)])
        }

        /// Where else the site speaks about this value: the Handlungsfeld's posts, and the data
        /// pages of a Gemeinde or Sozialregion once the dashboard exists.
        func related(facet: AngeboteFacets.Facet, value: AngeboteFacets.Value) -> String {
            let h = AngeboteHTML.h
            let link: (url: String, text: String)?
            switch facet.key {
            case "hf":
                link = site.content.handlungsfelder.first { $0.slug == value.slug }
                    .map { ($0.url, "Beiträge im Handlungsfeld „\($0.label)“") }
            case "gemeinde" where builder.options.hasDashboard:
                link = ("/daten/gemeinden/\(value.slug)/", "Zahlen und Daten zu \(value.label)")
            case "region" where builder.options.hasDashboard:
                link = ("/daten/sozialregionen/\(value.slug)/", "Zahlen und Daten zur \(value.label)")
            default:
                link = nil
            }
            guard let link else { return "" }
            return "<p class=\"angebote-verweis\"><a href=\"\(h(link.url))\">\(h(link.text))</a></p>\n"
        }

        func leadText(facet: AngeboteFacets.Facet, value: AngeboteFacets.Value, count: Int) -> String {
            switch facet.key {
            case "hf": return "\(AngeboteHTML.count(count)) im Handlungsfeld „\(value.label)“."
            case "zg": return "\(AngeboteHTML.count(count)) für die Zielgruppe „\(value.label)“."
            case "kat": return "\(AngeboteHTML.count(count)) der Kategorie „\(value.label)“."
            case "region": return "\(AngeboteHTML.count(count)) mit Sitz in der \(value.label)."
            default: return "\(AngeboteHTML.count(count)) mit Sitz in \(value.label)."
            }
        }

        // MARK: data

        /// The plain text of an entry's description, trimmed; empty when it has none.
        static func plainBody(_ entry: ServiceEntry, site: RenderedSite) -> String {
            site.body(of: entry.source).map { trimmed($0.plainText) } ?? ""
        }

        /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`. Most texts start and end with an
        /// ASCII letter or mark: then nothing is trimmed, and Foundation is not asked.
        static func trimmed(_ text: String) -> String {
            if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
               !isASCIIBlank(first), !isASCIIBlank(last) {
                return text
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Space, tab, line feed, vertical tab, form feed, carriage return: the ASCII members of
        /// `whitespacesAndNewlines`.
        private static func isASCIIBlank(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

        func searchIndexFile() -> OutputFile {
            var bodies: [String: String] = [:]
            for index in entries.indices { bodies[entries[index].source.path] = plainBodies[index] }
            let index = AngeboteSearchIndex.value(entries: entries, facets: facets, bodies: bodies,
                                                  handlungsfelder: fieldLabels)
            var bytes = index.compactBytes
            bytes.append(0x0A)
            return OutputFile(path: String(AngebotePages.indexURL.dropFirst()), contents: bytes)
        }

        func openDataFile() -> OutputFile {
            var descriptions: [String: String] = [:]
            for index in entries.indices where !plainBodies[index].isEmpty {
                descriptions[entries[index].slug] = plainBodies[index]
            }
            let hsds = AngeboteHSDS.file(entries: entries, handlungsfelder: site.content.handlungsfelder,
                                         descriptions: descriptions, config: config)
            return OutputFile(path: String(AngebotePages.hsdsURL.dropFirst()), contents: hsds)
        }

        func vCardFile(_ entry: ServiceEntry) -> OutputFile {
            OutputFile(path: String(entry.vCardURL.dropFirst()), text: AngeboteVCard.card(entry, config: config))
        }
    }
}
