import Support

/// A day of the week, Monday first as German calendars have it.
public enum Weekday: Int, CaseIterable, Sendable, Hashable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// „Mo“.
    public var abbreviation: String { ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"][rawValue - 1] }
    /// „Montag“.
    public var name: String {
        ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"][rawValue - 1]
    }
    /// iCalendar `BYDAY` code (`MO`), as HSDS schedules write it.
    public var iCalendar: String { ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][rawValue - 1] }
    /// `https://schema.org/Monday`.
    public var schemaOrg: String {
        "https://schema.org/" + ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue - 1]
    }
    public var next: Weekday { Weekday(rawValue: rawValue % 7 + 1)! }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}

/// A time of day in minutes after midnight; 24:00 (1440) exists only as a closing time.
public struct ClockTime: Sendable, Hashable, Comparable {
    public var minutes: Int

    public init(minutes: Int) { self.minutes = minutes }
    public init(hour: Int, minute: Int = 0) { self.minutes = hour * 60 + minute }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    /// `08:00`, as front matter, schema.org and HSDS write it.
    public var iso: String { Self.two(hour) + ":" + Self.two(minute) }
    /// `8:00`, as German readers see it.
    public var german: String { String(hour) + ":" + Self.two(minute) }

    public static func < (a: ClockTime, b: ClockTime) -> Bool { a.minutes < b.minutes }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}

/// One line of `oeffnungszeiten`: on these days from `opens` to `closes`; with `overnight` the
/// time ends on the following day (`Fr 22:00–02:00`).
public struct OpeningHoursRule: Sendable, Hashable {
    /// Sorted, without repeats.
    public var days: [Weekday]
    public var opens: ClockTime
    public var closes: ClockTime
    public var overnight: Bool
    /// `hinweis` of the line („nur mit Termin“).
    public var note: String?

    public init(days: [Weekday], opens: ClockTime, closes: ClockTime, overnight: Bool = false, note: String? = nil) {
        self.days = Array(Set(days)).sorted()
        self.opens = opens
        self.closes = closes
        self.overnight = overnight
        self.note = note
    }

    /// Minutes open on each day the rule names.
    public var duration: Int { overnight ? 1440 - opens.minutes + closes.minutes : closes.minutes - opens.minutes }
}

/// Reading and writing opening hours the way German service directories show them.
public enum OpeningHours {
    // MARK: parsing

    public enum DaysProblem: Error, Equatable {
        case empty
        /// The word that is not a weekday.
        case unknown(String)
        /// „werktags“: Monday to Friday or to Saturday? (In law, Saturday is a Werktag.)
        case ambiguous(String)
    }

    /// `Mo–Fr`, `Mo-Fr`, `Mo bis Fr`, `Sa, So`, `Mo, Mi, Fr`, `Di–Do, Sa`, `Montag`, `täglich`.
    /// A range may run over the weekend (`Fr–Mo`).
    public static func parseDays(_ text: String) -> Result<[Weekday], DaysProblem> {
        let original = text.trimmingSpaces
        var normalized = original
        for dash in ["–", "—", "‑", "−"] { normalized = normalized.replacingWhereWritten(dash, with: "-") }
        normalized = normalized.replacingWhereWritten(" bis ", with: "-").replacingWhereWritten(" und ", with: ",")
        let tokens = normalized.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        guard !tokens.isEmpty else { return .failure(.empty) }
        var days: Set<Weekday> = []
        for token in tokens {
            let folded = Slug.fold(token)
            if folded == "taeglich" || folded == "jeden tag" { days.formUnion(Weekday.allCases); continue }
            if folded == "werktags" || folded == "wochentags" { return .failure(.ambiguous(token)) }
            let parts = token.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            switch parts.count {
            case 1:
                guard let day = weekday(parts[0]) else { return .failure(.unknown(parts[0])) }
                days.insert(day)
            case 2:
                // An empty side („Mo–“) is shown as the editor wrote the whole text.
                guard let from = weekday(parts[0]) else { return .failure(.unknown(parts[0].isEmpty ? original : parts[0])) }
                guard let to = weekday(parts[1]) else { return .failure(.unknown(parts[1].isEmpty ? original : parts[1])) }
                var day = from
                days.insert(day)
                while day != to { day = day.next; days.insert(day) }
            default:
                return .failure(.unknown(original))
            }
        }
        return .success(days.sorted())
    }

    /// `Mo`, `Mo.`, `Montag`, `montags` (any case).
    public static func weekday(_ word: String) -> Weekday? {
        var folded = Slug.fold(word.trimmingSpaces)
        if folded.hasSuffix(".") { folded.removeLast() }
        if folded.hasSuffix("s"), folded.count > 3 { folded.removeLast() }
        for day in Weekday.allCases where folded == Slug.fold(day.abbreviation) || folded == Slug.fold(day.name) {
            return day
        }
        return nil
    }

    /// The day words the parser knows, for „Meinten Sie …?“.
    public static var dayWords: [String] { Weekday.allCases.map(\.abbreviation) + Weekday.allCases.map(\.name) }

    public enum TimeProblem: Error, Equatable {
        /// Not of the form `HH:MM`.
        case format
        /// Hour above 24 or minute above 59, or 24 with minutes.
        case outOfRange(hour: Int, minute: Int)
    }

    /// `08:00`, `8:00`, `8.00`, `08:00 Uhr`; `24:00` is the end of the day.
    public static func parseTime(_ text: String) -> Result<ClockTime, TimeProblem> {
        var trimmed = text.trimmingSpaces
        if Slug.fold(trimmed).hasSuffix(" uhr") { trimmed = String(trimmed.dropLast(4)).trimmingSpaces }
        let bytes = Array(trimmed.utf8)
        guard let separator = bytes.firstIndex(where: { $0 == 0x3A || $0 == 0x2E }),
              (1...2).contains(separator), bytes.count - separator - 1 == 2,
              bytes.enumerated().allSatisfy({ $0.offset == separator || ($0.element >= 0x30 && $0.element <= 0x39) })
        else { return .failure(.format) }
        let hour = bytes[..<separator].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let minute = bytes[(separator + 1)...].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard minute <= 59, hour <= 24, hour < 24 || minute == 0 else {
            return .failure(.outOfRange(hour: hour, minute: minute))
        }
        return .success(ClockTime(hour: hour, minute: minute))
    }

    // MARK: checks

    /// Pairs of rules (indices into `rules`) that are open at the same time on `day`, counting
    /// the part of an overnight rule that falls on the next day.
    public static func overlaps(_ rules: [OpeningHoursRule]) -> [(first: Int, second: Int, day: Weekday)] {
        var segments: [Weekday: [(start: Int, end: Int, rule: Int)]] = [:]
        for (index, rule) in rules.enumerated() {
            for day in rule.days {
                if rule.overnight {
                    segments[day, default: []].append((rule.opens.minutes, 1440, index))
                    if rule.closes.minutes > 0 { segments[day.next, default: []].append((0, rule.closes.minutes, index)) }
                } else {
                    segments[day, default: []].append((rule.opens.minutes, rule.closes.minutes, index))
                }
            }
        }
        var found: [(Int, Int, Weekday)] = []
        var seen: Set<[Int]> = []
        for day in Weekday.allCases {
            let list = segments[day] ?? []
            for i in list.indices {
                for j in list.indices where j > i && list[i].rule != list[j].rule {
                    let a = list[i], b = list[j]
                    guard a.start < b.end, b.start < a.end else { continue }
                    let pair = [min(a.rule, b.rule), max(a.rule, b.rule)]
                    if seen.insert(pair).inserted { found.append((pair[0], pair[1], day)) }
                }
            }
        }
        return found
    }

    // MARK: formatting

    /// „Mo–Fr“, „Sa, So“, „Mo, Mi, Fr“, „Mo–Mi, Fr“, „täglich“.
    public static func daysText(_ days: [Weekday]) -> String {
        let sorted = Array(Set(days)).sorted()
        if sorted.count == 7 { return "täglich" }
        var parts: [String] = []
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1].rawValue == sorted[end].rawValue + 1 { end += 1 }
            if end - index >= 2 {
                parts.append("\(sorted[index].abbreviation)–\(sorted[end].abbreviation)")
            } else {
                parts += sorted[index...end].map(\.abbreviation)
            }
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    /// „8:00–12:00 Uhr“, „22:00 Uhr bis Samstag 2:00 Uhr“ (for the rule on `day`), „rund um die Uhr“.
    public static func timeText(_ rule: OpeningHoursRule, on day: Weekday? = nil) -> String {
        if rule.opens.minutes == 0 && rule.closes.minutes == 1440 { return "rund um die Uhr" }
        if rule.overnight {
            let until = day.map { "\($0.next.name) " } ?? "zum nächsten Tag, "
            return "\(rule.opens.german) Uhr bis \(until)\(rule.closes.german) Uhr"
        }
        return "\(rule.opens.german)–\(rule.closes.german) Uhr"
    }

    /// One day of the week as the table shows it.
    public struct DayHours: Sendable, Hashable {
        public var day: Weekday
        /// One text per time span, earliest first, with its note („14:00–18:00 Uhr (nur mit Termin)“).
        public var spans: [String]
        public var isClosed: Bool { spans.isEmpty }
    }

    /// Monday to Sunday with their spans; a day without a rule is closed.
    public static func week(_ rules: [OpeningHoursRule]) -> [DayHours] {
        Weekday.allCases.map { day in
            let spans = rules.filter { $0.days.contains(day) }
                .sorted { ($0.opens, $0.closes) < ($1.opens, $1.closes) }
                .map { rule in timeText(rule, on: day) + (rule.note.map { " (\($0))" } ?? "") }
            return DayHours(day: day, spans: spans)
        }
    }

    /// One line for cards and CSV: „Mo–Fr 8:00–12:00 Uhr; Di, Do 13:00–18:00 Uhr“.
    public static func summary(_ rules: [OpeningHoursRule]) -> String {
        rules.map { rule in
            "\(daysText(rule.days)) \(timeText(rule))" + (rule.note.map { " (\($0))" } ?? "")
        }.joined(separator: "; ")
    }
}
