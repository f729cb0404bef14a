import Content
import Foundation
import TestFolders
import Support
import Testing

@Suite("site-config.json")
struct SiteConfigLoaderTests {
    func config(_ name: String) -> (SiteConfig, [Diagnostic]) {
        SiteConfigLoader.parse(bytes: Fixture.bytes("config/" + name), path: "site-config.json")
    }

    @Test func goodConfigReadsEverything() {
        let (config, diagnostics) = config("good.json")
        #expect(diagnostics.isEmpty, "\(diagnostics.report)")
        #expect(config.baseURL == "https://mittelsachsen-sozial.de")
        #expect(config.host == "mittelsachsen-sozial.de")
        #expect(config.title == "soziales.mittelsachsen.gemeinsam.machen")
        #expect(config.description == "Sozialplanung im Landkreis Mittelsachsen")
        #expect(config.language == "de-DE")
        #expect(config.timeZone == "Europe/Berlin")
        #expect(config.theme == "standard")
        #expect(config.itemsPerPage == 12)
        #expect(config.markdown == MarkdownConfig(rawHTML: false, germanQuotes: true))
        #expect(config.menus["haupt"] == [MenuItem(title: "Beiträge", url: "/"), MenuItem(title: "Daten", url: "/daten/")])
        #expect(config.menus["fuss"]?.last == MenuItem(title: "Hochschule Mittweida", url: "https://www.hs-mittweida.de/"))
        #expect(config.contact.postalCode == "09599")
        #expect(config.contact.street == "Frauensteiner Straße 43")
        #expect(config.contact.email == "sozialplanung@landkreis-mittelsachsen.de")
        #expect(config.feeds.items == 25)
        #expect(config.newsletter == NewsletterConfig(period: "vierteljaehrlich", tool: "cleverreach"))
    }

    @Test func compactJSONWithoutSpaces() {
        let (config, diagnostics) = config("minimal.json")
        #expect(diagnostics.isEmpty, "\(diagnostics.report)")
        #expect(config.baseURL == "http://localhost:8080")
        #expect(config.title == "Test")
        #expect(config.itemsPerPage == SiteConfig().itemsPerPage)
    }

    @Test func tabIndentedJSON() {
        let (config, diagnostics) = config("tabs.json")
        #expect(diagnostics.isEmpty, "\(diagnostics.report)")
        #expect(config.title == "Mit Tabs")
    }

    @Test func unknownKeysAtEveryLevel() {
        let (_, diagnostics) = config("unknown-keys.json")
        let file = "site-config.json"
        expectDiagnostic(diagnostics, "unknown-config-key", file: file, line: 2, column: 3, hint: "„baseURL“")
        expectDiagnostic(diagnostics, "unknown-config-key", file: file, line: 4, column: 3, hint: "„itemsPerPage“")
        expectDiagnostic(diagnostics, "unknown-config-key", file: file, line: 5, column: 17, hint: "„markdown.rawHTML“")
        expectDiagnostic(diagnostics, "unknown-config-key", file: file, line: 6, column: 16, hint: "„contact.email“")
        expectDiagnostic(diagnostics, "unknown-config-key", file: file, line: 7, column: 14,
                         hint: "menus.haupt, menus.fuss")
        expectDiagnostic(diagnostics, "unknown-config-key", file: file, line: 8, column: 3)
        // baseURL is then missing, and that is said too.
        expectDiagnostic(diagnostics, "missing-config-value", file: file, line: 1, column: 1, hint: "\"baseURL\"")
        #expect(diagnostics.count == 7, "\(diagnostics.report)")
    }

    @Test func wrongTypes() {
        let (config, diagnostics) = config("wrong-types.json")
        let file = "site-config.json"
        expectDiagnostic(diagnostics, "wrong-type", file: file, line: 3, column: 12)
        expectDiagnostic(diagnostics, "wrong-type", file: file, line: 4, column: 19, hint: "„\"itemsPerPage\": 10“")
        expectDiagnostic(diagnostics, "wrong-type", file: file, line: 5, column: 28)
        expectDiagnostic(diagnostics, "wrong-type", file: file, line: 5, column: 51)
        expectDiagnostic(diagnostics, "wrong-type", file: file, line: 6, column: 23)
        expectDiagnostic(diagnostics, "wrong-type", file: file, line: 7, column: 12)
        #expect(diagnostics.count == 6, "\(diagnostics.report)")
        #expect(config.itemsPerPage == SiteConfig().itemsPerPage)
    }

    @Test func jsonSyntaxError() {
        let (_, diagnostics) = config("syntax-error.json")
        #expect(diagnostics.codes == ["json-syntax"])
        #expect(diagnostics.first?.location.line == 4, "\(diagnostics.report)")
        #expect(diagnostics.first?.hint?.contains("Kommas") == true)
    }

    @Test func badValues() {
        let (config, diagnostics) = config("bad-values.json")
        let file = "site-config.json"
        expectDiagnostic(diagnostics, "invalid-base-url", file: file, line: 2, column: 14, hint: "https://")
        expectDiagnostic(diagnostics, "invalid-config-value", file: file, line: 4, column: 15, hint: "Europe/Berlin")
        expectDiagnostic(diagnostics, "invalid-value", file: file, line: 5, column: 19)
        expectDiagnostic(diagnostics, "invalid-config-value", file: file, line: 6, column: 29,
                         hint: "Meinten Sie „monatlich“?")
        expectDiagnostic(diagnostics, "invalid-config-value", file: file, line: 6, column: 49, hint: "„listmonk“")
        expectDiagnostic(diagnostics, "invalid-config-value", file: file, line: 7, column: 52, hint: "\"/daten/\"")
        expectDiagnostic(diagnostics, "missing-config-value", file: file, line: 7, column: 63, hint: "\"title\"")
        #expect(diagnostics.count == 7, "\(diagnostics.report)")
        #expect(config.menus["haupt"] == [])
    }

    @Test(arguments: [("https://mittelsachsen-sozial.de///", "https://mittelsachsen-sozial.de"),
                      ("http://localhost:1313/", "http://localhost:1313"),
                      ("https://example.org/sozial/", "https://example.org/sozial")])
    func baseURLLosesTrailingSlashes(_ raw: String, _ expected: String) {
        let json = "{ \"baseURL\": \"\(raw)\", \"title\": \"T\" }"
        let (config, diagnostics) = SiteConfigLoader.parse(bytes: Array(json.utf8))
        #expect(diagnostics.isEmpty)
        #expect(config.baseURL == expected)
    }

    @Test func missingFileIsAnErrorWithHint() throws {
        let folder = URL(fileURLWithPath: TemporaryFolder.path("sozialsite-leer"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (config, diagnostics) = SiteConfigLoader.load(siteDirectory: folder.path)
        #expect(config == SiteConfig())
        expectDiagnostic(diagnostics, "missing-config", file: "site-config.json", line: 1, column: 1, hint: "baseURL")
    }
}
