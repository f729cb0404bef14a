import Foundation
import Support

/// Assembles the accessible figure (research §4.2/§4.3): takeaway title as heading, unit line,
/// the chart in a wide and a compact layout (`<svg role="img">` with `<title>` first and the
/// generated description), the summary as visible text, the data table in `<details>`,
/// notes, source, Datenstand, Gebietsstand, licence and the CSV link.
enum FigureMarkup {
    static func render(_ chart: Chart, options: RenderOptions) -> ChartOutput {
        let ranking = rows(chart)
        let summary = SummarySentence.make(chart, ranking: ranking)
        let table = DataTable.html(chart, ranking: ranking)
        let (figure, svg) = markup(chart, options: options, summary: summary, table: table, ranking: ranking, standalone: true)
        return ChartOutput(figureHTML: figure, svg: svg ?? "", summary: summary, tableHTML: table, csv: ChartCSV.csv(chart.spec))
    }

    /// Only the figure: pages never use the CSV text or the standalone SVG, which cost as much
    /// as the drawing itself.
    static func figure(_ chart: Chart, options: RenderOptions, before: String = "", after: String = "") -> String {
        let ranking = rows(chart)
        return markup(chart, options: options, summary: SummarySentence.make(chart, ranking: ranking), table: DataTable.html(chart, ranking: ranking),
                      ranking: ranking, standalone: false, before: before, after: after).figure
    }

    /// A ranking's rows, worked out once for the summary, the table and both drawings.
    static func rows(_ chart: Chart) -> RankingChart? {
        if case .ranking = chart.kind { return RankingChart(spec: chart.spec) }
        return nil
    }

    /// The figure, and the standalone wide SVG when `standalone` asks for it; `before` and `after`
    /// wrap the figure (the caller's own markup, without copying the figure once more).
    private static func markup(_ chart: Chart, options: RenderOptions, summary: String, table: String,
                               ranking: RankingChart?, standalone: Bool,
                               before: String = "", after: String = "") -> (figure: String, svg: String?) {
        let ids = ChartIDs(prefix: options.idPrefix)
        let spec = chart.spec
        let description = describe(chart, summary: summary)

        if case .sparkline(let mode, _, _) = chart.kind {
            let drawing = chart.draw(.wide, ids: ids)
            let svg = svgDocument(drawing, variant: .wide, ids: ids, title: spec.title, description: description,
                                  decorative: mode == .decorative, standalone: false, extraClass: "chart-spark")
            let wide = standalone ? svgDocument(drawing, variant: .wide, ids: ids, title: spec.title, description: description,
                                                decorative: false, standalone: true, extraClass: "chart-spark") : nil
            return (before + svg + after, wide)
        }

        let variants = chart.variants
        let drawings = chart.drawings(variants, ids: ids, ranking: ranking)
        // All of the figure in one buffer sized up front: grown by doubling it would copy the
        // drawings several times.
        var html = SVGBytes()
        html.bytes.reserveCapacity(drawings.reduce(0) { $0 + $1.bodyBytes.count + $1.defs.utf8.count }
                                   + 2 * (spec.title.utf8.count + description.utf8.count) + table.utf8.count
                                   + before.utf8.count + after.utf8.count + 4096)
        html += before
        html += "<figure class=\"chart chart-\(chart.kind.name)\" id=\"\(ids.figure)\">\n"
        html += "<figcaption class=\"chart-head\">\n"
        if let level = options.headingLevel {
            html += "<h\(level) class=\"chart-title\" id=\"\(ids.heading)\">\(htmlText(spec.title))</h\(level)>\n"
        } else {
            html += "<p class=\"chart-title\" id=\"\(ids.heading)\">\(htmlText(spec.title))</p>\n"
        }
        if let subtitle = spec.subtitle, !subtitle.isEmpty {
            html += "<p class=\"chart-sub\">\(htmlText(subtitle))</p>\n"
        }
        html += "</figcaption>\n"
        var wide: String? = nil
        // Both layouts carry the same title and description: escaped once.
        let escapedTitle = Escape.xml(spec.title), escapedDescription = Escape.xml(description)
        for (variant, drawing) in zip(variants, drawings) {
            if standalone, variant == .wide {
                wide = svgDocument(drawing, variant: variant, ids: ids, title: spec.title,
                                   description: description, decorative: false, standalone: true)
            }
            // Without the theme CSS only the wide layout shows (`hidden`); the CSS picks the layout
            // that fits the container.
            html += "<div class=\"chart-v chart-v-"
            html += variant.rawValue
            html += variant == .compact ? "\" hidden>\n" : "\">\n"
            writeSVG(drawing, variant: variant, ids: ids, title: spec.title, description: description,
                     decorative: false, standalone: false, extraClass: "chart-svg", into: &html,
                     escapedTitle: escapedTitle, escapedDescription: escapedDescription)
            html += "</div>\n"
        }
        html += "<p class=\"chart-summary\" id=\"\(ids.summary)\">\(htmlText(summary))</p>\n"
        html += "<details class=\"chart-data\"\(options.tableOpen ? " open" : "")><summary>Daten als Tabelle</summary>\n"
        html += "<div class=\"chart-table-wrap\">\n"
        html += table
        html += "\n</div>\n</details>\n"
        appendFooter(chart, options: options, to: &html)
        html += "</figure>\n"
        html += after
        return (html.string, wide)
    }

    /// Text of `<desc>`: chart type and period, then the summary.
    static func describe(_ chart: Chart, summary: String) -> String {
        let keys = chart.spec.keys
        var head = chart.kind.germanName
        if let first = keys.first?.year, let last = keys.last?.year {
            head += first == last ? " \(first)" : " \(first)–\(last)"
        }
        return head + ". " + summary
    }

    static func svgDocument(_ drawing: Drawing, variant: LayoutVariant, ids: ChartIDs, title: String,
                            description: String, decorative: Bool, standalone: Bool, extraClass: String = "chart-svg") -> String {
        var svg = SVGBytes()
        // Room for the drawing up front: the bytes would otherwise grow by doubling past its size.
        svg.bytes.reserveCapacity(drawing.bodyBytes.count + drawing.defs.utf8.count + title.utf8.count
                                  + description.utf8.count + (standalone ? ChartStyles.standaloneStyle.utf8.count : 0) + 1024)
        writeSVG(drawing, variant: variant, ids: ids, title: title, description: description, decorative: decorative,
                 standalone: standalone, extraClass: extraClass, into: &svg)
        return svg.string
    }

    /// `svgDocument`, appended to `svg`. `escapedTitle` and `escapedDescription`: `Escape.xml`
    /// of the two, when the caller writes several layouts of one figure (escaped once for all).
    static func writeSVG(_ drawing: Drawing, variant: LayoutVariant, ids: ChartIDs, title: String, description: String,
                         decorative: Bool, standalone: Bool, extraClass: String, into svg: inout SVGBytes,
                         escapedTitle: String? = nil, escapedDescription: String? = nil) {
        // The tag written straight into the bytes, as `SVGWriter.append` writes these attributes.
        let width = fmt(drawing.width), height = fmt(drawing.height)
        svg.append(static: "<svg")
        if standalone { svg.append(static: " xmlns=\"http://www.w3.org/2000/svg\"") }
        svg.append(static: " class=\"")
        SVGWriter.appendXML(extraClass, to: &svg)
        svg.append(static: "\" viewBox=\"0 0 ")
        svg += width
        svg.append(static: " ")
        svg += height
        if standalone || extraClass == "chart-spark" {
            svg.append(static: "\" width=\"")
            svg += width
            svg.append(static: "\" height=\"")
            svg += height
        }
        if decorative {
            svg.append(static: "\" aria-hidden=\"true\" focusable=\"false")
        } else {
            svg.append(static: "\" role=\"img\" aria-labelledby=\"")
            SVGWriter.appendXML(ids.title(variant), to: &svg)
            svg.append(static: " ")
            SVGWriter.appendXML(ids.desc(variant), to: &svg)
        }
        svg.append(static: "\" font-family=\"")
        svg += fontFamilyAttribute
        svg.append(static: "\" font-size=\"")
        svg += fmt(Typography.size)
        svg.append(static: "\">\n")
        if !decorative {
            svg.append(static: "<title id=\"")
            svg += ids.title(variant)
            svg.append(static: "\">")
            svg += escapedTitle ?? Escape.xml(title)
            svg.append(static: "</title>\n<desc id=\"")
            svg += ids.desc(variant)
            svg.append(static: "\">")
            svg += escapedDescription ?? Escape.xml(description)
            svg.append(static: "</desc>\n")
        }
        if standalone {
            svg.append(static: "<style>")
            svg += ChartStyles.standaloneStyle
            svg.append(static: "</style>\n")
        }
        if !drawing.defs.isEmpty {
            svg.append(static: "<defs>\n")
            svg += drawing.defs
            svg.append(static: "\n</defs>\n")
        }
        svg += drawing.bodyBytes
        svg.append(static: "</svg>\n")
    }

    /// The font family as an attribute value (escaped once: it has quotes).
    static let fontFamilyAttribute = Escape.xml(ChartStyles.fontFamily)

    /// Only site paths, relative paths and http(s) URLs become links: no `javascript:` or `data:`.
    static func safeHref(_ href: String) -> String? {
        // Site paths (every link the site makes): nothing to trim, no scheme possible.
        if href.utf8.first == 0x2F, let last = href.utf8.last, last > 0x20, last < 0x7F {
            return Escape.urlPath(href)
        }
        let trimmed = href.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let lower = trimmed.lowercased()
        let schemeEnd = lower.firstIndex(of: ":")
        let pathStart = lower.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" }
        if let schemeEnd, pathStart.map({ schemeEnd < $0 }) ?? true {
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        }
        return Escape.urlPath(trimmed)
    }

    /// The figure's footer (source, notes, data table), appended to its bytes.
    static func appendFooter(_ chart: Chart, options: RenderOptions, to html: inout SVGBytes) {
        let spec = chart.spec
        html.append(static: "<footer class=\"chart-foot\">\n")
        let notes = ChartNotes.lines(chart)
        if !notes.isEmpty {
            html.append(static: "<ul class=\"chart-notes\">\n")
            for note in notes {
                html.append(static: "<li>")
                html += htmlText(note)
                html.append(static: "</li>\n")
            }
            html.append(static: "</ul>\n")
        }
        // The parts, " · " between them, each written once.
        var first = true
        func part(_ label: StaticString, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            if first { html.append(static: "<p class=\"chart-source\">") } else { html.append(static: " · ") }
            first = false
            html.append(static: label)
            html += htmlText(value)
        }
        part("Quelle: ", spec.source)
        part("Datenstand: ", spec.datenstand)
        part("Gebietsstand: ", spec.gebietsstand)
        part("Lizenz: ", spec.licence)
        if !first { html.append(static: "</p>\n") }
        let csv = options.csvHref.flatMap(safeHref)
        let svgHref = options.svgHref.flatMap(safeHref)
        if csv != nil || svgHref != nil {
            html.append(static: "<p class=\"chart-links\">")
            if let csv {
                html.append(static: "<a href=\"")
                html += htmlText(csv)
                html.append(static: "\" download>Daten als CSV</a>")
            }
            if let svgHref {
                if csv != nil { html.append(static: " · ") }
                html.append(static: "<a href=\"")
                html += htmlText(svgHref)
                html.append(static: "\" download>Grafik als SVG</a>")
            }
            html.append(static: "</p>\n")
        }
        html.append(static: "</footer>\n")
    }
}
