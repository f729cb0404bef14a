import Content
import Support

extension SearchDocument {
    /// A service entry for the site-wide search (`/suche/`), dated by its `stand`: name, kind,
    /// provider, place, groups, keywords and the description are searchable.
    public static func angebot(_ entry: ServiceEntry, site: RenderedSite) -> SearchDocument {
        let body = site.body(of: entry.source)
        let category = ServiceVocabulary.label(entry.category, in: ServiceVocabulary.categories)
        let summary = entry.subtitle ?? "\(category) in \(entry.gemeinde.name)"
        let groups = entry.targetGroups.map { ServiceVocabulary.label($0, in: ServiceVocabulary.targetGroups) }
        return SearchDocument(
            kind: .angebot, title: entry.name, url: entry.url, handlungsfelder: entry.handlungsfelder,
            date: entry.checked, summary: truncated(summary),
            textParts: [summary, category, entry.provider, AngeboteHTML.placeLine(entry), entry.gemeinde.sozialregionName]
                + groups + entry.keywords + [body?.plainText ?? ""])
    }
}
