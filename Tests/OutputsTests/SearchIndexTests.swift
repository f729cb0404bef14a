import Content
import Data
import Foundation
import Testing
@testable import Outputs
import Support

/// `/suche/index.json` and the documents it is made of.
@Suite struct SearchIndexTests {
    static func site() -> RenderedSite {
        SampleSite.make(postCount: 5, extraPosts: [
            SampleSite.post("Grundsicherung im Alter", date: "2022-05-03 09:00", fields: ["armut-notlagen", "senioren"],
                            summary: "Ältere Menschen mit kleiner Rente.",
                            body: "Viele Ältere stellen keinen Antrag. Die Pflege-Beratung hilft."),
            SampleSite.post("Zitat \"x\" </script> & mehr", date: "2021-01-10", fields: ["bildung"]),
        ])
    }

    static func parsed(_ index: SearchIndex) throws -> (stop: [String], docs: [[String]]) {
        let object = try JSONSerialization.jsonObject(with: Data(index.json.utf8)) as? [String: Any]
        let stop = try #require(object?["s"] as? [String])
        let docs = try #require(object?["d"] as? [[String]])
        #expect(object?["v"] as? Int == 1)
        return (stop, docs)
    }

    @Test func holdsEveryPostPageAndHandlungsfeldInListOrder() throws {
        let site = Self.site()
        let index = SearchIndex(documents: SearchDocument.documents(site: site), handlungsfelder: site.content.handlungsfelder)
        let (stop, docs) = try Self.parsed(index)
        #expect(stop == SearchText.stopWords)
        #expect(docs.count == 7 + 5 + 11)
        #expect(docs.allSatisfy { $0.count == 5 })
        let postURLs = site.content.posts.sorted { $0.date > $1.date }.map(\.url)
        #expect(docs.prefix(7).map { $0[0] } == postURLs)
        // Then the Handlungsfelder and the pages, each alphabetical by title.
        let fieldTitles = docs[7..<18].map { $0[1] }
        #expect(fieldTitles == site.content.handlungsfelder.map(\.label).sorted { SearchText.fold($0) < SearchText.fold($1) })
        #expect(docs[18...].map { $0[1] } == ["Datenschutzerklärung", "Erklärung zur Barrierefreiheit",
                                               "Impressum", "Informationen in Leichter Sprache", "Über das Projekt"])
    }

    @Test func metaLineNamesKindDateAndHandlungsfelder() throws {
        let site = Self.site()
        let index = SearchIndex(documents: SearchDocument.documents(site: site), handlungsfelder: site.content.handlungsfelder)
        let docs = try Self.parsed(index).docs
        let post = try #require(docs.first { $0[1] == "Grundsicherung im Alter" })
        #expect(post[0] == "/2022/05/grundsicherung-im-alter/")
        #expect(post[2] == "Beitrag · 3. Mai 2022 · Armut und Notlagen, Senioren schätzen")
        #expect(post[3] == "Ältere Menschen mit kleiner Rente.")
        let field = try #require(docs.first { $0[0] == "/handlungsfelder/gesundheit/" })
        #expect(field[2] == "Handlungsfeld")
        let page = try #require(docs.first { $0[0] == "/impressum/" })
        #expect(page[2] == "Seite")
        // Without a summary, the start of the text stands in.
        #expect(page[3].hasPrefix("Worum es geht"))
    }

    @Test func termsAreFoldedStemmedSortedAndUnique() throws {
        let site = Self.site()
        let index = SearchIndex(documents: SearchDocument.documents(site: site), handlungsfelder: site.content.handlungsfelder)
        let post = try #require(try Self.parsed(index).docs.first { $0[1] == "Grundsicherung im Alter" })
        let terms = post[4].split(separator: " ").map(String.init)
        #expect(terms == Array(Set(terms)).sorted())
        for expected in ["aelt", "mensch", "pflegeberatung", "pfleg", "beratung", "grundsicherung", "antrag"] {
            #expect(terms.contains(expected), "\(expected)")
        }
        #expect(!terms.contains("die") && !terms.contains("im"))
    }

    @Test func escapesTitlesForJSONAndScriptContexts() throws {
        let site = Self.site()
        let index = SearchIndex(documents: SearchDocument.documents(site: site), handlungsfelder: site.content.handlungsfelder)
        #expect(!index.json.contains("</script>"))
        let docs = try Self.parsed(index).docs
        #expect(docs.contains { $0[1] == "Zitat \"x\" </script> & mehr" })
    }

    @Test func sameDocumentsInAnyOrderGiveTheSameBytes() {
        let site = Self.site()
        let documents = SearchDocument.documents(site: site)
        let a = SearchIndex(documents: documents, handlungsfelder: site.content.handlungsfelder).json
        let b = SearchIndex(documents: documents.reversed(), handlungsfelder: site.content.handlungsfelder.reversed()).json
        #expect(a == b)
    }

    @Test func longSummariesAreCutAtAWord() {
        let text = String(repeating: "Sozialplanung ", count: 30)
        let cut = SearchDocument.truncated(text)
        #expect(cut.count <= SearchDocument.summaryLimit + 2)
        #expect(cut.hasSuffix("Sozialplanung …"))
        #expect(SearchDocument.truncated("Kurz und  knapp.\nZweite Zeile") == "Kurz und knapp. Zweite Zeile")
    }

    @Test func indicatorsBecomeDocumentsOfTheirDataPage() throws {
        let indicator = Indicator(slug: "arbeitslosenquote", title: "Arbeitslosenquote", unit: "%", decimals: 1,
                                  definition: "Arbeitslose je 100 zivile Erwerbspersonen.", source: "Bundesagentur für Arbeit",
                                  licence: "dl-de/by-2-0", datenstand: CivilDate(year: 2024, month: 6, day: 30),
                                  handlungsfelder: ["arbeit"], higherIsBetter: false, body: "Wie viele Menschen Arbeit suchen.")
        let document = SearchDocument.indicator(indicator)
        #expect(document.kind == .indikator)
        #expect(document.url == "/daten/indikatoren/arbeitslosenquote/")
        #expect(document.date.map(GermanFormat.isoDay) == "2024-06-30")
        #expect(SearchText.terms(document.text).contains("erwerbsperson"))
        let site = Self.site()
        let index = SearchIndex(documents: SearchDocument.documents(site: site) + [document],
                                handlungsfelder: site.content.handlungsfelder)
        #expect(index.metaLine(document) == "Indikator · 30. Juni 2024 · Attraktive Arbeit")
        // Indicators come after posts and before Handlungsfelder.
        let kinds = index.documents.map(\.kind)
        #expect(kinds.firstIndex(of: .indikator)! > kinds.lastIndex(of: .beitrag)!)
        #expect(kinds.firstIndex(of: .indikator)! < kinds.firstIndex(of: .handlungsfeld)!)
    }
}
