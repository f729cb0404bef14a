import Outputs

extension OutputPart {
    /// `/suche/` and its index. Further kinds of content join with one line each, e.g.
    /// `documents += catalog.indicators.map(SearchDocument.indicator)` once the pipeline loads them.
    static let search = OutputPart(name: "Suche") { context in
        let site = context.site
        let documents = SearchDocument.documents(site: site)
            + site.content.serviceDirectory.entries.map { SearchDocument.angebot($0, site: site) }
        let index = SearchIndex(documents: documents, handlungsfelder: site.content.handlungsfelder)
        let page = SitePages.genericPage(site: site, theme: context.theme, url: SearchPage.url, title: SearchPage.title,
                                         description: SearchPage.description, bodyHTML: SearchPage.bodyHTML(index: index),
                                         options: context.pageOptions)
        return ([OutputFile(path: String(SearchIndex.url.dropFirst()), text: index.json), page], [])
    }
}
