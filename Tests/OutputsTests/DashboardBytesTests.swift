import Data
@testable import Outputs
import Support
import Testing

/// The byte writers of the value tables write exactly what the string helpers make.
@Suite struct DashboardBytesTests {
    func bytes(_ write: (inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = []
        write(&out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func escapingMatchesEscapeHTML() {
        let samples = ["", "Döbeln", "Groß- & Kleinstädte <b>\"'</b>", "🏳️‍🌈 Emoji", "a&b", "'", "<>",
                       "Straße „Zitat“ ‚x‘", String(repeating: "lang & länger ", count: 500), "\u{00A0}x\u{2212}1"]
        for text in samples {
            #expect(bytes { Escape.appendHTML(text, to: &$0) } == Escape.html(text))
            #expect(bytes { DashboardBytes.link("/daten/gemeinden/\(text)/", text, into: &$0) }
                    == DashboardHTML.link("/daten/gemeinden/\(text)/", text))
        }
    }

    @Test func cellsMatchTheStringCells() {
        let flagSets: [ValueFlags] = [[], .provisional, .revised, .estimated, .limitedValidity, .seriesBreak,
                                      [.provisional, .revised, .estimated, .limitedValidity, .seriesBreak],
                                      [.seriesBreak, .estimated], [.limitedValidity, .provisional]]
        var states: [ValueState?] = [nil]
        for flags in flagSets {
            states += [.value(1234.567, flags), .value(-0.04, flags), .value(-12.5, flags), .value(0, flags),
                       .exactlyZero(flags), .belowHalfUnit(flags)]
            states += MissingReason.allCases.map { .missing($0, flags) }
        }
        for state in states {
            for decimals in [0, 1, 2] {
                #expect(bytes { DashboardBytes.cell(state, decimals: decimals, into: &$0) }
                        == DashboardHTML.cell(state, decimals: decimals))
            }
        }
    }

    /// The row walk finds each year's state as the lookup did, also with gaps, years before the
    /// area existed and states the table's years do not list.
    @Test func rowCellsMatchLookupPerYear() {
        let area = Area(key: "14522999", name: "Neustadt", level: .gemeinde, kind: "Gemeinde",
                        validFrom: CivilDate(year: 2019, month: 1, day: 1))
        let states: [(year: Int, state: ValueState)] = [(2019, .value(1, [])), (2021, .missing(.confidential, [])),
                                                        (2023, .value(2.5, .provisional)), (2030, .value(9, []))]
        let years = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]
        var expected = ""
        for year in years {
            if let state = states.first(where: { $0.year == year })?.state {
                expected += "<td>\(DashboardHTML.cell(state, decimals: 1))</td>"
            } else if !area.isValid(inYear: year) {
                expected += "<td><abbr title=\"Gebiet bestand in diesem Jahr nicht\">x</abbr></td>"
            } else {
                expected += "<td>\(DashboardHTML.cell(nil, decimals: 1))</td>"
            }
        }
        #expect(bytes { DashboardBytes.rowCells(years: years, states: states, area: area, decimals: 1, into: &$0) } == expected)
        #expect(expected.contains("Gebiet bestand"), "the fixture covers a year before the area existed")
    }

    /// The ASCII shortcut of `DashboardValues.unit` decides as folding did, also for upper case,
    /// near misses and units that only fold to a known word (accents, umlauts).
    @Test func unitShortcutMatchesFolding() {
        let units = ["%", "Prozent", "PROZENT", "prozentpunkte", "Prozen", "Jahre", "JAHRE", "jahre ", "Jahr",
                     "je 1.000 Einwohner", "Je 1000 Einw.", "JE 100 Personen", "je", "je ", "jeder", "Personen", "",
                     "Einwohner/km²", "Prózent", "Jähre", "€ je Einwohner", "je 1.000 Einwohnerinnen und Einwohner"]
        for unit in units {
            for decimals in [0, 1] {
                let indicator = Indicator(slug: "x", title: "X", unit: unit, decimals: decimals, definition: "", source: "",
                                          licence: "", datenstand: CivilDate(year: 2024, month: 1, day: 1),
                                          handlungsfelder: [], higherIsBetter: nil)
                #expect(DashboardValues.unit(indicator) == DashboardValues.foldedUnit(indicator), "\(unit)")
            }
        }
    }
}
