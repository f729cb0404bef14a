import Content
import Support

/// The mailing tool that sends the edition (`newsletter.tool`): it replaces its own placeholder
/// in the footer by each recipient's personal unsubscribe link.
public enum NewsletterTool: String, Sendable, Hashable, CaseIterable {
    case listmonk
    case mailchimp
    case cleverreach
    case mailerlite

    /// The placeholder written as the unsubscribe link's `href`:
    /// listmonk `{{ UnsubscribeURL }}` (listmonk templating docs), Mailchimp `*|UNSUB|*`,
    /// CleverReach `{UNSUBSCRIBE}` (CleverReach: „Automatisches Abmelde-Management“, own templates),
    /// MailerLite `{$unsubscribe}`.
    public var unsubscribePlaceholder: String {
        switch self {
        case .listmonk: "{{ UnsubscribeURL }}"
        case .mailchimp: "*|UNSUB|*"
        case .cleverreach: "{UNSUBSCRIBE}"
        case .mailerlite: "{$unsubscribe}"
        }
    }

    /// Name for texts: „listmonk“, „Mailchimp“ …
    public var displayName: String {
        switch self {
        case .listmonk: "listmonk"
        case .mailchimp: "Mailchimp"
        case .cleverreach: "CleverReach"
        case .mailerlite: "MailerLite"
        }
    }

    /// The tool from config; an unknown name is reported and listmonk is used.
    public static func from(_ config: SiteConfig) -> (NewsletterTool, [Diagnostic]) {
        let word = config.newsletter.tool.lowercased().filter { $0.isLetter }
        if let tool = NewsletterTool(rawValue: word) { return (tool, []) }
        let hint = Suggestion.hint(for: config.newsletter.tool, in: allCases.map(\.rawValue))
            ?? "Erlaubt sind: " + allCases.map(\.rawValue).joined(separator: ", ") + "."
        return (.listmonk, [.error("newsletter-tool", at: SourceLocation(file: "site-config.json"),
                                   "Das Newsletter-Programm „\(config.newsletter.tool)“ kennt die Website nicht.",
                                   hint: hint)])
    }
}
