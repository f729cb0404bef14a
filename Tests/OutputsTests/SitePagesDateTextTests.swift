import Foundation
@testable import Outputs
import Testing

/// `SitePages.Text.rfc3339` writes its bytes directly; it must say exactly what the interpolating
/// version says, on both sides of the clock changes and for years outside four digits.
struct SitePagesDateTextTests {
    func utc(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    @Test func fixedWidthBytesMatchInterpolation() {
        var dates = [
            "2022-04-26T07:30:00Z", "2022-01-05T08:00:00Z", "2022-03-27T00:59:59Z", "2022-03-27T01:00:00Z",
            "2022-10-30T00:59:59Z", "2022-10-30T01:00:00Z", "1999-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
            "1900-02-28T12:00:00Z", "0999-06-01T10:00:00Z", "9999-12-31T22:59:59Z", "2024-02-29T23:00:00Z",
        ].map(utc)
        // Every hour of a year with both clock changes, and some odd seconds.
        let start = utc("2023-01-01T00:00:00Z")
        for hour in stride(from: 0, to: 365 * 24, by: 7) { dates.append(start.addingTimeInterval(Double(hour * 3600 + hour % 61))) }
        dates.append(Date(timeIntervalSince1970: -62_135_596_800 + 3_600))   // year 1
        dates.append(Date(timeIntervalSince1970: 253_402_300_800 + 86_400))  // after 9999
        for date in dates {
            #expect(SitePages.Text.rfc3339(date) == SitePages.Text.interpolatedRFC3339(date), "\(date)")
        }
        #expect(SitePages.Text.rfc3339(utc("2022-04-26T07:30:05Z")) == "2022-04-26T09:30:05+02:00")
        #expect(SitePages.Text.rfc3339(utc("2022-01-05T08:00:00Z")) == "2022-01-05T09:00:00+01:00")
    }
}
