import Support

/// Tables as GENESIS, regionalstatistik.de and Excel export them: title lines, one or more
/// header rows (often with empty leading cells), data rows, then `__________` and a legend or
/// footnotes. Years stand either in the header (`AGS;Gemeinde;2014;…;2023`) or in the rows
/// (a time column or a line holding only `31.12.2021`).
enum TableReader {
    struct Column {
        var index: Int
        var labels: [String]
        var year: Int?
    }

    static func isCode(_ text: String) -> Bool {
        if text.lowercased().hasPrefix("sozialregion-") { return true }
        return [2, 3, 5, 8, 12].contains(text.utf8.count) && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    static func read(records allRecords: [CSVRecord], settings: ImportSettings, context: inout ImportContext) {
        // Everything after the underscore line is legend (Zeichenerklärung, copyright), never data.
        let end = allRecords.firstIndex { $0[text: 0].hasPrefix("___") } ?? allRecords.count
        let records = Array(allRecords[..<end])
        let areas = context.areas
        func codeIndex(_ r: CSVRecord) -> Int? {
            (0..<min(4, r.fields.count)).first { isCode(r[text: $0]) }
        }
        // A region or Kreis label; for finding the table, also a region label with a wrong name,
        // so that it is reported rather than taken for a title line.
        func labelIndex(_ r: CSVRecord) -> Int? {
            (0..<min(4, r.fields.count)).first {
                areas.area(label: r[text: $0]) != nil || Slug.fold(r[text: $0]).hasPrefix("sozialregion ")
            }
        }
        func isTimeLine(_ r: CSVRecord) -> Int? {
            guard r.filledCount == 1, let cell = r.fields.first(where: { !$0.trimmed.isEmpty }) else { return nil }
            return YearParser.year(cell.text)
        }
        guard let firstData = records.firstIndex(where: { r in
            r.filledCount >= 2 && (codeIndex(r) != nil || labelIndex(r) != nil)
        }) else {
            context.error(DataCode.importNoRows, line: 1,
                "In der Datei ist keine Datenzeile mit einem Gebiet zu finden.",
                hint: "Erwartet werden Zeilen mit AGS (z. B. 14522180), „Sozialregion 2: Südost (Sayda)“ oder dem Landkreis 14522. Gemeinden werden nur über ihren AGS erkannt.")
            return
        }
        let headers = records[..<firstData].filter { $0.filledCount >= 2 && isTimeLine($0) == nil }
        let dataRecords = records[firstData...]

        // Key column: where most data rows have a code.
        var counts: [Int: Int] = [:]
        for r in dataRecords { if let i = codeIndex(r) { counts[i, default: 0] += 1 } }
        let keyColumn = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
        // Label column: the first column right of the key that holds text rather than figures
        // ("Gemeinde", "  Mittelsachsen, Landkreis"); GENESIS tables may leave a column between.
        var labelColumn: Int? = nil
        if let keyColumn {
            for c in (keyColumn + 1)..<(keyColumn + 4) {
                let cells = dataRecords.map { $0[text: c] }.filter { !$0.isEmpty }
                guard !cells.isEmpty else { continue }
                let textual = cells.filter { cell in
                    if case .failure = CellParser.officialCell(cell, mark: context.mark) { return true }
                    return false
                }
                if textual.count * 2 > cells.count { labelColumn = c }
                break
            }
        } else {
            labelColumn = labelIndex(records[firstData])
        }
        let first = records[firstData]
        let areaColumns = [keyColumn, labelColumn].compactMap { $0 }
        let timeColumn = (0..<(areaColumns.min() ?? 0)).first { YearParser.year(first[text: $0]) != nil }
        let valueStart = ([keyColumn, labelColumn, timeColumn].compactMap { $0 }.max() ?? -1) + 1
        let expected = headers.last?.fields.count ?? first.fields.count

        // Columns, their header labels and (for wide tables) their year. An empty header cell
        // right of a year belongs to that year, as merged cells export.
        var columns: [Column] = []
        var yearRowYear: [Int: Int] = [:]
        for c in valueStart..<max(valueStart, expected) {
            var labels: [String] = []
            var year: Int? = nil
            for (h, header) in headers.enumerated() {
                let text = header[text: c]
                if text.isEmpty {
                    if let inherited = yearRowYear[h], c > valueStart, columns.last?.year != nil { year = year ?? inherited }
                    continue
                }
                if let y = YearParser.year(text) { year = y; yearRowYear[h] = y } else {
                    labels.append(text)
                    if yearRowYear[h] != nil { yearRowYear[h] = nil }
                }
            }
            let hasData = dataRecords.contains { c < $0.fields.count && !$0[text: c].isEmpty }
            if hasData || year != nil { columns.append(Column(index: c, labels: labels, year: year)) }
        }
        let dataColumns = columns.filter { c in dataRecords.contains { c.index < $0.fields.count && !$0[text: c.index].isEmpty } }
        let headerLine = headers.last?.line ?? first.line
        func matches(_ column: Column, _ wanted: String) -> Bool {
            column.labels.contains { $0.lowercased() == wanted.lowercased() }
        }
        func describe(_ c: Column) -> String {
            let label = c.labels.isEmpty ? "Spalte \(c.index + 1)" : c.labels.joined(separator: " ")
            return c.year.map { "\(label) \($0)" } ?? label
        }
        var selected: [Column] = []
        let wide = dataColumns.contains { $0.year != nil }
        if wide {
            let byYear = Dictionary(grouping: dataColumns.filter { $0.year != nil }, by: { $0.year! })
            for year in byYear.keys.sorted() {
                var group = byYear[year]!
                if group.count > 1, let wanted = settings.column { group = group.filter { matches($0, wanted) } }
                if group.count == 1 { selected.append(group[0]); continue }
                context.error(DataCode.importColumn, line: headerLine,
                    group.isEmpty ? "Für \(year) passt keine Spalte zu „import: spalte: \(settings.column ?? "")“."
                        : "Für \(year) gibt es \(group.count) Wertspalten; welche gehört zum Indikator „\(context.indicator.slug)“?",
                    hint: "Wählen Sie in \(context.indicator.slug).md mit „import: {spalte: …}“ eine dieser Überschriften: "
                        + (byYear[year] ?? []).map(describe).joined(separator: ", "))
                return
            }
        } else {
            var candidates = dataColumns
            if let wanted = settings.column { candidates = candidates.filter { matches($0, wanted) } }
            guard candidates.count == 1 else {
                context.error(DataCode.importColumn, line: headerLine,
                    candidates.isEmpty ? "Keine Wertspalte gefunden\(settings.column.map { " zu „import: spalte: \($0)“" } ?? "")."
                        : "Die Tabelle hat \(candidates.count) Wertspalten; welche gehört zum Indikator „\(context.indicator.slug)“?",
                    hint: "Wählen Sie in \(context.indicator.slug).md mit „import: {spalte: …}“ eine dieser Überschriften: "
                        + dataColumns.map(describe).joined(separator: ", "))
                return
            }
            selected = candidates
            let hasTimeLines = records.contains { isTimeLine($0) != nil }
            if timeColumn == nil && !hasTimeLines {
                context.error(DataCode.importLayout, line: headerLine,
                    "Die Tabelle nennt kein Jahr: weder Jahreszahlen in der Kopfzeile noch eine Zeitspalte.",
                    hint: "Laden Sie die Tabelle mit der Zeit als Spalte oder Kopfzeile herunter (z. B. „AGS;Gemeinde;2014;…;2023“).")
                return
            }
        }

        var currentYear: Int? = records[..<firstData].compactMap(isTimeLine).last
        for record in dataRecords where !record.isBlank {
            if let y = isTimeLine(record) { currentYear = y; continue }
            let key = keyColumn.flatMap { $0 < record.fields.count ? record.fields[$0] : nil }
            let label = labelColumn.flatMap { $0 < record.fields.count ? record.fields[$0] : nil }
            let areaCells = [keyColumn, labelColumn, timeColumn].compactMap { $0 }.filter { $0 < record.fields.count }
            let otherFilled = record.filledCount - areaCells.filter { !record[text: $0].isEmpty }.count
            let hasCode = key.map { isCode($0.trimmed) } ?? false
            let hasAreaLabel = areas.area(label: label?.trimmed ?? "") != nil || areas.area(label: key?.trimmed ?? "") != nil
            // Headings and footnotes: text in the area columns only.
            if !hasCode && !hasAreaLabel && otherFilled == 0 { continue }
            if record.fields.count != expected {
                context.diagnostics.append(AreaCatalog.fieldCountError(record, expected: expected, file: context.file))
                continue
            }
            let resolution = context.resolveArea(code: key, label: label, hasValues: otherFilled > 0, rowLine: record.line)
            guard case .area(let area) = resolution else { continue }
            var rowYear = currentYear
            if let timeColumn {
                let cell = record.fields[timeColumn]
                guard let y = YearParser.year(cell.text) else {
                    context.error(DataCode.invalidYear, at: cell, "„\(cell.trimmed)“ ist keine erkennbare Zeitangabe.",
                                  hint: "Erwartet: Jahr (2021) oder Stichtag (31.12.2021).")
                    continue
                }
                rowYear = y
            }
            for column in selected {
                let field = record.fields[column.index]
                guard let year = column.year ?? rowYear else {
                    context.error(DataCode.invalidYear, at: field, "Zu diesem Wert ist kein Jahr erkennbar.")
                    continue
                }
                guard let state = context.value(field) else { continue }
                context.add(area: area, year: year, state: state, at: field)
            }
        }
    }
}
