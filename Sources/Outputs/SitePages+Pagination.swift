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
            Parts(base: base, total: total).context(current: current)
        }

        /// The entries of one list's pagination blocks, made once for all its pages: a page
        /// shows up to nine numbers and two steps, and the start page list alone has a thousand
        /// pages. An entry that is not the current page is the same on every page of the list.
        struct Parts {
            let base: String
            let total: Int
            /// Page `n`'s number entry when it is not the current page, at `n - 1`.
            private let numbers: [[String: Any]]
            /// `{url}` of page `n` for „Vorherige/Nächste Seite“, at `n - 1`.
            private let steps: [[String: Any]]
            private let gap: [String: Any] = ["gap": true, "current": false]

            init(base: String, total: Int) {
                self.base = base
                self.total = total
                let pages = total > 1 ? Array(1...total) : []
                numbers = pages.map { Self.number($0, url: Pagination.url(base: base, page: $0), current: false) }
                steps = pages.map { ["url": Pagination.url(base: base, page: $0)] }
            }

            private static func number(_ number: Int, url: String, current: Bool) -> [String: Any] {
                ["number": number, "url": url, "current": current, "gap": false]
            }

            private func step(_ page: Int) -> [String: Any] {
                (1...total).contains(page) ? steps[page - 1] : ["url": url(base: base, page: page)]
            }

            /// The block of page `current`, or false when there is only one page.
            func context(current: Int) -> Any {
                guard total > 1 else { return false }
                // The numbers `shows` picks, without asking it about every page of a long list.
                let candidates = total <= 7 ? Array(1...total) : [1, current - 1, current, current + 1, total]
                var entries: [[String: Any]] = []
                entries.reserveCapacity(candidates.count + 2)
                var previousShown = 0
                for number in candidates where number > previousShown && number >= 1 && number <= total
                    && shows(number, current: current, total: total) {
                    if number > previousShown + 1 { entries.append(gap) }
                    entries.append(number == current
                        ? Self.number(number, url: url(base: base, page: number), current: true) : numbers[number - 1])
                    previousShown = number
                }
                return [
                    "text": "Seite \(current) von \(total)",
                    "current": current,
                    "total": total,
                    "previous": current > 1 ? step(current - 1) : false,
                    "next": current < total ? step(current + 1) : false,
                    "numbers": entries,
                ] as [String: Any]
            }
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
