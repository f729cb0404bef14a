/// Footnotes of a chart: how to read its special marks, the symbols used in the table, series
/// breaks and the author's own notes. Only what the chart actually contains is explained.
enum ChartNotes {
    static func lines(_ chart: Chart) -> [String] {
        let spec = chart.spec
        var out: [String] = []
        let points = spec.series.flatMap(\.points)
        // Worked out once: `keys` sorts and, for categories, hashes every point.
        let keys = spec.keys
        let years = keys.compactMap(\.year)

        if case .line(let baseline) = chart.kind, LineChart(spec: spec, baseline: baseline).axisIsTruncated {
            out.append("Die senkrechte Achse beginnt nicht bei null (Zickzack-Zeichen an der Achse).")
        }
        if case .smallMultiples = chart.kind {
            let values = points.compactMap(\.value.number)
            if !LineChart.includesZero(values, baseline: .auto), !values.isEmpty {
                out.append("Die senkrechten Achsen beginnen nicht bei null.")
            }
            out.append("Alle Felder haben dieselben Achsen.")
        }
        if let first = years.first, let last = years.last {
            for brk in spec.breaks.sorted(by: { $0.year < $1.year }) where brk.year > first && brk.year <= last {
                out.append("| Bruch in der Reihe vor \(brk.year): \(brk.note). Werte davor sind nur eingeschränkt vergleichbar.")
            }
        }
        if points.contains(where: { $0.flags.isUncertain && $0.value.number != nil }) {
            switch chart.kind {
            case .line, .sparkline, .smallMultiples:
                out.append("Hohle Punkte: vorläufige oder geschätzte Werte.")
            case .tileMap:
                break
            default:
                out.append("Nur umrandete Säulen und Balken: vorläufige oder geschätzte Werte.")
            }
        }
        if case .line = chart.kind, spec.series.contains(where: { $0.role == .context }) {
            out.append("Graue Linien: weitere Gebiete zum Vergleich; ihre Werte stehen in der Tabelle.")
        }
        let hasMissing = points.contains { $0.value.number == nil }
        if hasMissing, case .line = chart.kind {
            out.append("Fehlende Werte unterbrechen die Linien; hohle, gestrichelte Zeichen über der Zeitachse markieren sie.")
        }
        let flagLegend = ValueFlags.legendLines.filter { flag, _ in points.contains { $0.flags.contains(flag) } }.map(\.1)
        var reasonLegend: [String] = []
        for point in points {
            if case .missing(let reason) = point.value, !reasonLegend.contains(reason.legend) {
                reasonLegend.append(reason.legend)
            }
        }
        let symbols = flagLegend + reasonLegend
        let breakInTable = hasBreakInTable(spec, years: years)
        if !symbols.isEmpty || breakInTable {
            out.append("Zeichenerklärung: " + (symbols + (breakInTable ? ["| = Bruch in der Reihe"] : []))
                .joined(separator: "; ") + ".")
        }
        if case .tileMap(let layout, _) = chart.kind {
            let onMap = Set(layout.tiles.map(\.key))
            let mainKeys = spec.series.first { $0.role != .reference }.map { Set($0.points.map(\.key)) } ?? []
            let offMap = keys.filter(mainKeys.contains).compactMap { key -> String? in
                if case .category(let k) = key, !onMap.contains(k) { return spec.label(for: key) }
                return nil
            }
            if !offMap.isEmpty { out.append("Nicht in der Karte, aber in der Tabelle: \(SummarySentence.joinedList(offMap)).") }
            out.append("Schematische Darstellung: Jedes Gebiet ist eine gleich große Kachel, grob nach seiner Lage angeordnet.")
        }
        if case .stackedBars = chart.kind, points.contains(where: { ($0.value.number ?? 0) < 0 }) {
            out.append("Negative Werte lassen sich nicht stapeln; sie stehen nur in der Tabelle.")
        }
        return out + spec.notes
    }

    /// Whether the table marks a series break: one between the first and the last of `years`
    /// (the years of `spec.keys`, which the caller has already worked out).
    static func hasBreakInTable(_ spec: ChartSpec, years: [Int]) -> Bool {
        guard let first = years.first, let last = years.last else { return false }
        return spec.breaks.contains { $0.year > first && $0.year <= last }
    }
}
