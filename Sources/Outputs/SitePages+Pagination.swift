extension SitePages {
    /// WordPress-style page numbers: `/`, `/page/2/`, `/tag/x/`, `/tag/x/page/2/`.
    enum Pagination {
        /// Page 1 is the list's own URL; there is no `/page/1/`.
        static func url(base: String, page: Int) -> String {
            page <= 1 ? base : base + "page/\(page)/"
        }

        /// Index ranges of the pages; always at least one page, so an empty list still has its page.
        static func pages(count: Int, perPage: Int) -> [Range<Int>] {
            let size = max(1, perPage)
            guard count > 0 else { return [0..<0] }
            return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
        }

        /// The pagination block, or false when there is only one page.
        static func context(base: String, current: Int, total: Int) -> Any {
            guard total > 1 else { return false }
            var numbers: [[String: Any]] = []
            var previousShown = 0
            for number in 1...total where shows(number, current: current, total: total) {
                if number > previousShown + 1 { numbers.append(["gap": true, "current": false]) }
                numbers.append(["number": number, "url": url(base: base, page: number),
                                "current": number == current, "gap": false])
                previousShown = number
            }
            return [
                "text": "Seite \(current) von \(total)",
                "current": current,
                "total": total,
                "previous": current > 1 ? ["url": url(base: base, page: current - 1)] : false,
                "next": current < total ? ["url": url(base: base, page: current + 1)] : false,
                "numbers": numbers,
            ] as [String: Any]
        }

        /// First, last, and the current page with its neighbours; the rest collapses into „…“.
        static func shows(_ number: Int, current: Int, total: Int) -> Bool {
            total <= 7 || number == 1 || number == total || abs(number - current) <= 1
        }

        /// " – Seite 2 von 3" for titles of later pages.
        static func titleSuffix(current: Int, total: Int) -> String {
            current > 1 ? " – Seite \(current) von \(total)" : ""
        }
    }
}
