import Outputs

/// Texts for differential tests of the search's byte-level fast paths against their reference
/// implementations: German words and their awkward neighbours (umlauts, ß, accents, hyphens,
/// soft hyphens, zero-width characters, digits, stop words, one-letter words, line breaks,
/// emoji, combining marks). Seeded, so every run checks the same texts.
struct SearchTextSamples {
    /// SplitMix64.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let words = [
        "Pflege", "Beratung", "Pflegeberatung", "Älter", "ältesten", "Ältere", "aelter", "Straße", "STRASSE", "ẞ",
        "GRÖSSE", "Übersicht", "Café", "Mañana", "Kindern", "Kinder", "Menschen", "Familien", "Familie", "Jahres",
        "Senioren", "Wohnung", "wohnen", "Landkreis", "Sozialplanung", "Sozialplanungen", "Sozialplanerin",
        "Sozialpl", "Sozialplanungsbericht", "Sozialplanungsberichte", "Ehrenamt", "Œuvre", "Łódź", "Ærø", "naïve",
        "São", "Döbeln", "Mittweida", "Freiberg", "sgb2", "SGB", "Hartz", "IV", "x", "a", "I", "ü", "ß", "é",
        "groesstes", "bus", "haus", "prozess", "kreis", "wissen", "bestes", "lerntest", "kleinste", "ABC", "abc",
        "Ordnung", "ordnen", "lebst", "hältst", "Gründe", "zweimal", "Tabelle", "Sozialregion", "Südost",
        "Ţară", "Ńń", "Řeka", "Šlesien", "Żółć", "Ýdalir", "ÿ", "Ìsola", "Ûber", "Ůsek", "þorn", "Ðoð",
    ]

    static let oddities = [
        "😀", "👩\u{200D}👩\u{200D}👧", "🇩🇪", "e\u{301}", "a\u{308}", "Ωμέγα", "Привет", "社会", "\u{FB01}x",
        "Ａ", "\u{A0}", "\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{301}", "€", "§",
        "²", "½", "µ", "ı", "ĳ", "ŉ", "ſ", "Ŋ", "\u{2028}", "\u{1E9E}", "\u{0}", "\u{7F}", "\u{1F}",
    ]

    static let separators = [
        " ", " ", " ", " ", "  ", "\n", "\r\n", "\r", "\t", ", ", ". ", " „", "“ ", " – ", "…", "/", "(", ")",
        ": ", "\u{A0}", "", "-", "--", " -", "- ", "'", "\"", "&", "<", "+",
    ]

    var generator: Generator

    init(seed: UInt64) { generator = Generator(state: seed) }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &generator)] }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &generator) < percent }

    mutating func number() -> String {
        let length = Int.random(in: 1...7, using: &generator)
        return String((0..<length).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }

    /// Letters, some of them umlauts and accents, some upper case.
    mutating func randomWord() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzäöüßéèñçøæœłšžABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")
        let length = Int.random(in: 1...20, using: &generator)
        return String((0..<length).map { _ in pick(letters) })
    }

    /// `word` with a soft hyphen or zero-width character somewhere inside.
    mutating func broken(_ word: String) -> String {
        guard word.count > 1 else { return word }
        var characters = Array(word)
        characters.insert(Character(pick(["\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"])),
                          at: Int.random(in: 1..<characters.count, using: &generator))
        return String(characters)
    }

    mutating func token() -> String {
        var token: String
        switch Int.random(in: 0..<100, using: &generator) {
        case 0..<40: token = pick(Self.words)
        case 40..<55: token = pick(SearchText.stopWords)
        case 55..<65: token = number()
        case 65..<75: token = randomWord()
        case 75..<85:
            // Hyphenated, with stray hyphens at either end or doubled.
            let parts = (0..<Int.random(in: 2...3, using: &generator)).map { _ in chance(70) ? pick(Self.words) : number() }
            token = parts.joined(separator: chance(80) ? "-" : "--")
            if chance(20) { token = "-" + token }
            if chance(20) { token += "-" }
        case 85..<95: token = pick(Self.oddities)
        default: token = String(pick(Array("abcdefghijklmnopqrstuvwxyzäöü")))
        }
        if chance(30) { token = token.uppercased() } else if chance(10) { token = token.capitalized }
        if chance(8) { token = broken(token) }
        return token
    }

    /// A text of up to `maxTokens` words of Latin letters, digits and ordinary punctuation: every
    /// character one scalar.
    mutating func plainText(maxTokens: Int) -> String {
        let count = Int.random(in: 0...maxTokens, using: &generator)
        let separators = [" ", " ", " ", "  ", "\n", "\t", ", ", ". ", " – ", "–", "-", ": ", "; ", " „", "“ ", "…"]
        var text = chance(10) ? pick(separators) : ""
        for i in 0..<count {
            if i > 0 { text += pick(separators) }
            text += chance(80) ? pick(Self.words.filter { $0.unicodeScalars.allSatisfy { $0.value < 0x180 } }) : number()
        }
        if chance(30) { text += pick(separators) }
        return text
    }

    /// A text of up to `maxTokens` tokens.
    mutating func text(maxTokens: Int) -> String {
        let count = Int.random(in: 0...maxTokens, using: &generator)
        var text = chance(10) ? pick(Self.separators) : ""
        for i in 0..<count {
            if i > 0 { text += pick(Self.separators) }
            text += token()
        }
        if chance(10) { text += pick(Self.separators) }
        return text
    }
}
