extension SearchText {
    /// `terms(texts.joined(separator: "\n")).sorted().joined(separator: " ")`, the terms of an
    /// index line (`SearchIndex.line(for:)`), at a fraction of the cost: worked out on bytes by
    /// `SearchTermCollector` instead of word by word as strings.
    public static func sortedTermsLine(_ texts: String...) -> String { sortedTermsLine(texts) }

    /// `sortedTermsLine` of the texts in an array.
    public static func sortedTermsLine(_ texts: [String]) -> String {
        withCollector(of: "", texts) { $0.sortedLine() }
    }

    /// `sortedTermsLine([first] + rest)` appended to `out` as bytes.
    static func appendSortedTermsLine(_ first: String, _ rest: [String], to out: inout [UInt8]) {
        withCollector(of: first, rest) { $0.appendSortedLine(to: &out) }
    }

    /// Calls `body` with a collector that has the terms of `first` (unless empty) and `rest`.
    private static func withCollector<R>(of first: String, _ rest: [String],
                                         _ body: (borrowing SearchTermCollector) -> R) -> R {
        SearchTermTables.latinFold.withUnsafeBufferPointer { latinFold in
            SearchTermTables.stopWordSlots.withUnsafeBufferPointer { stopWordSlots in
                SearchTermTables.wordClass.withUnsafeBufferPointer { wordClass in
                    var collector = SearchTermCollector(tables: .init(
                        latinFold: latinFold, stopWordSlots: stopWordSlots,
                        longestStopWord: SearchTermTables.longestStopWord, wordClass: wordClass))
                    // An empty text adds no terms (a line break between texts only ends a word).
                    if !first.isEmpty { collector.add(first) }
                    for text in rest { collector.add(text) }
                    return body(collector)
                }
            }
        }
    }
}
