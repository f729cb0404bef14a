import Foundation
import Support

/// Reads one post (`content/beitraege/**/*.md`) and checks every front-matter key.
public enum PostDecoder {
    /// The front-matter keys a post may have (see the content format in the project brief).
    public static let keys = ["title", "date", "updated", "summary", "tags", "author", "image", "image_alt",
                              "draft", "slug", "aliases", "handlungsfelder", "angebote", "id"]

    /// `handlungsfelder`: the slugs a post may name. Returns the post whenever title and date are
    /// readable, even with other errors, so later checks can still report on it.
    public static func decode(bytes: [UInt8], path: String, handlungsfelder: [String]) -> (Post?, [Diagnostic]) {
        let (parsed, problems) = ParsedContentFile.parse(bytes: bytes, path: path)
        guard let parsed else { return (nil, problems) }
        return decode(parsed, handlungsfelder: handlungsfelder)
    }

    static func decode(_ file: ParsedContentFile, handlungsfelder known: [String]) -> (Post?, [Diagnostic]) {
        var fields = file.fields
        fields.rejectUnknownKeys(allowed: keys, synonyms: KeySynonyms.post)

        let titleText = fields.string("title")
        let title = FieldRules.nonEmpty(titleText)
        // A title of the wrong type was reported already; absent or empty is "missing".
        if title == nil && (fields.node("title") == nil || titleText != nil) {
            fields.diagnostics.append(.error(
                "missing-title", at: file.start, "Dem Beitrag fehlt ein Titel.",
                hint: "Ergänzen Sie im Kopfbereich eine Zeile wie „title: Armut im Landkreis Mittelsachsen“."))
        }
        let date = fields.date("date")
        if date == nil && fields.node("date") == nil {
            fields.diagnostics.append(.error(
                "missing-date", at: file.start, "Dem Beitrag fehlt das Datum.",
                hint: "Ergänzen Sie eine Zeile wie „date: 2022-04-26“ oder mit Uhrzeit „date: 2022-04-26 09:30“."))
        }
        let updated = fields.date("updated")
        if let date, let updated, updated < date {
            fields.diagnostics.append(.warning(
                "updated-before-date", at: fields.location(ofValue: "updated"),
                "Das Aktualisierungsdatum („updated“) liegt vor dem Erscheinungsdatum („date“).",
                hint: "Prüfen Sie beide Daten; „updated“ gibt an, wann der Beitrag zuletzt geändert wurde."))
        }
        let summary = FieldRules.nonEmpty(fields.string("summary"))
        let author = FieldRules.nonEmpty(fields.string("author"))
        let (tags, tagSlugs) = readTags(&fields)
        let (image, imageAlt) = readImage(&fields)
        let draft = fields.bool("draft") ?? false
        let slug = readSlug(&fields, title: title, start: file.start)
        let aliases = readAliases(&fields)
        let handlungsfelder = readHandlungsfelder(&fields, known: known, start: file.start)
        let angebote = readAngebote(&fields)
        let id = FieldRules.nonEmpty(fields.string("id"))

        guard let title, let date, let slug else { return (nil, fields.diagnostics) }
        let post = Post(source: file.source, title: title, date: date, updated: updated, summary: summary, tags: tags,
                        author: author, image: image, imageAlt: imageAlt, draft: draft, slug: slug,
                        aliases: aliases, handlungsfelder: handlungsfelder, angebote: angebote, id: id,
                        tagSlugs: tagSlugs)
        return (post, fields.diagnostics)
    }

    /// The tag names and their slugs (which the post keeps, so they are made once).
    private static func readTags(_ fields: inout FieldReader) -> ([String], [String]) {
        var tags: [String] = []
        var slugs: [String] = []
        for item in fields.list("tags") ?? [] {
            let name = item.text.trimmingSpaces
            let slug = Slug.make(name)
            if slug.isEmpty {
                fields.diagnostics.append(.error(
                    "invalid-tag", at: item.location,
                    name.isEmpty ? "In „tags“ steht ein leeres Schlagwort."
                                 : "Das Schlagwort „\(name)“ enthält keinen Buchstaben und keine Ziffer.",
                    hint: "Schlagworte sind Wörter wie „Ehrenamt“ oder „Pflege“; löschen Sie den Eintrag."))
                continue
            }
            // A post has a handful of tags: searching the slugs so far costs less than a dictionary per post.
            if let earlier = slugs.firstIndex(of: slug).map({ tags[$0] }) {
                fields.diagnostics.append(.warning(
                    "duplicate-tag", at: item.location,
                    "Das Schlagwort „\(name)“ steht schon als „\(earlier)“ in der Liste.",
                    hint: "Löschen Sie den doppelten Eintrag."))
                continue
            }
            tags.append(name)
            slugs.append(slug)
        }
        return (tags, slugs)
    }

    private static func readImage(_ fields: inout FieldReader) -> (String?, String?) {
        let image = fields.locatedString("image").flatMap { value -> LocatedText? in
            let text = value.text.trimmingSpaces
            return text.isEmpty ? nil : LocatedText(text: text, location: value.location)
        }
        let alt = FieldRules.nonEmpty(fields.string("image_alt"))
        guard let image else {
            if alt != nil {
                fields.diagnostics.append(.warning(
                    "unused-image-alt", at: fields.location(ofKey: "image_alt"),
                    "„image_alt“ ist angegeben, aber kein Bild („image“).",
                    hint: "Ergänzen Sie „image: /bilder/name.jpg“ oder löschen Sie „image_alt“."))
            }
            return (nil, alt)
        }
        if alt == nil {
            fields.diagnostics.append(.error(
                "missing-image-alt", at: fields.location(ofKey: "image"),
                "Das Beitragsbild „\(image.text)“ hat keinen Alternativtext.",
                hint: "Ergänzen Sie „image_alt: …“ und beschreiben Sie in einem Satz, was auf dem Bild zu sehen ist "
                    + "(für Menschen, die das Bild nicht sehen können)."))
        }
        guard let path = SitePath.checkImage(image, key: "image", into: &fields.diagnostics) else { return (nil, alt) }
        return (path, alt)
    }

    private static func readSlug(_ fields: inout FieldReader, title: String?, start: SourceLocation) -> String? {
        if let given = fields.locatedString("slug") {
            return FieldRules.checkSlug(given, key: "slug", into: &fields.diagnostics)
        }
        guard let title else { return nil }
        let slug = Slug.make(title)
        if slug.isEmpty {
            fields.diagnostics.append(.error(
                "invalid-slug", at: fields.location(ofValue: "title"),
                "Aus dem Titel „\(title)“ lässt sich keine Adresse bilden, weil er keine Buchstaben oder Ziffern enthält.",
                hint: "Ergänzen Sie eine Zeile wie „slug: mein-beitrag“."))
            return nil
        }
        return slug
    }

    private static func readAliases(_ fields: inout FieldReader) -> [String] {
        (fields.list("aliases") ?? []).compactMap { SitePath.checkAlias($0, into: &fields.diagnostics) }
    }

    private static func readHandlungsfelder(_ fields: inout FieldReader, known: [String],
                                            start: SourceLocation) -> [String] {
        // Only a problem needs the list in words.
        var allowed: String { "Erlaubt sind: " + known.joined(separator: ", ") + "." }
        guard fields.node("handlungsfelder") != nil else {
            fields.diagnostics.append(.error(
                "missing-handlungsfelder",
                at: fields.contains("handlungsfelder") ? fields.location(ofKey: "handlungsfelder") : start,
                "Der Beitrag ist keinem Handlungsfeld zugeordnet.",
                hint: "Ergänzen Sie z. B. „handlungsfelder: [armut-notlagen]“. " + allowed))
            return []
        }
        guard let items = fields.list("handlungsfelder") else { return [] }
        if items.isEmpty {
            fields.diagnostics.append(.error(
                "missing-handlungsfelder", at: fields.location(ofValue: "handlungsfelder"),
                "Die Liste „handlungsfelder“ ist leer; jeder Beitrag braucht mindestens ein Handlungsfeld.",
                hint: "Schreiben Sie z. B. „handlungsfelder: [armut-notlagen]“. " + allowed))
        }
        // Eleven names: a linear search costs less than building a set for every post.
        var result: [String] = []
        for item in items {
            let slug = item.text.trimmingSpaces
            guard known.contains(slug) else {
                fields.diagnostics.append(.error(
                    "unknown-handlungsfeld", at: item.location,
                    "„\(slug)“ ist kein bekanntes Handlungsfeld.",
                    hint: Suggestion.hint(for: slug, in: known) ?? allowed))
                continue
            }
            if result.contains(slug) {
                fields.diagnostics.append(.warning(
                    "duplicate-handlungsfeld", at: item.location,
                    "Das Handlungsfeld „\(slug)“ steht doppelt in der Liste.", hint: "Löschen Sie den doppelten Eintrag."))
                continue
            }
            result.append(slug)
        }
        return result
    }

    private static func readAngebote(_ fields: inout FieldReader) -> [String] {
        (fields.list("angebote") ?? []).compactMap { FieldRules.checkSlug($0, key: "angebote", into: &fields.diagnostics) }
    }
}
