import Testing
@testable import Outputs

/// The German rules of the search: folding, words, stop words, light stemming.
@Suite struct SearchTextTests {
    @Test func foldsUmlautsSharpSAndAccents() {
        #expect(SearchText.fold("Älter") == "aelter")
        #expect(SearchText.fold("Straße") == "strasse")
        #expect(SearchText.fold("GRÖSSE Übersicht") == "groesse uebersicht")
        #expect(SearchText.fold("Café Mañana") == "cafe manana")
        // A soft hyphen or zero-width space from a word processor joins, it does not split.
        #expect(SearchText.fold("Pflege\u{AD}beratung") == "pflegeberatung")
        #expect(SearchText.fold("Sozial\u{200B}planung") == "sozialplanung")
    }

    @Test func umlautAndWrittenOutFormsGiveTheSameTerm() {
        #expect(SearchText.terms("Älter") == ["aelt"])
        #expect(SearchText.terms("aelter") == ["aelt"])
        #expect(SearchText.queryTerms("älteren") == ["aelt"])
        #expect(SearchText.terms("Ältere Menschen") == ["aelt", "mensch"])
        #expect(SearchText.terms("die ältesten") == ["aelt"])
    }

    @Test(arguments: [
        ("kinder", "kind"), ("kindern", "kind"), ("menschen", "mensch"), ("senioren", "senior"),
        ("familie", "famili"), ("familien", "famili"), ("pflege", "pfleg"), ("pflegen", "pfleg"),
        ("jahres", "jahr"), ("jahre", "jahr"), ("aelteste", "aelt"), ("groesstes", "groesst"),
        // Not inflection: kept, so „Wohnung“ and „wohnen“ stay apart.
        ("beratung", "beratung"), ("wohnung", "wohnung"), ("wohnen", "wohn"),
        // Too short to lose anything, or an s that is part of the stem.
        ("bus", "bus"), ("haus", "haus"), ("prozess", "prozess"), ("kreis", "kreis"),
        // Digits: never stemmed.
        ("2022", "2022"), ("sgb2", "sgb2"),
    ])
    func stemsOnlyInflectionEndings(word: String, stem: String) {
        #expect(SearchText.stem(word) == stem, "\(word)")
    }

    @Test func hyphenatedWordsAreFoundWithAndWithoutHyphen() {
        let indexed = SearchText.terms("Die Pflege-Beratung im Landratsamt")
        #expect(indexed.contains("pflegeberatung"))
        #expect(indexed.contains("pfleg"))
        #expect(indexed.contains("beratung"))
        #expect(SearchText.queryTerms("Pflege-Beratung") == ["pflegeberatung"])
        #expect(SearchText.terms("Pflegeberatung") == ["pflegeberatung"])
        // Either way round, the query's term is among the document's.
        #expect(SearchText.queryTerms("Pflegeberatung").allSatisfy(indexed.contains))
        #expect(SearchText.queryTerms("Pflege-Beratung").allSatisfy(SearchText.terms("Pflegeberatung").contains))
    }

    @Test func stopWordsAndNoiseNumbersAreDropped() {
        #expect(SearchText.terms("die Kinder und die Jugendlichen") == ["kind", "jugendlich"])
        #expect(SearchText.terms("1.640 Menschen im Jahr 2022, PLZ 09599, Tabelle 3") ==
                ["mensch", "jahr", "2022", "plz", "09599", "tabell"])
        #expect(SearchText.queryTerms("und die") == [])
        #expect(SearchText.words("a b cd") == ["cd"])
    }

    @Test func termsAreUniqueInOrderOfFirstUse() {
        #expect(SearchText.terms("Pflege pflegen Pflege Beratung") == ["pfleg", "beratung"])
    }
}
