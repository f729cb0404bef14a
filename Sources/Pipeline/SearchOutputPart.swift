import Outputs
import Support

extension OutputPart {
    /// `/suche/` and its index. Further kinds of content join with one line each, e.g.
    /// `documents += catalog.indicators.map(SearchDocument.indicator)` once the pipeline loads them.
    static let search = OutputPart(name: "Suche") { context in
        let site = context.site
        // An incremental build keeps the documents and lines of unchanged posts (`SearchLineCache`).
        let cache = context.searchLines
        let posts = cache.map { cache in Array(site.content.posts.indices).parallelMap { cache.document(ofPost: $0, site: site) } }
            ?? site.content.posts.parallelMap { SearchDocument.post(of: $0, site: site) }
        // Appended in place: `posts + …` would copy every post's document into a new array.
        var documents = consume posts
        documents += SearchDocument.others(site: site)
        documents += site.content.serviceDirectory.entries.map { SearchDocument.angebot($0, site: site) }
        let index = SearchIndex(documents: consume documents, handlungsfelder: site.content.handlungsfelder)
        let page = SitePages.genericPage(site: site, theme: context.theme, url: SearchPage.url, title: SearchPage.title,
                                         description: SearchPage.description, bodyHTML: SearchPage.bodyHTML(index: index),
                                         options: context.scopedPageOptions)
        let json = cache.map { cache in index.jsonBytes(lines: index.documents.parallelMap { cache.line(for: $0, in: index) }) }
            ?? index.jsonBytes
        return ([OutputFile(path: String(SearchIndex.url.dropFirst()), contents: json), page], [])
    }
}
