import Content
import Markdown
import Support

/// The edition as e-mail HTML (and, with `.web`, as its public web version): table layout with
/// `role="presentation"`, fluid 600 px with a ghost table for Outlook, every visual style inline,
/// `<style>` only for client hooks, small screens and dark mode. Valid HTML5: attributes that
/// only Outlook needs stand inside its conditional comments.
enum NewsletterHTML {
    enum Variant { case email(NewsletterTool), web }

    static let width = 600
    static let padding = 32
    static var contentWidth: Int { width - 2 * padding }

    // Colours: 6-digit hex (some clients drop shorthand), contrast ≥ 4.5:1 on their backgrounds.
    static let page = "#eef1f4"
    static let card = "#ffffff"
    static let ink = "#1a1a1a"
    static let muted = "#4d4d4d"
    static let accent = "#0b4f8a"
    static let font = "Arial,Helvetica,sans-serif"

    static let headStyle = """
    <style>
    #MessageViewBody a{color:inherit;text-decoration:none;font-size:inherit;font-family:inherit;font-weight:inherit;line-height:inherit;}
    a[x-apple-data-detectors]{color:inherit !important;text-decoration:none !important;font-size:inherit !important;font-family:inherit !important;font-weight:inherit !important;line-height:inherit !important;}
    u + #body a{color:inherit;text-decoration:none;font-size:inherit;font-family:inherit;font-weight:inherit;line-height:inherit;}
    @media screen and (max-width:620px){
    .nl-pad{padding-left:16px !important;padding-right:16px !important;}
    .nl-h1{font-size:22px !important;line-height:28px !important;}
    }
    @media (prefers-color-scheme:dark){
    .nl-page,.nl-foot{background-color:#101418 !important;}
    .nl-card{background-color:#1b2128 !important;color:#e8eaed !important;}
    .nl-card h1,.nl-card h2,.nl-card h3,.nl-card p,.nl-card li,.nl-foot,.nl-foot p{color:#e8eaed !important;}
    .nl-card a,.nl-foot a,.nl-card h2{color:#9cc8ff !important;}
    .nl-head{background-color:#0a2e52 !important;}
    .nl-btn,.nl-card a.nl-btn{background-color:#9cc8ff !important;color:#0b1a2b !important;border-color:#9cc8ff !important;}
    }
    </style>
    """

    /// Bytes of HTML we allow ourselves. Gmail clips messages from about 102 KB; mailing tools
    /// add tracking links, their own footer and encoding overhead on top (research §5.1).
    static let byteBudget = 80_000

    /// The e-mail or web version. When the full list would not fit the budget, the last posts
    /// are listed briefly (title, date, link) in both versions, so the web version shows what the
    /// mail shows. If even that does not fit, the mail names the remainder and links the web
    /// version, which always lists every post.
    /// `groups` and `rows`: `Newsletter.groups(edition, site: site)` and their rows, when the caller
    /// has them already (they are the same in the e-mail and the web version).
    static func render(_ edition: NewsletterEdition, site: RenderedSite, variant: Variant,
                       hooks: MarkdownHooks = MarkdownHooks(), groups: [Newsletter.Group]? = nil,
                       rows: Rows? = nil) -> String {
        // The parts are made once; each shorter version tried below only adds up byte counts.
        // (Rendering the whole edition again for every try was quadratic in its posts: 14 % of a
        // 10,000-post build.)
        let groups = groups ?? Newsletter.groups(edition, site: site)
        let document = Document(edition, site: site, variant: variant, hooks: hooks, groups: groups,
                                rows: rows ?? Rows(groups))
        let count = edition.posts.count
        guard document.size(fullEntries: count, listed: count) > byteBudget, count > 0 else {
            return document.html(fullEntries: count, listed: count)
        }
        let step = max(1, count / 20)
        var full = count
        while document.size(fullEntries: full, listed: count) > byteBudget && full > 0 {
            full = max(0, full - step)
        }
        guard case .email = variant else { return document.html(fullEntries: full, listed: count) }
        var listed = count
        while document.size(fullEntries: full, listed: listed) > byteBudget && listed > 1 {
            listed = max(1, listed - step)
            full = 0
        }
        return document.html(fullEntries: full, listed: listed)
    }

    /// The rows of an edition's posts: each group's heading row, each post's row in full and in
    /// brief. The same in the e-mail and the web version.
    struct Rows {
        var groupRows: [String] = []
        /// Index of each group's first post among all posts.
        var groupStarts: [Int] = []
        var fullRows: [String] = []
        var briefRows: [String] = []

        init(_ groups: [Newsletter.Group]) {
            for group in groups {
                groupStarts.append(fullRows.count)
                groupRows.append(RowParts.briefOpen + RowParts.groupHeadingOpen + Escape.html(group.label) + "</h2>\n"
                                 + RowParts.close)
                for entry in group.entries {
                    // Escaped once for both rows; the fixed parts are made once (`RowParts`).
                    let url = Escape.html(entry.url), title = Escape.html(entry.title), date = Escape.html(entry.date)
                    var full = RowParts.fullOpen
                    if let image = entry.image {
                        full += "<img src=\"\(Escape.html(image.url))\" alt=\"\(Escape.html(image.alt))\" width=\"\(contentWidth)\" style=\"display:block;width:100%;max-width:\(contentWidth)px;height:auto;border:0;margin:0 0 16px;\">\n"
                    }
                    for part in [RowParts.fullHeading, url, RowParts.headingLink, title, RowParts.fullDate, entry.isoDate,
                                 RowParts.dateText, date, RowParts.teaser, Escape.html(entry.teaser), RowParts.button, url,
                                 RowParts.buttonText, title, RowParts.buttonClose, RowParts.close] {
                        full += part
                    }
                    fullRows.append(full)
                    var brief = RowParts.briefOpen
                    for part in [RowParts.briefHeading, url, RowParts.headingLink, title, RowParts.briefDate, entry.isoDate,
                                 RowParts.dateText, date, RowParts.briefDateClose, RowParts.close] {
                        brief += part
                    }
                    briefRows.append(brief)
                }
            }
        }
    }

    /// The fixed text of the post rows, made once: the rows of thousands of posts are these parts
    /// with the escaped fields between them (what `row` writes around a post's full and brief entry).
    private enum RowParts {
        static let briefOpen = rowOpen(classes: "nl-card nl-pad", style: "padding:16px \(padding)px 8px;background-color:\(card);")
        static let fullOpen = rowOpen(classes: "nl-card nl-pad", style: "padding:16px \(padding)px 24px;background-color:\(card);")
        static let close = "</td>\n</tr>\n"
        static let groupHeadingOpen = "<h2 style=\"margin:0;padding-top:16px;border-top:2px solid \(accent);font-family:\(font);font-size:20px;line-height:26px;font-weight:bold;color:\(accent);\">"
        static let fullHeading = "<h3 style=\"margin:0 0 4px;font-family:\(font);font-size:19px;line-height:25px;font-weight:bold;color:\(ink);\"><a href=\""
        static let briefHeading = "<h3 style=\"margin:0 0 4px;font-family:\(font);font-size:17px;line-height:23px;font-weight:bold;color:\(ink);\"><a href=\""
        static let headingLink = "\" style=\"color:\(accent);text-decoration:underline;\">"
        static let fullDate = "</a></h3>\n<p style=\"margin:0 0 8px;font-family:\(font);font-size:14px;line-height:20px;color:\(muted);\"><time datetime=\""
        static let briefDate = "</a></h3>\n<p style=\"margin:0;font-family:\(font);font-size:14px;line-height:20px;color:\(muted);\"><time datetime=\""
        static let dateText = "\">"
        static let briefDateClose = "</time></p>\n"
        static let teaser = "</time></p>\n<p style=\"margin:0 0 16px;font-family:\(font);font-size:16px;line-height:24px;color:\(ink);\">"
        static let button = "</p>\n<table role=\"presentation\" style=\"border:0;border-spacing:0;border-collapse:separate;\">\n<tr>\n"
            + "<td class=\"nl-btn\" style=\"border-radius:4px;background-color:\(accent);\"><a class=\"nl-btn\" href=\""
        static let buttonText = "\" style=\"display:inline-block;padding:10px 18px;border:1px solid \(accent);border-radius:4px;background-color:\(accent);font-family:\(font);font-size:16px;line-height:20px;font-weight:bold;color:#ffffff;text-decoration:none;\">Weiterlesen: "
        static let buttonClose = "</a></td>\n</tr>\n</table>\n"

        /// What `row` writes before its content.
        static func rowOpen(classes: String, style: String) -> String {
            "<tr>\n<td class=\"\(classes)\" style=\"\(style)\">\n"
        }
    }

    /// One edition's HTML in parts: everything before the posts, the posts' `Rows`, the „weitere
    /// Beiträge“ row and everything after. `html(fullEntries:listed:)` joins them in the order the
    /// layout needs; `size` is the byte count of that result without building it.
    private struct Document {
        var head = ""
        var rows: Rows
        var groupRows: [String] { rows.groupRows }
        var groupStarts: [Int] { rows.groupStarts }
        var fullRows: [String] { rows.fullRows }
        var briefRows: [String] { rows.briefRows }
        var webVersion = ""
        var tail = ""

        init(_ edition: NewsletterEdition, site: RenderedSite, variant: Variant, hooks: MarkdownHooks,
             groups: [Newsletter.Group], rows: Rows) {
            let (head, links) = NewsletterHTML.head(edition, site: site, variant: variant, hooks: hooks, groups: groups)
            self.head = head
            self.rows = rows
            webVersion = links.webVersion
            tail = NewsletterHTML.tail(site: site, links: links, variant: variant)
        }

        /// The row naming the posts left out of the mail.
        func restRow(_ rest: Int) -> String {
            row(classes: "nl-card nl-pad", style: "padding:16px \(padding)px;background-color:\(card);") {
                "<p style=\"margin:0;font-family:\(font);font-size:16px;line-height:24px;color:\(ink);\">"
                    + (rest == 1 ? "Ein weiterer Beitrag steht" : "\(rest) weitere Beiträge stehen")
                    + " in der <a href=\"\(Escape.html(webVersion))\" style=\"color:\(accent);text-decoration:underline;\">Webfassung dieser Ausgabe</a>.</p>\n"
            }
        }

        /// The parts of the version with the first `fullEntries` posts in full and `listed` posts in all.
        func parts(fullEntries: Int, listed: Int) -> [String] {
            var parts = [head]
            for (g, start) in groupStarts.enumerated() where start < listed {
                parts.append(groupRows[g])
                let end = g + 1 < groupStarts.count ? groupStarts[g + 1] : fullRows.count
                for i in start..<min(end, listed) { parts.append(i < fullEntries ? fullRows[i] : briefRows[i]) }
            }
            if listed < fullRows.count { parts.append(restRow(fullRows.count - listed)) }
            parts.append(tail)
            return parts
        }

        func size(fullEntries: Int, listed: Int) -> Int {
            parts(fullEntries: fullEntries, listed: listed).reduce(0) { $0 + $1.utf8.count }
        }

        func html(fullEntries: Int, listed: Int) -> String {
            parts(fullEntries: fullEntries, listed: listed).joined()
        }
    }

    /// Everything before the posts (head, header band, title and editorial) and the edition's links.
    private static func head(_ edition: NewsletterEdition, site: RenderedSite, variant: Variant,
                             hooks: MarkdownHooks, groups: [Newsletter.Group]) -> (String, NewsletterLinks) {
        let config = site.config
        let links = NewsletterLinks(edition: edition, site: site)
        let siteTitle = FeedCatalog.siteTitle(config)
        let isWeb: Bool = { if case .web = variant { return true }; return false }()

        var h = "<!DOCTYPE html>\n"
        h += "<html lang=\"de\" dir=\"ltr\">\n<head>\n"
        h += "<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        if !isWeb {
            h += "<meta name=\"x-apple-disable-message-reformatting\">\n"
            h += "<meta name=\"format-detection\" content=\"telephone=no, date=no, address=no, email=no, url=no\">\n"
        }
        h += "<meta name=\"color-scheme\" content=\"light dark\">\n"
        if !isWeb { h += "<meta name=\"supported-color-schemes\" content=\"light dark\">\n" }
        if isWeb {
            h += "<meta name=\"description\" content=\"\(Escape.html(preheader(edition, groups: groups)))\">\n"
        }
        h += "<title>\(Escape.html(edition.title + " – " + siteTitle))</title>\n"
        h += "<!--[if mso]>\n<noscript><xml><o:OfficeDocumentSettings><o:AllowPNG/><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript>\n"
        h += "<style>table,td,div,h1,h2,h3,p,a,li{font-family:Arial,Helvetica,sans-serif !important;}</style>\n<![endif]-->\n"
        h += headStyle + "\n</head>\n"
        h += "<body id=\"body\" class=\"nl-page\" style=\"margin:0;padding:0;width:100%;word-spacing:normal;background-color:\(page);\">\n"
        if !isWeb {
            // Preheader: the preview line after the subject. The zero-width non-joiners and
            // no-break spaces behind it keep mail programs from filling the preview with body text.
            h += "<div style=\"display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;\">"
            h += Escape.html(preheader(edition, groups: groups))
            h += String(repeating: "&#8204;&#160;", count: 40) + "</div>\n"
        }
        h += "<div role=\"article\"" + (isWeb ? "" : " aria-roledescription=\"E-Mail\"") + " aria-label=\"\(Escape.html(edition.title))\" lang=\"de\" dir=\"ltr\" class=\"nl-page\" style=\"-webkit-text-size-adjust:100%;-ms-text-size-adjust:100%;text-size-adjust:100%;background-color:\(page);\">\n"
        h += "<table role=\"presentation\" class=\"nl-page\" style=\"width:100%;border:0;border-spacing:0;border-collapse:collapse;background-color:\(page);\">\n"
        h += "<tr>\n<td style=\"padding:24px 0;\">\n"
        h += "<!--[if mso]><table role=\"presentation\" align=\"center\" width=\"\(width)\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:\(width)px;\"><tr><td><![endif]-->\n"
        h += "<div style=\"width:94%;max-width:\(width)px;margin:0 auto;\">\n"
        h += "<table role=\"presentation\" style=\"width:100%;border:0;border-spacing:0;border-collapse:collapse;text-align:left;font-family:\(font);font-size:16px;line-height:24px;color:\(ink);\">\n"

        // Header band: the site's name as text (no logo image: blocked images, dark mode).
        h += row(classes: "nl-head nl-pad", style: "padding:20px \(padding)px;background-color:\(accent);") {
            "<p style=\"margin:0;font-family:\(font);font-size:18px;line-height:24px;font-weight:bold;color:#ffffff;\"><a href=\"\(Escape.html(links.home))\" style=\"color:#ffffff;text-decoration:none;\">\(Escape.html(siteTitle))</a></p>\n"
            + "<p style=\"margin:4px 0 0;font-family:\(font);font-size:14px;line-height:20px;color:#ffffff;\">Newsletter · \(Escape.html(edition.periodName))</p>\n"
        }

        // Title and editorial text.
        h += row(classes: "nl-card nl-pad", style: "padding:\(padding)px \(padding)px 8px;background-color:\(card);") {
            var t = "<h1 class=\"nl-h1\" style=\"margin:0 0 16px;font-family:\(font);font-size:26px;line-height:32px;font-weight:bold;color:\(ink);\">\(Escape.html(edition.title))</h1>\n"
            if let editorial = edition.editorial, !editorial.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                t += editorialHTML(editorial, site: site, hooks: hooks) + "\n"
            }
            if edition.posts.isEmpty {
                t += "<p style=\"margin:0 0 16px;font-family:\(font);font-size:16px;line-height:24px;color:\(ink);\">In diesem Zeitraum sind keine neuen Beiträge erschienen.</p>\n"
            } else {
                let count = edition.posts.count
                t += "<p style=\"margin:0 0 16px;font-family:\(font);font-size:16px;line-height:24px;color:\(ink);\">"
                t += count == 1 ? "Ein neuer Beitrag" : "\(count) neue Beiträge"
                t += " aus dem Blog – nach Handlungsfeldern geordnet.</p>\n"
            }
            return t
        }
        return (h, links)
    }

    /// Everything after the posts: link to the site, footer, closing tags.
    private static func tail(site: RenderedSite, links: NewsletterLinks, variant: Variant) -> String {
        let config = site.config
        var h = ""
        h += row(classes: "nl-card nl-pad", style: "padding:0 \(padding)px 16px;background-color:\(card);") {
            "<p style=\"margin:0;font-family:\(font);font-size:14px;line-height:20px;color:\(muted);\">Alle Beiträge finden Sie auf <a href=\"\(Escape.html(links.home))\" style=\"color:\(accent);text-decoration:underline;\">\(Escape.html(config.host))</a>.</p>\n"
        }
        h += row(classes: "nl-foot nl-pad", style: "padding:24px \(padding)px;background-color:\(page);font-family:\(font);font-size:14px;line-height:21px;color:#333333;") {
            footerHTML(site: site, links: links, variant: variant)
        }
        h += "</table>\n</div>\n<!--[if mso]></td></tr></table><![endif]-->\n</td>\n</tr>\n</table>\n</div>\n</body>\n</html>\n"
        return h
    }

    /// The preview text: the editorial `preheader`, or the first post titles.
    static func preheader(_ edition: NewsletterEdition, groups: [Newsletter.Group]) -> String {
        if let text = edition.editorial?.preheader, !text.isEmpty { return XMLText.clean(text) }
        let titles = edition.posts.map { XMLText.clean($0.title) }
        guard !titles.isEmpty else { return "\(edition.title): Neues aus dem Blog" }
        let lead = titles.count == 1 ? "Neu im Blog: " : "\(titles.count) neue Beiträge: "
        return FeedText.teaser(lead + titles.joined(separator: " · "), maxLength: 120)
    }

    private static func row(classes: String, style: String, _ content: () -> String) -> String {
        "<tr>\n<td class=\"\(classes)\" style=\"\(style)\">\n" + content() + "</td>\n</tr>\n"
    }

    private static func footerHTML(site: RenderedSite, links: NewsletterLinks, variant: Variant) -> String {
        let config = site.config
        let contact = config.contact
        let p = "<p style=\"margin:0 0 12px;font-family:\(font);font-size:14px;line-height:21px;color:#333333;\">"
        let a = "style=\"color:\(accent);text-decoration:underline;\""
        var t = ""
        switch variant {
        case .email(let tool):
            t += p + "Sie erhalten diesen Newsletter, weil Sie ihn auf \(Escape.html(config.host)) abonniert haben.</p>\n"
            t += p + "<a href=\"\(Escape.html(links.webVersion))\" \(a)>Im Browser ansehen</a> · "
            t += "<a href=\"\(tool.unsubscribePlaceholder)\" \(a)>Newsletter abbestellen</a></p>\n"
        case .web:
            t += p + "Diese Ausgabe ist auch per E-Mail erschienen. <a href=\"\(Escape.html(links.archive))\" \(a)>Alle Ausgaben und Anmeldung</a> · "
            t += "<a href=\"\(Escape.html(links.unsubscribeInfo))\" \(a)>Newsletter abbestellen</a></p>\n"
        }
        var publisher = [contact.organisation, contact.department].filter { !$0.isEmpty }.map(Escape.html)
        let place = [contact.postalCode, contact.city].filter { !$0.isEmpty }.joined(separator: " ")
        publisher += [contact.street, place].filter { !$0.isEmpty }.map(Escape.html)
        if !publisher.isEmpty {
            t += p + "Herausgeber: " + publisher.joined(separator: ", ")
            if !contact.email.isEmpty {
                t += " · <a href=\"mailto:\(Escape.html(contact.email))\" \(a)>\(Escape.html(contact.email))</a>"
            }
            t += "</p>\n"
        }
        t += p + "<a href=\"\(Escape.html(links.impressum))\" \(a)>Impressum</a> · "
        t += "<a href=\"\(Escape.html(links.datenschutz))\" \(a)>Datenschutz</a> · "
        t += "<a href=\"\(Escape.html(links.feeds))\" \(a)>Feeds</a></p>\n"
        return t
    }

    /// Inline styles for the editorial text's elements (mail clients ignore `<style>` rules).
    static var editorialStyles: [String: String] {
        [
            "p": "margin:0 0 16px;font-family:\(font);font-size:16px;line-height:24px;color:\(ink);",
            "h2": "margin:24px 0 8px;font-family:\(font);font-size:20px;line-height:26px;font-weight:bold;color:\(ink);",
            "h3": "margin:20px 0 8px;font-family:\(font);font-size:18px;line-height:24px;font-weight:bold;color:\(ink);",
            "h4": "margin:16px 0 8px;font-family:\(font);font-size:16px;line-height:24px;font-weight:bold;color:\(ink);",
            "ul": "margin:0 0 16px;padding:0 0 0 24px;",
            "ol": "margin:0 0 16px;padding:0 0 0 24px;",
            "li": "margin:0 0 4px;font-family:\(font);font-size:16px;line-height:24px;color:\(ink);",
            "a": "color:\(accent);text-decoration:underline;",
            "blockquote": "margin:0 0 16px;padding:0 0 0 16px;border-left:4px solid \(accent);",
            "table": "border-collapse:collapse;margin:0 0 16px;",
            "th": "padding:4px 8px;border:1px solid #999999;font-family:\(font);font-size:14px;line-height:20px;color:\(ink);text-align:left;",
            "td": "padding:4px 8px;border:1px solid #999999;font-family:\(font);font-size:14px;line-height:20px;color:\(ink);",
            "pre": "margin:0 0 16px;white-space:pre-wrap;font-family:Consolas,Menlo,monospace;font-size:14px;line-height:20px;color:\(ink);",
        ]
    }

    /// The editorial Markdown as e-mail-safe HTML: absolute links, inline styles, no SVG.
    /// Headings are shifted one level down, below the edition's `h1`.
    static func editorialHTML(_ editorial: NewsletterEditorial, site: RenderedSite,
                              hooks: MarkdownHooks = MarkdownHooks()) -> String {
        let rendered = renderEditorial(editorial, config: site.config, hooks: hooks)
        let cleaner = FeedHTML(pageURL: site.config.absoluteURL("/newsletter/\(editorial.id)/"),
                               inlineStyles: editorialStyles, forEmail: true, emailImageWidth: contentWidth)
        return cleaner.clean(shiftHeadings(rendered.html))
    }

    static func renderEditorial(_ editorial: NewsletterEditorial, config: SiteConfig,
                                hooks: MarkdownHooks = MarkdownHooks()) -> RenderedMarkdown {
        let settings = MarkdownSettings(allowRawHTML: config.markdown.rawHTML, germanQuotes: config.markdown.germanQuotes,
                                        siteHosts: [config.host], absoluteBase: config.baseURL)
        return MarkdownRenderer.render(editorial.body, file: editorial.path, firstLine: editorial.bodyFirstLine,
                                       settings: settings, hooks: hooks)
    }

    /// `h1`→`h2` … `h5`→`h6`: the edition title is the only `h1`.
    static func shiftHeadings(_ html: String) -> String {
        guard html.contains("<h") || html.contains("</h") else { return html }
        var out = html
        for level in stride(from: 5, through: 1, by: -1) {
            out = out.replacing("<h\(level) ", with: "<h\(level + 1) ").replacing("<h\(level)>", with: "<h\(level + 1)>")
                .replacing("</h\(level)>", with: "</h\(level + 1)>")
        }
        return out
    }
}
