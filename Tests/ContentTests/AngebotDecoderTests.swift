import Content
import Foundation
import Support
import Testing

/// Entry fixtures of `Fixtures/angebote/`, decoded as if they were `content/angebote/<name>`.
enum AngebotFixture {
    /// 1 November 2025 in Berlin.
    static let now = BerlinTime.parse("2025-11-01")!

    /// A few Gemeinden of `gebiete.csv`, written out here so the test does not depend on the Data module:
    /// Ostrau was merged into Jahnatal on 1 January 2023.
    static let areas = ServiceAreas([
        ServiceGemeinde(ags: "14522180", name: "Freiberg", sozialregion: 1, sozialregionName: "Sozialregion 1: Freiberg"),
        ServiceGemeinde(ags: "14522080", name: "Döbeln", sozialregion: 6, sozialregionName: "Sozialregion 6: Nord (Döbeln)"),
        ServiceGemeinde(ags: "14522360", name: "Mittweida", sozialregion: 5,
                        sozialregionName: "Sozialregion 5: West (Mittweida)"),
        ServiceGemeinde(ags: "14522275", name: "Jahnatal", sozialregion: 6, sozialregionName: "Sozialregion 6: Nord (Döbeln)"),
        ServiceGemeinde(ags: "14522450", name: "Ostrau", sozialregion: 6, sozialregionName: "Sozialregion 6: Nord (Döbeln)",
                        validTo: "2022-12-31", successor: "14522275"),
    ])

    static let context = ServiceEntryDecoder.Context(handlungsfelder: DefaultHandlungsfelder.slugs, areas: areas, now: now)

    static func path(_ name: String) -> String { "content/angebote/" + name }

    static func decode(_ name: String) -> (ServiceEntry?, [Diagnostic]) {
        ServiceEntryDecoder.decode(bytes: Fixture.bytes("angebote/" + name), path: path(name), context: context)
    }
}

@Suite("Angebote: decoding and validation")
struct AngebotDecoderTests {
    @Test func completeEntryIsReadWithEveryField() throws {
        let (entry, diagnostics) = AngebotFixture.decode("vollstaendig.md")
        #expect(diagnostics.isEmpty, "\(diagnostics.report)")
        let e = try #require(entry)
        #expect(e.slug == "vollstaendig")
        #expect(e.url == "/angebote/vollstaendig/")
        #expect(e.name == "Schuldner- und Insolvenzberatung Freiberg")
        #expect(e.subtitle == "Hilfe bei Schulden, Pfändung und Privatinsolvenz")
        #expect(e.provider == "Beispiel-Wohlfahrtsverband Freiberg e. V.")
        #expect(e.category == "beratungsstelle")
        #expect(e.sector == "soziales")
        #expect(e.handlungsfelder == ["armut-notlagen", "wohnen"])
        // `menschen_in_notlagen` is accepted for `menschen-in-notlagen`.
        #expect(e.targetGroups == ["alle", "familien", "menschen-in-notlagen"])
        #expect(e.address == ServiceAddress(street: "Petersstraße 12", postalCode: "09599", city: "Freiberg",
                                            district: "Friedeburg"))
        #expect(e.gemeinde.ags == "14522180")
        #expect(e.gemeinde.slug == "freiberg")
        #expect(e.gemeinde.sozialregion == 1)
        #expect(e.coordinates?.latitudeText == "50.9186")
        #expect(e.coordinates?.longitude == 13.3426)
        #expect(e.contact.phone?.written == "030 23125-101")
        #expect(e.contact.phone?.href == "tel:+493023125101")
        #expect(e.contact.hotline?.normalized == "+493023125102")
        #expect(e.contact.email == "schuldnerberatung@example.org")
        #expect(e.contact.website == "https://example.org/schuldnerberatung")
        #expect(e.contact.role == "Beratungsteam")
        #expect(e.contact.note == "Rückruf innerhalb von zwei Werktagen")
        #expect(e.openingHours.count == 3)
        #expect(e.openingHours[0].days == [.monday, .tuesday, .wednesday, .thursday, .friday])
        #expect(e.openingHours[0].opens == ClockTime(hour: 8) && e.openingHours[0].closes == ClockTime(hour: 12))
        #expect(e.openingHours[1].days == [.tuesday, .thursday])
        #expect(e.openingHours[1].note == "nur mit Termin")
        #expect(e.openingHours[2].overnight)
        #expect(e.openingHours[2].duration == 4 * 60)
        #expect(e.openingHoursNote == "In den Schulferien nur vormittags.")
        #expect(e.appointmentNeeded == true)
        #expect(e.costs == "kostenfrei")
        #expect(e.languages == ["Deutsch", "Englisch", "Arabisch"])
        #expect(e.accessibility == ["rollstuhlgerecht", "aufzug", "leichte-sprache"])
        #expect(e.accessibilityNote == "Eingang über den Hof.")
        #expect(e.online)
        #expect(e.catchmentArea == "Stadt Freiberg und Sozialregion Freiberg")
        #expect(e.keywords == ["Schulden", "P-Konto", "Insolvenz"])
        #expect(GermanFormat.isoDay(e.checked) == "2025-10-01")
        #expect(e.isExample)
        #expect(e.source.body.contains("**vertraulich**"))
        #expect(e.source.bodyFirstLine == 42)
    }

    @Test func unknownCodesGetMeintenSieHints() {
        let (entry, diagnostics) = AngebotFixture.decode("unbekannte-werte.md")
        let file = AngebotFixture.path("unbekannte-werte.md")
        expectDiagnostic(diagnostics, "unknown-kategorie", file: file, line: 4, column: 12,
                         hint: "Meinten Sie „beratungsstelle“?")
        expectDiagnostic(diagnostics, "unknown-bereich", file: file, line: 5, column: 10, hint: "Meinten Sie „soziales“?")
        expectDiagnostic(diagnostics, "unknown-handlungsfeld", file: file, line: 6, column: 31,
                         hint: "Meinten Sie „senioren“?")
        expectDiagnostic(diagnostics, "unknown-zielgruppe", file: file, line: 7, column: 15,
                         hint: "Meinten Sie „familien“?")
        // The label written instead of the code.
        expectDiagnostic(diagnostics, "unknown-zielgruppe", file: file, line: 7, column: 24,
                         hint: "Kurznamen „senioren“")
        expectDiagnostic(diagnostics, "unknown-ags", file: file, line: 8, column: 11,
                         hint: "Meinten Sie „14522180“ (Freiberg)?")
        expectDiagnostic(diagnostics, "unknown-language", file: file, line: 10, column: 21, severity: .warning)
        expectDiagnostic(diagnostics, "unknown-barrierefreiheit", file: file, line: 11, column: 20,
                         hint: "Meinten Sie „rollstuhlgerecht“?")
        #expect(diagnostics.count == 8, "\(diagnostics.report)")
        // Without a Gemeinde there is no entry to publish.
        #expect(entry == nil)
    }

    @Test func malformedPhoneEmailAndURLAreReportedAtTheirValues() {
        let (_, diagnostics) = AngebotFixture.decode("kontakt-fehler.md")
        let file = AngebotFixture.path("kontakt-fehler.md")
        let letters = expectDiagnostic(diagnostics, "invalid-phone", file: file, line: 10, column: 12,
                                       hint: "03731 799-0")
        #expect(letters?.message.contains("Buchstaben „S“") == true)
        expectDiagnostic(diagnostics, "invalid-phone", file: file, line: 11, column: 12, hint: "Vorwahl")
        expectDiagnostic(diagnostics, "invalid-email", file: file, line: 12, column: 10, hint: "beratung@example.org")
        expectDiagnostic(diagnostics, "invalid-url", file: file, line: 13, column: 12,
                         hint: "„https://www.beratung-doebeln.de“")
        // Something was written under `kontakt`, so there is no extra „missing contact“.
        #expect(diagnostics.count == 4, "\(diagnostics.report)")
    }

    @Test func mailtoPrefixAndPlainHTTP() throws {
        let (entry, diagnostics) = AngebotFixture.decode("kontakt-unsicher.md")
        let file = AngebotFixture.path("kontakt-unsicher.md")
        expectDiagnostic(diagnostics, "invalid-email", file: file, line: 11, column: 10, hint: "„info@beispiel-verein.de“")
        expectDiagnostic(diagnostics, "insecure-url", file: file, line: 12, column: 12, hint: "https://",
                         severity: .warning)
        #expect(diagnostics.count == 2, "\(diagnostics.report)")
        #expect(try #require(entry).contact.phone?.normalized == "+4937317990")
    }

    @Test func impossibleOpeningHours() {
        let (_, diagnostics) = AngebotFixture.decode("oeffnungszeiten-fehler.md")
        let file = AngebotFixture.path("oeffnungszeiten-fehler.md")
        // Mo 25:00–27:00: both times do not exist.
        let start = expectDiagnostic(diagnostics, "invalid-time", file: file, line: 11, column: 21, hint: "ueber_nacht")
        #expect(start?.message.contains("24 Stunden") == true)
        expectDiagnostic(diagnostics, "invalid-time", file: file, line: 11, column: 35)
        // An end before the start is only allowed when marked as overnight.
        expectDiagnostic(diagnostics, "end-before-start", file: file, line: 12, column: 35, hint: "ueber_nacht: true")
        expectDiagnostic(diagnostics, "invalid-time", file: file, line: 13, column: 21, hint: "00:00")
        expectDiagnostic(diagnostics, "invalid-days", file: file, line: 14, column: 12, hint: "Wochentage")
        expectDiagnostic(diagnostics, "invalid-days", file: file, line: 15, column: 12, hint: "Mo–Sa")
        expectDiagnostic(diagnostics, "overnight-not-needed", file: file, line: 16, column: 57, severity: .warning)
        let overlap = expectDiagnostic(diagnostics, "overlapping-opening-hours", file: file, line: 18, column: 5,
                                       severity: .warning)
        #expect(overlap?.message.contains("Sonntag") == true)
        expectDiagnostic(diagnostics, "invalid-time", file: file, line: 19, column: 21, hint: "„von: \"08:30\"“")
        let minutes = expectDiagnostic(diagnostics, "invalid-time", file: file, line: 19, column: 35)
        #expect(minutes?.message.contains("60 Minuten") == true)
        expectDiagnostic(diagnostics, "missing-field", file: file, line: 20, column: 5, hint: "tage, von und bis")
        expectDiagnostic(diagnostics, "wrong-type", file: file, line: 21, column: 5)
        #expect(diagnostics.count == 12, "\(diagnostics.report)")
    }

    @Test func listOfDaysInTheShortFormNeedsQuotes() throws {
        let (entry, diagnostics) = AngebotFixture.decode("tage-ohne-anfuehrungszeichen.md")
        let file = AngebotFixture.path("tage-ohne-anfuehrungszeichen.md")
        expectDiagnostic(diagnostics, "invalid-days", file: file, line: 11, column: 16, hint: "„tage: \"Sa, So\"“")
        #expect(diagnostics.count == 1, "\(diagnostics.report)")
        // The rest of the line is still read: Saturday only.
        #expect(try #require(entry).openingHours.first?.days == [.saturday])
    }

    @Test func emptyTemplateValuesCountAsMissing() {
        let (_, diagnostics) = AngebotFixture.decode("vorlage-leer.md")
        let file = AngebotFixture.path("vorlage-leer.md")
        expectDiagnostic(diagnostics, "missing-field", file: file, line: 5, column: 1, hint: "traeger:")
        let address = diagnostics.filter { $0.code == "missing-field" && $0.location.line == 10 }
        #expect(address.map(\.message).sorted() == ["In der Adresse fehlt „adresse.ort“.", "In der Adresse fehlt „adresse.plz“.",
                                                    "In der Adresse fehlt „adresse.strasse“."])
        expectDiagnostic(diagnostics, "missing-contact", file: file, line: 15, column: 1)
        #expect(diagnostics.count == 5, "\(diagnostics.report)")
    }

    @Test func everyMissingRequiredFieldIsNamed() {
        let (entry, diagnostics) = AngebotFixture.decode("pflichtfelder.md")
        let file = AngebotFixture.path("pflichtfelder.md")
        let atTop = diagnostics.filter { $0.code == "missing-field" && $0.location == SourceLocation(file: file, line: 1, column: 1) }
        let named = Set(atTop.compactMap { d in
            ["name", "traeger", "kategorie", "bereich", "handlungsfelder", "gemeinde", "stand"]
                .first { d.message.contains("„\($0)“") }
        })
        #expect(named == ["name", "traeger", "kategorie", "bereich", "handlungsfelder", "gemeinde", "stand"],
                "\(diagnostics.report)")
        #expect(atTop.count == 7)
        expectDiagnostic(diagnostics, "missing-field", file: file, line: 3, column: 14, hint: "alle")
        expectDiagnostic(diagnostics, "missing-contact", file: file, line: 4, column: 1, hint: "telefon")
        #expect(diagnostics.count == 9, "\(diagnostics.report)")
        #expect(entry == nil)
    }

    @Test func addressPostalCodeGemeindeNameAndDecimalComma() {
        let (entry, diagnostics) = AngebotFixture.decode("adresse-fehler.md")
        let file = AngebotFixture.path("adresse-fehler.md")
        let ort = expectDiagnostic(diagnostics, "missing-field", file: file, line: 8, column: 1, hint: "ort:")
        #expect(ort?.message.contains("adresse.ort") == true)
        expectDiagnostic(diagnostics, "invalid-postal-code", file: file, line: 10, column: 8, hint: "\"09599\"")
        expectDiagnostic(diagnostics, "unknown-ags", file: file, line: 11, column: 11, hint: "„gemeinde: \"14522080\"“")
        expectDiagnostic(diagnostics, "invalid-coordinates", file: file, line: 12, column: 20, hint: "„13.34“")
        #expect(diagnostics.count == 4, "\(diagnostics.report)")
        #expect(entry == nil)
    }

    @Test func dissolvedGemeindeSwappedCoordinatesAndStaleEntry() throws {
        let (entry, diagnostics) = AngebotFixture.decode("vertauscht.md")
        let file = AngebotFixture.path("vertauscht.md")
        let dissolved = expectDiagnostic(diagnostics, "dissolved-gemeinde", file: file, line: 8, column: 11,
                                         hint: "„gemeinde: \"14522275\"“ (Jahnatal)")
        #expect(dissolved?.message.contains("1. Januar 2023") == true)
        expectDiagnostic(diagnostics, "coordinates-outside", file: file, line: 9, column: 14, hint: "vertauscht",
                         severity: .warning)
        let stale = expectDiagnostic(diagnostics, "stale-entry", file: file, line: 11, column: 8,
                                     hint: "stand: 2025-11-01", severity: .warning)
        #expect(stale?.message.contains("29 Monaten") == true)
        #expect(stale?.message.contains("2. Mai 2023") == true)
        #expect(diagnostics.count == 3, "\(diagnostics.report)")
        #expect(try #require(entry).coordinates?.latitude == 13.34)
    }

    @Test func staleIntervalIsConfigurable() {
        var context = AngebotFixture.context
        context.now = BerlinTime.parse("2025-11-15")!
        let bytes = Fixture.bytes("angebote/vollstaendig.md")
        let (_, twelve) = ServiceEntryDecoder.decode(bytes: bytes, path: "content/angebote/x.md", context: context)
        #expect(twelve.isEmpty)
        context.staleAfterMonths = 1
        let (_, one) = ServiceEntryDecoder.decode(bytes: bytes, path: "content/angebote/x.md", context: context)
        #expect(one.codes == ["stale-entry"])
    }

    @Test func exampleEntriesMustUseFictionalContacts() {
        let (_, diagnostics) = AngebotFixture.decode("beispiel-echt.md")
        let file = AngebotFixture.path("beispiel-echt.md")
        expectDiagnostic(diagnostics, "example-contact-not-fictional", file: file, line: 10, column: 12,
                         hint: "030 23125")
        expectDiagnostic(diagnostics, "example-contact-not-fictional", file: file, line: 11, column: 10,
                         hint: "example.org")
        expectDiagnostic(diagnostics, "example-contact-not-fictional", file: file, line: 12, column: 12)
        #expect(diagnostics.count == 3, "\(diagnostics.report)")
    }

    @Test func realEntriesWithExampleContactsAndFutureStand() {
        let (entry, diagnostics) = AngebotFixture.decode("echt-mit-beispielnummer.md")
        let file = AngebotFixture.path("echt-mit-beispielnummer.md")
        expectDiagnostic(diagnostics, "fictional-contact", file: file, line: 9, column: 20, hint: "beispiel: true",
                         severity: .warning)
        expectDiagnostic(diagnostics, "fictional-contact", file: file, line: 9, column: 42, severity: .warning)
        expectDiagnostic(diagnostics, "stand-in-future", file: file, line: 10, column: 8, severity: .warning)
        #expect(diagnostics.count == 3, "\(diagnostics.report)")
        #expect(entry != nil)
    }

    @Test func fileNameMustBeASlug() {
        let (entry, diagnostics) = AngebotFixture.decode("Falscher Name.md")
        expectDiagnostic(diagnostics, "invalid-slug", file: AngebotFixture.path("Falscher Name.md"), line: 1, column: 1,
                         hint: "„falscher-name.md“")
        #expect(diagnostics.count == 1, "\(diagnostics.report)")
        #expect(entry == nil)
    }

    @Test func duplicatesEmptySpansAndBooleans() throws {
        let text = """
            ---
            name: Test
            traeger: Verein
            kategorie: kita
            bereich: bildung
            handlungsfelder: [bildung, bildung]
            zielgruppen: [kinder, Kinder]
            gemeinde: "14522180"
            kontakt: {telefon: 030 23125-121}
            oeffnungszeiten:
              - {tage: Mo, von: "08:00", bis: "08:00"}
              - {tage: Di, von: "10:00", bis: "10:00", ueber_nacht: true}
            termin_noetig: ja
            sprachen: [Deutsch, deutsch]
            stand: 2025-10-01
            beispiel: true
            ---
            """
        let (entry, diagnostics) = ServiceEntryDecoder.decode(bytes: Array(text.utf8), path: "content/angebote/d.md",
                                                              context: AngebotFixture.context)
        let file = "content/angebote/d.md"
        expectDiagnostic(diagnostics, "duplicate-value", file: file, line: 6, column: 28, severity: .warning)
        // „Kinder“ is not the code „kinder“: codes are written exactly, the hint says which.
        expectDiagnostic(diagnostics, "unknown-zielgruppe", file: file, line: 7, column: 23, hint: "„kinder“")
        expectDiagnostic(diagnostics, "duplicate-value", file: file, line: 14, column: 21, severity: .warning)
        let same = expectDiagnostic(diagnostics, "end-before-start", file: file, line: 11, column: 35, hint: "24:00")
        #expect(same?.message.contains("wenn sie beginnt") == true)
        expectDiagnostic(diagnostics, "end-before-start", file: file, line: 12, column: 35, hint: "ohne „ueber_nacht“")
        expectDiagnostic(diagnostics, "invalid-bool", file: file, line: 13, column: 16, hint: "termin_noetig: true")
        #expect(diagnostics.count == 6, "\(diagnostics.report)")
        let e = try #require(entry)
        #expect(e.handlungsfelder == ["bildung"] && e.languages == ["Deutsch"] && e.openingHours.isEmpty)
    }

    @Test func unknownKeysAndSynonyms() {
        let text = """
            ---
            name: Test
            träger: Verein
            kategorie: kita
            bereich: bildung
            handlungsfelder: [bildung]
            zielgruppen: [kinder]
            gemeinde: "14522180"
            kontakt: {phone: 030 23125-120, emial: a@example.org}
            oeffnungszeiten:
              - {tage: Mo, von: "08:00", ende: "12:00"}
            stand: 2025-10-01
            beispiel: true
            ---
            """
        let (_, diagnostics) = ServiceEntryDecoder.decode(bytes: Array(text.utf8), path: "content/angebote/t.md",
                                                          context: AngebotFixture.context)
        let file = "content/angebote/t.md"
        expectDiagnostic(diagnostics, "unknown-key", file: file, line: 3, column: 1, hint: "„traeger“")
        expectDiagnostic(diagnostics, "unknown-key", file: file, line: 9, column: 11, hint: "„kontakt.telefon“")
        expectDiagnostic(diagnostics, "unknown-key", file: file, line: 9, column: 33, hint: "„kontakt.email“")
        expectDiagnostic(diagnostics, "unknown-key", file: file, line: 11, column: 30, hint: "bis")
        // träger is unknown, so the required `traeger` is missing; the row without `bis` is incomplete.
        #expect(diagnostics.codes.filter { $0 == "missing-field" }.count == 2, "\(diagnostics.report)")
        #expect(diagnostics.codes.contains("missing-contact"))
    }
}
