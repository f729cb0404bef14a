import Support

/// The layouts of statistics files the importer reads.
public enum ImportLayout: String, Sendable, Hashable {
    /// GENESIS-Online flat file, older flavour (`Statistik_Code;…;Zeit;…;1_Auspraegung_Code;…`).
    case genesisFlatOld
    /// GENESIS-Online flat file, newer flavour (`time;…;value;value_q;…_variable_attribute_code`).
    case genesisFlatNew
    /// A table as GENESIS, regionalstatistik.de or Excel export it: title lines, header rows, data rows, footnotes.
    case table

    public var german: String {
        switch self {
        case .genesisFlatOld: return "GENESIS-Flatfile (bisheriges Format)"
        case .genesisFlatNew: return "GENESIS-Flatfile (neues Format)"
        case .table: return "Tabelle (GENESIS, Regionalstatistik oder Excel)"
        }
    }
}

/// What the importer read from one file.
public struct ImportResult: Sendable {
    /// Values found, one per area and year. Empty whenever `diagnostics` has errors, so that
    /// nothing half-read can be written.
    public var observations: [Observation]
    public var diagnostics: [Diagnostic]
    public var layout: ImportLayout?
    public var encoding: TextEncoding?
    public var separator: String?
    /// Rows for areas outside the Landkreis (Sachsen, other Kreise), left out on purpose.
    public var skippedOutside: Int = 0
    /// Rows left out by the indicator's `import: filter:`.
    public var skippedByFilter: Int = 0

    public var rows: [Observation] { observations }
    public var hasErrors: Bool { diagnostics.hasErrors }

    /// German summary for the command line.
    public var summary: String {
        var parts: [String] = []
        if let layout { parts.append("Format: \(layout.german)") }
        if let encoding { parts.append("Kodierung: \(encoding.german)") }
        if let separator { parts.append("Trennzeichen: „\(separator)“") }
        parts.append("\(observations.count) Werte")
        if skippedOutside > 0 { parts.append("\(skippedOutside) Zeilen außerhalb des Landkreises übersprungen") }
        if skippedByFilter > 0 { parts.append("\(skippedByFilter) Zeilen durch den Filter ausgelassen") }
        return parts.joined(separator: " · ")
    }
}
