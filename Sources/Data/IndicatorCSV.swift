import Foundation
import Support

/// The indicator value file `content/daten/indikatoren/<slug>.csv`:
/// `gebiet;jahr;wert;flag`, UTF-8, `;`, decimal comma, one row per area and year.
public enum IndicatorCSV {
    public static let columns = ["gebiet", "jahr", "wert", "flag"]

    /// Reads the rows and checks each against the areas; reports every problem of the file.
    public static func parse(_ text: String, file: String, areas: AreaCatalog) -> (observations: [Observation], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var observations: [Observation] = []
        let (records, problems) = CSVReader.read(text, separator: ";")
        diagnostics += problems.map { AreaCatalog.diagnostic(for: $0, file: file) }
        guard let headerIndex = records.firstIndex(where: { !$0.isBlank }) else {
            return ([], [.error(DataCode.csvHeader, at: SourceLocation(file: file),
                "Die Datei ist leer.", hint: "Erste Zeile: " + columns.joined(separator: ";"))])
        }
        let header = records[headerIndex]
        guard header.fields.map(\.trimmed) == columns else {
            return ([], diagnostics + [.error(DataCode.csvHeader, at: SourceLocation(file: file, line: header.line, column: 1),
                "Die Kopfzeile lautet „\(header.fields.map(\.text).joined(separator: ";"))“.",
                hint: "Erwartet wird genau: " + columns.joined(separator: ";"))])
        }
        // Area and year of each row read, with its line: integers hash faster than "key|year".
        struct RowKey: Hashable { var area: String; var year: Int }
        var seen: [RowKey: Int] = [:]
        for record in records[(headerIndex + 1)...] where !record.isBlank {
            guard record.fields.count == columns.count else {
                diagnostics.append(AreaCatalog.fieldCountError(record, expected: columns.count, file: file))
                continue
            }
            func at(_ i: Int) -> SourceLocation {
                SourceLocation(file: file, line: record.fields[i].line, column: record.fields[i].column)
            }
            var rowOK = true
            let key = record[text: 0]
            // The position, not a copy of the area: a copy retains and releases each of its
            // strings, for every row of every indicator.
            let position = areas.position(key: key)
            if position == nil {
                diagnostics.append(.error(DataCode.unknownArea, at: at(0),
                    key.isEmpty ? "Die Zeile nennt kein Gebiet." : "Das Gebiet „\(key)“ ist unbekannt.",
                    hint: areas.hint(forUnknownKey: key)))
                rowOK = false
            }
            let yearText = record[text: 1]
            let year = Int(yearText)
            if year == nil || yearText.utf8.count != 4 {
                diagnostics.append(.error(DataCode.invalidYear, at: at(1), "„\(yearText)“ ist keine Jahreszahl.",
                    hint: "Vierstellig, z. B. 2023."))
                rowOK = false
            }
            let (state, problem) = parseValue(record, file: file)
            if let problem {
                diagnostics.append(problem)
                rowOK = false
            }
            guard rowOK, let position, let year, let value = state else { continue }
            if !areas.areas[position].isValid(inYear: year) {
                let area = areas.areas[position]
                diagnostics.append(.error(DataCode.areaNotValid, at: at(1),
                    "Für \(area.name) gibt es im Jahr \(year) keinen Wert: das Gebiet bestand am 31.12.\(year) nicht.",
                    hint: areas.validityHint(for: area, year: year)))
                continue
            }
            let areaKey = areas.areas[position].key
            let id = RowKey(area: areaKey, year: year)
            if let first = seen[id] {
                let area = areas.areas[position]
                diagnostics.append(.error(DataCode.duplicateValue, at: at(0),
                    "Für \(area.name) (\(area.key)) steht das Jahr \(year) doppelt in der Datei.",
                    hint: "Der erste Wert steht in Zeile \(first). Löschen Sie eine der beiden Zeilen."))
                continue
            }
            seen[id] = record.line
            observations.append(Observation(area: areaKey, year: year, state: value, location: at(0)))
        }
        return (observations, diagnostics)
    }

    /// `wert` and `flag` of one row; the diagnostic when they are not readable.
    static func parseValue(_ record: CSVRecord, file: String) -> (ValueState?, Diagnostic?) {
        let valueField = record.fields[2], flagField = record.fields[3]
        let valueAt = SourceLocation(file: file, line: valueField.line, column: valueField.column)
        let flagAt = SourceLocation(file: file, line: flagField.line, column: flagField.column)
        let flags: ValueFlags
        let symbol: ValueState?
        switch CellParser.flagColumn(flagField.text) {
        case .failure(let p): return (nil, .error(p.code, at: flagAt, p.message, hint: p.hint))
        case .success(let parsed): (flags, symbol) = parsed
        }
        let valueText = valueField.trimmed
        if valueText.isEmpty {
            guard let symbol else {
                return (nil, .error(DataCode.missingValue, at: valueAt, "Die Zeile hat weder einen Wert noch ein Zeichen.",
                    hint: "Tragen Sie den Wert ein oder in der Spalte flag ein Zeichen wie „.“ (geheim) oder „…“ (fällt später an)."))
            }
            return (symbol.with(flags: flags), nil)
        }
        if symbol != nil {
            return (nil, .error(DataCode.invalidFlag, at: flagAt,
                "In der Spalte flag steht ein Zeichen, das den Wert ersetzt, aber die Spalte wert ist nicht leer.",
                hint: "Entweder ein Wert (mit Kennzeichen wie p) oder ein Zeichen wie „.“ ohne Wert."))
        }
        switch CellParser.number(valueText) {
        case .failure(let p):
            return (nil, .error(p.code, at: valueAt, p.message, hint: p.hint))
        case .success(let parsed):
            if parsed.isAllZero {
                return (nil, .error(DataCode.ambiguousZero, at: valueAt,
                    "Eine „\(valueText)“ ist in der amtlichen Statistik mehrdeutig.",
                    hint: "Lassen Sie wert leer und schreiben Sie in flag „-“ für „genau null“ oder „0“ für „weniger als die Hälfte der kleinsten Einheit“."))
            }
            return (.value(parsed.value, flags), nil)
        }
    }

    // MARK: Writing

    /// The canonical file: header, rows sorted by level, region number / AGS and year, LF line ends.
    public static func render(_ observations: [Observation], decimals: Int, areas: AreaCatalog) -> String {
        var out = columns.joined(separator: ";") + "\n"
        for o in observations.filter({ $0.origin == .published }).sortedForOutput(areas: areas) {
            let (value, flag) = cells(for: o.state, decimals: decimals)
            out += "\(o.area);\(o.year);\(value);\(flag)\n"
        }
        return out
    }

    static func cells(for state: ValueState, decimals: Int) -> (String, String) {
        var symbol: String? = nil
        var value = ""
        switch state {
        case .value(let v, _):
            // A written `0` would read back as "less than half a unit": a true zero is `-`.
            if v == 0 { symbol = "-" } else { value = format(v, decimals: decimals) }
        case .exactlyZero: symbol = "-"
        case .belowHalfUnit: symbol = "0"
        case .missing(let reason, _): symbol = reason.symbol
        }
        var parts: [String] = []
        let flags = state.flags
        if flags.contains(.seriesBreak) { parts.append("|") }
        if let symbol { parts.append(symbol) }
        parts += flags.subtracting(.seriesBreak).symbols
        return (value, parts.joined(separator: " "))
    }

    /// `12,3` with the indicator's decimals when that loses nothing, else all digits needed.
    public static func format(_ value: Double, decimals: Int) -> String {
        let scale = pow(10.0, Double(decimals))
        let rounded = (value * scale).rounded() / scale
        var text: String
        if rounded == value {
            text = String(format: "%.\(decimals)f", value)
        } else {
            text = "\(value)"
            if text.contains("e") { text = String(format: "%.12f", value) }
            while text.contains(".") && text.hasSuffix("0") { text.removeLast() }
        }
        if text.hasSuffix(".0") && decimals == 0 { text.removeLast(2) }
        if text.hasSuffix(".") { text.removeLast() }
        return text.replacingOccurrences(of: ".", with: ",")
    }

    /// What a merge changed, for the import report.
    public struct MergeReport: Sendable, Hashable {
        public var added = 0
        public var changed = 0
        public var unchanged = 0
        /// Area, year, old and new state of every changed value, in output order.
        public var changes: [(area: String, year: Int, old: ValueState, new: ValueState)] = []

        public static func == (a: MergeReport, b: MergeReport) -> Bool {
            a.added == b.added && a.changed == b.changed && a.unchanged == b.unchanged && a.changes.count == b.changes.count
        }
        public func hash(into h: inout Hasher) { h.combine(added); h.combine(changed); h.combine(unchanged) }
    }

    /// Existing values, with every incoming value replacing the one for the same area and year.
    public static func merge(existing: [Observation], incoming: [Observation], areas: AreaCatalog) -> (observations: [Observation], report: MergeReport) {
        var byID: [String: Observation] = [:]
        for o in existing { byID["\(o.area)|\(o.year)"] = o }
        var report = MergeReport()
        for o in incoming.sortedForOutput(areas: areas) {
            let id = "\(o.area)|\(o.year)"
            if let old = byID[id] {
                if old.state == o.state { report.unchanged += 1 } else {
                    report.changed += 1
                    report.changes.append((o.area, o.year, old.state, o.state))
                }
            } else {
                report.added += 1
            }
            byID[id] = o
        }
        return (Array(byID.values).sortedForOutput(areas: areas), report)
    }
}
