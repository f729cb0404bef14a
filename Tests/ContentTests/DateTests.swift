import Content
import Foundation
import Support
import Testing

@Suite("Dates in front matter")
struct DateTests {
    /// (as written, the instant in UTC worked out by hand from Berlin's offset on that day).
    static let forms: [(String, String)] = [
        ("2022-04-26", "2022-04-25T22:00:00Z"),                 // midnight, summer time (+2)
        ("2022-01-15", "2022-01-14T23:00:00Z"),                 // midnight, winter time (+1)
        ("2022-04-26 09:30", "2022-04-26T07:30:00Z"),
        ("2022-01-15 09:30", "2022-01-15T08:30:00Z"),
        ("2022-04-26T09:30:00", "2022-04-26T07:30:00Z"),
        ("2022-04-26T09:30:00+02:00", "2022-04-26T07:30:00Z"),
        ("2022-04-26T09:30:00Z", "2022-04-26T09:30:00Z"),
        ("\"2022-04-26 09:30:00 +0200\"", "2022-04-26T07:30:00Z"),
        ("2022-03-27 03:30", "2022-03-27T01:30:00Z"),           // just after the spring change
        ("2022-10-30 03:30", "2022-10-30T02:30:00Z"),           // just after the autumn change
    ]

    @Test(arguments: forms)
    func dateForms(_ written: String, _ expected: String) throws {
        let yaml = "---\ntitle: A\ndate: \(written)\nhandlungsfelder: [arbeit]\n---\n"
        let (post, diagnostics) = PostDecoder.decode(bytes: Array(yaml.utf8), path: "a.md",
                                                     handlungsfelder: DefaultHandlungsfelder.slugs)
        #expect(diagnostics.isEmpty, "\(diagnostics.report)")
        #expect(try #require(post).date == utc(expected))
    }

    @Test func urlUsesTheBerlinMonth() throws {
        // 23:30 UTC on 30 April is already 1 May in Berlin.
        let yaml = "---\ntitle: Mai\ndate: 2022-04-30T23:30:00Z\nhandlungsfelder: [arbeit]\n---\n"
        let (post, _) = PostDecoder.decode(bytes: Array(yaml.utf8), path: "a.md",
                                           handlungsfelder: DefaultHandlungsfelder.slugs)
        #expect(try #require(post).url == "/2022/05/mai/")
    }

    @Test func timeInTheSpringGapMovesForwardWithAWarning() throws {
        let (post, diagnostics) = Fixture.post("dst-gap.md")
        #expect(diagnostics.codes == ["nonexistent-time"])
        let d = expectDiagnostic(diagnostics, "nonexistent-time", file: "content/beitraege/dst-gap.md",
                                 line: 3, column: 7, hint: "03:00", severity: .warning)
        #expect(d?.message.contains("03:30") == true)
        #expect(try #require(post).date == utc("2022-03-27T01:30:00Z"))
    }

    @Test func repeatedAutumnTimeTakesSummerTimeWithAWarning() throws {
        let (post, diagnostics) = Fixture.post("dst-ambiguous.md")
        #expect(diagnostics.codes == ["ambiguous-time"])
        expectDiagnostic(diagnostics, "ambiguous-time", file: "content/beitraege/dst-ambiguous.md",
                         line: 3, column: 7, hint: "2022-10-30T02:30:00+01:00", severity: .warning)
        #expect(try #require(post).date == utc("2022-10-30T00:30:00Z"))
    }

    @Test func explicitOffsetOnTheAutumnDayIsNotAmbiguous() throws {
        let yaml = "---\ntitle: A\ndate: 2022-10-30T02:30:00+01:00\nhandlungsfelder: [arbeit]\n---\n"
        let (post, diagnostics) = PostDecoder.decode(bytes: Array(yaml.utf8), path: "a.md",
                                                     handlungsfelder: DefaultHandlungsfelder.slugs)
        #expect(diagnostics.isEmpty)
        #expect(try #require(post).date == utc("2022-10-30T01:30:00Z"))
    }

    @Test(arguments: ["2022-02-30", "2022-04-26 25:00", "gestern", "2022/04/26", "26. April 2022"])
    func unreadableDatesAreErrors(_ written: String) {
        let yaml = "---\ntitle: A\ndate: \(written)\nhandlungsfelder: [arbeit]\n---\n"
        let (post, diagnostics) = PostDecoder.decode(bytes: Array(yaml.utf8), path: "a.md",
                                                     handlungsfelder: DefaultHandlungsfelder.slugs)
        #expect(post == nil)
        expectDiagnostic(diagnostics, "invalid-date", file: "a.md", line: 3, column: 7, hint: "2022-04-26")
    }

    @Test func updatedBeforeDateIsAWarning() {
        let yaml = "---\ntitle: A\ndate: 2022-05-03\nupdated: 2022-05-01\nhandlungsfelder: [arbeit]\n---\n"
        let (_, diagnostics) = PostDecoder.decode(bytes: Array(yaml.utf8), path: "a.md",
                                                  handlungsfelder: DefaultHandlungsfelder.slugs)
        expectDiagnostic(diagnostics, "updated-before-date", file: "a.md", line: 4, column: 10, severity: .warning)
    }
}
