import Charts
import Data
import Support

/// Chart specs of one indicator, shared by the dashboard pages and the charts in posts:
/// time series of some areas, a ranking in one year, the tile map of the Sozialregionen.
struct DashboardCharts {
    let dataset: IndicatorDataset
    let areas: AreaCatalog

    var indicator: Indicator { dataset.indicator }

    /// Series of `members` over `years` with their roles; the title says where the main series went.
    func timeSeries(_ members: [(area: Area, role: SeriesRole)], years: ClosedRange<Int>? = nil,
                    highlight: Area? = nil, title: String? = nil) -> ChartSpec {
        let series = members.map { DashboardValues.yearSeries(dataset, area: $0.area, role: $0.role, years: years) }
        let primaries = members.filter { $0.role == .primary }.map(\.area)
        let generated: String
        if highlight == nil, primaries.count > 1 {
            let changes = primaries.compactMap { area -> Double? in
                let figures = dataset.yearStates(area: area.key).filter { years?.contains($0.year) ?? true }.compactMap { $0.state.number }
                guard let first = figures.first, let last = figures.last, figures.count > 1,
                      !DashboardWording.sameDisplayed(first, last, indicator) else { return nil }
                return last - first
            }
            let span = years ?? dataset.years.first.flatMap { first in dataset.years.last.map { first...$0 } }
            generated = DashboardWording.commonTrendTitle(indicator, names: primaries.map(DashboardValues.label),
                                                          changes: changes.count == primaries.count ? changes : [], years: span)
        } else {
            let main = highlight ?? primaries.first ?? members.first?.area
            generated = main.flatMap { trendTitle(for: $0, years: years) } ?? indicator.title
        }
        return DashboardValues.spec(indicator, title: title ?? generated, series: series,
                                    breaks: DashboardValues.breaks(dataset, areas: members.map(\.area), years: years),
                                    highlight: highlight?.key)
    }

    /// Roles when nothing is said: the highlighted area leads; the Kreis and regions are
    /// references once something smaller is shown, other Gemeinden are context.
    static func roles(_ shown: [Area], highlight: Area?) -> [(area: Area, role: SeriesRole)] {
        if let highlight {
            return shown.map { area in
                if area.key == highlight.key { return (area, .primary) }
                return (area, area.level == .gemeinde ? .context : .reference)
            }
        }
        if shown.count == 1 { return [(shown[0], .primary)] }
        let finest = shown.map(\.level).max() ?? .kreis
        return shown.map { area in (area, area.level < finest ? .reference : .primary) }
    }

    func trendTitle(for area: Area, years: ClosedRange<Int>?) -> String? {
        let figures = dataset.yearStates(area: area.key).filter { years?.contains($0.year) ?? true }
            .compactMap { o in o.state.number.map { (year: o.year, value: $0) } }
        guard let first = figures.first, let last = figures.last else { return nil }
        return DashboardWording.trendTitle(indicator, place: DashboardValues.locative(area), first: first, last: last)
    }

    /// Newest year in which any of `candidates` has an observation.
    func latestYear(among candidates: [Area]) -> Int? {
        candidates.compactMap { dataset.latestYear(area: $0.key) }.max()
    }

    /// Areas ranked in `year` (bars from the highest value), the Kreis as reference rule.
    func ranking(_ members: [Area], year: Int, highlight: Area? = nil, title: String? = nil) -> ChartSpec {
        let kreis = areas.kreis
        let ranked = members.filter { $0.level != .kreis && dataset.state(area: $0.key, year: year) != nil }
        let points = ranked.map { area in
            DashboardValues.point(.category(area.key), dataset.state(area: area.key, year: year)!)
        }
        var series = [Series(id: "werte", label: "\(indicator.title) \(year)", points: points)]
        if let kreis, let state = dataset.state(area: kreis.key, year: year) {
            series.append(Series(id: kreis.key, label: kreis.name, role: .reference,
                                 points: [DashboardValues.point(.category(kreis.name), state)],
                                 locative: "im Landkreis", comparisonName: "dem Kreiswert"))
        }
        let allGemeinden = ranked.allSatisfy { $0.level == .gemeinde }
        let areaWord = allGemeinden ? "Gemeinden" : (ranked.allSatisfy { $0.level == .sozialregion } ? "Sozialregionen" : "Gebieten")
        let title = title ?? rankingTitle(ranked, year: year, highlight: highlight, areaWord: areaWord)
        return DashboardValues.spec(indicator, title: title,
                                    subtitle: DashboardValues.subtitle(indicator, extra: "\(year)"),
                                    series: series,
                                    categories: ranked.map { ChartCategory(key: $0.key, label: DashboardValues.label($0)) },
                                    keyLabel: allGemeinden ? "Gemeinde" : "Gebiet", highlight: highlight?.key)
    }

    func rankingTitle(_ ranked: [Area], year: Int, highlight: Area?, areaWord: String) -> String {
        let values = ranked.compactMap { area -> (name: String, value: Double)? in
            dataset.state(area: area.key, year: year)?.number.map { (DashboardValues.label(area), $0) }
        }.sorted { ($0.value, $1.name) > ($1.value, $0.name) }
        var place: (name: String, rank: Int)? = nil
        if let highlight, let value = dataset.state(area: highlight.key, year: year)?.number {
            place = (DashboardValues.label(highlight), values.filter { $0.value > value }.count + 1)
        }
        return DashboardWording.rankingTitle(indicator, year: year, ranked: values, highlight: place, areaWord: areaWord)
    }

    /// The seven Sozialregionen on the tile map in `year`, the Kreis as reference.
    func tiles(year: Int, highlight: Area? = nil, title: String? = nil) -> ChartSpec {
        let regions = areas.sozialregionen
        var points: [DataPoint] = []
        var categories: [ChartCategory] = []
        for region in regions {
            guard let number = region.sozialregion, let state = dataset.state(area: region.key, year: year) else { continue }
            points.append(DashboardValues.point(.category(String(number)), state))
            categories.append(ChartCategory(key: String(number), label: region.shortName))
        }
        var series = [Series(id: "werte", label: "\(indicator.title) \(year)", points: points)]
        if let kreis = areas.kreis, let state = dataset.state(area: kreis.key, year: year) {
            series.append(Series(id: kreis.key, label: kreis.name, role: .reference,
                                 points: [DashboardValues.point(.category(kreis.name), state)],
                                 locative: "im Landkreis", comparisonName: "dem Kreiswert"))
        }
        let values = regions.compactMap { region -> (name: String, value: Double)? in
            dataset.state(area: region.key, year: year)?.number.map { (region.shortName, $0) }
        }.sorted { ($0.value, $1.name) > ($1.value, $0.name) }
        var generated = "\(indicator.title) \(year) nach Sozialregionen"
        if let highlight, highlight.level == .sozialregion,
           let value = dataset.state(area: highlight.key, year: year)?.number {
            let rank = values.filter { $0.value > value }.count + 1
            generated = DashboardWording.rankingTitle(indicator, year: year, ranked: values,
                                                      highlight: (highlight.shortName, rank), areaWord: "Sozialregionen")
        } else if let top = values.first, values.count > 1 {
            generated += ": am höchsten in \(top.name)"
        }
        return DashboardValues.spec(indicator, title: title ?? generated,
                                    subtitle: DashboardValues.subtitle(indicator, extra: "\(year)"),
                                    series: series, categories: categories, keyLabel: "Sozialregion",
                                    highlight: highlight?.sozialregion.map(String.init))
    }
}
