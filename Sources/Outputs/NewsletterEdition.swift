import Foundation
import Content
import Support

/// How often an edition appears (`newsletter.period` in site-config.json).
public enum NewsletterPeriod: String, Sendable, Hashable, CaseIterable {
    case monthly = "monatlich"
    case quarterly = "vierteljaehrlich"

    /// Months per edition.
    public var months: Int { self == .monthly ? 1 : 3 }

    /// German adverb for running text: „einmal im Monat“.
    public var frequencyText: String { self == .monthly ? "einmal im Monat" : "einmal im Vierteljahr" }

    /// The period from config; an unknown word is reported and the monthly default is used.
    public static func from(_ config: SiteConfig) -> (NewsletterPeriod, [Diagnostic]) {
        let word = Slug.make(config.newsletter.period)
        if let period = NewsletterPeriod(rawValue: word) { return (period, []) }
        let aliases: [String: NewsletterPeriod] = ["monthly": .monthly, "quarterly": .quarterly,
                                                   "quartalsweise": .quarterly, "vierteljaehrlich": .quarterly]
        if let period = aliases[word] { return (period, []) }
        let hint = Suggestion.hint(for: config.newsletter.period, in: allCases.map(\.rawValue))
            ?? "Erlaubt sind „monatlich“ und „vierteljaehrlich“."
        return (.monthly, [.error("newsletter-period", at: SourceLocation(file: "site-config.json"),
                                  "Den Newsletter-Rhythmus „\(config.newsletter.period)“ kennt die Website nicht.",
                                  hint: hint)])
    }

    /// The edition key for a month: monthly `2022-05`; quarterly the quarter's first month (`2022-04`).
    public func editionID(year: Int, month: Int) -> String {
        let first = ((month - 1) / months) * months + 1
        // Interpolation rather than `String(format:)`: this runs for every post of every build.
        guard (1000...9999).contains(year) else { return String(format: "%04d-%02d", year, first) }
        return "\(year)-\(first < 10 ? "0" : "")\(first)"
    }
}

/// One newsletter edition: a period and the posts published in it.
public struct NewsletterEdition: Sendable, Hashable {
    /// `2022-05` (for quarterly editions the first month of the quarter).
    public var id: String
    public var year: Int
    /// First month of the period, 1…12.
    public var month: Int
    public var period: NewsletterPeriod
    /// The period's posts, newest first.
    public var posts: [Post]
    /// Optional editorial text from `content/newsletter/<id>.md`.
    public var editorial: NewsletterEditorial?

    /// „Mai 2022“ or „2. Quartal 2022“.
    public var periodName: String {
        period == .monthly ? GermanFormat.monthYear(year: year, month: month) : "\((month - 1) / 3 + 1). Quartal \(year)"
    }

    /// Subject line and heading: the editorial `title` or „Newsletter Mai 2022“.
    public var title: String {
        if let title = editorial?.title, !title.isEmpty { return title }
        return "Newsletter \(periodName)"
    }

    /// Site path of the web version: `/newsletter/2022-05/`.
    public var url: String { "/newsletter/\(id)/" }

    /// Parses `2022-05` (as given to `--ausgabe` or as a file name) into year and month.
    public static func parseID(_ text: String) -> (year: Int, month: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 4, parts[1].utf8.count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), year > 0 else { return nil }
        return (year, month)
    }
}
