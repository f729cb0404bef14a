import Foundation

/// A blog of `posts` generated posts for tests that need size: German Markdown with every feature
/// the renderer treats specially (headings, German quotes, tables with alignment, footnotes, task
/// lists, site-relative links with anchors, images with and without title, external and own-host
/// links, mail links, code), front matter in all three date forms, tags, 1–2 Handlungsfelder,
/// summaries on some posts only, updates, aliases and drafts. Deterministic: the same `posts` and
/// `seed` give the same files (a linear congruential generator decides, nothing else).
/// The Python corpus generator (tools/bench/gen-corpus.py) is the benchmark's; this one keeps the
/// tests free of Python.
enum GeneratedBlog {
    static let fields = ["arbeit", "bildung", "gesundheit", "wohnen"]
    static let tags = ["Ehrenamt", "Pflege", "Kita", "Schule", "Ausbildung", "Familie", "Senioren", "Armut",
                       "Wohngeld", "ÖPNV", "Inklusion", "Barrierefreiheit", "Sprachkurs", "Demokratie",
                       "Sozialbericht", "Hochschule Mittweida", "Döbeln", "Freiberg", "Roßwein", "Kinderschutz"]
    static let places = ["Freiberg", "Döbeln", "Mittweida", "Hainichen", "Flöha", "Roßwein", "Großschirma"]
    static let topics = ["Ehrenamt", "Pflege", "Kinderbetreuung", "Schulsozialarbeit", "Wohnungslosigkeit",
                         "Altersarmut", "Sprachförderung", "Mobilität", "Einsamkeit im Alter", "Frühe Hilfen"]

    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    /// Writes the blog into a new site folder (theme, config and pages from `TestSite.make`).
    static func make(posts: Int, seed: UInt64 = 20240611, rawHTML: Bool = false) throws -> String {
        let site = try TestSite.make()
        try TestSite.write(site + "/site-config.json", """
            {
              "baseURL": "https://example.org",
              "title": "Generierter Blog",
              "description": "Viele Beiträge für Tests",
              "language": "de-DE",
              "timeZone": "Europe/Berlin",
              "theme": "standard",
              "itemsPerPage": 10,
              "markdown": {"rawHTML": \(rawHTML), "germanQuotes": true},
              "menus": {"haupt": [{"title": "Start", "url": "/"}, {"title": "Handlungsfelder", "url": "/handlungsfelder/"}],
                        "fuss": [{"title": "Impressum", "url": "/impressum/"}]},
              "feeds": {"items": 20}
            }
            """)
        for (order, slug) in fields.enumerated() where slug != "arbeit" && slug != "bildung" {
            try TestSite.write(site + "/content/handlungsfelder/\(slug).md", """
                ---
                title: \(slug.uppercased())
                label: \(slug.capitalized)
                order: \(order + 3)
                summary: Alles zu \(slug.capitalized).
                ---
                Beschreibung von **\(slug)**.
                """)
        }
        for name in ["a", "b"] {
            try TestSite.write(site + "/content/static/bilder/\(name).svg", """
                <svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360" role="img" aria-label="Bild \(name)"><title>Bild \(name)</title><rect width="640" height="360" fill="#ddd"/></svg>
                """)
        }
        var random = Random(state: seed)
        var written: [(url: String, anchor: String, draft: Bool)] = []
        var usedSlugs = Set<String>()
        for i in 0..<posts {
            let place = random.pick(places), topic = random.pick(topics)
            var title = "\(topic) in \(place): Teil \(i + 1)"
            if random.next(5) == 0 { title = "„\(topic)“ – ein Besuch in \(place) (\(i + 1))" }
            let slug = "beitrag-\(i + 1)-" + (random.next(2) == 0 ? "a" : "b")
            guard usedSlugs.insert(slug).inserted else { continue }
            // Dates spread over ten years, in the three accepted forms.
            let day = 1 + (i * 37) % 3650
            let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: day,
                                                             to: DateComponents(calendar: Calendar(identifier: .gregorian),
                                                                                year: 2015, month: 1, day: 1).date!)!
            let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
            let ymd = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
            let hour = 8 + random.next(10)
            let dateText = [ymd, "\(ymd) \(String(format: "%02d", hour)):15",
                            "\(ymd)T\(String(format: "%02d", hour)):30:00+01:00"][i % 3]
            let url = String(format: "/%04d/%02d/%@/", c.year!, c.month!, slug)
            let draft = i % 41 == 7
            var front = ["title: \"\(title.replacingOccurrences(of: "\"", with: "\\\""))\"", "date: \(dateText)", "slug: \(slug)"]
            var myTags: [String] = []
            for _ in 0..<(1 + random.next(4)) {
                let tag = random.pick(tags)
                if !myTags.contains(tag) { myTags.append(tag) }
            }
            front.append("tags: [\(myTags.joined(separator: ", "))]")
            let first = random.pick(fields), second = random.pick(fields)
            front.append("handlungsfelder: [\(first == second ? first : first + ", " + second)]")
            if random.next(3) > 0 { front.append("summary: \"Kurz gesagt: \(topic) in \(place).\"") }
            if i % 5 == 0 { front.append("author: \"\(random.pick(["Anna Müller", "Jonas Weber", "Redaktion"]))\"") }
            if i % 9 == 0 { front.append("image: /bilder/\(random.pick(["a", "b"])).svg"); front.append("image_alt: \"Diagramm zu \(topic)\"") }
            if i % 13 == 0 { front.append("updated: \(ymd) 20:00") }
            if i % 17 == 0 { front.append("aliases: [/alt/\(slug)/]") }
            if draft { front.append("draft: true") }

            var body: [String] = []
            body.append("\"\(topic)\" ist in \(place) ein Thema, sagt die Redaktion. Es geht um *Teilhabe* und **Hilfe** – auch für Kinder's Wohl.")
            body.append("## Ausgangslage")
            body.append((0..<(2 + random.next(6))).map { _ in
                random.pick(["Die Zahl der Anfragen ist gestiegen.", "Viele Angebote leben vom Ehrenamt.",
                             "Auf dem Land sind die Wege weit; der Bus fährt selten.",
                             "Die Beratung ist kostenfrei und vertraulich.", "Mehr steht im Sozialbericht 2024."])
            }.joined(separator: " "))
            if let target = written.last(where: { !$0.draft }) {
                body.append("Lesen Sie auch [den letzten Beitrag](\(target.url)) und [den Abschnitt](\(target.url)#\(target.anchor)).")
            }
            body.append("Weitere Informationen gibt es beim [Landkreis](https://www.landkreis-mittelsachsen.de/ \"Landkreis Mittelsachsen\"), "
                        + "auf [unserer Startseite](https://example.org/), im [Impressum](/impressum/), zum [Handlungsfeld](/handlungsfelder/\(first)/) "
                        + "und per [E-Mail](mailto:redaktion@example.org). Siehe auch [oben](#ausgangslage).")
            if i % 4 == 0 {
                body.append("| Jahr | Wert | Veränderung |\n|:---|---:|:---:|\n| 2023 | 12,5 % | +0,3 |\n| 2024 | 13,1 % | +0,6 |")
            }
            if i % 3 == 0 {
                body.append("Die Daten stammen aus amtlichen Statistiken.[^1]\n\n[^1]: Statistisches Landesamt Sachsen, \(ymd).")
            }
            if i % 6 == 0 { body.append("- [x] Antrag gestellt\n- [ ] Termin vereinbart\n  - mit `Code` und ~~alt~~ neu") }
            if i % 7 == 0 { body.append("![Diagramm \(i)](/bilder/a.svg \"Titel des Bildes\")\n\n![Zweites Bild](/bilder/b.svg)") }
            if i % 11 == 0 { body.append("```\n<a href=\"/nicht/verlinkt/\">Code</a>\n```") }
            if rawHTML && i % 10 == 0 { body.append("<div class=\"kasten\"><a href=\"/impressum/\">Impressum</a></div>") }
            let anchor = random.next(2) == 0 ? "ausgangslage" : "was-sich-aendert"
            body.append("## Was sich ändert\n\n> \"\(random.pick(["Wir helfen gern", "Niemand soll allein bleiben"]))\", sagt \(random.pick(["Frau Lehmann", "Herr Richter"])).")
            let folder = String(format: "%04d", c.year!)
            try TestSite.write(site + "/content/beitraege/\(folder)/\(slug).md",
                               "---\n" + front.joined(separator: "\n") + "\n---\n\n" + body.joined(separator: "\n\n") + "\n")
            written.append((url, anchor, draft))
        }
        return site
    }
}
