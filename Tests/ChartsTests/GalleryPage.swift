import Foundation
import Testing
@testable import Charts

/// Writes every example chart into one HTML page with the chart CSS, for looking at them in a
/// browser or a headless screenshot. Only runs when `CHARTS_GALLERY=<folder>` is set.
@Suite("Preview page")
struct GalleryPage {
    static let folder = ProcessInfo.processInfo.environment["CHARTS_GALLERY"]

    @Test("Write the gallery page", .enabled(if: folder != nil))
    func write() throws {
        let dark = ProcessInfo.processInfo.environment["CHARTS_GALLERY_DARK"] == "1"
        var html = """
        <!DOCTYPE html>
        <html lang="de"><head><meta charset="utf-8"><title>Diagramme</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
        @font-face { font-family: Inter; font-weight: 400; src: url("file:///usr/share/fonts/opentype/inter/Inter-Regular.otf"); }
        @font-face { font-family: Inter; font-weight: 600; src: url("file:///usr/share/fonts/opentype/inter/Inter-SemiBold.otf"); }
        @font-face { font-family: Inter; font-weight: 700; src: url("file:///usr/share/fonts/opentype/inter/Inter-Bold.otf"); }
        \(ChartStyles.css)
        body { font-family: Inter, sans-serif; margin: 0; padding: 16px; \(dark ? "background: #121212; color: #ECECEC;" : "") }
        \(dark ? ":root {" + Palette.colors.map { "--chart-\($0.name): \($0.dark);" }.joined() + "}" : "")
        main { display: grid; grid-template-columns: minmax(0, 720px) minmax(0, 330px); gap: 40px; align-items: start; }
        .card { display: flex; gap: 12px; align-items: center; }
        h2 { font-size: 0.9rem; color: #595959; margin: 0; }
        </style></head><body><main>

        """
        let only = ProcessInfo.processInfo.environment["CHARTS_GALLERY_ONLY"]
        for (name, chart) in Fixtures.gallery where only.map({ name.hasPrefix($0) }) ?? true {
            for column in ["w", "n"] {
                let output = chart.render(RenderOptions(idPrefix: "\(column)-\(name)", headingLevel: 3,
                                                        csvHref: "/daten/\(name).csv"))
                html += "<section><h2>\(name) (\(column == "w" ? "breit" : "schmal"))</h2>\n"
                if case .sparkline = chart.kind {
                    html += "<p class=\"card\"><span>SGB-II-Quote 2023: 7,2 %</span>\n\(output.figureHTML)</p>\n"
                } else {
                    html += output.figureHTML
                }
                html += "</section>\n"
            }
        }
        html += "</main></body></html>\n"
        let folder = URL(fileURLWithPath: GalleryPage.folder!)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(html.utf8).write(to: folder.appendingPathComponent("charts.html"))
        // The standalone SVG of each chart, as a download file would be.
        for (name, chart) in Fixtures.gallery where only.map({ name.hasPrefix($0) }) ?? true {
            try Data(chart.render(idPrefix: "s-\(name)").svg.utf8).write(to: folder.appendingPathComponent("\(name).svg"))
        }
    }
}
