import Foundation
import Content
import Data
import Markdown
import Support

/// One thing the search can find. Every kind of content becomes one of these, so a new kind
/// (service entries, indicators) is one more `SearchDocument(…)` per item, not a change to the
/// index, the page or the script.
public struct SearchDocument: Sendable, Hashable {
    /// What the document is; the raw value is its one-letter code in `index.json`.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case beitrag = "b"
        case angebot = "a"
        case indikator = "i"
        case handlungsfeld = "h"
        case seite = "s"

        /// „Beitrag“ (result lines).
        public var singular: String {
            switch self {
            case .beitrag: "Beitrag"
            case .angebot: "Angebot"
            case .indikator: "Indikator"
            case .handlungsfeld: "Handlungsfeld"
            case .seite: "Seite"
            }
        }

        /// „Beiträge“ (headings of the complete list).
        public var plural: String {
            switch self {
            case .beitrag: "Beiträge"
            case .angebot: "Angebote"
            case .indikator: "Daten und Indikatoren"
            case .handlungsfeld: "Handlungsfelder"
            case .seite: "Seiten"
            }
        }

        /// Id of the group on the search page (`#beitraege`).
        public var anchor: String { Slug.make(plural) }

        /// Position in the complete list and in results of equal score.
        var order: Int { Kind.allCases.firstIndex(of: self)! }
    }

    public var kind: Kind
    public var title: String
    /// Site path (`/2022/05/armut-notlagen/`).
    public var url: String
    /// Handlungsfeld slugs, shown with their labels.
    public var handlungsfelder: [String]
    /// Publication date (posts) or the date the entry was last checked; nil for timeless pages.
    public var date: Date?
    /// One or two sentences shown under the result.
    public var summary: String
    /// Everything besides the title the search should find the document by (summary, full text).
    public var text: String

    public init(kind: Kind, title: String, url: String, handlungsfelder: [String] = [], date: Date? = nil,
                summary: String = "", text: String = "") {
        self.kind = kind
        self.title = title
        self.url = url
        self.handlungsfelder = handlungsfelder
        self.date = date
        self.summary = summary
        self.text = text
    }
}

extension SearchDocument {
    /// Longest summary shown in results, in characters.
    static let summaryLimit = 160

    /// Posts, pages and Handlungsfelder of a rendered site.
    public static func documents(site: RenderedSite) -> [SearchDocument] {
        var documents: [SearchDocument] = []
        documents += site.content.posts.map { post(of: $0, site: site) }
        documents += others(site: site)
        return documents
    }

    /// A post as a search document.
    public static func post(of post: Post, site: RenderedSite) -> SearchDocument {
        let body = site.body(of: post.source)
        return SearchDocument(
            kind: .beitrag, title: post.title, url: post.url, handlungsfelder: post.handlungsfelder,
            date: post.date, summary: shortSummary(post.summary, body: body),
            text: [post.summary ?? "", post.tags.joined(separator: " "), post.author ?? "",
                   body?.plainText ?? ""].joined(separator: "\n"))
    }

    /// Handlungsfelder and pages as search documents.
    public static func others(site: RenderedSite) -> [SearchDocument] {
        var documents: [SearchDocument] = []
        for field in site.content.handlungsfelder {
            let body = site.body(of: field.source)
            documents.append(SearchDocument(
                kind: .handlungsfeld, title: field.label, url: field.url, handlungsfelder: [field.slug],
                summary: shortSummary(field.summary, body: body),
                text: [field.title, field.summary, body?.plainText ?? ""].joined(separator: "\n")))
        }
        for page in site.content.pages {
            let body = site.body(of: page.source)
            documents.append(SearchDocument(
                kind: .seite, title: page.title, url: page.url, summary: shortSummary(page.summary, body: body),
                text: [page.summary ?? "", body?.plainText ?? ""].joined(separator: "\n")))
        }
        return documents
    }

    /// An indicator of the data dashboard (`/daten/indikatoren/<slug>/`), dated by its Datenstand.
    public static func indicator(_ indicator: Indicator) -> SearchDocument {
        let stand = BerlinTime.parse(indicator.datenstand.description)
        return SearchDocument(
            kind: .indikator, title: indicator.title, url: indicator.url,
            handlungsfelder: indicator.handlungsfelder, date: stand,
            summary: truncated(indicator.definition),
            text: [indicator.unit, indicator.definition, indicator.source, indicator.body]
                .joined(separator: "\n"))
    }

    /// The front-matter summary, else the start of the text; at most `summaryLimit` characters.
    static func shortSummary(_ summary: String?, body: RenderedMarkdown?) -> String {
        if let summary, !summary.isEmpty { return truncated(summary) }
        return truncated(body?.plainText ?? "")
    }

    /// Cut at a word boundary with „…“.
    static func truncated(_ text: String) -> String {
        // Only the first `summaryLimit` words can reach the result (each word is at least one
        // character): splitting the whole text of a long post costs more than the rest of its document.
        let words = text.split(maxSplits: summaryLimit, whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        let collapsed = words.prefix(summaryLimit).joined(separator: " ")
        guard collapsed.count > summaryLimit else { return collapsed }
        let head = collapsed.prefix(summaryLimit)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        var result = String(cut)
        while let last = result.last, ",;:.–-".contains(last) { result.removeLast() }
        return result + " …"
    }
}
