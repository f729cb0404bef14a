import Content
import Data
import Support

/// The data as files: one CSV and one JSON per indicator (`/daten/indikatoren/<slug>.csv`,
/// `.json`) and everything at once (`/daten/alle-daten.csv`, `/daten/alle-daten.json`).
///
/// CSV as spreadsheet programs in Germany read it: UTF-8 with BOM, `;`, decimal comma, CRLF,
/// one row per area and year, the official symbols and their meaning in own columns.
/// JSON with the metadata every figure needs (unit, source, licence, Datenstand, Gebietsstand),
/// numbers as JSON numbers, symbols as strings with their German explanation. Both in a fixed
/// order (areas as in `gebiete.csv`: Kreis, regions, Gemeinden by AGS; then year).
enum DashboardDownloads {
    static let allCSVPath = "/daten/alle-daten.csv"
    static let allJSONPath = "/daten/alle-daten.json"

    static func indicatorCSVPath(_ slug: String) -> String { "/daten/indikatoren/\(slug).csv" }
    static func indicatorJSONPath(_ slug: String) -> String { "/daten/indikatoren/\(slug).json" }

    static let csvColumns = ["Gebietsschlüssel", "Gebiet", "Ebene", "Jahr", "Wert", "Einheit", "Zeichen",
                             "Bedeutung der Zeichen", "Herkunft"]

    static func files(model: DashboardModel, config: SiteConfig) -> [OutputFile] {
        var files: [OutputFile] = []
        // Each row of an indicator's CSV is written once and reused in `alle-daten.csv`, behind
        // the indicator's two cells: the same text `csv` would make of the longer row.
        var allCSV = "\u{FEFF}" + csvLine(["Indikator", "Indikatorname"] + csvColumns) + "\r\n"
        var allJSON: [String] = []
        // The parts that repeat across rows and files, made once: the first three CSV cells of
        // each area and each area's entry in the JSON headers.
        // Keyed by the area key: observations carry the catalog's own keys (unique, one spelling
        // each), so equal keys are also equal bytes.
        var areaCells: [String: String] = [:]
        var areaKeysJSON: [String: String] = [:]
        let areaEntries = model.areas.areas.map { areaJSON($0, config: config) }
        for dataset in model.data.indicators.datasets {
            // Each observation's cells once, for both CSV files and both JSON files.
            let cells = dataset.observations.map { self.cells($0.state, decimals: dataset.indicator.decimals) }
            let lines = csvLines(dataset, cells: cells, areas: model.areas, areaCells: &areaCells)
            var text = "\u{FEFF}" + csvLine(csvColumns) + "\r\n"
            text.reserveCapacity(text.utf8.count + lines.count * 96)
            for line in lines {
                text += line
                text += "\r\n"
            }
            files.append(OutputFile(path: String(indicatorCSVPath(dataset.slug).dropFirst()), text: text))
            // Rows always have cells (`csvRows` makes nine), so the separator after the prefix belongs.
            let prefix = csvLine([dataset.slug, dataset.indicator.title]) + ";"
            for line in lines {
                allCSV += prefix
                allCSV += line
                allCSV += "\r\n"
            }
            let values = jsonValues(dataset, cells: cells, areaKeys: &areaKeysJSON)
            let json = "{\n" + header(config: config, file: indicatorJSONPath(dataset.slug), model: model, only: dataset, areaEntries: areaEntries)
                + ",\n  \"indikator\": " + indicatorJSON(dataset, values: values, config: config, indent: "  ") + "\n}\n"
            files.append(OutputFile(path: String(indicatorJSONPath(dataset.slug).dropFirst()), text: json))
            allJSON.append("\n    " + indicatorJSON(dataset, values: values, config: config, indent: "    "))
        }
        files.append(OutputFile(path: String(allCSVPath.dropFirst()), text: allCSV))
        var json = "{\n" + header(config: config, file: allJSONPath, model: model, only: nil, areaEntries: areaEntries) + ",\n  \"indikatoren\": ["
        json += allJSON.joined(separator: ",")
        json += "\n  ]\n}\n"
        files.append(OutputFile(path: String(allJSONPath.dropFirst()), text: json))
        return files
    }

    // MARK: CSV

    typealias Cells = (value: String, symbols: [String], meanings: [String])

    static func csvRows(_ dataset: IndicatorDataset, cells: [Cells], areas: AreaCatalog) -> [[String]] {
        let indicator = dataset.indicator
        return zip(dataset.observations, cells).map { o, cell in
            let area = areas.area(key: o.area)
            return [o.area, area?.name ?? o.area, area?.level.german ?? "", String(o.year), cell.value, indicator.unit,
                    cell.symbols.joined(separator: " "), cell.meanings.joined(separator: "; "), origin(o.origin)]
        }
    }

    /// `csvRows(…).map(csvLine)` without the row arrays: the area's three cells come from
    /// `areaCells` (filled on first use), the unit is quoted once per indicator, and the year
    /// (four digits) needs no quoting.
    static func csvLines(_ dataset: IndicatorDataset, cells: [Cells], areas: AreaCatalog,
                         areaCells: inout [String: String]) -> [String] {
        let unit = field(dataset.indicator.unit)
        let published = field(origin(.published))
        var lines: [String] = []
        lines.reserveCapacity(cells.count)
        for (o, cell) in zip(dataset.observations, cells) {
            var line: String
            if let known = areaCells[o.area] {
                line = known
            } else {
                let area = areas.area(key: o.area)
                line = csvLine([o.area, area?.name ?? o.area, area?.level.german ?? ""])
                areaCells[o.area] = line
            }
            line.reserveCapacity(line.utf8.count + 64)
            line += ";"
            line += o.year >= 0 ? String(o.year) : field(String(o.year))
            line += ";"
            line += field(cell.value)
            line += ";"
            line += unit
            line += ";"
            line += cell.symbols.isEmpty ? "" : field(cell.symbols.joined(separator: " "))
            line += ";"
            line += cell.meanings.isEmpty ? "" : field(cell.meanings.joined(separator: "; "))
            line += ";"
            line += o.origin == .published ? published : field(origin(o.origin))
            lines.append(line)
        }
        return lines
    }

    static func csv(_ rows: [[String]]) -> String {
        // One buffer for the whole file.
        var out = "\u{FEFF}"
        out.reserveCapacity(rows.count * 96)
        for row in rows {
            out += csvLine(row)
            out += "\r\n"
        }
        if rows.isEmpty { out += "\r\n" }
        return out
    }

    /// One row: its fields, separated by `;`, without the line end.
    static func csvLine(_ row: [String]) -> String {
        var out = ""
        for (index, cell) in row.enumerated() {
            if index > 0 { out += ";" }
            out += field(cell)
        }
        return out
    }

    /// Quotes what needs it; text a spreadsheet would run as a formula gets a leading apostrophe.
    static func field(_ text: String) -> String {
        var value = text
        // The formula starters are all ASCII: the first byte is the first scalar.
        if let first = value.utf8.first,
           first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D,
           Double(value.replacingBytes([(",", ".")])) == nil {
            value = "'" + value
        }
        guard value.utf8.contains(where: { $0 == 0x3B || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        return "\"" + value.replacingBytes([("\"", "\"\"")]) + "\""
    }

    /// The value with decimal comma (every digit the source has), the symbols and their meaning.
    static func cells(_ state: ValueState, decimals: Int) -> Cells {
        var symbols: [String] = []
        var meanings: [String] = []
        let flags = state.flags
        if flags.contains(.seriesBreak) { symbols.append("|"); meanings.append("Bruch in der Zeitreihe") }
        var value = ""
        if let number = state.number { value = decimalComma(number, decimals: decimals) }
        if let symbol = state.symbol {
            symbols.append(symbol)
            meanings.append(state.germanExplanation ?? "")
        }
        let rest = flags.subtracting(.seriesBreak)
        symbols += rest.symbols
        meanings += rest.german
        return (value, symbols, meanings)
    }

    /// `12,3` with the indicator's decimals when that loses nothing, else every digit the value
    /// has (a computed mean); ASCII minus and no grouping, so spreadsheets read a number.
    static func decimalComma(_ value: Double, decimals: Int) -> String {
        // One pass over the German text makes both the cell (U+2212 → "-") and the text `Double`
        // reads back (also "," → "."), instead of two `replacingBytes` with their temporaries.
        let german = GermanFormat.number(value, decimals: decimals, grouping: false)
        var cell: [UInt8] = [], dotted: [UInt8] = []
        cell.reserveCapacity(german.utf8.count)
        dotted.reserveCapacity(german.utf8.count)
        var bytes = german.utf8[...]
        while let byte = bytes.first {
            if byte == 0xE2, bytes.starts(with: [0xE2, 0x88, 0x92]) {
                cell.append(0x2D)
                dotted.append(0x2D)
                bytes = bytes.dropFirst(3)
                continue
            }
            cell.append(byte)
            dotted.append(byte == 0x2C ? 0x2E : byte)
            bytes = bytes.dropFirst()
        }
        if Double(String(decoding: dotted, as: UTF8.self)) == value { return String(decoding: cell, as: UTF8.self) }
        return number(value).replacingBytes([(".", ",")])
    }

    static func origin(_ origin: ValueOrigin) -> String {
        switch origin {
        case .published: "veröffentlicht"
        case .computed(let method): "berechnet: \(method.german)"
        }
    }

    // MARK: JSON

    /// `areaEntries`: `areaJSON` of each area of `model.areas.areas`, in that order.
    static func header(config: SiteConfig, file: String, model: DashboardModel, only: IndicatorDataset?,
                       areaEntries: [String]) -> String {
        var out = "  \"titel\": \(Escape.jsonString(only.map { "\($0.indicator.title) – \(config.title)" } ?? "Alle Daten – \(config.title)")),\n"
        out += "  \"adresse\": \(Escape.jsonString(config.absoluteURL(file))),\n"
        out += "  \"aufbau\": \(Escape.jsonString("Jeder Wert gehört zu einem Gebiet (Schlüssel wie in „gebiete“) und einem Jahr. „wert“ ist eine Zahl oder null; „zeichen“ nennt die Zeichen der amtlichen Statistik, „bedeutung“ erklärt sie. Zeichen, die einen Wert ersetzen (etwa „.“ geheim), stehen mit „wert“: null. „herkunft“ sagt, ob der Wert veröffentlicht oder von der Website berechnet ist.")),\n"
        if (only.map { [$0] } ?? model.data.indicators.datasets).contains(where: { $0.indicator.example }) {
            out += "  \"hinweis\": \(Escape.jsonString("Enthält Beispieldaten (\"beispieldaten\": true): erfundene Werte, keine amtlichen Zahlen, nicht weiterverwenden.")),\n"
        }
        out += "  \"zeichenerklaerung\": [\n"
        out += StatisticalSymbol.legend.map {
            "    {\"zeichen\": \(Escape.jsonString($0.symbol)), \"bedeutung\": \(Escape.jsonString($0.meaning))}"
        }.joined(separator: ",\n")
        out += "\n  ],\n  \"gebiete\": [\n"
        var first = true
        for (area, entry) in zip(model.areas.areas, areaEntries) where only?.hasValues(area: area.key) ?? true {
            if !first { out += ",\n" }
            first = false
            out += entry
        }
        out += "\n  ]"
        return out
    }

    /// One area of the JSON headers' `gebiete` list, indented, without a separator.
    static func areaJSON(_ area: Area, config: SiteConfig) -> String {
        var fields = [("schluessel", Escape.jsonString(area.key)), ("name", Escape.jsonString(area.name)),
                      ("ebene", Escape.jsonString(area.level.german)), ("art", Escape.jsonString(area.kind))]
        fields.append(("sozialregion", area.sozialregion.map(String.init) ?? "null"))
        fields.append(("gueltig_ab", area.validFrom.map { Escape.jsonString($0.description) } ?? "null"))
        fields.append(("gueltig_bis", area.validTo.map { Escape.jsonString($0.description) } ?? "null"))
        fields.append(("nachfolger", area.successor.map(Escape.jsonString) ?? "null"))
        fields.append(("seite", Escape.jsonString(config.absoluteURL(area.url))))
        return "    {" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// One JSON object per observation, without indentation.
    /// `areaKeys`: each area key as a JSON string, filled on first use (every row names one).
    static func jsonValues(_ dataset: IndicatorDataset, cells: [Cells], areaKeys: inout [String: String]) -> [String] {
        let published = Escape.jsonString(origin(.published))
        var lines: [String] = []
        lines.reserveCapacity(cells.count)
        for (o, cell) in zip(dataset.observations, cells) {
            let key: String
            if let known = areaKeys[o.area] {
                key = known
            } else {
                key = Escape.jsonString(o.area)
                areaKeys[o.area] = key
            }
            // Compact: these lines are most of the file. Appended piece by piece into one string,
            // not joined from temporaries.
            var line = "{\"gebiet\":"
            line.reserveCapacity(160)
            line += key
            line += ",\"jahr\":"
            line += String(o.year)
            line += ",\"wert\":"
            line += o.state.number.map(number) ?? "null"
            line += ",\"zeichen\":["
            for (index, symbol) in cell.symbols.enumerated() {
                if index > 0 { line += "," }
                line += Escape.jsonString(symbol)
            }
            line += "],\"bedeutung\":["
            for (index, meaning) in cell.meanings.enumerated() {
                if index > 0 { line += "," }
                line += Escape.jsonString(meaning)
            }
            line += "],\"herkunft\":"
            line += o.origin == .published ? published : Escape.jsonString(origin(o.origin))
            line += "}"
            lines.append(line)
        }
        return lines
    }

    static func indicatorJSON(_ dataset: IndicatorDataset, values jsonValues: [String], config: SiteConfig, indent: String) -> String {
        let i = dataset.indicator
        let inner = indent + "  "
        func optional(_ text: String?) -> String { text.map(Escape.jsonString) ?? "null" }
        var fields: [(String, String)] = [
            ("name", Escape.jsonString(i.slug)), ("titel", Escape.jsonString(i.title)),
            ("einheit", Escape.jsonString(i.unit)), ("nachkommastellen", String(i.decimals)),
            ("definition", Escape.jsonString(i.definition)), ("quelle", Escape.jsonString(i.source)),
            ("lizenz", Escape.jsonString(i.licence)), ("datenstand", Escape.jsonString(i.datenstand.description)),
            ("gebietsstand", optional(i.gebietsstand)), ("zeitbezug", optional(i.zeitbezug)),
            ("beispieldaten", i.example ? "true" : "false"),
            ("handlungsfelder", "[" + i.handlungsfelder.map(Escape.jsonString).joined(separator: ", ") + "]"),
            ("hoeher_ist_besser", i.higherIsBetter.map { $0 ? "true" : "false" } ?? "null"),
            ("werte_sozialregionen", Escape.jsonString(i.regionValues.german)),
            ("werte_landkreis", Escape.jsonString(i.kreisValues.german)),
            ("seite", Escape.jsonString(config.absoluteURL(i.url))),
            ("csv", Escape.jsonString(config.absoluteURL(indicatorCSVPath(i.slug)))),
        ]
        let values = jsonValues.map { inner + $0 }
        fields.append(("werte", values.isEmpty ? "[]" : "[\n" + values.joined(separator: ",\n") + "\n\(inner)]"))
        return "{\n" + fields.map { "\(inner)\"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n\(indent)}"
    }

    /// Shortest text that reads back as the same Double; integers without ".0".
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
