import Content
import Foundation
import Support

extension AngebotePages {
    /// Everything the directory's pages share, computed once per build.
    struct Renderer {
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

        init(site: RenderedSite, theme: Theme, options: SitePages.Options) {
            self.site = site
            builder = SitePages.PageBuilder(site: site, theme: theme, options: options, index: nil)
            entries = site.content.serviceDirectory.entries
            settings = site.content.serviceDirectory.settings
            facets = AngeboteFacets(entries: entries, handlungsfelder: site.content.handlungsfelder)
            useOwnTemplate = theme.templateNames.contains(AngebotePages.template)
            var labels: [String: String] = [:]
            for field in site.content.handlungsfelder { labels[field.slug] = field.label }
            fieldLabels = labels
            var posts: [String: [Post]] = [:]
            for post in site.content.posts {
                for slug in Set(post.angebote) { posts[slug, default: []].append(post) }
            }
            postsByEntry = posts
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
            html += AngeboteHTML.list(entries, headingLevel: 3, id: "angebote-liste")
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

        func filterPages() -> [OutputFile] {
            facets.facets.flatMap { facet in
                facet.values.map { value in
                    let members = value.entries.map { entries[$0] }
                    var html = related(facet: facet, value: value)
                    html += "<section class=\"angebote-abschnitt\" aria-labelledby=\"angebote-treffer\">\n"
                    html += "<h2 id=\"angebote-treffer\">\(AngeboteHTML.count(members.count))</h2>\n"
                    html += AngeboteHTML.list(members, headingLevel: 3)
                    html += "</section>\n"
                    html += AngeboteHTML.filterNav(facets, current: value.url)
                    let title = "\(value.label) – Angebote"
                    return page(url: value.url, title: value.label, kicker: facet.kicker,
                                lead: leadText(facet: facet, value: value, count: members.count),
                                description: "\(title): \(AngeboteHTML.count(members.count)) im Landkreis Mittelsachsen.",
                                html: html,
                                breadcrumbs: [(settings.title, AngebotePages.overviewURL), (value.label, value.url)])
                }
            }
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

        func dataFiles() -> [OutputFile] {
            var descriptions: [String: String] = [:]
            var plainBodies: [String: String] = [:]
            for entry in entries {
                let text = site.body(of: entry.source)?.plainText.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                plainBodies[entry.source.path] = text
                if !text.isEmpty { descriptions[entry.slug] = text }
            }
            let index = AngeboteSearchIndex.value(entries: entries, facets: facets, bodies: plainBodies,
                                                  handlungsfelder: fieldLabels)
            let hsds = AngeboteHSDS.value(entries: entries, handlungsfelder: site.content.handlungsfelder,
                                          descriptions: descriptions, config: config)
            var files = [
                OutputFile(path: String(AngebotePages.indexURL.dropFirst()), text: index.compact + "\n"),
                OutputFile(path: String(AngebotePages.hsdsURL.dropFirst()), text: hsds.pretty),
                OutputFile(path: String(AngebotePages.csvURL.dropFirst()), text: AngeboteCSV.file(entries: entries, config: config)),
            ]
            files += entries.map { entry in
                OutputFile(path: String(entry.vCardURL.dropFirst()), text: AngeboteVCard.card(entry, config: config))
            }
            return files
        }
    }
}
