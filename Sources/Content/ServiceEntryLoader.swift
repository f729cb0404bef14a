import Foundation
import Support

/// Loads the service directory: every `content/angebote/<slug>.md` and the settings file
/// `content/angebote/_verzeichnis.md`.
public enum ServiceEntryLoader {
    public static let folder = "content/angebote"
    /// Title, introduction (its body) and check interval of `/angebote/`; not an entry.
    public static let settingsFile = "_verzeichnis.md"
    public static let settingsKeys = ["title", "summary", "pruefintervall_monate"]

    /// Reads the folder below `siteDirectory`. A site without the folder has an empty directory
    /// and no diagnostics. Entries come sorted by name (umlauts folded), then slug.
    public static func load(siteDirectory: String, handlungsfelder: [String], areas: ServiceAreas,
                            now: Date) -> (ServiceDirectory, [Diagnostic]) {
        let walker = SiteFileWalker(siteDirectory: siteDirectory)
        guard walker.exists(folder) else { return (ServiceDirectory(), []) }
        var diagnostics: [Diagnostic] = []
        let found = walker.files(in: folder, recursive: false)
        diagnostics += found.diagnostics
        for skipped in found.skippedFolders {
            diagnostics.append(.warning(
                "ignored-file", at: SourceLocation(file: skipped),
                "Der Unterordner „\(skipped)“ wird nicht gelesen: Angebote liegen direkt in \(folder).",
                hint: "Verschieben Sie die Dateien aus dem Unterordner nach \(folder)."))
        }
        var settings = ServiceDirectorySettings()
        var entryFiles: [FoundFile] = []
        for file in found.files {
            let name = file.relativePath.split(separator: "/").last.map(String.init) ?? file.relativePath
            if name == settingsFile {
                let (read, problems) = readSettings(file)
                settings = read
                diagnostics += problems
            } else if name.hasSuffix(".md") && !name.hasPrefix("_") {
                entryFiles.append(file)
            } else {
                diagnostics.append(.warning(
                    "ignored-file", at: SourceLocation(file: file.relativePath),
                    "Die Datei „\(file.relativePath)“ wird nicht als Angebot gelesen.",
                    hint: name.hasPrefix("_")
                        ? "Nur „\(settingsFile)“ darf mit „_“ beginnen; benennen Sie die Datei um."
                        : "Angebote sind Markdown-Dateien mit der Endung „.md“ (klein geschrieben)."))
            }
        }
        if !entryFiles.isEmpty && areas.isEmpty {
            diagnostics.append(.error(
                "missing-areas", at: SourceLocation(file: "content/daten/gebiete.csv"),
                "Die Gebietsliste fehlt oder ist leer; ohne sie lassen sich Gemeinde und Sozialregion der Angebote "
                    + "nicht prüfen.",
                hint: "Legen Sie content/daten/gebiete.csv an (siehe docs/daten.md)."))
        }
        let context = ServiceEntryDecoder.Context(handlungsfelder: handlungsfelder, areas: areas, now: now,
                                                  staleAfterMonths: settings.staleAfterMonths)
        let decoded = entryFiles.parallelMap { file in
            ContentLoader.readThen(file) { ServiceEntryDecoder.decode(bytes: $0, path: file.relativePath, context: context) }
        }
        var entries: [ServiceEntry] = []
        for (entry, problems) in decoded {
            diagnostics += problems
            if let entry { entries.append(entry) }
        }
        // The folded names once per entry, not twice per comparison; same order as `isOrderedBefore`.
        // Indices are sorted, not (key, entry) pairs: moving whole entries around costs a retain per field.
        let keys = entries.map { Slug.fold($0.name) }
        let order = entries.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : entries[a].slug < entries[b].slug
        }
        entries = order.map { entries[$0] }
        return (ServiceDirectory(entries: entries, settings: settings), diagnostics.sortedForReport())
    }

    /// Directory order: by name with umlauts folded („Ärztlicher …“ with A), then slug.
    public static func isOrderedBefore(_ a: ServiceEntry, _ b: ServiceEntry) -> Bool {
        let keyA = Slug.fold(a.name), keyB = Slug.fold(b.name)
        return keyA != keyB ? keyA < keyB : a.slug < b.slug
    }

    static func readSettings(_ file: FoundFile) -> (ServiceDirectorySettings, [Diagnostic]) {
        let (settings, problems) = ContentLoader.readThen(file) { bytes -> (ServiceDirectorySettings?, [Diagnostic]) in
            let (parsed, problems) = ParsedContentFile.parse(bytes: bytes, path: file.relativePath)
            guard let parsed else { return (nil, problems) }
            var fields = parsed.fields
            fields.rejectUnknownKeys(allowed: settingsKeys,
                                     synonyms: ["titel": "title", "beschreibung": "summary", "zusammenfassung": "summary",
                                                "pruefintervall": "pruefintervall_monate",
                                                "prüfintervall_monate": "pruefintervall_monate"])
            var settings = ServiceDirectorySettings(source: parsed.source)
            if let title = FieldRules.nonEmpty(fields.string("title")) { settings.title = title }
            if let summary = FieldRules.nonEmpty(fields.string("summary")) { settings.summary = summary }
            if let months = fields.int("pruefintervall_monate", in: 1...60) { settings.staleAfterMonths = months }
            return (settings, fields.diagnostics)
        }
        return (settings ?? ServiceDirectorySettings(), problems)
    }
}
