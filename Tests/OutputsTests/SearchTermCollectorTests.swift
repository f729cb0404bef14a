import Testing
@testable import Outputs

/// The index's byte-level terms (`SearchText.sortedTermsLine`, `SearchTermCollector`) against the
/// reference rules of `SearchText`, which `suche.js` mirrors: same terms, same bytes.
@Suite struct SearchTermCollectorTests {
    /// What the index held before the fast path, and still must.
    static func reference(_ text: String) -> String { SearchText.terms(text).sorted().joined(separator: " ") }

    @Test func equalsTheReferenceOnGeneratedTexts() {
        var samples = SearchTextSamples(seed: 20240611)
        var checked = 0, withTerms = 0
        for round in 0..<1500 {
            let text = samples.text(maxTokens: round % 10 == 0 ? 400 : 60)
            let expected = Self.reference(text)
            #expect(SearchText.sortedTermsLine(text) == expected, "\(text.debugDescription)")
            checked += 1
            if !expected.isEmpty { withTerms += 1 }
        }
        // The generator must not have produced only texts without terms.
        #expect(checked == 1500 && withTerms > 1200)
    }

    /// Words of nine to sixteen bytes met again are skipped by their bytes (`recentLongWords`):
    /// repeats, words that share their first or last eight bytes, lengths around the limits,
    /// words with digits and hyphens, and many different ones (which push each other out).
    @Test func repeatedLongWordsGiveTheirTermsOnce() {
        let words = ["Sozialplanung", "Sozialplanungen", "Sozialplanungsbericht", "Sozialpla", "Sozialplan",
                     "abcdefgh", "abcdefghi", "abcdefghij", "xbcdefghij", "abcdefghijklmnop", "abcdefghijklmnopq",
                     "Bundesländer", "Bundeslaender", "Unterstützung", "Unterstützungen", "sgb2sgb2sgb2", "2022202220",
                     "Pflege-Beratungen", "Pflegeberatungen", "Straßenbahnen", "STRASSENBAHNEN", "Ärztinnen-Treffen"]
        var samples = SearchTextSamples(seed: 99)
        for round in 0..<200 {
            var text = ""
            for _ in 0..<(round % 7 == 0 ? 3000 : 80) {
                let word = Int.random(in: 0..<3, using: &samples.generator) == 0
                    ? samples.text(maxTokens: 1) : words[Int.random(in: 0..<words.count, using: &samples.generator)]
                text += word + (Int.random(in: 0..<5, using: &samples.generator) == 0 ? "\n" : " ")
            }
            #expect(SearchText.sortedTermsLine(text) == Self.reference(text), "\(text.debugDescription)")
        }
        // Many different long words in a row, then the first again.
        let many = (0..<5000).map { "langeswort\($0)" }.joined(separator: " ") + " langeswort0 langeswort4999"
        #expect(SearchText.sortedTermsLine(many) == Self.reference(many))
    }

    @Test func partsCountAsLinesOfOneText() {
        var samples = SearchTextSamples(seed: 7)
        for _ in 0..<300 {
            let parts = (0..<Int.random(in: 1...4, using: &samples.generator)).map { _ in samples.text(maxTokens: 30) }
            #expect(SearchText.sortedTermsLine(parts) == Self.reference(parts.joined(separator: "\n")), "\(parts)")
        }
        #expect(SearchText.sortedTermsLine("Pflege-", "Beratung") == Self.reference("Pflege-\nBeratung"))
        // A soft hyphen at the end of one part does not join it with the next.
        #expect(SearchText.sortedTermsLine("Pflege\u{AD}", "beratung") == "beratung pfleg")
    }

    @Test(arguments: [
        "", " ", "\n\r\n\t", "a", "ab", "die", "Die und der", "x-y", "-", "--", "a-b", "-ab-", "ab--cd", "ab-c-de",
        "Pflege-Beratung", "Hartz-IV-Empfänger", "E-Mail", "1", "12", "123", "2022", "09599", "123456", "1.640",
        "sgb2", "2sgb", "Straße ẞ STRASSE", "Pflege\u{AD}beratung", "Sozial\u{200B}planung", "e\u{301}cole",
        "😀Pflege😀", "Kinder\r\nKindern", "Sozialplanung Sozialplanungen Sozialplanungsbericht Sozialpl",
    ])
    func equalsTheReferenceOnEdgeCases(text: String) {
        #expect(SearchText.sortedTermsLine(text) == Self.reference(text))
    }

    @Test func growsPastItsFirstBuffersAndSortsLongSharedPrefixes() {
        // More unique terms and bytes than the first table and arena hold, many sharing their
        // first eight bytes, which the sort keys cannot tell apart.
        var words: [String] = []
        for i in 0..<3000 {
            words.append("sozialplanungsbericht\(i)")
            words.append("Landkreisverwaltung\(String(i, radix: 26).uppercased())x")
            words.append("w\(i)")
        }
        let text = words.reversed().joined(separator: " ")
        #expect(SearchText.sortedTermsLine(text) == Self.reference(text))
    }

    @Test func sortsMoreTermsThanItsKeysCanNumber() {
        // Over 65,536 unique terms: the sort falls back to comparing terms.
        let text = (0..<70_000).map { "t\(($0 * 7919) % 70_000)" }.joined(separator: " ")
        let line = SearchText.sortedTermsLine(text)
        #expect(line == (0..<70_000).map { "t\($0)" }.sorted().joined(separator: " "))
    }

    @Test func wordsMetAgainGiveTheSameTerms() {
        // Words met again: repeated in one text and across parts, hyphenated words and their
        // parts on their own, stop words, numbers, long words and one letter.
        let words = ["Pflege-Beratung", "Pflege", "beratung", "-ab-", "ab", "und", "Und", "2022", "123", "x",
                     "Sozialplanungsberichte", "Sozialplanungsbericht", "Kinder", "Kindern", "Ä-ä", "ae-ae", "aeae"]
        var samples = SearchTextSamples(seed: 99)
        for _ in 0..<200 {
            let count = Int.random(in: 1...40, using: &samples.generator)
            let text = (0..<count).map { _ in words.randomElement(using: &samples.generator)! }.joined(separator: " ")
            let parts = text.split(separator: " ", maxSplits: 3).map(String.init)
            #expect(SearchText.sortedTermsLine(text) == Self.reference(text), "\(text)")
            #expect(SearchText.sortedTermsLine(parts) == Self.reference(parts.joined(separator: "\n")), "\(parts)")
        }
    }

    @Test func shortWordsMetAgainAfterOthersTookTheirPlace() {
        // More distinct short words than the collector remembers, each met again after many
        // others: of exactly eight bytes and of nine (not remembered), long ones sharing their first
        // eight bytes, stop words and numbers.
        var words: [String] = []
        for i in 0..<3000 {
            words.append(String(i * 7919 % 100_000, radix: 26).uppercased() + "x")
            words.append("abcdefg\(i % 10)")
            words.append("abcdefgh\(i % 10)")
        }
        for i in 0..<500 {
            // Sixteen bytes and seventeen, sharing their first eight.
            words.append("sozialpl\(String(i, radix: 26).uppercased())anung".padding(toLength: 16, withPad: "e", startingAt: 0))
            words.append("sozialpl\(String(i, radix: 26).uppercased())anung".padding(toLength: 17, withPad: "e", startingAt: 0))
        }
        words += ["und", "die", "12", "2022", "09599", "ab", "Ä", "Kinder", "Kindern", "sozialplanungen", "sozialplanung"]
        var samples = SearchTextSamples(seed: 3)
        let text = (words + words.shuffled(using: &samples.generator) + words.reversed()).joined(separator: " ")
        #expect(SearchText.sortedTermsLine(text) == Self.reference(text))
    }

    @Test func keepsVeryLongWords() {
        let long = String(repeating: "abcdefghij", count: 7000)
        let text = "\(long) \(long)e \(long)x \(long)"
        #expect(SearchText.sortedTermsLine(text) == Self.reference(text))
    }

    @Test func foldsEveryScalarLikeTheReference() {
        // All scalars, a block at a time, with letters around so that joining characters show.
        var block = "", count = 0
        func check() {
            let text = "A" + block + "Z"
            #expect(SearchTermCollector.folded(text) == SearchText.fold(text), "\(text.unicodeScalars.first!.value)")
            block = ""
            count = 0
        }
        for value in 0...0x10FFFF as ClosedRange<UInt32> {
            guard let scalar = Unicode.Scalar(value) else { continue }
            block.unicodeScalars.append(scalar)
            block += "x"
            count += 1
            if count == 4096 { check() }
        }
        check()
        #expect(SearchTermCollector.folded("") == "")
        #expect(SearchTermCollector.folded("ÄÖÜ äöü ß Straße ABCxyz") == "aeoeue aeoeue ss strasse abcxyz")
    }

    @Test func stemCountIsTheReferenceStemLength() {
        var samples = SearchTextSamples(seed: 99)
        var words = ["kinder", "kindern", "aelteste", "groesstes", "lebst", "bus", "prozess", "haeuser", "erne", "ern"]
        for _ in 0..<2000 {
            let word = String(String.UnicodeScalarView(samples.randomWord().unicodeScalars.filter { $0.value < 0x80 }))
                .lowercased()
            if !word.isEmpty { words.append(word + samples.pick(["", "e", "en", "er", "ern", "es", "s", "st", "est", "em"])) }
        }
        for word in words {
            let count = Array(word.utf8).withUnsafeBufferPointer {
                SearchTermCollector.stemCount($0.baseAddress!, count: $0.count)
            }
            #expect(String(word.prefix(count)) == SearchText.stem(word), "\(word)")
        }
    }

    @Test func sortKeysOrderLikeTheTermsTheyStartWith() {
        // Up to eight bytes of a–z and 0–9, little-endian with zeros after the end, as the collector reads them.
        func packed(_ term: String) -> UInt64 {
            term.utf8.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        }
        var samples = SearchTextSamples(seed: 3)
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        var terms = ["", "0", "9", "a", "z", "a0", "az", "za", "zzzzzzzz", "00000000", "abcdefgh", "abcdefg"]
        for _ in 0..<500 {
            terms.append(String((0..<Int.random(in: 1...8, using: &samples.generator)).map { _ in samples.pick(alphabet) }))
        }
        for a in terms {
            for b in terms.prefix(60) {
                #expect((SearchTermCollector.sortKey(packed(a)) < SearchTermCollector.sortKey(packed(b))) == (a < b), "\(a) \(b)")
            }
        }
    }

    @Test func tablesComeFromTheRules() {
        // Every stop word fits the packed table (at most eight bytes of a–z).
        #expect(SearchTermTables.longestStopWord <= 8)
        #expect(SearchText.stopWords.allSatisfy { $0.utf8.allSatisfy { (0x61...0x7A).contains($0) } })
        let filled = SearchTermTables.stopWordSlots.filter { $0 != 0 }.count
        #expect(filled == Set(SearchText.stopWords).count)
        for stopWord in SearchText.stopWords {
            #expect(SearchText.sortedTermsLine(stopWord) == "", "\(stopWord)")
            #expect(SearchText.sortedTermsLine(stopWord + "x") == Self.reference(stopWord + "x"))
        }
    }
}
