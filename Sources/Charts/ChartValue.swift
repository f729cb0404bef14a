/// Why a value is missing. Official statistics never report these as 0 (DIN 55301 symbols).
public enum MissingReason: Sendable, Hashable {
    /// "." — unknown or confidential (geheim).
    case secret
    /// "…" — not yet available (nicht verfügbar).
    case notYetAvailable
    /// "x" — cell blocked because a value would not be meaningful (nicht sinnvoll).
    case notMeaningful
    /// "/" — not reliable enough.
    case notReliable
    /// "*" — anonymised small number (Bundesagentur für Arbeit).
    case anonymised
    /// "k. A." — no information (keine Angabe).
    case noData
    /// "0" — less than half of the smallest unit shown, but more than nothing. Not drawable as a
    /// number (it is not zero), so charts leave a gap and tables show the symbol.
    case belowHalfUnit
    /// Any other reason, in German, shown with the symbol ".".
    case other(String)

    /// The table symbol.
    public var symbol: String {
        switch self {
        case .secret, .other: "."
        case .notYetAvailable: "…"
        case .notMeaningful: "x"
        case .notReliable: "/"
        case .anonymised: "*"
        case .noData: "k. A."
        case .belowHalfUnit: "0"
        }
    }

    /// Short German reason as used in sentences and the CSV ("geheim").
    public var text: String {
        switch self {
        case .secret: "geheim"
        case .notYetAvailable: "noch nicht verfügbar"
        case .notMeaningful: "nicht sinnvoll"
        case .notReliable: "nicht sicher genug"
        case .anonymised: "anonymisiert (kleine Fallzahl)"
        case .noData: "keine Angabe"
        case .belowHalfUnit: "weniger als die Hälfte der kleinsten Einheit"
        case .other(let text): text
        }
    }

    /// Line of the symbol legend ("Zeichenerklärung").
    var legend: String {
        switch self {
        case .secret: ". = Zahlenwert unbekannt oder geheim zu halten"
        case .notYetAvailable: "… = Angabe fällt später an"
        case .notMeaningful: "x = Tabellenfach gesperrt, weil Aussage nicht sinnvoll"
        case .notReliable: "/ = keine Angabe, da Zahlenwert nicht sicher genug"
        case .anonymised: "* = anonymisiert (kleine Fallzahl)"
        case .belowHalfUnit: "0 = weniger als die Hälfte von 1 in der letzten besetzten Stelle, jedoch mehr als nichts"
        case .noData: "k. A. = keine Angabe"
        case .other(let text): ". = \(text)"
        }
    }
}

/// Quality marks of a value, as official statistics print them after or around the number.
public struct ValueFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `p`: provisional (vorläufig).
    public static let provisional = ValueFlags(rawValue: 1)
    /// `r`: revised (berichtigt).
    public static let revised = ValueFlags(rawValue: 2)
    /// `s`: estimated (geschätzt).
    public static let estimated = ValueFlags(rawValue: 4)
    /// `( )`: limited validity (eingeschränkte Aussagekraft).
    public static let limitedValidity = ValueFlags(rawValue: 8)

    /// Letters after the value, e.g. "p" or "p s" (limited validity is shown as parentheses).
    public var letters: String {
        var parts: [String] = []
        if contains(.provisional) { parts.append("p") }
        if contains(.revised) { parts.append("r") }
        if contains(.estimated) { parts.append("s") }
        return parts.joined(separator: " ")
    }

    /// Marks for the CSV column: "p", "r", "s", "()" separated by spaces.
    public var csvMarks: String {
        var parts: [String] = []
        if contains(.provisional) { parts.append("p") }
        if contains(.revised) { parts.append("r") }
        if contains(.estimated) { parts.append("s") }
        if contains(.limitedValidity) { parts.append("()") }
        return parts.joined(separator: " ")
    }

    /// Drawn as a hollow point: the value may still change.
    var isUncertain: Bool { contains(.provisional) || contains(.estimated) }

    static let legendLines: [(ValueFlags, String)] = [
        (.provisional, "p = vorläufiger Wert"),
        (.revised, "r = berichtigter Wert"),
        (.estimated, "s = geschätzter Wert"),
        (.limitedValidity, "( ) = Aussagewert eingeschränkt"),
    ]
}

/// A number, or the reason why there is none.
public enum ChartValue: Sendable, Hashable {
    case number(Double)
    case missing(MissingReason)

    public var number: Double? {
        if case .number(let v) = self, v.isFinite { return v }
        return nil
    }
}
