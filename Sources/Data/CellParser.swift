/// Which character separates decimals in a file: `,` in German files, `.` in English exports.
public enum DecimalMark: Sendable, Hashable {
    case comma
    case point

    var decimal: Unicode.Scalar { self == .comma ? "," : "." }
    var grouping: Unicode.Scalar { self == .comma ? "." : "," }
}

/// What is wrong with a cell, in German, for a diagnostic.
struct CellProblem: Error, Hashable {
    var code: String
    var message: String
    var hint: String?
}

/// Result of reading one number.
struct ParsedNumber: Hashable {
    var value: Double
    /// Every digit is 0 (`0`, `0,0`): in official tables the symbol "less than half a unit".
    var isAllZero: Bool
}

/// Reads the cells official statistics publish: numbers with German grouping and decimal comma,
/// symbols instead of numbers, and qualifiers around them (`(4,8) p`, `| 9,4`, `6,6p`).
enum CellParser {
    static let symbolHint = "Erlaubt sind eine Zahl wie „1.234,5“ oder ein Zeichen der amtlichen Statistik: – 0 … / . x * sowie ( ) p r s |."

    // MARK: Numbers

    /// `1.234,5`, `-0,7`, `299329`, `12,30`. Grouping marks must stand every three digits.
    static func number(_ text: String, mark: DecimalMark = .comma) -> Result<ParsedNumber, CellProblem> {
        if let plain = plainNumber(text, mark: mark) { return .success(plain) }
        return checkedNumber(text, mark: mark)
    }

    /// The common cell (`12,3`, `-0,75`, `299329`) read straight from its bytes, without the
    /// scalar arrays of `checkedNumber`: an ASCII sign, at most 15 digits, at most one decimal
    /// mark with digits on both sides, nothing else. Nil for every other text, which then takes
    /// the full path with its diagnostics.
    /// Exactness: at most 15 digits make an integer below 2^53, and 10^k for k ≤ 15 is exact
    /// too, so `Double(mantissa) / 10^k` is one correctly rounded IEEE division of exact
    /// operands, the same double a correctly rounded `Double("digits.digits")` gives.
    static func plainNumber(_ text: String, mark: DecimalMark) -> ParsedNumber? {
        let decimal: UInt8 = mark == .comma ? 0x2C : 0x2E
        var mantissa: Int64 = 0
        var digits = 0, fractionDigits = 0
        var negative = false, seenDecimal = false
        var first = true
        for byte in text.utf8 {
            defer { first = false }
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                if digits > 15 { return nil }
                mantissa = mantissa * 10 + Int64(byte - 0x30)
                if seenDecimal { fractionDigits += 1 }
            } else if first && (byte == 0x2D || byte == 0x2B) {
                negative = byte == 0x2D
            } else if byte == decimal && !seenDecimal && digits > 0 {
                seenDecimal = true
            } else {
                return nil
            }
        }
        guard digits > 0, !seenDecimal || fractionDigits > 0 else { return nil }
        let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
        return ParsedNumber(value: negative ? -magnitude : magnitude, isAllZero: mantissa == 0)
    }

    /// 10^0 … 10^15, all exactly representable as doubles.
    private static let powersOfTen: [Double] = (0...15).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// The full reader: every form of `number`, with the German reason when the text is not one.
    static func checkedNumber(_ text: String, mark: DecimalMark = .comma) -> Result<ParsedNumber, CellProblem> {
        var scalars = Array(text.unicodeScalars)
        func problem(_ why: String) -> Result<ParsedNumber, CellProblem> {
            .failure(CellProblem(code: DataCode.invalidNumber, message: "„\(text)“ ist keine gültige Zahl: \(why).",
                                 hint: mark == .comma
                                    ? "Zahlen stehen wie in amtlichen Tabellen: Dezimalkomma, Tausenderpunkte nur vor je drei Ziffern, z. B. „1.234,5“."
                                    : "Diese Datei schreibt Zahlen mit Dezimalpunkt, z. B. „1234.5“."))
        }
        guard !scalars.isEmpty else { return problem("die Zelle ist leer") }
        var negative = false
        if scalars[0] == "-" || scalars[0] == "\u{2212}" || scalars[0] == "+" {
            negative = scalars[0] != "+"
            scalars.removeFirst()
        }
        let decimals = scalars.indices.filter { scalars[$0] == mark.decimal }
        if decimals.count > 1 {
            return problem(mark == .comma ? "sie hat mehr als ein Dezimalkomma" : "sie hat mehr als einen Dezimalpunkt")
        }
        let integerPart = decimals.first.map { Array(scalars[..<$0]) } ?? scalars
        let fractionPart = decimals.first.map { Array(scalars[($0 + 1)...]) } ?? []
        if let comma = decimals.first, comma == scalars.count - 1 { return problem("nach dem Dezimalzeichen fehlen Ziffern") }
        guard !integerPart.isEmpty else { return problem("vor dem Dezimalzeichen fehlt eine Ziffer") }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
        guard fractionPart.allSatisfy(isDigit) else {
            return problem(fractionPart.contains(mark.grouping) ? "Tausendertrennzeichen stehen nach dem Dezimalzeichen" : "sie enthält Zeichen, die keine Ziffern sind")
        }
        // Integer part: digits, optionally grouped by `.` (or spaces) in threes.
        var groups: [[Unicode.Scalar]] = [[]]
        var groupMark: Unicode.Scalar? = nil
        for s in integerPart {
            if isDigit(s) { groups[groups.count - 1].append(s); continue }
            let isSpace = s == " " || s == "\u{A0}" || s == "\u{202F}"
            guard s == mark.grouping || isSpace else { return problem("sie enthält Zeichen, die keine Ziffern sind") }
            if let groupMark, groupMark != s { return problem("sie mischt verschiedene Tausendertrennzeichen") }
            groupMark = s
            groups.append([])
        }
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return problem("Tausendertrennzeichen stehen nicht vor je drei Ziffern")
            }
        }
        let digits = groups.joined()
        guard !digits.isEmpty else { return problem("sie enthält keine Ziffern") }
        var ascii = negative ? "-" : ""
        ascii.unicodeScalars.append(contentsOf: digits)
        if !fractionPart.isEmpty {
            ascii += "."
            ascii.unicodeScalars.append(contentsOf: fractionPart)
        }
        guard let value = Double(ascii), value.isFinite else { return problem("sie ist zu groß") }
        let allZero = digits.allSatisfy { $0 == "0" } && fractionPart.allSatisfy { $0 == "0" }
        return .success(ParsedNumber(value: value, isAllZero: allZero))
    }

    // MARK: Symbols

    /// A symbol that stands instead of a number, or nil.
    static func symbolState(_ token: String) -> ValueState? {
        switch token {
        case "-", "\u{2013}", "\u{2014}": return .exactlyZero([])
        case ".": return .missing(.confidential, [])
        case "...", "\u{2026}": return .missing(.notYetAvailable, [])
        case "/": return .missing(.unreliable, [])
        case "x", "X": return .missing(.blocked, [])
        case "*": return .missing(.anonymised, [])
        default: return nil
        }
    }

    // MARK: Cells of published tables

    /// One value cell as published: nil for an empty cell.
    static func officialCell(_ raw: String, mark: DecimalMark = .comma) -> Result<ValueState?, CellProblem> {
        var text = CSVField.trim(raw)
        if text.isEmpty { return .success(nil) }
        let original = text
        var flags: ValueFlags = []
        if text.hasPrefix("|") {
            flags.insert(.seriesBreak)
            text = CSVField.trim(String(text.dropFirst()))
        }
        // Trailing qualifiers, with or without a space: `9,1 p`, `6,6p`, `(4,8) p`, `5 p r`.
        while text.unicodeScalars.count >= 2, let last = text.unicodeScalars.last, "prs".unicodeScalars.contains(last) {
            let before = text.unicodeScalars.dropLast()
            guard let previous = before.last else { break }
            let canPrecede = (previous.value >= 0x30 && previous.value <= 0x39) || previous == ")" || previous == " "
                || previous == "\u{A0}" || ".…/-–*".unicodeScalars.contains(previous)
            guard canPrecede else { break }
            switch last {
            case "p": flags.insert(.provisional)
            case "r": flags.insert(.revised)
            default: flags.insert(.estimated)
            }
            text = CSVField.trim(String(before))
        }
        if text.hasPrefix("(") && text.hasSuffix(")") && text.unicodeScalars.count >= 2 {
            flags.insert(.limitedValidity)
            text = CSVField.trim(String(text.unicodeScalars.dropFirst().dropLast()))
        }
        if text.isEmpty {
            return .failure(CellProblem(code: DataCode.invalidFlag,
                message: "„\(original)“ enthält nur Kennzeichen, aber keinen Wert und kein Zeichen.", hint: symbolHint))
        }
        if let state = symbolState(text) { return .success(state.with(flags: flags)) }
        switch number(text, mark: mark) {
        case .success(let parsed):
            return .success(parsed.isAllZero ? .belowHalfUnit(flags) : .value(parsed.value, flags))
        case .failure(var problem):
            let looksNumeric = text.unicodeScalars.contains { $0.value >= 0x30 && $0.value <= 0x39 }
            if !looksNumeric {
                problem = CellProblem(code: DataCode.invalidFlag,
                    message: "„\(original)“ ist weder eine Zahl noch ein Zeichen der amtlichen Statistik.", hint: symbolHint)
            } else if text != original {
                problem.message = "„\(original)“: " + problem.message
            }
            return .failure(problem)
        }
    }

    /// Quality column of GENESIS flat files (`…__q`, `value_q`): `e` final, `p`/`r`/`s`, `()`,
    /// or a symbol standing for the value.
    static func qualityCell(_ raw: String) -> Result<(flags: ValueFlags, symbol: ValueState?), CellProblem> {
        let text = CSVField.trim(raw)
        switch text {
        case "", "e": return .success(([], nil))
        case "p": return .success((.provisional, nil))
        case "r": return .success((.revised, nil))
        case "s": return .success((.estimated, nil))
        case "()", "( )": return .success((.limitedValidity, nil))
        case "|": return .success((.seriesBreak, nil))
        default:
            if let state = symbolState(text) { return .success(([], state)) }
            return .failure(CellProblem(code: DataCode.invalidFlag,
                message: "Das Qualitätskennzeichen „\(text)“ ist unbekannt.",
                hint: "Erwartet werden e (endgültig), p, r, s, ( ) oder ein Zeichen wie . / x."))
        }
    }

    // MARK: The flag column of indicator CSVs

    /// `flag` cell of `<slug>.csv`: qualifiers (`| () p r s`) and at most one symbol that stands
    /// for the value (`-`, `0`, `…`, `...`, `/`, `.`, `x`, `*`).
    static func flagColumn(_ raw: String) -> Result<(flags: ValueFlags, symbol: ValueState?), CellProblem> {
        let scalars = Array(CSVField.trim(raw).unicodeScalars)
        var flags: ValueFlags = []
        var symbol: ValueState? = nil
        var i = 0
        func fail(_ message: String) -> Result<(flags: ValueFlags, symbol: ValueState?), CellProblem> {
            .failure(CellProblem(code: DataCode.invalidFlag, message: message,
                hint: "Erlaubte Kennzeichen: | ( ) p r s und höchstens ein Zeichen statt des Werts: - 0 … / . x *. Mehrere mit Leerzeichen trennen, z. B. „| p“."))
        }
        while i < scalars.count {
            let s = scalars[i]
            if s == " " || s == "\u{A0}" { i += 1; continue }
            var token = String(s)
            if s == "(" && i + 1 < scalars.count && scalars[i + 1] == ")" { token = "()" }
            if s == "." && i + 2 < scalars.count && scalars[i + 1] == "." && scalars[i + 2] == "." { token = "..." }
            i += token.unicodeScalars.count
            switch token {
            case "|": flags.insert(.seriesBreak)
            case "()": flags.insert(.limitedValidity)
            case "p": flags.insert(.provisional)
            case "r": flags.insert(.revised)
            case "s": flags.insert(.estimated)
            case "0":
                if symbol != nil { return fail("Die Zelle „\(raw)“ enthält mehr als ein Zeichen, das für den Wert steht.") }
                symbol = .belowHalfUnit([])
            default:
                guard let state = symbolState(token) else {
                    let whole = CSVField.trim(raw) == token
                    return fail(whole ? "„\(token)“ ist kein Kennzeichen der amtlichen Statistik."
                                      : "„\(token)“ in „\(CSVField.trim(raw))“ ist kein Kennzeichen der amtlichen Statistik.")
                }
                if symbol != nil { return fail("Die Zelle „\(raw)“ enthält mehr als ein Zeichen, das für den Wert steht.") }
                symbol = state
            }
        }
        return .success((flags, symbol))
    }
}
