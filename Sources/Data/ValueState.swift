import Support
/// Qualifiers official statistics attach to a figure (DIN 55301, Zeichenerklärung).
public struct ValueFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `p`: vorläufig.
    public static let provisional = ValueFlags(rawValue: 1 << 0)
    /// `r`: berichtigt.
    public static let revised = ValueFlags(rawValue: 1 << 1)
    /// `s`: geschätzt.
    public static let estimated = ValueFlags(rawValue: 1 << 2)
    /// `( )` around the value: Aussagewert eingeschränkt.
    public static let limitedValidity = ValueFlags(rawValue: 1 << 3)
    /// `|` before the value: the series breaks here; earlier years are not comparable.
    public static let seriesBreak = ValueFlags(rawValue: 1 << 4)

    /// Symbols in the order the indicator CSV writes them: `| () p r s`.
    public var symbols: [String] {
        var out: [String] = []
        if contains(.seriesBreak) { out.append("|") }
        if contains(.limitedValidity) { out.append("()") }
        if contains(.provisional) { out.append("p") }
        if contains(.revised) { out.append("r") }
        if contains(.estimated) { out.append("s") }
        return out
    }

    /// German words for tables and screen readers: ["vorläufig", "Reihenbruch"].
    public var german: [String] {
        var out: [String] = []
        if contains(.seriesBreak) { out.append("Bruch in der Zeitreihe") }
        if contains(.limitedValidity) { out.append("Aussagewert eingeschränkt") }
        if contains(.provisional) { out.append("vorläufig") }
        if contains(.revised) { out.append("berichtigt") }
        if contains(.estimated) { out.append("geschätzt") }
        return out
    }
}

/// Why a cell has no figure. Never read any of these as 0.
public enum MissingReason: String, Hashable, Sendable, CaseIterable {
    /// `…` or `...`: Angabe fällt später an.
    case notYetAvailable
    /// `/`: keine Angabe, da Zahlenwert nicht sicher genug.
    case unreliable
    /// `.`: Zahlenwert unbekannt oder geheim zu halten.
    case confidential
    /// `x`: Tabellenfach gesperrt, weil Aussage nicht sinnvoll.
    case blocked
    /// `*` (Bundesagentur für Arbeit): anonymisiert, kleine Fallzahl.
    case anonymised

    /// The symbol the indicator CSV writes.
    public var symbol: String {
        switch self {
        case .notYetAvailable: return "…"
        case .unreliable: return "/"
        case .confidential: return "."
        case .blocked: return "x"
        case .anonymised: return "*"
        }
    }

    public var german: String {
        switch self {
        case .notYetAvailable: return "Angabe fällt später an"
        case .unreliable: return "Zahlenwert nicht sicher genug"
        case .confidential: return "Zahlenwert unbekannt oder geheim zu halten"
        case .blocked: return "Tabellenfach gesperrt, weil Aussage nicht sinnvoll"
        case .anonymised: return "anonymisiert (kleine Fallzahl)"
        }
    }
}

/// One cell of an indicator: a figure, one of the two zero symbols, or a reason why there is none.
public enum ValueState: Hashable, Sendable {
    /// A figure with its qualifiers.
    case value(Double, ValueFlags)
    /// `-`: nichts vorhanden, genau null.
    case exactlyZero(ValueFlags)
    /// `0`: weniger als die Hälfte von 1 in der letzten besetzten Stelle, jedoch mehr als nichts.
    case belowHalfUnit(ValueFlags)
    /// No figure, for a reason.
    case missing(MissingReason, ValueFlags)

    public var flags: ValueFlags {
        switch self {
        case .value(_, let f), .exactlyZero(let f), .belowHalfUnit(let f), .missing(_, let f): return f
        }
    }

    /// The figure where one is known: the value, or 0 for `-`. Nil for `0` (only known to be
    /// small) and for missing values, so charts leave a gap instead of drawing a false zero.
    public var number: Double? {
        switch self {
        case .value(let v, _): return v
        case .exactlyZero: return 0
        case .belowHalfUnit, .missing: return nil
        }
    }

    /// The same state with other qualifiers.
    public func with(flags: ValueFlags) -> ValueState {
        switch self {
        case .value(let v, _): return .value(v, flags)
        case .exactlyZero: return .exactlyZero(flags)
        case .belowHalfUnit: return .belowHalfUnit(flags)
        case .missing(let r, _): return .missing(r, flags)
        }
    }

    /// The symbol shown instead of a figure (`–` is written for exactly zero as tables print it).
    public var symbol: String? {
        switch self {
        case .value: return nil
        case .exactlyZero: return "–"
        case .belowHalfUnit: return "0"
        case .missing(let reason, _): return reason.symbol
        }
    }

    /// German explanation of the symbol, for `title`/legend and screen readers.
    public var germanExplanation: String? {
        switch self {
        case .value: return nil
        case .exactlyZero: return "nichts vorhanden (genau null)"
        case .belowHalfUnit: return "weniger als die Hälfte der kleinsten dargestellten Einheit, jedoch mehr als nichts"
        case .missing(let reason, _): return reason.german
        }
    }
}

/// The Zeichenerklärung for legends on pages and in docs.
public enum StatisticalSymbol {
    public static let legend: [(symbol: String, meaning: String)] = [
        ("–", "nichts vorhanden (genau null)"),
        ("0", "weniger als die Hälfte von 1 in der letzten besetzten Stelle, jedoch mehr als nichts"),
        ("…", "Angabe fällt später an"),
        ("/", "keine Angabe, da Zahlenwert nicht sicher genug"),
        (".", "Zahlenwert unbekannt oder geheim zu halten"),
        ("x", "Tabellenfach gesperrt, weil Aussage nicht sinnvoll"),
        ("( )", "Aussagewert eingeschränkt"),
        ("p", "vorläufige Zahl"),
        ("r", "berichtigte Zahl"),
        ("s", "geschätzte Zahl"),
        ("*", "anonymisiert: kleine Fallzahl (Bundesagentur für Arbeit)"),
        ("|", "grundsätzliche Änderung innerhalb einer Reihe, die den zeitlichen Vergleich beeinträchtigt"),
    ]
}

extension ValueState {
    /// As a table cell shows it: "1.234,5", "(4,8) p", "| 9,4", "–", "0", "…", "* ".
    /// Numbers are rounded to `decimals` with German grouping and a real minus sign.
    public func display(decimals: Int) -> String {
        var core: String
        switch self {
        case .value(let v, _): core = GermanFormat.number(v, decimals: decimals)
        default: core = symbol ?? ""
        }
        let flags = self.flags
        if flags.contains(.limitedValidity) { core = "(\(core))" }
        if flags.contains(.seriesBreak) { core = "| " + core }
        let letters = flags.subtracting([.seriesBreak, .limitedValidity]).symbols
        if !letters.isEmpty { core += " " + letters.joined(separator: " ") }
        return core
    }
}
