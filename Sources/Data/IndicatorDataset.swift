/// An indicator with all its values, published and computed.
public struct IndicatorDataset: Sendable, Hashable {
    public var indicator: Indicator
    /// Kreis, regions, Gemeinden (by AGS), each by year.
    public private(set) var observations: [Observation]
    /// Every year with at least one value, ascending (the dashboard asks for it in loops).
    public let years: [Int]
    private var index: [String: [Int: Int]]
    /// Per area the positions of its observations in year order: the dashboard asks for series
    /// thousands of times, so they are not sorted again each time.
    private var seriesIndex: [String: [Int]]

    public init(indicator: Indicator, observations: [Observation], areas: AreaCatalog) {
        self.indicator = indicator
        self.observations = observations.sortedForOutput(areas: areas)
        var index: [String: [Int: Int]] = [:]
        for (i, o) in self.observations.enumerated() { index[o.area, default: [:]][o.year] = i }
        self.index = index
        years = Array(Set(self.observations.map(\.year))).sorted()
        seriesIndex = index.mapValues { years in years.keys.sorted().map { years[$0]! } }
    }

    public var slug: String { indicator.slug }

    public var latestYear: Int? { years.last }

    public func observation(area: String, year: Int) -> Observation? {
        index[area]?[year].map { observations[$0] }
    }

    /// The state alone: reads it in place instead of copying the whole observation first.
    public func state(area: String, year: Int) -> ValueState? { index[area]?[year].map { observations[$0].state } }

    /// The year of the area's newest observation, without copying its series.
    public func latestYear(area: String) -> Int? { seriesIndex[area]?.last.map { observations[$0].year } }

    /// The area's newest observation that satisfies `predicate`, without copying its series.
    public func latestObservation(area: String, where predicate: (Observation) -> Bool = { _ in true }) -> Observation? {
        guard let positions = seriesIndex[area] else { return nil }
        for position in positions.reversed() where predicate(observations[position]) { return observations[position] }
        return nil
    }

    /// Year and state of the area's observations, by year: `series(area:)` without copying each
    /// observation (its key and location strings), for drawings that need only these two.
    public func yearStates(area: String) -> [(year: Int, state: ValueState)] {
        seriesIndex[area]?.map { (observations[$0].year, observations[$0].state) } ?? []
    }

    /// The years of the area's observations, ascending.
    public func years(area: String) -> [Int] { seriesIndex[area]?.map { observations[$0].year } ?? [] }

    /// The time series of one area, by year.
    public func series(area: String) -> [Observation] {
        seriesIndex[area]?.map { observations[$0] } ?? []
    }

    /// Whether the area has at least one value (`!series(area:).isEmpty` without the array).
    public func hasValues(area: String) -> Bool { seriesIndex[area] != nil }

    /// Keys of the areas that have values.
    public var areaKeys: Set<String> { Set(index.keys) }

    /// Levels that have values (an indicator may exist only for regions and the Kreis).
    public func levels(in areas: AreaCatalog) -> Set<AreaLevel> {
        Set(index.keys.compactMap { areas.level(key: $0) })
    }
}
