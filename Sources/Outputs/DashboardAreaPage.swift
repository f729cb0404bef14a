import Charts
import Data
import Support

/// The page of one area: a Gemeinde (`/daten/gemeinden/<slug>/`), a Sozialregion
/// (`/daten/sozialregionen/<n>/`) or the Landkreis (`/daten/landkreis/`). Every indicator with a
/// value for the area: newest value, change, rank, comparison with the Sozialregion and the
/// Kreis, a sparkline; then every value in one table.
struct DashboardAreaPage {
    let model: DashboardModel
    let area: Area

    var areas: AreaCatalog { model.areas }
    var region: Area? { areas.sozialregion(of: area) }
    var kreis: Area? { area.level == .kreis ? nil : areas.kreis }

    func page() -> DashboardPage {
        let datasets = model.datasets(for: area)
        var body = "<div class=\"daten\">\n" + lead()
        body += mergerNote()
        if datasets.contains(where: { $0.indicator.example }) {
            body += DashboardHTML.exampleNote("Die mit „Beispieldaten“ markierten Kennzahlen sind erfunden.")
        }
        var sections: [(id: String, title: String)] = []
        var content = ""
        if area.level == .sozialregion {
            sections.append(("lage", "Lage und Gemeinden"))
            content += section("lage", "Lage und Gemeinden") + regionMap() + memberList() + "</section>\n"
        }
        if area.level == .kreis {
            sections.append(("regionen", "Sozialregionen"))
            content += section("regionen", "Sozialregionen") + regionList() + "</section>\n"
        }
        if datasets.isEmpty {
            content += "<p>Für \(DashboardHTML.h(area.name)) liegen noch keine Kennzahlen vor.</p>\n"
        } else {
            sections.append(("kennzahlen", "Kennzahlen im Vergleich"))
            content += section("kennzahlen", "Kennzahlen im Vergleich") + intro() + "<ul class=\"kennzahlen kennzahlen--profil\">\n"
            // The comparison areas and their labels once per page, not once per card.
            let comparisons = [region, kreis].compactMap { $0 }.map { (area: $0, label: DashboardValues.label($0)) }
            // All cards into one buffer, made a string once.
            var cards: [UInt8] = []
            cards.reserveCapacity(datasets.count * 2048)
            for dataset in datasets { appendCard(dataset, comparisons: comparisons, to: &cards) }
            content += String(decoding: cards, as: UTF8.self)
            content += "</ul>\n</section>\n"
            sections.append(("tabelle", "Alle Werte"))
            content += section("tabelle", "Alle Werte") + table(datasets) + "</section>\n"
        }
        sections.append(("downloads", "Downloads"))
        content += DashboardIndexPages.downloadsSection(model: model, headingID: "downloads", level: 2)
        body += DashboardHTML.sectionNav(sections) + content + "</div>\n"

        var crumbs = [DashboardPaths.overviewCrumb]
        switch area.level {
        case .gemeinde: crumbs.append(("Gemeinden", DashboardPaths.gemeinden))
        case .sozialregion: crumbs.append(("Sozialregionen", DashboardPaths.sozialregionen))
        case .kreis: break
        }
        crumbs.append((area.name, area.url))
        let what = area.level == .kreis ? "im \(area.name)" : "für \(area.name)"
        return DashboardPage(url: area.url, title: area.name,
                             description: "Kennzahlen \(what): neueste Werte, Entwicklung und Vergleich\(area.level == .kreis ? " mit den Sozialregionen" : " mit Sozialregion und Landkreis").",
                             body: body, breadcrumbs: crumbs)
    }

    func section(_ id: String, _ title: String) -> String {
        "<section class=\"daten-abschnitt\" aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(DashboardHTML.h(title))</h2>\n"
    }

    func lead() -> String {
        let h = DashboardHTML.h
        var text: String
        switch area.level {
        case .gemeinde:
            text = "\(area.isStadt ? "Stadt" : "Gemeinde") im Landkreis Mittelsachsen"
            if let region { text = h(text) + ", " + "Sozialregion " + DashboardHTML.link(region.url, region.shortName) } else { text = h(text) }
        case .sozialregion:
            let members = areas.members(ofSozialregion: area.sozialregion ?? 0).filter { g in model.currentGemeinden.contains { $0.key == g.key } }
            text = h("Eine von \(areas.sozialregionen.count) Sozialregionen im Landkreis Mittelsachsen, mit \(DashboardWording.count(members.count, "Stadt oder Gemeinde", "Städten und Gemeinden"))")
        case .kreis:
            text = h("Der Landkreis mit seinen \(areas.sozialregionen.count) Sozialregionen und \(DashboardWording.count(model.currentGemeinden.count, "Stadt oder Gemeinde", "Städten und Gemeinden"))")
        }
        if let population = area.population2021 {
            text += h(" · \(GermanFormat.number(Double(population))) Einwohnerinnen und Einwohner am 31. Dezember 2021")
        }
        return "<p class=\"daten-lead\">\(text).</p>\n"
    }

    /// Jahnatal (from 2023) and the two Gemeinden it was formed of (until 2022).
    func mergerNote() -> String {
        let h = DashboardHTML.h
        var notes: [String] = []
        if let next = areas.successor(of: area), let end = area.validTo {
            let partners = areas.predecessors(of: next).filter { $0.key != area.key }
            var text = "\(h(area.name)) gibt es nur bis \(h(end.german)): Die Gemeinde wurde"
            text += partners.isEmpty ? " " : " mit \(partners.map { DashboardHTML.link($0.url, $0.name) }.joined(separator: " und ")) "
            text += "zur Gemeinde \(DashboardHTML.link(next.url, next.name)) zusammengeschlossen. Werte gibt es deshalb bis \(end.year); neuere Werte stehen bei \(h(next.name))."
            notes.append(text)
        }
        let before = areas.predecessors(of: area)
        if !before.isEmpty, let start = area.validFrom {
            notes.append("\(h(area.name)) ist am \(h(start.german)) aus \(before.map { DashboardHTML.link($0.url, $0.name) }.joined(separator: " und ")) entstanden. "
                + "Werte gibt es deshalb erst ab \(start.year); frühere Jahre stehen bei den bisherigen Gemeinden. "
                + "Die Reihen sind nicht einfach zusammenzuzählen: Quoten und Durchschnitte lassen sich nicht addieren.")
        }
        return notes.map { "<p class=\"daten-hinweis\"><strong>Gebietsänderung:</strong> \($0)</p>\n" }.joined()
    }

    func intro() -> String {
        switch area.level {
        case .gemeinde:
            return "<p>Neuester Wert jeder Kennzahl mit dem Wert der Sozialregion und des Landkreises im selben Jahr. "
                + "Der Rang zählt unter allen Gemeinden mit Wert (Rang 1 = höchster Wert). Die Linie zeigt den Verlauf, gestrichelt den Landkreis.</p>\n"
        case .sozialregion:
            return "<p>Neuester Wert jeder Kennzahl mit dem Wert des Landkreises im selben Jahr. "
                + "Der Rang zählt unter den Sozialregionen (Rang 1 = höchster Wert). Die Linie zeigt den Verlauf, gestrichelt den Landkreis.</p>\n"
        case .kreis:
            return "<p>Neuester Wert jeder Kennzahl, die Veränderung über den ganzen Zeitraum und die Spanne zwischen den Gemeinden.</p>\n"
        }
    }

    /// An indicator's card, appended as bytes (a profile page has a card per indicator, each of a few
    /// dozen pieces). `comparisons`: the Sozialregion and the Kreis (as far as they apply) with their labels.
    func appendCard(_ dataset: IndicatorDataset, comparisons: [(area: Area, label: String)], to out: inout [UInt8]) {
        let indicator = dataset.indicator
        let overview = DashboardOverviewPage(model: model)
        out.append(static: "<li class=\"kennzahl\">\n<h3 class=\"kennzahl-titel\">")
        DashboardBytes.link(indicator.url, indicator.title, into: &out)
        out.append(static: "</h3>\n")
        guard let latest = model.latestFigure(dataset, area: area.key) ?? model.latest(dataset, area: area.key) else {
            out.append(static: "</li>\n")
            return
        }
        out.append(static: "<p class=\"kennzahl-wert\">")
        out.appendUTF8(overview.figure(latest.state, indicator))
        out.append(static: "<span class=\"kennzahl-kontext\">")
        out.appendUTF8(String(latest.year))
        out.appendUTF8(overview.flagWords(latest.state))
        out.append(static: "</span></p>\n")
        // A count of the Kreis dwarfs a Gemeinde's on a shared scale: counts get no reference line.
        let isCount = DashboardValues.unit(indicator).kind == .count
        let spark = DashboardHTML.sparkline(dataset, area: area, reference: isCount ? nil : kreis)
        if !spark.isEmpty {
            out.append(static: "<div class=\"kennzahl-verlauf\">")
            out.appendUTF8(spark)
            out.append(static: "</div>\n")
        }
        var rows: [(String, String)] = []
        for other in comparisons {
            if let state = dataset.state(area: other.area.key, year: latest.year) {
                rows.append(("\(other.label) \(latest.year)", DashboardHTML.valueText(state, indicator)))
            }
        }
        if let change = model.change(dataset, area: area.key) {
            var text = DashboardWording.difference(change.difference, indicator)
            if isCount, change.first != 0 {
                let relative = change.difference / abs(change.first) * 100
                text += " (\(relative > 0 ? "+" : relative < 0 ? "−" : "±")\(GermanFormat.percent(abs(relative))))"
            } else {
                text += " (von \(DashboardWording.value(change.first, indicator)))"
            }
            if change.hasBreak { text += ", Reihe mit Bruch" }
            rows.append(("Veränderung seit \(change.firstYear)", text))
        }
        if let rank = model.rank(dataset, area: area.key, year: latest.year) {
            rows.append(("Rang \(latest.year)", "\(rank.rank) von \(rank.count) \(area.level == .gemeinde ? "Gemeinden" : "Sozialregionen")"))
        }
        if area.level == .kreis {
            let year = DashboardCharts(dataset: dataset, areas: areas).latestYear(among: areas.gemeinden)
            if let year {
                let values = areas.gemeinden.compactMap { dataset.state(area: $0.key, year: year)?.number }
                if let lo = values.min(), let hi = values.max(), values.count > 1 {
                    rows.append(("Gemeinden \(year)", "\(DashboardWording.value(lo, indicator)) bis \(DashboardWording.value(hi, indicator))"))
                }
            }
        }
        if !rows.isEmpty {
            out.append(static: "<dl class=\"kennzahl-vergleich\">\n")
            for (term, value) in rows {
                out.append(static: "<div><dt>")
                Escape.appendHTML(term, to: &out)
                out.append(static: "</dt><dd>")
                Escape.appendHTML(value, to: &out)
                out.append(static: "</dd></div>\n")
            }
            out.append(static: "</dl>\n")
        }
        out.appendUTF8(overview.newerSymbol(dataset, area: area, after: latest.year))
        if indicator.example {
            out.append(static: "<p class=\"kennzahl-marke\">")
            out.appendUTF8(DashboardHTML.exampleBadge)
            out.append(static: "</p>\n")
        }
        out.append(static: "</li>\n")
    }

    /// Indicators down, years across. Written as bytes (see `DashboardBytes`).
    func table(_ datasets: [IndicatorDataset]) -> String {
        // Each indicator's states of the area once: they give the years and then the cells.
        let rows = datasets.map { $0.yearStates(area: area.key) }
        let years = Array(Set(rows.flatMap { $0.map(\.year) })).sorted()
        var out: [UInt8] = []
        out.reserveCapacity(2048 + datasets.count * (years.count * 40 + 200))
        DashboardBytes.openValueTable(into: &out)
        out.append(static: "Alle Werte für ")
        Escape.appendHTML(area.name, to: &out)
        out.append(static: "</caption>\n<thead><tr><th scope=\"col\">Kennzahl</th><th scope=\"col\">Einheit</th>")
        DashboardBytes.yearHeaders(years, into: &out)
        for (dataset, states) in zip(datasets, rows) {
            let i = dataset.indicator
            out.append(static: "<tr><th scope=\"row\">")
            DashboardBytes.link(i.url, i.title, into: &out)
            out.append(static: "</th><td class=\"daten-einheit\">")
            Escape.appendHTML(i.unit, to: &out)
            out.append(static: "</td>")
            DashboardBytes.rowCells(years: years, states: states, area: area, decimals: i.decimals, into: &out)
            out.append(static: "</tr>\n")
        }
        DashboardBytes.closeValueTable(into: &out)
        out.append(static: "<p class=\"daten-klein\">Zeichen: siehe ")
        DashboardBytes.link("/daten/#zeichen", "Zeichenerklärung", into: &out)
        out.append(static: ".</p>\n")
        return String(decoding: out, as: UTF8.self)
    }

    /// Sozialregion page: where the region lies, with the newest population (or first indicator) on the tiles.
    func regionMap() -> String {
        let candidates = model.datasets.filter { d in areas.sozialregionen.contains { d.hasValues(area: $0.key) } }
        guard let dataset = candidates.first(where: { $0.slug == "bevoelkerung" }) ?? candidates.first else { return "" }
        let charts = DashboardCharts(dataset: dataset, areas: areas)
        guard let year = charts.latestYear(among: areas.sozialregionen) else { return "" }
        let title = "Die Sozialregion \(area.shortName) im Landkreis"
        var spec = charts.tiles(year: year, highlight: area, title: title)
        spec.subtitle = "Schematische Karte der \(areas.sozialregionen.count) Sozialregionen, hervorgehoben \(area.shortName); Werte: "
            + DashboardValues.subtitle(dataset.indicator, extra: "\(year)")
        return Chart(.tileMap(), spec).figureHTML(RenderOptions(idPrefix: "diagramm-lage", headingLevel: 3,
                                                            csvHref: DashboardDownloads.indicatorCSVPath(dataset.slug)))
    }

    func memberList() -> String {
        let h = DashboardHTML.h
        let members = areas.members(ofSozialregion: area.sozialregion ?? 0)
        guard !members.isEmpty else { return "" }
        var out = "<h3 id=\"gemeinden\">Städte und Gemeinden der Region</h3>\n<ul class=\"daten-spalten\">\n"
        for member in members.sorted(by: { Slug.fold($0.name) < Slug.fold($1.name) }) {
            var note: [String] = []
            if let population = member.population2021 { note.append("\(GermanFormat.number(Double(population))) Einw. 2021") }
            if member.validTo != nil || member.validFrom != nil { note.append(member.validityDescription) }
            out += "<li>\(DashboardHTML.link(member.url, member.name))"
            if !note.isEmpty { out += " <span class=\"daten-klein\">(\(h(note.joined(separator: ", "))))</span>" }
            out += "</li>\n"
        }
        return out + "</ul>\n"
    }

    func regionList() -> String {
        "<ul class=\"daten-wege\">\n" + areas.sozialregionen.map { region in
            let members = model.currentGemeinden.filter { $0.sozialregion == region.sozialregion }
            return "<li>\(DashboardHTML.link(region.url, region.name))<span>\(DashboardHTML.h(DashboardWording.count(members.count, "Gemeinde", "Gemeinden")))</span></li>\n"
        }.joined() + "</ul>\n"
    }
}
