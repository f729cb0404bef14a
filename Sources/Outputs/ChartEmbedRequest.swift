import Data
import Markdown
import Support
import Yams

/// What a ```` ```diagramm ```` block asks for, read from its YAML and checked against the
/// site's data. Every problem is reported at its line in the post, with a hint; a block with
/// problems draws no chart.
struct ChartEmbedRequest: Sendable {
    enum Kind: String, Sendable, CaseIterable {
        case line = "linie"
        case columns = "saeulen"
        case ranking = "balken"
        case grouped = "gruppiert"
        case tiles = "karte"

        /// Words editors may write for each kind (folded: lower case, umlauts written out).
        static let words: [String: Kind] = [
            "linie": .line, "linien": .line, "saeulen": .columns, "saeule": .columns,
            "balken": .ranking, "rangfolge": .ranking, "gruppiert": .grouped, "karte": .tiles, "kacheln": .tiles,
        ]
        /// Kinds of the Charts module that need other data than one indicator per area and year.
        static let unsuitable: [String: String] = [
            "gestapelt": "Gestapelte Balken zeigen Teile eines Ganzen; ein Indikator hat je Gebiet und Jahr nur einen Wert.",
            "pyramide": "Eine Bevölkerungspyramide braucht Altersgruppen und Geschlecht; die Indikatoren haben je Gebiet und Jahr nur einen Wert.",
        ]
        static let listForHints = "linie, saeulen, balken (oder rangfolge), gruppiert, karte"

        /// One year and several areas side by side instead of a time series.
        var isSnapshot: Bool { self == .ranking || self == .tiles }
    }

    /// The keys a block may have.
    static let keys = ["indikator", "gebiete", "art", "jahre", "titel", "hervorheben"]

    var dataset: IndicatorDataset
    /// Areas in the order written; empty: the kind's default.
    var areas: [Area]
    var kind: Kind
    /// Years to show; for rankings and maps a single year. Nil: all years (or the newest).
    var years: ClosedRange<Int>?
    var title: String?
    var highlight: Area?
    /// The fence line.
    var location: SourceLocation

    /// Reads the block. Returns nil and the reasons when no chart can be drawn.
    static func parse(_ block: FencedBlock, data: SiteData) -> (request: ChartEmbedRequest?, diagnostics: [Diagnostic]) {
        var reader = Reader(block: block, data: data)
        let request = reader.read()
        return (reader.diagnostics.hasErrors ? nil : request, reader.diagnostics)
    }

    struct Reader {
        let block: FencedBlock
        let data: SiteData
        var diagnostics: [Diagnostic] = []

        var fence: SourceLocation { block.location }

        /// Where a YAML node stands in the post: YAML line 1 is the line after the fence.
        func location(_ node: Node?) -> SourceLocation {
            guard let mark = node?.mark else { return fence }
            return SourceLocation(file: fence.file, line: fence.line + mark.line, column: mark.column)
        }

        mutating func error(_ code: String, _ node: Node?, _ message: String, hint: String? = nil) {
            diagnostics.append(.error(code, at: location(node), message, hint: hint))
        }

        mutating func warning(_ code: String, _ node: Node?, _ message: String, hint: String? = nil) {
            diagnostics.append(.warning(code, at: location(node), message, hint: hint))
        }

        mutating func read() -> ChartEmbedRequest? {
            let root: Node?
            do {
                // Encoding given: Yams works out `.default` from the environment on every call.
                // An empty constructor: the reader takes scalars as written, and Yams' default one
                // builds its tables anew on every call (once per chart block).
                // A resolver of its own (`.basic`, which has no rules, as a new object): every node's
                // tag keeps a reference to it, and counting references to the one shared `.basic`
                // from both cores at once (charts render on all of them) made them fight over it.
                root = try Yams.compose(yaml: block.code, Resolver.basic.removing(.str), Constructor([:], [:], [:]), .utf8)
            } catch let error as YamlError {
                diagnostics.append(Self.syntaxDiagnostic(error, fence: fence))
                return nil
            } catch {
                self.error(ChartEmbed.Code.yaml, nil, "Der Diagramm-Block konnte nicht gelesen werden.",
                           hint: ChartEmbed.exampleHint)
                return nil
            }
            guard let root else {
                error(ChartEmbed.Code.missingIndicator, nil, "Der Diagramm-Block ist leer.", hint: ChartEmbed.exampleHint)
                return nil
            }
            guard let mapping = root.mapping else {
                error(ChartEmbed.Code.notMapping, root, "Im Diagramm-Block steht keine Liste von Angaben der Form „name: wert“.",
                      hint: ChartEmbed.exampleHint)
                return nil
            }
            var fields: [String: (key: Node, value: Node)] = [:]
            for (key, value) in mapping {
                let name = key.scalar?.string ?? ""
                guard ChartEmbedRequest.keys.contains(name) else {
                    let hint = Suggestion.hint(for: name, in: ChartEmbedRequest.keys)
                        ?? "Erlaubt sind: \(ChartEmbedRequest.keys.joined(separator: ", "))."
                    error(ChartEmbed.Code.unknownKey, key, "Die Angabe „\(name)“ gibt es im Diagramm-Block nicht.", hint: hint)
                    continue
                }
                fields[name] = (key, value)
            }
            guard let (indicatorKey, indicatorNode) = fields["indikator"] else {
                error(ChartEmbed.Code.missingIndicator, nil, "Im Diagramm-Block fehlt die Angabe „indikator“.",
                      hint: "Zum Beispiel: indikator: \(data.indicators.datasets.first?.slug ?? "arbeitslosenquote")")
                return nil
            }
            _ = indicatorKey
            guard let slug = text(indicatorNode, key: "indikator") else { return nil }
            guard let dataset = data.indicators.dataset(slug: slug) else {
                let known = data.indicators.datasets.map(\.slug)
                let hint = data.indicators.hint(forUnknownSlug: slug)
                    ?? (known.isEmpty ? "Die Website hat noch keine Indikatoren (content/daten/indikatoren/)."
                        : "Vorhanden sind: \(known.joined(separator: ", ")).")
                error(ChartEmbed.Code.unknownIndicator, indicatorNode, "Den Indikator „\(slug)“ gibt es nicht.", hint: hint)
                return nil
            }

            var kind = Kind.line
            if let (_, node) = fields["art"], let word = text(node, key: "art") {
                let folded = Slug.fold(word).replacingBytes([(" ", "-")])
                if let known = Kind.words[folded] {
                    kind = known
                } else if let reason = Kind.unsuitable[folded] {
                    error(ChartEmbed.Code.unsuitableKind, node, "Die Diagrammart „\(word)“ passt nicht zu Indikatordaten.",
                          hint: reason + " Möglich sind: \(Kind.listForHints).")
                } else {
                    let hint = Suggestion.hint(for: folded, in: Kind.words.keys.sorted()).map { $0 + " " } ?? ""
                    error(ChartEmbed.Code.unknownKind, node, "Die Diagrammart „\(word)“ gibt es nicht.",
                          hint: hint + "Möglich sind: \(Kind.listForHints).")
                }
            }

            let years = fields["jahre"].flatMap { readYears($0.value, dataset: dataset, kind: kind) } ?? nil
            var areas: [Area] = []
            if let (_, node) = fields["gebiete"] {
                let items = node.sequence.map { Array($0) } ?? [node]
                if items.isEmpty {
                    error(ChartEmbed.Code.unknownArea, node, "Die Liste „gebiete“ ist leer.",
                          hint: "Zum Beispiel: gebiete: [kreis, sozialregion-6, 14522080]")
                }
                for item in items {
                    guard let word = text(item, key: "gebiete") else { continue }
                    guard let area = resolveArea(word, node: item) else { continue }
                    guard !areas.contains(where: { $0.key == area.key }) else { continue }
                    if !hasValues(dataset, area: area, years: years) {
                        let levels = dataset.levels(in: data.areas)
                        error(ChartEmbed.Code.areaWithoutValues, item,
                              "Für \(area.name) gibt es beim Indikator „\(dataset.indicator.title)“ \(years.map { "im Zeitraum \(ChartEmbed.yearsText($0)) " } ?? "")keine Werte.",
                              hint: ChartEmbed.levelsHint(levels, dataset: dataset))
                        continue
                    }
                    areas.append(area)
                }
                if kind == .tiles && !items.isEmpty {
                    warning(ChartEmbed.Code.ignoredKey, fields["gebiete"]!.key,
                            "Die Karte zeigt immer alle sieben Sozialregionen; „gebiete“ wird nicht verwendet.",
                            hint: "Eine Region betonen Sie mit „hervorheben: sozialregion-6“.")
                    areas = []
                }
            }
            if kind == .columns && areas.count > 1 {
                error(ChartEmbed.Code.tooManyAreas, fields["gebiete"]?.value,
                      "Ein Säulendiagramm zeigt ein Gebiet, hier stehen \(areas.count).",
                      hint: "Für mehrere Gebiete schreiben Sie „art: gruppiert“ (Säulen nebeneinander) oder „art: linie“.")
            }

            var title: String? = nil
            if let (_, node) = fields["titel"], let text = text(node, key: "titel") {
                if text.trimmedText.isEmpty {
                    error(ChartEmbed.Code.invalidValue, node, "Der Titel ist leer.",
                          hint: "Schreiben Sie die Kernaussage des Diagramms, z. B. titel: \"Arbeitslosigkeit sinkt überall\", oder lassen Sie „titel“ weg.")
                } else {
                    title = text.trimmedText
                }
            }

            var highlight: Area? = nil
            if let (_, node) = fields["hervorheben"], let word = text(node, key: "hervorheben"),
               let area = resolveArea(word, node: node) {
                highlight = area
                switch kind {
                case .tiles:
                    if area.level != .sozialregion {
                        error(ChartEmbed.Code.invalidHighlight, node, "Auf der Karte lassen sich nur Sozialregionen hervorheben.",
                              hint: area.level == .gemeinde ? "\(area.name) liegt in der Sozialregion \(area.sozialregion.map(String.init) ?? "?"): hervorheben: sozialregion-\(area.sozialregion.map(String.init) ?? "1")" : nil)
                    }
                case .ranking where areas.isEmpty:
                    if !hasValues(dataset, area: area, years: years) {
                        error(ChartEmbed.Code.invalidHighlight, node, "\(area.name) hat in diesem Jahr keinen Wert und kann nicht hervorgehoben werden.")
                    }
                default:
                    if !areas.isEmpty && !areas.contains(where: { $0.key == area.key }) {
                        error(ChartEmbed.Code.invalidHighlight, node, "\(area.name) soll hervorgehoben werden, steht aber nicht unter „gebiete“.",
                              hint: "Ergänzen Sie „\(word)“ in der Liste „gebiete“ oder wählen Sie eines der Gebiete dort.")
                    } else if areas.isEmpty {
                        areas = [area]
                    }
                }
            }
            return ChartEmbedRequest(dataset: dataset, areas: areas, kind: kind, years: years, title: title,
                                     highlight: highlight, location: fence)
        }

        /// A scalar as text; a list or mapping where a text belongs is reported.
        mutating func text(_ node: Node, key: String) -> String? {
            if let scalar = node.scalar { return scalar.string }
            error(ChartEmbed.Code.invalidValue, node, "Bei „\(key)“ steht eine Liste oder Aufzählung, erwartet wird ein einzelner Wert.",
                  hint: key == "gebiete" ? "Schreiben Sie die Gebiete als einfache Liste: gebiete: [kreis, sozialregion-6]" : nil)
            return nil
        }

        /// `kreis`, `sozialregion-6`, an AGS (`14522080`) or the slug of a Gemeinde (`doebeln`).
        mutating func resolveArea(_ raw: String, node: Node) -> Area? {
            let word = raw.trimmedText
            let folded = Slug.fold(word)
            let areas = data.areas
            if ["kreis", "landkreis", "lk", "mittelsachsen", "landkreis mittelsachsen"].contains(folded), let kreis = areas.kreis {
                return kreis
            }
            if let area = areas.area(code: word) { return area }
            if let area = areas.area(slug: Slug.make(word), level: .gemeinde) { return area }
            var hint: String?
            if !word.isEmpty, word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                hint = areas.hint(forUnknownKey: word)
            } else {
                let candidates = ["kreis"] + areas.sozialregionen.compactMap { $0.sozialregion.map { "sozialregion-\($0)" } }
                    + areas.gemeinden.map(\.slug)
                if let best = Suggestion.closest(to: Slug.make(word), in: candidates) {
                    let area = best == "kreis" ? areas.kreis : (areas.area(code: best) ?? areas.area(slug: best, level: .gemeinde))
                    hint = "Meinten Sie „\(best)“\(area.map { " (\($0.name))" } ?? "")?"
                }
            }
            error(ChartEmbed.Code.unknownArea, node, "Das Gebiet „\(word)“ ist unbekannt.",
                  hint: (hint.map { $0 + " " } ?? "") + "Gebiete: „kreis“, „sozialregion-1“ … „sozialregion-7“ oder der achtstellige Gemeindeschlüssel (AGS), z. B. 14522080 für Döbeln.")
            return nil
        }

        func hasValues(_ dataset: IndicatorDataset, area: Area, years: ClosedRange<Int>?) -> Bool {
            dataset.yearStates(area: area.key).contains { years?.contains($0.year) ?? true }
        }

        /// `2015-2023`, `2015 – 2023`, `2015 bis 2023` or `2023`, within the indicator's years.
        mutating func readYears(_ node: Node, dataset: IndicatorDataset, kind: Kind) -> ClosedRange<Int>?? {
            guard let raw = text(node, key: "jahre") else { return .some(nil) }
            let normalised = raw.trimmedText.replacingBytes([("–", "-"), ("—", "-"), (" bis ", "-")])
            let parts = normalised.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmedText }
            func year(_ text: String) -> Int? {
                text.utf8.count == 4 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? Int(text) : nil
            }
            let range: ClosedRange<Int>
            if parts.count == 1, let y = year(parts[0]) {
                range = y...y
            } else if parts.count == 2, let a = year(parts[0]), let b = year(parts[1]) {
                guard a <= b else {
                    error(ChartEmbed.Code.invalidYears, node, "Der Zeitraum „\(raw)“ endet vor seinem Anfang.",
                          hint: "Schreiben Sie das frühere Jahr zuerst: jahre: \(b)-\(a)")
                    return .some(nil)
                }
                range = a...b
            } else {
                error(ChartEmbed.Code.invalidYears, node, "„\(raw)“ ist kein Zeitraum.",
                      hint: "Schreiben Sie zwei Jahreszahlen mit Bindestrich, z. B. „jahre: 2015-2023“, oder ein Jahr, z. B. „jahre: 2023“.")
                return .some(nil)
            }
            if kind.isSnapshot && range.count > 1 {
                error(ChartEmbed.Code.invalidYears, node, "Eine \(kind == .tiles ? "Karte" : "Rangfolge") zeigt ein einzelnes Jahr, nicht „\(raw)“.",
                      hint: "Schreiben Sie ein Jahr, z. B. „jahre: \(range.upperBound)“.")
                return .some(nil)
            }
            let available = dataset.years
            guard let first = available.first, let last = available.last else { return .some(range) }
            if !available.contains(where: range.contains) {
                error(ChartEmbed.Code.yearsWithoutValues, node,
                      "Für \(ChartEmbed.yearsText(range)) gibt es beim Indikator „\(dataset.indicator.title)“ keine Werte.",
                      hint: "Werte gibt es für \(ChartEmbed.yearsText(first...last)).")
                return .some(nil)
            }
            if range.lowerBound < first || range.upperBound > last {
                warning(ChartEmbed.Code.yearsOutsideData, node,
                        "Der Zeitraum \(ChartEmbed.yearsText(range)) reicht über die vorhandenen Werte hinaus; gezeigt werden \(ChartEmbed.yearsText(max(first, range.lowerBound)...min(last, range.upperBound))).",
                        hint: "Werte gibt es für \(ChartEmbed.yearsText(first...last)).")
            }
            return .some(range)
        }

        /// libyaml's problem as a German message at the line it names.
        static func syntaxDiagnostic(_ error: YamlError, fence: SourceLocation) -> Diagnostic {
            var mark: Mark? = nil
            var problem = ""
            switch error {
            case let .scanner(_, p, m, _), let .parser(_, p, m, _), let .composer(_, p, m, _):
                mark = m; problem = p
            case let .duplicatedKeysInMapping(duplicates, context):
                return .error(ChartEmbed.Code.yaml,
                              at: SourceLocation(file: fence.file, line: fence.line + context.mark.line, column: context.mark.column),
                              "Die Angabe „\(duplicates.first ?? "")“ steht mehrfach im Diagramm-Block.",
                              hint: "Jede Angabe darf nur einmal vorkommen; löschen Sie die doppelte Zeile.")
            default:
                break
            }
            let at = mark.map { SourceLocation(file: fence.file, line: fence.line + $0.line, column: $0.column) } ?? fence
            var hint = "Jede Zeile hat die Form „name: wert“, Listen stehen in eckigen Klammern: gebiete: [kreis, 14522080]."
            if problem.contains("tab") { hint = "Rücken Sie nur mit Leerzeichen ein, nicht mit der Tab-Taste." }
            if problem.contains("mapping values are not allowed") {
                hint = "Setzen Sie Texte mit Doppelpunkt in Anführungszeichen, z. B. titel: \"Arbeit: weniger Arbeitslose\"."
            }
            return .error(ChartEmbed.Code.yaml, at: at, "Der Diagramm-Block ist kein gültiges YAML.", hint: hint)
        }
    }
}

extension String {
    var trimmedText: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" || first == "\n" || first == "\r" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\n" || last == "\r" { slice.removeLast() }
        return String(slice)
    }
}
