import Foundation
import Testing
@testable import Support

/// The incremental build asks for years and months of thousands of posts; `BerlinTime` answers
/// by arithmetic. It must agree with the calendar everywhere, above all around the clock changes.
struct IncrementalBerlinTimeTests {
    @Test func arithmeticAgreesWithTheCalendarEveryHourForSixYears() {
        let start = BerlinTime.parse("2019-01-01")!.timeIntervalSince1970
        var mismatches: [String] = []
        for hour in stride(from: 0, to: 6 * 366 * 24, by: 1) {
            for offset in [0.0, 1799.5, 3599.999] {
                let date = Date(timeIntervalSince1970: start + Double(hour) * 3600 + offset)
                let civil = BerlinTime.civilDay(of: date)!
                let parts = BerlinTime.calendar.dateComponents([.year, .month, .day], from: date)
                if civil.year != parts.year || civil.month != parts.month || civil.day != parts.day {
                    mismatches.append("\(date): \(civil) ≠ \(parts)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func agreesAtTurnsOfYearAndMonthOverTwoCenturies() {
        var mismatches: [String] = []
        for year in 1901...2100 {
            for month in 1...12 {
                let text = "\(year)-\(month < 10 ? "0" : "")\(month)-01"
                let midnight = BerlinTime.parse(text)!
                for delta in [-1.0, 0, 1, 3600, -3600, -7200] {
                    let date = midnight.addingTimeInterval(delta)
                    let expected = BerlinTime.calendar.dateComponents([.year, .month, .day], from: date)
                    let civil = BerlinTime.civilDay(of: date)!
                    if civil.year != expected.year || civil.month != expected.month || civil.day != expected.day {
                        mismatches.append("\(text) \(delta)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        // The formats built on it.
        for text in ["2022-04-26 09:30", "2024-03-31 02:30", "2024-10-27 02:30", "1999-12-31 23:59", "2000-01-01 00:00"] {
            let date = BerlinTime.parse(text)!
            let c = BerlinTime.components(of: date)
            #expect(GermanFormat.isoDay(date) == String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!))
            #expect(GermanFormat.longDate(date) == "\(c.day!). \(GermanFormat.monthNames[c.month! - 1]) \(c.year!)")
        }
        // Outside the arithmetic's range the calendar answers.
        #expect(BerlinTime.civilDay(of: Date(timeIntervalSince1970: -4_000_000_000)) == nil)
        #expect(BerlinTime.year(of: Date(timeIntervalSince1970: -4_000_000_000)) == 1843)
    }
}
