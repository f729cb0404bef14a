import Content
import Support

/// The page `/feeds/`: what a feed is, how to subscribe, and every feed of the site.
/// The lead puts `bodyHTML` into the site layout (headings start at `h2`; the layout has the `h1`).
public enum FeedsPage {
    public static let url = "/feeds/"
    public static let title = "Feeds abonnieren"
    public static let description = "Neue Beiträge automatisch erhalten: Was ein Feed ist, wie Sie ihn abonnieren, und alle Feeds dieser Website."

    public static func bodyHTML(site: RenderedSite) -> String {
        let tags = FeedCatalog.tags(site: site)
        let descriptors = FeedCatalog.descriptors(site: site, tags: tags)
        let config = site.config
        let main = descriptors.filter { $0.scope == .site }
        var h = ""
        h += "<p>Mit einem Feed erfahren Sie von neuen Beiträgen, ohne die Website immer wieder aufrufen zu müssen. "
        h += "Ein Feed ist eine Datei, in der die Website ihre neuesten Beiträge auflistet. Ein Feedreader – ein Programm oder eine App – "
        h += "fragt diese Datei regelmäßig ab und zeigt Ihnen neue Beiträge an. Sie brauchen dafür kein Konto bei uns und geben keine Daten an uns weiter.</p>\n"
        h += "<h2 id=\"so-abonnieren-sie\">So abonnieren Sie einen Feed</h2>\n"
        h += "<ol>\n"
        h += "<li>Öffnen Sie Ihren Feedreader. Viele E-Mail-Programme (zum Beispiel Thunderbird) können Feeds lesen, außerdem gibt es Feedreader-Apps für Smartphone und Computer.</li>\n"
        h += "<li>Kopieren Sie die Adresse eines Feeds aus der Liste unten, etwa <code>\(Escape.html(config.absoluteURL("/feed.xml")))</code>.</li>\n"
        h += "<li>Fügen Sie die Adresse im Feedreader als neues Abonnement ein. Viele Feedreader finden den Feed auch, wenn Sie einfach die Adresse der Website eingeben.</li>\n"
        h += "</ol>\n"
        h += "<p>Wer die Website schon über die alte Adresse <code>\(Escape.html(config.absoluteURL("/feed/")))</code> abonniert hat, muss nichts ändern: Diese Adresse funktioniert weiter.</p>\n"
        h += "<h2 id=\"welches-format\">Welches Format?</h2>\n"
        h += "<p>Jeder Feed enthält dieselben Beiträge. <strong>RSS</strong> verstehen alle Feedreader – nehmen Sie im Zweifel RSS. "
        h += "<strong>Atom</strong> und <strong>JSON Feed</strong> sind neuere Formate, die manche Programme bevorzugen. "
        h += "Jeder Feed enthält die \(config.feeds.items > 0 ? config.feeds.items : 20) neuesten Beiträge mit Zusammenfassung und vollständigem Text.</p>\n"
        h += "<h2 id=\"alle-beitraege\">Alle Beiträge</h2>\n"
        h += list(main, site: site)
        let fields = site.content.handlungsfelder.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
        if !fields.isEmpty {
            h += "<h2 id=\"handlungsfelder\">Feeds zu den Handlungsfeldern</h2>\n"
            h += "<p>Nur die Beiträge zu einem Handlungsfeld.</p>\n"
            h += "<ul>\n"
            for field in fields {
                let own = descriptors.filter { $0.scope == .handlungsfeld(slug: field.slug) }
                h += "<li><a href=\"\(Escape.html(field.url))\">\(Escape.html(field.label))</a>: "
                h += own.map { link($0, text: $0.format.label) }.joined(separator: " · ")
                h += "</li>\n"
            }
            h += "</ul>\n"
        }
        if !tags.isEmpty {
            h += "<h2 id=\"schlagwoerter\">Feeds zu den Schlagwörtern</h2>\n"
            h += "<p>Nur die Beiträge mit einem Schlagwort, jeweils als RSS.</p>\n"
            h += "<ul>\n"
            for tag in tags {
                let path = "/tag/\(tag.slug)/feed.xml"
                h += "<li><a href=\"\(Escape.html(path))\" type=\"application/rss+xml\">\(Escape.html(tag.name))<span class=\"visually-hidden\"> (RSS-Feed)</span></a></li>\n"
            }
            h += "</ul>\n"
        }
        h += "<h2 id=\"newsletter\">Lieber per E-Mail?</h2>\n"
        let (period, _) = NewsletterPeriod.from(config)
        h += "<p>\(period.frequencyText.prefix(1).uppercased() + period.frequencyText.dropFirst()) fassen wir die neuen Beiträge in einem <a href=\"\(Escape.html(NewsletterArchive.url))\">Newsletter</a> zusammen.</p>\n"
        return h
    }

    private static func list(_ feeds: [FeedDescriptor], site: RenderedSite) -> String {
        var h = "<ul>\n"
        for feed in feeds {
            h += "<li>\(link(feed, text: feed.format.label)): <code>\(Escape.html(site.config.absoluteURL(feed.path)))</code></li>\n"
        }
        return h + "</ul>\n"
    }

    private static func link(_ feed: FeedDescriptor, text: String) -> String {
        "<a href=\"\(Escape.html(feed.path))\" type=\"\(feed.format.mediaType)\">\(Escape.html(text))<span class=\"visually-hidden\"> – \(Escape.html(feed.title))</span></a>"
    }
}
