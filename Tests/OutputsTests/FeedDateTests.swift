import Foundation
import Testing
import Content
import Support
@testable import Outputs

// RFC 822 in RSS, RFC 3339 in Atom and JSON Feed, always Europe/Berlin with its real offset.

private func utc(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.date(from: text)!
}

/// An independent RFC 822 reader (Foundation's, with the POSIX locale).
private func parseRFC822(_ text: String) -> Date? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
    return formatter.date(from: text)
}

@Test func rfc822InSummerAndWinter() {
    #expect(RFCDate.rfc822(utc("2022-04-26T07:00:00Z")) == "Tue, 26 Apr 2022 09:00:00 +0200")
    #expect(RFCDate.rfc822(utc("2022-01-05T08:00:00Z")) == "Wed, 05 Jan 2022 09:00:00 +0100")
    #expect(RFCDate.rfc822(utc("2022-12-31T23:59:59Z")) == "Sun, 01 Jan 2023 00:59:59 +0100")
}

@Test func rfc822AcrossTheClockChangeNights() {
    // Spring: 02:00 → 03:00. 01:30 UTC is 03:30 summer time.
    #expect(RFCDate.rfc822(utc("2022-03-27T00:30:00Z")) == "Sun, 27 Mar 2022 01:30:00 +0100")
    #expect(RFCDate.rfc822(utc("2022-03-27T01:30:00Z")) == "Sun, 27 Mar 2022 03:30:00 +0200")
    // Autumn: 02:30 happens twice, once in summer time and once in winter time.
    #expect(RFCDate.rfc822(utc("2022-10-30T00:30:00Z")) == "Sun, 30 Oct 2022 02:30:00 +0200")
    #expect(RFCDate.rfc822(utc("2022-10-30T01:30:00Z")) == "Sun, 30 Oct 2022 02:30:00 +0100")
}

@Test func rfc3339WithBerlinOffset() {
    #expect(RFCDate.rfc3339(utc("2022-04-26T07:00:00Z")) == "2022-04-26T09:00:00+02:00")
    #expect(RFCDate.rfc3339(utc("2022-01-05T08:00:00Z")) == "2022-01-05T09:00:00+01:00")
    #expect(RFCDate.rfc3339(utc("2022-10-30T00:30:00Z")) == "2022-10-30T02:30:00+02:00")
    #expect(RFCDate.rfc3339(utc("2022-10-30T01:30:00Z")) == "2022-10-30T02:30:00+01:00")
}

@Test func everyRSSDateIsRFC822AndMeansThePostDate() {
    let site = fullSite()
    let pattern = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/
    let posts = Dictionary(site.content.posts.map { ($0.url, $0.date) }, uniquingKeysWith: { a, _ in a })
    for (path, text) in files(site) where path.hasSuffix("feed.xml") || path == "feed/index.xml" {
        let reader = XMLReader.read(text)
        for element in reader.all("pubDate") + reader.all("lastBuildDate") {
            #expect(element.text.wholeMatch(of: pattern) != nil, "\(path): \(element.text)")
            #expect(parseRFC822(element.text) != nil, "\(path): \(element.text)")
        }
        let items = reader.all("item").count
        let links = reader.all("link").filter { $0.path.last == "item" }.map(\.text)
        let dates = reader.all("pubDate").filter { $0.path.last == "item" }.map(\.text)
        #expect(links.count == items && dates.count == items)
        for (link, date) in zip(links, dates) {
            let expected = posts[String(link.dropFirst(baseURL.count))]
            #expect(parseRFC822(date) == expected, "\(path): \(link) has \(date)")
        }
    }
}

@Test func postsOnClockChangeNightsGetTheRightOffset() {
    let rss = XMLReader.read(files(fullSite())["feed.xml"]!)
    let dates = rss.all("pubDate").filter { $0.path.last == "item" }.map(\.text)
    // 2022-03-27 02:30 does not exist in Berlin; the clock jumps, the post is at 03:30 summer time.
    #expect(dates.contains("Sun, 27 Mar 2022 03:30:00 +0200"))
    // 2022-10-30 02:30 exists twice; whichever the loader picked, offset and time must agree.
    let autumn = dates.first(where: { $0.hasPrefix("Sun, 30 Oct 2022 02:30:00") })
    #expect(autumn == "Sun, 30 Oct 2022 02:30:00 +0200" || autumn == "Sun, 30 Oct 2022 02:30:00 +0100")
    #expect(parseRFC822(autumn ?? "") == BerlinTime.parse("2022-10-30 02:30"))
}

@Test func everyAtomAndJSONDateIsRFC3339() throws {
    let site = fullSite()
    let pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/
    let iso = ISO8601DateFormatter()
    for (path, text) in files(site) {
        if path.hasSuffix("atom.xml") {
            let reader = XMLReader.read(text)
            let dates = reader.texts("updated") + reader.texts("published")
            #expect(!dates.isEmpty)
            for date in dates {
                #expect(date.wholeMatch(of: pattern) != nil, "\(path): \(date)")
                #expect(iso.date(from: date) != nil)
            }
        } else if path.hasSuffix(".json") {
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
            for item in object["items"] as! [[String: Any]] {
                for key in ["date_published", "date_modified"] {
                    let date = item[key] as! String
                    #expect(date.wholeMatch(of: pattern) != nil, "\(path): \(date)")
                }
            }
        }
    }
    let atom = XMLReader.read(files(site)["atom.xml"]!)
    #expect(atom.texts("published").contains("2022-03-27T03:30:00+02:00"))
}
