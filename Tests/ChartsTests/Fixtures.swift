@testable import Charts

/// Example charts with realistic shapes (values are illustrative, not official statistics).
enum Fixtures {
    static let years = Array(2014...2023)

    static func series(_ id: String, _ label: String, _ role: SeriesRole = .primary, _ values: [Double?],
                       from start: Int = 2014, locative: String? = nil, comparison: String? = nil,
                       flags: [Int: ValueFlags] = [:], missing: [Int: MissingReason] = [:]) -> Series {
        var points: [DataPoint] = []
        for (offset, value) in values.enumerated() {
            let year = start + offset
            if let reason = missing[year] {
                points.append(DataPoint(year: year, missing: reason))
            } else if let value {
                points.append(DataPoint(year: year, value, flags: flags[year] ?? []))
            }
        }
        return Series(id: id, label: label, role: role, points: points, locative: locative, comparisonName: comparison)
    }

    static let source = "Bundesagentur für Arbeit, Statistisches Landesamt Sachsen, eigene Berechnungen"

    /// Gemeinde vs Sozialregion vs Kreis, with a gap, a provisional last value and a break.
    static var sgb2Line: ChartSpec {
        ChartSpec(
            title: "SGB-II-Quote in Döbeln sinkt, bleibt aber über dem Kreiswert",
            subtitle: "Personen in Bedarfsgemeinschaften nach SGB II je 100 Einwohner unter 65 Jahren, in %",
            unit: .percent,
            series: [
                series("doebeln", "Döbeln", .primary, [10.9, 10.4, 10.1, 9.6, 9.0, 8.4, nil, 7.9, 7.5, 7.2],
                       flags: [2023: .provisional], missing: [2020: .secret]),
                series("nord", "Sozialregion Nord (Döbeln)", .reference, [9.2, 8.9, 8.6, 8.1, 7.6, 7.2, 7.3, 6.9, 6.6, 6.5],
                       locative: "in der Sozialregion Nord", comparison: "dem Wert der Sozialregion"),
                series("kreis", "Landkreis Mittelsachsen", .reference, [8.1, 7.9, 7.6, 7.2, 6.8, 6.4, 6.5, 6.2, 6.0, 5.9],
                       locative: "im Landkreis", comparison: "dem Kreiswert"),
            ],
            breaks: [SeriesBreak(before: 2022, note: "Zensus 2022")],
            subject: "die SGB-II-Quote", highlight: "doebeln", higherIsBetter: false,
            source: source, datenstand: "30. Juni 2024", gebietsstand: "1. Januar 2023",
            licence: "Datenlizenz Deutschland – Namensnennung 2.0")
    }

    /// Nine series whose last values crowd into a narrow band: end labels must be pushed apart.
    static var crowdedLine: ChartSpec {
        let names = ["Freiberg", "Brand-Erbisdorf", "Flöha", "Frankenberg/Sa.", "Mittweida", "Burgstädt",
                     "Hainichen", "Roßwein", "Großschirma"]
        var all: [Series] = []
        for (i, name) in names.enumerated() {
            let base: Double = 6.0 + Double(i) * 0.35
            let slope: Double = 0.05 * Double(i % 3 - 1) + (i == 0 ? 0.1 : 0)
            let values: [Double?] = (0..<10).map { (t: Int) -> Double? in base + Double(t) * slope }
            all.append(series("g\(i)", name, i == 0 ? .primary : .context, values))
        }
        let kreis: [Double?] = (0..<10).map { (t: Int) -> Double? in 7.0 + Double(t) * 0.02 }
        all.append(series("kreis", "Landkreis Mittelsachsen", .reference, kreis,
                          locative: "im Landkreis", comparison: "dem Kreiswert"))
        return ChartSpec(title: "Arbeitslosenquote: Freiberg holt auf", subtitle: "Arbeitslose je 100 zivile Erwerbspersonen, in %",
                         unit: .percent, series: all, subject: "die Arbeitslosenquote", highlight: "g0",
                         source: "Bundesagentur für Arbeit", datenstand: "Dezember 2023")
    }

    /// Values far from zero: the axis starts above zero and says so.
    static var ageLine: ChartSpec {
        ChartSpec(title: "Das Durchschnittsalter steigt weiter", subtitle: "Durchschnittsalter der Bevölkerung am 31.12., in Jahren",
                  unit: ChartUnit(.years), series: [
                      series("kreis", "Landkreis Mittelsachsen", .primary, [47.1, 47.3, 47.5, 47.8, 48.0, 48.4, 48.6, 48.8, 48.9, 49.0],
                             locative: "im Landkreis Mittelsachsen"),
                  ], subject: "das Durchschnittsalter", source: "Statistisches Landesamt Sachsen", datenstand: "31. Dezember 2023")
    }

    static var careColumns: ChartSpec {
        ChartSpec(title: "Immer mehr Pflegebedürftige", subtitle: "Pflegebedürftige je 1.000 Einwohner",
                  unit: ChartUnit(.perThousand, decimals: 1), series: [
                      Series(id: "kreis", label: "Landkreis Mittelsachsen", points: [
                          DataPoint(year: 2013, 38.2), DataPoint(year: 2015, 41.0), DataPoint(year: 2017, 49.6),
                          DataPoint(year: 2019, 57.3), DataPoint(year: 2021, missing: .notYetAvailable),
                          DataPoint(year: 2023, 68.9, flags: .provisional),
                      ], locative: "im Landkreis"),
                  ], breaks: [SeriesBreak(before: 2017, note: "neuer Pflegebegriff")],
                  subject: "die Zahl der Pflegebedürftigen",
                  source: "Statistisches Landesamt Sachsen, Pflegestatistik", datenstand: "15. März 2024")
    }

    static let gemeinden: [(String, Double?)] = [
        ("Freiberg", 6.8), ("Döbeln", 7.2), ("Mittweida", 6.1), ("Flöha", 5.2), ("Frankenberg/Sa.", 5.6),
        ("Brand-Erbisdorf", 5.0), ("Burgstädt", 4.9), ("Hainichen", 6.3), ("Roßwein", 6.6), ("Leisnig", 7.0),
        ("Rochlitz", 5.9), ("Oederan", 3.9), ("Sayda", 3.1), ("Bobritzsch-Hilbersdorf", 3.4), ("Rechenberg-Bienenmühle", nil),
    ]

    static var ranking: ChartSpec {
        var points = gemeinden.map { name, value in
            value.map { DataPoint(category: name, $0) } ?? DataPoint(category: name, missing: .secret)
        }
        points[2].flags = .provisional
        return ChartSpec(title: "Döbeln hat eine der höchsten SGB-II-Quoten im Kreis",
                  subtitle: "SGB-II-Quote 2023 in ausgewählten Gemeinden, in %", unit: .percent,
                  series: [
                      Series(id: "quote", label: "SGB-II-Quote 2023", points: points),
                      Series(id: "kreis", label: "Landkreis", role: .reference, points: [DataPoint(category: "Landkreis", 5.9)],
                             comparisonName: "dem Kreiswert"),
                  ], keyLabel: "Gemeinde", highlight: "Döbeln", higherIsBetter: false,
                  source: "Bundesagentur für Arbeit", datenstand: "30. Juni 2024", licence: "dl-de/by-2-0")
    }

    static var groupedYears: ChartSpec {
        ChartSpec(title: "Arbeitslosenquote in Döbeln über Region und Kreis",
                  subtitle: "Arbeitslose je 100 zivile Erwerbspersonen, Jahresdurchschnitt, in %", unit: .percent,
                  series: [
                      series("doebeln", "Döbeln", .primary, [7.9, 8.3, 7.6, 7.1, 7.4], from: 2019),
                      series("nord", "Sozialregion Nord", .reference, [6.9, 7.4, 6.8, 6.3, 6.6], from: 2019),
                      series("kreis", "Landkreis", .reference, [5.6, 6.1, 5.6, 5.2, 5.5], from: 2019,
                             comparison: "dem Kreiswert", flags: [2023: .provisional]),
                  ], subject: "die Arbeitslosenquote", highlight: "doebeln",
                  source: "Bundesagentur für Arbeit", datenstand: "Januar 2024")
    }

    static var groupedCategories: ChartSpec {
        ChartSpec(title: "Krippenplätze werden in allen Regionen stark genutzt",
                  subtitle: "Kinder in Kindertagesbetreuung je 100 Kinder der Altersgruppe, 2023, in %", unit: .percent,
                  series: [
                      Series(id: "u3", label: "unter 3 Jahre", points: [
                          DataPoint(category: "Freiberg", 58.1), DataPoint(category: "Nord (Döbeln)", 61.4),
                          DataPoint(category: "Südost (Sayda)", 55.0), DataPoint(category: "Landkreis Mittelsachsen", 57.9)]),
                      Series(id: "u6", label: "3 bis unter 6 Jahre", points: [
                          DataPoint(category: "Freiberg", 94.2), DataPoint(category: "Nord (Döbeln)", 95.8),
                          DataPoint(category: "Südost (Sayda)", missing: .anonymised),
                          DataPoint(category: "Landkreis Mittelsachsen", 95.1)]),
                  ], keyLabel: "Gebiet", source: "Statistisches Landesamt Sachsen", datenstand: "1. März 2023")
    }

    static var stackedYears: ChartSpec {
        let kinds: [(String, [Double])] = [
            ("Alleinstehende", [5210, 5105, 4980, 4720, 4650]),
            ("Alleinerziehende", [1480, 1452, 1390, 1310, 1290]),
            ("Paare mit Kindern", [1120, 1098, 1040, 990, 1010]),
            ("Paare ohne Kinder", [760, 742, 700, 655, 640]),
        ]
        return ChartSpec(title: "Die meisten Bedarfsgemeinschaften sind Alleinstehende",
                  subtitle: "Bedarfsgemeinschaften nach Typ im Landkreis, Anteile in %", unit: ChartUnit(.count, label: "Bedarfsgemeinschaften"),
                  series: kinds.enumerated().map { i, kind in series("bg\(i)", kind.0, .primary, kind.1.map { Optional($0) }, from: 2019) },
                  subject: "die Zahl der Bedarfsgemeinschaften", source: "Bundesagentur für Arbeit", datenstand: "Juni 2024")
    }

    static var stackedCategories: ChartSpec {
        let regions = ["Freiberg", "Südost (Sayda)", "Süd (Flöha)", "Nord (Döbeln)"]
        let parts: [(String, [Double])] = [
            ("Einpersonenhaushalte", [9800, 5100, 6900, 11200]),
            ("Paare ohne Kinder", [6100, 5600, 6800, 8900]),
            ("Haushalte mit Kindern", [4200, 4900, 5300, 6100]),
        ]
        return ChartSpec(title: "In Freiberg lebt fast jeder Zweite allein",
                  subtitle: "Haushalte nach Typ, 2022", unit: ChartUnit(.count, label: "Haushalte"),
                  series: parts.enumerated().map { i, part in
                      Series(id: "h\(i)", label: part.0, points: zip(regions, part.1).map { DataPoint(category: $0, $1) })
                  }, keyLabel: "Sozialregion", source: "Zensus 2022", datenstand: "15. Mai 2022")
    }

    static var pyramid: ChartSpec {
        let groups = ["0–9", "10–19", "20–29", "30–39", "40–49", "50–59", "60–69", "70–79", "80–89", "90+"]
        let men: [Double] = [11950, 12810, 11020, 16640, 16120, 23390, 22120, 14880, 7350, 910]
        let women: [Double] = [11240, 12020, 9480, 14310, 15110, 22380, 23410, 17960, 11780, 2880]
        return ChartSpec(title: "Die Generation der 50- bis 69-Jährigen ist am stärksten",
                  subtitle: "Bevölkerung nach Altersgruppen und Geschlecht am 31.12.2023, Personen",
                  unit: ChartUnit(.count, label: "Personen"),
                  series: [
                      Series(id: "m", label: "Männer", points: zip(groups, men).map { DataPoint(category: $0, $1) }),
                      Series(id: "w", label: "Frauen", points: zip(groups, women).map { DataPoint(category: $0, $1) }),
                  ], keyLabel: "Altersgruppe", source: "Statistisches Landesamt Sachsen", datenstand: "31. Dezember 2023")
    }

    static var sparkline: ChartSpec {
        ChartSpec(title: "SGB-II-Quote in Döbeln", unit: .percent, series: [
            series("doebeln", "Döbeln", .primary, [10.9, 10.4, 10.1, 9.6, 9.0, 8.4, nil, 7.9, 7.5, 7.2],
                   flags: [2023: .provisional], missing: [2020: .secret]),
            series("kreis", "Landkreis", .reference, [8.1, 7.9, 7.6, 7.2, 6.8, 6.4, 6.5, 6.2, 6.0, 5.9]),
        ], subject: "die SGB-II-Quote")
    }

    static let regionNames = ["1": "Freiberg", "2": "Südost (Sayda)", "3": "Süd (Flöha)", "4": "Südwest (Burgstädt)",
                              "5": "West (Mittweida)", "6": "Nord (Döbeln)", "7": "Nordost (Hainichen)"]

    static var multiples: ChartSpec {
        let base: [(String, Double)] = [("1", 6.9), ("2", 4.1), ("3", 5.0), ("4", 5.3), ("5", 6.2), ("6", 7.8), ("7", 5.9)]
        var all: [Series] = base.map { key, start in
            let values: [Double?] = (0..<10).map { (t: Int) -> Double? in start - Double(t) * start * 0.028 }
            return series("r\(key)", regionNames[key]!, .primary, values, locative: "in der Sozialregion \(regionNames[key]!)")
        }
        let kreis: [Double?] = (0..<10).map { (t: Int) -> Double? in 8.1 - Double(t) * 0.24 }
        all.append(series("kreis", "Landkreis", .reference, kreis, locative: "im Landkreis"))
        return ChartSpec(title: "Die SGB-II-Quote sinkt in allen Sozialregionen",
                         subtitle: "SGB-II-Quote nach Sozialregionen, in %", unit: .percent, series: all,
                         subject: "die SGB-II-Quote", source: "Bundesagentur für Arbeit", datenstand: "Juni 2024")
    }

    static var tiles: ChartSpec {
        let values: [(String, Double?)] = [("1", 6.1), ("2", 3.8), ("3", 4.6), ("4", 4.9), ("5", 5.7), ("6", 7.2), ("7", nil)]
        return ChartSpec(title: "Im Norden ist die SGB-II-Quote am höchsten",
                         subtitle: "SGB-II-Quote 2023 nach Sozialregionen, in %", unit: .percent,
                         series: [
                             Series(id: "quote", label: "SGB-II-Quote 2023", points: values.map { key, value in
                                 value.map { DataPoint(category: key, $0) } ?? DataPoint(category: key, missing: .secret)
                             }),
                             Series(id: "kreis", label: "Landkreis", role: .reference, points: [DataPoint(category: "Kreis", 5.9)],
                                    comparisonName: "dem Kreiswert"),
                         ],
                         categories: regionNames.keys.sorted().map { ChartCategory(key: $0, label: "Sozialregion \($0): \(regionNames[$0]!)") },
                         keyLabel: "Sozialregion", highlight: "6",
                         source: "Bundesagentur für Arbeit", datenstand: "30. Juni 2024")
    }

    /// Every example, with the name of its snapshot file.
    static var gallery: [(name: String, chart: Chart)] {
        [
            ("line-sgb2", Chart(.line(), sgb2Line)),
            ("line-crowded", Chart(.line(), crowdedLine)),
            ("line-truncated", Chart(.line(), ageLine)),
            ("column-care", Chart(.column, careColumns)),
            ("ranking", Chart(.ranking, ranking)),
            ("grouped-years", Chart(.groupedBars, groupedYears)),
            ("grouped-categories", Chart(.groupedBars, groupedCategories)),
            ("stacked-percent", Chart(.stackedBars(.percent), stackedYears)),
            ("stacked-categories", Chart(.stackedBars(.absolute), stackedCategories)),
            ("pyramid", Chart(.pyramid, pyramid)),
            ("sparkline-decorative", Chart(.sparkline(.decorative), sparkline)),
            ("sparkline-labelled", Chart(.sparkline(.labelled), sparkline)),
            ("multiples", Chart(.smallMultiples, multiples)),
            ("tilemap", Chart(.tileMap(), tiles)),
        ]
    }
}
