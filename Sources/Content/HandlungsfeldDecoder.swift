import Support

/// Reads one Handlungsfeld (`content/handlungsfelder/<slug>.md`); the slug is the file name.
public enum HandlungsfeldDecoder {
    public static let keys = ["title", "label", "order", "summary"]
    /// Display order 1–11 (the eleven fields of the Sozialplanung).
    public static let orderRange = 1...11

    public static func decode(bytes: [UInt8], path: String) -> (Handlungsfeld?, [Diagnostic]) {
        let (parsed, problems) = ParsedContentFile.parse(bytes: bytes, path: path)
        guard let parsed else { return (nil, problems) }
        return decode(parsed)
    }

    /// The slug a Handlungsfeld file stands for: its file name without `.md`.
    public static func slug(forPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    static func decode(_ file: ParsedContentFile) -> (Handlungsfeld?, [Diagnostic]) {
        var fields = file.fields
        fields.rejectUnknownKeys(allowed: keys, synonyms: KeySynonyms.handlungsfeld)
        let slug = slug(forPath: file.source.path)
        var slugIsValid = true
        if !FieldRules.isSlug(slug) {
            slugIsValid = false
            let corrected = Slug.make(slug)
            fields.diagnostics.append(.error(
                "invalid-slug", at: file.start,
                "Der Dateiname „\(slug).md“ ist als Adresse nicht geeignet: erlaubt sind nur Kleinbuchstaben a–z, "
                    + "Ziffern und Bindestriche.",
                hint: corrected.isEmpty ? "Benennen Sie die Datei z. B. „bildung.md“."
                                        : "Benennen Sie die Datei in „\(corrected).md“ um."))
        }
        let titleText = fields.string("title")
        let title = FieldRules.nonEmpty(titleText)
        if title == nil && (fields.node("title") == nil || titleText != nil) {
            fields.diagnostics.append(.error(
                "missing-title", at: file.start, "Dem Handlungsfeld fehlt der Titel.",
                hint: "Ergänzen Sie eine Zeile wie „title: GESUNDHEIT rundum“."))
        }
        let order = fields.int("order", in: orderRange)
        if order == nil && fields.node("order") == nil {
            fields.diagnostics.append(.error(
                "missing-order", at: file.start, "Dem Handlungsfeld fehlt die Reihenfolge („order“).",
                hint: "Ergänzen Sie eine Zeile wie „order: 5“ (1 bis 11)."))
        }
        var label = FieldRules.nonEmpty(fields.string("label"))
        if label == nil, let title {
            label = title
            if hasShoutedWord(title) {
                fields.diagnostics.append(.warning(
                    "missing-label", at: fields.location(ofKey: "title"),
                    "Der Titel „\(title)“ enthält Wörter in Großbuchstaben; Screenreader lesen sie Buchstabe für Buchstabe vor.",
                    hint: "Ergänzen Sie eine Zeile „label: …“ mit dem Namen in normaler Schreibweise, "
                        + "z. B. „label: Gesundheit rundum“."))
            }
        }
        let summary = FieldRules.nonEmpty(fields.string("summary")) ?? ""
        guard let title, let label, let order, slugIsValid else { return (nil, fields.diagnostics) }
        return (Handlungsfeld(source: file.source, slug: slug, title: title, label: label, order: order,
                              summary: summary), fields.diagnostics)
    }

    /// A word of two or more capitals and no lower-case letter ("GESUNDHEIT", not "SGB" alone is rare).
    private static func hasShoutedWord(_ text: String) -> Bool {
        text.split(whereSeparator: { $0 == " " || $0 == "-" }).contains { word in
            let letters = word.filter(\.isLetter)
            return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
        }
    }
}
