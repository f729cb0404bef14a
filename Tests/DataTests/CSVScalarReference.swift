@testable import Data

/// The reference for `CSVReader.read`, which works on UTF-8 bytes: the same reader on Unicode scalars.
enum CSVScalarReference {
    /// The reader on Unicode scalars that `CSVReader.read` replaced: any separator.
    static func read(_ text: String, separator: Unicode.Scalar) -> (records: [CSVRecord], problems: [CSVProblem]) {
        var records: [CSVRecord] = []
        var problems: [CSVProblem] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var line = 1, column = 1
        let n = scalars.count
        if n == 0 { return ([], []) }

        var fields: [CSVField] = []
        var recordLine = 1
        var atRecordStart = true

        while i < n {
            if atRecordStart { recordLine = line; fields = []; atRecordStart = false }
            let fieldLine = line, fieldColumn = column
            var value = String.UnicodeScalarView()
            var quoted = false
            if scalars[i] == "\"" {
                quoted = true
                i += 1; column += 1
                var closed = false
                while i < n {
                    let s = scalars[i]
                    if s == "\"" {
                        if i + 1 < n && scalars[i + 1] == "\"" {
                            value.append("\""); i += 2; column += 2
                        } else {
                            i += 1; column += 1; closed = true; break
                        }
                    } else if s == "\r" {
                        value.append("\n"); i += 1
                        if i < n && scalars[i] == "\n" { i += 1 }
                        line += 1; column = 1
                    } else if s == "\n" {
                        value.append("\n"); i += 1; line += 1; column = 1
                    } else {
                        value.append(s); i += 1; column += 1
                    }
                }
                if !closed {
                    problems.append(CSVProblem(kind: .unclosedQuote, line: fieldLine, column: fieldColumn))
                }
                // Anything up to the next separator or line end after the closing quote.
                if i < n && scalars[i] != separator && scalars[i] != "\n" && scalars[i] != "\r" {
                    problems.append(CSVProblem(kind: .textAfterQuote, line: line, column: column))
                    while i < n && scalars[i] != separator && scalars[i] != "\n" && scalars[i] != "\r" {
                        value.append(scalars[i]); i += 1; column += 1
                    }
                }
            } else {
                while i < n && scalars[i] != separator && scalars[i] != "\n" && scalars[i] != "\r" {
                    value.append(scalars[i]); i += 1; column += 1
                }
            }
            fields.append(CSVField(text: String(value), line: fieldLine, column: fieldColumn, quoted: quoted))
            if i >= n {
                records.append(CSVRecord(fields: fields, line: recordLine, endLine: line, endColumn: column))
                break
            }
            let s = scalars[i]
            if s == separator {
                i += 1; column += 1
                if i >= n {
                    // A separator at the very end still opens an (empty) last field.
                    fields.append(CSVField(text: "", line: line, column: column))
                    records.append(CSVRecord(fields: fields, line: recordLine, endLine: line, endColumn: column))
                }
            } else {
                // Line end.
                records.append(CSVRecord(fields: fields, line: recordLine, endLine: line, endColumn: column))
                i += 1
                if s == "\r" && i < n && scalars[i] == "\n" { i += 1 }
                line += 1; column = 1
                atRecordStart = true
            }
        }
        return (records, problems)
    }
}
