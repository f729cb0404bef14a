/// Where a point sits on the category axis: a year, or a named category (Gemeinde, age group).
public enum PointKey: Sendable, Hashable {
    case year(Int)
    case category(String)

    public var year: Int? { if case .year(let y) = self { return y }; return nil }

    /// Years are written without a thousands separator ("2023").
    public var label: String {
        switch self {
        case .year(let y): String(y)
        case .category(let name): name
        }
    }
}

/// One observation of a series.
public struct DataPoint: Sendable, Hashable {
    public var key: PointKey
    public var value: ChartValue
    public var flags: ValueFlags

    public init(key: PointKey, value: ChartValue, flags: ValueFlags = []) {
        self.key = key
        self.value = value
        self.flags = flags
    }

    public init(year: Int, _ number: Double, flags: ValueFlags = []) {
        self.init(key: .year(year), value: .number(number), flags: flags)
    }

    public init(year: Int, missing reason: MissingReason) {
        self.init(key: .year(year), value: .missing(reason))
    }

    public init(category: String, _ number: Double, flags: ValueFlags = []) {
        self.init(key: .category(category), value: .number(number), flags: flags)
    }

    public init(category: String, missing reason: MissingReason) {
        self.init(key: .category(category), value: .missing(reason))
    }
}

/// How a series is drawn and what it means for the summary sentence.
public enum SeriesRole: Sendable, Hashable {
    /// The series the chart is about (e.g. the Gemeinde of the page).
    case primary
    /// A comparison level such as the Sozialregion or the Kreis; drawn dashed in a dark neutral.
    case reference
    /// Other units for context; drawn thin in grey, labels dropped first when crowded.
    case context
}

public struct Series: Sendable, Hashable, Identifiable {
    /// Stable identifier (used for ids in the SVG and for `ChartSpec.highlight`).
    public var id: String
    /// Display name ("Döbeln", "Landkreis Mittelsachsen").
    public var label: String
    public var role: SeriesRole
    public var points: [DataPoint]
    /// Place phrase for sentences ("im Landkreis"); default "in <label>".
    public var locative: String?
    /// Dative phrase for comparisons ("dem Kreiswert"); default "dem Wert für <label>".
    public var comparisonName: String?

    public init(id: String, label: String, role: SeriesRole = .primary, points: [DataPoint],
                locative: String? = nil, comparisonName: String? = nil) {
        self.id = id
        self.label = label
        self.role = role
        self.points = points
        self.locative = locative
        self.comparisonName = comparisonName
    }

    var placePhrase: String { locative ?? "in \(label)" }
    var comparisonPhrase: String { comparisonName ?? "dem Wert für \(label)" }

    func point(at key: PointKey) -> DataPoint? { points.first { $0.key == key } }
    func value(at key: PointKey) -> Double? { point(at: key)?.value.number }
}

/// A break in comparability before `year` (e.g. Zensus 2022, Bürgergeld 2023).
public struct SeriesBreak: Sendable, Hashable {
    public var year: Int
    /// Short German note shown at the rule and in the footnotes ("Zensus 2022").
    public var note: String

    public init(before year: Int, note: String) {
        self.year = year
        self.note = note
    }
}

/// A category on the category axis (ordering and display name for category keys).
public struct ChartCategory: Sendable, Hashable {
    public var key: String
    public var label: String

    public init(key: String, label: String? = nil) {
        self.key = key
        self.label = label ?? key
    }
}

/// Everything a chart shows, independent of its kind.
public struct ChartSpec: Sendable, Hashable {
    /// Takeaway sentence shown as the heading ("SGB-II-Quote sinkt seit 2015").
    public var title: String
    /// Definition and unit ("Anteil … an der Bevölkerung unter 65 Jahren, in %").
    public var subtitle: String?
    public var unit: ChartUnit
    public var series: [Series] {
        didSet { keys = Self.axisKeys(series: series, categories: categories) }
    }
    /// Order and names of category keys; unnamed keys keep the order of first appearance.
    public var categories: [ChartCategory] {
        didSet { keys = Self.axisKeys(series: series, categories: categories) }
    }
    /// All keys in axis order: years ascending, then categories in `categories` order or in order
    /// of first appearance. Worked out when the series or categories are set, not on every
    /// question: a figure asks for them about ten times (axes of both layouts, table, summary,
    /// notes), and with categories each time hashed every point.
    private(set) var keys: [PointKey]
    public var breaks: [SeriesBreak]
    /// Header of the key column in the table and CSV ("Jahr", "Altersgruppe", "Gemeinde");
    /// default "Jahr" for years, else "Kategorie".
    public var keyLabel: String?
    /// Noun phrase with article for summary sentences ("die SGB-II-Quote"); default "der Wert".
    public var subject: String?
    /// Whether `subject` is plural ("die Pflegebedürftigen"): verbs agree.
    public var subjectIsPlural: Bool
    /// Series id (line, columns) or category key (ranking, tile map) to emphasise.
    public var highlight: String?
    /// Only for wording ("Verbesserung" / "Verschlechterung"); nil says nothing about it.
    public var higherIsBetter: Bool?
    public var source: String?
    public var datenstand: String?
    public var gebietsstand: String?
    public var licence: String?
    /// Further footnotes (German, plain text).
    public var notes: [String]

    public init(title: String, subtitle: String? = nil, unit: ChartUnit, series: [Series],
                categories: [ChartCategory] = [], breaks: [SeriesBreak] = [], keyLabel: String? = nil,
                subject: String? = nil,
                subjectIsPlural: Bool = false, highlight: String? = nil, higherIsBetter: Bool? = nil,
                source: String? = nil, datenstand: String? = nil, gebietsstand: String? = nil,
                licence: String? = nil, notes: [String] = []) {
        self.title = title
        self.subtitle = subtitle
        self.unit = unit
        self.series = series
        self.categories = categories
        self.breaks = breaks
        self.keyLabel = keyLabel
        self.subject = subject
        self.subjectIsPlural = subjectIsPlural
        self.highlight = highlight
        self.higherIsBetter = higherIsBetter
        self.source = source
        self.datenstand = datenstand
        self.gebietsstand = gebietsstand
        self.licence = licence
        self.notes = notes
        keys = Self.axisKeys(series: series, categories: categories)
    }

    /// `keys` of these series and categories.
    static func axisKeys(series: [Series], categories: [ChartCategory]) -> [PointKey] {
        // Most charts have only years: those are collected in an array, sorted and made unique,
        // without hashing; the sets are only made when there are categories.
        var years: [Int] = []
        var seenCategories: [String] = []
        var seen = Set<String>()
        for series in series {
            for point in series.points {
                switch point.key {
                case .year(let y): years.append(y)
                case .category(let c):
                    if seen.insert(c).inserted { seenCategories.append(c) }
                }
            }
        }
        years.sort()
        var keys: [PointKey] = []
        keys.reserveCapacity(years.count + seenCategories.count)
        for (i, year) in years.enumerated() where i == 0 || years[i - 1] != year { keys.append(.year(year)) }
        // Without categories in the points, neither declared nor undeclared ones are shown.
        guard !seenCategories.isEmpty else { return keys }
        let declared = categories.map(\.key)
        let declaredSet = Set(declared)
        for key in declared where seen.contains(key) { keys.append(.category(key)) }
        for key in seenCategories where !declaredSet.contains(key) { keys.append(.category(key)) }
        return keys
    }

    func label(for key: PointKey) -> String {
        if case .category(let c) = key, let named = categories.first(where: { $0.key == c }) {
            return named.label
        }
        return key.label
    }

    /// The series the chart is about: the highlighted one, else the first primary, else the first.
    var primarySeries: Series? {
        if let h = highlight, let s = series.first(where: { $0.id == h }) { return s }
        return series.first { $0.role == .primary } ?? series.first
    }

    var keyColumnName: String {
        keyLabel ?? (keys.allSatisfy { $0.year != nil } ? "Jahr" : "Kategorie")
    }

    func breakNote(before year: Int) -> SeriesBreak? { breaks.first { $0.year == year } }
}
