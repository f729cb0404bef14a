import Content
import Testing

@Suite("Angebote: opening hours")
struct AngebotOpeningHoursTests {
    let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    @Test(arguments: [
        ("Mo–Fr", [1, 2, 3, 4, 5]), ("Mo-Fr", [1, 2, 3, 4, 5]), ("Mo bis Fr", [1, 2, 3, 4, 5]),
        ("Sa, So", [6, 7]), ("Mo, Mi, Fr", [1, 3, 5]), ("Di–Do, Sa", [2, 3, 4, 6]), ("Montag", [1]),
        ("mittwochs", [3]), ("Mo. und Do.", [1, 4]), ("täglich", [1, 2, 3, 4, 5, 6, 7]), ("Fr–Mo", [1, 5, 6, 7]),
        ("So", [7]), ("Do – Sa", [4, 5, 6]),
    ])
    func daysAreParsed(text: String, expected: [Int]) throws {
        let days = try OpeningHours.parseDays(text).get()
        #expect(days.map(\.rawValue) == expected)
    }

    @Test func badDaysSayWhy() {
        #expect(OpeningHours.parseDays("Mx–Fr") == .failure(.unknown("Mx")))
        #expect(OpeningHours.parseDays("Mo–") == .failure(.unknown("Mo–")))
        #expect(OpeningHours.parseDays(" , ") == .failure(.empty))
        #expect(OpeningHours.parseDays("werktags") == .failure(.ambiguous("werktags")))
        #expect(OpeningHours.parseDays("Mo–Di–Mi") == .failure(.unknown("Mo–Di–Mi")))
    }

    @Test func timesAreParsedStrictly() throws {
        #expect(try OpeningHours.parseTime("08:00").get() == ClockTime(hour: 8))
        #expect(try OpeningHours.parseTime("8:30").get() == ClockTime(hour: 8, minute: 30))
        #expect(try OpeningHours.parseTime("8.30 Uhr").get() == ClockTime(hour: 8, minute: 30))
        #expect(try OpeningHours.parseTime("24:00").get().minutes == 1440)
        #expect(try OpeningHours.parseTime("00:00").get().minutes == 0)
        #expect(OpeningHours.parseTime("25:00") == .failure(.outOfRange(hour: 25, minute: 0)))
        #expect(OpeningHours.parseTime("24:30") == .failure(.outOfRange(hour: 24, minute: 30)))
        #expect(OpeningHours.parseTime("10:60") == .failure(.outOfRange(hour: 10, minute: 60)))
        for bad in ["8", "8 Uhr", "800", "08:0", "008:00", "ab 8", "", "8:00:00", "-1:00"] {
            #expect(OpeningHours.parseTime(bad) == .failure(.format), "\(bad)")
        }
    }

    @Test func daysAreWrittenCompactly() {
        #expect(OpeningHours.daysText(weekdays) == "Mo–Fr")
        #expect(OpeningHours.daysText([.saturday, .sunday]) == "Sa, So")
        #expect(OpeningHours.daysText([.monday, .wednesday, .friday]) == "Mo, Mi, Fr")
        #expect(OpeningHours.daysText([.friday, .monday, .tuesday, .wednesday]) == "Mo–Mi, Fr")
        #expect(OpeningHours.daysText(Weekday.allCases) == "täglich")
    }

    @Test func weekTableHasEveryDayWithSpansInOrder() {
        let rules = [
            OpeningHoursRule(days: [.tuesday, .thursday], opens: ClockTime(hour: 13), closes: ClockTime(hour: 18),
                             note: "nur mit Termin"),
            OpeningHoursRule(days: weekdays, opens: ClockTime(hour: 8), closes: ClockTime(hour: 12)),
            OpeningHoursRule(days: [.friday], opens: ClockTime(hour: 22), closes: ClockTime(hour: 2), overnight: true),
            OpeningHoursRule(days: [.sunday], opens: ClockTime(minutes: 0), closes: ClockTime(minutes: 1440)),
        ]
        let week = OpeningHours.week(rules)
        #expect(week.map(\.day) == Weekday.allCases)
        #expect(week[0].spans == ["8:00–12:00 Uhr"])
        #expect(week[1].spans == ["8:00–12:00 Uhr", "13:00–18:00 Uhr (nur mit Termin)"])
        #expect(week[4].spans == ["8:00–12:00 Uhr", "22:00 Uhr bis Samstag 2:00 Uhr"])
        #expect(week[5].isClosed)
        #expect(week[6].spans == ["rund um die Uhr"])
        #expect(OpeningHours.summary(rules) == "Di, Do 13:00–18:00 Uhr (nur mit Termin); Mo–Fr 8:00–12:00 Uhr; "
                + "Fr 22:00 Uhr bis zum nächsten Tag, 2:00 Uhr; So rund um die Uhr")
    }

    @Test func overlapsCountTheNightAfterAnOvernightRule() {
        let night = OpeningHoursRule(days: [.friday], opens: ClockTime(hour: 22), closes: ClockTime(hour: 2), overnight: true)
        let saturdayMorning = OpeningHoursRule(days: [.saturday], opens: ClockTime(hour: 1), closes: ClockTime(hour: 3))
        let saturdayLater = OpeningHoursRule(days: [.saturday], opens: ClockTime(hour: 2), closes: ClockTime(hour: 3))
        let found = OpeningHours.overlaps([night, saturdayMorning, saturdayLater])
        #expect(found.map { [$0.first, $0.second] } == [[0, 1], [1, 2]])
        #expect(found.first?.day == .saturday)
        // Touching spans (12:00 end, 12:00 start) do not overlap.
        let a = OpeningHoursRule(days: [.monday], opens: ClockTime(hour: 8), closes: ClockTime(hour: 12))
        let b = OpeningHoursRule(days: [.monday], opens: ClockTime(hour: 12), closes: ClockTime(hour: 14))
        #expect(OpeningHours.overlaps([a, b]).isEmpty)
    }

    @Test func weekdayCodes() {
        #expect(Weekday.monday.iCalendar == "MO" && Weekday.sunday.iCalendar == "SU")
        #expect(Weekday.thursday.schemaOrg == "https://schema.org/Thursday")
        #expect(Weekday.sunday.next == .monday)
        #expect(ClockTime(hour: 8, minute: 5).iso == "08:05" && ClockTime(hour: 8, minute: 5).german == "8:05")
    }
}
