import Data
import Support

/// The lists under `/daten/`: all indicators, all Gemeinden, all Sozialregionen; plus the
/// downloads section and the Gemeinde list the overview shares.
struct DashboardIndexPages {
    let model: DashboardModel

    func indicators() -> DashboardPage {
        let h = DashboardHTML.h
        var body = "<div class=\"daten\">\n<p class=\"daten-lead\">Alle Kennzahlen des Datenangebots mit ihrer Definition. "
            + "Jede Seite zeigt den Landkreis, die Sozialregionen und die Gemeinden im Vergleich.</p>\n"
        if model.hasExamples { body += DashboardHTML.exampleNote("Die mit „Beispieldaten“ markierten Kennzahlen sind erfunden.") }
        var table = "<table class=\"daten-liste\">\n<caption id=\"liste-beschriftung\">\(h(DashboardWording.count(model.datasets.count, "Kennzahl", "Kennzahlen")))</caption>\n"
        table += "<thead><tr><th scope=\"col\">Kennzahl</th><th scope=\"col\">Einheit</th><th scope=\"col\">Jahre</th><th scope=\"col\">Handlungsfelder</th></tr></thead>\n<tbody>\n"
        for dataset in model.datasets {
            let i = dataset.indicator
            let years = dataset.years
            let span = years.first.map { first in first == years.last ? "\(first)" : "\(first)–\(years.last!)" } ?? "–"
            let fields = i.handlungsfelder.compactMap(model.handlungsfeld).map { DashboardHTML.link($0.url, $0.label) }
            table += "<tr><th scope=\"row\">\(DashboardHTML.link(i.url, i.title))\(i.example ? " " + DashboardHTML.exampleBadge : "")"
                + "<br><span class=\"daten-klein\">\(h(i.definition))</span></th>"
                + "<td>\(h(i.unit))</td><td>\(span)</td><td>\(fields.joined(separator: ", "))</td></tr>\n"
        }
        table += "</tbody>\n</table>"
        body += DashboardHTML.scrollTable(table, labelID: "liste-beschriftung")
        body += Self.downloadsSection(model: model, headingID: "downloads", level: 2)
        body += "</div>\n"
        return DashboardPage(url: DashboardPaths.indicators, title: "Alle Kennzahlen",
                             description: "Alle Kennzahlen des Datenangebots von Landkreis Mittelsachsen mit Definition, Einheit und Zeitraum.",
                             body: body, breadcrumbs: [DashboardPaths.overviewCrumb, ("Kennzahlen", DashboardPaths.indicators)])
    }

    func gemeinden() -> DashboardPage {
        let current = model.currentGemeinden
        let former = model.areas.gemeinden.filter { g in !current.contains { $0.key == g.key } }
        var body = "<div class=\"daten\">\n<p class=\"daten-lead\">Die \(DashboardWording.count(current.count, "Stadt oder Gemeinde", "Städte und Gemeinden")) "
            + "des Landkreises Mittelsachsen. Jede Seite zeigt alle Kennzahlen der Gemeinde im Vergleich mit ihrer Sozialregion und dem Landkreis.</p>\n"
        body += Self.gemeindeList(current)
        if !former.isEmpty {
            body += "<h2 id=\"fruehere\">Frühere Gemeinden</h2>\n<p>Diese Gemeinden gibt es nicht mehr; ihre Werte bis zum Zusammenschluss bleiben abrufbar.</p>\n"
            body += "<ul class=\"daten-spalten\">\n"
            for area in former {
                var note = area.validityDescription
                if let next = model.areas.successor(of: area) { note += ", heute \(next.name)" }
                body += "<li>\(DashboardHTML.link(area.url, area.name)) <span class=\"daten-klein\">(\(DashboardHTML.h(note)))</span></li>\n"
            }
            body += "</ul>\n"
        }
        body += "</div>\n"
        return DashboardPage(url: DashboardPaths.gemeinden, title: "Städte und Gemeinden",
                             description: "Kennzahlen aller Städte und Gemeinden im Landkreis Mittelsachsen.",
                             body: body, breadcrumbs: [DashboardPaths.overviewCrumb, ("Gemeinden", DashboardPaths.gemeinden)])
    }

    func sozialregionen() -> DashboardPage {
        let h = DashboardHTML.h
        var body = "<div class=\"daten\">\n<p class=\"daten-lead\">Für genauere Auswertungen teilt die Sozialplanung den Landkreis "
            + "in \(model.areas.sozialregionen.count) Sozialregionen ein. Jede fasst Städte und Gemeinden mit ähnlichen Strukturen zusammen.</p>\n"
        body += "<ul class=\"daten-wege\">\n"
        for region in model.areas.sozialregionen {
            let members = model.currentGemeinden.filter { $0.sozialregion == region.sozialregion }
            body += "<li>\(DashboardHTML.link(region.url, region.name))<span>\(h(members.map(\.name).joined(separator: ", ")))</span></li>\n"
        }
        body += "</ul>\n</div>\n"
        return DashboardPage(url: DashboardPaths.sozialregionen, title: "Sozialregionen",
                             description: "Die Sozialregionen des Landkreises Mittelsachsen mit ihren Gemeinden und Kennzahlen.",
                             body: body, breadcrumbs: [DashboardPaths.overviewCrumb, ("Sozialregionen", DashboardPaths.sozialregionen)])
    }

    /// Links to the Gemeinde pages in columns.
    static func gemeindeList(_ gemeinden: [Area]) -> String {
        let sorted = gemeinden.sorted { (Slug.fold($0.name), $0.key) < (Slug.fold($1.name), $1.key) }
        return "<ul class=\"daten-spalten\">\n" + sorted.map { "<li>\(DashboardHTML.link($0.url, $0.name))</li>\n" }.joined() + "</ul>\n"
    }

    /// What can be downloaded and in which form.
    static func downloadsSection(model: DashboardModel, headingID: String, level: Int, only: IndicatorDataset? = nil) -> String {
        let h = DashboardHTML.h
        var out = "<section class=\"daten-abschnitt\" aria-labelledby=\"\(h(headingID))\">\n"
        out += "<h\(level) id=\"\(h(headingID))\">Downloads</h\(level)>\n<ul class=\"daten-downloads\">\n"
        if let only {
            let title = only.indicator.title
            out += "<li><a href=\"\(h(DashboardDownloads.indicatorCSVPath(only.slug)))\" download>\(h(title)) als CSV</a> "
                + "<span class=\"daten-klein\">für Tabellenkalkulation (Excel, LibreOffice)</span></li>\n"
            out += "<li><a href=\"\(h(DashboardDownloads.indicatorJSONPath(only.slug)))\" download>\(h(title)) als JSON</a> "
                + "<span class=\"daten-klein\">mit allen Angaben zu Einheit, Quelle und Lizenz</span></li>\n"
        }
        out += "<li><a href=\"\(h(DashboardDownloads.allCSVPath))\" download>Alle Daten als CSV</a> "
            + "<span class=\"daten-klein\">\(DashboardWording.count(model.datasets.count, "Kennzahl", "Kennzahlen")), eine Zeile je Gebiet und Jahr</span></li>\n"
        out += "<li><a href=\"\(h(DashboardDownloads.allJSONPath))\" download>Alle Daten als JSON</a> "
            + "<span class=\"daten-klein\">mit Gebieten, Zeichenerklärung und Metadaten</span></li>\n"
        out += "</ul>\n<p class=\"daten-klein\">CSV: UTF-8, Trennzeichen Semikolon, Dezimalkomma; Spalten Gebietsschlüssel, Gebiet, Ebene, Jahr, "
            + "Wert, Einheit, Zeichen, Bedeutung der Zeichen, Herkunft. Bitte nennen Sie bei jeder Verwendung die Quelle und beachten Sie die Lizenz der Kennzahl.</p>\n"
        out += "</section>\n"
        return out
    }
}
