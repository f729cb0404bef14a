import Foundation
import Support

/// Reads statistics files as they arrive (GENESIS flat files, GENESIS/regionalstatistik tables,
/// Excel CSV) into indicator values, and merges them into `<slug>.csv`.
public enum DataImporter {
    /// Reads one file. Diagnostics name `displayPath` (default: the path as given).
    public static func importFile(path: String, indicator: Indicator, areas: AreaCatalog,
                                  displayPath: String? = nil) -> ImportResult {
        let file = displayPath ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            return ImportResult(observations: [], diagnostics: [.error(DataCode.fileUnreadable, at: SourceLocation(file: file),
                "Die Datei „\(file)“ gibt es nicht oder sie ist nicht lesbar.")])
        }
        return importBytes(Array(data), file: file, indicator: indicator, areas: areas)
    }

    /// Reads the bytes of one file (encoding detected).
    public static func importBytes(_ bytes: [UInt8], file: String, indicator: Indicator, areas: AreaCatalog) -> ImportResult {
        let (text, encoding, problems) = TextDecoding.decode(bytes, file: file)
        guard let text else { return ImportResult(observations: [], diagnostics: problems, encoding: encoding) }
        var result = importText(text, file: file, indicator: indicator, areas: areas)
        result.encoding = encoding
        result.diagnostics = (problems + result.diagnostics)
        if result.diagnostics.hasErrors { result.observations = [] }
        return result
    }

    /// Reads decoded text.
    public static func importText(_ text: String, file: String, indicator: Indicator, areas: AreaCatalog) -> ImportResult {
        let separator = CSVReader.detectSeparator(text)
        let (records, problems) = CSVReader.read(text, separator: separator)
        var result = ImportResult(observations: [], diagnostics: problems.map { AreaCatalog.diagnostic(for: $0, file: file) },
                                  separator: String(separator))
        if problems.contains(where: { $0.kind == .unclosedQuote }) { return result }
        let mark: DecimalMark
        switch detectDecimalMark(records, file: file) {
        case .success(let m): mark = m
        case .failure(let d): result.diagnostics.append(d.diagnostic); return result
        }
        var context = ImportContext(file: file, areas: areas, indicator: indicator, mark: mark)
        let settings = indicator.importSettings
        if let headerIndex = records.firstIndex(where: { !$0.isBlank }) {
            let names = records[headerIndex].fields.map(\.trimmed)
            if FlatFileReader.isOldHeader(names) {
                result.layout = .genesisFlatOld
            } else if FlatFileReader.isNewHeader(names) {
                result.layout = .genesisFlatNew
            } else {
                result.layout = .table
            }
            if result.layout == .table {
                TableReader.read(records: records, settings: settings, context: &context)
            } else {
                FlatFileReader.read(records: records, headerIndex: headerIndex, flavour: result.layout!,
                                    settings: settings, context: &context)
            }
        }
        if !context.diagnostics.hasErrors && context.observations.isEmpty {
            context.error(DataCode.importNoRows, line: 1, "Die Datei enthält keine Werte für Gebiete des Landkreises.",
                          hint: context.skippedOutside > 0 ? "\(context.skippedOutside) Zeilen betreffen andere Gebiete als den Landkreis Mittelsachsen." : nil)
        }
        result.diagnostics += context.diagnostics
        result.diagnostics = result.diagnostics.sortedForReport()
        result.skippedOutside = context.skippedOutside
        result.skippedByFilter = context.skippedByFilter
        result.observations = result.diagnostics.hasErrors ? [] : context.observations.sortedForOutput(areas: areas)
        return result
    }

    struct DecimalMarkFailure: Error { var diagnostic: Diagnostic }

    /// German files write `1.234,5`, English GENESIS exports `1234.5`. Decided per file from cells
    /// that can only be read one way; a file with both is refused instead of guessed.
    static func detectDecimalMark(_ records: [CSVRecord], file: String) -> Result<DecimalMark, DecimalMarkFailure> {
        var commaAt: CSVField? = nil, pointAt: CSVField? = nil
        for record in records {
            for field in record.fields {
                let text = field.trimmed
                guard let firstByte = text.utf8.first, (0x30...0x39).contains(firstByte) || firstByte == 0x2D || firstByte == 0x28 || firstByte == 0x7C else { continue }
                if YearParser.year(text) != nil { continue }
                let numeric = String(text.unicodeScalars.drop { $0 == "|" || $0 == "(" || $0 == "-" || $0 == " " }
                    .prefix { ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "." || $0 == "," })
                let (c, p) = evidence(numeric)
                if c && commaAt == nil { commaAt = field }
                if p && pointAt == nil { pointAt = field }
            }
        }
        if let commaAt, let pointAt {
            return .failure(DecimalMarkFailure(diagnostic: .error(DataCode.importDecimalMark,
                at: SourceLocation(file: file, line: pointAt.line, column: pointAt.column),
                "Die Datei mischt Zahlen mit Dezimalpunkt („\(pointAt.trimmed)“) und mit Dezimalkomma („\(commaAt.trimmed)“, Zeile \(commaAt.line)).",
                hint: "Laden Sie die Datei in einer Sprache herunter (deutsch: Dezimalkomma) und speichern Sie sie ohne Umformatierung.")))
        }
        return .success(pointAt != nil ? .point : .comma)
    }

    /// (only German reading makes sense, only English reading makes sense)
    static func evidence(_ s: String) -> (Bool, Bool) {
        let parts = s.split(separator: ",", omittingEmptySubsequences: false)
        let dots = s.split(separator: ".", omittingEmptySubsequences: false)
        var comma = false, point = false
        // One separator kind, and its last group not three digits long: it is a decimal mark.
        if parts.count >= 2 && !s.contains(".") && parts.last!.count != 3 && !parts.last!.isEmpty { comma = true }
        if dots.count == 2 && !s.contains(",") && dots.last!.count != 3 && !dots.last!.isEmpty { point = true }
        // Both kinds: the last one is the decimal mark.
        if s.contains(".") && s.contains(","), let lastDot = s.lastIndex(of: "."), let lastComma = s.lastIndex(of: ",") {
            if lastComma > lastDot { comma = true } else { point = true }
        }
        return (comma, point)
    }
}
