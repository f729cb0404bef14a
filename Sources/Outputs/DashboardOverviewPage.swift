import Data
import Support

/// `/daten/`: ways into the data, key figures of the Kreis by Handlungsfeld (value, trend,
/// decorative sparkline), the downloads and the Zeichenerklärung.
struct DashboardOverviewPage {
    let model: DashboardModel

    func page() -> DashboardPage {
        let h = DashboardHTML.h
        let areas = model.areas
        let gemeinden = model.currentGemeinden
        var body = "<div class=\"daten\">\n"
        body += "<p class=\"daten-lead\">Zahlen zur sozialen Lage im Landkreis Mittelsachsen: für den Landkreis, "
            + "seine \(areas.sozialregionen.count) Sozialregionen und \(DashboardWording.count(gemeinden.count, "Stadt oder Gemeinde", "Städte und Gemeinden")). "
            + "Zu jeder Zahl gehören Quelle, Datenstand und eine Erklärung; alle Werte gibt es zum Herunterladen.</p>\n"
        if model.hasExamples {
            body += DashboardHTML.exampleNote("Die mit „Beispieldaten“ markierten Kennzahlen sind erfunden.")
        }
        body += DashboardHTML.sectionNav(
            [("kennzahlen", "Kennzahlen nach Handlungsfeldern"), ("gebiete", "Landkreis, Sozialregionen und Gemeinden"),
             ("downloads", "Downloads"), ("zeichen", "Zeichenerklärung")])

        body += "<section class=\"daten-abschnitt\" aria-labelledby=\"kennzahlen\">\n"
        body += "<h2 id=\"kennzahlen\">Kennzahlen nach Handlungsfeldern</h2>\n"
        body += "<p>Neuester Wert für den Landkreis und sein Verlauf. Ein Klick auf eine Kennzahl zeigt die Sozialregionen "
            + "und Gemeinden im Vergleich, alle Werte und die Definition.</p>\n"
        var seenIDs = Set<String>()
        for field in model.handlungsfelder {
            let datasets = model.datasets.filter { $0.indicator.handlungsfelder.contains(field.slug) }
            guard !datasets.isEmpty else { continue }
            let id = "hf-" + field.slug
            guard seenIDs.insert(id).inserted else { continue }
            body += "<section class=\"daten-hf hf-\(h(field.slug))\" aria-labelledby=\"\(h(id))\">\n"
            body += "<h3 id=\"\(h(id))\" class=\"daten-hf-titel\">\(h(field.label))</h3>\n"
            body += "<ul class=\"kennzahlen\">\n"
            for dataset in datasets { body += card(dataset) }
            body += "</ul>\n"
            body += "<p class=\"daten-hf-mehr\">\(DashboardHTML.link(field.url, "Beiträge im Handlungsfeld \(field.label)"))</p>\n"
            body += "</section>\n"
        }
        let unassigned = model.datasets.filter { d in !d.indicator.handlungsfelder.contains { model.handlungsfeld($0) != nil } }
        if !unassigned.isEmpty {
            body += "<section class=\"daten-hf\" aria-labelledby=\"hf-weitere\">\n<h3 id=\"hf-weitere\" class=\"daten-hf-titel\">Weitere Kennzahlen</h3>\n"
            body += "<ul class=\"kennzahlen\">\n" + unassigned.map(card).joined() + "</ul>\n</section>\n"
        }
        body += "</section>\n"

        body += "<section class=\"daten-abschnitt\" aria-labelledby=\"gebiete\">\n<h2 id=\"gebiete\">Landkreis, Sozialregionen und Gemeinden</h2>\n"
        body += "<p>Jede Gebietsseite zeigt alle Kennzahlen des Gebiets im Vergleich mit der Sozialregion und dem Landkreis.</p>\n"
        body += "<ul class=\"daten-wege\">\n"
        if let kreis = areas.kreis {
            body += "<li>\(DashboardHTML.link(kreis.url, kreis.name))<span>alle Kennzahlen des Landkreises</span></li>\n"
        }
        body += "<li>\(DashboardHTML.link(DashboardPaths.sozialregionen, "Sozialregionen"))<span>\(areas.sozialregionen.count) Regionen mit ihren Gemeinden</span></li>\n"
        body += "<li>\(DashboardHTML.link(DashboardPaths.indicators, "Alle Kennzahlen"))<span>\(DashboardWording.count(model.datasets.count, "Indikator", "Indikatoren")) mit Definition und Quelle</span></li>\n"
        body += "</ul>\n"
        body += "<h3 id=\"gemeinden\">Städte und Gemeinden</h3>\n"
        body += DashboardIndexPages.gemeindeList(gemeinden)
        body += "</section>\n"

        body += DashboardIndexPages.downloadsSection(model: model, headingID: "downloads", level: 2)
        body += "<section class=\"daten-abschnitt\" aria-labelledby=\"zeichen\">\n<h2 id=\"zeichen\">Zeichenerklärung</h2>\n"
        body += "<p>Tabellen und Downloads verwenden die Zeichen der amtlichen Statistik. Keines davon bedeutet null, außer „–“.</p>\n"
        body += DashboardHTML.symbolLegend() + "</section>\n"
        body += "</div>\n"
        return DashboardPage(url: DashboardPaths.overview, title: "Daten und Karten",
                             description: "Kennzahlen zur sozialen Lage im Landkreis Mittelsachsen, seinen Sozialregionen und Gemeinden – mit Quellen und zum Herunterladen.",
                             body: body, breadcrumbs: [DashboardPaths.overviewCrumb])
    }

    /// Key figure of the Kreis: value, year, trend in words, decorative sparkline.
    func card(_ dataset: IndicatorDataset) -> String {
        let h = DashboardHTML.h
        let indicator = dataset.indicator
        var out = "<li class=\"kennzahl\">\n"
        out += "<h4 class=\"kennzahl-titel\">\(DashboardHTML.link(indicator.url, indicator.title))</h4>\n"
        let place = model.kreis.flatMap { kreis in !dataset.hasValues(area: kreis.key) ? nil : kreis }
        if let place, let latest = model.latestFigure(dataset, area: place.key) {
            out += "<p class=\"kennzahl-wert\">" + figure(latest.state, indicator)
                + "<span class=\"kennzahl-kontext\">Landkreis, \(latest.year)\(flagWords(latest.state))</span></p>\n"
            out += "<div class=\"kennzahl-verlauf\">\(DashboardHTML.sparkline(dataset, area: place, reference: nil))</div>\n"
            if let change = model.change(dataset, area: place.key) {
                out += "<p class=\"kennzahl-trend\">\(h(changeText(change, indicator)))</p>\n"
            }
            out += newerSymbol(dataset, area: place, after: latest.year)
        } else {
            let levels = dataset.levels(in: model.areas)
            out += "<p class=\"kennzahl-kontext\">\(levels.contains(.gemeinde) ? "Werte für Gemeinden" : "Werte für Sozialregionen")</p>\n"
        }
        if indicator.example { out += "<p class=\"kennzahl-marke\">\(DashboardHTML.exampleBadge)</p>\n" }
        out += "</li>\n"
        return out
    }

    /// "2023: Angabe fällt später an (…)" when the newest year has a symbol instead of a figure.
    func newerSymbol(_ dataset: IndicatorDataset, area: Area, after year: Int) -> String {
        guard let newest = model.latest(dataset, area: area.key), newest.year > year, newest.state.number == nil else { return "" }
        return "<p class=\"kennzahl-trend\">\(newest.year): \(DashboardHTML.h(newest.state.germanExplanation ?? "kein Wert")) "
            + "(\(DashboardHTML.cell(newest.state, decimals: dataset.indicator.decimals)))</p>\n"
    }

    /// The big number with its unit, or the symbol with its meaning.
    func figure(_ state: ValueState, _ indicator: Indicator) -> String {
        let h = DashboardHTML.h
        guard let number = state.number else {
            return "<span class=\"kennzahl-zahl\">\(DashboardHTML.cell(state, decimals: indicator.decimals))</span>"
        }
        var out = "<span class=\"kennzahl-zahl\">\(h(DashboardWording.value(number, indicator)))</span>"
        if let unit = DashboardWording.unitLine(indicator) { out += "<span class=\"kennzahl-einheit\">\(h(unit))</span>" }
        return out
    }

    func flagWords(_ state: ValueState) -> String {
        let words = state.flags.subtracting(.seriesBreak).german
        return words.isEmpty ? "" : ", " + words.joined(separator: ", ")
    }

    /// "2014: 10,4 % · seitdem −3,1 Prozentpunkte".
    func changeText(_ change: DashboardModel.Change, _ indicator: Indicator) -> String {
        var text = "\(change.firstYear): \(DashboardWording.value(change.first, indicator)) · seitdem "
            + DashboardWording.difference(change.difference, indicator)
        if change.hasBreak { text += " (Reihe mit Bruch, eingeschränkt vergleichbar)" }
        return text
    }
}
