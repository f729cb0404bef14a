import Content
import Foundation
import TestFolders
@testable import Outputs
import Testing

/// Writes the sample site to a folder so the HTML and accessibility checkers can look at real files:
/// `SITEPAGES_SAMPLE_DIR=/tmp/sample swift test --filter SitePagesSampleExport` (see tools/check-theme.sh).
@Suite struct SitePagesSampleExportTests {
    @Test func writesACompleteSiteFolder() throws {
        let environment = ProcessInfo.processInfo.environment
        let folder = environment["SITEPAGES_SAMPLE_DIR"]
            ?? TemporaryFolder.path("sitepages-sample")
        let keep = environment["SITEPAGES_SAMPLE_DIR"] != nil
        let fm = FileManager.default
        try? fm.removeItem(atPath: folder)
        defer { if !keep { try? fm.removeItem(atPath: folder) } }

        let site = SampleSite.make(postCount: 23)
        let theme = SampleSite.theme()
        let options = SitePages.Options(hasDashboard: true, hasServiceDirectory: true, imageSize: SampleSite.imageSize,
                                        extraSitemapEntries: [.init(path: "/daten/"), .init(path: "/angebote/")])
        var files = SitePages.render(site: site, theme: theme, options: options).files
        // Pages other outputs would write, here through the generic page API.
        files.append(SitePages.genericPage(
            site: site, theme: theme, url: "/daten/", title: "Daten und Karten",
            description: "Kennzahlen zu Gemeinden und Sozialregionen.",
            bodyHTML: "<p>Das Dashboard folgt. Bis dahin finden Sie Zahlen im <a href=\"/archiv/\">Archiv</a>.</p>",
            breadcrumbs: [("Daten und Karten", "/daten/")]))
        files.append(SitePages.genericPage(
            site: site, theme: theme, url: "/angebote/", title: "Angebote finden",
            description: "Beratung und Hilfe im Landkreis.",
            bodyHTML: "<p>Das Verzeichnis der Angebote folgt.</p>"))

        for file in files {
            let path = folder + "/" + file.path
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.contents).write(to: URL(fileURLWithPath: path))
        }
        for asset in theme.assets {
            let path = folder + asset.sitePath
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? fm.removeItem(atPath: path)
            try fm.copyItem(atPath: asset.sourcePath, toPath: path)
        }
        // Files that content/static provides on the real site.
        try fm.createDirectory(atPath: folder + "/bilder", withIntermediateDirectories: true)
        let chart = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 675" role="img" aria-labelledby="t"><title id="t">Beispielbild</title>\
            <rect width="1200" height="675" fill="#e8eef2"/><rect x="120" y="375" width="140" height="200" fill="#0b5a73"/>\
            <rect x="320" y="275" width="140" height="300" fill="#0b5a73"/><rect x="520" y="175" width="140" height="400" fill="#0b5a73"/>\
            <rect x="720" y="315" width="140" height="260" fill="#b45309"/><rect x="920" y="235" width="140" height="340" fill="#0b5a73"/></svg>
            """
        try chart.write(toFile: folder + "/bilder/beispiel.svg", atomically: true, encoding: .utf8)
        let logo = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" role="img" aria-labelledby="t"><title id="t">Logo</title>\
            <rect width="40" height="40" rx="10" fill="#0b5a73"/></svg>
            """
        try logo.write(toFile: folder + "/bilder/logo.svg", atomically: true, encoding: .utf8)
        try logo.write(toFile: folder + "/favicon.svg", atomically: true, encoding: .utf8)

        #expect(fm.fileExists(atPath: folder + "/index.html"))
        #expect(fm.fileExists(atPath: folder + "/assets/css/site.css"))
        #expect(fm.fileExists(atPath: folder + "/assets/fonts/inter-regular.woff2"))
        #expect(fm.fileExists(atPath: folder + "/daten/index.html"))
    }
}
