import Support

/// State shared by the layout readers: resolves areas, checks validity and duplicates, collects
/// values and every diagnostic of the file.
struct ImportContext {
    let file: String
    let areas: AreaCatalog
    let indicator: Indicator
    let mark: DecimalMark
    var diagnostics: [Diagnostic] = []
    var observations: [Observation] = []
    var skippedOutside = 0
    var skippedByFilter = 0
    private var seen: [String: Int] = [:]
    private var reportedLevels: Set<AreaLevel> = []

    init(file: String, areas: AreaCatalog, indicator: Indicator, mark: DecimalMark) {
        self.file = file
        self.areas = areas
        self.indicator = indicator
        self.mark = mark
    }

    func location(_ field: CSVField) -> SourceLocation {
        SourceLocation(file: file, line: field.line, column: field.column)
    }

    mutating func error(_ code: String, at field: CSVField, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(code, at: location(field), message, hint: hint))
    }

    mutating func error(_ code: String, line: Int, column: Int = 1, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(code, at: SourceLocation(file: file, line: line, column: column), message, hint: hint))
    }

    enum AreaResolution {
        case area(Area)
        /// Not an error: outside the Kreis, or a heading without values.
        case skip
        /// An error was recorded.
        case failed
    }

    static let outsideLabels: Set<String> = ["deutschland", "sachsen", "freistaat-sachsen", "land-sachsen", "insgesamt-sachsen"]

    /// The area of a row from its key cell (AGS, `14522`, ARS, `sozialregion-N`) or, when the key
    /// cell is empty, from a region or Kreis label. Gemeinden are never found by name.
    mutating func resolveArea(code: CSVField?, label: CSVField?, hasValues: Bool, rowLine: Int) -> AreaResolution {
        let codeText = code?.trimmed ?? ""
        let labelText = label?.trimmed ?? ""
        if !codeText.isEmpty, let code {
            if let area = areas.area(code: codeText) { return .area(area) }
            let isDigits = codeText.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            if isDigits {
                let kreisKey = areas.kreis?.key ?? "14522"
                if codeText.count > kreisKey.count && codeText.hasPrefix(kreisKey) {
                    error(DataCode.unknownArea, at: code, "Der Gemeindeschlüssel „\(codeText)“\(labelText.isEmpty ? "" : " („\(labelText)“)") ist unbekannt.",
                          hint: areas.hint(forUnknownKey: codeText, label: labelText))
                    return .failed
                }
                if [2, 3, 5, 8, 12].contains(codeText.count) {
                    skippedOutside += 1
                    return .skip
                }
            }
            if let area = areas.area(label: codeText) { return .area(area) }
            if Self.outsideLabels.contains(Slug.make(codeText)) { skippedOutside += 1; return .skip }
            error(DataCode.unknownArea, at: code, "Das Gebiet „\(codeText)“ ist unbekannt.",
                  hint: areas.hint(forUnknownKey: codeText, label: labelText))
            return .failed
        }
        if !labelText.isEmpty, let label {
            if let area = areas.area(label: labelText) { return .area(area) }
            if !hasValues { return .skip }
            if Self.outsideLabels.contains(Slug.make(labelText)) { skippedOutside += 1; return .skip }
            var hint = "Gemeinden werden nur über ihren Gemeindeschlüssel (AGS) erkannt, Sozialregionen über Namen wie „\(areas.sozialregionen.first?.name ?? "Sozialregion 1: Freiberg")“, der Landkreis als „14522“."
            if Slug.fold(labelText).hasPrefix("sozialregion"), let n = Int(String(labelText.filter(\.isNumber).prefix(1))),
               let region = areas.sozialregion(number: n) {
                hint = "Sozialregion \(n) heißt in gebiete.csv „\(region.name)“."
            } else if let named = areas.gemeinden.first(where: { $0.slug == Slug.make(labelText.components(separatedBy: ",")[0]) }) {
                hint = "Für „\(labelText)“ fehlt der Gemeindeschlüssel; laut gebiete.csv wäre es \(named.key). Er wird nicht aus dem Namen ergänzt: bitte in der Quelle prüfen und eintragen."
            }
            error(DataCode.importAreaMissing, at: label, "Die Zeile enthält Werte, aber das Gebiet „\(labelText)“ ist nicht erkennbar.", hint: hint)
            return .failed
        }
        if hasValues {
            error(DataCode.importAreaMissing, line: rowLine, "Die Zeile enthält Werte, aber keinen Gebietsschlüssel.",
                  hint: "Jede Datenzeile braucht einen AGS, eine Sozialregion oder den Landkreis.")
            return .failed
        }
        return .skip
    }

    /// Records one value after checking validity in that year, duplicates and the indicator's
    /// declared aggregation.
    mutating func add(area: Area, year: Int, state: ValueState, at field: CSVField) {
        if !area.isValid(inYear: year) {
            // `x` means "not meaningful": exactly what a table says for a Gemeinde that did not exist.
            if case .missing(.blocked, _) = state { return }
            error(DataCode.areaNotValid, at: field,
                  "Wert für \(area.name) im Jahr \(year), aber das Gebiet bestand am 31.12.\(year) nicht.",
                  hint: areas.validityHint(for: area, year: year))
            return
        }
        let method = indicator.method(for: area.level)
        if method != .daten {
            if reportedLevels.insert(area.level).inserted {
                let key = area.level == .kreis ? "kreis_values" : "region_values"
                error(DataCode.publishedValueRecomputed, at: field,
                      "Die Datei enthält Werte für \(area.level == .kreis ? "den Landkreis" : "Sozialregionen"), aber der Indikator sagt „\(key): \(method.rawValue)“.",
                      hint: "Veröffentlichte Werte werden nie stillschweigend neu berechnet: schreiben Sie „\(key): daten“ in \(indicator.slug).md, wenn diese Werte übernommen werden sollen.")
            }
            return
        }
        let id = "\(area.key)|\(year)"
        if let first = seen[id] {
            error(DataCode.duplicateValue, at: field,
                  "Für \(area.name) (\(area.key)) und \(year) gibt es schon einen Wert (Zeile \(first)).",
                  hint: "Hat die Datei weitere Merkmale (z. B. Geschlecht oder mehrere Wertspalten)? Dann wählen Sie mit „import: filter:“ oder „import: spalte:“ in \(indicator.slug).md aus.")
            return
        }
        seen[id] = field.line
        observations.append(Observation(area: area.key, year: year, state: state, location: location(field)))
    }

    /// One published cell, with the problem recorded when it is not readable. Nil when empty or bad.
    mutating func value(_ field: CSVField) -> ValueState? {
        switch CellParser.officialCell(field.text, mark: mark) {
        case .success(let state): return state
        case .failure(let problem):
            error(problem.code, at: field, problem.message, hint: problem.hint)
            return nil
        }
    }
}
