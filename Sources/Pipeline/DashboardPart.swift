import Outputs

extension OutputPart {
    /// The data dashboard under `/daten/` with its downloads; nothing when the site has no data.
    static let dashboard = OutputPart(name: "Daten") { context in
        Dashboard.render(site: context.site, theme: context.theme, options: context.pageOptions)
    }
}
