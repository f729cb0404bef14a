import Content
import Foundation
import Support
import Testing

/// `ServiceEntry` keeps its fields in a shared box; these pin that it still behaves as a plain value.
@Suite("Service entry as a copy-on-write value")
struct ServiceEntryStorageTests {
    static func entry(name: String = "Schuldnerberatung Freiberg") -> ServiceEntry {
        ServiceEntry(source: SourceFile(path: "content/angebote/schuldnerberatung.md", body: "Text", bodyFirstLine: 20),
                     slug: "schuldnerberatung", name: name, provider: "Diakonie Freiberg e. V.",
                     category: "beratungsstelle", sector: "soziales", handlungsfelder: ["armut-notlagen"],
                     targetGroups: ["erwachsene"],
                     gemeinde: ServiceGemeinde(ags: "14522180", name: "Freiberg", sozialregion: 1,
                                               sozialregionName: "Nordost"),
                     contact: ServiceContact(email: "beratung@example.org"), languages: ["Deutsch"],
                     checked: BerlinTime.parse("2024-03-01")!)
    }

    @Test func aCopyDoesNotSeeChangesOfTheOriginal() {
        var original = Self.entry()
        let copy = original
        original.name = "Neu & <anders>"
        original.languages.append("Englisch")
        original.gemeinde.name = "Halsbrücke"
        original.contact.email = nil
        original.online = true
        #expect(copy.name == "Schuldnerberatung Freiberg")
        #expect(copy.languages == ["Deutsch"])
        #expect(copy.gemeinde.name == "Freiberg")
        #expect(copy.contact.email == "beratung@example.org")
        #expect(!copy.online)
        #expect(original.name == "Neu & <anders>" && original.gemeinde.name == "Halsbrücke" && original.online)
        #expect(original != copy)
    }

    @Test func urlsFollowTheSlug() {
        var entry = Self.entry()
        #expect(entry.url == "/angebote/schuldnerberatung/")
        entry.slug = "beratung"
        #expect(entry.vCardURL == "/angebote/beratung/kontakt.vcf")
    }

    @Test func equalFieldsMakeEqualEntriesWithEqualHashes() {
        let a = Self.entry(), b = Self.entry()
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        #expect(Self.entry(name: "Andere") != a)
        var c = a
        c.costs = "kostenfrei"
        c.costs = nil
        #expect(c == a)
    }
}
