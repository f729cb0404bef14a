import Content
import Support

/// The page `/newsletter/`: every edition, newest first, and how to subscribe and unsubscribe.
/// The lead puts `bodyHTML` into the site layout (headings start at `h2`).
public enum NewsletterArchive {
    public static let url = "/newsletter/"
    public static let title = "Newsletter"
    public static let description = "Alle Ausgaben des Newsletters: die neuen Beiträge aus dem Blog, nach Handlungsfeldern geordnet."

    public static func bodyHTML(editions: [NewsletterEdition], site: RenderedSite) -> String {
        let config = site.config
        let (period, _) = NewsletterPeriod.from(config)
        var h = "<p>Der Newsletter fasst \(period.frequencyText) die neuen Beiträge aus dem Blog zusammen, nach Handlungsfeldern geordnet. "
        h += "Hier finden Sie alle bisherigen Ausgaben.</p>\n"
        h += "<h2 id=\"ausgaben\">Ausgaben</h2>\n"
        if editions.isEmpty {
            h += "<p>Bisher ist noch keine Ausgabe erschienen.</p>\n"
        } else {
            h += "<ul>\n"
            for edition in editions {
                let count = edition.posts.count
                let posts = count == 0 ? "ohne neue Beiträge" : count == 1 ? "1 Beitrag" : "\(count) Beiträge"
                h += "<li><a href=\"\(Escape.html(edition.url))\">\(Escape.html(edition.title))</a> (\(Escape.html(edition.periodName)), \(posts))</li>\n"
            }
            h += "</ul>\n"
        }
        h += "<h2 id=\"anmelden\">Newsletter abonnieren</h2>\n"
        h += "<p>Der Newsletter ist kostenlos. Für die Anmeldung bestätigen Sie Ihre E-Mail-Adresse über einen Link, den wir Ihnen schicken (Double-Opt-in). "
        if !config.contact.email.isEmpty {
            let mail = Escape.html(config.contact.email)
            h += "Schreiben Sie uns dazu an <a href=\"mailto:\(mail)\">\(mail)</a>. "
        }
        h += "Wie wir Ihre Daten verarbeiten, steht in der <a href=\"/datenschutz/\">Datenschutzerklärung</a>.</p>\n"
        h += "<p>Ohne Anmeldung und ohne E-Mail geht es mit unseren <a href=\"\(Escape.html(FeedsPage.url))\">Feeds</a>.</p>\n"
        h += "<h2 id=\"abbestellen\">Newsletter abbestellen</h2>\n"
        h += "<p>Jede Ausgabe enthält unten den Link „Newsletter abbestellen“. Ein Klick genügt, Sie erhalten danach keine Ausgaben mehr."
        if !config.contact.email.isEmpty {
            let mail = Escape.html(config.contact.email)
            h += " Sie können sich auch formlos per E-Mail an <a href=\"mailto:\(mail)\">\(mail)</a> abmelden."
        }
        h += "</p>\n"
        return h
    }
}
