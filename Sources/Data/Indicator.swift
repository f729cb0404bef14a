import Support

/// How region or Kreis values of an indicator come about.
public enum AggregationMethod: String, Sendable, Hashable, CaseIterable {
    /// Published values from the CSV, taken as they are and never recomputed.
    case daten
    /// Sum of the member Gemeinden valid in that year (counts such as Bevölkerung).
    case summe
    /// Mean of the members weighted by another indicator (`gewicht`, e.g. `bevoelkerung`).
    case mittelwertGewichtet = "mittelwert_gewichtet"
    /// The indicator has no values at this level.
    case keine

    public var german: String {
        switch self {
        case .daten: return "veröffentlichte Werte"
        case .summe: return "Summe der Gemeinden"
        case .mittelwertGewichtet: return "gewichteter Mittelwert der Gemeinden"
        case .keine: return "keine Werte"
        }
    }
}

/// How to pick values from files with several value columns or dimensions (front matter `import`).
public struct ImportSettings: Sendable, Hashable {
    /// Header (or code) of the value column: `BEVSTD__Bevoelkerungsstand__Anzahl`, `Insgesamt`.
    public var column: String?
    /// Rows to keep, by column header and exact cell text: `["2_Auspraegung_Code": "GESM"]`.
    public var filters: [String: String]

    public init(column: String? = nil, filters: [String: String] = [:]) {
        self.column = column
        self.filters = filters
    }
}

/// An indicator's description (`content/daten/indikatoren/<slug>.md`).
public struct Indicator: Sendable, Hashable {
    public var slug: String
    public var title: String
    /// "%", "Personen", "je 1.000 Einwohner", "Jahre".
    public var unit: String
    /// Decimals shown on the site.
    public var decimals: Int
    /// German definition: numerator, denominator, reference date.
    public var definition: String
    /// Attribution as it must be shown.
    public var source: String
    public var licence: String
    /// Date the figures were taken from the source.
    public var datenstand: CivilDate
    /// Handlungsfeld slugs.
    public var handlungsfelder: [String]
    /// true: higher is better, false: lower is better, nil: neither (`none`).
    public var higherIsBetter: Bool?
    public var regionValues: AggregationMethod
    public var kreisValues: AggregationMethod
    /// Indicator whose values weight a `mittelwert_gewichtet` (e.g. `bevoelkerung`).
    public var weight: String?
    /// Invented figures for development and layout; pages must say so.
    public var example: Bool
    /// Area boundaries the figures refer to ("jeweiliger Gebietsstand am 31.12.").
    public var gebietsstand: String?
    /// Reference time ("31. Dezember", "Jahresdurchschnitt").
    public var zeitbezug: String?
    public var importSettings: ImportSettings
    /// Plain-German explanation (Markdown).
    public var body: String
    /// Line of the file on which `body` starts.
    public var bodyFirstLine: Int
    /// `content/daten/indikatoren/<slug>.md`.
    public var file: String
    /// `content/daten/indikatoren/<slug>.csv`.
    public var csvFile: String
    /// Where each front-matter key stands.
    public var keyLocations: [String: SourceLocation]

    public init(slug: String, title: String, unit: String, decimals: Int, definition: String, source: String,
                licence: String, datenstand: CivilDate, handlungsfelder: [String], higherIsBetter: Bool?,
                regionValues: AggregationMethod = .daten, kreisValues: AggregationMethod = .daten,
                weight: String? = nil, example: Bool = false, gebietsstand: String? = nil, zeitbezug: String? = nil,
                importSettings: ImportSettings = ImportSettings(), body: String = "", bodyFirstLine: Int = 1,
                file: String? = nil, csvFile: String? = nil, keyLocations: [String: SourceLocation] = [:]) {
        self.slug = slug
        self.title = title
        self.unit = unit
        self.decimals = decimals
        self.definition = definition
        self.source = source
        self.licence = licence
        self.datenstand = datenstand
        self.handlungsfelder = handlungsfelder
        self.higherIsBetter = higherIsBetter
        self.regionValues = regionValues
        self.kreisValues = kreisValues
        self.weight = weight
        self.example = example
        self.gebietsstand = gebietsstand
        self.zeitbezug = zeitbezug
        self.importSettings = importSettings
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.file = file ?? "content/daten/indikatoren/\(slug).md"
        self.csvFile = csvFile ?? "content/daten/indikatoren/\(slug).csv"
        self.keyLocations = keyLocations
    }

    /// Site path of the indicator's page.
    public var url: String { "/daten/indikatoren/\(slug)/" }

    public func location(ofKey key: String) -> SourceLocation {
        keyLocations[key] ?? SourceLocation(file: file)
    }

    /// How values at `level` are obtained (Gemeinden always come from the CSV).
    public func method(for level: AreaLevel) -> AggregationMethod {
        switch level {
        case .gemeinde: return .daten
        case .sozialregion: return regionValues
        case .kreis: return kreisValues
        }
    }
}
