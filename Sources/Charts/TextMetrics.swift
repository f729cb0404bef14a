/// Advance widths of one font weight, in font units (see `InterMetrics`).
struct FontTable: Sendable {
    /// Width for characters outside the table that are Latin-like ("n").
    let fallback: Int
    /// Width for characters far outside the table (CJK, symbols): "M", so labels never overflow.
    let wide: Int
    /// Width of a digit under `font-variant-numeric: tabular-nums`.
    let tabularDigit: Int
    let advances: [Int]
}

/// The weights chart text uses. CSS: 400, 600, 700.
public enum FontWeight: Int, Sendable, Hashable {
    case regular = 400
    case semibold = 600
    case bold = 700

    var table: FontTable {
        switch self {
        case .regular: InterMetrics.regular
        case .semibold: InterMetrics.semibold
        case .bold: InterMetrics.bold
        }
    }
}

/// Width of text in the theme font (Inter), from its real advance widths: labels are laid out at
/// build time without a browser, so an estimate per character count would overlap or cut labels.
public enum TextMetrics {
    /// Kerning and a fallback font can make text a little wider than the advances add up to.
    static let safetyFactor = 1.05

    /// Width in CSS px (= viewBox units) of `text` at `size` px, including the safety factor.
    public static func width(_ text: String, size: Double, weight: FontWeight = .regular,
                             tabularDigits: Bool = false) -> Double {
        let table = weight.table
        let latin = latinAdvances(weight)
        var units = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x100 && !(tabularDigits && value >= 0x30 && value <= 0x39) {
                units += latin[Int(value)]
            } else {
                units += advance(of: value, in: table, tabularDigits: tabularDigits)
            }
        }
        return Double(units) / InterMetrics.unitsPerEm * size * safetyFactor
    }

    /// `advance(of:in:tabularDigits: false)` for U+0000…U+00FF, made once per weight: labels are
    /// almost all Latin-1, and a binary search per character added up over thousands of labels.
    static func latinAdvances(_ weight: FontWeight) -> [Int] {
        switch weight {
        case .regular: latinRegular
        case .semibold: latinSemibold
        case .bold: latinBold
        }
    }

    private static let latinRegular = latinTable(InterMetrics.regular)
    private static let latinSemibold = latinTable(InterMetrics.semibold)
    private static let latinBold = latinTable(InterMetrics.bold)

    private static func latinTable(_ table: FontTable) -> [Int] {
        (0..<0x100).map { advance(of: UInt32($0), in: table, tabularDigits: false) }
    }

    static func advance(of codePoint: UInt32, in table: FontTable, tabularDigits: Bool) -> Int {
        if tabularDigits && codePoint >= 0x30 && codePoint <= 0x39 { return table.tabularDigit }
        if let index = index(of: codePoint) { return table.advances[index] }
        // Combining marks add no width; Latin Extended letters are about as wide as "n".
        if (0x0300...0x036F).contains(codePoint) || codePoint == 0x200B || codePoint == 0x00AD { return 0 }
        if codePoint < 0x0250 { return table.fallback }
        return table.wide
    }

    /// Binary search in the ascending code point list.
    static func index(of codePoint: UInt32) -> Int? {
        let points = InterMetrics.codePoints
        var low = 0, high = points.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if points[mid] == codePoint { return mid }
            if points[mid] < codePoint { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    /// Breaks `text` into lines no wider than `maxWidth` at spaces and after hyphens and slashes.
    /// A single word up to `hardLimit` (default: a third more than `maxWidth`) stays whole on its
    /// line; a longer one is split with a hyphen as a last resort. Labels are never cut off.
    public static func wrap(_ text: String, maxWidth: Double, size: Double,
                            weight: FontWeight = .regular, hardLimit: Double? = nil) -> [String] {
        // Most labels fit on one line: measured once, without splitting them into words first.
        if fitsAsWritten(text) {
            let line = trimmed(text)
            if width(line, size: size, weight: weight) <= maxWidth { return [line] }
        }
        return wrapByWords(text, maxWidth: maxWidth, size: size, weight: weight, hardLimit: hardLimit)
    }

    /// Whether `wrapByWords` would join the words of `text` back into `text` itself: it drops
    /// pieces that are only spaces, which exist only at the start or right after a space,
    /// hyphen or slash. Then, when the whole text fits, every word and every line candidate
    /// (parts of it, advances never negative) fits too, and the one line is the trimmed text.
    /// Checked on bytes: the three separators are ASCII and never part of a longer sequence.
    static func fitsAsWritten(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            if byte == 0x20, previous == 0x20 || previous == 0x2D || previous == 0x2F { return false }
            previous = byte
        }
        // Empty text has no line at all.
        return !text.isEmpty
    }

    /// `wrap` word by word: the general case.
    static func wrapByWords(_ text: String, maxWidth: Double, size: Double,
                            weight: FontWeight = .regular, hardLimit: Double? = nil) -> [String] {
        let limit = max(maxWidth, hardLimit ?? maxWidth * 4 / 3)
        var words: [String] = []
        for word in breakableWords(text) {
            if width(trimmed(word), size: size, weight: weight) > limit {
                words += split(word, maxWidth: maxWidth, size: size, weight: weight)
            } else {
                words.append(word)
            }
        }
        guard !words.isEmpty else { return [] }
        var lines: [String] = []
        var current = ""
        for word in words {
            let candidate = current + word
            if current.isEmpty || width(trimmed(candidate), size: size, weight: weight) <= maxWidth {
                current = candidate
            } else {
                lines.append(trimmed(current))
                current = word
            }
        }
        if !current.isEmpty { lines.append(trimmed(current)) }
        return lines
    }

    /// A word that does not fit on a line on its own, in pieces that do (each but the last
    /// ending in a hyphen).
    private static func split(_ word: String, maxWidth: Double, size: Double, weight: FontWeight) -> [String] {
        var pieces: [String] = []
        var current = ""
        for ch in word {
            if !current.isEmpty, ch != " ", width(current + String(ch) + "-", size: size, weight: weight) > maxWidth {
                pieces.append(current.hasSuffix("-") ? current : current + "-")
                current = ""
            }
            current.append(ch)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// Pieces that may end a line: each keeps its trailing space or hyphen.
    static func breakableWords(_ text: String) -> [String] {
        // Below U+0300 (combining marks) every scalar is a Character of its own, except CR LF:
        // such text (almost every label) is split on scalars, without grapheme breaking.
        if text.unicodeScalars.allSatisfy({ $0.value < 0x300 && $0 != "\r" }) {
            var pieces: [String] = []
            var current = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                current.append(scalar)
                if scalar == " " || scalar == "-" || scalar == "/" {
                    if !current.allSatisfy({ $0 == " " }) { pieces.append(String(current)) }
                    current = String.UnicodeScalarView()
                }
            }
            if !current.isEmpty, !current.allSatisfy({ $0 == " " }) { pieces.append(String(current)) }
            return pieces
        }
        var pieces: [String] = []
        var current = ""
        for ch in text {
            current.append(ch)
            if ch == " " || ch == "-" || ch == "/" {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces.filter { !$0.allSatisfy { $0 == " " } }
    }

    static func trimmed(_ text: String) -> String {
        // Nothing to trim (almost every label): the text itself, not a copy. A space is one
        // byte, and a first or last byte that is not one cannot start or end a " " character.
        if text.utf8.first != 0x20, text.utf8.last != 0x20 { return text }
        var t = Substring(text)
        while t.last == " " { t = t.dropLast() }
        while t.first == " " { t = t.dropFirst() }
        return String(t)
    }
}
