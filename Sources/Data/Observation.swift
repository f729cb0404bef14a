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
        // The order is (level, region number, area key, year) for known areas, then unknown keys
        // by key and year. The catalog holds its areas sorted by exactly that (level, number,
        // key), with unique keys, so a known area's position in the catalog stands for the first
        // three; an unknown key's text becomes its rank among the unknown keys (`rank(a) <
        // rank(b)` exactly when `a < b`). Each key is made once, not twice per comparison, and
        // compares integers only. Sorting the positions with the same comparison outcomes gives
        // the same permutation as sorting the observations did.
        var unknownRank: [String: Int] = [:]
        let unknown = Set(lazy.map(\.area).filter { areas.position(key: $0) == nil }).sorted()
        for (i, key) in unknown.enumerated() { unknownRank[key] = i }
        let keys = map { o -> (Int, Int, Int) in
            if let position = areas.position(key: o.area) { return (0, position, o.year) }
            return (1, unknownRank[o.area]!, o.year)
        }
        return indices.sorted { keys[$0] < keys[$1] }.map { self[$0] }
    }
}
