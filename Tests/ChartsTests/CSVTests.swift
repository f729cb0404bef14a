import Testing
@testable import Charts

@Suite("CSV download")
struct CSVTests {
    /// Minimal RFC 4180 reader for `;` (test helper).
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        chars.append("\n")
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == ";" { row.append(field); field = "" }
            else if c == "\r\n" || c == "\n" || c == "\r" {
                row.append(field); field = ""
                if row != [""] { rows.append(row) }
                row = []
            } else { field.append(c) }
            i += 1
        }
        return rows
    }

    @Test("UTF-8 with BOM, semicolons, CRLF, a header and one row per value")
    func shape() {
        let csv = ChartCSV.csv(Fixtures.sgb2Line)
        #expect(csv.hasPrefix("\u{FEFF}Jahr;Reihe;Wert;Einheit;Kennzeichen;Fehlender Wert\r\n"))
        #expect(csv.hasSuffix("\r\n"))
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = CSVTests.parse(csv)
        #expect(rows.count == 1 + Fixtures.sgb2Line.series.map(\.points.count).reduce(0, +))
        #expect(rows.allSatisfy { $0.count == 6 })
    }

    @Test("Decimal comma, flags, breaks and reasons in their own columns")
    func content() {
        let rows = CSVTests.parse(ChartCSV.csv(Fixtures.sgb2Line))
        #expect(rows.contains(["2014", "Döbeln", "10,9", "%", "", ""]))
        #expect(rows.contains(["2020", "Döbeln", "", "%", ".", "geheim"]))
        #expect(rows.contains(["2023", "Döbeln", "7,2", "%", "p", ""]))
        #expect(rows.contains(["2022", "Landkreis Mittelsachsen", "6", "%", "|", ""]) == false)
        #expect(rows.contains(["2022", "Landkreis Mittelsachsen", "6,0", "%", "|", ""]))
    }

    @Test("Hostile text is quoted and cannot run as a spreadsheet formula")
    func hostile() {
        let spec = ChartSpec(title: "t", unit: ChartUnit(.count), series: [
            Series(id: "a", label: "=HYPERLINK(\"http://x\";\"y\")", points: [DataPoint(category: "A;B \"C\"", -5)]),
            Series(id: "b", label: "Zeile\nUmbruch", points: [DataPoint(category: "@SUM(1)", 1)]),
        ])
        let rows = CSVTests.parse(ChartCSV.csv(spec))
        #expect(rows[1] == ["A;B \"C\"", "'=HYPERLINK(\"http://x\";\"y\")", "-5", "Anzahl", "", ""])
        #expect(rows[2] == ["'@SUM(1)", "Zeile\nUmbruch", "1", "Anzahl", "", ""])
    }
}
