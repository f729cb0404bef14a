import Foundation
import Support
import Yams

/// Reads one entry of the service directory (`content/angebote/<slug>.md`) and checks every key.
/// Each problem is reported where it stands, all problems of a file at once.
public enum ServiceEntryDecoder {
    /// Front-matter keys of an entry, in the order docs/angebote.md explains them.
    public static let keys = ["name", "untertitel", "traeger", "kategorie", "bereich", "handlungsfelder", "zielgruppen",
                              "adresse", "gemeinde", "koordinaten", "kontakt", "oeffnungszeiten",
                              "oeffnungszeiten_hinweis", "termin_noetig", "kosten", "sprachen", "barrierefreiheit",
                              "barrierefreiheit_hinweis", "online_angebot", "einzugsgebiet", "stichworte", "stand",
                              "beispiel"]
    public static let addressKeys = ["strasse", "plz", "ort", "ortsteil"]
    public static let contactKeys = ["telefon", "email", "website", "hotline", "rolle", "hinweis"]
    public static let coordinateKeys = ["lat", "lon"]
    public static let openingHoursKeys = ["tage", "von", "bis", "ueber_nacht", "hinweis"]

    /// Roughly the county's extent; coordinates outside get a warning (swapped lat/lon is the usual cause).
    static let latitudeRange = 50.6...51.4
    static let longitudeRange = 12.5...13.7

    /// What an entry is checked against.
    public struct Context: Sendable {
        /// Handlungsfeld slugs of the site.
        public var handlungsfelder: [String]
        public var areas: ServiceAreas
        /// Decides which entries are unchecked for too long; never written into output.
        public var now: Date
        public var staleAfterMonths: Int

        public init(handlungsfelder: [String], areas: ServiceAreas, now: Date,
                    staleAfterMonths: Int = ServiceDirectorySettings.defaultStaleAfterMonths) {
            self.handlungsfelder = handlungsfelder
            self.areas = areas
            self.now = now
            self.staleAfterMonths = staleAfterMonths
        }
    }

    /// Returns the entry whenever its slug, name, Gemeinde and `stand` are readable, even with other
    /// errors, so later checks (posts naming it) do not report it as missing as well.
    public static func decode(bytes: [UInt8], path: String, context: Context) -> (ServiceEntry?, [Diagnostic]) {
        let (parsed, problems) = ParsedContentFile.parse(bytes: bytes, path: path)
        guard let parsed else { return (nil, problems) }
        return decode(parsed, context: context)
    }

    static func decode(_ file: ParsedContentFile, context: Context) -> (ServiceEntry?, [Diagnostic]) {
        var reader = EntryReader(fields: file.fields, start: file.start, context: context)
        let entry = reader.read(source: file.source)
        return (entry, reader.fields.diagnostics)
    }

    /// The slug an entry file stands for: its file name without `.md`.
    public static func slug(forPath path: String) -> String { HandlungsfeldDecoder.slug(forPath: path) }
}

/// Words editors bring from other tools or from German, mapped to the keys of an entry.
enum ServiceEntrySynonyms {
    static let top: [String: String] = [
        "title": "name", "titel": "name", "bezeichnung": "name", "subtitle": "untertitel",
        "träger": "traeger", "anbieter": "traeger", "provider": "traeger", "organisation": "traeger",
        "category": "kategorie", "kategorien": "kategorie", "art": "kategorie", "typ": "kategorie",
        "bereiche": "bereich", "handlungsfeld": "handlungsfelder", "categories": "handlungsfelder",
        "zielgruppe": "zielgruppen", "target": "zielgruppen", "address": "adresse", "anschrift": "adresse",
        "ags": "gemeinde", "gemeindeschluessel": "gemeinde", "gemeindeschlüssel": "gemeinde", "kommune": "gemeinde",
        "geo": "koordinaten", "coordinates": "koordinaten", "position": "koordinaten",
        "telefon": "kontakt", "email": "kontakt", "e-mail": "kontakt", "website": "kontakt", "contact": "kontakt",
        "öffnungszeiten": "oeffnungszeiten", "opening_hours": "oeffnungszeiten", "zeiten": "oeffnungszeiten",
        "öffnungszeiten_hinweis": "oeffnungszeiten_hinweis", "termin": "termin_noetig",
        "termin_nötig": "termin_noetig", "terminvereinbarung": "termin_noetig", "preis": "kosten", "gebuehren": "kosten",
        "sprache": "sprachen", "languages": "sprachen", "barrierefrei": "barrierefreiheit",
        "accessibility": "barrierefreiheit", "online": "online_angebot", "einzugsbereich": "einzugsgebiet",
        "keywords": "stichworte", "tags": "stichworte", "schlagworte": "stichworte", "schlagwörter": "stichworte",
        "stichwörter": "stichworte", "date": "stand", "datum": "stand", "geprueft": "stand", "geprüft": "stand",
        "updated": "stand", "aktualisiert": "stand", "example": "beispiel", "demo": "beispiel",
    ]
    static let address: [String: String] = [
        "straße": "strasse", "street": "strasse", "hausnummer": "strasse", "postleitzahl": "plz",
        "zip": "plz", "stadt": "ort", "city": "ort", "district": "ortsteil", "ot": "ortsteil",
    ]
    static let contact: [String: String] = [
        "phone": "telefon", "tel": "telefon", "telefonnummer": "telefon", "mail": "email", "e-mail": "email",
        "e_mail": "email", "web": "website", "url": "website", "homepage": "website", "internet": "website",
        "webseite": "website", "notruf": "hotline", "ansprechpartner": "rolle", "ansprechpartnerin": "rolle",
        "ansprechperson": "rolle", "person": "rolle", "name": "rolle", "notiz": "hinweis",
    ]
    static let openingHours: [String: String] = [
        "tag": "tage", "wochentage": "tage", "days": "tage", "ab": "von", "from": "von", "start": "von",
        "beginn": "von", "to": "bis", "ende": "bis", "end": "bis", "über_nacht": "ueber_nacht",
        "uebernacht": "ueber_nacht", "overnight": "ueber_nacht", "notiz": "hinweis",
    ]
}

/// Reads the keys of one entry; `fields` collects every diagnostic.
struct EntryReader {
    var fields: FieldReader
    let start: SourceLocation
    let context: ServiceEntryDecoder.Context

    mutating func read(source: SourceFile) -> ServiceEntry? {
        fields.rejectUnknownKeys(allowed: ServiceEntryDecoder.keys, synonyms: ServiceEntrySynonyms.top)
        let slug = readSlug(path: source.path)
        let name = requiredText("name", what: "der Name des Angebots", example: "name: Schuldnerberatung Freiberg")
        let subtitle = FieldRules.nonEmpty(fields.string("untertitel"))
        let provider = requiredText("traeger", what: "der Träger", example: "traeger: Diakonie Freiberg e. V.")
        let category = vocabularyValue("kategorie", in: ServiceVocabulary.categories, what: "Kategorie",
                                       code: "unknown-kategorie")
        let sector = vocabularyValue("bereich", in: ServiceVocabulary.sectors, what: "Bereich", code: "unknown-bereich")
        let handlungsfelder = readHandlungsfelder()
        let targetGroups = vocabularyList("zielgruppen", in: ServiceVocabulary.targetGroups, what: "Zielgruppe",
                                          code: "unknown-zielgruppe", required: true)
        let address = readAddress()
        let gemeinde = readGemeinde()
        let coordinates = readCoordinates()
        let isExample = fields.bool("beispiel") ?? false
        let contact = readContact(isExample: isExample)
        let openingHours = readOpeningHours()
        let openingHoursNote = FieldRules.nonEmpty(fields.string("oeffnungszeiten_hinweis"))
        let appointmentNeeded = fields.bool("termin_noetig")
        let costs = FieldRules.nonEmpty(fields.string("kosten"))
        let languages = readLanguages()
        let accessibility = vocabularyList("barrierefreiheit", in: ServiceVocabulary.accessibility,
                                           what: "Angabe zur Barrierefreiheit", code: "unknown-barrierefreiheit",
                                           required: false)
        let accessibilityNote = FieldRules.nonEmpty(fields.string("barrierefreiheit_hinweis"))
        let online = fields.bool("online_angebot") ?? false
        let catchmentArea = FieldRules.nonEmpty(fields.string("einzugsgebiet"))
        let keywords = (fields.list("stichworte") ?? []).compactMap { FieldRules.nonEmpty($0.text) }
        let checked = readStand()

        guard let slug, let name, let gemeinde, let checked else { return nil }
        return ServiceEntry(
            source: source, slug: slug, name: name, subtitle: subtitle, provider: provider ?? "",
            category: category ?? "", sector: sector ?? "", handlungsfelder: handlungsfelder,
            targetGroups: targetGroups, address: address, gemeinde: gemeinde, coordinates: coordinates,
            contact: contact, openingHours: openingHours, openingHoursNote: openingHoursNote,
            appointmentNeeded: appointmentNeeded, costs: costs, languages: languages, accessibility: accessibility,
            accessibilityNote: accessibilityNote, online: online, catchmentArea: catchmentArea, keywords: keywords,
            checked: checked, isExample: isExample)
    }

    // MARK: simple values

    private mutating func readSlug(path: String) -> String? {
        let slug = ServiceEntryDecoder.slug(forPath: path)
        if FieldRules.isSlug(slug) { return slug }
        let corrected = Slug.make(slug)
        fields.diagnostics.append(.error(
            "invalid-slug", at: start,
            "Der Dateiname „\(slug).md“ ist als Adresse nicht geeignet: erlaubt sind nur Kleinbuchstaben a–z, "
                + "Ziffern und Bindestriche.",
            hint: corrected.isEmpty ? "Benennen Sie die Datei z. B. „schuldnerberatung-freiberg.md“."
                                    : "Benennen Sie die Datei in „\(corrected).md“ um."))
        return nil
    }

    /// A text that must be there; absent or empty is `missing-field` at the top of the file
    /// (a value of the wrong type was reported by the reader already).
    private mutating func requiredText(_ key: String, what: String, example: String) -> String? {
        let text = fields.string(key)
        if let value = FieldRules.nonEmpty(text) { return value }
        if fields.node(key) == nil || text != nil {
            missing(key, "Es fehlt \(what) („\(key)“).", hint: "Ergänzen Sie eine Zeile wie „\(example)“.")
        }
        return nil
    }

    private mutating func missing(_ key: String, _ message: String, hint: String) {
        let location = fields.contains(key) ? fields.location(ofKey: key) : start
        fields.diagnostics.append(.error("missing-field", at: location, message, hint: hint))
    }

    // MARK: vocabularies

    private mutating func vocabularyValue(_ key: String, in terms: [VocabularyTerm], what: String,
                                          code: String) -> String? {
        let text = fields.string(key)
        guard let value = FieldRules.nonEmpty(text) else {
            if fields.node(key) == nil || text != nil {
                missing(key, "Es fehlt die \(what) („\(key)“).",
                        hint: "Ergänzen Sie z. B. „\(key): \(terms[0].code)“. " + allowed(terms))
            }
            return nil
        }
        if let term = ServiceVocabulary.term(value, in: terms) { return term.code }
        fields.diagnostics.append(.error(code, at: fields.location(ofValue: key),
                                         "„\(value)“ ist keine bekannte \(what).",
                                         hint: vocabularyHint(value, terms)))
        return nil
    }

    private mutating func vocabularyList(_ key: String, in terms: [VocabularyTerm], what: String, code: String,
                                         required: Bool) -> [String] {
        guard fields.node(key) != nil else {
            if required {
                missing(key, "Es fehlt die Liste „\(key)“.",
                        hint: "Ergänzen Sie z. B. „\(key): [\(terms[1].code)]“. " + allowed(terms))
            }
            return []
        }
        guard let items = fields.list(key) else { return [] }
        if items.isEmpty && required {
            fields.diagnostics.append(.error("missing-field", at: fields.location(ofValue: key),
                                             "Die Liste „\(key)“ ist leer.",
                                             hint: "Nennen Sie mindestens einen Eintrag. " + allowed(terms)))
        }
        var result: [String] = []
        for item in items {
            let value = item.text.trimmingSpaces
            guard let term = ServiceVocabulary.term(value, in: terms) else {
                fields.diagnostics.append(.error(code, at: item.location, "„\(value)“ ist keine bekannte \(what).",
                                                 hint: vocabularyHint(value, terms)))
                continue
            }
            if result.contains(term.code) {
                duplicate(value, key: key, at: item.location)
                continue
            }
            result.append(term.code)
        }
        return result
    }

    private func allowed(_ terms: [VocabularyTerm]) -> String {
        "Erlaubt sind: " + terms.map(\.code).joined(separator: ", ") + "."
    }

    /// „Meinten Sie „beratungsstelle“?“, also when the label was written instead of the code.
    private func vocabularyHint(_ value: String, _ terms: [VocabularyTerm]) -> String {
        if let byLabel = terms.first(where: { Slug.make($0.label) == Slug.make(value) }) {
            return "Schreiben Sie den Kurznamen „\(byLabel.code)“ (angezeigt wird „\(byLabel.label)“)."
        }
        let normalized = ServiceVocabulary.normalize(value)
        return Suggestion.hint(for: normalized, in: terms.map(\.code)) ?? allowed(terms)
    }

    private mutating func duplicate(_ value: String, key: String, at location: SourceLocation) {
        fields.diagnostics.append(.warning("duplicate-value", at: location,
                                           "„\(value)“ steht doppelt in der Liste „\(key)“.",
                                           hint: "Löschen Sie den doppelten Eintrag."))
    }

    private mutating func readHandlungsfelder() -> [String] {
        let known = context.handlungsfelder
        let allowedText = "Erlaubt sind: " + known.joined(separator: ", ") + "."
        guard fields.node("handlungsfelder") != nil else {
            missing("handlungsfelder", "Das Angebot ist keinem Handlungsfeld zugeordnet („handlungsfelder“).",
                    hint: "Ergänzen Sie z. B. „handlungsfelder: [armut-notlagen]“. " + allowedText)
            return []
        }
        guard let items = fields.list("handlungsfelder") else { return [] }
        if items.isEmpty {
            fields.diagnostics.append(.error("missing-field", at: fields.location(ofValue: "handlungsfelder"),
                                             "Die Liste „handlungsfelder“ ist leer.",
                                             hint: "Nennen Sie mindestens ein Handlungsfeld. " + allowedText))
        }
        var result: [String] = []
        for item in items {
            let slug = item.text.trimmingSpaces
            guard known.contains(slug) else {
                fields.diagnostics.append(.error("unknown-handlungsfeld", at: item.location,
                                                 "„\(slug)“ ist kein bekanntes Handlungsfeld.",
                                                 hint: Suggestion.hint(for: slug, in: known) ?? allowedText))
                continue
            }
            if result.contains(slug) { duplicate(slug, key: "handlungsfelder", at: item.location); continue }
            result.append(slug)
        }
        return result
    }

    private mutating func readLanguages() -> [String] {
        var result: [String] = []
        let names = ServiceVocabulary.languages.map(\.code)
        for item in fields.list("sprachen") ?? [] {
            let value = item.text.trimmingSpaces
            guard let term = ServiceVocabulary.languages.first(where: { Slug.fold($0.code) == Slug.fold(value) }) else {
                fields.diagnostics.append(.warning(
                    "unknown-language", at: item.location, "Die Sprache „\(value)“ ist nicht in der Liste der Sprachen.",
                    hint: (Suggestion.hint(for: value, in: names).map { $0 + " " } ?? "")
                        + "Sprachen werden auf Deutsch geschrieben, z. B. „Englisch“, „Arabisch“; fehlt eine, "
                        + "ergänzen Sie sie in Sources/Content/ServiceEntryVocabulary.swift."))
                result.append(value)
                continue
            }
            if result.contains(term.code) { duplicate(value, key: "sprachen", at: item.location); continue }
            result.append(term.code)
        }
        return result
    }

    // MARK: place

    private mutating func readAddress() -> ServiceAddress? {
        guard var section = fields.nested("adresse", expectation: "ein Block mit strasse, plz und ort") else { return nil }
        defer { fields.diagnostics += section.diagnostics }
        guard fields.node("adresse") != nil, !section.entries.isEmpty else { return nil }
        section.rejectUnknownKeys(allowed: ServiceEntryDecoder.addressKeys, synonyms: ServiceEntrySynonyms.address)
        var parts: [String: String] = [:]
        for (key, example) in [("strasse", "Frauensteiner Straße 43"), ("plz", "\"09599\""), ("ort", "Freiberg")] {
            let text = section.string(key)
            if let value = FieldRules.nonEmpty(text) {
                parts[key] = value
            } else if section.node(key) == nil || text != nil {
                section.diagnostics.append(.error(
                    "missing-field", at: fields.location(ofKey: "adresse"),
                    "In der Adresse fehlt „adresse.\(key)“.",
                    hint: "Ergänzen Sie unter „adresse:“ eine Zeile wie „  \(key): \(example)“. Ist die Adresse "
                        + "vertraulich (z. B. Frauenschutzhaus), lassen Sie „adresse“ ganz weg."))
            }
        }
        if let code = parts["plz"], !(code.utf8.count == 5 && code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }) {
            section.diagnostics.append(.error(
                "invalid-postal-code", at: section.location(ofValue: "plz"),
                "„\(code)“ ist keine Postleitzahl: Sie hat genau fünf Ziffern.",
                hint: "Schreiben Sie die Postleitzahl in Anführungszeichen, damit die führende 0 bleibt: „plz: \"09599\"“."))
            parts["plz"] = nil
        }
        let district = FieldRules.nonEmpty(section.string("ortsteil"))
        guard let street = parts["strasse"], let code = parts["plz"], let city = parts["ort"] else { return nil }
        return ServiceAddress(street: street, postalCode: code, city: city, district: district)
    }

    private mutating func readGemeinde() -> ServiceGemeinde? {
        let text = fields.string("gemeinde")
        guard let ags = FieldRules.nonEmpty(text) else {
            if fields.node("gemeinde") == nil || text != nil {
                missing("gemeinde", "Es fehlt die Gemeinde („gemeinde“) als Gemeindeschlüssel.",
                        hint: "Ergänzen Sie z. B. „gemeinde: \"14522180\"“ (Freiberg); die Sozialregion ergibt sich daraus. "
                            + "Alle Schlüssel stehen in content/daten/gebiete.csv.")
            }
            return nil
        }
        let location = fields.location(ofValue: "gemeinde")
        // Without the area list nothing can be checked; the loader reports that once.
        if context.areas.isEmpty {
            return ServiceGemeinde(ags: ags, name: ags, slug: Slug.make(ags), sozialregion: 0, sozialregionName: "")
        }
        guard let gemeinde = context.areas[ags] else {
            let isAGS = ags.utf8.count == 8 && ags.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            fields.diagnostics.append(.error(
                "unknown-ags", at: location,
                isAGS ? "Den Gemeindeschlüssel „\(ags)“ gibt es im Landkreis nicht."
                      : "„\(ags)“ ist kein Gemeindeschlüssel (AGS, acht Ziffern).",
                hint: context.areas.hint(forUnknown: ags)))
            return nil
        }
        if let validTo = gemeinde.validTo, let end = BerlinTime.parse(validTo), end < context.now {
            let successor = gemeinde.successor.flatMap { context.areas[$0] }
            fields.diagnostics.append(.error(
                "dissolved-gemeinde", at: location,
                "Die Gemeinde \(gemeinde.name) (\(ags)) gibt es seit dem \(dayAfter(validTo)) nicht mehr.",
                hint: successor.map { "Schreiben Sie „gemeinde: \"\($0.ags)\"“ (\($0.name))." }
                    ?? "Wählen Sie den Schlüssel der heutigen Gemeinde aus content/daten/gebiete.csv."))
        }
        return gemeinde
    }

    private func dayAfter(_ iso: String) -> String {
        guard let date = BerlinTime.parse(iso) else { return iso }
        return GermanFormat.longDate(date.addingTimeInterval(36 * 3600))
    }

    private mutating func readCoordinates() -> ServiceCoordinates? {
        guard var section = fields.nested("koordinaten", expectation: "ein Block mit lat und lon") else { return nil }
        defer { fields.diagnostics += section.diagnostics }
        guard fields.node("koordinaten") != nil, !section.entries.isEmpty else { return nil }
        section.rejectUnknownKeys(allowed: ServiceEntryDecoder.coordinateKeys,
                                  synonyms: ["latitude": "lat", "breite": "lat", "longitude": "lon", "lng": "lon",
                                             "laenge": "lon", "länge": "lon"])
        func number(_ key: String, range: ClosedRange<Double>) -> (Double, String)? {
            let text = section.string(key)
            guard let raw = FieldRules.nonEmpty(text) else {
                if section.node(key) == nil || text != nil {
                    section.diagnostics.append(.error(
                        "missing-field", at: fields.location(ofKey: "koordinaten"),
                        "In den Koordinaten fehlt „koordinaten.\(key)“.",
                        hint: "Schreiben Sie „koordinaten: {lat: 50.9186, lon: 13.3426}“ (Dezimalgrad mit Punkt)."))
                }
                return nil
            }
            let bytes = Array(raw.utf8)
            let wellFormed = !bytes.isEmpty && bytes.enumerated().allSatisfy { index, byte in
                (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || (byte == 0x2D && index == 0)
            } && bytes.filter { $0 == 0x2E }.count <= 1
            guard wellFormed, let value = Double(raw), range.contains(value) else {
                section.diagnostics.append(.error(
                    "invalid-coordinates", at: section.location(ofValue: key),
                    "„\(raw)“ ist kein gültiger Wert für „koordinaten.\(key)“.",
                    hint: raw.contains(",")
                        ? "Schreiben Sie Dezimalgrad mit Punkt statt Komma: „\(raw.replacing(",", with: "."))“."
                        : "Erwartet werden Dezimalgrad wie „50.9186“ (lat, Nord) und „13.3426“ (lon, Ost)."))
                return nil
            }
            return (value, raw)
        }
        let lat = number("lat", range: -90...90)
        let lon = number("lon", range: -180...180)
        guard let lat, let lon else { return nil }
        let inside = ServiceEntryDecoder.latitudeRange.contains(lat.0) && ServiceEntryDecoder.longitudeRange.contains(lon.0)
        if !inside {
            let swapped = ServiceEntryDecoder.latitudeRange.contains(lon.0) && ServiceEntryDecoder.longitudeRange.contains(lat.0)
            section.diagnostics.append(.warning(
                "coordinates-outside", at: fields.location(ofValue: "koordinaten"),
                "Die Koordinaten \(lat.1), \(lon.1) liegen nicht im Landkreis Mittelsachsen.",
                hint: swapped ? "„lat“ und „lon“ sind vermutlich vertauscht: lat ist der Wert um 51, lon der um 13."
                              : "Prüfen Sie die Werte, z. B. auf openstreetmap.org (Rechtsklick, „Adresse anzeigen“)."))
        }
        return ServiceCoordinates(latitude: lat.0, longitude: lon.0, latitudeText: lat.1, longitudeText: lon.1)
    }

    // MARK: contact

    private mutating func readContact(isExample: Bool) -> ServiceContact {
        var contact = ServiceContact()
        let hint = "Ergänzen Sie z. B. „kontakt: {telefon: \"03731 799-0\", email: beratung@example.org}“ – "
            + "eine Telefonnummer, E-Mail-Adresse oder Webseite, über die man das Angebot erreicht."
        guard var section = fields.nested("kontakt", expectation: "ein Block mit telefon, email, website …") else {
            missing("kontakt", "Es fehlt, wie man das Angebot erreicht („kontakt“).", hint: hint)
            return contact
        }
        // A `kontakt` that is not a block was reported by the reader; one message is enough.
        let wrongType = !section.diagnostics.isEmpty
        section.rejectUnknownKeys(allowed: ServiceEntryDecoder.contactKeys, synonyms: ServiceEntrySynonyms.contact)
        contact.phone = phone(&section, "telefon", isExample: isExample)
        contact.hotline = phone(&section, "hotline", isExample: isExample)
        if let email = FieldRules.nonEmpty(section.string("email")) {
            if let problem = ContactRules.emailProblem(email) {
                section.diagnostics.append(.error(
                    "invalid-email", at: section.location(ofValue: "email"),
                    "Die E-Mail-Adresse „\(email)“ \(problem).",
                    hint: email.lowercased().hasPrefix("mailto:")
                        ? "Schreiben Sie nur die Adresse: „\(email.dropFirst(7))“."
                        : "Schreiben Sie die Adresse wie „beratung@example.org“, ohne Leerzeichen."))
            } else {
                contact.email = email
                checkFictional(ContactRules.host(ofEmail: email), value: email, key: "email", isExample: isExample,
                               section: &section)
            }
        }
        if let website = FieldRules.nonEmpty(section.string("website")) {
            if let problem = ContactRules.urlProblem(website) {
                let fixed = website.lowercased().hasPrefix("www.") ? "https://" + website : nil
                section.diagnostics.append(.error(
                    "invalid-url", at: section.location(ofValue: "website"),
                    "Die Webadresse „\(website)“ \(problem).",
                    hint: fixed.map { "Schreiben Sie „\($0)“." }
                        ?? "Schreiben Sie die vollständige Adresse, z. B. „https://www.example.org/beratung“."))
            } else {
                if website.lowercased().hasPrefix("http://") {
                    section.diagnostics.append(.warning(
                        "insecure-url", at: section.location(ofValue: "website"),
                        "Die Webadresse „\(website)“ ist nicht verschlüsselt (http://).",
                        hint: "Prüfen Sie, ob die Seite auch mit „https://“ erreichbar ist, und schreiben Sie dann das."))
                }
                contact.website = website
                checkFictional(ContactRules.host(ofURL: website), value: website, key: "website", isExample: isExample,
                               section: &section)
            }
        }
        contact.role = FieldRules.nonEmpty(section.string("rolle"))
        contact.note = FieldRules.nonEmpty(section.string("hinweis"))
        // A value that was written but rejected was reported already; empty values (`telefon: ""`,
        // as `sozialsite new angebot` leaves them) count as missing.
        let written = ["telefon", "hotline", "email", "website"].contains { key in
            guard let node = section.node(key) else { return false }
            if case .scalar(let scalar) = node { return !scalar.string.trimmingSpaces.isEmpty }
            return true
        }
        fields.diagnostics += section.diagnostics
        if contact.isEmpty && !written && !wrongType {
            fields.diagnostics.append(.error(
                "missing-contact", at: fields.location(ofKey: "kontakt"),
                "Unter „kontakt“ steht weder Telefon noch E-Mail noch Webseite.", hint: hint))
        }
        return contact
    }

    private mutating func phone(_ section: inout FieldReader, _ key: String, isExample: Bool) -> PhoneNumber? {
        guard let written = FieldRules.nonEmpty(section.string(key)) else { return nil }
        switch ContactRules.phone(written) {
        case .failure(let problem):
            let hint: String
            switch problem {
            case .missingAreaCode: hint = "Schreiben Sie die Vorwahl dazu, z. B. „03731 \(written)“."
            case .leadingZeroAfterCountryCode:
                hint = "Nach +49 entfällt die 0: „+49 \(written.drop { $0 != "0" }.dropFirst())“, oder schreiben Sie "
                    + "„+49 (0)…“."
            default: hint = ContactRules.phoneExamples
            }
            section.diagnostics.append(.error("invalid-phone", at: section.location(ofValue: key),
                                              ContactRules.message(for: problem, written: written), hint: hint))
            return nil
        case .success(let number):
            if isExample && !number.isFictional {
                section.diagnostics.append(.error(
                    "example-contact-not-fictional", at: section.location(ofValue: key),
                    "Der Beispieleintrag nennt die Telefonnummer „\(written)“, die es wirklich geben könnte.",
                    hint: "Beispiele verwenden nur die für Medien reservierten Nummern 030 23125 000 bis 999 "
                        + "(Bundesnetzagentur, „Drama Numbers“), z. B. „030 23125-101“."))
            } else if !isExample && number.isFictional {
                section.diagnostics.append(.warning(
                    "fictional-contact", at: section.location(ofValue: key),
                    "„\(written)“ ist eine reservierte Beispielnummer, unter der niemand erreichbar ist.",
                    hint: "Tragen Sie die echte Nummer ein oder markieren Sie den Eintrag mit „beispiel: true“."))
            }
            return number
        }
    }

    private func checkFictional(_ host: String, value: String, key: String, isExample: Bool,
                                section: inout FieldReader) {
        let reserved = ContactRules.isReservedDomain(host)
        if isExample && !reserved {
            section.diagnostics.append(.error(
                "example-contact-not-fictional", at: section.location(ofValue: key),
                "Der Beispieleintrag nennt „\(value)“, eine Adresse, die es wirklich geben könnte.",
                hint: "Beispiele verwenden nur reservierte Domains (RFC 2606), z. B. „beratung@example.org“ "
                    + "oder „https://example.org/…“."))
        } else if !isExample && reserved {
            section.diagnostics.append(.warning(
                "fictional-contact", at: section.location(ofValue: key),
                "„\(value)“ ist eine Beispieladresse, die niemanden erreicht.",
                hint: "Tragen Sie die echte Adresse ein oder markieren Sie den Eintrag mit „beispiel: true“."))
        }
    }

    // MARK: opening hours

    private mutating func readOpeningHours() -> [OpeningHoursRule] {
        guard let items = fields.sequence("oeffnungszeiten") else { return [] }
        var rules: [OpeningHoursRule] = []
        var locations: [SourceLocation] = []
        for (offset, item) in items.enumerated() {
            let prefix = "oeffnungszeiten[\(offset + 1)]."
            var row = FieldReader(item, document: fields.document, keyPrefix: prefix,
                                  origin: fields.document.location(of: item), name: "oeffnungszeiten",
                                  expectation: "ein Block mit tage, von und bis")
            if let rule = readRule(&row, prefix: prefix, item: item) {
                rules.append(rule)
                locations.append(fields.document.location(of: item))
            }
            fields.diagnostics += row.diagnostics
        }
        for overlap in OpeningHours.overlaps(rules) {
            let a = rules[overlap.first], b = rules[overlap.second]
            fields.diagnostics.append(.warning(
                "overlapping-opening-hours", at: locations[overlap.second],
                "Am \(overlap.day.name) überschneiden sich die Zeiten \(OpeningHours.timeText(a)) und "
                    + "\(OpeningHours.timeText(b)).",
                hint: "Prüfen Sie die Zeilen von „oeffnungszeiten“; jede Zeit sollte nur einmal vorkommen."))
        }
        return rules
    }

    private mutating func readRule(_ row: inout FieldReader, prefix: String, item: YAMLNode) -> OpeningHoursRule? {
        guard case .mapping = item else { return nil }
        // `{tage: Sa, So, …}`: the comma ends the value in the short form, and „So“ becomes a key.
        let strayDays = row.names.filter {
            !ServiceEntryDecoder.openingHoursKeys.contains($0) && OpeningHours.weekday($0) != nil
        }
        for day in strayDays {
            row.diagnostics.append(.error(
                "invalid-days", at: row.location(ofKey: day),
                "„\(day)“ steht als eigene Angabe da, gehört aber zu „tage“.",
                hint: "In der Kurzform { … } trennt das Komma die Angaben; setzen Sie die Tage in Anführungszeichen: "
                    + "„tage: \"Sa, So\"“."))
        }
        row.rejectUnknownKeys(allowed: ServiceEntryDecoder.openingHoursKeys + strayDays,
                              synonyms: ServiceEntrySynonyms.openingHours)
        let example = "„- {tage: Mo–Fr, von: \"08:00\", bis: \"12:00\"}“"
        var days: [Weekday]? = nil
        var complete = true
        for key in ["tage", "von", "bis"] where row.node(key) == nil {
            complete = false
            row.diagnostics.append(.error("missing-field", at: row.origin,
                                          "In dieser Zeile der Öffnungszeiten fehlt „\(key)“.",
                                          hint: "Jede Zeile braucht tage, von und bis, z. B. \(example)."))
        }
        if let text = row.string("tage") {
            switch OpeningHours.parseDays(text) {
            case .success(let parsed): days = parsed
            case .failure(let problem):
                let message: String, hint: String
                switch problem {
                case .empty:
                    message = "Bei „\(prefix)tage“ steht kein Wochentag."
                    hint = "Schreiben Sie z. B. „tage: Mo–Fr“ oder „tage: Sa, So“."
                case .unknown(let word):
                    message = "„\(word)“ ist kein Wochentag."
                    hint = (Suggestion.hint(for: word, in: OpeningHours.dayWords).map { $0 + " " } ?? "")
                        + "Wochentage: Mo, Di, Mi, Do, Fr, Sa, So; Bereiche wie „Mo–Fr“, Aufzählungen wie „Sa, So“."
                case .ambiguous(let word):
                    message = "„\(word)“ ist mehrdeutig: Der Samstag ist rechtlich auch ein Werktag."
                    hint = "Schreiben Sie „Mo–Fr“ oder „Mo–Sa“."
                }
                row.diagnostics.append(.error("invalid-days", at: row.location(ofValue: "tage"), message, hint: hint))
            }
        }
        let opens = time(&row, "von", prefix: prefix, isEnd: false)
        let closes = time(&row, "bis", prefix: prefix, isEnd: true)
        let overnight = row.bool("ueber_nacht") ?? false
        let note = FieldRules.nonEmpty(row.string("hinweis"))
        guard complete, let days, let opens, let closes else { return nil }
        if closes <= opens && !overnight {
            let code = "end-before-start"
            let message = closes == opens
                ? "Die Öffnungszeit endet um \(closes.iso), wenn sie beginnt."
                : "Die Öffnungszeit endet um \(closes.iso) vor ihrem Beginn um \(opens.iso)."
            row.diagnostics.append(.error(
                code, at: row.location(ofValue: "bis"), message,
                hint: closes == opens ? "Prüfen Sie „von“ und „bis“; ganztägig ist „von: \"00:00\", bis: \"24:00\"“."
                    : "Geht die Zeit über Mitternacht (z. B. Nachtcafé 22:00–02:00), ergänzen Sie „ueber_nacht: true“; "
                    + "sonst prüfen Sie „von“ und „bis“."))
            return nil
        }
        if overnight && (closes > opens || closes.minutes == 1440) {
            row.diagnostics.append(.warning(
                "overnight-not-needed", at: row.location(ofValue: "ueber_nacht"),
                "„ueber_nacht: true“ passt nicht: Die Zeit \(opens.iso)–\(closes.iso) endet am selben Tag.",
                hint: "Löschen Sie „ueber_nacht“, oder prüfen Sie „bis“."))
            return OpeningHoursRule(days: days, opens: opens, closes: closes, overnight: false, note: note)
        }
        if overnight && closes == opens {
            row.diagnostics.append(.error(
                "end-before-start", at: row.location(ofValue: "bis"),
                "Die Öffnungszeit endet um \(closes.iso), wenn sie beginnt.",
                hint: "Für „rund um die Uhr“ schreiben Sie „von: \"00:00\", bis: \"24:00\"“ ohne „ueber_nacht“."))
            return nil
        }
        return OpeningHoursRule(days: days, opens: opens, closes: closes, overnight: overnight, note: note)
    }

    private mutating func time(_ row: inout FieldReader, _ key: String, prefix: String, isEnd: Bool) -> ClockTime? {
        guard let text = row.string(key) else { return nil }
        let location = row.location(ofValue: key)
        switch OpeningHours.parseTime(text) {
        case .success(let time):
            if !isEnd && time.minutes == 1440 {
                row.diagnostics.append(.error("invalid-time", at: location,
                                              "„24:00“ ist das Ende eines Tages und kann keine Öffnungszeit beginnen.",
                                              hint: "Schreiben Sie „\(key): \"00:00\"“."))
                return nil
            }
            return time
        case .failure(.format):
            row.diagnostics.append(.error("invalid-time", at: location,
                                          "„\(text)“ ist keine Uhrzeit für „\(prefix)\(key)“.",
                                          hint: "Schreiben Sie Stunden und Minuten mit Doppelpunkt, z. B. „\(key): \"08:30\"“."))
            return nil
        case .failure(.outOfRange(let hour, let minute)):
            let reason = minute > 59 ? "Eine Stunde hat nur 60 Minuten" : "Ein Tag hat nur 24 Stunden"
            row.diagnostics.append(.error("invalid-time", at: location,
                                          "Die Uhrzeit „\(text)“ gibt es nicht: \(reason).",
                                          hint: hour >= 24
                                            ? "Zeiten nach Mitternacht schreiben Sie als „bis: \"02:00\"“ mit „ueber_nacht: true“."
                                            : "Erlaubt sind 00:00 bis 23:59 und 24:00 als Ende des Tages."))
            return nil
        }
    }

    // MARK: stand

    private mutating func readStand() -> Date? {
        guard fields.node("stand") != nil else {
            missing("stand", "Es fehlt das Datum der letzten Prüfung („stand“).",
                    hint: "Ergänzen Sie „stand: \(GermanFormat.isoDay(context.now))“, nachdem Sie alle Angaben beim Träger "
                        + "geprüft haben.")
            return nil
        }
        guard let checked = fields.date("stand") else { return nil }
        let location = fields.location(ofValue: "stand")
        let calendar = BerlinTime.calendar
        if checked > context.now.addingTimeInterval(86_400) {
            fields.diagnostics.append(.warning(
                "stand-in-future", at: location,
                "Der Stand \(GermanFormat.longDate(checked)) liegt in der Zukunft.",
                hint: "„stand“ ist der Tag, an dem die Angaben zuletzt geprüft wurden, z. B. „stand: \(GermanFormat.isoDay(context.now))“."))
        } else if let limit = calendar.date(byAdding: .month, value: context.staleAfterMonths, to: checked),
                  limit < context.now {
            let months = calendar.dateComponents([.month], from: checked, to: context.now).month ?? context.staleAfterMonths
            fields.diagnostics.append(.warning(
                "stale-entry", at: location,
                "Der Eintrag wurde seit \(months) Monaten nicht geprüft (Stand: \(GermanFormat.longDate(checked))).",
                hint: "Prüfen Sie Adresse, Kontakt und Öffnungszeiten beim Träger und setzen Sie dann "
                    + "„stand: \(GermanFormat.isoDay(context.now))“. Die Frist (\(context.staleAfterMonths) Monate) steht "
                    + "in content/angebote/_verzeichnis.md („pruefintervall_monate“)."))
        }
        return checked
    }
}
