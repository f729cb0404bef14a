import Foundation
import Support

/// Machine date formats for feeds, always on the Berlin wall clock with its real offset at that
/// instant (summer +02:00, winter +01:00). Built from `BerlinTime` components: a German display
/// locale or the build machine's zone can never leak into a feed (see research §1.4).
public enum RFCDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// RFC 822 / RFC 2822 as RSS wants it: `Tue, 26 Apr 2022 09:00:00 +0200`.
    public static func rfc822(_ date: Date) -> String {
        let c = BerlinTime.components(of: date)
        let offset = BerlinTime.offsetSeconds(at: date)
        return "\(weekdays[c.weekday! - 1]), \(two(c.day!)) \(months[c.month! - 1]) \(four(c.year!)) "
            + "\(two(c.hour!)):\(two(c.minute!)):\(two(c.second!)) \(zone(offset, colon: false))"
    }

    /// RFC 3339 with offset, for Atom and JSON Feed: `2022-04-26T09:00:00+02:00`.
    public static func rfc3339(_ date: Date) -> String {
        let c = BerlinTime.components(of: date)
        let offset = BerlinTime.offsetSeconds(at: date)
        return "\(four(c.year!))-\(two(c.month!))-\(two(c.day!))T"
            + "\(two(c.hour!)):\(two(c.minute!)):\(two(c.second!))\(zone(offset, colon: true))"
    }

    private static func zone(_ seconds: Int, colon: Bool) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + two(minutes / 60) + (colon ? ":" : "") + two(minutes % 60)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func four(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 4 - s.utf8.count)) + s
    }
}
