import Support

/// `site-config.json`: everything about the site that is not content.
public struct SiteConfig: Sendable, Hashable {
    /// `https://mittelsachsen-sozial.de` — no trailing slash; `--base-url` overrides it.
    public var baseURL: String
    public var title: String
    public var description: String
    /// BCP 47, always `de-DE` for this site.
    public var language: String
    /// IANA name, always `Europe/Berlin` for this site.
    public var timeZone: String
    /// Folder name under `themes/`.
    public var theme: String
    public var itemsPerPage: Int
    public var markdown: MarkdownConfig
    /// Menus by name: `haupt` (header) and `fuss` (footer).
    public var menus: [String: [MenuItem]]
    public var contact: Contact
    public var feeds: FeedConfig
    public var newsletter: NewsletterConfig

    public init(baseURL: String = "https://mittelsachsen-sozial.de", title: String = "", description: String = "",
                language: String = "de-DE", timeZone: String = "Europe/Berlin", theme: String = "standard",
                itemsPerPage: Int = 10, markdown: MarkdownConfig = MarkdownConfig(), menus: [String: [MenuItem]] = [:],
                contact: Contact = Contact(), feeds: FeedConfig = FeedConfig(), newsletter: NewsletterConfig = NewsletterConfig()) {
        self.baseURL = baseURL
        self.title = title
        self.description = description
        self.language = language
        self.timeZone = timeZone
        self.theme = theme
        self.itemsPerPage = itemsPerPage
        self.markdown = markdown
        self.menus = menus
        self.contact = contact
        self.feeds = feeds
        self.newsletter = newsletter
    }

    /// Host of `baseURL` (`mittelsachsen-sozial.de`), for telling internal from external links.
    public var host: String {
        let afterScheme = baseURL.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first
        return afterScheme.map(String.init) ?? baseURL
    }

    /// Absolute URL for a site path: `/2022/05/x/` → `https://…/2022/05/x/`.
    public func absoluteURL(_ path: String) -> String {
        if path.hasPrefix("http://") || path.hasPrefix("https://") { return path }
        return baseURL + (path.hasPrefix("/") ? path : "/" + path)
    }
}

public struct MarkdownConfig: Sendable, Hashable {
    /// Raw HTML in Markdown; off unless an editor really needs it.
    public var rawHTML: Bool
    /// „German quotes“ from "straight quotes".
    public var germanQuotes: Bool
    public init(rawHTML: Bool = false, germanQuotes: Bool = true) {
        self.rawHTML = rawHTML
        self.germanQuotes = germanQuotes
    }
}

public struct MenuItem: Sendable, Hashable {
    public var title: String
    /// Site path (`/daten/`) or absolute URL.
    public var url: String
    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}

/// Who runs the site, for footer, Impressum and structured data.
public struct Contact: Sendable, Hashable {
    public var organisation: String
    public var department: String
    public var street: String
    public var postalCode: String
    public var city: String
    public var email: String
    public var phone: String
    /// Verantwortlich nach § 18 Abs. 2 MStV.
    public var responsible: String
    public init(organisation: String = "", department: String = "", street: String = "", postalCode: String = "",
                city: String = "", email: String = "", phone: String = "", responsible: String = "") {
        self.organisation = organisation
        self.department = department
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.email = email
        self.phone = phone
        self.responsible = responsible
    }
}

public struct FeedConfig: Sendable, Hashable {
    /// Items per feed.
    public var items: Int
    public init(items: Int = 20) { self.items = items }
}

public struct NewsletterConfig: Sendable, Hashable {
    /// `monatlich` (default) or `vierteljaehrlich`.
    public var period: String
    /// Mailing tool whose unsubscribe placeholder goes into the footer: `listmonk`, `cleverreach`, `mailchimp`.
    public var tool: String
    public init(period: String = "monatlich", tool: String = "listmonk") {
        self.period = period
        self.tool = tool
    }
}
