import Testing
@testable import Charts

@Suite("Generated summary sentences")
struct SummaryTests {
    let nb = "\u{00A0}"

    func spec(_ series: [Series], unit: ChartUnit = .percent, subject: String? = "die SGB-II-Quote",
              plural: Bool = false, better: Bool? = nil, breaks: [SeriesBreak] = []) -> ChartSpec {
        ChartSpec(title: "T", unit: unit, series: series, breaks: breaks, subject: subject, subjectIsPlural: plural,
                  higherIsBetter: better)
    }

    func line(_ values: [Double?], id: String = "a", label: String = "Döbeln", role: SeriesRole = .primary,
              start: Int = 2014, flags: [Int: ValueFlags] = [:], missing: [Int: MissingReason] = [:],
              locative: String? = nil, comparison: String? = nil) -> Series {
        Fixtures.series(id, label, role, values, from: start, locative: locative, comparison: comparison,
                        flags: flags, missing: missing)
    }

    func summary(_ kind: ChartKind, _ spec: ChartSpec) -> String { SummarySentence.make(Chart(kind, spec)) }

    @Test("Rising")
    func rising() {
        let text = summary(.line(), spec([line([5.1, 5.6, 6.3], start: 2021)]))
        #expect(text == "Die SGB-II-Quote in Döbeln stieg von 5,1\(nb)% (2021) auf 6,3\(nb)% (2023).")
    }

    @Test("Falling, with the judgement when higher is worse")
    func falling() {
        let text = summary(.line(), spec([line([8.1, 7.0, 5.9], start: 2021, locative: "im Landkreis")], better: false))
        #expect(text == "Die SGB-II-Quote im Landkreis sank von 8,1\(nb)% (2021) auf 5,9\(nb)% (2023). Das ist eine günstige Entwicklung.")
        let worse = summary(.line(), spec([line([5.0, 6.0], start: 2022)], better: false))
        #expect(worse.contains("ungünstige Entwicklung"))
    }

    @Test("Flat: unchanged, and hardly changed")
    func flat() {
        #expect(summary(.line(), spec([line([6.0, 6.4, 6.0], start: 2021)]))
            .hasPrefix("Die SGB-II-Quote in Döbeln blieb von 2021 bis 2023 unverändert bei 6,0\(nb)%."))
        #expect(summary(.line(), spec([line([60.0, 60.5], start: 2022)]))
            == "Die SGB-II-Quote in Döbeln veränderte sich von 2022 bis 2023 kaum (von 60,0\(nb)% auf 60,5\(nb)%).")
    }

    @Test("A peak inside the period is named")
    func peak() {
        let text = summary(.line(), spec([line([5.0, 9.0, 5.5], start: 2021)]))
        #expect(text.contains("Am höchsten war der Wert 2022 mit 9,0\(nb)%."))
    }

    @Test("Missing latest value: trend up to the last value, then the reason")
    func missingLatest() {
        let text = summary(.line(), spec([line([7.9, 7.5, nil], start: 2021, missing: [2023: .secret])]))
        #expect(text.hasPrefix("Die SGB-II-Quote in Döbeln sank von 7,9\(nb)% (2021) auf 7,5\(nb)% (2022)."))
        #expect(text.contains("Für 2023 gibt es keinen Wert (geheim)."))
        let absent = summary(.line(), spec([line([7.9, 7.5], start: 2021), line([1, 2, 3], id: "b", label: "B", role: .reference, start: 2021)]))
        #expect(absent.contains("Für 2023 liegt kein Wert vor."))
    }

    @Test("Provisional latest value and gaps are mentioned")
    func provisional() {
        let text = summary(.line(), spec([line([7.9, nil, 7.2], start: 2021, flags: [2023: .provisional], missing: [2022: .notMeaningful])]))
        #expect(text.contains("Der Wert für 2023 ist vorläufig."))
        #expect(text.contains("Ohne Wert: 2022 (nicht sinnvoll)."))
    }

    @Test("Comparison with Sozialregion and Kreis (the brief's example)")
    func comparison() {
        let text = SummarySentence.make(Chart(.line(), Fixtures.sgb2Line))
        #expect(text.contains("Die SGB-II-Quote im Landkreis sank von 8,1\(nb)% (2014) auf 5,9\(nb)% (2023)."))
        #expect(text.contains("2023 lag Döbeln mit 7,2\(nb)% über dem Wert der Sozialregion (6,5\(nb)%) und über dem Kreiswert (5,9\(nb)%)."))
        let below = summary(.line(), spec([line([4.0, 4.2], start: 2022),
                                           line([5.0, 5.9], id: "k", label: "Kreis", role: .reference, start: 2022, comparison: "dem Kreiswert")]))
        #expect(below.contains("2023 lag Döbeln mit 4,2\(nb)% unter dem Kreiswert (5,9\(nb)%)."))
        let equal = summary(.line(), spec([line([4.0, 5.9], start: 2022),
                                           line([5.0, 5.9], id: "k", label: "Kreis", role: .reference, start: 2022)]))
        #expect(equal.contains("gleichauf mit dem Wert für Kreis (5,9\(nb)%)"))
    }

    @Test("Grammar: plural subjects, years in the dative, no subject")
    func grammar() {
        #expect(summary(.line(), spec([line([10, 12], start: 2022)], unit: ChartUnit(.count), subject: "die Pflegebedürftigen", plural: true))
            .hasPrefix("Die Pflegebedürftigen in Döbeln stiegen von 10 (2022) auf 12 (2023)."))
        #expect(summary(.line(), spec([line([47.1, 49.0], start: 2022)], unit: ChartUnit(.years), subject: "das Durchschnittsalter"))
            == "Das Durchschnittsalter in Döbeln stieg von 47,1\(nb)Jahren (2022) auf 49,0\(nb)Jahre (2023).")
        #expect(summary(.line(), spec([line([1, 2], start: 2022)], subject: nil)).hasPrefix("Der Wert in Döbeln stieg"))
    }

    @Test("Series breaks are explained")
    func breaks() {
        let text = summary(.line(), spec([line([1, 2, 3], start: 2021)], breaks: [SeriesBreak(before: 2022, note: "Zensus 2022")]))
        #expect(text.contains("Ab 2022 ist die Reihe nur eingeschränkt mit den Jahren davor vergleichbar (Zensus 2022)."))
    }

    @Test("No values at all")
    func empty() {
        #expect(summary(.line(), spec([line([nil, nil], missing: [2014: .secret, 2015: .secret])]))
            .hasPrefix("Für Döbeln liegen keine Werte vor."))
        #expect(summary(.line(), spec([])) == "Für dieses Diagramm liegen keine Werte vor.")
    }

    @Test("Ranking: extremes, position of the highlighted area, reference")
    func ranking() {
        let text = SummarySentence.make(Chart(.ranking, Fixtures.ranking))
        #expect(text.hasPrefix("Von 14 Gebieten hat Döbeln den höchsten Wert (7,2\(nb)%), Sayda den niedrigsten (3,1\(nb)%)."))
        #expect(text.contains("Döbeln liegt damit über dem Kreiswert."))
        #expect(text.contains("Ohne Wert: Rechenberg-Bienenmühle."))
        var middle = Fixtures.ranking
        middle.highlight = "Flöha"
        #expect(SummarySentence.make(Chart(.ranking, middle)).contains("Flöha steht mit 5,2\(nb)% an 9. Stelle von 14, unter dem Kreiswert."))
    }

    @Test("Small multiples: how many panels fell, extremes, reference")
    func multiples() {
        let text = SummarySentence.make(Chart(.smallMultiples, Fixtures.multiples))
        #expect(text.hasPrefix("Die SGB-II-Quote sank von 2014 bis 2023 in allen 7 Gebieten."))
        #expect(text.contains("2023 hatte Nord (Döbeln) den höchsten Wert"))
        var mixed = Fixtures.multiples
        mixed.series[0].points = [DataPoint(year: 2014, 3), DataPoint(year: 2023, 6)]
        #expect(SummarySentence.make(Chart(.smallMultiples, mixed))
            .hasPrefix("Die SGB-II-Quote sank von 2014 bis 2023 in 6 von 7 Gebieten und stieg in 1."))
    }

    @Test("Stacked, pyramid and tile map summaries")
    func others() {
        let stacked = SummarySentence.make(Chart(.stackedBars(.percent), Fixtures.stackedYears))
        #expect(stacked.hasPrefix("2023: Alleinstehende 61,3\(nb)%, Alleinerziehende 17,0\(nb)%"))
        let categories = SummarySentence.make(Chart(.stackedBars(), Fixtures.stackedCategories))
        #expect(categories.hasPrefix("Freiberg: zusammen 20.100, größter Teil Einpersonenhaushalte (48,8\(nb)%)."))
        let pyramid = SummarySentence.make(Chart(.pyramid, Fixtures.pyramid))
        #expect(pyramid.contains("Männer: Am stärksten besetzt ist die Altersgruppe 50–59 (23.390)."))
        #expect(pyramid.contains("Insgesamt: Männer 137.190, Frauen 140.570."))
        let tiles = SummarySentence.make(Chart(.tileMap(), Fixtures.tiles))
        #expect(tiles.contains("den höchsten Wert (7,2\(nb)%)"))
        #expect(tiles.contains("Ohne Wert: Sozialregion 7: Nordost (Hainichen)."))
    }
}
