import Support

/// How a file's bytes were read.
public enum TextEncoding: String, Sendable, Hashable {
    case utf8
    case utf8WithBOM
    case windows1252

    public var german: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf8WithBOM: return "UTF-8 mit BOM"
        case .windows1252: return "Windows-1252 (ANSI)"
        }
    }
}

/// Turns the bytes of a CSV file into text, or explains why it cannot.
public enum TextDecoding {
    static let saveAsHint = "Öffnen Sie die Datei in Excel und speichern Sie sie mit „Speichern unter“ als „CSV UTF-8 (durch Trennzeichen getrennt)“."

    /// UTF-8 (with or without BOM) or, when the bytes are not valid UTF-8, Windows-1252.
    /// UTF-16 ("Unicode-Text"), Excel workbooks and binary files are refused with a hint.
    public static func decode(_ bytes: [UInt8], file: String) -> (text: String?, encoding: TextEncoding?, diagnostics: [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            return (nil, nil, [.error(DataCode.encodingUTF16, at: start,
                "Die Datei ist als UTF-16 („Unicode-Text“) gespeichert; diese Kodierung wird nicht gelesen.",
                hint: saveAsHint)])
        }
        if bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04 {
            return (nil, nil, [.error(DataCode.notCSV, at: start,
                "Das ist eine Excel-Arbeitsmappe (.xlsx) oder ein ZIP-Archiv, keine CSV-Datei.",
                hint: saveAsHint + " Bei GENESIS-Online: die ZIP-Datei zuerst entpacken.")])
        }
        if let nul = bytes.firstIndex(of: 0) {
            // Excel's "Unicode-Text" without BOM: every second byte of ASCII text is zero.
            let sample = bytes.prefix(200)
            let zeros = sample.filter { $0 == 0 }.count
            if zeros * 3 >= sample.count {
                return (nil, nil, [.error(DataCode.encodingUTF16, at: start,
                    "Die Datei sieht nach UTF-16 („Unicode-Text“) aus; diese Kodierung wird nicht gelesen.",
                    hint: saveAsHint)])
            }
            let (line, column) = position(ofByte: nul, in: bytes)
            return (nil, nil, [.error(DataCode.notCSV, at: SourceLocation(file: file, line: line, column: column),
                "Die Datei enthält Null-Bytes und ist deshalb keine Textdatei.", hint: saveAsHint)])
        }
        var body = bytes[...]
        var bom = false
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            body = bytes[3...]
            bom = true
        }
        if let text = String(validating: body, as: UTF8.self) {
            return (text, bom ? .utf8WithBOM : .utf8, mojibakeWarnings(text, file: file))
        }
        if bom {
            let (line, column) = firstInvalidUTF8(in: Array(body))
            return (nil, nil, [.error(DataCode.encodingInvalid, at: SourceLocation(file: file, line: line, column: column),
                "Die Datei beginnt mit einer UTF-8-Markierung (BOM), enthält aber Bytes, die kein UTF-8 sind.",
                hint: saveAsHint)])
        }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        var problems: [Diagnostic] = []
        var line = 1, column = 1
        for byte in bytes {
            if let scalar = Windows1252.scalar(for: byte) {
                scalars.append(scalar)
            } else {
                problems.append(.error(DataCode.encodingInvalid, at: SourceLocation(file: file, line: line, column: column),
                    "Das Byte 0x\(String(byte, radix: 16, uppercase: true)) ist weder UTF-8 noch Windows-1252.",
                    hint: saveAsHint))
                scalars.append("\u{FFFD}")
            }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        if !problems.isEmpty { return (nil, nil, problems) }
        return (String(scalars), .windows1252, [])
    }

    /// Text that went through UTF-8 → Latin-1 → UTF-8 once too often: "DÃ¶beln" for "Döbeln".
    static func mojibakeWarnings(_ text: String, file: String) -> [Diagnostic] {
        let suspicious: Set<Unicode.Scalar> = ["\u{A4}", "\u{B6}", "\u{BC}", "\u{9F}", "\u{84}", "\u{96}", "\u{9C}",
                                               "\u{201E}", "\u{2013}", "\u{0153}", "\u{0178}"]
        var line = 1, column = 1
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if previous == "\u{C3}" && suspicious.contains(scalar) {
                return [.warning(DataCode.encodingMojibake, at: SourceLocation(file: file, line: line, column: column - 1),
                    "Die Datei enthält „Ã\(Character(scalar))“ statt eines Umlauts: sie wurde vermutlich doppelt umkodiert.",
                    hint: "Prüfen Sie die Namen in der Datei; laden Sie sie am besten neu als „CSV UTF-8“ herunter.")]
            }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            previous = scalar
        }
        return []
    }

    static func position(ofByte index: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for byte in bytes[..<index] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    static func firstInvalidUTF8(in bytes: [UInt8]) -> (Int, Int) {
        let high = bytes.count
        var index = 0
        while index < high {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0x6 ? 2 : byte >> 4 == 0xE ? 3 : byte >> 3 == 0x1E ? 4 : 0
            guard length > 0, index + length <= high,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil else { break }
            index += length
        }
        return position(ofByte: index, in: bytes)
    }
}
