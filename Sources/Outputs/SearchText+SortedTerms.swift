extension SearchText {
    /// `terms(texts.joined(separator: "\n")).sorted().joined(separator: " ")`, the terms of an
    /// index line (`SearchIndex.line(for:)`), at a fraction of the cost: worked out on bytes by
    /// `SearchTermCollector` instead of word by word as strings.
    public static func sortedTermsLine(_ texts: String...) -> String { sortedTermsLine(texts) }

    /// `sortedTermsLine(texts)`'s bytes appended to `out`, with room for `extra` bytes after them.
    static func appendSortedTermsLine(_ texts: [String], to out: inout [UInt8], reservingExtra extra: Int = 0) {
        withCollector(of: texts) { $0.appendSortedLine(to: &out, reservingExtra: extra) }
    }

    /// `sortedTermsLine` of the texts in an array.
    public static func sortedTermsLine(_ texts: [String]) -> String {
        withCollector(of: texts) { $0.sortedLine() }
    }

    /// Calls `body` with a collector that holds the terms of `texts`.
    private static func withCollector<Result>(of texts: [String], _ body: (borrowing SearchTermCollector) -> Result) -> Result {
        SearchTermTables.latinFold.withUnsafeBufferPointer { latinFold in
            SearchTermTables.stopWordSlots.withUnsafeBufferPointer { stopWordSlots in
                SearchTermTables.wordClass.withUnsafeBufferPointer { wordClass in
                    var collector = SearchTermCollector(tables: .init(
                        latinFold: latinFold, stopWordSlots: stopWordSlots,
                        longestStopWord: SearchTermTables.longestStopWord, wordClass: wordClass))
                    for text in texts { collector.add(text) }
                    return body(collector)
                }
            }
        }
    }
}
