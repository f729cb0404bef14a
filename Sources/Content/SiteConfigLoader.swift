import Foundation
import Support
import Yams

/// Reads `site-config.json`. JSON is read through Yams (JSON is YAML) so that every key and
/// value has a line and column for diagnostics. Every key is known; unknown or mistyped keys
/// and wrong types are errors. Missing optional keys take the defaults of `SiteConfig`.
public enum SiteConfigLoader {
    public static let fileName = "site-config.json"

    public static let keys = ["baseURL", "title", "description", "language", "timeZone", "theme", "itemsPerPage",
                              "markdown", "menus", "contact", "feeds", "newsletter"]
    public static let markdownKeys = ["rawHTML", "germanQuotes"]
    public static let menuNames = ["haupt", "fuss"]
    public static let menuItemKeys = ["title", "url"]
    public static let contactKeys = ["organisation", "department", "street", "postalCode", "city", "email", "phone",
                                     "responsible"]
    public static let feedKeys = ["items"]
    public static let newsletterKeys = ["period", "tool"]
    public static let newsletterPeriods = ["monatlich", "vierteljaehrlich"]
    public static let newsletterTools = ["listmonk", "cleverreach", "mailchimp"]

    /// Words from Hugo and other generators, mapped to this file's keys.
    static let synonyms: [String: String] = [
        "paginate": "itemsPerPage", "pagesize": "itemsPerPage", "postsperpage": "itemsPerPage",
        "perpage": "itemsPerPage", "languagecode": "language", "lang": "language", "sprache": "language",
        "menu": "menus", "titel": "title", "beschreibung": "description", "kontakt": "contact",
        "feed": "feeds", "zeitzone": "timeZone",
    ]

    /// Reads `<siteDirectory>/site-config.json`; a missing file is an error and gives the defaults.
    public static func load(siteDirectory: String) -> (SiteConfig, [Diagnostic]) {
        let path = (siteDirectory as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            return (SiteConfig(), [.error(
                "missing-config", at: SourceLocation(file: fileName),
                "Die Datei \(fileName) fehlt im Website-Ordner.",
                hint: "Legen Sie im Website-Ordner eine Datei \(fileName) an, mindestens mit "
                    + "{ \"baseURL\": \"https://mittelsachsen-sozial.de\", \"title\": \"…\" }, "
                    + "oder rufen Sie das Programm im richtigen Ordner auf.")])
        }
        return parse(bytes: Array(data), path: fileName)
    }

    /// Reads the configuration from the file's bytes; `path` is used in diagnostics.
    public static func parse(bytes: [UInt8], path: String = fileName) -> (SiteConfig, [Diagnostic]) {
        let text: String
        switch SourceText.decode(bytes, file: path) {
        case .success(let decoded): text = decoded
        case .failure(let error): return (SiteConfig(), error.diagnostics)
        }
        let document: YAMLDocument
        switch YAMLDocument.parse(text, file: path, firstLine: 1) {
        case .success(let composed): document = composed
        case .failure(let error):
            return (SiteConfig(), error.diagnostics.map { configSyntax($0) })
        }
        var fields = FieldReader(document.root, document: document, strictJSON: true,
                                 origin: SourceLocation(file: path), expectation: "ein JSON-Objekt { … }")
        var config = SiteConfig()
        read(&fields, into: &config)
        return (config, fields.diagnostics)
    }

    // MARK: sections

    private static func read(_ fields: inout FieldReader, into config: inout SiteConfig) {
        fields.rejectUnknownKeys(allowed: keys, synonyms: synonyms, code: "unknown-config-key", place: "in site-config.json")
        if let raw = fields.string("baseURL") {
            if let url = normalisedBaseURL(raw) {
                config.baseURL = url
            } else {
                fields.diagnostics.append(.error(
                    "invalid-base-url", at: fields.location(ofValue: "baseURL"),
                    "„\(raw)“ ist keine gültige Adresse für „baseURL“.",
                    hint: "Schreiben Sie die vollständige Adresse mit https://, z. B. \"https://mittelsachsen-sozial.de\"."))
            }
        } else if fields.node("baseURL") == nil {
            fields.diagnostics.append(missing("baseURL", example: "\"https://mittelsachsen-sozial.de\"", in: fields))
        }
        let titleText = fields.string("title")
        if let title = FieldRules.nonEmpty(titleText) {
            config.title = title
        } else if fields.node("title") == nil || titleText != nil {
            fields.diagnostics.append(missing("title", example: "\"soziales.mittelsachsen.gemeinsam.machen\"", in: fields))
        }
        if let description = fields.string("description") { config.description = description }
        if let language = fields.string("language") {
            config.language = language
            if language != "de-DE" {
                fields.diagnostics.append(.warning(
                    "unexpected-language", at: fields.location(ofValue: "language"),
                    "Die Sprache „\(language)“ passt nicht zu dieser deutschsprachigen Website.",
                    hint: "Schreiben Sie \"language\": \"de-DE\"."))
            }
        }
        if let zone = fields.string("timeZone") {
            if zone == BerlinTime.timeZone.identifier {
                config.timeZone = zone
            } else {
                fields.diagnostics.append(.error(
                    "invalid-config-value", at: fields.location(ofValue: "timeZone"),
                    "Die Zeitzone „\(zone)“ wird nicht unterstützt: Die Website rechnet alle Daten in Europe/Berlin.",
                    hint: "Schreiben Sie \"timeZone\": \"Europe/Berlin\" oder lassen Sie die Angabe weg."))
            }
        }
        if let theme = fields.locatedString("theme") {
            if let name = FieldRules.checkSlug(theme, key: "theme", into: &fields.diagnostics) { config.theme = name }
        }
        if let items = fields.int("itemsPerPage", in: 1...1000) { config.itemsPerPage = items }
        if var section = fields.nested("markdown", expectation: "ein Objekt mit rawHTML und germanQuotes") {
            section.rejectUnknownKeys(allowed: markdownKeys, code: "unknown-config-key", place: "in site-config.json")
            if let raw = section.bool("rawHTML") { config.markdown.rawHTML = raw }
            if let quotes = section.bool("germanQuotes") { config.markdown.germanQuotes = quotes }
            fields.diagnostics += section.diagnostics
        }
        if var section = fields.nested("menus", expectation: "ein Objekt mit den Menüs „haupt“ und „fuss“") {
            config.menus = readMenus(&section)
            fields.diagnostics += section.diagnostics
        }
        if var section = fields.nested("contact", expectation: "ein Objekt mit den Kontaktangaben") {
            section.rejectUnknownKeys(allowed: contactKeys, code: "unknown-config-key", place: "in site-config.json")
            var contact = Contact()
            let setters: [(String, WritableKeyPath<Contact, String>)] = [
                ("organisation", \.organisation), ("department", \.department), ("street", \.street),
                ("postalCode", \.postalCode), ("city", \.city), ("email", \.email), ("phone", \.phone),
                ("responsible", \.responsible),
            ]
            for (key, path) in setters { if let value = section.string(key) { contact[keyPath: path] = value } }
            config.contact = contact
            fields.diagnostics += section.diagnostics
        }
        if var section = fields.nested("feeds", expectation: "ein Objekt mit „items“") {
            section.rejectUnknownKeys(allowed: feedKeys, code: "unknown-config-key", place: "in site-config.json")
            if let items = section.int("items", in: 1...1000) { config.feeds.items = items }
            fields.diagnostics += section.diagnostics
        }
        if var section = fields.nested("newsletter", expectation: "ein Objekt mit „period“ und „tool“") {
            section.rejectUnknownKeys(allowed: newsletterKeys, code: "unknown-config-key", place: "in site-config.json")
            if let period = choice(&section, "period", from: newsletterPeriods) { config.newsletter.period = period }
            if let tool = choice(&section, "tool", from: newsletterTools) { config.newsletter.tool = tool }
            fields.diagnostics += section.diagnostics
        }
    }

    private static func readMenus(_ section: inout FieldReader) -> [String: [MenuItem]] {
        section.rejectUnknownKeys(allowed: menuNames, code: "unknown-config-key", place: "in site-config.json")
        var menus: [String: [MenuItem]] = [:]
        for name in menuNames {
            guard let nodes = section.sequence(name) else { continue }
            var items: [MenuItem] = []
            for (number, node) in nodes.enumerated() {
                var entry = FieldReader(node, document: section.document,
                                        keyPrefix: "menus.\(name)[\(number + 1)].", strictJSON: true,
                                        expectation: "ein Menüeintrag { \"title\": …, \"url\": … }")
                entry.rejectUnknownKeys(allowed: menuItemKeys, code: "unknown-config-key", place: "in site-config.json")
                let title = FieldRules.nonEmpty(entry.string("title"))
                let url = entry.locatedString("url")
                if title == nil && entry.node("title") == nil {
                    entry.diagnostics.append(missing("title", example: "\"Daten\"", in: entry))
                }
                if url == nil && entry.node("url") == nil {
                    entry.diagnostics.append(missing("url", example: "\"/daten/\"", in: entry))
                }
                if let url, !isMenuURL(url.text) {
                    entry.diagnostics.append(.error(
                        "invalid-config-value", at: url.location,
                        "„\(url.text)“ ist keine gültige Adresse für einen Menüeintrag.",
                        hint: "Schreiben Sie einen Pfad dieser Website wie \"/daten/\" oder eine Adresse mit https://."))
                }
                section.diagnostics += entry.diagnostics
                if let title, let url, isMenuURL(url.text) { items.append(MenuItem(title: title, url: url.text)) }
            }
            menus[name] = items
        }
        return menus
    }

    // MARK: helpers

    /// `https://host[/path]` without trailing slash; `nil` when it is no http(s) address.
    static func normalisedBaseURL(_ raw: String) -> String? {
        var url = raw.trimmingSpaces
        while url.hasSuffix("/") { url.removeLast() }
        let scheme: String
        if url.hasPrefix("https://") { scheme = "https://" } else if url.hasPrefix("http://") { scheme = "http://" } else {
            return nil
        }
        let rest = url.dropFirst(scheme.count)
        let host = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard !host.isEmpty, !url.contains(where: { " \t?#\\".contains($0) }) else { return nil }
        return url
    }

    private static func isMenuURL(_ url: String) -> Bool {
        if url.hasPrefix("https://") || url.hasPrefix("http://") { return url.count > 8 && !url.contains(" ") }
        if url.hasPrefix("mailto:") { return true }
        return url.hasPrefix("/") && !url.hasPrefix("//") && !url.contains(" ")
    }

    private static func choice(_ section: inout FieldReader, _ key: String, from allowed: [String]) -> String? {
        guard let value = section.string(key) else { return nil }
        if allowed.contains(value) { return value }
        let listed = allowed.map { "„\($0)“" }.joined(separator: ", ")
        section.diagnostics.append(.error(
            "invalid-config-value", at: section.location(ofValue: key),
            "„\(value)“ ist für „\(section.keyPrefix)\(key)“ nicht möglich.",
            hint: Suggestion.hint(for: value, in: allowed).map { $0 + " Möglich sind \(listed)." }
                ?? "Möglich sind \(listed)."))
        return nil
    }

    private static func missing(_ key: String, example: String, in fields: FieldReader) -> Diagnostic {
        .error("missing-config-value", at: fields.origin,
               "In site-config.json fehlt die Angabe „\(fields.keyPrefix)\(key)“.",
               hint: "Ergänzen Sie \"\(key)\": \(example).")
    }

    /// YAML wording ("Kopfbereich") does not fit a JSON file; the position is what matters.
    private static func configSyntax(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        guard diagnostic.code == "yaml-syntax" else {
            copy.message = copy.message.replacing("im Kopfbereich", with: "in site-config.json")
            return copy
        }
        copy.code = "json-syntax"
        copy.message = "site-config.json ist an dieser Stelle kein gültiges JSON."
        copy.hint = "Prüfen Sie Kommas zwischen den Einträgen, Anführungszeichen um Namen und Texte und "
            + "schließende Klammern } und ]. Die Stelle des Fehlers kann auch kurz davor liegen."
        return copy
    }
}
