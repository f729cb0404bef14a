import Foundation
import Support

/// Reads a front-matter date with `BerlinTime.parse` and explains what went wrong, including the
/// two wall-clock times a year that Berlin skips (spring) or has twice (autumn).
enum FrontMatterDate {
    struct Note: Equatable {
        var code: String
        var message: String
        var hint: String
    }

    enum Interpretation {
        case valid(Date, note: Note?)
        case invalid(hint: String)
    }

    static let examples = "Schreiben Sie das Datum z. B. als 2022-04-26, 2022-04-26 09:30 oder 2022-04-26T09:30:00+02:00."

    static func interpret(_ raw: String) -> Interpretation {
        let text = raw.trimmingWhitespaces
        guard let date = BerlinTime.parse(text) else { return .invalid(hint: invalidHint(text)) }
        guard let written = wallClockWithoutZone(text) else { return .valid(date, note: nil) }
        let shown = BerlinTime.components(of: date)
        var day: String { GermanFormat.longDate(date) }
        if shown.hour != written.hour || shown.minute != written.minute {
            return .valid(date, note: Note(
                code: "nonexistent-time",
                message: "Die Uhrzeit \(clock(written.hour, written.minute)) gibt es am \(day) nicht, weil die Uhr "
                    + "auf Sommerzeit vorgestellt wird; verwendet wird \(clock(shown.hour!, shown.minute!)) Uhr.",
                hint: "Schreiben Sie eine Uhrzeit ab 03:00, z. B. „\(GermanFormat.isoDay(date)) 03:00“."))
        }
        let hourLater = date.addingTimeInterval(3600)
        let later = BerlinTime.components(of: hourLater)
        if later.hour == written.hour, later.minute == written.minute, later.day == shown.day {
            let iso = GermanFormat.isoDay(date)
            let time = clock(written.hour, written.minute)
            return .valid(date, note: Note(
                code: "ambiguous-time",
                message: "Die Uhrzeit \(time) gibt es am \(day) zweimal, weil die Sommerzeit endet; "
                    + "verwendet wird die erste (Sommerzeit).",
                hint: "Geben Sie die Zeitzone an: „\(iso)T\(time):00+02:00“ (Sommerzeit) "
                    + "oder „\(iso)T\(time):00+01:00“ (Winterzeit)."))
        }
        return .valid(date, note: nil)
    }

    /// Hour and minute when the text has a time but no zone (only then is Berlin's clock used).
    private static func wallClockWithoutZone(_ text: String) -> (hour: Int, minute: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 16, let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]) else {
            return nil
        }
        let zoneMarks: Set<UInt8> = [0x5A, 0x7A, 0x2B, 0x2D]  // Z z + -
        if bytes[16...].contains(where: zoneMarks.contains) { return nil }
        return (hour, minute)
    }

    private static func invalidHint(_ text: String) -> String {
        let bytes = Array(text.utf8)
        // 26.04.2022 or 26.4.2022, as Germans write dates.
        let parts = text.split(separator: " ", maxSplits: 1)
        let dayParts = parts.first.map { $0.split(separator: ".", omittingEmptySubsequences: false) } ?? []
        if dayParts.count == 3, let d = Int(dayParts[0]), let m = Int(dayParts[1]), let y = Int(dayParts[2]),
           y > 1900, (1...12).contains(m), (1...31).contains(d) {
            var iso = "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
            if parts.count == 2 { iso += " " + parts[1] }
            return "Schreiben Sie das Datum in der Reihenfolge Jahr-Monat-Tag: „\(iso)“."
        }
        if bytes.count >= 10, number(bytes[0..<4]) != nil, bytes[4] == 0x2D, number(bytes[5..<7]) != nil,
           bytes[7] == 0x2D, number(bytes[8..<10]) != nil {
            return "Prüfen Sie Monat, Tag und Uhrzeit: Gibt es diesen Zeitpunkt? " + examples
        }
        return examples
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func clock(_ hour: Int, _ minute: Int) -> String {
        "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }
}
