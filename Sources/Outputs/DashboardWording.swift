import Data
import Support

/// German phrases of the dashboard: values with their unit, changes, and takeaway titles that
/// say what a chart shows ("Arbeitslosenquote im Landkreis gesunken: von 10,4 % (2014) auf 7,3 % (2023)").
enum DashboardWording {
    /// Noun phrase with article for summary sentences ("die Arbeitslosenquote"), from the title's
    /// first word; nil (the Charts module then says "der Wert") when the gender is not clear.
    static func subject(_ title: String) -> String? {
        let first = Slug.fold(String(title.split(separator: " ").first ?? ""))
        if feminine.contains(where: { first.hasSuffix($0) }) { return "die \(title)" }
        if masculine.contains(where: { first.hasSuffix($0) }) { return "der \(title)" }
        if neuter.contains(where: { first.hasSuffix($0) }) { return "das \(title)" }
        return nil
    }

    /// Endings of the first word of a title by grammatical gender; made once, not per chart.
    static let feminine = ["quote", "ung", "heit", "keit", "ion", "rate", "dichte", "zahl", "beteiligung"]
    static let masculine = ["quotient", "anteil", "saldo", "index", "wert"]
    static let neuter = ["alter", "einkommen", "verhaeltnis"]

    /// "7,3 %", "48,9 Jahre", "299.329", "55,1": the number with the unit where it is short.
    static func value(_ v: Double, _ indicator: Indicator) -> String {
        let number = GermanFormat.number(v, decimals: indicator.decimals)
        switch DashboardValues.unit(indicator).kind {
        case .percent: return number + "\u{00A0}%"
        case .years: return number + "\u{00A0}Jahre"
        default: return number
        }
    }

    /// The unit as a short line under a key figure ("Personen", "je 1.000 Einwohner"); nil when
    /// `value` already shows it.
    static func unitLine(_ indicator: Indicator) -> String? {
        switch DashboardValues.unit(indicator).kind {
        case .percent, .years: nil
        default: indicator.unit
        }
    }

    /// "−3,1 Prozentpunkte", "+1.234 Personen", "+0,8 Jahre": a difference in the indicator's unit.
    static func difference(_ d: Double, _ indicator: Indicator) -> String {
        let rounded = GermanFormat.number(abs(d), decimals: indicator.decimals)
        let zero = GermanFormat.number(0, decimals: indicator.decimals)
        let sign = rounded == zero ? "±" : (d > 0 ? "+" : "−")
        switch DashboardValues.unit(indicator).kind {
        case .percent: return "\(sign)\(rounded)\u{00A0}Prozentpunkte"
        case .years: return "\(sign)\(rounded)\u{00A0}Jahre"
        default: return "\(sign)\(rounded)"
        }
    }

    /// Whether two values look the same at the indicator's precision.
    static func sameDisplayed(_ a: Double, _ b: Double, _ indicator: Indicator) -> Bool {
        GermanFormat.number(a, decimals: indicator.decimals) == GermanFormat.number(b, decimals: indicator.decimals)
    }

    /// Takeaway title of a time series: direction, first and last value.
    static func trendTitle(_ indicator: Indicator, place: String, first: (year: Int, value: Double),
                           last: (year: Int, value: Double)) -> String {
        let head = "\(indicator.title) \(place)"
        if first.year == last.year { return "\(head) \(last.year): \(value(last.value, indicator))" }
        if sameDisplayed(first.value, last.value, indicator) {
            return "\(head) \(first.year) und \(last.year) gleich: \(value(last.value, indicator))"
        }
        let change = last.value - first.value
        let relative = first.value == 0 ? 1 : abs(change / first.value)
        if relative < 0.02 {
            return "\(head) kaum verändert: \(value(first.value, indicator)) (\(first.year)), \(value(last.value, indicator)) (\(last.year))"
        }
        return "\(head) \(change > 0 ? "gestiegen" : "gesunken"): von \(value(first.value, indicator)) (\(first.year)) "
            + "auf \(value(last.value, indicator)) (\(last.year))"
    }

    /// Takeaway of several series: the common direction, or who is compared.
    static func commonTrendTitle(_ indicator: Indicator, names: [String], changes: [Double], years: ClosedRange<Int>?) -> String {
        let span = years.map { $0.count == 1 ? " \($0.lowerBound)" : " \($0.lowerBound)–\($0.upperBound)" } ?? ""
        if !changes.isEmpty, changes.allSatisfy({ $0 < 0 }) {
            return "\(indicator.title)\(span): in allen gezeigten Gebieten gesunken"
        }
        if !changes.isEmpty, changes.allSatisfy({ $0 > 0 }) {
            return "\(indicator.title)\(span): in allen gezeigten Gebieten gestiegen"
        }
        let list = names.count > 1 ? names.dropLast().joined(separator: ", ") + " und " + names.last! : names.joined()
        return "\(indicator.title)\(span): \(list) im Vergleich"
    }

    /// Takeaway of a ranking: the highlighted area's rank, or the highest and lowest.
    static func rankingTitle(_ indicator: Indicator, year: Int, ranked: [(name: String, value: Double)],
                             highlight: (name: String, rank: Int)?, areaWord: String) -> String {
        let head = "\(indicator.title) \(year)"
        if let highlight {
            if highlight.rank == 1 && ranked.count > 1 {
                return "\(head): \(highlight.name) mit dem höchsten Wert unter \(ranked.count) \(areaWord)"
            }
            if highlight.rank == ranked.count && ranked.count > 1 {
                return "\(head): \(highlight.name) mit dem niedrigsten Wert unter \(ranked.count) \(areaWord)"
            }
            return "\(head): \(highlight.name) auf Rang \(highlight.rank) von \(ranked.count) \(areaWord)"
        }
        guard let top = ranked.first, let bottom = ranked.last else { return head }
        if ranked.count == 1 { return "\(head): \(top.name) \(value(top.value, indicator))" }
        return "\(head): am höchsten in \(top.name), am niedrigsten in \(bottom.name)"
    }

    /// "1 Gemeinde", "58 Gemeinden".
    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(GermanFormat.number(Double(n))) \(n == 1 ? singular : plural)"
    }
}
