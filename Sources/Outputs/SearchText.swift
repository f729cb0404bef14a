import Support

/// How the search turns German text into terms. `themes/standard/assets/js/suche.js` applies the
/// very same rules to what readers type, so both sides must change together (a test runs both on
/// the same words).
///
/// 1. Fold: lower case, umlauts written out (ä → ae, ß → ss), accents dropped; soft hyphens and
///    zero-width spaces removed, so „Älter“ and „aelter“ become the same word.
/// 2. Split into words of `a–z`, `0–9` and `-`. A hyphenated word counts as its parts and as the
///    joined word: „Pflege-Beratung“ gives `pflege`, `beratung` and `pflegeberatung`.
/// 3. Drop stop words („und“, „die“ …), one-letter words and numbers other than years and
///    postcodes (four or five digits): figures like „1.640“ split into noise.
/// 4. Stem lightly (after Savoy's German light stemmer, as in Lucene's `GermanLightStemmer`):
///    only inflection endings go (`-ern`, `-em/-en/-er/-es`, `-e`, `-s` after certain consonants;
///    then `-est`, `-er/-en`, `-st`), never derivation like `-ung`, which would merge words of
///    different meaning („Wohnung“ and „wohnen“, „Ordnung“ and „ordnen“).
public enum SearchText {
    /// Frequent German words that carry no meaning for a search, in folded form.
    public static let stopWords: [String] = [
        "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "auch", "auf", "aus", "bei",
        "beim", "bin", "bis", "bist", "da", "damit", "dann", "das", "dass", "dem", "den", "denn", "der", "des",
        "dich", "die", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "dir", "doch", "dort", "du",
        "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "etwa", "euch", "euer", "fuer",
        "hat", "hatte", "hier", "ich", "ihm", "ihn", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im", "in", "ist",
        "ja", "jede", "jedem", "jeden", "jeder", "jedes", "kann", "man", "mit", "nach", "nicht", "noch", "nur",
        "ob", "oder", "ohne", "sein", "seine", "sich", "sie", "sind", "so", "sowie", "um", "und", "uns", "unser",
        "unter", "vom", "von", "vor", "war", "waren", "was", "weil", "wenn", "wer", "werden", "wie", "wir",
        "wird", "wo", "zu", "zum", "zur",
    ]

    static let stopWordSet = Set(stopWords)

    /// Lower case, umlauts written out, accents dropped; characters that are not letters or digits
    /// become spaces (via `Slug.fold`). Soft hyphens and zero-width characters join words instead.
    public static func fold(_ text: String) -> String {
        var cleaned = text
        if text.utf8.contains(where: { $0 >= 0x80 }) {
            cleaned.unicodeScalars.removeAll { $0 == "\u{AD}" || $0 == "\u{200B}" || $0 == "\u{200C}"
                || $0 == "\u{200D}" || $0 == "\u{2060}" || $0 == "\u{FEFF}" }
        }
        return Slug.fold(cleaned)
    }

    /// Folded words of `text` in order, with hyphenated words as their parts plus the joined word
    /// (`withParts`, for the index) or as the joined word only (for a query, so that
    /// „Pflege-Beratung“ asks for `pflegeberatung` and not for „Pflege“ and „Beratung“ anywhere).
    /// Stop words are kept (the caller decides); words of one character are dropped.
    public static func words(_ text: String, withParts: Bool = true) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            defer { current.removeAll(keepingCapacity: true) }
            let parts = current.split(separator: 0x2D).filter { !$0.isEmpty }
            if withParts || parts.count == 1 {
                for part in parts where part.count > 1 { words.append(String(decoding: part, as: UTF8.self)) }
            }
            if parts.count > 1 {
                words.append(String(decoding: parts.joined(), as: UTF8.self))
            }
        }
        for byte in fold(text).utf8 {
            let isWordByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
            if isWordByte { current.append(byte) } else if !current.isEmpty { flush() }
        }
        if !current.isEmpty { flush() }
        return words
    }

    public static func isStopWord(_ folded: String) -> Bool { stopWordSet.contains(folded) }

    /// Digits only, and not four or five of them.
    static func isNoiseNumber(_ word: String) -> Bool {
        word.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && !(4...5).contains(word.utf8.count)
    }

    /// The light stem of a folded word (`aeltere` → `aelt`, `kindern` → `kind`). Words with digits
    /// stay as they are (`sgb`, `2022`).
    public static func stem(_ word: String) -> String {
        var s = Array(word.utf8)
        guard s.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        s.removeLast(s.count - step1(s))
        s.removeLast(s.count - step2(s))
        return String(decoding: s, as: UTF8.self)
    }

    /// Unique search terms of `text` (folded, no stop words, stemmed), in order of first use.
    public static func terms(_ text: String) -> [String] { terms(words(text)) }

    /// What the script searches for when a reader types `query`: like `terms`, but hyphenated
    /// words only joined. Stop words are not in the index, so they are dropped here too.
    public static func queryTerms(_ query: String) -> [String] { terms(words(query, withParts: false)) }

    private static func terms(_ words: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for word in words where !isStopWord(word) && !isNoiseNumber(word) {
            let term = stem(word)
            if term.utf8.count > 1, seen.insert(term).inserted { result.append(term) }
        }
        return result
    }

    // MARK: stemming steps (byte arrays of a–z)

    private static let e = UInt8(ascii: "e"), n = UInt8(ascii: "n"), r = UInt8(ascii: "r"),
                       s = UInt8(ascii: "s"), t = UInt8(ascii: "t"), m = UInt8(ascii: "m")

    /// Consonants after which a final `s` (or `st`) is an ending: b d f g h k l m n t.
    private static func stEnding(_ byte: UInt8) -> Bool { "bdfghklmnt".utf8.contains(byte) }

    private static func step1(_ w: [UInt8]) -> Int {
        let count = w.count
        if count > 5, w[count - 3] == e, w[count - 2] == r, w[count - 1] == n { return count - 3 }
        if count > 4, w[count - 2] == e, [m, n, r, s].contains(w[count - 1]) { return count - 2 }
        if count > 3, w[count - 1] == e { return count - 1 }
        if count > 3, w[count - 1] == s, stEnding(w[count - 2]) { return count - 1 }
        return count
    }

    private static func step2(_ w: [UInt8]) -> Int {
        let count = w.count
        if count > 5, w[count - 3] == e, w[count - 2] == s, w[count - 1] == t { return count - 3 }
        if count > 4, w[count - 2] == e, w[count - 1] == r || w[count - 1] == n { return count - 2 }
        if count > 4, w[count - 2] == s, w[count - 1] == t, stEnding(w[count - 3]) { return count - 2 }
        return count
    }
}
