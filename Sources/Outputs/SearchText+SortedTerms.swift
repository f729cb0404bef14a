extension SearchText {
    /// `terms(texts.joined(separator: "\n")).sorted().joined(separator: " ")`, the terms of an
    /// index line (`SearchIndex.line(for:)`), at a fraction of the cost: worked out on bytes by
    /// `SearchTermCollector` instead of word by word as strings.
    public static func sortedTermsLine(_ texts: String...) -> String { sortedTermsLine(texts) }

    /// `sortedTermsLine` of the texts in an array.
    public static func sortedTermsLine(_ texts: [String]) -> String {
        SearchTermTables.latinFold.withUnsafeBufferPointer { latinFold in
            SearchTermTables.stopWordSlots.withUnsafeBufferPointer { stopWordSlots in
                SearchTermTables.wordClass.withUnsafeBufferPointer { wordClass in
                    var collector = SearchTermCollector(tables: .init(
                        latinFold: latinFold, stopWordSlots: stopWordSlots,
                        longestStopWord: SearchTermTables.longestStopWord, wordClass: wordClass))
                    for text in texts { collector.add(text) }
                    return collector.sortedLine()
                }
            }
        }
    }
}
