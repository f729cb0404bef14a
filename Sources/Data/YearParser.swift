/// Reads the reference year of a value from how statistics files write time.
enum YearParser {
    /// `2021`, `31.12.2021`, `2021-12-31`, `Jahr 2021`; nil for anything else.
    static func year(_ raw: String) -> Int? {
        var text = CSVField.trim(raw)
        if text.hasPrefix("Jahr ") { text = CSVField.trim(String(text.dropFirst(5))) }
        let b = Array(text.utf8)
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count else { return nil }
            var v = 0
            for i in r {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        var year: Int? = nil
        if b.count == 4 {
            year = digits(0..<4)
        } else if b.count == 10, b[4] == 0x2D, b[7] == 0x2D, digits(5..<7) != nil, digits(8..<10) != nil {
            year = digits(0..<4)
        } else if (8...10).contains(b.count), let firstDot = b.firstIndex(of: 0x2E),
                  let secondDot = b[(firstDot + 1)...].firstIndex(of: 0x2E), b.count - secondDot == 5,
                  (1...2).contains(firstDot), (1...2).contains(secondDot - firstDot - 1),
                  digits(0..<firstDot) != nil, digits((firstDot + 1)..<secondDot) != nil {
            year = digits((secondDot + 1)..<b.count)
        }
        guard let year, (1900...2100).contains(year) else { return nil }
        return year
    }
}
