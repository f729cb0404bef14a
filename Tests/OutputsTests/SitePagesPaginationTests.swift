@testable import Outputs
import Testing

/// `Pagination.Parts` makes a list's number entries once and picks five candidates per page
/// instead of asking `shows` about every page: here it must give the block the rule written out
/// gives (every page number asked, every entry made anew), also for pages outside the list.
struct SitePagesPaginationTests {
    /// The block as it was built before `Parts`: one pass over all page numbers.
    func reference(base: String, current: Int, total: Int) -> Any {
        guard total > 1 else { return false }
        var numbers: [[String: Any]] = []
        var previousShown = 0
        for number in 1...total where SitePages.Pagination.shows(number, current: current, total: total) {
            if number > previousShown + 1 { numbers.append(["gap": true, "current": false]) }
            numbers.append(["number": number, "url": SitePages.Pagination.url(base: base, page: number),
                            "current": number == current, "gap": false])
            previousShown = number
        }
        return [
            "text": "Seite \(current) von \(total)",
            "current": current,
            "total": total,
            "previous": current > 1 ? ["url": SitePages.Pagination.url(base: base, page: current - 1)] : false,
            "next": current < total ? ["url": SitePages.Pagination.url(base: base, page: current + 1)] : false,
            "numbers": numbers,
        ] as [String: Any]
    }

    /// A context as text with sorted keys, so two of them compare as values.
    func text(_ value: Any) -> String {
        switch value {
        case let dictionary as [String: Any]:
            return "{" + dictionary.keys.sorted().map { "\($0): \(text(dictionary[$0]!))" }.joined(separator: ", ") + "}"
        case let array as [[String: Any]]:
            return "[" + array.map(text).joined(separator: ", ") + "]"
        case let bool as Bool:
            return "bool(\(bool))"
        case let number as Int:
            return "int(\(number))"
        case let string as String:
            return "string(\(string))"
        default:
            return "other(\(value))"
        }
    }

    @Test(arguments: [1, 2, 3, 6, 7, 8, 9, 12, 40, 1_000])
    func sameBlockAsTheRuleWrittenOut(total: Int) {
        for base in ["/", "/tag/äpfel-&-birnen/"] {
            let parts = SitePages.Pagination.Parts(base: base, total: total)
            let currents = Array(-1...min(total + 3, 14)) + [total - 2, total - 1, total, total + 1, total + 2]
            for current in currents {
                let expected = text(reference(base: base, current: current, total: total))
                #expect(text(parts.context(current: current)) == expected, "total \(total), current \(current)")
                #expect(text(SitePages.Pagination.context(base: base, current: current, total: total)) == expected)
            }
        }
    }

    @Test func entriesOfOtherPagesAreSharedNotRebuilt() throws {
        let parts = SitePages.Pagination.Parts(base: "/", total: 12)
        let third = try #require(parts.context(current: 3) as? [String: Any])
        let numbers = try #require(third["numbers"] as? [[String: Any]])
        // 1, 2, [3], 4, …, 12: page 3 is the current one, the others link.
        #expect(numbers.map { $0["current"] as? Bool } == [false, false, true, false, false, false])
        #expect(numbers.map { $0["gap"] as? Bool } == [false, false, false, false, true, false])
        #expect(numbers[1]["url"] as? String == "/page/2/")
        #expect((third["previous"] as? [String: Any])?["url"] as? String == "/page/2/")
        #expect((third["next"] as? [String: Any])?["url"] as? String == "/page/4/")
    }
}
