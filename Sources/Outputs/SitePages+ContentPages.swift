import Content
import Support

extension SitePages.PageBuilder {
    /// Content pages at `/<slug>/` (Impressum, Datenschutz, Leichte Sprache, …).
    func contentPages() -> (pages: [SitePages.BuiltPage], diagnostics: [Diagnostic]) {
        var pages: [SitePages.BuiltPage] = []
        var diagnostics: [Diagnostic] = []
        let sorted = site.content.pages.sorted { $0.url != $1.url ? $0.url < $1.url : $0.source.path < $1.source.path }
        for item in sorted {
            guard !item.slug.isEmpty, SitePages.isSafeSitePath(item.url), !item.slug.contains("/") else {
                diagnostics.append(.error("unsafe-slug", at: item.source.location(ofKey: "slug"),
                                          "Aus dem slug „\(item.slug)“ entsteht keine gültige Adresse.",
                                          hint: "Verwenden Sie nur Kleinbuchstaben, Ziffern und Bindestriche, z. B. „\(Slug.make(item.title))“."))
                continue
            }
            let body = site.body(of: item.source)
            let meta = SitePages.PageMeta(url: item.url, title: item.title,
                                          description: description(summary: item.summary, body: body),
                                          kind: item.easyLanguage ? "seite leichte-sprache" : "seite")
            let context: [String: Any] = [
                "content": [
                    "title": item.title,
                    "html": body?.html ?? "",
                    "easyLanguage": item.easyLanguage,
                    "summary": item.summary.flatMap { $0.isEmpty ? nil : $0 } ?? false,
                    "badge": previewBadge(draft: item.draft, date: nil),
                ] as [String: Any],
            ]
            pages.append(SitePages.BuiltPage(file: page("page", meta, context), source: item.source.path,
                                             sitemap: SitePages.SitemapEntry(path: item.url)))
        }
        return (pages, diagnostics)
    }

    /// `404.html`: what the web server shows for unknown addresses. Links are root-relative because
    /// the page is served under any path.
    func notFoundPage() -> SitePages.BuiltPage {
        var meta = SitePages.PageMeta(url: "/404.html", title: "Seite nicht gefunden",
                                      description: "Unter dieser Adresse gibt es keine Seite.", kind: "fehler")
        meta.robots = "noindex"
        let latest: [[String: Any]] = (index?.posts.prefix(3) ?? []).map { ["title": $0.title, "url": $0.url] }
        return SitePages.BuiltPage(file: page("notfound", meta, ["latest": latest, "hasLatest": !latest.isEmpty]),
                                   source: nil, sitemap: nil)
    }

    func genericPage(url: String, title: String, description: String, bodyHTML: @autoclosure () -> String,
                     breadcrumbs: [(title: String, url: String)]) -> OutputFile {
        let meta = SitePages.PageMeta(url: url, title: title, description: description,
                                      breadcrumbs: breadcrumbs, kind: "allgemein")
        return page("generic", meta, ["generic": ["title": title, "html": bodyHTML()] as [String: Any]])
    }
}
