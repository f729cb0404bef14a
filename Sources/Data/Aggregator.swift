import Support

/// Computes region or Kreis values from Gemeinde values, but only where an indicator declares
/// `summe` or `mittelwert_gewichtet`. Published values are never replaced.
enum Aggregator {
    /// Values for every area of `level` and every year with Gemeinde values.
    static func compute(level: AreaLevel, method: AggregationMethod, gemeindeValues: [Observation],
                        weights: IndicatorDataset?, indicator: Indicator, areas: AreaCatalog) -> ([Observation], [Diagnostic]) {
        guard method == .summe || method == .mittelwertGewichtet else { return ([], []) }
        var byArea: [String: [Int: ValueState]] = [:]
        for o in gemeindeValues { byArea[o.area, default: [:]][o.year] = o.state }
        let years = Set(gemeindeValues.map(\.year)).sorted()
        let targets = level == .kreis ? (areas.kreis.map { [$0] } ?? []) : areas.sozialregionen
        var result: [Observation] = []
        var gaps: [String] = []
        for target in targets {
            for year in years where target.isValid(inYear: year) {
                let members = areas.members(of: target, inYear: year)
                guard !members.isEmpty else { continue }
                let missingRows = members.filter { byArea[$0.key]?[year] == nil }
                if !missingRows.isEmpty {
                    if missingRows.count < members.count {
                        gaps.append("\(target.name) \(year): es fehlen " + missingRows.map(\.name).joined(separator: ", "))
                    }
                    continue
                }
                var flags: ValueFlags = []
                var total = 0.0, weightTotal = 0.0
                var blocked: MissingReason? = nil
                for member in members {
                    let state = byArea[member.key]![year]!
                    flags.formUnion(state.flags.intersection([.provisional, .revised, .estimated, .seriesBreak]))
                    let number: Double
                    switch state {
                    case .value(let v, _): number = v
                    case .exactlyZero, .belowHalfUnit: number = 0
                    case .missing(let reason, _):
                        blocked = reason == .notYetAvailable ? .notYetAvailable : (blocked ?? .confidential)
                        continue
                    }
                    if method == .summe {
                        total += number
                    } else {
                        guard let w = weights?.state(area: member.key, year: year)?.number else {
                            gaps.append("\(target.name) \(year): kein Gewicht für \(member.name)")
                            blocked = blocked ?? .confidential
                            continue
                        }
                        total += number * w
                        weightTotal += w
                    }
                }
                let state: ValueState
                if let blocked {
                    state = .missing(blocked, flags)
                } else if method == .summe {
                    state = total == 0 ? .exactlyZero(flags) : .value(total, flags)
                } else {
                    guard weightTotal > 0 else { continue }
                    state = .value(total / weightTotal, flags)
                }
                result.append(Observation(area: target.key, year: year, state: state, origin: .computed(method)))
            }
        }
        var diagnostics: [Diagnostic] = []
        if !gaps.isEmpty {
            let shown = gaps.prefix(3).joined(separator: "; ") + (gaps.count > 3 ? "; und \(gaps.count - 3) weitere" : "")
            diagnostics.append(.warning(DataCode.aggregationIncomplete,
                at: indicator.location(ofKey: level == .kreis ? "kreis_values" : "region_values"),
                "Einige Werte für \(level == .kreis ? "den Landkreis" : "Sozialregionen") lassen sich nicht berechnen: \(shown).",
                hint: "Ergänzen Sie die Gemeindewerte oder schreiben Sie veröffentlichte Werte in die CSV-Datei (dann „daten“)."))
        }
        return (result, diagnostics)
    }
}
