import Foundation
import Support

/// What merging into `<slug>.csv` did.
public struct MergeOutcome: Sendable {
    public var report: IndicatorCSV.MergeReport?
    /// The complete new file (also when `dryRun`).
    public var text: String?
    public var written: Bool
    public var diagnostics: [Diagnostic]
}

/// Everything `sozialsite daten import DATEI --indikator SLUG` needs to print.
public struct ImportOutcome: Sendable {
    public var result: ImportResult?
    public var merge: MergeOutcome?
    /// All problems, sorted for the report.
    public var diagnostics: [Diagnostic]
    /// German lines for the terminal (format, counts, changes).
    public var messages: [String]
    public var succeeded: Bool { !diagnostics.hasErrors && ((merge?.written ?? false) || merge?.text != nil) }
}

extension DataImporter {
    /// Merges `observations` into the indicator CSV at `csvPath` (existing values for the same
    /// area and year are replaced, all others kept) and writes the sorted file atomically.
    /// Writes nothing when the existing file has errors or `dryRun` is set.
    public static func writeMerged(_ observations: [Observation], csvPath: String, displayPath: String,
                                   indicator: Indicator, areas: AreaCatalog, dryRun: Bool = false) -> MergeOutcome {
        var diagnostics: [Diagnostic] = []
        var existing: [Observation] = []
        if FileManager.default.fileExists(atPath: csvPath) {
            guard let text = IndicatorCatalog.readText(csvPath, file: displayPath, diagnostics: &diagnostics) else {
                return MergeOutcome(report: nil, text: nil, written: false, diagnostics: diagnostics)
            }
            let (rows, problems) = IndicatorCSV.parse(text, file: displayPath, areas: areas)
            diagnostics += problems
            if problems.hasErrors {
                diagnostics.append(.error(DataCode.importLayout, at: SourceLocation(file: displayPath),
                    "Die vorhandene Datei hat Fehler; es wird nichts hineingeschrieben.",
                    hint: "Beheben Sie zuerst die oben genannten Fehler in \(displayPath)."))
                return MergeOutcome(report: nil, text: nil, written: false, diagnostics: diagnostics)
            }
            existing = rows
        }
        let (merged, report) = IndicatorCSV.merge(existing: existing, incoming: observations, areas: areas)
        let text = IndicatorCSV.render(merged, decimals: indicator.decimals, areas: areas)
        guard !dryRun else { return MergeOutcome(report: report, text: text, written: false, diagnostics: diagnostics) }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: csvPath), options: .atomic)
        } catch {
            diagnostics.append(.error(DataCode.fileUnreadable, at: SourceLocation(file: displayPath),
                "Die Datei kann nicht geschrieben werden.", hint: "Ist der Ordner schreibgeschützt oder die Datei in Excel geöffnet?"))
            return MergeOutcome(report: report, text: text, written: false, diagnostics: diagnostics)
        }
        return MergeOutcome(report: report, text: text, written: true, diagnostics: diagnostics)
    }

    /// The whole import as the command line runs it: load the areas and the indicator of the
    /// site, read `file`, and merge the values into `content/daten/indikatoren/<slug>.csv`.
    /// Nothing is written when any error was found.
    public static func run(file: String, indicatorSlug: String, siteRoot: String, dryRun: Bool = false) -> ImportOutcome {
        let root = siteRoot as NSString
        var messages: [String] = []
        let (areas, areaProblems) = AreaCatalog.load(path: root.appendingPathComponent(AreaCatalog.defaultPath))
        if areaProblems.hasErrors {
            return ImportOutcome(result: nil, merge: nil, diagnostics: areaProblems.sortedForReport(), messages: messages)
        }
        let directory = root.appendingPathComponent(IndicatorCatalog.defaultDirectory)
        let mdDisplay = "\(IndicatorCatalog.defaultDirectory)/\(indicatorSlug).md"
        let mdPath = (directory as NSString).appendingPathComponent("\(indicatorSlug).md")
        var diagnostics = areaProblems
        guard let mdText = FileManager.default.contents(atPath: mdPath).flatMap({ String(data: $0, encoding: .utf8) }) else {
            let known = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
            diagnostics.append(.error(DataCode.unknownIndicator, at: SourceLocation(file: mdDisplay),
                "Den Indikator „\(indicatorSlug)“ gibt es nicht.",
                hint: Suggestion.hint(for: indicatorSlug, in: known)
                    ?? "Legen Sie zuerst \(mdDisplay) an (siehe docs/daten.md). Vorhanden: \(known.joined(separator: ", "))"))
            return ImportOutcome(result: nil, merge: nil, diagnostics: diagnostics.sortedForReport(), messages: messages)
        }
        let csvDisplay = "\(IndicatorCatalog.defaultDirectory)/\(indicatorSlug).csv"
        let (indicator, mdProblems) = IndicatorMetadataParser.parse(mdText, slug: indicatorSlug, file: mdDisplay,
                                                                    csvFile: csvDisplay, handlungsfelder: nil)
        diagnostics += mdProblems
        guard let indicator else {
            return ImportOutcome(result: nil, merge: nil, diagnostics: diagnostics.sortedForReport(), messages: messages)
        }
        let result = importFile(path: file, indicator: indicator, areas: areas)
        diagnostics += result.diagnostics
        messages.append(result.summary)
        guard !result.hasErrors else {
            messages.append("Es wurde nichts geschrieben: bitte die Fehler beheben und den Import wiederholen.")
            return ImportOutcome(result: result, merge: nil, diagnostics: diagnostics.sortedForReport(), messages: messages)
        }
        let merge = writeMerged(result.observations, csvPath: (directory as NSString).appendingPathComponent("\(indicatorSlug).csv"),
                                displayPath: csvDisplay, indicator: indicator, areas: areas, dryRun: dryRun)
        diagnostics += merge.diagnostics
        if let report = merge.report {
            messages.append("\(report.added) neu, \(report.changed) geändert, \(report.unchanged) unverändert.")
            for change in report.changes.prefix(20) {
                let name = areas.area(key: change.area)?.name ?? change.area
                let old = IndicatorCSV.cells(for: change.old, decimals: indicator.decimals)
                let new = IndicatorCSV.cells(for: change.new, decimals: indicator.decimals)
                messages.append("  \(name) \(change.year): \([old.0, old.1].filter { !$0.isEmpty }.joined(separator: " ")) → \([new.0, new.1].filter { !$0.isEmpty }.joined(separator: " "))")
            }
            if report.changes.count > 20 { messages.append("  … und \(report.changes.count - 20) weitere Änderungen") }
        }
        if merge.written { messages.append("Geschrieben: \(csvDisplay)") }
        else if dryRun && merge.text != nil { messages.append("Probelauf: nichts geschrieben.") }
        return ImportOutcome(result: result, merge: merge, diagnostics: diagnostics.sortedForReport(), messages: messages)
    }
}
