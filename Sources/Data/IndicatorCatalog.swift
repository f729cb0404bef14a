import Foundation
import Support

/// All indicators of the site with their values.
public struct IndicatorCatalog: Sendable {
    /// Sorted by slug.
    public let datasets: [IndicatorDataset]

    public static let defaultDirectory = "content/daten/indikatoren"

    public init(datasets: [IndicatorDataset]) {
        self.datasets = datasets.sorted { $0.slug < $1.slug }
    }

    public var indicators: [Indicator] { datasets.map(\.indicator) }

    public func dataset(slug: String) -> IndicatorDataset? { datasets.first { $0.slug == slug } }

    /// Indicators assigned to a Handlungsfeld.
    public func datasets(handlungsfeld slug: String) -> [IndicatorDataset] {
        datasets.filter { $0.indicator.handlungsfelder.contains(slug) }
    }

    /// "Meinten Sie „arbeitslosenquote“?" for a mistyped indicator slug (shortcodes, CLI).
    public func hint(forUnknownSlug slug: String) -> String? {
        Suggestion.hint(for: slug, in: datasets.map(\.slug))
    }

    /// Loads every `<slug>.md` with its `<slug>.csv` from `directory`.
    /// - Parameters:
    ///   - displayPath: how diagnostics name the folder (relative to the site).
    ///   - handlungsfelder: known Handlungsfeld slugs; nil skips that check.
    public static func load(directory: String, areas: AreaCatalog, displayPath: String = defaultDirectory,
                            handlungsfelder: Set<String>? = nil) -> (catalog: IndicatorCatalog, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            return (IndicatorCatalog(datasets: []), [])
        }
        var slugs = Set<String>()
        for name in names {
            let ext = (name as NSString).pathExtension
            guard ext == "md" || ext == "csv" else {
                diagnostics.append(.warning(DataCode.notCSV, at: SourceLocation(file: "\(displayPath)/\(name)"),
                    "Die Datei „\(name)“ wird nicht verwendet: hier stehen nur <name>.md und <name>.csv.",
                    hint: "Quelldateien für den Import gehören nicht in diesen Ordner."))
                continue
            }
            slugs.insert((name as NSString).deletingPathExtension)
        }
        // Each indicator's two files are read and checked on their own (on all cores); the results
        // are joined in slug order, so the diagnostics come out as from one loop.
        let perSlug = slugs.sorted().parallelMap { slug in
            var diagnostics: [Diagnostic] = []
            let loaded = loadIndicator(slug, names: names, directory: directory, displayPath: displayPath, areas: areas,
                                       handlungsfelder: handlungsfelder, diagnostics: &diagnostics)
            return (loaded, diagnostics)
        }
        var metadata: [(Indicator, [Observation])] = []
        for (loaded, problems) in perSlug {
            diagnostics += problems
            if let loaded { metadata.append(loaded) }
        }
        // Computed levels need the finished Gemeinde values (and weights from other indicators).
        // Only indicators that weight another get a dataset of their published values here (each
        // dataset sorts and indexes all its values); the others are only needed as known slugs.
        let weightSlugs = Set(metadata.compactMap { $0.0.weight })
        var publishedSlugs = Set<String>()
        var published: [String: IndicatorDataset] = [:]
        for (indicator, observations) in metadata {
            publishedSlugs.insert(indicator.slug)
            guard weightSlugs.contains(indicator.slug) else { continue }
            published[indicator.slug] = IndicatorDataset(indicator: indicator, observations: observations, areas: areas)
        }
        var datasets: [IndicatorDataset] = []
        for (indicator, observations) in metadata {
            var all = observations
            let gemeindeValues = observations.filter { areas.level(key: $0.area) == .gemeinde }
            var weights: IndicatorDataset? = nil
            if let weight = indicator.weight {
                weights = published[weight]
                if weights == nil {
                    diagnostics.append(.error(DataCode.unknownIndicator, at: indicator.location(ofKey: "gewicht"),
                        "Der Indikator „\(weight)“ für die Gewichtung existiert nicht.",
                        hint: Suggestion.hint(for: weight, in: publishedSlugs.sorted())))
                }
            }
            for level in [AreaLevel.sozialregion, .kreis] {
                let method = indicator.method(for: level)
                if method == .mittelwertGewichtet && weights == nil { continue }
                let (computed, problems) = Aggregator.compute(level: level, method: method, gemeindeValues: gemeindeValues,
                                                              weights: weights, indicator: indicator, areas: areas)
                all += computed
                diagnostics += problems
            }
            datasets.append(IndicatorDataset(indicator: indicator, observations: all, areas: areas))
        }
        return (IndicatorCatalog(datasets: datasets), diagnostics)
    }

    /// One indicator: `<slug>.md` and `<slug>.csv` read and checked; nil when it cannot be published.
    private static func loadIndicator(_ slug: String, names: [String], directory: String, displayPath: String,
                                      areas: AreaCatalog, handlungsfelder: Set<String>?,
                                      diagnostics: inout [Diagnostic]) -> (Indicator, [Observation])? {
        let md = "\(displayPath)/\(slug).md", csv = "\(displayPath)/\(slug).csv"
        let mdPath = (directory as NSString).appendingPathComponent("\(slug).md")
        let csvPath = (directory as NSString).appendingPathComponent("\(slug).csv")
        let hasMD = names.contains("\(slug).md"), hasCSV = names.contains("\(slug).csv")
        if Slug.make(slug) != slug {
            diagnostics.append(.error(DataCode.invalidKey, at: SourceLocation(file: hasMD ? md : csv),
                "Der Dateiname „\(slug)“ taugt nicht als Adresse.",
                hint: "Nur Kleinbuchstaben, Ziffern und Bindestriche, z. B. „\(Slug.make(slug))“."))
            return nil
        }
        guard hasMD else {
            diagnostics.append(.error(DataCode.missingMetadata, at: SourceLocation(file: csv),
                "Zu den Werten fehlt die Beschreibung \(slug).md.",
                hint: "Jeder Indikator braucht \(slug).md (Titel, Einheit, Quelle …) neben \(slug).csv."))
            return nil
        }
        guard hasCSV else {
            diagnostics.append(.error(DataCode.missingCSV, at: SourceLocation(file: md),
                "Zur Beschreibung fehlen die Werte \(slug).csv.",
                hint: "Legen Sie \(slug).csv mit der Kopfzeile „gebiet;jahr;wert;flag“ an oder importieren Sie eine Datei: sozialsite daten import DATEI --indikator \(slug)"))
            return nil
        }
        guard let mdText = readText(mdPath, file: md, diagnostics: &diagnostics) else { return nil }
        let (indicator, mdProblems) = IndicatorMetadataParser.parse(mdText, slug: slug, file: md, csvFile: csv,
                                                                    handlungsfelder: handlungsfelder)
        diagnostics += mdProblems
        guard let csvText = readText(csvPath, file: csv, diagnostics: &diagnostics) else { return nil }
        var (observations, csvProblems) = IndicatorCSV.parse(csvText, file: csv, areas: areas)
        diagnostics += csvProblems
        guard let indicator else { return nil }
        // Values at a level the indicator says are computed or absent would be silently replaced or hidden.
        for level in [AreaLevel.sozialregion, .kreis] {
            let method = indicator.method(for: level)
            guard method != .daten else { continue }
            let stray = observations.filter { areas.level(key: $0.area) == level }
            if let first = stray.first {
                let key = level == .kreis ? "kreis_values" : "region_values"
                diagnostics.append(.error(DataCode.publishedValueRecomputed, at: first.location ?? SourceLocation(file: csv),
                    "Die Datei enthält \(stray.count) Werte für \(level == .kreis ? "den Landkreis" : "Sozialregionen"), aber „\(key): \(method.rawValue)“ sagt, es gebe \(method == .keine ? "keine" : "nur berechnete").",
                    hint: "Sind es veröffentlichte Werte, schreiben Sie „\(key): daten“; sonst löschen Sie diese Zeilen."))
                observations.removeAll { areas.level(key: $0.area) == level }
            }
        }
        return (indicator, observations)
    }

    static func readText(_ path: String, file: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let bytes = FileBytes.read(atPath: path) else {
            diagnostics.append(.error(DataCode.fileUnreadable, at: SourceLocation(file: file), "Die Datei ist nicht lesbar."))
            return nil
        }
        let (text, encoding, problems) = TextDecoding.decode(bytes, file: file)
        diagnostics += problems
        if encoding == .windows1252 {
            diagnostics.append(.warning(DataCode.encodingNotUTF8, at: SourceLocation(file: file),
                "Die Datei ist nicht als UTF-8 gespeichert; sie wurde als Windows-1252 gelesen.",
                hint: TextDecoding.saveAsHint))
        }
        return text
    }
}
