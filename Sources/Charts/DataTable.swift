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
        // Appended piece by piece: an interpolated string per cell is a temporary string per cell.
        var out = "<table class=\"chart-table\">"
        out += "<caption"
        if let captionID {
            out += " id=\""
            out += htmlText(captionID)
            out += "\""
        }
        out += ">"
        out += htmlText(caption)
        out += "</caption>\n"
        out += "<thead><tr><th scope=\"col\">"
        out += htmlText(spec.keyColumnName)
        out += "</th>"
        if let ranked = rankedLayout(chart, ranking: ranking) {
            out += "<th scope=\"col\">"
            out += htmlText(ranked.main.label)
            out += "</th></tr></thead>\n<tbody>\n"
            let points = ranked.main.pointsByKey
            for key in ranked.keys {
                out += "<tr><th scope=\"row\">"
                out += htmlText(labels.label(for: key))
                out += "</th><td>"
                out += cell(points[key], key: key, spec: spec)
                out += "</td></tr>\n"
            }
            // Reference values (e.g. the Kreis) as their own rows below the areas.
            for reference in ranked.references {
                for point in reference.points {
                    let name = reference.points.count == 1 ? reference.label : "\(reference.label): \(labels.label(for: point.key))"
                    out += "<tr class=\"chart-ref\"><th scope=\"row\">"
                    out += htmlText(name)
                    out += "</th><td>"
                    out += cell(point, key: point.key, spec: spec)
                    out += "</td></tr>\n"
                }
            }
            out += "</tbody></table>"
            return out
        }
        for series in spec.series {
            out += "<th scope=\"col\">"
            out += htmlText(series.label)
            out += "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        let points = spec.series.map(\.pointsByKey)
        for key in rowOrder(chart, ranking: ranking) {
            out += "<tr><th scope=\"row\">"
            out += htmlText(labels.label(for: key))
            out += "</th>"
            for seriesPoints in points {
                out += "<td>"
                out += cell(seriesPoints[key], key: key, spec: spec)
                out += "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table>"
        return out
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

    /// Flag, letter, meaning; made once, not per cell.
    static let flagMeanings: [(ValueFlags, String, String)] = [(.provisional, "p", "vorläufig"), (.revised, "r", "berichtigt"),
                                                              (.estimated, "s", "geschätzt")]

    /// "5,9", "(4,8) p", "| 9,4", or the symbol of a missing value with its reason as `<abbr>`.
    static func cell(_ point: DataPoint?, key: PointKey, spec: ChartSpec) -> String {
        // "–" would mean "exactly zero" in official statistics; a point that is not there is "k. A.".
        guard let point else { return "<abbr title=\"keine Angabe\">k.\u{00A0}A.</abbr>" }
        var text = ""
        if let year = key.year, spec.breakNote(before: year) != nil, year != spec.keys.first?.year {
            text += "<abbr title=\"Bruch in der Reihe\">|</abbr>\u{00A0}"
        }
        switch point.value {
        case .number(let value):
            let number = htmlText(spec.unit.table(value))
            text += point.flags.contains(.limitedValidity) ? "(\(number))" : number
            // Each flag letter carries its meaning for screen readers and on hover.
            for (flag, letter, meaning) in flagMeanings where point.flags.contains(flag) {
                text += "\u{00A0}<abbr title=\"\(meaning)\">\(letter)</abbr>"
            }
        case .missing(let reason):
            text += "<abbr title=\"\(htmlText(reason.text))\">\(htmlText(reason.symbol))</abbr>"
        }
        return text
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
