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
    /// Everything besides the title the search should find the document by (summary, full text),
    /// in parts that count as one text with line breaks between them (`text`): a post's plain text
    /// goes in as it is, not copied into one string with the rest.
    public var textParts: [String]

    /// `textParts` joined by line breaks.
    public var text: String {
        get { textParts.joined(separator: "\n") }
        set { textParts = [newValue] }
    }

    public init(kind: Kind, title: String, url: String, handlungsfelder: [String] = [], date: Date? = nil,
                summary: String = "", text: String = "") {
        self.init(kind: kind, title: title, url: url, handlungsfelder: handlungsfelder, date: date, summary: summary,
                  textParts: [text])
    }

    public init(kind: Kind, title: String, url: String, handlungsfelder: [String] = [], date: Date? = nil,
                summary: String = "", textParts: [String]) {
        self.kind = kind
        self.title = title
        self.url = url
        self.handlungsfelder = handlungsfelder
        self.date = date
        self.summary = summary
        self.textParts = textParts
    }

    // Equal documents are those with equal fields and text, however the text is split into parts.
    public static func == (a: SearchDocument, b: SearchDocument) -> Bool {
        a.kind == b.kind && a.title == b.title && a.url == b.url && a.handlungsfelder == b.handlungsfelder
            && a.date == b.date && a.summary == b.summary && a.text == b.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(title)
        hasher.combine(url)
        hasher.combine(handlungsfelder)
        hasher.combine(date)
        hasher.combine(summary)
        hasher.combine(text)
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
        let plainText = site.plainText(ofSourcePath: post.source.path)
        return SearchDocument(
            kind: .beitrag, title: post.title, url: post.url, handlungsfelder: post.handlungsfelder,
            date: post.date, summary: shortSummary(post.summary, plainText: plainText),
            textParts: [post.summary ?? "", post.tags.joined(separator: " "), post.author ?? "", plainText ?? ""])
    }

    /// Handlungsfelder and pages as search documents.
    public static func others(site: RenderedSite) -> [SearchDocument] {
        var documents: [SearchDocument] = []
        for field in site.content.handlungsfelder {
            let body = site.body(of: field.source)
            documents.append(SearchDocument(
                kind: .handlungsfeld, title: field.label, url: field.url, handlungsfelder: [field.slug],
                summary: shortSummary(field.summary, body: body),
                textParts: [field.title, field.summary, body?.plainText ?? ""]))
        }
        for page in site.content.pages {
            let body = site.body(of: page.source)
            documents.append(SearchDocument(
                kind: .seite, title: page.title, url: page.url, summary: shortSummary(page.summary, body: body),
                textParts: [page.summary ?? "", body?.plainText ?? ""]))
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
            textParts: [indicator.unit, indicator.definition, indicator.source, indicator.body])
    }

    /// The front-matter summary, else the start of the text; at most `summaryLimit` characters.
    static func shortSummary(_ summary: String?, body: RenderedMarkdown?) -> String {
        shortSummary(summary, plainText: body?.plainText)
    }

    /// `shortSummary(summary, body:)` from the body's plain text.
    static func shortSummary(_ summary: String?, plainText: String?) -> String {
        if let summary, !summary.isEmpty { return truncated(summary) }
        return truncated(plainText ?? "")
    }

    /// Cut at a word boundary with „…“.
    static func truncated(_ text: String) -> String {
        // Most summaries are short and single-spaced already: splitting and joining them (by
        // characters, so through grapheme breaking) would give the same text back. Most other
        // texts have characters of one scalar each, where bytes give the same cut.
        if isShortAndCollapsed(text) { return text }
        return truncatedByScalars(text) ?? truncatedByCharacters(text)
    }

    /// `truncated`, the reference: splits and counts by characters.
    static func truncatedByCharacters(_ text: String) -> String {
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

    /// `truncatedByCharacters(text)` worked out on bytes, or nil if a scalar the result depends on
    /// might not be a character of its own (combining marks, emoji, `\r\n` …): then scalars and
    /// characters could count differently.
    static func truncatedByScalars(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // The first `summaryLimit` words joined by single spaces, as far as needed to see
            // whether they are longer than `summaryLimit` characters.
            var out: [UInt8] = []
            out.reserveCapacity(4 * summaryLimit + 8)
            var scalars = 0, words = 0, inWord = false, i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                    if inWord {
                        inWord = false
                        words += 1
                        if words == summaryLimit {
                            // The split ends at this separator, unless what follows joins it into a
                            // character that is none.
                            if i + 1 < bytes.count, bytes[i + 1] >= 0x80 {
                                guard StandaloneScalars.length(bytes, at: i + 1) != nil else { return nil }
                            }
                            break
                        }
                    }
                    i += 1
                    continue
                }
                guard let length = StandaloneScalars.length(bytes, at: i) else { return nil }
                if !inWord {
                    if words > 0 {
                        out.append(0x20)
                        scalars += 1
                    }
                    inWord = true
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                scalars += 1
                i += length
                // One scalar more than the limit settles it; one more still, to be sure it is not
                // part of the one before.
                if scalars > summaryLimit + 1 { break }
            }
            guard scalars > summaryLimit else { return String(decoding: out, as: UTF8.self) }
            // The first `summaryLimit` scalars, cut at the last space, without trailing `,;:.–-`.
            return StandaloneScalars.shortened(out, limit: summaryLimit, trailing: [0x2C, 0x3B, 0x3A, 0x2E, 0x2D])
        }
    }

    /// At most `summaryLimit` bytes (so characters), without tabs, line breaks, spaces at either
    /// end or two spaces in a row: a text `truncated` returns as it is.
    static func isShortAndCollapsed(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count <= summaryLimit, bytes.first != 0x20, bytes.last != 0x20 else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0A || byte == 0x09 || (byte == 0x20 && previous == 0x20) { return false }
            previous = byte
        }
        return true
    }
}
