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
        // Every file is written as bytes (what `OutputFile` holds): the rows of an indicator are
        // written once and copied into both of their files, not joined from strings and then
        // converted. Each row of an indicator's CSV is reused in `alle-daten.csv`, behind the
        // indicator's two cells: the same text `csv` would make of the longer row.
        var allCSV: [UInt8] = []
        allCSV.append(static: "\u{FEFF}")
        allCSV.appendUTF8(csvLine(["Indikator", "Indikatorname"] + csvColumns))
        allCSV.append(static: "\r\n")
        let csvHeader = csvLine(csvColumns)
        var allJSON: [UInt8] = []
        // The parts that repeat across rows and files, made once: the first three CSV cells of
        // each area and each area's entry in the JSON headers.
        // Keyed by the area key: observations carry the catalog's own keys (unique, one spelling
        // each), so equal keys are also equal bytes.
        var areaCells: [String: String] = [:]
        var areaKeysJSON: [String: String] = [:]
        let areaEntries = model.areas.areas.map { areaJSON($0, config: config) }
        for (position, dataset) in model.data.indicators.datasets.enumerated() {
            // Each observation's cells once, for both CSV files and both JSON files.
            let cells = dataset.observations.map { self.cells($0.state, decimals: dataset.indicator.decimals) }
            let rows = csvRows(dataset, cells: cells, areas: model.areas, areaCells: &areaCells)
            var text: [UInt8] = []
            text.reserveCapacity(csvHeader.utf8.count + rows.bytes.count + 8)
            text.append(static: "\u{FEFF}")
            text.appendUTF8(csvHeader)
            text.append(static: "\r\n")
            text.append(contentsOf: rows.bytes)
            files.append(OutputFile(path: String(indicatorCSVPath(dataset.slug).dropFirst()), contents: text))
            // Rows always have cells (`csvRows` makes nine), so the separator after the prefix belongs.
            let prefix = csvLine([dataset.slug, dataset.indicator.title]) + ";"
            allCSV.reserveCapacity(allCSV.count + rows.bytes.count + rows.ends.count * (prefix.utf8.count + 8))
            var start = 0
            for end in rows.ends {
                allCSV.appendUTF8(prefix)
                allCSV.append(contentsOf: rows.bytes[start..<end])
                start = end
            }
            let values = jsonValues(dataset, cells: cells, areaKeys: &areaKeysJSON)
            let fields = indicatorFields(dataset, config: config)
            var json: [UInt8] = []
            json.reserveCapacity(values.bytes.count + values.ends.count * 8 + 16_384)
            json.append(static: "{\n")
            json.appendUTF8(header(config: config, file: indicatorJSONPath(dataset.slug), model: model, only: dataset,
                                   areaEntries: areaEntries))
            json.append(static: ",\n  \"indikator\": ")
            appendIndicatorJSON(fields: fields, values: values, indent: "  ", to: &json)
            json.append(static: "\n}\n")
            files.append(OutputFile(path: String(indicatorJSONPath(dataset.slug).dropFirst()), contents: json))
            if position > 0 { allJSON.append(static: ",") }
            allJSON.append(static: "\n    ")
            appendIndicatorJSON(fields: fields, values: values, indent: "    ", to: &allJSON)
        }
        files.append(OutputFile(path: String(allCSVPath.dropFirst()), contents: allCSV))
        var json: [UInt8] = []
        json.reserveCapacity(allJSON.count + 16_384)
        json.append(static: "{\n")
        json.appendUTF8(header(config: config, file: allJSONPath, model: model, only: nil, areaEntries: areaEntries))
        json.append(static: ",\n  \"indikatoren\": [")
        json.append(contentsOf: allJSON)
        json.append(static: "\n  ]\n}\n")
        files.append(OutputFile(path: String(allJSONPath.dropFirst()), contents: json))
        return files
    }

    /// Lines in one buffer: `bytes`, each line ending at the offset in `ends` (exclusive).
    struct Lines {
        var bytes: [UInt8] = []
        var ends: [Int] = []
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

    /// `csvRows(…).map(csvLine)`, each line with its `\r\n`, into one buffer, without the row
    /// arrays: the area's three cells come from `areaCells` (filled on first use), the unit is
    /// quoted once per indicator, and the year (four digits) needs no quoting.
    static func csvRows(_ dataset: IndicatorDataset, cells: [Cells], areas: AreaCatalog,
                        areaCells: inout [String: String]) -> Lines {
        let unit = field(dataset.indicator.unit)
        let published = field(origin(.published))
        var lines = Lines()
        lines.bytes.reserveCapacity(cells.count * 112)
        lines.ends.reserveCapacity(cells.count)
        for (o, cell) in zip(dataset.observations, cells) {
            if let known = areaCells[o.area] {
                lines.bytes.appendUTF8(known)
            } else {
                let area = areas.area(key: o.area)
                let known = csvLine([o.area, area?.name ?? o.area, area?.level.german ?? ""])
                areaCells[o.area] = known
                lines.bytes.appendUTF8(known)
            }
            lines.bytes.append(0x3B)
            lines.bytes.appendUTF8(o.year >= 0 ? String(o.year) : field(String(o.year)))
            lines.bytes.append(0x3B)
            lines.bytes.appendUTF8(field(cell.value))
            lines.bytes.append(0x3B)
            lines.bytes.appendUTF8(unit)
            lines.bytes.append(0x3B)
            if !cell.symbols.isEmpty { lines.bytes.appendUTF8(field(cell.symbols.joined(separator: " "))) }
            lines.bytes.append(0x3B)
            if !cell.meanings.isEmpty { lines.bytes.appendUTF8(field(cell.meanings.joined(separator: "; "))) }
            lines.bytes.append(0x3B)
            lines.bytes.appendUTF8(o.origin == .published ? published : field(origin(o.origin)))
            lines.bytes.append(static: "\r\n")
            lines.ends.append(lines.bytes.count)
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
        // Without a minus sign (U+2212, the only multi-byte character it writes; most values
        // are positive) the cell is the German text itself: only the text to read back is made.
        if !german.utf8.contains(0xE2) {
            let count = german.utf8.count
            let dotted = String(unsafeUninitializedCapacity: count) { buffer in
                var index = 0
                for byte in german.utf8 {
                    buffer[index] = byte == 0x2C ? 0x2E : byte
                    index += 1
                }
                return index
            }
            if Double(dotted) == value { return german }
            return number(value).replacingBytes([(".", ",")])
        }
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

    /// One JSON object per observation, without indentation, each line ending at its offset.
    /// `areaKeys`: each area key as a JSON string, filled on first use (every row names one).
    static func jsonValues(_ dataset: IndicatorDataset, cells: [Cells], areaKeys: inout [String: String]) -> Lines {
        let published = Escape.jsonString(origin(.published))
        var lines = Lines()
        lines.bytes.reserveCapacity(cells.count * 128)
        lines.ends.reserveCapacity(cells.count)
        for (o, cell) in zip(dataset.observations, cells) {
            let key: String
            if let known = areaKeys[o.area] {
                key = known
            } else {
                key = Escape.jsonString(o.area)
                areaKeys[o.area] = key
            }
            // Compact: these lines are most of the file.
            lines.bytes.append(static: "{\"gebiet\":")
            lines.bytes.appendUTF8(key)
            lines.bytes.append(static: ",\"jahr\":")
            lines.bytes.appendUTF8(String(o.year))
            lines.bytes.append(static: ",\"wert\":")
            if let value = o.state.number { lines.bytes.appendUTF8(number(value)) } else { lines.bytes.append(static: "null") }
            lines.bytes.append(static: ",\"zeichen\":[")
            for (index, symbol) in cell.symbols.enumerated() {
                if index > 0 { lines.bytes.append(0x2C) }
                Escape.appendJSONString(symbol, to: &lines.bytes)
            }
            lines.bytes.append(static: "],\"bedeutung\":[")
            for (index, meaning) in cell.meanings.enumerated() {
                if index > 0 { lines.bytes.append(0x2C) }
                Escape.appendJSONString(meaning, to: &lines.bytes)
            }
            lines.bytes.append(static: "],\"herkunft\":")
            if o.origin == .published { lines.bytes.appendUTF8(published) } else { Escape.appendJSONString(origin(o.origin), to: &lines.bytes) }
            lines.bytes.append(0x7D)
            lines.ends.append(lines.bytes.count)
        }
        return lines
    }

    /// The fields of an indicator's JSON object before its values, as JSON text; the same for
    /// the indicator's own file and `alle-daten.json`.
    static func indicatorFields(_ dataset: IndicatorDataset, config: SiteConfig) -> [(String, String)] {
        let i = dataset.indicator
        func optional(_ text: String?) -> String { text.map(Escape.jsonString) ?? "null" }
        return [
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
    }

    /// The indicator's JSON object at `indent`: `fields`, then "werte" with one value per line.
    static func appendIndicatorJSON(fields: [(String, String)], values: Lines, indent: StaticString, to out: inout [UInt8]) {
        out.append(static: "{")
        for (name, value) in fields {
            out.append(static: "\n")
            out.append(static: indent)
            out.append(static: "  \"")
            out.appendUTF8(name)
            out.append(static: "\": ")
            out.appendUTF8(value)
            out.append(static: ",")
        }
        out.append(static: "\n")
        out.append(static: indent)
        out.append(static: "  \"werte\": ")
        if values.ends.isEmpty {
            out.append(static: "[]")
        } else {
            out.append(static: "[")
            var start = 0
            for end in values.ends {
                if start > 0 { out.append(static: ",") }
                out.append(static: "\n")
                out.append(static: indent)
                out.append(static: "  ")
                out.append(contentsOf: values.bytes[start..<end])
                start = end
            }
            out.append(static: "\n")
            out.append(static: indent)
            out.append(static: "  ]")
        }
        out.append(static: "\n")
        out.append(static: indent)
        out.append(static: "}")
    }

    /// Shortest text that reads back as the same Double; integers without ".0".
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
