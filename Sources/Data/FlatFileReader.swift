import Support

/// GENESIS-Online flat files: one record per value, dimensions in columns.
enum FlatFileReader {
    /// GENESIS variable codes that hold areas (the Kreis appears as level `KREISE`).
    static let areaVariables: Set<String> = ["GEMEIN", "KREISE", "GEMVB", "REGBEZ", "DLAND", "DINSG", "LAND", "STAG"]

    static func isOldHeader(_ names: [String]) -> Bool { names.contains("Statistik_Code") || (names.contains("Zeit") && names.contains("1_Auspraegung_Code")) }
    static func isNewHeader(_ names: [String]) -> Bool { names.contains("time") && names.contains("value") }

    static func read(records: [CSVRecord], headerIndex: Int, flavour: ImportLayout, settings: ImportSettings,
                     context: inout ImportContext) {
        let header = records[headerIndex]
        let names = header.fields.map(\.trimmed)
        var column: [String: Int] = [:]
        for (i, name) in names.enumerated() where column[name] == nil { column[name] = i }
        let old = flavour == .genesisFlatOld
        let timeName = old ? "Zeit" : "time"
        guard let timeColumn = column[timeName] else {
            context.error(DataCode.importLayout, line: header.line, "Die Spalte „\(timeName)“ fehlt im Flatfile.")
            return
        }
        // Area dimensions: N_Auspraegung_Code / N_variable_attribute_code with their variable codes.
        var dimensions: [(variable: Int, code: Int, label: Int?)] = []
        for n in 1...20 {
            let v = old ? "\(n)_Merkmal_Code" : "\(n)_variable_code"
            let c = old ? "\(n)_Auspraegung_Code" : "\(n)_variable_attribute_code"
            let l = old ? "\(n)_Auspraegung_Label" : "\(n)_variable_attribute_label"
            if let vi = column[v], let ci = column[c] { dimensions.append((vi, ci, column[l])) }
        }
        let dataRecords = records[(headerIndex + 1)...].filter { !$0.isBlank }
        let areaDimension = dimensions.first { d in
            dataRecords.contains { areaVariables.contains($0[text: d.variable]) }
        } ?? dimensions.first { d in
            !dataRecords.isEmpty && dataRecords.allSatisfy { r in
                let t = r[text: d.code]
                return !t.isEmpty && t.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            }
        }
        guard let areaDimension else {
            context.error(DataCode.importLayout, line: header.line,
                "Im Flatfile ist keine Spalte mit Gebietsschlüsseln zu finden.",
                hint: "Erwartet wird ein Merkmal wie GEMEIN (Gemeinden) oder KREISE mit dem AGS in „…_Auspraegung_Code“ bzw. „…_variable_attribute_code“.")
            return
        }
        // Value column.
        var valueColumn: Int
        var qualityColumn: Int?
        var valueVariableColumn: Int? = nil
        if old {
            let candidates = names.enumerated().filter { $0.element.contains("__") && !$0.element.hasSuffix("__q") }
            if let wanted = settings.column {
                let w = wanted.lowercased()
                guard let match = candidates.first(where: { c in
                    let parts = c.element.components(separatedBy: "__")
                    return c.element.lowercased() == w || parts[0].lowercased() == w || (parts.count > 1 && parts[1].lowercased() == w)
                }) else {
                    context.error(DataCode.importColumn, line: header.line,
                        "Die Wertspalte „\(wanted)“ (aus „import: spalte:“) gibt es in dieser Datei nicht.",
                        hint: "Vorhanden: " + candidates.map(\.element).joined(separator: ", "))
                    return
                }
                valueColumn = match.offset
            } else if candidates.count == 1 {
                valueColumn = candidates[0].offset
            } else if candidates.isEmpty {
                context.error(DataCode.importColumn, line: header.line, "Das Flatfile enthält keine Wertspalte (Name mit „__“).")
                return
            } else {
                context.error(DataCode.importColumn, line: header.line,
                    "Das Flatfile hat \(candidates.count) Wertspalten; welche gehört zum Indikator „\(context.indicator.slug)“?",
                    hint: "Tragen Sie in \(context.indicator.slug).md z. B. „import: {spalte: \(candidates[0].element)}“ ein. Vorhanden: " + candidates.map(\.element).joined(separator: ", "))
                return
            }
            let parts = names[valueColumn].components(separatedBy: "__")
            qualityColumn = parts.count >= 2 ? column[parts[0] + "__" + parts[1] + "__q"] : nil
        } else {
            valueColumn = column["value"]!
            qualityColumn = column["value_q"]
            valueVariableColumn = column["value_variable_code"]
            if let vc = valueVariableColumn, settings.column == nil {
                let codes = Set(dataRecords.map { $0[text: vc] }).sorted()
                if codes.count > 1 {
                    context.error(DataCode.importColumn, line: header.line,
                        "Das Flatfile enthält \(codes.count) Merkmale in „value_variable_code“; welches gehört zum Indikator „\(context.indicator.slug)“?",
                        hint: "Tragen Sie in \(context.indicator.slug).md z. B. „import: {spalte: \(codes[0])}“ ein. Vorhanden: " + codes.joined(separator: ", "))
                    return
                }
            }
        }
        for (name, _) in settings.filters.sorted(by: { $0.key < $1.key }) where column[name] == nil {
            context.error(DataCode.importColumn, line: header.line, "Die Filterspalte „\(name)“ (aus „import: filter:“) gibt es in dieser Datei nicht.",
                hint: Suggestion.hint(for: name, in: names))
        }
        if context.diagnostics.hasErrors { return }

        for record in dataRecords {
            guard record.fields.count == names.count else {
                context.diagnostics.append(AreaCatalog.fieldCountError(record, expected: names.count, file: context.file))
                continue
            }
            if !settings.filters.allSatisfy({ record[text: column[$0.key]!] == $0.value }) {
                context.skippedByFilter += 1
                continue
            }
            if !old, let vc = valueVariableColumn, let wanted = settings.column {
                let labelColumn = column["value_variable_label"]
                let matches = record[text: vc].lowercased() == wanted.lowercased()
                    || (labelColumn.map { record[text: $0].lowercased() == wanted.lowercased() } ?? false)
                if !matches { context.skippedByFilter += 1; continue }
            }
            let valueField = record.fields[valueColumn]
            let resolution = context.resolveArea(code: record.fields[areaDimension.code],
                                                 label: areaDimension.label.map { record.fields[$0] },
                                                 hasValues: true, rowLine: record.line)
            guard case .area(let area) = resolution else { continue }
            let timeField = record.fields[timeColumn]
            guard let year = YearParser.year(timeField.text) else {
                context.error(DataCode.invalidYear, at: timeField, "„\(timeField.trimmed)“ ist keine erkennbare Zeitangabe.",
                              hint: "Erwartet: Jahr (2021) oder Stichtag (31.12.2021).")
                continue
            }
            var quality: (flags: ValueFlags, symbol: ValueState?) = ([], nil)
            if let qc = qualityColumn {
                switch CellParser.qualityCell(record.fields[qc].text) {
                case .success(let q): quality = q
                case .failure(let p): context.error(p.code, at: record.fields[qc], p.message, hint: p.hint); continue
                }
            }
            let hadErrors = context.diagnostics.count
            let cell = context.value(valueField)
            if context.diagnostics.count > hadErrors { continue }
            let state: ValueState
            switch (cell, quality.symbol) {
            case (nil, let symbol?): state = symbol.with(flags: quality.flags)
            case (nil, nil):
                context.error(DataCode.missingValue, at: valueField, "Die Wertzelle ist leer.",
                              hint: "In GENESIS-Flatfiles steht in jeder Zeile ein Wert oder ein Zeichen wie „.“.")
                continue
            case (let value?, nil): state = value.with(flags: value.flags.union(quality.flags))
            case (let value?, let symbol?):
                if value == symbol.with(flags: value.flags) {
                    state = value.with(flags: value.flags.union(quality.flags))
                } else {
                    context.error(DataCode.qualityConflict, at: record.fields[qualityColumn!],
                        "Wert „\(valueField.trimmed)“ und Qualitätskennzeichen „\(record[text: qualityColumn!])“ widersprechen sich.")
                    continue
                }
            }
            context.add(area: area, year: year, state: state, at: valueField)
        }
    }
}
