/// One value of a controlled vocabulary: the code editors write and the German label readers see.
public struct VocabularyTerm: Sendable, Hashable {
    /// Written in front matter and used in URLs (`beratungsstelle`, `menschen-mit-behinderung`).
    public var code: String
    /// Shown on pages („Beratungs- und Anlaufstelle“).
    public var label: String
    /// Extra machine value: the schema.org type of a category, the ISO 639 code of a language.
    public var extra: String

    public init(_ code: String, _ label: String, _ extra: String = "") {
        self.code = code
        self.label = label
        self.extra = extra
    }
}

/// The controlled vocabularies of the service directory. Codes are slugs (lower case, hyphens);
/// editors may write `_` for `-` (`leichte_sprache`), everything else must match exactly so one
/// spelling keeps content greppable, and a typo gets a „Meinten Sie …?“ hint.
public enum ServiceVocabulary {
    /// `kategorie`; `extra` is the schema.org type of the JSON-LD.
    public static let categories: [VocabularyTerm] = [
        VocabularyTerm("beratungsstelle", "Beratungs- und Anlaufstelle", "LocalBusiness"),
        VocabularyTerm("behoerde", "Amt und Behörde", "GovernmentOffice"),
        VocabularyTerm("kita", "Kita und Kindertagespflege", "ChildCare"),
        VocabularyTerm("schule", "Schule", "School"),
        VocabularyTerm("bildungsangebot", "Bildung und Kurse", "EducationalOrganization"),
        VocabularyTerm("pflege-gesundheit", "Pflege und Gesundheit", "MedicalBusiness"),
        VocabularyTerm("unterstuetzungsangebot", "Unterstützungsangebot", "LocalBusiness"),
        VocabularyTerm("treffpunkt", "Treffpunkt und Begegnung", "LocalBusiness"),
        VocabularyTerm("notunterkunft", "Schutz und Notunterkunft", "EmergencyService"),
    ]

    /// `bereich`.
    public static let sectors: [VocabularyTerm] = [
        VocabularyTerm("bildung", "Bildung"),
        VocabularyTerm("gesundheit", "Gesundheit"),
        VocabularyTerm("soziales", "Soziales"),
    ]

    /// `zielgruppen`.
    public static let targetGroups: [VocabularyTerm] = [
        VocabularyTerm("alle", "Alle Menschen"),
        VocabularyTerm("kinder", "Kinder"),
        VocabularyTerm("jugendliche", "Jugendliche"),
        VocabularyTerm("junge-erwachsene", "Junge Erwachsene"),
        VocabularyTerm("familien", "Familien"),
        VocabularyTerm("schwangere", "Schwangere und werdende Eltern"),
        VocabularyTerm("alleinerziehende", "Alleinerziehende"),
        VocabularyTerm("senioren", "Senior:innen"),
        VocabularyTerm("pflegende-angehoerige", "Pflegende Angehörige"),
        VocabularyTerm("menschen-mit-behinderung", "Menschen mit Behinderung"),
        VocabularyTerm("zugewanderte", "Zugewanderte und Geflüchtete"),
        VocabularyTerm("frauen", "Frauen"),
        VocabularyTerm("arbeitsuchende", "Arbeitsuchende"),
        VocabularyTerm("menschen-in-notlagen", "Menschen in Notlagen"),
        VocabularyTerm("menschen-mit-sucht", "Menschen mit Suchterkrankung und Angehörige"),
        VocabularyTerm("ehrenamtliche", "Ehrenamtliche"),
    ]

    /// `barrierefreiheit`.
    public static let accessibility: [VocabularyTerm] = [
        VocabularyTerm("rollstuhlgerecht", "rollstuhlgerecht"),
        VocabularyTerm("stufenlos", "stufenloser Zugang"),
        VocabularyTerm("aufzug", "Aufzug"),
        VocabularyTerm("barrierefreies-wc", "barrierefreies WC"),
        VocabularyTerm("behindertenparkplatz", "Behindertenparkplatz"),
        VocabularyTerm("induktionsschleife", "Induktionsschleife für Hörgeräte"),
        VocabularyTerm("leichte-sprache", "Beratung in Leichter Sprache"),
        VocabularyTerm("gebaerdensprache", "Gebärdensprache (DGS) nach Absprache"),
        VocabularyTerm("blindenleitsystem", "Blindenleitsystem"),
        VocabularyTerm("assistenzhunde", "Assistenzhunde willkommen"),
        VocabularyTerm("hausbesuche", "Hausbesuche möglich"),
    ]

    /// `sprachen`, by German name; `extra` is the ISO 639-1 code (639-3 where there is none).
    public static let languages: [VocabularyTerm] = [
        VocabularyTerm("Deutsch", "Deutsch", "de"),
        VocabularyTerm("Englisch", "Englisch", "en"),
        VocabularyTerm("Französisch", "Französisch", "fr"),
        VocabularyTerm("Spanisch", "Spanisch", "es"),
        VocabularyTerm("Italienisch", "Italienisch", "it"),
        VocabularyTerm("Polnisch", "Polnisch", "pl"),
        VocabularyTerm("Tschechisch", "Tschechisch", "cs"),
        VocabularyTerm("Sorbisch", "Sorbisch", "hsb"),
        VocabularyTerm("Russisch", "Russisch", "ru"),
        VocabularyTerm("Ukrainisch", "Ukrainisch", "uk"),
        VocabularyTerm("Rumänisch", "Rumänisch", "ro"),
        VocabularyTerm("Bulgarisch", "Bulgarisch", "bg"),
        VocabularyTerm("Albanisch", "Albanisch", "sq"),
        VocabularyTerm("Serbisch", "Serbisch", "sr"),
        VocabularyTerm("Kroatisch", "Kroatisch", "hr"),
        VocabularyTerm("Türkisch", "Türkisch", "tr"),
        VocabularyTerm("Kurdisch", "Kurdisch", "ku"),
        VocabularyTerm("Arabisch", "Arabisch", "ar"),
        VocabularyTerm("Persisch", "Persisch (Farsi)", "fa"),
        VocabularyTerm("Dari", "Dari", "prs"),
        VocabularyTerm("Paschtu", "Paschtu", "ps"),
        VocabularyTerm("Tigrinya", "Tigrinya", "ti"),
        VocabularyTerm("Somali", "Somali", "so"),
        VocabularyTerm("Georgisch", "Georgisch", "ka"),
        VocabularyTerm("Vietnamesisch", "Vietnamesisch", "vi"),
        VocabularyTerm("Chinesisch", "Chinesisch", "zh"),
        VocabularyTerm("Hindi", "Hindi", "hi"),
        VocabularyTerm("Urdu", "Urdu", "ur"),
        VocabularyTerm("Deutsche Gebärdensprache", "Deutsche Gebärdensprache", "gsg"),
    ]

    /// The term for `code` in `terms`; `_` counts as `-`.
    public static func term(_ code: String, in terms: [VocabularyTerm]) -> VocabularyTerm? {
        let normalized = normalize(code)
        return terms.first { $0.code == normalized }
    }

    /// The label of `code`, or the code itself when it is not in the vocabulary.
    public static func label(_ code: String, in terms: [VocabularyTerm]) -> String {
        term(code, in: terms)?.label ?? code
    }

    /// Trimmed, `_` as `-` (languages keep their capital letters).
    static func normalize(_ code: String) -> String {
        code.trimmingSpaces.replacingWhereWritten("_", with: "-")
    }
}
