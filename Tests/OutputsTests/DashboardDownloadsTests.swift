import Data
import Foundation
@testable import Outputs
import Support
import Testing

/// The downloads: CSV that spreadsheets read (BOM, `;`, decimal comma) and JSON with metadata.
/// Both are parsed back here and compared with the data they came from.
@Suite struct DashboardDownloadsTests {
    var files: [String: OutputFile] { DashboardFixture.rendered.files }
    var data: SiteData { DashboardFixture.repoData }

    /// Fields of a `;` CSV with quotes, without a real parser's corner cases (our writer's output only).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == ";" { row.append(field); field = ""
            } else if c == "\r" { continue
            } else if c == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.unicodeScalars.append(c) }
        }
        return rows
    }

    @Test func indicatorCSVIsReadableBySpreadsheetsAndComplete() throws {
        let file = try #require(files["daten/indikatoren/arbeitslosenquote.csv"])
        #expect(file.contents.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(file.text.contains("\r\n"))
        #expect(!file.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = Self.parseCSV(String(file.text.dropFirst()))
        #expect(rows.first == DashboardDownloads.csvColumns)
        let dataset = try #require(data.indicators.dataset(slug: "arbeitslosenquote"))
        #expect(rows.count - 1 == dataset.observations.count)
        #expect(rows.allSatisfy { $0.count == DashboardDownloads.csvColumns.count })
        let kreis2014 = try #require(rows.first { $0[0] == "14522" && $0[3] == "2014" })
        #expect(kreis2014 == ["14522", "Landkreis Mittelsachsen", "Landkreis", "2014", "8,1", "%", "", "", "veröffentlicht"])
        let provisional = try #require(rows.first { $0[0] == "14522" && $0[3] == "2023" })
        #expect(provisional[6] == "p" && provisional[7] == "vorläufig")
        // Every value reads back as the number in the data.
        for row in rows.dropFirst() where !row[4].isEmpty {
            let value = try #require(Double(row[4].replacingOccurrences(of: ",", with: ".")))
            let state = try #require(dataset.state(area: row[0], year: Int(row[3])!))
            #expect(state.number == value)
        }
    }

    @Test func missingValuesHaveSymbolAndMeaningButNoNumber() throws {
        let rows = Self.parseCSV(String(try #require(files["daten/indikatoren/mindestsicherungsquote.csv"]).text.dropFirst()))
        let later = try #require(rows.first { $0[0] == "14522" && $0[3] == "2023" })
        #expect(later[4] == "")
        #expect(later[6] == "…")
        #expect(later[7] == "Angabe fällt später an")
    }

    @Test func allDataCSVHoldsEveryIndicator() throws {
        let rows = Self.parseCSV(String(try #require(files["daten/alle-daten.csv"]).text.dropFirst()))
        #expect(rows.first == ["Indikator", "Indikatorname"] + DashboardDownloads.csvColumns)
        #expect(rows.count - 1 == data.indicators.datasets.reduce(0) { $0 + $1.observations.count })
        #expect(Set(rows.dropFirst().map { $0[0] }) == Set(data.indicators.datasets.map(\.slug)))
    }

    @Test func jsonIsValidAndCarriesMetadata() throws {
        let file = try #require(files["daten/alle-daten.json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(file.contents)) as? [String: Any])
        #expect(root["adresse"] as? String == "https://mittelsachsen-sozial.de/daten/alle-daten.json")
        let legend = try #require(root["zeichenerklaerung"] as? [[String: String]])
        #expect(legend.count == StatisticalSymbol.legend.count)
        let areas = try #require(root["gebiete"] as? [[String: Any]])
        #expect(areas.count == data.areas.areas.count)
        let jahnatal = try #require(areas.first { $0["schluessel"] as? String == "14522275" })
        #expect(jahnatal["gueltig_ab"] as? String == "2023-01-01")
        let ostrau = try #require(areas.first { $0["schluessel"] as? String == "14522450" })
        #expect(ostrau["nachfolger"] as? String == "14522275")
        let indicators = try #require(root["indikatoren"] as? [[String: Any]])
        #expect(indicators.map { $0["name"] as? String } == data.indicators.datasets.map(\.slug))
        for (json, dataset) in zip(indicators, data.indicators.datasets) {
            let i = dataset.indicator
            #expect(json["einheit"] as? String == i.unit)
            #expect(json["quelle"] as? String == i.source)
            #expect(json["lizenz"] as? String == i.licence)
            #expect(json["datenstand"] as? String == i.datenstand.description)
            #expect(json["beispieldaten"] as? Bool == i.example)
            let values = try #require(json["werte"] as? [[String: Any]])
            #expect(values.count == dataset.observations.count)
            for (value, observation) in zip(values, dataset.observations) {
                #expect(value["gebiet"] as? String == observation.area)
                #expect(value["jahr"] as? Int == observation.year)
                if let number = observation.state.number {
                    #expect((value["wert"] as? NSNumber)?.doubleValue == number)
                } else {
                    #expect(value["wert"] is NSNull)
                    #expect((value["zeichen"] as? [String])?.contains(observation.state.symbol ?? "?") == true)
                }
            }
        }
    }

    @Test func indicatorJSONStandsAlone() throws {
        let file = try #require(files["daten/indikatoren/sgb-ii-quote.json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(file.contents)) as? [String: Any])
        let indicator = try #require(root["indikator"] as? [String: Any])
        #expect(indicator["name"] as? String == "sgb-ii-quote")
        #expect(indicator["csv"] as? String == "https://mittelsachsen-sozial.de/daten/indikatoren/sgb-ii-quote.csv")
        #expect((root["hinweis"] as? String)?.contains("Beispieldaten") == true)
        #expect(root["zeichenerklaerung"] != nil && root["gebiete"] != nil)
    }

    @Test func csvFieldsCannotRunAsFormulas() {
        #expect(DashboardDownloads.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(DashboardDownloads.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(DashboardDownloads.field("-0,7") == "-0,7")
        #expect(DashboardDownloads.field("a;b") == "\"a;b\"")
    }

    @Test func numbersInJSONReadBackExactly() {
        for value in [0.0, 5.0, 299_329, 10.4, -0.7, 0.1 + 0.2, 1e-7] {
            let text = DashboardDownloads.number(value)
            #expect(Double(text) == value, "\(value) → \(text)")
        }
        #expect(DashboardDownloads.number(299_329) == "299329")
    }

    /// The CSV files are written row by row, the rows reused for `alle-daten.csv`: they must be
    /// exactly what `csv` makes of the full rows (each indicator's and the long rows of all).
    @Test func csvFilesEqualTheWholeTableWrittenAtOnce() throws {
        let model = DashboardModel(data: data, handlungsfelder: [])
        var allRows: [[String]] = [["Indikator", "Indikatorname"] + DashboardDownloads.csvColumns]
        for dataset in data.indicators.datasets {
            let cells = dataset.observations.map { DashboardDownloads.cells($0.state, decimals: dataset.indicator.decimals) }
            let rows = DashboardDownloads.csvRows(dataset, cells: cells, areas: model.areas)
            let file = try #require(files[String(DashboardDownloads.indicatorCSVPath(dataset.slug).dropFirst())])
            #expect(file.text == DashboardDownloads.csv([DashboardDownloads.csvColumns] + rows))
            allRows += rows.map { [dataset.slug, dataset.indicator.title] + $0 }
        }
        let all = try #require(files[String(DashboardDownloads.allCSVPath.dropFirst())])
        #expect(all.text == DashboardDownloads.csv(allRows))
        #expect(DashboardDownloads.csv([]) == "\u{FEFF}\r\n")
        #expect(DashboardDownloads.csvLine(["a;b", "=1+1", ""]) == "\"a;b\";'=1+1;")
    }
    /// `decimalComma` before it made both texts in one pass.
    static func referenceDecimalComma(_ value: Double, decimals: Int) -> String {
        let fixed = GermanFormat.number(value, decimals: decimals, grouping: false).replacingBytes([("−", "-")])
        if Double(fixed.replacingBytes([(",", ".")])) == value { return fixed }
        return DashboardDownloads.number(value).replacingBytes([(".", ",")])
    }

    @Test func decimalCommaMatchesTheTwoReplacements() {
        var values: [Double] = [0, -0.0, 0.5, -0.5, 1234.5, -1234.5, 0.1 + 0.2, -0.7, 299_329, 1e-7, -1e-7, 12.345, 99.995, 1e14]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            values.append(Double(Int.random(in: -1_000_000...1_000_000, using: &rng)) / 1000)
            values.append(Double.random(in: -1000...1000, using: &rng))
        }
        for value in values {
            for decimals in 0...3 {
                #expect(DashboardDownloads.decimalComma(value, decimals: decimals) == Self.referenceDecimalComma(value, decimals: decimals),
                        "\(value) \(decimals)")
            }
        }
    }
}
