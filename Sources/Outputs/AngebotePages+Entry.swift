import Content
import Foundation
import Support

extension AngebotePages.Renderer {
    /// `/angebote/<slug>/`.
    func entryPage(_ entry: ServiceEntry) -> OutputFile {
        let h = AngeboteHTML.h
        let body = site.body(of: entry.source)
        let description = entry.subtitle
            ?? nonEmptyExcerpt(body?.plainText, limit: 160)
            ?? "\(ServiceVocabulary.label(entry.category, in: ServiceVocabulary.categories)) in \(entry.gemeinde.name)"
        var html = "<div class=\"angebot\">\n"
        if entry.isExample {
            html += "<p class=\"angebote-hinweis\" role=\"note\"><strong>Beispieleintrag:</strong> Dieses Angebot ist "
                + "erfunden und zeigt nur, wie ein Eintrag aussieht. Telefonnummern und Adressen führen ins Leere.</p>\n"
        }
        html += "<div class=\"angebot__raster\">\n<div class=\"angebot__haupt\">\n"
        html += facts(entry)
        if let body, !body.html.isEmpty {
            html += "<div class=\"prose angebot__beschreibung\">\n\(body.html)</div>\n"
        }
        html += openingHoursSection(entry)
        html += goodToKnow(entry)
        html += accessibilitySection(entry)
        html += "</div>\n"
        html += contactSection(entry)
        html += "</div>\n"
        if let posts = postsByEntry[entry.slug], !posts.isEmpty {
            html += "<section class=\"angebot__abschnitt\" aria-labelledby=\"angebot-beitraege\">\n"
                + "<h2 id=\"angebot-beitraege\">Beiträge zu diesem Angebot</h2>\n<ul class=\"angebot__beitraege\">\n"
            for post in posts {
                html += "<li><a href=\"\(h(post.url))\">\(h(post.title))</a> "
                    + "<span class=\"angebot__datum\">(<time datetime=\"\(GermanFormat.isoDay(post.date))\">"
                    + "\(GermanFormat.longDate(post.date))</time>)</span></li>\n"
            }
            html += "</ul>\n</section>\n"
        }
        html += "<p class=\"angebot__stand\">Stand der Angaben: <time datetime=\"\(GermanFormat.isoDay(entry.checked))\">"
            + "\(GermanFormat.longDate(entry.checked))</time>."
        if !config.contact.email.isEmpty {
            html += " Stimmt etwas nicht mehr? Schreiben Sie an "
                + "<a href=\"mailto:\(h(config.contact.email))\">\(h(config.contact.email))</a>."
        }
        html += "</p>\n</div>\n"
        let kicker = ServiceVocabulary.label(entry.category, in: ServiceVocabulary.categories)
        return page(url: entry.url, title: entry.name, kicker: kicker, lead: entry.subtitle, description: description,
                    html: html,
                    breadcrumbs: [(settings.title, AngebotePages.overviewURL), (entry.name, entry.url)],
                    jsonLD: AngeboteJSONLD.entry(entry, description: nonEmptyExcerpt(body?.plainText, limit: 500)
                                                    ?? description, config: config))
    }

    private func nonEmptyExcerpt(_ text: String?, limit: Int) -> String? {
        let excerpt = SitePages.Text.excerpt(text ?? "", limit: limit)
        return excerpt.isEmpty ? nil : excerpt
    }

    /// Träger, kind, groups, fields and place, each linked to its filter page.
    private func facts(_ entry: ServiceEntry) -> String {
        let h = AngeboteHTML.h
        func links(_ facetKey: String, _ slugs: [String], label: (String) -> String) -> String {
            let urls = facetURLs[facetKey]
            return slugs.map { slug in
                let text = h(label(slug))
                guard let url = urls?[slug] else { return text }
                return "<a href=\"\(url)\">\(text)</a>"
            }.joined(separator: ", ")
        }
        var html = "<dl class=\"angebot__fakten\">\n"
        html += "<div><dt>Träger</dt><dd>\(h(entry.provider))</dd></div>\n"
        html += "<div><dt>Kategorie</dt><dd>"
            + links("kat", [entry.category]) { ServiceVocabulary.label($0, in: ServiceVocabulary.categories) }
            + " (Bereich \(h(ServiceVocabulary.label(entry.sector, in: ServiceVocabulary.sectors))))</dd></div>\n"
        html += "<div><dt>Für wen</dt><dd>"
            + links("zg", entry.targetGroups) { ServiceVocabulary.label($0, in: ServiceVocabulary.targetGroups) }
            + "</dd></div>\n"
        html += "<div><dt>Handlungsfelder</dt><dd>"
            + links("hf", entry.handlungsfelder) { fieldLabels[$0] ?? $0 } + "</dd></div>\n"
        html += "<div><dt>Ort</dt><dd>" + links("gemeinde", [entry.gemeinde.slug]) { _ in entry.gemeinde.name }
            + " (" + links("region", [String(entry.gemeinde.sozialregion)]) { _ in entry.gemeinde.sozialregionName }
            + ")</dd></div>\n"
        return html + "</dl>\n"
    }

    /// Monday to Sunday as a table; closed days say so. No „heute geöffnet“: a static page
    /// cannot know today's date without the visitor's clock.
    private func openingHoursSection(_ entry: ServiceEntry) -> String {
        let h = AngeboteHTML.h
        var html = "<section class=\"angebot__abschnitt\" aria-labelledby=\"angebot-zeiten\">\n"
            + "<h2 id=\"angebot-zeiten\">Öffnungszeiten</h2>\n"
        if entry.openingHours.isEmpty {
            if entry.openingHoursNote == nil {
                html += "<p>Zu den Öffnungszeiten liegen keine Angaben vor. Bitte fragen Sie vorher nach.</p>\n"
            }
        } else {
            html += "<table class=\"angebot-zeiten\">\n<caption class=\"visually-hidden\">Öffnungszeiten von "
                + "\(h(entry.name))</caption>\n<thead><tr><th scope=\"col\">Tag</th><th scope=\"col\">Zeiten</th></tr></thead>\n<tbody>\n"
            for day in OpeningHours.week(entry.openingHours) {
                let cell = day.isClosed ? "<span class=\"angebot-zeiten__zu\">geschlossen</span>"
                                        : day.spans.map(h).joined(separator: "<br>")
                html += "<tr><th scope=\"row\">\(day.day.name)</th><td>\(cell)</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        if let note = entry.openingHoursNote { html += "<p class=\"angebot__hinweis\">\(h(note))</p>\n" }
        if let appointment = entry.appointmentNeeded {
            html += "<p class=\"angebot__termin\">" + (appointment ? "Bitte vereinbaren Sie vorher einen Termin."
                                                                   : "Sie können ohne Termin kommen.") + "</p>\n"
        }
        return html + "</section>\n"
    }

    private func goodToKnow(_ entry: ServiceEntry) -> String {
        let h = AngeboteHTML.h
        var rows: [(String, String)] = []
        if let costs = entry.costs { rows.append(("Kosten", h(costs))) }
        if !entry.languages.isEmpty { rows.append(("Sprachen", h(entry.languages.joined(separator: ", ")))) }
        if entry.online { rows.append(("Online", "Beratung oder Hilfe auch online möglich")) }
        if let area = entry.catchmentArea { rows.append(("Einzugsgebiet", h(area))) }
        if !entry.keywords.isEmpty { rows.append(("Stichworte", h(entry.keywords.joined(separator: ", ")))) }
        guard !rows.isEmpty else { return "" }
        return "<section class=\"angebot__abschnitt\" aria-labelledby=\"angebot-gut-zu-wissen\">\n"
            + "<h2 id=\"angebot-gut-zu-wissen\">Gut zu wissen</h2>\n<dl class=\"angebot__fakten\">\n"
            + rows.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>\n" }.joined()
            + "</dl>\n</section>\n"
    }

    private func accessibilitySection(_ entry: ServiceEntry) -> String {
        let h = AngeboteHTML.h
        var html = "<section class=\"angebot__abschnitt\" aria-labelledby=\"angebot-barrierefreiheit\">\n"
            + "<h2 id=\"angebot-barrierefreiheit\">Barrierefreiheit</h2>\n"
        if entry.accessibility.isEmpty {
            html += "<p>Zur Barrierefreiheit liegen keine Angaben vor. Bitte fragen Sie vor Ihrem Besuch nach.</p>\n"
        } else {
            html += "<ul class=\"angebot__merkmale\">\n" + entry.accessibility.map {
                "<li>\(h(ServiceVocabulary.label($0, in: ServiceVocabulary.accessibility)))</li>\n"
            }.joined() + "</ul>\n"
        }
        if let note = entry.accessibilityNote { html += "<p class=\"angebot__hinweis\">\(h(note))</p>\n" }
        return html + "</section>\n"
    }

    /// Address, phone (`tel:`), e-mail (`mailto:`), website, the map link and the vCard.
    private func contactSection(_ entry: ServiceEntry) -> String {
        let h = AngeboteHTML.h
        var html = "<aside class=\"angebot__kontakt\" aria-labelledby=\"angebot-kontakt\">\n"
            + "<h2 id=\"angebot-kontakt\">Kontakt</h2>\n"
        if let address = entry.address {
            html += "<address class=\"angebot__adresse\">\(h(entry.name))<br>\(h(address.street))<br>"
                + "\(h(address.postalCode)) \(h(address.city))"
                + (address.district.map { "<br>Ortsteil \(h($0))" } ?? "") + "</address>\n"
        } else {
            html += "<p class=\"angebot__adresse\">\(h(entry.gemeinde.name)) – keine Besuchsadresse veröffentlicht.</p>\n"
        }
        var channels: [(String, String)] = []
        let contact = entry.contact
        if let phone = contact.phone { channels.append(("Telefon", "<a href=\"\(h(phone.href))\">\(h(phone.written))</a>")) }
        if let hotline = contact.hotline {
            channels.append(("Hotline", "<a href=\"\(h(hotline.href))\">\(h(hotline.written))</a>"))
        }
        if let email = contact.email { channels.append(("E-Mail", "<a href=\"mailto:\(h(email))\">\(h(email))</a>")) }
        if let website = contact.website {
            channels.append(("Website", AngeboteHTML.externalLink(website, AngeboteHTML.shortURL(website))))
        }
        if let role = contact.role { channels.append(("Zuständig", h(role))) }
        if !channels.isEmpty {
            html += "<dl class=\"angebot__kanaele\">\n"
                + channels.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>\n" }.joined() + "</dl>\n"
        }
        if let note = contact.note { html += "<p class=\"angebot__hinweis\">\(h(note))</p>\n" }
        html += "<ul class=\"angebot__aktionen\">\n"
        if let coordinates = entry.coordinates {
            html += "<li>" + AngeboteHTML.externalLink(AngebotePages.mapURL(coordinates), "Auf der Karte zeigen (OpenStreetMap)")
                + "</li>\n"
        }
        html += "<li><a href=\"\(entry.vCardURL)\" download=\"\(entry.slug).vcf\" type=\"text/vcard\">"
            + "Kontakt speichern (vCard)</a></li>\n"
        return html + "</ul>\n</aside>\n"
    }
}
