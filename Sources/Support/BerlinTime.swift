import Foundation

/// Dates as the site shows and stores them: civil time in Europe/Berlin, whatever TZ the machine
/// has (CI has none). All calendar work goes through here so summer and winter time stay right.
public enum BerlinTime {
    public static let timeZone = TimeZone(identifier: "Europe/Berlin")!

    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "de_DE")
        return calendar
    }()

    /// Year, month, day, hour, minute, second of `date` on a Berlin wall clock.
    /// By arithmetic for whole seconds inside the offset table (see `civilDay`), else by the calendar.
    public static func components(of date: Date) -> DateComponents {
        let seconds = date.timeIntervalSince1970
        guard seconds == seconds.rounded(.down), let offset = offsets.offset(at: seconds) else {
            return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        }
        let local = Int(seconds) + offset
        let days = floorDivide(local, 86_400)
        let time = local - days * 86_400
        let civil = civilFromDays(days)
        var parts = DateComponents()
        parts.year = civil.year; parts.month = civil.month; parts.day = civil.day
        parts.hour = time / 3600; parts.minute = time / 60 % 60; parts.second = time % 60
        // 1970-01-01 was a Thursday; the calendar counts Sunday as 1.
        parts.weekday = (days % 7 + 11) % 7 + 1
        return parts
    }

    public static func year(of date: Date) -> Int { civilDay(of: date)?.year ?? calendar.component(.year, from: date) }
    public static func month(of date: Date) -> Int { civilDay(of: date)?.month ?? calendar.component(.month, from: date) }

    /// Year, month and day on a Berlin wall clock by arithmetic on the zone's offset, about five
    /// times faster than asking the calendar (a post's URL needs year and month, and a build asks
    /// for thousands). Nil outside 1900–2999, where the calendar answers (it switches to the Julian
    /// calendar before 1582).
    static func civilDay(of date: Date) -> (year: Int, month: Int, day: Int)? {
        let seconds = date.timeIntervalSince1970
        guard seconds > -2_208_988_800, seconds < 32_503_680_000 else { return nil }
        let offset = offsets.offset(at: seconds) ?? timeZone.secondsFromGMT(for: date)
        let local = Int(seconds.rounded(.down)) + offset
        return civilFromDays(floorDivide(local, 86_400))
    }

    /// Howard Hinnant's civil_from_days (proleptic Gregorian, days since 1970-01-01).
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Howard Hinnant's days_from_civil, the inverse of `civilFromDays`; a day past the end of its
    /// month simply counts on into the next one.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func floorDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }

    /// Berlin's offsets from 1950 to 2200, read once from the zone itself.
    static let offsets = BerlinOffsets(timeZone: timeZone, from: -631_152_000, to: 7_258_118_400)

    /// Seconds east of UTC in Berlin at that instant (+3600 in winter, +7200 in summer).
    public static func offsetSeconds(at date: Date) -> Int {
        offsets.offset(at: date.timeIntervalSince1970) ?? timeZone.secondsFromGMT(for: date)
    }

    /// Parses the date forms editors write in front matter:
    /// `2022-04-26`, `2022-04-26 09:30`, `2022-04-26T09:30:00`, `…+02:00`, `…+0200`, `…Z`.
    /// Without a zone the time is Berlin civil time; without a time it is midnight in Berlin.
    public static func parse(_ raw: String) -> Date? {
        // Trimming asks Foundation; only text that starts or ends with a space (or non-ASCII) needs it.
        let trimmed = raw.utf8.first.map(isPlainASCII) == true && raw.utf8.last.map(isPlainASCII) == true
            ? raw : raw.trimmingCharacters(in: .whitespaces)
        let text = Array(trimmed.utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= text.count else { return nil }
            var value = 0
            for k in 0..<digits {
                let b = text[i + k]
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            i += digits
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard i < text.count, text[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D), let day = number(2)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var offset: Int? = nil
        if i < text.count {
            guard text[i] == 0x54 || text[i] == 0x74 || text[i] == 0x20 else { return nil }
            i += 1
            guard let h = number(2), expect(0x3A), let m = number(2) else { return nil }
            hour = h; minute = m
            if expect(0x3A) {
                guard let s = number(2) else { return nil }
                second = s
                if expect(0x2E) { while i < text.count, text[i] >= 0x30, text[i] <= 0x39 { i += 1 } }
            }
            while i < text.count, text[i] == 0x20 { i += 1 }
            if i < text.count {
                if text[i] == 0x5A || text[i] == 0x7A { offset = 0; i += 1 }
                else if text[i] == 0x2B || text[i] == 0x2D {
                    let sign = text[i] == 0x2D ? -1 : 1
                    i += 1
                    guard let oh = number(2) else { return nil }
                    _ = expect(0x3A)
                    guard let om = number(2) else { return nil }
                    offset = sign * (oh * 3600 + om * 60)
                } else { return nil }
            }
            guard i == text.count else { return nil }
        }
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...60).contains(second) else { return nil }
        if (1950...2199).contains(year),
           let date = fastDate(year: year, month: month, day: day, seconds: hour * 3600 + minute * 60 + second,
                               offset: offset) {
            return date.valid ? date.date : nil
        }
        var parts = DateComponents()
        parts.year = year; parts.month = month; parts.day = day
        parts.hour = hour; parts.minute = minute; parts.second = second
        if let offset {
            // Foundation has no zone beyond ±18 hours (`+19:00`); such a text is no date, not a crash.
            guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = zone
            guard let date = utc.date(from: parts), utc.component(.day, from: date) == day else { return nil }
            return date
        }
        // Berlin wall clock; a time in the spring-forward gap moves forward like a clock would.
        guard let date = calendar.date(from: parts), calendar.component(.day, from: date) == day else { return nil }
        return date
    }

    private static func isPlainASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    /// `parse` by arithmetic, with the calendar's answers: an overflowing day (April 31) or second
    /// (23:59:60) moves on to the next day and is then rejected (`valid` false); a Berlin time
    /// that happens twice is the first (summer time); one in the spring gap moves forward an hour.
    /// Nil when the offset table does not cover the instant (the calendar answers then).
    private static func fastDate(year: Int, month: Int, day: Int, seconds: Int,
                                 offset: Int?) -> (date: Date, valid: Bool)? {
        let days = daysFromCivil(year: year, month: month, day: day)
        let local = days * 86_400 + seconds
        let instant: Int
        if let offset {
            // The calendar cannot make a zone beyond ±18 hours.
            guard abs(offset) <= 18 * 3600 else { return nil }
            instant = local - offset
        } else {
            // Offsets change at most once within two days (from 1950 on), so the offsets a day
            // before and after are the only candidates.
            guard let before = offsets.offset(at: Double(local - 86_400)),
                  let after = offsets.offset(at: Double(local + 86_400)) else { return nil }
            let early = local - before, late = local - after
            let earlyFits = offsets.offset(at: Double(early)) == before
            let lateFits = offsets.offset(at: Double(late)) == after
            switch (earlyFits, lateFits) {
            case (true, true): instant = min(early, late)  // the autumn hour that happens twice: the first
            case (true, false): instant = early
            case (false, true): instant = late
            case (false, false): instant = early  // the spring gap: read with the old offset, an hour on
            }
        }
        guard let zoneOffset = offset ?? offsets.offset(at: Double(instant)) else { return nil }
        let shownDay = civilFromDays(floorDivide(instant + zoneOffset, 86_400)).day
        return (Date(timeIntervalSince1970: Double(instant)), shownDay == day)
    }
}
