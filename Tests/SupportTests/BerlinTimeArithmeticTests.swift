import Foundation
import Testing
@testable import Support

/// `BerlinTime` computes by arithmetic on a table of the zone's transitions; these tests hold it
/// against Foundation's own calendar in Europe/Berlin, 1990–2040, both clock-change nights included.
@Suite struct BerlinTimeArithmeticTests {
    static let zone = TimeZone(identifier: "Europe/Berlin")!
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.locale = Locale(identifier: "de_DE")
        return calendar
    }()
    static let start = 631_152_000.0   // 1990-01-01 UTC
    static let end = 2_240_611_200.0   // 2041-01-01 UTC

    /// The instants at which Berlin's clock changed, 1990–2040, from Foundation.
    static let transitions: [Double] = {
        var result: [Double] = []
        var date = Date(timeIntervalSince1970: start)
        while let next = zone.nextDaylightSavingTimeTransition(after: date), next.timeIntervalSince1970 < end {
            result.append(next.timeIntervalSince1970)
            date = next
        }
        return result
    }()

    /// The calendar-based parse this type used before the arithmetic one.
    static func referenceParse(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int,
                               offset: Int?) -> Date? {
        var parts = DateComponents()
        parts.year = year; parts.month = month; parts.day = day
        parts.hour = hour; parts.minute = minute; parts.second = second
        var calendar = self.calendar
        if let offset { calendar.timeZone = TimeZone(secondsFromGMT: offset)! }
        guard let date = calendar.date(from: parts), calendar.component(.day, from: date) == day else { return nil }
        return date
    }

    static func text(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute)):\(two(second))"
    }

    @Test func twoClockChangesEveryYear() {
        #expect(Self.transitions.count == 2 * 51)
    }

    @Test func offsetsMatchTheZoneHourlyAndAroundEveryChange() {
        var mismatches = 0
        var t = Self.start
        while t < Self.end {
            if BerlinTime.offsetSeconds(at: Date(timeIntervalSince1970: t))
                != Self.zone.secondsFromGMT(for: Date(timeIntervalSince1970: t)) { mismatches += 1 }
            t += 3599
        }
        for change in Self.transitions {
            for delta in [-3601.0, -3600, -1, -0.5, 0, 0.5, 1, 3599, 3600] {
                let date = Date(timeIntervalSince1970: change + delta)
                if BerlinTime.offsetSeconds(at: date) != Self.zone.secondsFromGMT(for: date) { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func componentsMatchTheCalendar() {
        let units: Set<Calendar.Component> = [.year, .month, .day, .hour, .minute, .second, .weekday]
        var instants: [Double] = []
        var t = Self.start - 86_400 * 400  // from 1988 to see a leap year and its February before the span
        while t < Self.end { instants.append(t); t += 7_919 }
        for change in Self.transitions {
            for delta in stride(from: -7_260.0, through: 7_260, by: 60) { instants.append(change + delta) }
            instants += [change - 1, change, change + 1]
        }
        instants += [951_782_400, 951_868_799, 951_868_800, 1_078_012_800, 946_681_199, 946_681_200]  // 2000-02-29, 2004-02-29, new year
        instants += [1_650_958_200.25, -1.5]  // fractions and before 1970 go to the calendar, still equal
        var mismatches: [Double] = []
        for instant in instants {
            let date = Date(timeIntervalSince1970: instant)
            let fast = BerlinTime.components(of: date)
            let slow = Self.calendar.dateComponents(units, from: date)
            if fast.year != slow.year || fast.month != slow.month || fast.day != slow.day || fast.hour != slow.hour
                || fast.minute != slow.minute || fast.second != slow.second || fast.weekday != slow.weekday {
                mismatches.append(instant)
            }
            let day = BerlinTime.civilDay(of: date)
            if day?.year != slow.year || day?.month != slow.month || day?.day != slow.day { mismatches.append(instant) }
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5))")
    }

    @Test func parseMatchesTheCalendarOnClockChangeNights() {
        var mismatches: [String] = []
        for change in Self.transitions {
            let day = Self.calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: change))
            for minute in stride(from: 0, to: 5 * 60, by: 1) {
                let (h, m) = (minute / 60, minute % 60)
                for second in [0, 30, 59] {
                    let text = Self.text(day.year!, day.month!, day.day!, h, m, second)
                    let expected = Self.referenceParse(day.year!, day.month!, day.day!, h, m, second, offset: nil)
                    if BerlinTime.parse(text) != expected { mismatches.append(text) }
                }
            }
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5))")
    }

    @Test func parseMatchesTheCalendarOnEdgeDays() {
        var mismatches: [String] = []
        for year in [1950, 1989, 1990, 1996, 2000, 2004, 2022, 2024, 2038, 2040, 2100, 2199] {
            for month in 1...12 {
                for day in [1, 15, 28, 29, 30, 31] {
                    for (h, m, s) in [(0, 0, 0), (9, 30, 0), (12, 0, 59), (23, 59, 59), (23, 59, 60), (0, 0, 60)] {
                        let text = Self.text(year, month, day, h, m, s)
                        if BerlinTime.parse(text) != Self.referenceParse(year, month, day, h, m, s, offset: nil) {
                            mismatches.append(text)
                        }
                        for offset in [0, 7200, 3600, -19_800, 64_800, -64_800, 20_700] {
                            let sign = offset < 0 ? "-" : "+"
                            let a = abs(offset)
                            let zoned = text + sign + (a / 3600 < 10 ? "0" : "") + "\(a / 3600):"
                                + (a / 60 % 60 < 10 ? "0" : "") + "\(a / 60 % 60)"
                            if BerlinTime.parse(zoned) != Self.referenceParse(year, month, day, h, m, s, offset: offset) {
                                mismatches.append(zoned)
                            }
                        }
                    }
                    let dayOnly = String(Self.text(year, month, day, 0, 0, 0).prefix(10))
                    if BerlinTime.parse(dayOnly) != Self.referenceParse(year, month, day, 0, 0, 0, offset: nil) {
                        mismatches.append(dayOnly)
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5))")
    }

    @Test func zonesBeyondEighteenHoursAreNoDate() {
        #expect(BerlinTime.parse("2022-04-26T09:30:00+19:00") == nil)
        #expect(BerlinTime.parse("2022-04-26T09:30:00-99:99") == nil)
        #expect(BerlinTime.parse("1800-04-26T09:30:00+19:00") == nil)
        #expect(BerlinTime.parse("2022-04-26T09:30:00+18:00") != nil)
    }

    @Test func parseTrimsOnlyWhatNeedsTrimming() {
        let plain = BerlinTime.parse("2022-04-26 09:30")
        #expect(plain != nil)
        #expect(BerlinTime.parse("  2022-04-26 09:30\t") == plain)
        #expect(BerlinTime.parse("\u{00A0}2022-04-26 09:30\u{2003}") == plain)
        #expect(BerlinTime.parse("2022-04-26 09:30 ") == plain)
        #expect(BerlinTime.parse("") == nil)
        #expect(BerlinTime.parse("2022-04-26 09:30ü") == nil)
        #expect(BerlinTime.parse("🙂2022-04-26") == nil)
    }
}
