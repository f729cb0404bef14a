import Support

/// The chart's data as a real HTML table: one row per year or category (in the order the chart
/// shows them), one column per series, German numbers, official symbols for missing values and
/// flags after the value. Header cells have `scope`, the caption names indicator and unit.
enum DataTable {
    /// `ranking`: the chart's rows when the caller has worked them out already (a ranking).
    static func html(_ chart: Chart, captionID: String? = nil, ranking: RankingChart? = nil) -> String {
        let spec = chart.spec
        let labels = CategoryLabels(spec)
        var caption = spec.title
        if let unit = spec.unit.caption { caption += " (\(unit))" }
        // Bytes, appended piece by piece: an interpolated string per cell is a temporary string
        // per cell, and each String append checks and updates the string's count and flags.
        var out = SVGBytes()
        out.bytes.reserveCapacity(1024 + spec.keys.count * (48 + spec.series.count * 24))
        out.append(static: "<table class=\"chart-table\"><caption")
        if let captionID {
            out.append(static: " id=\"")
            appendHTMLText(captionID, to: &out)
            out.append(static: "\"")
        }
        out.append(static: ">")
        appendHTMLText(caption, to: &out)
        out.append(static: "</caption>\n<thead><tr><th scope=\"col\">")
        appendHTMLText(spec.keyColumnName, to: &out)
        out.append(static: "</th>")
        if let ranked = rankedLayout(chart, ranking: ranking) {
            out.append(static: "<th scope=\"col\">")
            appendHTMLText(ranked.main.label, to: &out)
            out.append(static: "</th></tr></thead>\n<tbody>\n")
            let points = ranked.main.pointsByKey
            for key in ranked.keys {
                out.append(static: "<tr><th scope=\"row\">")
                appendHTMLText(labels.label(for: key), to: &out)
                out.append(static: "</th><td>")
                appendCell(points[key], key: key, spec: spec, to: &out)
                out.append(static: "</td></tr>\n")
            }
            // Reference values (e.g. the Kreis) as their own rows below the areas.
            for reference in ranked.references {
                for point in reference.points {
                    let name = reference.points.count == 1 ? reference.label : "\(reference.label): \(labels.label(for: point.key))"
                    out.append(static: "<tr class=\"chart-ref\"><th scope=\"row\">")
                    appendHTMLText(name, to: &out)
                    out.append(static: "</th><td>")
                    appendCell(point, key: point.key, spec: spec, to: &out)
                    out.append(static: "</td></tr>\n")
                }
            }
            out.append(static: "</tbody></table>")
            return out.string
        }
        for series in spec.series {
            out.append(static: "<th scope=\"col\">")
            appendHTMLText(series.label, to: &out)
            out.append(static: "</th>")
        }
        out.append(static: "</tr></thead>\n<tbody>\n")
        let points = spec.series.map(\.pointsByKey)
        for key in rowOrder(chart, ranking: ranking) {
            out.append(static: "<tr><th scope=\"row\">")
            appendHTMLText(labels.label(for: key), to: &out)
            out.append(static: "</th>")
            for seriesPoints in points {
                out.append(static: "<td>")
                appendCell(seriesPoints[key], key: key, spec: spec, to: &out)
                out.append(static: "</td>")
            }
            out.append(static: "</tr>\n")
        }
        out.append(static: "</tbody></table>")
        return out.string
    }

    /// `htmlText(text)` appended: text without markup characters or control characters (almost
    /// every label and number) is copied as it is.
    static func appendHTMLText(_ text: String, to out: inout SVGBytes) {
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: SVGWriter.changesInXML) else { return false }
            out.bytes.append(contentsOf: bytes)
            return true
        }
        if copied == true { return }
        out += htmlText(text)
    }

    /// Ranking and tile map: one value column for the areas (in the chart's order), reference
    /// series as extra rows.
    static func rankedLayout(_ chart: Chart, ranking: RankingChart? = nil) -> (main: Series, keys: [PointKey], references: [Series])? {
        switch chart.kind {
        case .ranking, .tileMap: break
        default: return nil
        }
        let spec = chart.spec
        guard let main = spec.series.first(where: { $0.role != .reference }) else { return nil }
        let mainKeys = Set(main.points.map(\.key))
        let keys = rowOrder(chart, ranking: ranking).filter(mainKeys.contains)
        return (main, keys, spec.series.filter { $0.id != main.id })
    }

    /// Ranking and tile map list areas as the chart orders them; everything else in axis order.
    static func rowOrder(_ chart: Chart, ranking: RankingChart? = nil) -> [PointKey] {
        let keys = chart.spec.keys
        switch chart.kind {
        case .ranking:
            let ranked = (ranking ?? RankingChart(spec: chart.spec)).items.map { PointKey.category($0.key) }
            let rankedSet = Set(ranked)
            return ranked + keys.filter { !rankedSet.contains($0) }
        case .tileMap(let layout, _):
            let tiled = layout.tiles.map { PointKey.category($0.key) }
            return tiled.filter { keys.contains($0) } + keys.filter { !tiled.contains($0) }
        case .pyramid:
            return keys.reversed()
        default:
            return keys
        }
    }

    /// "5,9", "(4,8) p", "| 9,4", or the symbol of a missing value with its reason as `<abbr>`.
    static func cell(_ point: DataPoint?, key: PointKey, spec: ChartSpec) -> String {
        var out = SVGBytes()
        appendCell(point, key: key, spec: spec, to: &out)
        return out.string
    }

    /// `cell`, appended.
    static func appendCell(_ point: DataPoint?, key: PointKey, spec: ChartSpec, to out: inout SVGBytes) {
        // "–" would mean "exactly zero" in official statistics; a point that is not there is "k. A.".
        guard let point else {
            out.append(static: "<abbr title=\"keine Angabe\">k.\u{00A0}A.</abbr>")
            return
        }
        if let year = key.year, spec.breakNote(before: year) != nil, year != spec.keys.first?.year {
            out.append(static: "<abbr title=\"Bruch in der Reihe\">|</abbr>\u{00A0}")
        }
        switch point.value {
        case .number(let value):
            let limited = point.flags.contains(.limitedValidity)
            if limited { out.append(static: "(") }
            appendHTMLText(spec.unit.table(value), to: &out)
            if limited { out.append(static: ")") }
            // Each flag letter carries its meaning for screen readers and on hover.
            if point.flags.contains(.provisional) { out.append(static: "\u{00A0}<abbr title=\"vorläufig\">p</abbr>") }
            if point.flags.contains(.revised) { out.append(static: "\u{00A0}<abbr title=\"berichtigt\">r</abbr>") }
            if point.flags.contains(.estimated) { out.append(static: "\u{00A0}<abbr title=\"geschätzt\">s</abbr>") }
        case .missing(let reason):
            out.append(static: "<abbr title=\"")
            appendHTMLText(reason.text, to: &out)
            out.append(static: "\">")
            appendHTMLText(reason.symbol, to: &out)
            out.append(static: "</abbr>")
        }
    }
}

/// The chart's data as CSV: UTF-8 with BOM (so spreadsheet programs read umlauts), `;` as
/// separator, decimal comma, CRLF line ends, one row per value ("long" format) with columns for
/// the quality marks and the reason of a missing value.
public enum ChartCSV {
    public static func csv(_ spec: ChartSpec) -> String {
        var rows: [[String]] = [[spec.keyColumnName, "Reihe", "Wert", "Einheit", "Kennzeichen", "Fehlender Wert"]]
        let keys = spec.keys
        let unitName = csvUnit(spec.unit)
        for series in spec.series {
            for key in keys {
                guard let point = series.point(at: key) else { continue }
                var marks: [String] = []
                if let year = key.year, spec.breakNote(before: year) != nil, year != keys.first?.year { marks.append("|") }
                let flagMarks = point.flags.csvMarks
                if !flagMarks.isEmpty { marks.append(flagMarks) }
                switch point.value {
                case .number(let value):
                    rows.append([spec.label(for: key), series.label, spec.unit.csv(value), unitName,
                                 marks.joined(separator: " "), ""])
                case .missing(let reason):
                    rows.append([spec.label(for: key), series.label, "", unitName,
                                 ([reason.symbol] + marks).joined(separator: " "), reason.text])
                }
            }
        }
        return "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    static func csvUnit(_ unit: ChartUnit) -> String {
        switch unit.kind {
        case .percent: "%"
        case .count: unit.label ?? "Anzahl"
        case .perThousand: unit.label ?? "je 1.000 Einwohner"
        case .years: unit.label ?? "Jahre"
        case .ratio: unit.label ?? ""
        }
    }

    /// Quotes fields that need it; text that a spreadsheet would run as a formula gets a leading
    /// apostrophe (CSV injection), numbers are left alone.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
           Double(value.replacingOccurrences(of: ",", with: ".")) == nil {
            value = "'" + value
        }
        let needsQuotes = value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
