import Support

/// Where a value comes from.
public enum ValueOrigin: Hashable, Sendable {
    /// As published (a row of the indicator CSV or of an imported file).
    case published
    /// Computed by the site from Gemeinde values, as the indicator declares.
    case computed(AggregationMethod)
}

/// One value of an indicator: an area in a year.
public struct Observation: Hashable, Sendable {
    /// Area key: AGS, `sozialregion-N` or `14522`.
    public var area: String
    public var year: Int
    public var state: ValueState
    public var origin: ValueOrigin
    /// Row (or cell) the value was read from; nil for computed values.
    public var location: SourceLocation?

    public init(area: String, year: Int, state: ValueState, origin: ValueOrigin = .published, location: SourceLocation? = nil) {
        self.area = area
        self.year = year
        self.state = state
        self.origin = origin
        self.location = location
    }
}

extension Array where Element == Observation {
    /// The order of tables and CSV files: Kreis, regions by number, Gemeinden by AGS; then year.
    /// Keys the catalog does not know come last, by key.
    public func sortedForOutput(areas: AreaCatalog) -> [Observation] {
        func key(_ o: Observation) -> (Int, Int, String, Int) {
            guard let area = areas.area(key: o.area) else { return (9, 0, o.area, o.year) }
            let sort = area.sortKey
            return (area.level.rawValue, area.level == .sozialregion ? (area.sozialregion ?? 0) : 0, sort.key, o.year)
        }
        return sorted { key($0) < key($1) }
    }
}
