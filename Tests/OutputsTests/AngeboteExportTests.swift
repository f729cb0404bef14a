import Content
import Foundation
@testable import Outputs
import Support
import Testing

@Suite("Angebote: search index, open data and vCard")
struct AngeboteExportTests {
    static let files = AngeboteSample.render()

    func json(_ path: String) throws -> [String: Any] {
        let file = try #require(Self.files[path])
        return try #require(JSONSerialization.jsonObject(with: Data(file.contents)) as? [String: Any])
    }

    // MARK: search index

    @Test func foldingJoinsCompoundsAndWritesOutUmlauts() {
        #expect(AngeboteSearchIndex.fold("Pflege-Beratung") == "pflegeberatung")
        #expect(AngeboteSearchIndex.fold("Älterwerden in DÖBELN") == "aelterwerden in doebeln")
        #expect(AngeboteSearchIndex.fold("Straße, Café; Groß‑Schirma") == "strasse cafe grossschirma")
        #expect(AngeboteSearchIndex.fold("Schuld\u{00AD}ner\u{2010}beratung") == "schuldnerberatung")
        #expect(AngeboteSearchIndex.fold("  „Senior:innen“  ") == "senior innen")
    }

    @Test func indexHasFacetsAndFoldedTextOfEveryEntry() throws {
        let index = try json("angebote/index.json")
        #expect(index["count"] as? Int == 4)
        let entries = try #require(index["entries"] as? [[String: Any]])
        #expect(entries.map { $0["slug"] as? String } == ["pflege-doebeln", "schutzhaus", "kita-freiberg", "treff-mittweida"])
        let pflege = entries[0]
        let text = try #require(pflege["text"] as? String)
        // What a visitor types: „Pflegeberatung“ and „Älter“ both match once folded like the script does.
        #expect(text.replacingOccurrences(of: " ", with: "").contains(AngeboteSearchIndex.fold("Pflegeberatung")))
        #expect(text.contains(AngeboteSearchIndex.fold("Älter")))
        #expect(text.contains("aelterwerden"))
        for word in ["pflegegrad", "kurzzeitpflege", "entlastung", "polnisch", "senior innen", "doebeln", "zentrum",
                     "senioren schaetzen", "beispielpflegenetz"] {
            #expect(text.contains(word), "\(word) fehlt in „\(text)“")
        }
        #expect(!text.contains("-") && text == text.lowercased())
        #expect(pflege["url"] as? String == "/angebote/pflege-doebeln/")
        #expect(pflege["hf"] as? [String] == ["senioren", "gesundheit"])
        #expect(pflege["zg"] as? [String] == ["senioren", "pflegende-angehoerige"])
        #expect(pflege["kat"] as? [String] == ["beratungsstelle"])
        #expect(pflege["region"] as? [String] == ["6"])
        #expect(pflege["gemeinde"] as? [String] == ["doebeln"])
        let facets = try #require(index["facets"] as? [[String: Any]])
        #expect(facets.map { $0["key"] as? String } == ["hf", "zg", "kat", "region", "gemeinde"])
        let regions = try #require(facets[3]["values"] as? [[String: Any]])
        #expect(regions.map { $0["slug"] as? String } == ["1", "5", "6"])
        #expect(regions.map { $0["count"] as? Int } == [1, 1, 2])
        #expect(regions[2]["label"] as? String == "Sozialregion 6: Nord (Döbeln)")
    }

    @Test func entriesJoinTheSiteSearch() throws {
        let site = AngeboteSample.site()
        let entry = try #require(site.content.serviceDirectory.entry(slug: "pflege-doebeln"))
        let document = SearchDocument.angebot(entry, site: site)
        #expect(document.kind == .angebot)
        #expect(document.url == "/angebote/pflege-doebeln/")
        #expect(document.handlungsfelder == ["senioren", "gesundheit"])
        #expect(document.date == entry.checked)
        #expect(document.summary == "Beratung rund um Pflege")
        for word in ["Beispiel-Pflegenetz Döbeln e. V.", "Markt 1, 04720 Döbeln, OT Zentrum", "Pflegende Angehörige",
                     "Kurzzeitpflege", "Entlastung"] {
            #expect(document.text.contains(word), "\(word)")
        }
        let schutzhaus = SearchDocument.angebot(try #require(site.content.serviceDirectory.entry(slug: "schutzhaus")), site: site)
        #expect(schutzhaus.summary == "Schutz und Notunterkunft in Döbeln")
    }

    // MARK: HSDS

    @Test func hsdsTablesAreLinkedByTheirIdentifiers() throws {
        let hsds = try json("angebote/angebote.json")
        #expect(hsds["hsds_version"] as? String == "3.0")
        func table(_ name: String) throws -> [[String: Any]] { try #require(hsds[name] as? [[String: Any]], "\(name)") }
        let organizations = try table("organizations"), services = try table("services")
        let locations = try table("locations"), addresses = try table("addresses"), phones = try table("phones")
        let schedules = try table("schedules"), atLocation = try table("service_at_locations")
        #expect(services.count == 4)
        #expect(organizations.count == 4)
        // Three entries have an address, one of them is also online: three physical + one virtual location.
        #expect(locations.filter { $0["location_type"] as? String == "physical" }.count == 3)
        #expect(locations.filter { $0["location_type"] as? String == "virtual" }.count == 1)
        #expect(addresses.count == 3 && atLocation.count == 4)

        let organizationIDs = Set(organizations.compactMap { $0["id"] as? String })
        let serviceIDs = Set(services.compactMap { $0["id"] as? String })
        let locationIDs = Set(locations.compactMap { $0["id"] as? String })
        #expect(services.allSatisfy { organizationIDs.contains($0["organization_id"] as? String ?? "") })
        #expect(services.allSatisfy { $0["status"] as? String == "active" && $0["name"] is String && $0["description"] is String })
        #expect(addresses.allSatisfy { locationIDs.contains($0["location_id"] as? String ?? "") })
        #expect(atLocation.allSatisfy { serviceIDs.contains($0["service_id"] as? String ?? "")
                && locationIDs.contains($0["location_id"] as? String ?? "") })
        #expect(phones.allSatisfy { serviceIDs.contains($0["service_id"] as? String ?? "") })
        #expect(schedules.allSatisfy { serviceIDs.contains($0["service_id"] as? String ?? "") })
        for name in ["contacts", "languages", "accessibility", "service_areas", "attributes", "taxonomies", "taxonomy_terms"] {
            #expect(hsds[name] is [[String: Any]], "\(name)")
        }

        // Every identifier is a UUID version 5 and unique.
        var ids: [String] = []
        for (_, value) in hsds { if let rows = value as? [[String: Any]] { ids += rows.compactMap { $0["id"] as? String } } }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil })
        let pflege = try #require(services.first { $0["name"] as? String == "Älterwerden in Döbeln: Pflege-Beratung" })
        // Same value as Python's uuid.uuid5(uuid.NAMESPACE_URL, ".../angebote/pflege-doebeln#service").
        #expect(pflege["id"] as? String == "bac1f838-3b41-56c6-8576-568edc32efbe")
        #expect(pflege["assured_date"] as? String == "2024-10-01")
        #expect(pflege["fees_description"] as? String == "kostenfrei")
        #expect(pflege["eligibility_description"] as? String == "Senior:innen, Pflegende Angehörige")
        #expect(pflege["description"] as? String == "Wir beraten zur Pflege und zu Hilfen im Alltag. Pflegegrad Entlastung")

        let address = try #require(addresses.first { $0["city"] as? String == "Döbeln" })
        #expect(address["address_1"] as? String == "Markt 1" && address["postal_code"] as? String == "04720")
        #expect(address["state_province"] as? String == "Sachsen" && address["country"] as? String == "DE")
        let phone = try #require(phones.first { $0["number"] as? String == "+493023125201" })
        #expect(phone["service_id"] as? String == pflege["id"] as? String)
    }

    @Test func hsdsSchedulesAreWeeklyRules() throws {
        let hsds = try json("angebote/angebote.json")
        let schedules = try #require(hsds["schedules"] as? [[String: Any]])
        let weekdays = try #require(schedules.first { $0["byday"] as? String == "MO,TU,WE,TH,FR" && $0["opens_at"] as? String == "08:00" })
        #expect(weekdays["freq"] as? String == "WEEKLY")
        #expect(weekdays["closes_at"] as? String == "12:00")
        #expect(weekdays["description"] as? String == "Mo–Fr 8:00–12:00 Uhr")
        let night = try #require(schedules.first { $0["byday"] as? String == "FR" && $0["opens_at"] as? String == "22:00" })
        #expect(night["closes_at"] as? String == "02:00")
        #expect(night["notes"] as? String == "Endet am Folgetag.")
        let allDay = try #require(schedules.first { $0["byday"] as? String == "MO,TU,WE,TH,FR,SA,SU" })
        #expect(allDay["opens_at"] as? String == "00:00" && allDay["closes_at"] as? String == "23:59")
        #expect(allDay["location_id"] == nil)
        #expect(schedules.contains { $0["description"] as? String == "Im August geschlossen." && $0["byday"] == nil })
    }

    @Test func hsdsTaxonomiesCoverTheVocabularies() throws {
        let hsds = try json("angebote/angebote.json")
        let terms = try #require(hsds["taxonomy_terms"] as? [[String: Any]])
        let attributes = try #require(hsds["attributes"] as? [[String: Any]])
        let termIDs = Set(terms.compactMap { $0["id"] as? String })
        #expect(attributes.allSatisfy { termIDs.contains($0["taxonomy_term_id"] as? String ?? "") })
        #expect(terms.contains { $0["code"] as? String == "menschen-mit-behinderung" && $0["name"] as? String == "Menschen mit Behinderung" })
        // kategorie + bereich + handlungsfelder + zielgruppen of all four entries.
        #expect(attributes.count == 4 + 4 + 7 + 7)
        #expect(attributes.allSatisfy { $0["link_entity"] as? String == "service" })
        let languages = try #require(hsds["languages"] as? [[String: Any]])
        #expect(languages.map { $0["code"] as? String } == ["de", "pl"])
    }

    @Test func uuidAndSHA1MatchTheStandards() {
        #expect(SHA1.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
                == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA1.digest(Array(repeating: 0x61, count: 1000)).map { String(format: "%02x", $0) }.joined()
                == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
        #expect(AngeboteUUID.v5("https://www.example.org/") == "84f5ec25-93a7-5271-bfbb-77d0e0a15d7b")
        // FIPS 180 vectors at the padding edges: empty, and 56 bytes (the length needs a second block).
        #expect(SHA1.digest([]).map { String(format: "%02x", $0) }.joined()
                == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                .map { String(format: "%02x", $0) }.joined() == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    // MARK: CSV

    @Test func csvOpensInGermanSpreadsheets() throws {
        let file = try #require(Self.files["angebote/angebote.csv"])
        #expect(file.contents.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: file.contents.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.count == 6 && lines.last == "")
        #expect(lines[0] == AngeboteCSV.columns.joined(separator: ";"))
        #expect(lines[0].hasPrefix("slug;name;untertitel;traeger;kategorie"))
        let kita = try #require(lines.first { $0.hasPrefix("kita-freiberg;") })
        // Quotes doubled, cells with ; quoted.
        #expect(kita.hasPrefix("kita-freiberg;\"Kita \"\"Sonne\"\" & <Mond>; Freiberg\";;\"Träger, mit; Sonderzeichen\\\";kita;"))
        let pflege = try #require(lines.first { $0.hasPrefix("pflege-doebeln;") })
        #expect(pflege.contains(";51,1194;13,1106;"))
        #expect(pflege.contains(";030 23125-201;+493023125201;'+49 (0)30 23125 202;"))
        #expect(pflege.contains(";Mo–Fr 8:00–12:00 Uhr; Do 14:00–18:00 Uhr (nur mit Termin); Fr 22:00 Uhr bis zum nächsten Tag, 2:00 Uhr;")
                == false, "a summary with ; must be quoted")
        #expect(pflege.contains(";\"Mo–Fr 8:00–12:00 Uhr; Do 14:00–18:00 Uhr (nur mit Termin); Fr 22:00 Uhr bis zum nächsten Tag, 2:00 Uhr\";"))
        #expect(pflege.contains(";senioren, gesundheit;senioren, pflegende-angehoerige;"))
        #expect(pflege.contains(";ja;kostenfrei;Deutsch, Polnisch;rollstuhlgerecht, induktionsschleife;ja;"))
        #expect(pflege.hasSuffix(";2024-10-01;ja;https://mittelsachsen-sozial.de/angebote/pflege-doebeln/"))
        #expect(lines.first { $0.hasPrefix("treff-mittweida;") }?.contains(";2024-06-01;nein;") == true)
    }

    @Test func csvCellsCannotStartFormulas() {
        #expect(AngeboteCSV.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(AngeboteCSV.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(AngeboteCSV.cell("+493023125201") == "+493023125201")
        #expect(AngeboteCSV.cell("-5") == "-5")
        #expect(AngeboteCSV.cell("- Liste") == "'- Liste")
        #expect(AngeboteCSV.cell(" Rand") == "\" Rand\"")
        #expect(AngeboteCSV.cell("Zeile 1\nZeile 2") == "\"Zeile 1\nZeile 2\"")
    }

    // MARK: vCard

    @Test func vCardIsEscapedFoldedAndComplete() throws {
        let card = try #require(Self.files["angebote/pflege-doebeln/kontakt.vcf"]).text
        #expect(card.hasPrefix("BEGIN:VCARD\r\nVERSION:3.0\r\n"))
        #expect(card.hasSuffix("END:VCARD\r\n"))
        #expect(!card.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let physical = card.components(separatedBy: "\r\n")
        #expect(physical.allSatisfy { $0.utf8.count <= 75 }, "\(physical.filter { $0.utf8.count > 75 })")
        // Unfolding (CRLF + space) gives the logical lines back.
        let logical = card.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(logical.contains("FN:Älterwerden in Döbeln: Pflege-Beratung"))
        #expect(logical.contains("ORG:Beispiel-Pflegenetz Döbeln e. V.;Älterwerden in Döbeln: Pflege-Beratung"))
        #expect(logical.contains("TEL;TYPE=WORK,VOICE:+493023125201"))
        #expect(logical.contains("TEL;TYPE=WORK,VOICE,MSG:+493023125202"))
        #expect(logical.contains("EMAIL;TYPE=INTERNET,WORK:pflege@example.org"))
        #expect(logical.contains("ADR;TYPE=WORK:;OT Zentrum;Markt 1;Döbeln;Sachsen;04720;Deutschland"))
        #expect(logical.contains("GEO:51.1194;13.1106"))
        #expect(logical.contains("REV:2024-10-01"))
        #expect(logical.contains("SOURCE:https://mittelsachsen-sozial.de/angebote/pflege-doebeln/kontakt.vcf"))
        let note = try #require(logical.first { $0.hasPrefix("NOTE:") })
        #expect(note.contains("Beispieleintrag: Dieses Angebot ist erfunden.\\nBeratung rund um Pflege\\nÖffnungszeiten: Mo–Fr 8:00–12:00 Uhr\\; Do"))
        #expect(note.contains("Stand der Angaben: 1. Oktober 2024"))

        let kita = try #require(Self.files["angebote/kita-freiberg/kontakt.vcf"]).text
            .replacingOccurrences(of: "\r\n ", with: "")
        #expect(kita.contains("\r\nFN:Kita \"Sonne\" & <Mond>\\; Freiberg\r\n"))
        #expect(kita.contains("\r\nORG:Träger\\, mit\\; Sonderzeichen\\\\;Kita \"Sonne\" & <Mond>\\; Freiberg\r\n"))
    }

    @Test func foldingNeverSplitsACharacter() {
        let line = "NOTE:" + String(repeating: "ä", count: 60)
        let folded = AngeboteVCard.fold(line)
        let pieces = folded.components(separatedBy: "\r\n")
        #expect(pieces.count == 2)
        #expect(pieces.allSatisfy { $0.utf8.count <= 75 })
        #expect(pieces[0].utf8.count == 75 && pieces[1].hasPrefix(" "))
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        #expect(AngeboteVCard.escape("a,b;c\\d\r\ne\nf") == "a\\,b\\;c\\\\d\\ne\\nf")
    }
}
