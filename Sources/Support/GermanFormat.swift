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
