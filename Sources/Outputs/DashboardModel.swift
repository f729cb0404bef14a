import Content
import Data
import Support

/// What every dashboard page needs, computed once per build: indicators in display order,
/// ranks per indicator, year and level, and the facts cards and tables show.
struct DashboardModel: Sendable {
    /// Place of an area among the areas of its level in one year (1 = highest value).
    struct Rank: Sendable, Hashable {
        var rank: Int
        var count: Int
    }

    /// First and last figure of a series, and whether the series breaks in between.
    struct Change: Sendable, Hashable {
        var firstYear: Int
        var first: Double
        var lastYear: Int
        var last: Double
        var hasBreak: Bool
        var difference: Double { last - first }
    }

    let data: SiteData
    /// The Handlungsfelder of the site by `order`.
    let handlungsfelder: [Handlungsfeld]
    /// Indicators in display order: by their first Handlungsfeld, then by title.
    let datasets: [IndicatorDataset]
    /// slug → year → area key → rank among the areas of the same level.
    private let ranks: [String: [Int: [String: Rank]]]

    init(data: SiteData, handlungsfelder: [Handlungsfeld]) {
        self.data = data
        let fields = handlungsfelder.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
        self.handlungsfelder = fields
        let order = Dictionary(fields.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a })
        func position(_ d: IndicatorDataset) -> Int {
            d.indicator.handlungsfelder.compactMap { order[$0] }.min() ?? Int.max
        }
        datasets = data.indicators.datasets.sorted {
            (position($0), Slug.fold($0.indicator.title), $0.slug) < (position($1), Slug.fold($1.indicator.title), $1.slug)
        }
        var ranks: [String: [Int: [String: Rank]]] = [:]
        let areas = data.areas
        for dataset in data.indicators.datasets {
            var byYear: [Int: [AreaLevel: [(String, Double)]]] = [:]
            for o in dataset.observations {
                guard let value = o.state.number, let level = areas.level(key: o.area, validIn: o.year),
                      level != .kreis else { continue }
                byYear[o.year, default: [:]][level, default: []].append((o.area, value))
            }
            var perYear: [Int: [String: Rank]] = [:]
            perYear.reserveCapacity(byYear.count)
            for (year, levels) in byYear {
                // One year's ranks filled in a local dictionary, not through the nested default
                // subscript once per area.
                var yearRanks: [String: Rank] = [:]
                yearRanks.reserveCapacity(levels.values.reduce(0) { $0 + $1.count })
                for (_, values) in levels {
                    let sorted = values.map(\.1).sorted(by: >)
                    for (key, value) in values {
                        // Ties share a rank: 1 + the number of strictly higher values.
                        let higher = sorted.firstIndex { $0 <= value } ?? sorted.count
                        yearRanks[key] = Rank(rank: higher + 1, count: values.count)
                    }
                }
                perYear[year] = yearRanks
            }
            ranks[dataset.slug] = perYear
        }
        self.ranks = ranks
    }

    var areas: AreaCatalog { data.areas }
    var hasExamples: Bool { datasets.contains { $0.indicator.example } }
    var kreis: Area? { areas.kreis }

    func rank(_ dataset: IndicatorDataset, area: String, year: Int) -> Rank? { ranks[dataset.slug]?[year]?[area] }

    /// The area's newest observation, figure or symbol.
    func latest(_ dataset: IndicatorDataset, area: String) -> Observation? { dataset.latestObservation(area: area) }

    /// The area's newest observation with a figure (a newer symbol such as „…“ is skipped).
    func latestFigure(_ dataset: IndicatorDataset, area: String) -> Observation? {
        dataset.latestObservation(area: area) { $0.state.number != nil }
    }

    /// Figures of the area, by year.
    func numeric(_ dataset: IndicatorDataset, area: String) -> [(year: Int, value: Double)] {
        dataset.yearStates(area: area).compactMap { o in o.state.number.map { (o.year, $0) } }
    }

    /// From the first to the last figure of the area.
    func change(_ dataset: IndicatorDataset, area: String) -> Change? {
        let series = dataset.yearStates(area: area)
        let figures = numeric(dataset, area: area)
        guard let first = figures.first, let last = figures.last, first.year < last.year else { return nil }
        let hasBreak = series.contains { $0.year > first.year && $0.year <= last.year && $0.state.flags.contains(.seriesBreak) }
        return Change(firstYear: first.year, first: first.value, lastYear: last.year, last: last.value, hasBreak: hasBreak)
    }

    /// Indicators with at least one observation for the area.
    func datasets(for area: Area) -> [IndicatorDataset] {
        datasets.filter { $0.hasValues(area: area.key) }
    }

    /// Gemeinden that exist today (valid in the newest year of any indicator, else all).
    var currentGemeinden: [Area] {
        let newest = data.indicators.datasets.compactMap(\.latestYear).max()
        return areas.gemeinden.filter { newest.map($0.isValid(inYear:)) ?? true }
    }

    func handlungsfeld(_ slug: String) -> Handlungsfeld? { handlungsfelder.first { $0.slug == slug } }
}
