import Testing
@testable import Data

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("Quoted cells keep separators, doubled quotes and line breaks; lines are physical")
    func quotedCells() {
        let text = "a;\"b;c\";\"sagt \"\"ja\"\"\"\r\n\"zwei\r\nZeilen\";x;y\nletzte;;\n"
        let (records, problems) = CSVReader.read(text, separator: ";")
        #expect(problems.isEmpty)
        #expect(records.count == 3)
        #expect(records[0].fields.map(\.text) == ["a", "b;c", "sagt \"ja\""])
        #expect(records[1].fields.map(\.text) == ["zwei\nZeilen", "x", "y"])
        #expect(records[1].line == 2)
        #expect(records[1].endLine == 3)
        #expect(records[1].fields[1].line == 3)
        #expect(records[1].fields[1].column == 9)
        #expect(records[2].line == 4)
        #expect(records[2].fields.map(\.text) == ["letzte", "", ""])
    }

    @Test("Columns count characters, not bytes")
    func columnsInCharacters() {
        let (records, _) = CSVReader.read("Döbeln;Größe;x", separator: ";")
        #expect(records[0].fields.map(\.column) == [1, 8, 14])
    }

    @Test("Lone CR ends lines, U+0085 and U+2028 do not")
    func lineEnds() {
        let (records, _) = CSVReader.read("a;1\rb;2\u{85}c\u{2028}d\n", separator: ";")
        #expect(records.count == 2)
        #expect(records[1].fields[1].text == "2\u{85}c\u{2028}d")
        #expect(records[1].line == 2)
    }

    @Test("An unclosed quote and text after a closing quote are reported where they are")
    func structuralProblems() {
        let (_, problems) = CSVReader.read("a;b\nc;\"offen\nd;e\n", separator: ";")
        #expect(problems == [CSVProblem(kind: .unclosedQuote, line: 2, column: 3)])
        let (_, after) = CSVReader.read("x;\"ab\"cd;e", separator: ";")
        #expect(after == [CSVProblem(kind: .textAfterQuote, line: 1, column: 7)])
    }

    @Test("Separator: semicolon wins, comma otherwise, quotes ignored")
    func separator() {
        #expect(CSVReader.detectSeparator("a,b;c") == ";")
        #expect(CSVReader.detectSeparator("a,\"b;c\",d") == ",")
        #expect(CSVReader.detectSeparator("Titel ohne Trenner") == ";")
    }
    @Test("The byte reader gives the records, lines, columns and problems of the scalar reader")
    func bytesMatchScalars() {
        let tokens = [";", ",", "\"", "\"\"", "\r", "\n", "\r\n", "a", "12,5", "ä", "😀", " ", "\u{A0}", "e\u{301}",
                      "\u{85}", "\u{2028}", "&<>'", "Döbeln 👩‍👩‍👧", "\t"]
        var inputs = ["", ";", "\"", "\"\"", "a;b\r\nc;d", "\"x\"y;z", "\"unclosed;\nrest", "ä;ö\rü", ";;\n;",
                      String(repeating: "Großschirma;", count: 500)]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            inputs.append((0..<Int.random(in: 0...30, using: &rng)).map { _ in tokens.randomElement(using: &rng)! }.joined())
        }
        for input in inputs {
            for separator: Unicode.Scalar in [";", ","] {
                let bytes = CSVReader.read(input, separator: separator)
                let scalars = CSVScalarReference.read(input, separator: separator)
                #expect(bytes.records == scalars.records, "\(input.debugDescription)")
                #expect(bytes.problems == scalars.problems, "\(input.debugDescription)")
            }
        }
    }
    @Test("Trimming with the untouched-text shortcut trims exactly like the scalar search")
    func trimMatchesScalarSearch() {
        func reference(_ text: String) -> String {
            let scalars = text.unicodeScalars
            func isBlank(_ s: Unicode.Scalar) -> Bool {
                s == " " || s == "\t" || s == "\u{A0}" || s == "\u{202F}" || s == "\u{2007}"
            }
            guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
            let last = scalars.lastIndex(where: { !isBlank($0) })!
            return String(scalars[first...last])
        }
        let parts = ["", " ", "\t", "\u{A0}", "\u{202F}", "\u{2007}", "a", "12,5", "ä", "😀", "e\u{301}", "\u{301}", "&<>\"'", "\n"]
        var inputs = parts
        for a in parts { for b in parts { for c in parts { inputs.append(a + b + c) } } }
        for input in inputs {
            let trimmed = CSVField.trim(input)
            #expect(Array(trimmed.utf8) == Array(reference(input).utf8), "\(input.debugDescription)")
        }
    }
}
