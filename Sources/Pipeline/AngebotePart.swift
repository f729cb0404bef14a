import Foundation
import Content
import Data
import Outputs
import Support

/// The service directory in the pipeline: loading `content/angebote/` (with the Gemeinden of
/// `gebiete.csv`) and rendering `/angebote/` as its own output part.
enum AngeboteStage {
    /// Reads the entries into `content.serviceDirectory`; returns their diagnostics.
    static func load(siteDirectory: String, into content: inout SiteContent, now: Date) -> [Diagnostic] {
        let folder = (siteDirectory as NSString).appendingPathComponent(ServiceEntryLoader.folder)
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        let (directory, diagnostics) = ServiceEntryLoader.load(
            siteDirectory: siteDirectory, handlungsfelder: content.handlungsfelder.map(\.slug),
            areas: areas(siteDirectory: siteDirectory), now: now)
        content.serviceDirectory = directory
        return diagnostics
    }

    /// The Gemeinden of `content/daten/gebiete.csv` as the entry decoder needs them. Problems of the
    /// file itself are reported where the data is loaded, not here a second time.
    static func areas(siteDirectory: String) -> ServiceAreas {
        let path = (siteDirectory as NSString).appendingPathComponent(AreaCatalog.defaultPath)
        guard FileManager.default.fileExists(atPath: path) else { return ServiceAreas([]) }
        let catalog = AreaCatalog.load(path: path).catalog
        return ServiceAreas(catalog.gemeinden.compactMap { area in
            guard let number = area.sozialregion else { return nil }
            return ServiceGemeinde(ags: area.key, name: area.name, slug: area.slug, sozialregion: number,
                                   sozialregionName: catalog.sozialregion(number: number)?.name ?? "Sozialregion \(number)",
                                   validTo: area.validTo?.description, successor: area.successor)
        })
    }
}

extension OutputPart {
    static let angebote = OutputPart(name: "Angebote") { context in
        AngebotePages.render(site: context.site, theme: context.theme, options: context.pageOptions)
    }
}
