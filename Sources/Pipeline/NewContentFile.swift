import Content
import Data
import Foundation
import Support

/// `sozialsite new beitrag|angebot "Titel"`: a new content file with every front-matter key,
/// explained in German comments, in the right folder under the right name. A new post is a
/// draft dated today (Europe/Berlin) and builds without warnings as it is.
public enum NewContentFile {
    public enum Kind: String, CaseIterable, Sendable {
        case beitrag, angebot
    }

    public struct Request: Sendable {
        public var kind: Kind
        /// Title of the post or name of the service.
        public var title: String
        /// Default: `Slug.make(title)`.
        public var slug: String?
        /// Slugs, labels („Gesundheit rundum“) or positions (1–11) of Handlungsfelder.
        public var handlungsfelder: [String]
        public var tags: [String]
        /// Post date or `stand` of a service entry; its Berlin calendar day (and time, if not midnight) is written.
        public var date: Date
        /// Service entries: Gemeinde by name („Döbeln“) or AGS („14522080“).
        public var gemeinde: String?

        public init(kind: Kind, title: String, slug: String? = nil, handlungsfelder: [String] = [], tags: [String] = [],
                    date: Date, gemeinde: String? = nil) {
            self.kind = kind
            self.title = title
            self.slug = slug
            self.handlungsfelder = handlungsfelder
            self.tags = tags
            self.date = date
            self.gemeinde = gemeinde
        }
    }

    /// A problem with the request, in German, for the command line.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var hint: String?
        public var description: String { message + (hint.map { "\n    Hinweis: \($0)" } ?? "") }
    }

    /// A Handlungsfeld as `new` offers it.
    public struct Field: Sendable, Hashable {
        public var slug: String
        public var label: String
    }

    /// The site's Handlungsfelder in order (from `content/handlungsfelder/`, else the eleven defaults).
    public static func handlungsfelder(siteDirectory: String) -> [Field] {
        let folder = (siteDirectory as NSString).appendingPathComponent(ContentLoader.handlungsfelderFolder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            return DefaultHandlungsfelder.all.map { Field(slug: $0.slug, label: $0.label) }
        }
        var fields: [(order: Int, field: Field)] = []
        for name in names.sorted() where name.hasSuffix(".md") {
            let path = ContentLoader.handlungsfelderFolder + "/" + name
            guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)) else { continue }
            let (decoded, _) = HandlungsfeldDecoder.decode(bytes: [UInt8](data), path: path)
            let slug = HandlungsfeldDecoder.slug(forPath: path)
            fields.append((decoded?.order ?? Int.max, Field(slug: slug, label: decoded?.label ?? slug)))
        }
        return fields.sorted { ($0.order, $0.field.slug) < ($1.order, $1.field.slug) }.map(\.field)
    }

    /// Handlungsfeld slugs for what an editor typed: slug, label or position; typos get a hint.
    public static func resolve(_ inputs: [String], among fields: [Field]) throws(Problem) -> [String] {
        var slugs: [String] = []
        let allowed = "Erlaubt: " + fields.map(\.slug).joined(separator: ", ") + "."
        for raw in inputs.flatMap({ $0.split(separator: ",") }) {
            let input = raw.trimmingCharacters(in: .whitespaces)
            guard !input.isEmpty else { continue }
            let match = fields.first { $0.slug == input || Slug.make($0.label) == Slug.make(input) || Slug.make(input) == $0.slug }
                ?? Int(input).flatMap { $0 >= 1 && $0 <= fields.count ? fields[$0 - 1] : nil }
            guard let match else {
                throw Problem(message: "„\(input)“ ist kein Handlungsfeld dieser Website.",
                              hint: Suggestion.hint(for: input, in: fields.map(\.slug)) ?? allowed)
            }
            if !slugs.contains(match.slug) { slugs.append(match.slug) }
        }
        return slugs
    }

    /// The file to write, relative to the site folder, and its text.
    public static func make(_ request: Request, siteDirectory: String) throws(Problem) -> (path: String, text: String) {
        let title = request.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else {
            throw Problem(message: "Der Titel fehlt.", hint: "Schreiben Sie ihn in Anführungszeichen: sozialsite new \(request.kind.rawValue) \"Mein Titel\"")
        }
        let slug = request.slug ?? Slug.make(title)
        guard !slug.isEmpty else {
            throw Problem(message: "Aus dem Titel „\(title)“ lässt sich keine Adresse bilden.",
                          hint: "Geben Sie eine an, z. B. --slug mein-beitrag")
        }
        guard Slug.make(slug) == slug else {
            throw Problem(message: "„\(slug)“ ist als Adresse nicht geeignet: erlaubt sind a–z, Ziffern und Bindestriche.",
                          hint: "Zum Beispiel --slug \(Slug.make(slug))")
        }
        let fields = handlungsfelder(siteDirectory: siteDirectory)
        let chosen = try resolve(request.handlungsfelder, among: fields)
        guard !chosen.isEmpty else {
            throw Problem(message: "Jeder \(request.kind == .beitrag ? "Beitrag" : "Eintrag") braucht mindestens ein Handlungsfeld.",
                          hint: "Zum Beispiel: sozialsite new \(request.kind.rawValue) \"\(title)\" --handlungsfeld "
                            + "\(fields.first?.slug ?? "bildung"). Erlaubt: \(fields.map(\.slug).joined(separator: ", ")).")
        }
        switch request.kind {
        case .beitrag:
            let year = BerlinTime.year(of: request.date)
            return ("\(ContentLoader.postsFolder)/\(year)/\(slug).md",
                    postText(title: title, slug: slug, date: request.date, handlungsfelder: chosen, tags: request.tags,
                             fields: fields))
        case .angebot:
            let gemeinde = try resolveGemeinde(request.gemeinde, siteDirectory: siteDirectory)
            return ("content/angebote/\(slug).md",
                    serviceText(name: title, date: request.date, handlungsfelder: chosen, gemeinde: gemeinde, fields: fields))
        }
    }

    /// Writes the file; never overwrites one.
    public static func create(_ request: Request, siteDirectory: String) throws(Problem) -> String {
        let (path, text) = try make(request, siteDirectory: siteDirectory)
        let full = (siteDirectory as NSString).appendingPathComponent(path)
        guard !FileManager.default.fileExists(atPath: full) else {
            throw Problem(message: "Die Datei „\(path)“ gibt es schon; sie bleibt unverändert.",
                          hint: "Wählen Sie einen anderen Titel oder eine andere Adresse mit --slug.")
        }
        do {
            try FileManager.default.createDirectory(atPath: ParentFolder.of(full),
                                                    withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        } catch {
            throw Problem(message: "Die Datei „\(path)“ konnte nicht geschrieben werden: \(SystemErrorText.describe(error)).",
                          hint: "Prüfen Sie, ob Sie im Ordner der Website sind (--source) und Schreibrechte haben.")
        }
        return path
    }

    // MARK: texts

    /// `2025-06-11`, or `2025-06-11 09:30` when the time is not midnight (Berlin).
    static func dateText(_ date: Date) -> String {
        let c = BerlinTime.components(of: date)
        let day = GermanFormat.isoDay(date)
        guard c.hour != 0 || c.minute != 0 else { return day }
        return day + String(format: " %02d:%02d", c.hour!, c.minute!)
    }

    /// A YAML scalar in double quotes (titles hold colons, quotes and # often).
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func flowList(_ items: [String]) -> String {
        "[" + items.map { item in
            item.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" } ? item : quoted(item)
        }.joined(separator: ", ") + "]"
    }

    static func postText(title: String, slug: String, date: Date, handlungsfelder: [String], tags: [String],
                         fields: [Field]) -> String {
        let year = BerlinTime.year(of: date), month = BerlinTime.month(of: date)
        let address = "/\(year)/\(month < 10 ? "0" : "")\(month)/\(slug)/"
        return """
        ---
        # Überschrift des Beitrags (Pflicht). Die Anführungszeichen erlauben Doppelpunkte und #.
        title: \(quoted(title))

        # Erscheinungsdatum (Pflicht), deutsche Zeit: 2025-06-11 oder mit Uhrzeit 2025-06-11 09:30.
        # Liegt es in der Zukunft, erscheint der Beitrag beim ersten Bau nach diesem Zeitpunkt.
        date: \(dateText(date))

        # Entwurf: erscheint nirgends, bis Sie diese Zeile löschen oder „false“ schreiben.
        # Ansehen können Sie ihn vorher mit: sozialsite build --drafts
        draft: true

        # Ein bis zwei Sätze für Startseite, Feeds, Suche und Suchmaschinen (empfohlen).
        summary: ""

        # Handlungsfelder (Pflicht, meist eins oder zwei). Möglich sind:
        # \(fields.map(\.slug).joined(separator: ", "))
        handlungsfelder: \(flowList(handlungsfelder))

        # Schlagwörter (freiwillig). Bitte vorhandene verwenden, z. B. [Ehrenamt, Pflege].
        tags: \(flowList(tags))

        # Wer schreibt: eine Rolle oder ein Team, keine privaten Kontaktdaten (empfohlen).
        author: ""

        # Titelbild (freiwillig): Datei in content/static/bilder/, dann ist image_alt Pflicht.
        # image: /bilder/name.svg
        # image_alt: "Was auf dem Bild zu sehen ist, in ein bis zwei Sätzen"

        # Adresse des Beitrags: \(address)
        # Nach dem Veröffentlichen nicht mehr ändern (sonst die alte Adresse bei aliases eintragen).
        slug: \(slug)

        # Alte Adressen, die hierher weiterleiten sollen (freiwillig):
        # aliases: [/2022/04/alter-name/]

        # Passende Einträge aus dem Angebotsportal (freiwillig), z. B.:
        # angebote: [schuldnerberatung-freiberg]

        # Letzte inhaltliche Änderung (freiwillig, erst nach dem Veröffentlichen):
        # updated: 2025-07-01
        ---
        Schreiben Sie hier den ersten Absatz: Worum geht es, und warum ist es für die Menschen im
        Landkreis wichtig?

        ## Erste Zwischenüberschrift

        Zwischenüberschriften beginnen mit „##“, Unterabschnitte mit „###“. Links auf andere Beiträge
        schreiben Sie als Adresse der Website, z. B. [Handlungsfelder](/handlungsfelder/).

        """
    }

    struct Gemeinde {
        var ags: String
        var name: String
    }

    static func resolveGemeinde(_ input: String?, siteDirectory: String) throws(Problem) -> Gemeinde? {
        guard let input = input?.trimmingCharacters(in: .whitespaces), !input.isEmpty else { return nil }
        let path = (siteDirectory as NSString).appendingPathComponent(AreaCatalog.defaultPath)
        let (catalog, _) = AreaCatalog.load(path: path)
        if let area = catalog.area(code: input) ?? catalog.area(slug: Slug.make(input), level: .gemeinde),
           area.level == .gemeinde {
            return Gemeinde(ags: area.key, name: area.name)
        }
        let names = catalog.gemeinden.map(\.name)
        throw Problem(message: "Die Gemeinde „\(input)“ steht nicht in \(AreaCatalog.defaultPath).",
                      hint: Suggestion.hint(for: input, in: names)
                        ?? "Geben Sie den Namen („Döbeln“) oder den achtstelligen Gemeindeschlüssel an.")
    }

    static func serviceText(name: String, date: Date, handlungsfelder: [String], gemeinde: Gemeinde?,
                            fields: [Field]) -> String {
        let gemeindeLine = gemeinde.map { "gemeinde: \"\($0.ags)\"   # \($0.name)" } ?? "gemeinde: \"\""
        return """
        ---
        # Ein Eintrag im Angebotsportal. Alle Angaben beim Träger prüfen; Codes und Beispiele: docs/angebote.md.
        # Kontaktangaben immer als Rolle („Beratungsteam“), nie mit dem Namen einer Person.

        # Name des Angebots (Pflicht) und eine Zeile darunter (freiwillig).
        name: \(quoted(name))
        untertitel: ""

        # Wer das Angebot betreibt (Pflicht), z. B. "Diakonie Freiberg e. V.".
        traeger: ""

        # Kategorie (Pflicht), z. B. beratungsstelle, behoerde, kita, schule, treffpunkt.
        kategorie: beratungsstelle

        # Bereich (Pflicht): bildung, gesundheit oder soziales.
        bereich: soziales

        # Handlungsfelder (Pflicht). Möglich sind:
        # \(fields.map(\.slug).joined(separator: ", "))
        handlungsfelder: \(flowList(handlungsfelder))

        # Für wen (Pflicht, mindestens eine), z. B. [familien, senioren, alle].
        zielgruppen: [alle]

        # Anschrift (weglassen, wenn sie vertraulich ist, etwa beim Frauenschutzhaus).
        adresse:
          strasse: ""
          plz: ""
          ort: ""
          # ortsteil: ""

        # Gemeinde (Pflicht) als achtstelliger Gemeindeschlüssel aus content/daten/gebiete.csv.
        \(gemeindeLine)

        # Lage für Karten (freiwillig), Dezimalgrad:
        # koordinaten: {lat: 50.9123, lon: 13.3421}

        # Wie man das Angebot erreicht (Pflicht: mindestens Telefon, E-Mail oder Website).
        kontakt:
          telefon: ""
          email: ""
          website: ""
          # hotline: ""
          # rolle: Beratungsteam
          # hinweis: ""

        # Öffnungszeiten (freiwillig), je Zeile Tage und Uhrzeit:
        # oeffnungszeiten:
        #   - {tage: Mo-Do, von: "08:00", bis: "16:00"}
        #   - {tage: Fr, von: "08:00", bis: "12:00"}
        # oeffnungszeiten_hinweis: "In den Schulferien nur nach Vereinbarung."

        # Termin nötig? true oder false (weglassen, wenn unbekannt).
        # termin_noetig: true

        # Kosten (freiwillig), z. B. kostenfrei.
        # kosten: kostenfrei

        # Sprachen der Beratung (freiwillig), z. B. [Deutsch, Englisch].
        # sprachen: [Deutsch]

        # Barrierefreiheit (freiwillig), z. B. [rollstuhlgerecht, aufzug, leichte-sprache].
        # barrierefreiheit: []
        # barrierefreiheit_hinweis: ""

        # Auch online erreichbar (Video, Chat, E-Mail-Beratung)?
        # online_angebot: false

        # Für wen nach Wohnort (freiwillig), z. B. "Landkreis Mittelsachsen".
        # einzugsgebiet: ""

        # Weitere Suchwörter (freiwillig).
        # stichworte: []

        # Tag der letzten Prüfung aller Angaben (Pflicht). Nach jeder Prüfung neu setzen.
        stand: \(GermanFormat.isoDay(date))
        ---
        Beschreiben Sie in zwei bis vier kurzen Absätzen, was das Angebot leistet, für wen es da ist
        und wie man es bekommt.

        """
    }
}
