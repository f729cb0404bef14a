/// Generates the plain-German summary of a chart: trend over the period, latest value,
/// comparison with reference series, gaps and provisional values. Short main clauses, no
/// jargon (Chartability: reading level).
public enum SummarySentence {
    public static func make(_ chart: Chart) -> String { make(chart, ranking: nil) }

    /// `ranking`: a ranking's rows when the caller has worked them out already.
    static func make(_ chart: Chart, ranking rows: RankingChart?) -> String {
        let spec = chart.spec
        let sentences: [String]
        switch chart.kind {
        case .line, .column, .sparkline:
            sentences = timeSeries(spec)
        case .smallMultiples:
            sentences = multiples(spec)
        case .groupedBars:
            sentences = spec.keys.allSatisfy { $0.year != nil } ? timeSeries(spec) : categoryExtremes(spec)
        case .stackedBars(let mode):
            sentences = stacked(spec, mode: mode)
        case .ranking:
            sentences = ranking(spec, areaWord: "Gebieten", valued: rows?.rankedValues)
        case .tileMap(let layout, _):
            sentences = tiles(spec, layout: layout)
        case .pyramid:
            sentences = pyramid(spec)
        }
        let text = sentences.joined(separator: " ")
        return text.isEmpty ? "Für dieses Diagramm liegen keine Werte vor." : text
    }

    // MARK: Time series

    static func timeSeries(_ spec: ChartSpec, maxPrimaries: Int = 3) -> [String] {
        let keys = spec.keys
        var out: [String] = []
        var primaries = spec.series.filter { $0.role == .primary }
        if let h = spec.highlight, let i = primaries.firstIndex(where: { $0.id == h }) {
            primaries.insert(primaries.remove(at: i), at: 0)
        }
        if primaries.isEmpty, let first = spec.series.first { primaries = [first] }
        let references = spec.series.filter { $0.role == .reference && !primaries.contains($0) }
        for (index, series) in primaries.prefix(maxPrimaries).enumerated() {
            out += trend(series, spec: spec, keys: keys, detailed: index == 0)
        }
        if primaries.count > maxPrimaries, let last = keys.last {
            out += extremes(at: last, among: primaries, spec: spec)
        }
        for series in references.prefix(2) {
            out += trend(series, spec: spec, keys: keys, detailed: false)
        }
        if let main = primaries.first {
            out += comparison(main, with: references, spec: spec)
        }
        out += breakSentences(spec, keys: keys)
        return out
    }

    /// "Die SGB-II-Quote in Döbeln sank von 8,1 % (2014) auf 5,9 % (2023)." plus, for the main
    /// series, a peak or trough inside the period, the judgement and a missing or provisional
    /// latest value.
    static func trend(_ series: Series, spec: ChartSpec, keys: [PointKey], detailed: Bool) -> [String] {
        let subject = "\(capitalized(spec.subject ?? "der Wert")) \(series.placePhrase)"
        let verbs = Verbs(plural: spec.subjectIsPlural)
        let numeric = keys.compactMap { key -> (PointKey, Double, ValueFlags)? in
            guard let p = series.point(at: key), let v = p.value.number else { return nil }
            return (key, v, p.flags)
        }
        var out: [String] = []
        guard let first = numeric.first, let last = numeric.last else {
            return ["Für \(series.label) liegen keine Werte vor."]
        }
        let unit = spec.unit
        let firstLabel = spec.label(for: first.0), lastLabel = spec.label(for: last.0)
        if numeric.count == 1 {
            out.append("\(subject) \(verbs.lay) \(when(first.0, spec)) bei \(unit.sentence(first.1, dative: true)).")
        } else {
            let change = last.1 - first.1
            let relative = first.1 == 0 ? (change == 0 ? 0 : 1) : abs(change / first.1)
            if unit.table(first.1) == unit.table(last.1) {
                out.append("\(subject) \(verbs.stayed) von \(firstLabel) bis \(lastLabel) unverändert bei \(unit.sentence(last.1, dative: true)).")
            } else if relative < 0.02 {
                out.append("\(subject) \(verbs.changedLittle) von \(firstLabel) bis \(lastLabel) kaum "
                    + "(von \(unit.sentence(first.1, dative: true)) auf \(unit.sentence(last.1))).")
            } else {
                let verb = change > 0 ? verbs.rose : verbs.fell
                out.append("\(subject) \(verb) von \(unit.sentence(first.1, dative: true)) (\(firstLabel)) auf \(unit.sentence(last.1)) (\(lastLabel)).")
                if detailed, let better = spec.higherIsBetter {
                    let favourable = (change > 0) == better
                    out.append(favourable ? "Das ist eine günstige Entwicklung." : "Das ist eine ungünstige Entwicklung.")
                }
            }
            if detailed && numeric.count >= 3 {
                out += peak(numeric.map { ($0.0, $0.1) }, spec: spec)
            }
        }
        guard detailed else { return out }
        if let latestKey = keys.last, latestKey != last.0 {
            if let p = series.point(at: latestKey), case .missing(let reason) = p.value {
                out.append("Für \(spec.label(for: latestKey)) gibt es keinen Wert (\(reason.text)).")
            } else {
                out.append("Für \(spec.label(for: latestKey)) liegt kein Wert vor.")
            }
        }
        if last.2.contains(.provisional) {
            out.append("Der Wert für \(lastLabel) ist vorläufig.")
        } else if last.2.contains(.estimated) {
            out.append("Der Wert für \(lastLabel) ist geschätzt.")
        }
        let gaps = series.points.filter {
            if case .missing = $0.value, $0.key != keys.last { return true }
            return false
        }
        if !gaps.isEmpty {
            let list = gaps.prefix(4).map { p -> String in
                if case .missing(let reason) = p.value { return "\(spec.label(for: p.key)) (\(reason.text))" }
                return spec.label(for: p.key)
            }
            let more = gaps.count > 4 ? " und weitere" : ""
            out.append("Ohne Wert: \(joinedList(list))\(more).")
        }
        return out
    }

    /// A maximum or minimum inside the period that stands out from both ends.
    static func peak(_ values: [(PointKey, Double)], spec: ChartSpec) -> [String] {
        guard let first = values.first, let last = values.last else { return [] }
        let inner = values.dropFirst().dropLast()
        let ends = max(abs(first.1), abs(last.1), 1e-9)
        if let top = inner.max(by: { $0.1 < $1.1 }), top.1 > max(first.1, last.1),
           (top.1 - max(first.1, last.1)) / ends >= 0.05 {
            return ["Am höchsten war der Wert \(when(top.0, spec)) mit \(spec.unit.sentence(top.1, dative: true))."]
        }
        if let bottom = inner.min(by: { $0.1 < $1.1 }), bottom.1 < min(first.1, last.1),
           (min(first.1, last.1) - bottom.1) / ends >= 0.05 {
            return ["Am niedrigsten war der Wert \(when(bottom.0, spec)) mit \(spec.unit.sentence(bottom.1, dative: true))."]
        }
        return []
    }

    /// "2023 lag Döbeln mit 7,2 % über dem Kreiswert (5,9 %)."
    static func comparison(_ main: Series, with references: [Series], spec: ChartSpec) -> [String] {
        guard !references.isEmpty else { return [] }
        let keys = spec.keys
        guard let key = keys.last(where: { main.value(at: $0) != nil }), let value = main.value(at: key) else { return [] }
        let unit = spec.unit
        var parts: [String] = []
        for reference in references {
            guard let rv = reference.value(at: key) else { continue }
            let relation: String
            if unit.table(value) == unit.table(rv) {
                relation = "gleichauf mit \(reference.comparisonPhrase)"
            } else {
                relation = (value > rv ? "über " : "unter ") + reference.comparisonPhrase
            }
            parts.append("\(relation) (\(unit.sentence(rv)))")
        }
        guard !parts.isEmpty else { return [] }
        let verb = Verbs(plural: false).lay
        return ["\(capitalized(when(key, spec))) \(verb) \(main.label) mit \(unit.sentence(value, dative: true)) \(joinedList(parts))."]
    }

    /// Highest and lowest series at one key.
    static func extremes(at key: PointKey, among series: [Series], spec: ChartSpec) -> [String] {
        let valued = series.compactMap { s in s.value(at: key).map { (s, $0) } }
        guard valued.count >= 2,
              let top = valued.max(by: { ($0.1, $1.0.label) < ($1.1, $0.0.label) }),
              let bottom = valued.min(by: { ($0.1, $0.0.label) < ($1.1, $1.0.label) }) else { return [] }
        return ["\(capitalized(when(key, spec))) hatte \(top.0.label) den höchsten Wert (\(spec.unit.sentence(top.1))), "
            + "\(bottom.0.label) den niedrigsten (\(spec.unit.sentence(bottom.1)))."]
    }

    static func breakSentences(_ spec: ChartSpec, keys: [PointKey]) -> [String] {
        let years = keys.compactMap(\.year)
        guard let first = years.first, let last = years.last else { return [] }
        return spec.breaks.sorted { $0.year < $1.year }.filter { $0.year > first && $0.year <= last }.map {
            "Ab \($0.year) ist die Reihe nur eingeschränkt mit den Jahren davor vergleichbar (\($0.note))."
        }
    }

    /// Small multiples: how many panels rose or fell, the extremes at the end, the references.
    static func multiples(_ spec: ChartSpec) -> [String] {
        let keys = spec.keys
        let panels = spec.series.filter { $0.role != .reference }
        let references = spec.series.filter { $0.role == .reference }
        var rising = 0, falling = 0, flat = 0
        var firstLabel: String?, lastLabel: String?
        for panel in panels {
            let numeric = keys.compactMap { k in panel.value(at: k).map { (k, $0) } }
            guard let first = numeric.first, let last = numeric.last, numeric.count >= 2 else { continue }
            firstLabel = firstLabel ?? spec.label(for: first.0)
            lastLabel = spec.label(for: last.0)
            let relative = first.1 == 0 ? (last.1 == first.1 ? 0 : 1) : abs((last.1 - first.1) / first.1)
            if spec.unit.table(first.1) == spec.unit.table(last.1) || relative < 0.02 { flat += 1 }
            else if last.1 > first.1 { rising += 1 } else { falling += 1 }
        }
        var out: [String] = []
        let subject = capitalized(spec.subject ?? "der Wert")
        let verbs = Verbs(plural: spec.subjectIsPlural)
        let counted = rising + falling + flat
        if counted > 0, let firstLabel, let lastLabel {
            let period = "von \(firstLabel) bis \(lastLabel)"
            // (count, verb, particle after the place): "sank in 5", "blieb in 1 fast gleich".
            var parts: [(Int, String, String)] = [(falling, verbs.fell, ""), (rising, verbs.rose, ""),
                                                  (flat, verbs.stayed, " fast gleich")]
            parts = parts.filter { $0.0 > 0 }.sorted { $0.0 > $1.0 }
            if parts.count == 1 {
                let scope = counted == 1 ? "im einzigen Gebiet" : "in allen \(counted) Gebieten"
                out.append("\(subject) \(parts[0].1) \(period) \(scope)\(parts[0].2).")
            } else {
                let first = "\(parts[0].1) \(period) in \(parts[0].0) von \(counted) Gebieten\(parts[0].2)"
                let rest = parts.dropFirst().map { "\($0.1) in \($0.0)\($0.2)" }
                out.append("\(subject) \(joinedList([first] + rest)).")
            }
        }
        if let last = keys.last { out += extremes(at: last, among: panels, spec: spec) }
        for reference in references.prefix(2) {
            out += trend(reference, spec: spec, keys: keys, detailed: false)
        }
        out += breakSentences(spec, keys: keys)
        return out
    }

    // MARK: Categories

    /// Ranking: highest, lowest, the highlighted area's position, the reference value.
    static func ranking(_ spec: ChartSpec, areaWord: String, valued sorted: [RankingChart.Ranked]? = nil) -> [String] {
        guard let main = spec.series.first(where: { $0.role != .reference }) else { return [] }
        let unit = spec.unit
        let valued = sorted ?? RankingChart.sortedValues(main, spec: spec)
        var out: [String] = []
        guard let top = valued.first, let bottom = valued.last else {
            return ["Für \(main.label) liegen keine Werte vor."]
        }
        if valued.count == 1 {
            out.append("\(top.label) hat den Wert \(unit.sentence(top.value)).")
        } else {
            out.append("Von \(valued.count) \(areaWord) hat \(top.label) den höchsten Wert (\(unit.sentence(top.value))), "
                + "\(bottom.label) den niedrigsten (\(unit.sentence(bottom.value))).")
        }
        let reference = spec.series.first { $0.role == .reference }
        let referenceValue = reference.flatMap { r in r.points.compactMap(\.value.number).first }
        if let h = spec.highlight, let index = valued.firstIndex(where: { $0.key == h }) {
            let item = valued[index]
            let atEnd = index == 0 || index == valued.count - 1
            var sentence = atEnd ? "\(item.label) liegt damit" : "\(item.label) steht mit \(unit.sentence(item.value, dative: true)) an \(index + 1). Stelle von \(valued.count)"
            var compared = false
            if let reference, let rv = referenceValue {
                let relation = unit.table(rv) == unit.table(item.value) ? "gleichauf mit" : (item.value > rv ? "über" : "unter")
                sentence += (atEnd ? " " : ", ") + "\(relation) \(reference.comparisonPhrase)"
                compared = true
            }
            if !atEnd || compared { out.append(sentence + ".") }
        }
        if let reference, let rv = referenceValue {
            out.append("Wert für \(reference.label): \(unit.sentence(rv)).")
        }
        let missing = main.points.filter { $0.value.number == nil }
        if !missing.isEmpty {
            let names = missing.prefix(4).map { spec.label(for: $0.key) }
            out.append("Ohne Wert: \(joinedList(names))\(missing.count > 4 ? " und weitere" : "").")
        }
        return out
    }

    static func tiles(_ spec: ChartSpec, layout: TileLayout) -> [String] {
        var named = spec
        // Added in one assignment: every change of `categories` works out the axis keys anew.
        var known = Set(spec.categories.map(\.key))
        named.categories += layout.tiles.filter { known.insert($0.key).inserted }.map { ChartCategory(key: $0.key, label: $0.name) }
        return ranking(named, areaWord: "Gebieten")
    }

    /// For each series the highest and lowest category.
    static func categoryExtremes(_ spec: ChartSpec) -> [String] {
        let keys = spec.keys
        return spec.series.prefix(4).compactMap { series in
            let valued = keys.compactMap { k in series.value(at: k).map { (k, $0) } }
            guard let top = valued.max(by: { $0.1 < $1.1 }), let bottom = valued.min(by: { $0.1 < $1.1 }) else {
                return "Für \(series.label) liegen keine Werte vor."
            }
            if valued.count == 1 {
                return "\(capitalized(series.label)): \(spec.unit.sentence(top.1)) (\(spec.label(for: top.0)))."
            }
            return "\(capitalized(series.label)): am höchsten \(spec.label(for: top.0)) mit \(spec.unit.sentence(top.1, dative: true)), "
                + "am niedrigsten \(spec.label(for: bottom.0)) mit \(spec.unit.sentence(bottom.1, dative: true))."
        }
    }

    /// Stacked parts: the total over time, then the composition of the latest key.
    static func stacked(_ spec: ChartSpec, mode: StackMode) -> [String] {
        let keys = spec.keys
        var out: [String] = []
        let totals = keys.map { key in (key, spec.series.compactMap { $0.value(at: key) }.reduce(0, +)) }
            .filter { key, _ in spec.series.contains { $0.value(at: key) != nil } }
        let overYears = keys.allSatisfy { $0.year != nil }
        if !overYears {
            return stackedCategories(spec, totals: totals, mode: mode)
        }
        if mode == .absolute, totals.count >= 2 {
            let total = Series(id: "total", label: "Summe", points: totals.map { DataPoint(key: $0.0, value: .number($0.1)) },
                               locative: "insgesamt")
            out += trend(total, spec: spec, keys: keys, detailed: false)
        }
        if let last = totals.last, last.1 > 0 {
            let parts = spec.series.compactMap { s in s.value(at: last.0).map { (s.label, $0) } }
                .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
            let described = parts.map { label, value in
                let share = GermanFormat.share(value / last.1 * 100)
                return mode == .percent ? "\(label) \(share)" : "\(label) \(spec.unit.sentence(value)) (\(share))"
            }
            out.append("\(capitalized(when(last.0, spec))): \(joinedList(described)).")
        }
        return out
    }

    /// Stacked parts per named category: each category's total and its largest part.
    static func stackedCategories(_ spec: ChartSpec, totals: [(PointKey, Double)], mode: StackMode) -> [String] {
        totals.prefix(6).compactMap { key, total in
            let parts = spec.series.compactMap { s in s.value(at: key).map { (s.label, $0) } }
                .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
            guard let largest = parts.first, total > 0 else { return nil }
            let share = GermanFormat.share(largest.1 / total * 100)
            let head = mode == .percent ? "" : " zusammen \(spec.unit.sentence(total)),"
            return "\(capitalized(spec.label(for: key))):\(head) größter Teil \(largest.0) (\(share))."
        }
    }

    static func pyramid(_ spec: ChartSpec) -> [String] {
        let keys = spec.keys
        var out: [String] = []
        for series in spec.series.prefix(2) {
            let valued = keys.compactMap { k in series.value(at: k).map { (k, $0) } }
            guard let top = valued.max(by: { $0.1 < $1.1 }) else { continue }
            out.append("\(capitalized(series.label)): Am stärksten besetzt ist die Altersgruppe \(spec.label(for: top.0)) "
                + "(\(spec.unit.sentence(top.1))).")
        }
        if spec.unit.kind == .count {
            let sums = spec.series.prefix(2).map { s in (s.label, s.points.compactMap(\.value.number).reduce(0, +)) }
            if sums.count == 2 {
                out.append("Insgesamt: \(sums[0].0) \(spec.unit.sentence(sums[0].1)), \(sums[1].0) \(spec.unit.sentence(sums[1].1)).")
            }
        }
        return out
    }

    // MARK: Wording helpers

    struct Verbs {
        let plural: Bool
        var rose: String { plural ? "stiegen" : "stieg" }
        var fell: String { plural ? "sanken" : "sank" }
        var stayed: String { plural ? "blieben" : "blieb" }
        var lay: String { plural ? "lagen" : "lag" }
        var changedLittle: String { plural ? "veränderten sich" : "veränderte sich" }
    }

    /// "2023" for years, "in Altersgruppe X" would be odd: categories are named as they are.
    static func when(_ key: PointKey, _ spec: ChartSpec) -> String {
        switch key {
        case .year(let y): String(y)
        case .category: "bei " + spec.label(for: key)
        }
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// "A, B und C".
    static func joinedList(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " und " + items.last!
        }
    }
}

import Support

extension GermanFormat {
    /// A share in percent with one decimal ("41,3 %").
    static func share(_ percent: Double) -> String { GermanFormat.percent(percent, decimals: 1) }
}
