import Foundation
import Support

/// Areas and indicators of a site folder, as the pipeline loads them.
public struct SiteData: Sendable {
    public var areas: AreaCatalog
    public var indicators: IndicatorCatalog

    public init(areas: AreaCatalog, indicators: IndicatorCatalog) {
        self.areas = areas
        self.indicators = indicators
    }

    /// Reads `content/daten/gebiete.csv` and `content/daten/indikatoren/` below `siteRoot`.
    /// A site without `content/daten` has no data and no diagnostics.
    public static func load(siteRoot: String, handlungsfelder: Set<String>? = nil) -> (data: SiteData, diagnostics: [Diagnostic]) {
        let root = siteRoot as NSString
        let areasPath = root.appendingPathComponent(AreaCatalog.defaultPath)
        let indicatorPath = root.appendingPathComponent(IndicatorCatalog.defaultDirectory)
        let manager = FileManager.default
        let empty = SiteData(areas: AreaCatalog(areas: []), indicators: IndicatorCatalog(datasets: []))
        guard manager.fileExists(atPath: areasPath) || manager.fileExists(atPath: indicatorPath) else { return (empty, []) }
        let (areas, areaProblems) = AreaCatalog.load(path: areasPath)
        var diagnostics = areaProblems
        if areaProblems.hasErrors {
            return (SiteData(areas: areas, indicators: IndicatorCatalog(datasets: [])), diagnostics)
        }
        let (indicators, indicatorProblems) = IndicatorCatalog.load(directory: indicatorPath, areas: areas,
                                                                    handlungsfelder: handlungsfelder)
        diagnostics += indicatorProblems
        return (SiteData(areas: areas, indicators: indicators), diagnostics)
    }
}
