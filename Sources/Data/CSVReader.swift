/// One cell of a CSV file and where an editor finds it.
public struct CSVField: Sendable, Hashable {
    /// Cell text without enclosing quotes; `""` inside quotes became `"`, CRLF inside quotes became LF.
    public var text: String
    /// Physical line (1-based) on which the cell starts, counting line breaks inside quoted cells.
    public var line: Int
    /// Column (1-based, in characters) at which the cell starts on that line.
    public var column: Int
    public var quoted: Bool

    public init(text: String, line: Int, column: Int, quoted: Bool = false) {
        self.text = text
        self.line = line
        self.column = column
        self.quoted = quoted
    }

    /// Text without surrounding blanks (spaces, tabs, no-break spaces).
    public var trimmed: String { CSVField.trim(text) }

    static func trim(_ text: String) -> String {
        // Almost every cell starts and ends with a visible ASCII character: then nothing is
        // trimmed and the text is returned as it is, without a copy. Every blank is a space, a tab
        // or starts with a byte ≥ 0x80, and a last byte < 0x80 is a whole scalar.
        if let first = text.utf8.first, let last = text.utf8.last,
           first < 0x80, first != 0x20, first != 0x09, last < 0x80, last != 0x20, last != 0x09 {
            return text
        }
        let scalars = text.unicodeScalars
        func isBlank(_ s: Unicode.Scalar) -> Bool {
            s == " " || s == "\t" || s == "\u{A0}" || s == "\u{202F}" || s == "\u{2007}"
        }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isBlank($0) })!
        return String(scalars[first...last])
    }
}

/// One record: the fields of one logical CSV row, which may span several physical lines.
public struct CSVRecord: Sendable, Hashable {
    public var fields: [CSVField]
    /// Physical line on which the record starts.
    public var line: Int
    /// Physical line on which it ends (differs when a quoted cell holds a line break).
    public var endLine: Int
    /// Column just after the last character of the record, for "field missing" messages.
    public var endColumn: Int

    public var isBlank: Bool { fields.allSatisfy { $0.trimmed.isEmpty } }

    /// Trimmed text of field `index`, or "" when the record is shorter.
    public subscript(text index: Int) -> String { index < fields.count ? fields[index].trimmed : "" }

    /// Number of fields that are not blank.
    public var filledCount: Int { fields.reduce(0) { $0 + ($1.trimmed.isEmpty ? 0 : 1) } }
}

/// A structural problem found while splitting the file into records.
public struct CSVProblem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A quoted cell that never ends; reported at its opening quote.
        case unclosedQuote
        /// Characters between a closing quote and the next separator, like `"abc"def`.
        case textAfterQuote
    }
    public var kind: Kind
    public var line: Int
    public var column: Int
}

/// A small RFC 4180 reader (with `;` or `,`), written for diagnostics: every field knows its
/// physical line and column. Line ends may be LF, CRLF or CR. Only `\n`, `\r\n` and `\r` end
/// lines; U+0085 and U+2028 are ordinary characters here, unlike in `String.split(whereSeparator: \.isNewline)`.
public enum CSVReader {
    /// `separator` is `;` or `,` (what `detectSeparator` finds): every byte the reader stops at is
    /// ASCII, so it works on the UTF-8 bytes.
    public static func read(_ text: String, separator: Unicode.Scalar) -> (records: [CSVRecord], problems: [CSVProblem]) {
        precondition(separator.isASCII, "CSV-Trennzeichen sind ; oder ,")
        var text = text
        return text.withUTF8 { readBytes($0, separator: UInt8(separator.value)) }
    }

    /// The reader on UTF-8 bytes, for ASCII separators (`;` and `,`, the only ones files use): no
    /// array of scalars and no string built scalar by scalar (the tests compare it with a reader on
    /// Unicode scalars). Every byte the reader
    /// stops at (quote, separator, CR, LF) is ASCII, so each field is a run of whole scalars and
    /// decodes to the same text; columns count scalars, i.e. the bytes that are not UTF-8
    /// continuation bytes (`10xxxxxx`).
    static func readBytes(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) -> (records: [CSVRecord], problems: [CSVProblem]) {
        var records: [CSVRecord] = []
        var problems: [CSVProblem] = []
        let n = bytes.count
        if n == 0 { return ([], []) }
        let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        func startsScalar(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }
        func endsField(_ byte: UInt8) -> Bool { byte == separator || byte == lf || byte == cr }
        var i = 0
        var line = 1, column = 1
        var fields: [CSVField] = []
        var recordLine = 1
        var atRecordStart = true
        var quotedText: [UInt8] = []

        while i < n {
            if atRecordStart { recordLine = line; fields = []; atRecordStart = false }
            let fieldLine = line, fieldColumn = column
            let value: String
            var quoted = false
            if bytes[i] == quote {
                quoted = true
                i += 1; column += 1
                quotedText.removeAll(keepingCapacity: true)
                var closed = false
                while i < n {
                    let b = bytes[i]
                    if b == quote {
                        if i + 1 < n && bytes[i + 1] == quote {
                            quotedText.append(quote); i += 2; column += 2
                        } else {
                            i += 1; column += 1; closed = true; break
                        }
                    } else if b == cr {
                        quotedText.append(lf); i += 1
                        if i < n && bytes[i] == lf { i += 1 }
                        line += 1; column = 1
                    } else if b == lf {
                        quotedText.append(lf); i += 1; line += 1; column = 1
                    } else {
                        quotedText.append(b); i += 1
                        if startsScalar(b) { column += 1 }
                    }
                }
                if !closed {
                    problems.append(CSVProblem(kind: .unclosedQuote, line: fieldLine, column: fieldColumn))
                }
                // Anything up to the next separator or line end after the closing quote.
                if i < n && !endsField(bytes[i]) {
                    problems.append(CSVProblem(kind: .textAfterQuote, line: line, column: column))
                    while i < n && !endsField(bytes[i]) {
                        quotedText.append(bytes[i])
                        if startsScalar(bytes[i]) { column += 1 }
                        i += 1
                    }
                }
                value = String(decoding: quotedText, as: UTF8.self)
            } else {
                let start = i
                while i < n && !endsField(bytes[i]) {
                    if startsScalar(bytes[i]) { column += 1 }
                    i += 1
                }
                value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            }
            fields.append(CSVField(text: value, line: fieldLine, column: fieldColumn, quoted: quoted))
            if i >= n {
                records.append(CSVRecord(fields: fields, line: recordLine, endLine: line, endColumn: column))
                break
            }
            let b = bytes[i]
            if b == separator {
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
                if b == cr && i < n && bytes[i] == lf { i += 1 }
                line += 1; column = 1
                atRecordStart = true
            }
        }
        return (records, problems)
    }

    /// `;` when any line has a `;` outside quotes (German Excel and GENESIS), else `,` when a
    /// line has one, else `;`. Tabs are not separators: "Unicode-Text" exports are refused anyway.
    public static func detectSeparator(_ text: String) -> Unicode.Scalar {
        var inQuotes = false
        var commas = 0
        for s in text.unicodeScalars {
            if s == "\"" { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if s == ";" { return ";" }
            if s == "," { commas += 1 }
        }
        return commas > 0 ? "," : ";"
    }
}
