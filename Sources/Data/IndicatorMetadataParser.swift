import Foundation
import Support
import Yams

/// Reads `<slug>.md`: YAML front matter (composed by Yams, every scalar read as the string the
/// editor wrote, so `NO` stays "NO" and `1.10` stays "1.10") and the explanation below it.
enum IndicatorMetadataParser {
    static let requiredKeys = ["title", "unit", "decimals", "definition", "source", "licence", "datenstand",
                               "handlungsfelder", "higher_is_better", "region_values", "kreis_values"]
    static let optionalKeys = ["example", "gewicht", "gebietsstand", "zeitbezug", "import"]

    static func parse(_ text: String, slug: String, file: String, csvFile: String,
                      handlungsfelder known: Set<String>?) -> (Indicator?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let top = SourceLocation(file: file, line: 1, column: 1)
        var normalized = text.replacingBytes([("\r\n", "\n")])
        if normalized.unicodeScalars.first == "\u{FEFF}" { normalized.unicodeScalars.removeFirst() }
        guard case .success(let parts) = FrontMatter.split(normalized, file: file) else {
            return (nil, [.error(DataCode.frontMatter, at: top,
                "Die Indikator-Beschreibung beginnt nicht mit einem Kopfbereich zwischen zwei Zeilen „---“.",
                hint: "Erste Zeile „---“, dann title:, unit:, … und wieder eine Zeile „---“; darunter die Erklärung.")])
        }
        func at(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return top }
            return SourceLocation(file: file, line: parts.yamlFirstLine + mark.line - 1, column: mark.column)
        }
        let root: Node?
        do {
            // `Resolver.basic`: every value is read as the scalar's text (`.scalar?.string`), so the
            // tags the default resolver would add are never used, and building that resolver (its
            // regular expressions) cost more than all indicator files together. The encoding spelled
            // out (Yams' default reads the environment) and an empty constructor, as the content
            // loader does.
            root = try Yams.compose(yaml: parts.yaml, .basic, Constructor([:], [:], [:]), .utf8)
        } catch let error as YamlError {
            return (nil, [yamlDiagnostic(error, at: at)])
        } catch {
            return (nil, [.error(DataCode.frontMatter, at: top, "Der Kopfbereich ist kein gültiges YAML.")])
        }
        guard let mapping = root?.mapping else {
            return (nil, [.error(DataCode.frontMatter, at: top, "Der Kopfbereich enthält keine Angaben der Form „schlüssel: wert“.")])
        }
        var values: [String: Node] = [:]
        var locations: [String: SourceLocation] = [:]
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string else { continue }
            let location = at(keyNode.mark)
            guard requiredKeys.contains(key) || optionalKeys.contains(key) else {
                diagnostics.append(.warning(DataCode.unknownKey, at: location,
                    "Der Schlüssel „\(key)“ ist für Indikatoren unbekannt und wird nicht verwendet.",
                    hint: Suggestion.hint(for: key, in: requiredKeys + optionalKeys)))
                continue
            }
            values[key] = valueNode
            locations[key] = location
        }
        var ok = true
        for key in requiredKeys where values[key] == nil {
            diagnostics.append(.error(DataCode.missingKey, at: top, "Die Angabe „\(key):“ fehlt.", hint: keyHint[key]))
            ok = false
        }
        func invalid(_ key: String, _ message: String, hint: String? = nil) {
            diagnostics.append(.error(DataCode.invalidKey, at: values[key]?.mark.map(at) ?? locations[key] ?? top, message,
                                      hint: hint ?? keyHint[key]))
            ok = false
        }
        func string(_ key: String) -> String? {
            guard let node = values[key] else { return nil }
            guard let scalar = node.scalar else { invalid(key, "„\(key):“ muss ein einzelner Text sein, keine Liste."); return nil }
            let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { invalid(key, "„\(key):“ ist leer."); return nil }
            return text
        }
        func flag(_ key: String, default value: Bool) -> Bool {
            guard let text = string(key) else { return value }
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: invalid(key, "„\(key): \(text)“ ist nicht eindeutig.", hint: "Schreiben Sie true oder false.")
                return value
            }
        }
        let title = string("title") ?? ""
        let unit = string("unit") ?? ""
        let definition = string("definition") ?? ""
        let source = string("source") ?? ""
        let licence = string("licence") ?? ""
        var decimals = 0
        if let text = string("decimals") {
            if let d = Int(text), (0...4).contains(d) { decimals = d } else {
                invalid("decimals", "„decimals: \(text)“ ist keine Zahl von 0 bis 4.")
            }
        }
        var datenstand = CivilDate(year: 1970, month: 1, day: 1)
        if let text = string("datenstand") {
            if let d = CivilDate(iso: text) { datenstand = d } else {
                invalid("datenstand", "„datenstand: \(text)“ ist kein Datum.")
            }
        }
        var fields: [String] = []
        if let node = values["handlungsfelder"] {
            if let sequence = node.sequence {
                for item in sequence {
                    guard let slug = item.scalar?.string.trimmingCharacters(in: .whitespaces), !slug.isEmpty else {
                        invalid("handlungsfelder", "Die Liste „handlungsfelder“ enthält einen leeren Eintrag."); continue
                    }
                    if let known, !known.contains(slug) {
                        diagnostics.append(.error(DataCode.unknownHandlungsfeld, at: item.mark.map(at) ?? top,
                            "„\(slug)“ ist kein Handlungsfeld.",
                            hint: Suggestion.hint(for: slug, in: known.sorted()) ?? "Bekannt: " + known.sorted().joined(separator: ", ") + "."))
                        ok = false
                    }
                    fields.append(slug)
                }
                if sequence.isEmpty { invalid("handlungsfelder", "Die Liste „handlungsfelder“ ist leer.") }
            } else {
                invalid("handlungsfelder", "„handlungsfelder:“ muss eine Liste sein.")
            }
        }
        var higher: Bool? = nil
        if let text = string("higher_is_better") {
            switch text.lowercased() {
            case "true": higher = true
            case "false": higher = false
            case "none": higher = nil
            default: invalid("higher_is_better", "„higher_is_better: \(text)“ ist nicht eindeutig.")
            }
        }
        func method(_ key: String) -> AggregationMethod {
            guard let text = string(key) else { return .daten }
            if let m = AggregationMethod(rawValue: text) { return m }
            invalid(key, "„\(key): \(text)“ ist unbekannt.",
                    hint: (Suggestion.hint(for: text, in: AggregationMethod.allCases.map(\.rawValue)).map { $0 + " " } ?? "")
                        + "Erlaubt: daten, summe, mittelwert_gewichtet, keine.")
            return .daten
        }
        let regionValues = method("region_values")
        let kreisValues = method("kreis_values")
        let weight = values["gewicht"] != nil ? string("gewicht") : nil
        if (regionValues == .mittelwertGewichtet || kreisValues == .mittelwertGewichtet) && weight == nil && values["gewicht"] == nil {
            diagnostics.append(.error(DataCode.missingKey, at: top,
                "Für „mittelwert_gewichtet“ fehlt die Angabe „gewicht:“.",
                hint: "Nennen Sie den Indikator, mit dem gewichtet wird, z. B. „gewicht: bevoelkerung“."))
            ok = false
        }
        let example = values["example"] != nil ? flag("example", default: false) : false
        let gebietsstand = values["gebietsstand"] != nil ? string("gebietsstand") : nil
        let zeitbezug = values["zeitbezug"] != nil ? string("zeitbezug") : nil
        var settings = ImportSettings()
        if let node = values["import"] {
            if let m = node.mapping {
                for (k, v) in m {
                    switch k.scalar?.string {
                    case "spalte": settings.column = v.scalar?.string
                    case "filter":
                        if let fm = v.mapping {
                            for (fk, fv) in fm {
                                if let a = fk.scalar?.string, let b = fv.scalar?.string { settings.filters[a] = b }
                            }
                        } else { invalid("import", "„filter:“ unter „import:“ braucht Angaben der Form „Spalte: Wert“.") }
                    default:
                        invalid("import", "„\(k.scalar?.string ?? "?")“ ist unter „import:“ unbekannt.", hint: "Erlaubt: spalte, filter.")
                    }
                }
            } else {
                invalid("import", "„import:“ braucht die Angaben „spalte:“ und/oder „filter:“.")
            }
        }
        guard ok else { return (nil, diagnostics) }
        let indicator = Indicator(slug: slug, title: title, unit: unit, decimals: decimals, definition: definition,
                                  source: source, licence: licence, datenstand: datenstand, handlungsfelder: fields,
                                  higherIsBetter: higher, regionValues: regionValues, kreisValues: kreisValues,
                                  weight: weight, example: example, gebietsstand: gebietsstand, zeitbezug: zeitbezug,
                                  importSettings: settings, body: parts.body, bodyFirstLine: parts.bodyFirstLine,
                                  file: file, csvFile: csvFile, keyLocations: locations)
        return (indicator, diagnostics)
    }

    static let keyHint: [String: String] = [
        "title": "Zum Beispiel „title: Arbeitslosenquote“.",
        "unit": "Zum Beispiel „unit: \"%\"“, „unit: Personen“, „unit: je 1.000 Einwohner“ oder „unit: Jahre“.",
        "decimals": "Anzahl der Nachkommastellen auf der Website, z. B. „decimals: 1“.",
        "definition": "Was genau gezählt wird: Zähler, Nenner, Stichtag.",
        "source": "Zum Beispiel „source: Statistisches Landesamt des Freistaates Sachsen“.",
        "licence": "Zum Beispiel „licence: Datenlizenz Deutschland – Namensnennung – 2.0“.",
        "datenstand": "Datum, an dem die Zahlen abgerufen wurden, als JJJJ-MM-TT.",
        "handlungsfelder": "Liste von Handlungsfeldern, z. B. „handlungsfelder: [arbeit, armut-notlagen]“.",
        "higher_is_better": "true (mehr ist besser), false (weniger ist besser) oder none (weder noch).",
        "region_values": "daten (veröffentlichte Werte), summe, mittelwert_gewichtet oder keine.",
        "kreis_values": "daten (veröffentlichte Werte), summe, mittelwert_gewichtet oder keine.",
    ]

    static func yamlDiagnostic(_ error: YamlError, at: (Mark?) -> SourceLocation) -> Diagnostic {
        let hint = "Häufige Ursachen: ein Doppelpunkt im Text (dann den Text in Anführungszeichen setzen), Tabulatoren statt Leerzeichen, ein nicht geschlossenes Anführungszeichen."
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .error(DataCode.frontMatter, at: at(mark), "Der Kopfbereich ist kein gültiges YAML (\(problem)).", hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(DataCode.frontMatter, at: at(context.mark),
                "Im Kopfbereich steht „\(duplicates.joined(separator: "“, „"))“ mehrfach.", hint: "Jeder Schlüssel darf nur einmal vorkommen.")
        default:
            return .error(DataCode.frontMatter, at: at(nil), "Der Kopfbereich ist kein gültiges YAML.", hint: hint)
        }
    }
}
