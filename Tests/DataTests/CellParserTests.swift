import Testing
@testable import Data

@Suite("Cells of official statistics")
struct CellParserTests {
    func cell(_ text: String, _ mark: DecimalMark = .comma) -> ValueState? {
        if case .success(let state) = CellParser.officialCell(text, mark: mark) { return state }
        return nil
    }

    func fails(_ text: String) -> CellProblem? {
        if case .failure(let p) = CellParser.officialCell(text) { return p }
        return nil
    }

    @Test("German numbers with grouping and decimal comma")
    func numbers() {
        #expect(cell("1.234,5") == .value(1234.5, []))
        #expect(cell("299329") == .value(299329, []))
        #expect(cell("-0,7") == .value(-0.7, []))
        #expect(cell("−2,5") == .value(-2.5, []))
        #expect(cell("1.234.567") == .value(1234567, []))
        #expect(cell("  12,30 ") == .value(12.3, []))
        #expect(cell("1234.5", .point) == .value(1234.5, []))
    }

    @Test("Qualifiers with and without spaces, combined, and series breaks")
    func qualifiers() {
        #expect(cell("9,1 p") == .value(9.1, .provisional))
        #expect(cell("6,6p") == .value(6.6, .provisional))
        #expect(cell("(4,8) p") == .value(4.8, [.limitedValidity, .provisional]))
        #expect(cell("(4,8)") == .value(4.8, .limitedValidity))
        #expect(cell("| 9,4") == .value(9.4, .seriesBreak))
        #expect(cell("|7,0") == .value(7.0, .seriesBreak))
        #expect(cell("3,1 r") == .value(3.1, .revised))
        #expect(cell("2,5 s") == .value(2.5, .estimated))
        #expect(cell("5 p r") == .value(5, [.provisional, .revised]))
    }

    @Test("Every symbol becomes its own state, never 0")
    func symbols() {
        #expect(cell("-") == .exactlyZero([]))
        #expect(cell("–") == .exactlyZero([]))
        #expect(cell("0") == .belowHalfUnit([]))
        #expect(cell("0,0") == .belowHalfUnit([]))
        #expect(cell("...") == .missing(.notYetAvailable, []))
        #expect(cell("…") == .missing(.notYetAvailable, []))
        #expect(cell("/") == .missing(.unreliable, []))
        #expect(cell(".") == .missing(.confidential, []))
        #expect(cell("x") == .missing(.blocked, []))
        #expect(cell("*") == .missing(.anonymised, []))
        #expect(cell("") == nil)
        #expect(cell("0")?.number == nil)
        #expect(cell(".")?.number == nil)
        #expect(cell("-")?.number == 0)
    }

    @Test("Broken numbers are errors with a German reason")
    func brokenNumbers() throws {
        let twoCommas = try #require(fails("12,3,4"))
        #expect(twoCommas.code == DataCode.invalidNumber)
        #expect(twoCommas.message.contains("mehr als ein Dezimalkomma"))
        #expect(fails("1.23,4")?.code == DataCode.invalidNumber)
        #expect(fails("12.3")?.code == DataCode.invalidNumber)
        #expect(fails("abc")?.code == DataCode.invalidFlag)
        #expect(fails("9,1 q") != nil)
        #expect(fails("( ) p")?.code == DataCode.invalidFlag)
    }

    @Test("Flag column of indicator CSVs")
    func flagColumn() throws {
        func parse(_ text: String) -> (ValueFlags, ValueState?)? {
            if case .success(let r) = CellParser.flagColumn(text) { return (r.flags, r.symbol) }
            return nil
        }
        #expect(parse("")?.0 == [])
        #expect(parse("| p")?.0 == [.seriesBreak, .provisional])
        #expect(parse("() r")?.0 == [.limitedValidity, .revised])
        #expect(parse("...")?.1 == .missing(.notYetAvailable, []))
        #expect(parse("0")?.1 == .belowHalfUnit([]))
        #expect(parse("- p")?.1 == .exactlyZero([]))
        #expect(parse("q") == nil)
        #expect(parse(". *") == nil)
    }

    @Test("Years from the forms statistics files use")
    func years() {
        #expect(YearParser.year("2021") == 2021)
        #expect(YearParser.year("31.12.2021") == 2021)
        #expect(YearParser.year("1.3.2020") == 2020)
        #expect(YearParser.year("2021-12-31") == 2021)
        #expect(YearParser.year("Jahr 2019") == 2019)
        #expect(YearParser.year("2021/22") == nil)
        #expect(YearParser.year("14522") == nil)
        #expect(YearParser.year("1234") == nil)
    }
}

@Suite("Showing values")
struct ValueDisplayTests {
    @Test("Table cells: German numbers, symbols and qualifiers")
    func display() {
        #expect(ValueState.value(1234.5, []).display(decimals: 1) == "1.234,5")
        #expect(ValueState.value(4.8, [.limitedValidity, .provisional]).display(decimals: 1) == "(4,8) p")
        #expect(ValueState.value(9.4, .seriesBreak).display(decimals: 1) == "| 9,4")
        #expect(ValueState.value(-0.7, []).display(decimals: 1) == "−0,7")
        #expect(ValueState.exactlyZero([]).display(decimals: 1) == "–")
        #expect(ValueState.belowHalfUnit([]).display(decimals: 1) == "0")
        #expect(ValueState.missing(.anonymised, []).display(decimals: 1) == "*")
        #expect(ValueState.missing(.notYetAvailable, .provisional).display(decimals: 0) == "… p")
        #expect(ValueState.missing(.confidential, []).germanExplanation == "Zahlenwert unbekannt oder geheim zu halten")
        #expect(StatisticalSymbol.legend.count == 12)
    }
    @Test("The byte fast path reads exactly what the full reader reads, and leaves the rest to it")
    func plainNumberMatchesCheckedNumber() {
        var inputs = ["0", "-0", "+0", "0,0", "-0,00", "7", "007", "12,3", "-0,7", "+4,25", "299329",
                      "999999999999999", "999999999999,999", "0,000000000000001", "1234567890123456",
                      "9007199254740993", "1,", ",5", "-", "+", "--1", "1-", "1,2,3", "1.234,5", "1.234",
                      "1 234", "−2,5", "12,3a", "ä", "1😀", "&<>\"'", "", " 1", "1 ", "12.5", "3,14159265358979"]
        // Random plain numbers with up to 17 digits, so both sides of the 15-digit limit are hit.
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let intDigits = Int.random(in: 1...9, using: &rng)
            let fracDigits = Int.random(in: 0...8, using: &rng)
            var text = Bool.random(using: &rng) ? "-" : ""
            for _ in 0..<intDigits { text += String(Int.random(in: 0...9, using: &rng)) }
            if fracDigits > 0 {
                text += ","
                for _ in 0..<fracDigits { text += String(Int.random(in: 0...9, using: &rng)) }
            }
            inputs.append(text)
        }
        for text in inputs {
            for mark in [DecimalMark.comma, .point] {
                let checked = CellParser.checkedNumber(text, mark: mark)
                if let plain = CellParser.plainNumber(text, mark: mark) {
                    guard case .success(let full) = checked else {
                        Issue.record("fast path accepted \(text), full reader refused it"); continue
                    }
                    #expect(plain.value.bitPattern == full.value.bitPattern, "\(text)")
                    #expect(plain.isAllZero == full.isAllZero, "\(text)")
                }
                #expect(CellParser.number(text, mark: mark) == checked, "\(text)")
            }
        }
        #expect(CellParser.plainNumber("1234567890123456", mark: .comma) == nil)
        #expect(CellParser.plainNumber("1.234", mark: .comma) == nil)
        #expect(CellParser.plainNumber("12,3", mark: .comma)?.value == 12.3)
    }
}
