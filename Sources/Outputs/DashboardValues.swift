import Charts
import Data
import Support

// No Foundation here: its `Data` type would hide the `Data` module, and both the Data and the
// Charts module have a `ValueFlags` and a `MissingReason` that this file translates between.

/// Indicator values as the Charts module draws them: units, points, series of one area and the
/// metadata every chart of an indicator carries (source, Datenstand, licence, breaks).
enum DashboardValues {
    /// Unit and precision of an indicator: "%", "Jahre", "je 1.000 Einwohner", counts, ratios.
    static func unit(_ indicator: Indicator) -> ChartUnit {
        let text = indicator.unit
        // Every card, value and title asks for the unit: ASCII units (almost all) are compared
        // without folding them into a new string first. Folding ASCII only lowers A–Z.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            if text == "%" || asciiFolded(text, equals: "prozent") { return ChartUnit(.percent, decimals: indicator.decimals) }
            if asciiFolded(text, equals: "jahre") { return ChartUnit(.years, decimals: indicator.decimals) }
            if asciiFolded(text, startsWith: "je ") {
                let perThousand = text.containsBytes("1.000") || text.containsBytes("1000")
                return ChartUnit(perThousand ? .perThousand : .ratio, decimals: indicator.decimals, label: text)
            }
            return ChartUnit(.count, decimals: indicator.decimals, label: text)
        }
        return foldedUnit(indicator)
    }

    /// `unit` by way of `Slug.fold`: the general case (umlauts, accents).
    static func foldedUnit(_ indicator: Indicator) -> ChartUnit {
        let text = indicator.unit
        let folded = Slug.fold(text)
        if text == "%" || folded == "prozent" { return ChartUnit(.percent, decimals: indicator.decimals) }
        if folded == "jahre" { return ChartUnit(.years, decimals: indicator.decimals) }
        if folded.hasPrefix("je ") {
            let perThousand = text.contains("1.000") || text.contains("1000")
            return ChartUnit(perThousand ? .perThousand : .ratio, decimals: indicator.decimals, label: text)
        }
        return ChartUnit(.count, decimals: indicator.decimals, label: text)
    }

    /// Whether ASCII `text`, lower-cased, starts with the lower-case ASCII `prefix` (and is no
    /// longer than it, with `whole`).
    static func asciiFolded(_ text: String, startsWith prefix: StaticString, whole: Bool = false) -> Bool {
        let expected = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        var count = 0
        for byte in text.utf8 {
            guard count < expected.count else { return !whole }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if lower != expected[count] { return false }
            count += 1
        }
        return count == expected.count
    }

    static func asciiFolded(_ text: String, equals word: StaticString) -> Bool {
        asciiFolded(text, startsWith: word, whole: true)
    }

    static func flags(_ flags: Data.ValueFlags) -> Charts.ValueFlags {
        var out: Charts.ValueFlags = []
        if flags.contains(.provisional) { out.insert(.provisional) }
        if flags.contains(.revised) { out.insert(.revised) }
        if flags.contains(.estimated) { out.insert(.estimated) }
        if flags.contains(.limitedValidity) { out.insert(.limitedValidity) }
        return out
    }

    static func reason(_ reason: Data.MissingReason) -> Charts.MissingReason {
        switch reason {
        case .notYetAvailable: .notYetAvailable
        case .unreliable: .notReliable
        case .confidential: .secret
        case .blocked: .notMeaningful
        case .anonymised: .anonymised
        }
    }

    /// One cell as a chart point. `0` (less than half a unit) is no number a chart could draw,
    /// so it becomes a gap with its explanation, never a false zero.
    static func point(_ key: PointKey, _ state: ValueState) -> DataPoint {
        let marks = flags(state.flags)
        switch state {
        case .value(let v, _): return DataPoint(key: key, value: .number(v), flags: marks)
        case .exactlyZero: return DataPoint(key: key, value: .number(0), flags: marks)
        case .belowHalfUnit:
            return DataPoint(key: key, value: .missing(.belowHalfUnit), flags: marks)
        case .missing(let reason, _): return DataPoint(key: key, value: .missing(self.reason(reason)), flags: marks)
        }
    }

    /// Label of an area in charts: "Döbeln", "Sozialregion Nord (Döbeln)", "Landkreis Mittelsachsen".
    static func label(_ area: Area) -> String {
        area.level == .sozialregion ? "Sozialregion \(area.shortName)" : area.name
    }

    /// "in Döbeln", "in der Sozialregion Nord (Döbeln)", "im Landkreis".
    static func locative(_ area: Area) -> String {
        switch area.level {
        case .gemeinde: "in \(area.name)"
        case .sozialregion: "in der Sozialregion \(area.shortName)"
        case .kreis: "im Landkreis"
        }
    }

    static func comparison(_ area: Area) -> String? {
        switch area.level {
        case .gemeinde: nil
        case .sozialregion: "dem Wert der Sozialregion"
        case .kreis: "dem Kreiswert"
        }
    }

    /// The time series of `area` within `years` (all years when nil).
    static func yearSeries(_ dataset: IndicatorDataset, area: Area, role: SeriesRole,
                           years: ClosedRange<Int>? = nil) -> Series {
        let points = dataset.yearStates(area: area.key)
            .filter { years?.contains($0.year) ?? true }
            .map { point(.year($0.year), $0.state) }
        return Series(id: area.key, label: label(area), role: role, points: points,
                      locative: locative(area), comparisonName: comparison(area))
    }

    /// Years before which a shown series breaks (`|`): the chart draws a rule and explains it.
    static func breaks(_ dataset: IndicatorDataset, areas: [Area], years: ClosedRange<Int>? = nil) -> [SeriesBreak] {
        var found = Set<Int>()
        for area in areas {
            for o in dataset.yearStates(area: area.key) where o.state.flags.contains(.seriesBreak) {
                if years?.contains(o.year) ?? true { found.insert(o.year) }
            }
        }
        return found.sorted().map { SeriesBreak(before: $0, note: "grundsätzliche Änderung in der Reihe") }
    }

    /// "Arbeitslosenquote in %, Jahresdurchschnitt": what the numbers are, for the chart's unit line.
    static func subtitle(_ indicator: Indicator, extra: String? = nil) -> String {
        var parts = [indicator.title]
        if let extra { parts[0] += " " + extra }
        let caption = unit(indicator).caption ?? indicator.unit
        parts.append(caption.hasPrefix("in ") || caption.hasPrefix("je ") ? caption : "in \(caption)")
        if let zeitbezug = indicator.zeitbezug, !zeitbezug.isEmpty { parts.append("Stand: \(zeitbezug)") }
        return parts.joined(separator: ", ")
    }

    /// A chart of `indicator` with everything but title, series and categories filled in.
    static func spec(_ indicator: Indicator, title: String, subtitle: String? = nil, series: [Series],
                     categories: [ChartCategory] = [], breaks: [SeriesBreak] = [], keyLabel: String? = nil,
                     highlight: String? = nil) -> ChartSpec {
        var notes: [String] = []
        if indicator.example {
            notes.append("Beispieldaten: erfundene Werte für die Entwicklung der Website, keine amtlichen Zahlen.")
        }
        return ChartSpec(title: title, subtitle: subtitle ?? self.subtitle(indicator), unit: unit(indicator),
                         series: series, categories: categories, breaks: breaks, keyLabel: keyLabel,
                         subject: DashboardWording.subject(indicator.title), highlight: highlight,
                         higherIsBetter: indicator.higherIsBetter, source: indicator.source,
                         datenstand: indicator.datenstand.german, gebietsstand: indicator.gebietsstand,
                         licence: indicator.licence, notes: notes)
    }
}
