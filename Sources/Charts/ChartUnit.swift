import Foundation
import Support

public enum UnitKind: Sendable, Hashable {
    /// Percent values (5.9 means 5,9 %).
    case percent
    /// Counts of persons, cases, households; large axes use "Tsd."/"Mio.".
    case count
    /// Per 1,000 inhabitants (or another base named in `ChartUnit.label`).
    case perThousand
    /// Years, e.g. average age.
    case years
    /// A ratio or index, e.g. Altenquotient per 100.
    case ratio
}

/// Unit and precision of a chart's values, and how to write them in each place.
public struct ChartUnit: Sendable, Hashable {
    public var kind: UnitKind
    /// Decimals in tables, labels and sentences.
    public var decimals: Int
    /// Word after a value in sentences ("Personen", "je 1.000 Einwohner"); percent always uses "%".
    public var label: String?

    public init(_ kind: UnitKind, decimals: Int? = nil, label: String? = nil) {
        self.kind = kind
        self.decimals = max(0, min(6, decimals ?? (kind == .count ? 0 : 1)))
        self.label = label
    }

    public static let percent = ChartUnit(.percent)

    /// Word after a value in sentences. Counts get none: the subject already names what is
    /// counted ("Die Zahl der Haushalte stieg von 20.100 auf 26.200"), and a plural noun would
    /// need its dative form after "von" and "mit".
    private func sentenceLabel(dative: Bool) -> String? {
        switch kind {
        case .percent: return "%"
        case .years: return label ?? (dative ? "Jahren" : "Jahre")
        case .perThousand: return label ?? "je 1.000 Einwohner"
        case .ratio: return label
        case .count: return nil
        }
    }

    /// Full precision for tables: "1.234,5" (the unit stands in the caption).
    public func table(_ value: Double) -> String {
        GermanFormat.number(value, decimals: decimals)
    }

    /// CSV: decimal comma, no grouping, ASCII minus so spreadsheets read it as a number.
    public func csv(_ value: Double) -> String {
        GermanFormat.number(value, decimals: decimals, grouping: false).replacingOccurrences(of: "−", with: "-")
    }

    /// For sentences: "5,9 %", "48,4 Jahre" ("48,4 Jahren" after "von", "bei", "mit"), "299.329".
    public func sentence(_ value: Double, dative: Bool = false) -> String {
        let number = GermanFormat.number(value, decimals: decimals)
        guard let label = sentenceLabel(dative: dative) else { return number }
        return number + "\u{00A0}" + label
    }

    /// For direct labels in a chart: short, with "%" for percent and "Tsd."/"Mio." for large counts.
    public func label(_ value: Double) -> String {
        switch kind {
        case .percent:
            return GermanFormat.percent(value, decimals: decimals)
        case .count:
            return ChartUnit.abbreviated(value, decimals: decimals)
        default:
            return GermanFormat.number(value, decimals: decimals)
        }
    }

    /// "299,3 Tsd.", "1,2 Mio."; below 100.000 the full number.
    static func abbreviated(_ value: Double, decimals: Int) -> String {
        let magnitude = abs(value)
        if magnitude >= 1e9 { return GermanFormat.number(value / 1e9, decimals: 1) + "\u{00A0}Mrd." }
        if magnitude >= 1e6 { return GermanFormat.number(value / 1e6, decimals: 1) + "\u{00A0}Mio." }
        if magnitude >= 1e5 { return GermanFormat.number(value / 1e3, decimals: 1) + "\u{00A0}Tsd." }
        return GermanFormat.number(value, decimals: decimals)
    }

    /// Tick labels for a value axis. Large counts are written in "Tsd."/"Mio." on every tick
    /// (the reader needs the magnitude at each line); "%" is written only on the top tick.
    func axisLabels(for ticks: [Double]) -> [String] {
        let largest = ticks.map(abs).max() ?? 0
        var divisor = 1.0, suffix = ""
        if kind == .count {
            if largest >= 1e10 { divisor = 1e9; suffix = "\u{00A0}Mrd." }
            else if largest >= 1e7 { divisor = 1e6; suffix = "\u{00A0}Mio." }
            else if largest >= 1e4 { divisor = 1e3; suffix = "\u{00A0}Tsd." }
        }
        let scaled = ticks.map { $0 / divisor }
        let decimals = Ticks.decimals(for: scaled)
        let topIndex = ticks.indices.max { ticks[$0] < ticks[$1] }
        return scaled.enumerated().map { index, value in
            var text = GermanFormat.number(value, decimals: decimals)
            if value != 0 { text += suffix }
            if kind == .percent && index == topIndex { text += "\u{00A0}%" }
            return text
        }
    }

    /// Unit text for table captions and headers ("in %", "je 1.000 Einwohner").
    public var caption: String? {
        switch kind {
        case .percent: return "in %"
        case .years: return "in \(label ?? "Jahren")"
        case .perThousand: return label ?? "je 1.000 Einwohner"
        case .count, .ratio: return label
        }
    }
}
