import Testing
import Support
@testable import Data

@Suite("Importer")
struct DataImporterTests {
    @Test("Excel table in Windows-1252: 0x85 is „…“, umlauts, every symbol, footnotes not read")
    func excelWindows1252() throws {
        let result = TestSupport.importFixture("excel-tabelle-1252.csv")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.encoding == .windows1252)
        #expect(result.layout == .table)
        let k = "14522"
        #expect(result.state(k, 2014) == .value(1234.5, []))
        #expect(result.state(k, 2015) == .value(9.1, .provisional))
        #expect(result.state(k, 2016) == .value(6.6, .provisional))
        #expect(result.state(k, 2017) == .value(4.8, [.limitedValidity, .provisional]))
        #expect(result.state(k, 2018) == .value(9.4, .seriesBreak))
        #expect(result.state(k, 2019) == .value(7.0, .seriesBreak))
        #expect(result.state(k, 2020) == .belowHalfUnit([]))
        #expect(result.state(k, 2021) == .exactlyZero([]))
        #expect(result.state(k, 2022) == .value(-0.7, []))
        let r = "sozialregion-2"
        #expect(result.state(r, 2014) == .missing(.unreliable, []))
        #expect(result.state(r, 2015) == .missing(.blocked, []))
        #expect(result.state(r, 2016) == .missing(.confidential, []))
        #expect(result.state(r, 2017) == .missing(.anonymised, []))
        #expect(result.state(r, 2018) == .missing(.notYetAvailable, []))
        #expect(result.state(r, 2019) == .missing(.notYetAvailable, []))
        #expect(result.state(r, 2020) == .value(3.1, .revised))
        #expect(result.state(r, 2021) == .value(2.5, .estimated))
        #expect(result.state(r, 2022) == .value(1.0, .limitedValidity))
        #expect(result.state(r, 2023) == .belowHalfUnit([]))
        // Zettlitz: empty cells are no values; 0x85 in the 2023 cell is "…".
        #expect(result.observations.filter { $0.area == "14522600" }.map(\.year) == [2023])
        #expect(result.state("14522600", 2023) == .missing(.notYetAvailable, []))
        // The merger: "x" before Jahnatal existed and after Ostrau ended is not a value.
        #expect(result.observations.filter { $0.area == "14522275" }.map(\.year) == [2023])
        #expect(result.observations.filter { $0.area == "14522450" }.count == 9)
        #expect(result.state("14522080", 2023) == .value(10, .provisional))
        #expect(result.observations.count == 10 + 10 + 10 + 9 + 9 + 1 + 1)
        // Where the value was read: physical line and column of the cell.
        let cell = try #require(result.observations.first { $0.area == "14522" && $0.year == 2015 }?.location)
        #expect(cell == SourceLocation(file: "excel-tabelle-1252.csv", line: 5, column: 39))
    }

    @Test("UTF-8 with BOM and CRLF; title and footnote lines ignored")
    func utf8BOM() {
        let result = TestSupport.importFixture("excel-utf8-bom.csv")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.encoding == .utf8WithBOM)
        #expect(result.observations.count == 6)
        #expect(result.state("14522080", 2023) == .value(8.1, .provisional))
        #expect(result.state("14522360", 2021) == .value(5.2, []))
    }

    @Test("UTF-16 is refused with the hint to save as CSV UTF-8")
    func utf16() throws {
        let result = TestSupport.importFixture("excel-utf16.csv")
        #expect(result.observations.isEmpty)
        let error = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(error.code == DataCode.encodingUTF16)
        #expect(error.hint?.contains("CSV UTF-8") == true)
    }

    @Test("All errors of a file together, at the physical line, and nothing to write")
    func errorsTogether() throws {
        let result = TestSupport.importFixture("excel-fehler.csv")
        #expect(result.observations.isEmpty)
        let errors = result.diagnostics.errors
        #expect(errors.count == 3, "\(errors)")
        // Record 4 starts on line 5: the quoted name above spans two lines.
        let fieldCount = try #require(errors.with(code: DataCode.csvFieldCount).first)
        #expect(fieldCount.location.line == 5)
        #expect(fieldCount.message.contains("3 Spalten, erwartet werden 4"))
        let number = try #require(errors.with(code: DataCode.invalidNumber).first)
        #expect(number.location == SourceLocation(file: "excel-fehler.csv", line: 6, column: 20))
        #expect(number.message.contains("12,3,4"))
        let unknown = try #require(errors.with(code: DataCode.unknownArea).first)
        #expect(unknown.location == SourceLocation(file: "excel-fehler.csv", line: 7, column: 1))
        #expect(unknown.hint?.contains("Meinten Sie „14522180“ (Freiberg)?") == true)
    }

    @Test("Values for areas in years they did not exist are errors with a hint to the merger")
    func validity() {
        let result = TestSupport.importFixture("excel-gueltigkeit.csv")
        let errors = result.diagnostics.with(code: DataCode.areaNotValid)
        #expect(errors.count == 2)
        #expect(errors.map(\.location.line) == [2, 3])
        #expect(errors[0].hint?.contains("Ostrau (14522450) und Zschaitz-Ottewig (14522620)") == true)
        #expect(errors[1].hint?.contains("Ab 2023 gilt Jahnatal (14522275)") == true)
        #expect(result.observations.isEmpty)
    }

    @Test("GENESIS flat file, old flavour: KREISE, GEMEIN, quality column, symbols, Sachsen skipped")
    func flatOld() {
        let result = TestSupport.importFixture("genesis-flat-alt.csv")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.layout == .genesisFlatOld)
        #expect(result.skippedOutside == 1)
        #expect(result.state("14522", 2022) == .value(295_551, []))
        #expect(result.state("14522180", 2022) == .value(39_401, []))
        #expect(result.state("14522450", 2022) == .value(3520, .provisional))
        #expect(result.state("14522620", 2022) == .missing(.confidential, []))
        #expect(result.state("14522275", 2023) == .value(4711, []))
        #expect(result.state("14522600", 2023) == .exactlyZero([]))
        #expect(result.observations.count == 6)
    }

    @Test("GENESIS flat file, new flavour: a second dimension needs a filter")
    func flatNew() {
        let unfiltered = TestSupport.importFixture("genesis-flat-neu.csv")
        #expect(unfiltered.layout == .genesisFlatNew)
        let duplicates = unfiltered.diagnostics.with(code: DataCode.duplicateValue)
        #expect(duplicates.map(\.location.line) == [3, 5])
        #expect(duplicates.first?.hint?.contains("import: filter:") == true)
        #expect(unfiltered.observations.isEmpty)

        let women = TestSupport.indicator(filters: ["2_variable_attribute_code": "GESW"])
        let result = TestSupport.importFixture("genesis-flat-neu.csv", indicator: women)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.skippedByFilter == 2)
        #expect(result.state("14522", 2022) == .value(4.9, []))
        #expect(result.state("14522", 2023) == .value(5.1, .provisional))
        #expect(result.state("14522080", 2023) == .value(7.3, .provisional))
        #expect(result.state("14522600", 2023) == .missing(.confidential, []))
    }

    @Test("GENESIS table: time lines, empty key cells with region labels, legend after the line")
    func genesisTable() {
        let ambiguous = TestSupport.importFixture("genesis-tabelle.csv")
        #expect(ambiguous.diagnostics.with(code: DataCode.importColumn).count == 1)
        #expect(ambiguous.diagnostics.first?.hint?.contains("Mindestsicherungsquote") == true)

        let indicator = TestSupport.indicator(column: "Mindestsicherungsquote")
        let result = TestSupport.importFixture("genesis-tabelle.csv", indicator: indicator)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.skippedOutside == 1)
        #expect(result.observations.count == 6)
        #expect(result.state("14522", 2021) == .value(5.5, []))
        #expect(result.state("sozialregion-1", 2021) == .value(6.3, []))
        #expect(result.state("sozialregion-2", 2021) == .value(4.4, []))
        #expect(result.state("14522", 2022) == .value(5.9, .provisional))
        #expect(result.state("sozialregion-1", 2022) == .value(6.8, [.limitedValidity, .provisional]))
        #expect(result.state("sozialregion-2", 2022) == .missing(.notYetAvailable, []))

        let counts = TestSupport.importFixture("genesis-tabelle.csv", indicator: TestSupport.indicator(column: "Empfänger"))
        #expect(counts.state("14522", 2021) == .value(16_463, []))
    }

    @Test("Comma-separated English export: decimal point detected for the whole file")
    func commaAndPoint() {
        let result = TestSupport.importFixture("genesis-komma-punkt.csv")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.separator == ",")
        #expect(result.state("14522360", 2023) == .value(5.25, []))
        let mixed = TestSupport.importText("AGS;Gemeinde;2022;2023\n14522080;Döbeln;7.75;8,1\n")
        #expect(mixed.diagnostics.with(code: DataCode.importDecimalMark).count == 1)
    }

    @Test("Region labels must match the region's name; Gemeinde names never replace an AGS")
    func labelsNeverGuessed() throws {
        let text = "Gebiet;Name;2023\n;Sozialregion 2: Süd (Flöha);3,0\n;Freiberg;4,0\n"
        let result = TestSupport.importText(text)
        let errors = result.diagnostics.with(code: DataCode.importAreaMissing)
        try #require(errors.count == 2)
        #expect(errors[0].hint?.contains("„Sozialregion 2: Südost (Sayda)“") == true)
        #expect(errors[1].hint?.contains("14522180") == true)
        #expect(result.observations.isEmpty)
    }

    @Test("Values at a level the indicator computes are refused, not overwritten")
    func declaredAggregation() {
        let indicator = TestSupport.indicator(region: .summe)
        let result = TestSupport.importText("AGS;Gemeinde;2023\n;Sozialregion 2: Südost (Sayda);3,0\n;Sozialregion 3: Süd (Flöha);3,0\n",
                                            indicator: indicator)
        #expect(result.diagnostics.with(code: DataCode.publishedValueRecomputed).count == 1)
        #expect(result.observations.isEmpty)
    }

    @Test("An Excel workbook and a missing file are explained")
    func notCSV() {
        let xlsx = DataImporter.importBytes([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], file: "tabelle.xlsx",
                                            indicator: TestSupport.indicator(), areas: TestSupport.areas)
        #expect(xlsx.diagnostics.first?.code == DataCode.notCSV)
        let missing = DataImporter.importFile(path: "/nicht/da.csv", indicator: TestSupport.indicator(), areas: TestSupport.areas)
        #expect(missing.diagnostics.first?.code == DataCode.fileUnreadable)
    }
}

@Suite("Importer hints")
struct DataImporterHintTests {
    @Test("A mistyped AGS with a known name gets one suggestion; a wrong AGS for a known name gets the name's AGS")
    func hints() {
        let areas = TestSupport.areas
        #expect(areas.hint(forUnknownKey: "14522181", label: "Freiberg, Stadt") == "Meinten Sie „14522180“ (Freiberg)?")
        let other = areas.hint(forUnknownKey: "14522999", label: "Döbeln") ?? ""
        #expect(other.contains("„Döbeln“ hat laut gebiete.csv den Schlüssel 14522080"))
        #expect(other.contains("nicht aus Namen ergänzt"))
    }
}
