import Foundation
import Content
import Markdown
import Support

/// Newsletter editions from the same posts as the feeds: one edition per period (monthly by
/// default) that has posts or an editorial text. Each edition is written three times:
/// `newsletter/<id>/email.html` (for the mailing tool, with its unsubscribe placeholder),
/// `newsletter/<id>/email.txt` (the plain-text part) and `newsletter/<id>/index.html`
/// (the public web version, same layout without placeholders).
public enum Newsletter {
    /// One Handlungsfeld section of an edition.
    struct Group {
        var label: String
        var entries: [NewsletterEntry]
    }

    /// The files of one edition, split by where they belong.
    public struct Files: Sendable {
        /// `newsletter/<id>/index.html`: public, links only to real pages.
        public var web: OutputFile
        /// `newsletter/<id>/email.html`: for the mailing tool; its unsubscribe link is the tool's
        /// placeholder, which is no valid URL until the tool replaces it.
        public var mailHTML: OutputFile
        /// `newsletter/<id>/email.txt`: the plain-text part, with the same placeholder.
        public var mailText: OutputFile

        public var all: [OutputFile] { [mailHTML, mailText, web] }
    }

    /// All editions, newest first. Posts are taken from `site` (already without drafts and future
    /// posts); `editorials` come from `NewsletterEditorialLoader.load(siteDirectory:)`.
    public static func editions(site: RenderedSite, editorials: [NewsletterEditorial] = []) -> [NewsletterEdition] {
        let (period, _) = NewsletterPeriod.from(site.config)
        var posts: [String: [Post]] = [:]
        for post in site.content.posts {
            let id = period.editionID(year: BerlinTime.year(of: post.date), month: BerlinTime.month(of: post.date))
            posts[id, default: []].append(post)
        }
        var texts: [String: NewsletterEditorial] = [:]
        for editorial in editorials.sorted(by: { $0.path < $1.path }) {
            guard let (year, month) = NewsletterEdition.parseID(editorial.id) else { continue }
            let id = period.editionID(year: year, month: month)
            if texts[id] == nil { texts[id] = editorial }
        }
        return Set(posts.keys).union(texts.keys).sorted(by: >).compactMap { id in
            guard let (year, month) = NewsletterEdition.parseID(id) else { return nil }
            let sorted = (posts[id] ?? []).sorted { a, b in
                a.date != b.date ? a.date > b.date : a.source.path < b.source.path
            }
            return NewsletterEdition(id: id, year: year, month: month, period: period, posts: sorted, editorial: texts[id])
        }
    }

    /// The edition for `--ausgabe 2022-05` (for quarterly editions any month of the quarter).
    public static func edition(_ id: String, site: RenderedSite, editorials: [NewsletterEditorial] = []) -> NewsletterEdition? {
        guard let (year, month) = NewsletterEdition.parseID(id) else { return nil }
        let (period, _) = NewsletterPeriod.from(site.config)
        let key = period.editionID(year: year, month: month)
        return editions(site: site, editorials: editorials).first(where: { $0.id == key })
    }

    /// email.html, email.txt and index.html of one edition.
    public static func render(edition: NewsletterEdition, site: RenderedSite,
                              hooks: MarkdownHooks = MarkdownHooks()) -> [OutputFile] {
        files(edition: edition, site: site, hooks: hooks).all
    }

    public static func files(edition: NewsletterEdition, site: RenderedSite,
                             hooks: MarkdownHooks = MarkdownHooks()) -> Files {
        let (tool, _) = NewsletterTool.from(site.config)
        let folder = "newsletter/\(edition.id)/"
        // The posts' entries and their rows are the same in all three files: made once per edition.
        let groups = groups(edition, site: site)
        let rows = NewsletterHTML.Rows(groups)
        return Files(
            web: OutputFile(path: folder + "index.html",
                            text: NewsletterHTML.render(edition, site: site, variant: .web, hooks: hooks,
                                                        groups: groups, rows: rows)),
            mailHTML: OutputFile(path: folder + "email.html",
                                 text: NewsletterHTML.render(edition, site: site, variant: .email(tool), hooks: hooks,
                                                             groups: groups, rows: rows)),
            mailText: OutputFile(path: folder + "email.txt",
                                 text: NewsletterText.render(edition, site: site, tool: tool, hooks: hooks, groups: groups)))
    }

    /// Problems to report: period and tool in site-config.json, editorial Markdown, two editorial
    /// files for one quarterly edition, editorial files not named after their edition.
    public static func validate(site: RenderedSite, editorials: [NewsletterEditorial] = [],
                                hooks: MarkdownHooks = MarkdownHooks()) -> [Diagnostic] {
        let (period, periodProblems) = NewsletterPeriod.from(site.config)
        let (_, toolProblems) = NewsletterTool.from(site.config)
        var diagnostics = periodProblems + toolProblems
        var owners: [String: NewsletterEditorial] = [:]
        for editorial in editorials.sorted(by: { $0.path < $1.path }) {
            diagnostics += NewsletterHTML.renderEditorial(editorial, config: site.config, hooks: hooks).diagnostics
            guard let (year, month) = NewsletterEdition.parseID(editorial.id) else { continue }
            let id = period.editionID(year: year, month: month)
            if let first = owners[id] {
                diagnostics.append(.error("newsletter-duplicate", at: SourceLocation(file: editorial.path),
                                          "Für die Ausgabe \(id) gibt es schon den Text \(first.path); dieser wird nicht verwendet.",
                                          hint: "Führen Sie beide Texte in \(first.path) zusammen."))
            } else {
                owners[id] = editorial
                if id != editorial.id {
                    diagnostics.append(.warning("newsletter-file-name", at: SourceLocation(file: editorial.path),
                                                "Der Newsletter erscheint vierteljährlich; dieser Text gehört zur Ausgabe \(id).",
                                                hint: "Benennen Sie die Datei in \(id).md um."))
                }
            }
        }
        return diagnostics
    }

    /// Posts grouped by their first Handlungsfeld, groups in Handlungsfeld order.
    static func groups(_ edition: NewsletterEdition, site: RenderedSite) -> [Group] {
        // Only raster files can be what `NewsletterEntry.rasterImage` finds beside an SVG.
        let rasters = Set(site.content.staticFiles.map(\.sitePath).filter(NewsletterEntry.isRaster))
        let fields = site.content.handlungsfelder
        var byField: [String: [NewsletterEntry]] = [:]
        for post in edition.posts {
            let slug = post.handlungsfelder.first ?? ""
            byField[slug, default: []].append(NewsletterEntry(post: post, site: site, rasterImages: rasters))
        }
        return byField.keys.sorted { a, b in
            let oa = fields.first(where: { $0.slug == a })?.order ?? Int.max
            let ob = fields.first(where: { $0.slug == b })?.order ?? Int.max
            return oa != ob ? oa < ob : a < b
        }.map { slug in
            let label = fields.first(where: { $0.slug == slug })?.label ?? (slug.isEmpty ? "Weitere Beiträge" : slug)
            return Group(label: XMLText.clean(label), entries: byField[slug]!)
        }
    }
}
