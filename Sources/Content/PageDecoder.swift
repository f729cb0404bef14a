import Support

/// Reads one page (`content/seiten/<slug>.md`): Impressum, Datenschutz, Leichte Sprache …
public enum PageDecoder {
    public static let keys = ["title", "slug", "summary", "leichte_sprache", "draft"]

    public static func decode(bytes: [UInt8], path: String) -> (Page?, [Diagnostic]) {
        let (parsed, problems) = ParsedContentFile.parse(bytes: bytes, path: path)
        guard let parsed else { return (nil, problems) }
        return decode(parsed)
    }

    static func decode(_ file: ParsedContentFile) -> (Page?, [Diagnostic]) {
        var fields = file.fields
        fields.rejectUnknownKeys(allowed: keys, synonyms: KeySynonyms.page)
        let titleText = fields.string("title")
        let title = FieldRules.nonEmpty(titleText)
        if title == nil && (fields.node("title") == nil || titleText != nil) {
            fields.diagnostics.append(.error(
                "missing-title", at: file.start, "Der Seite fehlt ein Titel.",
                hint: "Ergänzen Sie im Kopfbereich eine Zeile wie „title: Impressum“."))
        }
        let slug: String?
        if let given = fields.locatedString("slug") {
            slug = FieldRules.checkSlug(given, key: "slug", into: &fields.diagnostics)
        } else {
            let name = HandlungsfeldDecoder.slug(forPath: file.source.path)
            if FieldRules.isSlug(name) {
                slug = name
            } else {
                slug = nil
                let corrected = Slug.make(name)
                fields.diagnostics.append(.error(
                    "invalid-slug", at: file.start,
                    "Der Dateiname „\(name).md“ ergibt keine gültige Adresse: erlaubt sind nur Kleinbuchstaben a–z, "
                        + "Ziffern und Bindestriche.",
                    hint: corrected.isEmpty ? "Benennen Sie die Datei z. B. „impressum.md“ oder ergänzen Sie „slug: …“."
                                            : "Benennen Sie die Datei in „\(corrected).md“ um oder ergänzen Sie „slug: \(corrected)“."))
            }
        }
        let summary = FieldRules.nonEmpty(fields.string("summary"))
        let easyLanguage = fields.bool("leichte_sprache") ?? false
        let draft = fields.bool("draft") ?? false
        guard let title, let slug else { return (nil, fields.diagnostics) }
        return (Page(source: file.source, slug: slug, title: title, summary: summary, easyLanguage: easyLanguage,
                     draft: draft), fields.diagnostics)
    }
}
