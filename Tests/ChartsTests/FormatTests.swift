import Testing
@testable import Charts

@Suite("German number formats")
struct FormatTests {
    let nbsp = "\u{00A0}"

    @Test("Tables: grouping, decimal comma, typographic minus")
    func table() {
        #expect(ChartUnit(.count).table(1234) == "1.234")
        #expect(ChartUnit(.perThousand, decimals: 1).table(1234.5) == "1.234,5")
        #expect(ChartUnit(.percent).table(-0.7) == "−0,7")
        #expect(ChartUnit(.percent).table(-0.04) == "0,0", "a value that rounds to zero has no sign")
        #expect(ChartUnit(.count).table(299_329) == "299.329")
    }

    @Test("Labels: percent with no-break space, Tsd./Mio./Mrd. for large counts")
    func labels() {
        #expect(ChartUnit.percent.label(12.34) == "12,3\(nbsp)%")
        #expect(ChartUnit(.count).label(99_999) == "99.999")
        #expect(ChartUnit(.count).label(299_329) == "299,3\(nbsp)Tsd.")
        #expect(ChartUnit(.count).label(1_234_567) == "1,2\(nbsp)Mio.")
        #expect(ChartUnit(.count).label(2_500_000_000) == "2,5\(nbsp)Mrd.")
        #expect(ChartUnit(.years).label(48.4) == "48,4")
    }

    @Test("Sentences: unit words, dative after von/bei/mit, none for counts")
    func sentences() {
        #expect(ChartUnit.percent.sentence(5.9) == "5,9\(nbsp)%")
        #expect(ChartUnit(.years).sentence(48.4) == "48,4\(nbsp)Jahre")
        #expect(ChartUnit(.years).sentence(48.4, dative: true) == "48,4\(nbsp)Jahren")
        #expect(ChartUnit(.perThousand).sentence(12.3) == "12,3\(nbsp)je 1.000 Einwohner")
        #expect(ChartUnit(.count, label: "Personen").sentence(1500) == "1.500")
        #expect(ChartUnit(.ratio, label: "je 100").sentence(35.2) == "35,2\(nbsp)je 100")
    }

    @Test("Axis labels: unit on the top tick for percent, magnitude on every tick for counts")
    func axis() {
        #expect(ChartUnit.percent.axisLabels(for: [0, 5, 10]) == ["0", "5", "10\(nbsp)%"])
        #expect(ChartUnit.percent.axisLabels(for: [0, 0.5, 1]) == ["0,0", "0,5", "1,0\(nbsp)%"])
        #expect(ChartUnit(.count).axisLabels(for: [0, 10_000, 20_000]) == ["0", "10\(nbsp)Tsd.", "20\(nbsp)Tsd."])
        #expect(ChartUnit(.count).axisLabels(for: [0, 2500, 5000]) == ["0", "2.500", "5.000"])
        #expect(ChartUnit(.count).axisLabels(for: [0, 5e6, 1e7]) == ["0", "5\(nbsp)Mio.", "10\(nbsp)Mio."])
        #expect(ChartUnit(.count).axisLabels(for: [0, 15_000, 30_000]).last == "30\(nbsp)Tsd.")
        #expect(ChartUnit.percent.axisLabels(for: [-2, 0, 2]) == ["−2", "0", "2\(nbsp)%"])
    }

    @Test("CSV numbers: decimal comma, no grouping, ASCII minus")
    func csv() {
        #expect(ChartUnit(.count).csv(299_329) == "299329")
        #expect(ChartUnit(.percent).csv(-0.7) == "-0,7")
        #expect(ChartUnit(.perThousand, decimals: 2).csv(1234.5) == "1234,50")
    }

    @Test("Years are never grouped")
    func years() {
        #expect(PointKey.year(2023).label == "2023")
        #expect(ChartSpec(title: "t", unit: .percent, series: [Series(id: "a", label: "A", points: [DataPoint(year: 2023, 1)])])
            .label(for: .year(2023)) == "2023")
    }

    @Test("SVG coordinates: at most two decimals, no −0, no locale")
    func coordinates() {
        #expect(fmt(3.1) == "3.1")
        #expect(fmt(2.5) == "2.5")
        #expect(fmt(-4.25) == "-4.25")
        #expect(fmt(100) == "100")
        #expect(fmt(0.05) == "0.05")
        #expect(fmt(-0.001) == "0")
        #expect(fmt(12.3456) == "12.35")
        #expect(fmt(.nan) == "0")
    }

    @Test("Flags and missing-value symbols follow the official Zeichenerklärung")
    func symbols() {
        #expect(MissingReason.secret.symbol == ".")
        #expect(MissingReason.notYetAvailable.symbol == "…")
        #expect(MissingReason.notMeaningful.symbol == "x")
        #expect(MissingReason.notReliable.symbol == "/")
        #expect(MissingReason.secret.text == "geheim")
        #expect(MissingReason.noData.text == "keine Angabe")
        #expect(MissingReason.other("Gebietsreform").text == "Gebietsreform")
        #expect(([.provisional, .estimated] as ValueFlags).letters == "p s")
        #expect(([.revised, .limitedValidity] as ValueFlags).csvMarks == "r ()")
    }
}

@Suite("Text width from Inter's metrics")
struct TextMetricsTests {
    /// Expected widths in em, computed independently with fontTools from the Debian fonts-inter
    /// OTF files (sum of advances, no kerning); the table adds a 5 % safety margin.
    @Test("Widths match the font's advances", arguments: [
        ("Höhenkirchen-Siegertsbrunn", FontWeight.regular, 13.67756),
        ("Landkreis Mittelsachsen", .regular, 11.47159),
        ("1.234,5 %", .regular, 4.60511),
        ("„Großschirma“ – 5,9 € …", .regular, 11.41903),
        ("WWWWW", .regular, 4.74432),
        ("iiiiiiii", .regular, 1.89773),
        ("Höhenkirchen-Siegertsbrunn", .bold, 14.38956),
        ("WWWWW", .bold, 5.17933),
    ])
    func widths(text: String, weight: FontWeight, em: Double) {
        let measured = TextMetrics.width(text, size: 100, weight: weight) / 100
        #expect(abs(measured - em * TextMetrics.safetyFactor) < 0.0005, "\(text): \(measured) em")
    }

    @Test("Proportional text differs by glyph, tabular digits do not")
    func shapes() {
        #expect(TextMetrics.width("WWWW", size: 14) > 2 * TextMetrics.width("iiii", size: 14))
        #expect(TextMetrics.width("1111", size: 14, tabularDigits: true) == TextMetrics.width("0000", size: 14, tabularDigits: true))
        #expect(TextMetrics.width("1111", size: 14) < TextMetrics.width("0000", size: 14))
        #expect(TextMetrics.width("Döbeln", size: 14, weight: .bold) > TextMetrics.width("Döbeln", size: 14))
        #expect(abs(TextMetrics.width("Döbeln", size: 28) - 2 * TextMetrics.width("Döbeln", size: 14)) < 1e-9)
    }

    @Test("Characters outside the table are never underestimated")
    func fallback() {
        #expect(TextMetrics.width("漢", size: 14) >= TextMetrics.width("M", size: 14))
        #expect(TextMetrics.width("ő", size: 14) > 0)
        #expect(TextMetrics.width("e\u{0301}", size: 14) == TextMetrics.width("e", size: 14))
    }

    @Test("Wrapping keeps every word and stays within the width where it can")
    func wrap() {
        let lines = TextMetrics.wrap("Sozialregion Nord (Döbeln) und Umgebung", maxWidth: 100, size: 14)
        #expect(lines.count >= 3)
        #expect(lines.joined(separator: " ") == "Sozialregion Nord (Döbeln) und Umgebung")
        for line in lines where line.contains(" ") { #expect(TextMetrics.width(line, size: 14) <= 100) }
        // Slightly long single words stay whole (the label column grows a little instead).
        #expect(TextMetrics.wrap("Mittelsachsen", maxWidth: 90, size: 14, weight: .semibold) == ["Mittelsachsen"])
        #expect(TextMetrics.wrap("Mittelsachsen", maxWidth: 60, size: 14, weight: .semibold).count == 2)
        #expect(TextMetrics.wrap("Frankenberg/Sa.", maxWidth: 90, size: 14) == ["Frankenberg/", "Sa."])
        #expect(TextMetrics.wrap("Bobritzsch-Hilbersdorf", maxWidth: 100, size: 14) == ["Bobritzsch-", "Hilbersdorf"])
        // A word that cannot fit is split with hyphens rather than running out of the chart.
        let split = TextMetrics.wrap("Donaudampfschifffahrtsgesellschaft", maxWidth: 80, size: 14, hardLimit: 80)
        #expect(split.count >= 3)
        #expect(split.allSatisfy { TextMetrics.width($0, size: 14) <= 80 })
        #expect(split.dropLast().allSatisfy { $0.hasSuffix("-") })
        #expect(split.map { $0.hasSuffix("-") ? String($0.dropLast()) : $0 }.joined() == "Donaudampfschifffahrtsgesellschaft")
        #expect(TextMetrics.wrap("", maxWidth: 50, size: 14).isEmpty)
    }
}

@Suite("End-label placement")
struct LabelPlacerTests {
    @Test("Labels with room stay centred on their targets")
    func free() {
        let tops = LabelPlacer.place([.init(target: 50, height: 17), .init(target: 150, height: 17)], lower: 0, upper: 300)
        #expect(tops == [41.5, 141.5])
    }

    @Test("Crowded labels are pushed apart, keep their order and stay in bounds")
    func crowded() {
        let targets: [Double] = [100, 101, 99.5, 103, 98, 102, 100.5, 97, 104, 99]
        let items = targets.map { LabelPlacer.Item(target: $0, height: 17) }
        let tops = LabelPlacer.place(items, lower: 0, upper: 300, gap: 2).map { $0! }
        let order = targets.indices.sorted { (targets[$0], $0) < (targets[$1], $1) }
        for (a, b) in zip(order, order.dropFirst()) {
            #expect(tops[b] >= tops[a] + 17 + 2 - 1e-9, "labels \(a) and \(b) overlap")
        }
        #expect(tops.allSatisfy { $0 >= 0 && $0 + 17 <= 300 })
        // The block stays centred on the targets' mean.
        let centre = (tops.min()! + tops.max()! + 17) / 2
        #expect(abs(centre - targets.reduce(0, +) / Double(targets.count)) < 2)
    }

    @Test("Labels near an edge are clamped inside")
    func clamped() {
        let tops = LabelPlacer.place([.init(target: 2, height: 17), .init(target: 3, height: 17)], lower: 0, upper: 100)
        #expect(tops[0] == 0 || tops[1] == 0)
        #expect(tops.compactMap { $0 }.allSatisfy { $0 >= 0 })
    }

    @Test("When not all fit, the least important are dropped and the rest do not overlap")
    func overflow() {
        var items = (0..<30).map { LabelPlacer.Item(target: Double($0) * 3, height: 17, priority: 0) }
        items[7].priority = 5
        items[20].priority = 3
        let tops = LabelPlacer.place(items, lower: 0, upper: 100, gap: 2)
        #expect(tops[7] != nil && tops[20] != nil)
        let kept = tops.compactMap { $0 }.sorted()
        #expect(kept.count == 5)
        for (a, b) in zip(kept, kept.dropFirst()) { #expect(b - a >= 19 - 1e-9) }
    }
}
