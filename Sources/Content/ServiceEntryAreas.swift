import Support

/// The Gemeinde a service is in, resolved from its AGS, with the Sozialregion that follows from it.
public struct ServiceGemeinde: Sendable, Hashable {
    /// Amtlicher Gemeindeschlüssel, 8 digits (`14522180`).
    public var ags: String
    public var name: String
    /// URL part, as the dashboard uses it (`doebeln`).
    public var slug: String
    /// 1–7.
    public var sozialregion: Int
    /// „Sozialregion 6: Nord (Döbeln)“.
    public var sozialregionName: String
    /// Last day the Gemeinde existed in this form (`2022-12-31`), nil while it exists.
    public var validTo: String?
    /// AGS of the Gemeinde that took over after `validTo`.
    public var successor: String?

    public init(ags: String, name: String, slug: String? = nil, sozialregion: Int, sozialregionName: String,
                validTo: String? = nil, successor: String? = nil) {
        self.ags = ags
        self.name = name
        self.slug = slug ?? Slug.make(name)
        self.sozialregion = sozialregion
        self.sozialregionName = sozialregionName
        self.validTo = validTo
        self.successor = successor
    }
}

/// The Gemeinden an entry may name. Content does not read `gebiete.csv` itself (that is the Data
/// module's file); the pipeline fills this from `AreaCatalog`, tests build it by hand.
public struct ServiceAreas: Sendable {
    public let gemeinden: [String: ServiceGemeinde]

    public init(_ gemeinden: [ServiceGemeinde]) {
        var byAGS: [String: ServiceGemeinde] = [:]
        for gemeinde in gemeinden where byAGS[gemeinde.ags] == nil { byAGS[gemeinde.ags] = gemeinde }
        self.gemeinden = byAGS
    }

    public var isEmpty: Bool { gemeinden.isEmpty }

    public subscript(ags: String) -> ServiceGemeinde? { gemeinden[ags] }

    /// The Gemeinde whose name or slug is `text` (for the hint when someone writes „Döbeln“).
    func gemeinde(named text: String) -> ServiceGemeinde? {
        let slug = Slug.make(text)
        return gemeinden.values.sorted { $0.ags < $1.ags }.first { $0.slug == slug }
    }

    /// „Meinten Sie „14522180“ (Freiberg)?“ for a mistyped AGS, or where the list is.
    func hint(forUnknown ags: String) -> String {
        if let named = gemeinde(named: ags) {
            return "Geben Sie den Gemeindeschlüssel an, nicht den Namen: „gemeinde: \"\(named.ags)\"“ (\(named.name))."
        }
        let current = gemeinden.values.filter { $0.validTo == nil }.map(\.ags).sorted()
        if let best = Suggestion.closest(to: ags, in: current), let gemeinde = gemeinden[best] {
            return "Meinten Sie „\(best)“ (\(gemeinde.name))?"
        }
        return "Der Gemeindeschlüssel (AGS) hat acht Ziffern, z. B. „14522180“ für Freiberg; "
            + "alle stehen in content/daten/gebiete.csv."
    }
}
