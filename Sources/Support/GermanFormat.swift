import Foundation

/// How the site writes dates and numbers: "26. April 2022", "1.234,5", "12,3 %".
public enum GermanFormat {
    public static let monthNames = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
                                    "August", "September", "Oktober", "November", "Dezember"]
    public static let weekdayNames = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag",
                                      "Freitag", "Samstag"]

    /// "26. April 2022" (Berlin calendar day).
    public static func longDate(_ date: Date) -> String {
        if let c = BerlinTime.civilDay(of: date) { return "\(c.day). \(monthNames[c.month - 1]) \(c.year)" }
        let c = BerlinTime.components(of: date)
        return "\(c.day!). \(monthNames[c.month! - 1]) \(c.year!)"
    }

    /// "April 2022".
    public static func monthYear(year: Int, month: Int) -> String { "\(monthNames[month - 1]) \(year)" }

    /// "2022-04-26" (Berlin calendar day), for `<time datetime>` and file names.
    public static func isoDay(_ date: Date) -> String {
        if let c = BerlinTime.civilDay(of: date) {
            // Years 1900–2999 have four digits; `String(format:)` is slow on thousands of posts.
            return "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)-\(c.day < 10 ? "0" : "")\(c.day)"
        }
        let c = BerlinTime.components(of: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// "1.234,5": thousands with `.`, decimal comma, rounded half away from zero.
    public static func number(_ value: Double, decimals: Int = 0, grouping: Bool = true) -> String {
        let scale = pow(10.0, Double(decimals))
        let rounded = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && rounded > 0
        let integerPart = Int(rounded / scale)
        let fraction = Int(rounded - Double(integerPart) * scale)
        // The digits are written straight into the string's storage (tables and charts format
        // thousands of values; the pieces, grouping and padding each cost a string). The same
        // arithmetic as before decides the digits; a negative part, which rounding at the edge
        // of `Double` could give, keeps the old string building.
        guard integerPart >= 0, fraction >= 0, decimals <= 64 else {
            return text(integerPart: integerPart, fraction: fraction, negative: negative, decimals: decimals, grouping: grouping)
        }
        // Sign (3 bytes), 19 digits with 6 points, comma, the decimals (at most 64, or 19 digits).
        return String(unsafeUninitializedCapacity: 3 + 25 + 1 + max(decimals, 19)) { buffer in
            var count = 0
            if negative {
                // "−" U+2212 MINUS SIGN
                buffer[0] = 0xE2; buffer[1] = 0x88; buffer[2] = 0x92
                count = 3
            }
            var digitCount = 1
            var rest = integerPart
            while rest >= 10 { rest /= 10; digitCount += 1 }
            let grouped = grouping && digitCount > 3
            let end = count + digitCount + (grouped ? (digitCount - 1) / 3 : 0)
            var position = end
            rest = integerPart
            var written = 0
            repeat {
                if grouped, written > 0, written % 3 == 0 {
                    position -= 1
                    buffer[position] = 0x2E
                }
                position -= 1
                buffer[position] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                rest /= 10
                written += 1
            } while rest > 0
            count = end
            if decimals > 0 {
                buffer[count] = 0x2C
                count += 1
                var fractionDigits = 1
                rest = fraction
                while rest >= 10 { rest /= 10; fractionDigits += 1 }
                // Zeros in front up to `decimals` digits.
                let width = max(fractionDigits, decimals)
                rest = fraction
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    buffer[count + offset] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                    rest /= 10
                }
                count += width
            }
            return count
        }
    }

    /// `number` from its parts with string operations (the former way; for parts the fast path
    /// does not take).
    private static func text(integerPart: Int, fraction: Int, negative: Bool, decimals: Int, grouping: Bool) -> String {
        var digits = String(integerPart)
        if grouping && digits.utf8.count > 3 { digits = group(digits) }
        var text = (negative ? "−" : "") + digits
        if decimals > 0 {
            var frac = String(fraction)
            while frac.utf8.count < decimals { frac = "0" + frac }
            text += "," + frac
        }
        return text
    }

    /// "12,3 %" with a no-break space, as DIN 5008 writes it.
    public static func percent(_ value: Double, decimals: Int = 1) -> String {
        number(value, decimals: decimals) + "\u{00A0}%"
    }

    private static func group(_ digits: String) -> String {
        var out: [Character] = []
        for (index, ch) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return String(out.reversed())
    }
}
