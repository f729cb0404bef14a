import Charts
import Data
import Markdown
import Support

/// `/daten/indikatoren/<slug>/`: key figures, the Kreis and the Sozialregionen over time, the
/// regions on the tile map, the ranking of the Gemeinden in the newest year, every value in a
/// table, definition and source, downloads.
struct DashboardIndicatorPage {
    let model: DashboardModel
    let dataset: IndicatorDataset

    var indicator: Indicator { dataset.indicator }
    var charts: DashboardCharts { DashboardCharts(dataset: dataset, areas: model.areas) }

    func page() -> DashboardPage {
        let h = DashboardHTML.h
        let areas = model.areas
        let csv = DashboardDownloads.indicatorCSVPath(dataset.slug)
        let regions = areas.sozialregionen.filter { dataset.hasValues(area: $0.key) }
        let gemeinden = areas.gemeinden.filter { dataset.hasValues(area: $0.key) }
        let kreis = areas.kreis.flatMap { !dataset.hasValues(area: $0.key) ? nil : $0 }

        var body = "<div class=\"daten\">\n<p class=\"daten-lead\">\(h(indicator.definition))</p>\n"
        if indicator.example {
            body += DashboardHTML.exampleNote("Die Werte dieser Kennzahl sind für die Entwicklung der Website erfunden.")
        }
        body += facts(kreis: kreis, gemeinden: gemeinden)
        var sections: [(id: String, title: String)] = []
        var content = ""

        if !regions.isEmpty || kreis != nil {
            let title = regions.isEmpty ? "Entwicklung im Landkreis" : "Entwicklung in den Sozialregionen"
            sections.append(("entwicklung", title))
            content += section("entwicklung", title)
            let chart: Chart
            if regions.isEmpty, let kreis {
                chart = Chart(.line(), charts.timeSeries([(kreis, .primary)]))
            } else {
                var members: [(area: Area, role: SeriesRole)] = regions.map { ($0, .primary) }
                if let kreis { members.append((kreis, .reference)) }
                var spec = charts.timeSeries(members)
                if let kreis, let title = charts.trendTitle(for: kreis, years: nil) { spec.title = title }
                spec.subtitle = DashboardValues.subtitle(indicator, extra: "nach Sozialregionen")
                chart = Chart(.smallMultiples, spec)
            }
            content += chart.figureHTML(RenderOptions(idPrefix: "diagramm-entwicklung", headingLevel: 3, csvHref: csv))
            content += "</section>\n"
        }
        let regionYear = charts.latestYear(among: regions)
        if let regionYear, regions.count > 1 {
            let title = "Sozialregionen \(regionYear)"
            sections.append(("regionen", title))
            content += section("regionen", title)
            content += Chart(.tileMap(), charts.tiles(year: regionYear))
                .figureHTML(RenderOptions(idPrefix: "diagramm-regionen", headingLevel: 3, csvHref: csv))
            content += "</section>\n"
        }
        // Once, not once per Gemeinde inside the filter.
        let gemeindeYear = regionYearOrLatest(gemeinden)
        let current = gemeinden.filter { g in gemeindeYear.map(g.isValid(inYear:)) ?? true }
        if let year = gemeindeYear, !current.isEmpty {
            let title = "Gemeinden \(year)"
            sections.append(("gemeinden", title))
            content += section("gemeinden", title)
            content += "<p>Alle Gemeinden nach der Höhe des Werts; die gestrichelte Linie zeigt den Landkreis.</p>\n"
            content += Chart(.ranking, charts.ranking(current, year: year))
                .figureHTML(RenderOptions(idPrefix: "diagramm-gemeinden", headingLevel: 3, csvHref: csv))
            content += "</section>\n"
        }
        sections.append(("tabelle", "Alle Werte"))
        content += section("tabelle", "Alle Werte") + table() + "</section>\n"
        sections.append(("definition", "Definition und Quelle"))
        content += section("definition", "Definition und Quelle") + definition() + "</section>\n"
        sections.append(("downloads", "Downloads"))
        content += DashboardIndexPages.downloadsSection(model: model, headingID: "downloads", level: 2, only: dataset)

        body += DashboardHTML.sectionNav(sections) + content + "</div>\n"
        return DashboardPage(url: indicator.url, title: indicator.title,
                             description: "\(indicator.title) im Landkreis Mittelsachsen, in den Sozialregionen und Gemeinden: Entwicklung, Vergleich, alle Werte und Downloads.",
                             body: body,
                             breadcrumbs: [DashboardPaths.overviewCrumb, ("Kennzahlen", DashboardPaths.indicators), (indicator.title, indicator.url)])
    }

    func section(_ id: String, _ title: String) -> String {
        "<section class=\"daten-abschnitt\" aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(DashboardHTML.h(title))</h2>\n"
    }

    /// Newest year with Gemeinde values.
    func regionYearOrLatest(_ gemeinden: [Area]) -> Int? { charts.latestYear(among: gemeinden) }

    /// The boxes under the title: Kreis value, change, highest and lowest Gemeinde.
    func facts(kreis: Area?, gemeinden: [Area]) -> String {
        let h = DashboardHTML.h
        var items: [(String, String, String?)] = []
        if let kreis, let latest = model.latestFigure(dataset, area: kreis.key) {
            let words = latest.state.flags.subtracting(.seriesBreak).german
            items.append(("Landkreis \(latest.year)", DashboardWording.value(latest.state.number ?? 0, indicator),
                          words.isEmpty ? DashboardWording.unitLine(indicator) : words.joined(separator: ", ")))
            if let change = model.change(dataset, area: kreis.key) {
                items.append(("Veränderung seit \(change.firstYear)", DashboardWording.difference(change.difference, indicator),
                              change.hasBreak ? "Reihe mit Bruch: eingeschränkt vergleichbar" : "von \(DashboardWording.value(change.first, indicator))"))
            }
        }
        if let year = charts.latestYear(among: gemeinden) {
            let values = gemeinden.compactMap { g -> (Area, Double)? in
                dataset.state(area: g.key, year: year)?.number.map { (g, $0) }
            }.sorted { ($0.1, $1.0.name) > ($1.1, $0.0.name) }
            if let top = values.first, let bottom = values.last, values.count > 1 {
                items.append(("Höchster Wert \(year)", DashboardWording.value(top.1, indicator), top.0.name))
                items.append(("Niedrigster Wert \(year)", DashboardWording.value(bottom.1, indicator), bottom.0.name))
            }
        }
        guard !items.isEmpty else { return "" }
        var out = "<dl class=\"daten-fakten\">\n"
        for (label, value, note) in items {
            out += "<div><dt>\(h(label))</dt><dd><span class=\"daten-fakt-wert\">\(h(value))</span>"
            if let note { out += "<span class=\"daten-fakt-notiz\">\(h(note))</span>" }
            out += "</dd></div>\n"
        }
        return out + "</dl>\n"
    }

    /// Areas down, years across, every observation with its symbols. Written as bytes (see
    /// `DashboardBytes`): an indicator has hundreds of cells per page.
    func table() -> String {
        let years = dataset.years
        let decimals = indicator.decimals
        var out: [UInt8] = []
        out.reserveCapacity(4096 + dataset.observations.count * 48)
        DashboardBytes.openValueTable(into: &out)
        Escape.appendHTML(indicator.title, to: &out)
        out.append(static: " (")
        Escape.appendHTML(DashboardValues.unit(indicator).caption ?? indicator.unit, to: &out)
        out.append(static: ") nach Gebiet und Jahr</caption>\n<thead><tr><th scope=\"col\">Gebiet</th>")
        DashboardBytes.yearHeaders(years, into: &out)
        for area in model.areas.areas {
            let states = dataset.yearStates(area: area.key)
            // Areas without values have no row (`hasValues`: no states).
            guard !states.isEmpty else { continue }
            switch area.level {
            case .gemeinde: out.append(static: "<tr>")
            case .kreis: out.append(static: "<tr class=\"daten-ebene-kreis\">")
            case .sozialregion: out.append(static: "<tr class=\"daten-ebene-region\">")
            }
            out.append(static: "<th scope=\"row\">")
            DashboardBytes.link(area.url, DashboardValues.label(area), into: &out)
            out.append(static: "</th>")
            DashboardBytes.rowCells(years: years, states: states, area: area, decimals: decimals, into: &out)
            out.append(static: "</tr>\n")
        }
        DashboardBytes.closeValueTable(into: &out)
        out.append(static: "<p class=\"daten-klein\">Die Zeichen erklärt die ")
        DashboardBytes.link("/daten/#zeichen", "Zeichenerklärung", into: &out)
        out.append(static: "; jedes Zeichen nennt seine Bedeutung auch, wenn man darauf zeigt.</p>\n")
        return String(decoding: out, as: UTF8.self)
    }

    func definition() -> String {
        let h = DashboardHTML.h
        let i = indicator
        var rows: [(String, String)] = [
            ("Definition", h(i.definition)),
            ("Einheit", h(i.unit)),
        ]
        if let zeitbezug = i.zeitbezug { rows.append(("Zeitbezug", h(zeitbezug))) }
        if let gebietsstand = i.gebietsstand { rows.append(("Gebietsstand", h(gebietsstand))) }
        rows.append(("Quelle", h(i.source)))
        rows.append(("Lizenz", h(i.licence)))
        rows.append(("Datenstand", h(i.datenstand.german)))
        rows.append(("Sozialregionen", h(i.regionValues.german) + (i.weight.map { " (gewichtet mit „\(h($0))“)" } ?? "")))
        rows.append(("Landkreis", h(i.kreisValues.german)))
        let judgement = i.higherIsBetter.map { $0 ? "Ein höherer Wert ist günstiger." : "Ein niedrigerer Wert ist günstiger." }
            ?? "Höhere oder niedrigere Werte sind für sich weder gut noch schlecht."
        rows.append(("Lesart", h(judgement)))
        let fields = i.handlungsfelder.compactMap(model.handlungsfeld).map { DashboardHTML.link($0.url, $0.label) }
        if !fields.isEmpty { rows.append(("Handlungsfelder", fields.joined(separator: ", "))) }
        var out = ""
        if !i.body.isEmpty {
            // The explanation is Markdown from the indicator file; headings in it sit below this section.
            let rendered = MarkdownRenderer.render(i.body, file: i.file, firstLine: i.bodyFirstLine)
            out += "<div class=\"daten-erklaerung\">\n\(demoteHeadings(rendered.html))</div>\n"
        }
        out += "<dl class=\"daten-definition\">\n"
        for (term, value) in rows { out += "<div><dt>\(term)</dt><dd>\(value)</dd></div>\n" }
        out += "</dl>\n"
        return out
    }

    /// `<h2>` in the explanation would compete with the page's sections: one level down.
    func demoteHeadings(_ html: String) -> String {
        html.replacingBytes([("<h5", "<h6"), ("</h5>", "</h6>"), ("<h4", "<h5"), ("</h4>", "</h5>"),
                             ("<h3", "<h4"), ("</h3>", "</h4>"), ("<h2", "<h3"), ("</h2>", "</h3>"),
                             ("<h1", "<h3"), ("</h1>", "</h3>")])
    }
}
