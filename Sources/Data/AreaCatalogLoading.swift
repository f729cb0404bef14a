import Foundation
import Support

extension AreaCatalog {
    /// Reads `gebiete.csv` from disk. `displayPath` is how diagnostics name the file.
    public static func load(path: String, displayPath: String = AreaCatalog.defaultPath) -> (catalog: AreaCatalog, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (AreaCatalog(areas: []), [.error(DataCode.fileUnreadable, at: SourceLocation(file: displayPath),
                "Die Gebietsliste fehlt oder ist nicht lesbar.",
                hint: "Sie gehört nach \(AreaCatalog.defaultPath); ohne sie können keine Daten geladen werden.")])
        }
        let (text, encoding, decodeProblems) = TextDecoding.decode(Array(data), file: displayPath)
        guard let text else { return (AreaCatalog(areas: []), decodeProblems) }
        var (catalog, diagnostics) = parse(text, file: displayPath)
        diagnostics += decodeProblems
        if encoding == .windows1252 {
            diagnostics.append(.warning(DataCode.encodingNotUTF8, at: SourceLocation(file: displayPath),
                "Die Gebietsliste ist nicht als UTF-8 gespeichert.", hint: TextDecoding.saveAsHint))
        }
        return (catalog, diagnostics)
    }

    /// Parses the text of `gebiete.csv`: `#` lines at the top document the file, then the header
    /// row with `AreaCatalog.columns`, then one area per line.
    public static func parse(_ text: String, file: String) -> (catalog: AreaCatalog, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let (records, problems) = CSVReader.read(text, separator: ";")
        diagnostics += problems.map { diagnostic(for: $0, file: file) }
        let content = records.filter { !$0.isBlank && !$0[text: 0].hasPrefix("#") }
        guard let header = content.first else {
            diagnostics.append(.error(DataCode.csvHeader, at: SourceLocation(file: file),
                "Die Gebietsliste ist leer.", hint: "Erste Zeile: " + columns.joined(separator: ";")))
            return (AreaCatalog(areas: []), diagnostics)
        }
        let names = header.fields.map(\.trimmed)
        guard names == columns else {
            let firstWrong = zip(names, columns).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(names.count, columns.count)
            let field = firstWrong < header.fields.count ? header.fields[firstWrong] : nil
            diagnostics.append(.error(DataCode.csvHeader,
                at: SourceLocation(file: file, line: field?.line ?? header.line, column: field?.column ?? header.endColumn),
                "Die Kopfzeile der Gebietsliste stimmt nicht.",
                hint: "Erwartet: " + columns.joined(separator: ";")))
            return (AreaCatalog(areas: []), diagnostics)
        }
        var areas: [Area] = []
        var seen: [String: SourceLocation] = [:]
        for record in content.dropFirst() {
            guard record.fields.count == columns.count else {
                diagnostics.append(fieldCountError(record, expected: columns.count, file: file))
                continue
            }
            func location(_ i: Int) -> SourceLocation {
                SourceLocation(file: file, line: record.fields[i].line, column: record.fields[i].column)
            }
            func bad(_ i: Int, _ message: String, hint: String? = nil) {
                diagnostics.append(.error(DataCode.areaInvalid, at: location(i), message, hint: hint))
            }
            let key = record[text: 0], name = record[text: 1], kind = record[text: 2]
            guard !key.isEmpty else { bad(0, "Das Gebiet hat keinen Schlüssel."); continue }
            guard !name.isEmpty else { bad(1, "Das Gebiet „\(key)“ hat keinen Namen."); continue }
            guard kinds.contains(kind) else {
                bad(2, "„\(kind)“ ist keine bekannte Art von Gebiet.",
                    hint: Suggestion.hint(for: kind, in: kinds) ?? "Erlaubt: " + kinds.joined(separator: ", ") + ".")
                continue
            }
            let level: AreaLevel = kind == "Landkreis" ? .kreis : kind == "Sozialregion" ? .sozialregion : .gemeinde
            let digitsOnly = key.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            var region: Int? = nil
            let regionText = record[text: 3]
            if !regionText.isEmpty {
                guard let n = Int(regionText), n >= 1 else { bad(3, "„\(regionText)“ ist keine Nummer einer Sozialregion."); continue }
                region = n
            }
            switch level {
            case .gemeinde:
                guard digitsOnly && key.utf8.count == 8 else {
                    bad(0, "„\(key)“ ist kein achtstelliger Amtlicher Gemeindeschlüssel.",
                        hint: "Der AGS besteht aus acht Ziffern, z. B. 14522180 für Freiberg.")
                    continue
                }
                guard region != nil else { bad(3, "Die Gemeinde „\(name)“ hat keine Sozialregion."); continue }
            case .sozialregion:
                guard let region, key == "sozialregion-\(region)" else {
                    bad(0, "Eine Sozialregion braucht den Schlüssel „sozialregion-N“ passend zur Spalte sozialregion.",
                        hint: region.map { "Für Sozialregion \($0): „sozialregion-\($0)“." })
                    continue
                }
            case .kreis:
                guard digitsOnly && key.utf8.count == 5 else {
                    bad(0, "„\(key)“ ist kein fünfstelliger Kreisschlüssel.", hint: "Mittelsachsen hat den Schlüssel 14522.")
                    continue
                }
            }
            var population: Int? = nil
            let populationText = record[text: 4]
            if !populationText.isEmpty {
                guard let p = Int(populationText), p >= 0 else {
                    bad(4, "„\(populationText)“ ist keine Einwohnerzahl.", hint: "Nur Ziffern, ohne Tausenderpunkt, z. B. 39721.")
                    continue
                }
                population = p
            }
            var dates: [CivilDate?] = []
            var datesOK = true
            for i in [5, 6] {
                let t = record[text: i]
                if t.isEmpty { dates.append(nil); continue }
                guard let d = CivilDate(iso: t) else {
                    bad(i, "„\(t)“ ist kein Datum.", hint: "Schreiben Sie Daten als JJJJ-MM-TT, z. B. 2023-01-01.")
                    datesOK = false
                    break
                }
                dates.append(d)
            }
            guard datesOK else { continue }
            if let from = dates[0], let to = dates[1], to < from {
                bad(6, "„gueltig_bis“ liegt vor „gueltig_ab“.")
                continue
            }
            if let first = seen[key] {
                diagnostics.append(.error(DataCode.areaDuplicate, at: location(0),
                    "Das Gebiet „\(key)“ steht doppelt in der Liste.", hint: "Zuerst in Zeile \(first.line)."))
                continue
            }
            seen[key] = location(0)
            let successor = record[text: 7]
            let note = record[text: 8]
            areas.append(Area(key: key, name: name, level: level, kind: kind, sozialregion: region,
                              population2021: population, validFrom: dates[0], validTo: dates[1],
                              successor: successor.isEmpty ? nil : successor, note: note.isEmpty ? nil : note,
                              location: location(0)))
        }
        let catalog = AreaCatalog(areas: areas)
        diagnostics += crossCheck(catalog, file: file)
        return (catalog, diagnostics)
    }

    /// Relations between rows: regions exist, successors exist and take over, slugs are unique.
    static func crossCheck(_ catalog: AreaCatalog, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if catalog.areas.filter({ $0.level == .kreis }).count != 1 {
            diagnostics.append(.error(DataCode.areaInvalid, at: SourceLocation(file: file),
                "Die Gebietsliste braucht genau einen Eintrag der Art „Landkreis“."))
        }
        var slugs: [String: Area] = [:]
        for area in catalog.areas {
            if area.level == .gemeinde, let n = area.sozialregion, catalog.sozialregion(number: n) == nil {
                diagnostics.append(.error(DataCode.areaInvalid, at: area.location,
                    "Die Sozialregion \(n) von „\(area.name)“ fehlt in der Liste.",
                    hint: "Jede Sozialregion braucht eine eigene Zeile mit dem Schlüssel „sozialregion-\(n)“."))
            }
            if let key = area.successor {
                if let next = catalog.area(key: key) {
                    if let to = area.validTo {
                        if let from = next.validFrom, from <= to {
                            diagnostics.append(.error(DataCode.areaSuccessor, at: area.location,
                                "Nachfolger „\(next.name)“ beginnt, bevor „\(area.name)“ endet."))
                        }
                    } else {
                        diagnostics.append(.error(DataCode.areaSuccessor, at: area.location,
                            "„\(area.name)“ hat einen Nachfolger, aber kein Datum in „gueltig_bis“."))
                    }
                } else {
                    diagnostics.append(.error(DataCode.areaSuccessor, at: area.location,
                        "Der Nachfolger „\(key)“ von „\(area.name)“ steht nicht in der Liste.",
                        hint: catalog.hint(forUnknownKey: key)))
                }
            }
            if area.level == .gemeinde {
                if let other = slugs[area.slug] {
                    diagnostics.append(.error(DataCode.areaSlugClash, at: area.location,
                        "„\(area.name)“ und „\(other.name)“ ergeben dieselbe Adresse /daten/gemeinden/\(area.slug)/."))
                } else {
                    slugs[area.slug] = area
                }
                if area.slug.isEmpty {
                    diagnostics.append(.error(DataCode.areaInvalid, at: area.location,
                        "Aus dem Namen „\(area.name)“ lässt sich keine Adresse bilden."))
                }
            }
        }
        return diagnostics
    }

    static func diagnostic(for problem: CSVProblem, file: String) -> Diagnostic {
        let at = SourceLocation(file: file, line: problem.line, column: problem.column)
        switch problem.kind {
        case .unclosedQuote:
            return .error(DataCode.csvUnclosedQuote, at: at,
                "Dieses Anführungszeichen wird nie geschlossen; der Rest der Datei wäre eine einzige Zelle.",
                hint: "Schließen Sie die Zelle mit \" oder entfernen Sie das Anführungszeichen.")
        case .textAfterQuote:
            return .error(DataCode.csvTextAfterQuote, at: at,
                "Nach dem schließenden Anführungszeichen steht noch Text in derselben Zelle.",
                hint: "Anführungszeichen innerhalb einer Zelle werden verdoppelt: \"\"so\"\".")
        }
    }

    static func fieldCountError(_ record: CSVRecord, expected: Int, file: String) -> Diagnostic {
        let count = record.fields.count
        let at: SourceLocation
        if count > expected {
            let extra = record.fields[expected]
            at = SourceLocation(file: file, line: extra.line, column: extra.column)
        } else {
            at = SourceLocation(file: file, line: record.endLine, column: record.endColumn)
        }
        let extra = count > expected ? "Ein Trennzeichen „;“ zu viel, oder ein Wert mit „;“, der in Anführungszeichen gehört?" : "Fehlt ein Trennzeichen „;“?"
        return .error(DataCode.csvFieldCount, at: at,
            "Die Zeile hat \(count) Spalten, erwartet werden \(expected).", hint: extra + " Nichts wird ergänzt oder verschoben.")
    }
}
