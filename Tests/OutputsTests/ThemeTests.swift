import Content
import Foundation
@testable import Outputs
import Support
import Testing

@Suite struct ThemeTests {
    /// A throwaway site folder with `themes/<name>/templates/*.mustache` copied from the standard
    /// theme, so each test can break exactly one thing.
    final class ScratchSite {
        let root: String
        init() throws {
            root = NSTemporaryDirectory() + "theme-test-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: root + "/themes", withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        func copyStandard(as name: String) throws {
            try FileManager.default.copyItem(atPath: SampleSite.repositoryRoot + "/themes/standard",
                                             toPath: root + "/themes/" + name)
        }

        func write(_ text: String, to relative: String) throws {
            try text.write(toFile: root + "/" + relative, atomically: true, encoding: .utf8)
        }
    }

    @Test func standardThemeLoadsWithAllRequiredTemplatesAndAssets() throws {
        let result = Theme.load(named: "standard", siteDirectory: SampleSite.repositoryRoot)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let theme = try #require(result.theme)
        for name in Theme.requiredTemplates { #expect(theme.templateNames.contains(name), "\(name)") }
        let sitePaths = theme.assets.map(\.sitePath)
        #expect(sitePaths.contains("/assets/css/site.css"))
        #expect(sitePaths.contains("/assets/fonts/inter-regular.woff2"))
        #expect(sitePaths.contains("/assets/fonts/OFL.txt"))
        #expect(sitePaths == sitePaths.sorted())
        for asset in theme.assets {
            #expect(FileManager.default.fileExists(atPath: asset.sourcePath))
            #expect(asset.sourcePath.hasSuffix(String(asset.sitePath.dropFirst("/assets".count))))
        }
    }

    @Test func syntaxErrorsBecomeGermanDiagnosticsWithFileLineAndColumn() throws {
        let site = try ScratchSite()
        try site.copyStandard(as: "kaputt")
        // Line 3 closes a section under the wrong name; a second template is broken as well.
        try site.write("<p>\n{{#posts}}\n{{title}}{{/postz}}\n</p>\n", to: "themes/kaputt/templates/home.mustache")
        try site.write("{{#post}}\n<h1>{{title}}</h1>\n", to: "themes/kaputt/templates/post.mustache")
        let result = Theme.load(named: "kaputt", siteDirectory: site.root)
        #expect(result.theme == nil)
        let home = try #require(result.diagnostics.first { $0.location.file == "themes/kaputt/templates/home.mustache" })
        #expect(home.code == "theme-template-syntax")
        #expect(home.location.line == 3)
        #expect(home.location.column > 1)
        #expect(home.message.contains("Abschnitt"))
        #expect(home.hint?.contains("{{/name}}") == true)
        // Both broken files are reported, not only the first.
        #expect(result.diagnostics.contains { $0.location.file == "themes/kaputt/templates/post.mustache" })
        // A broken template is not additionally reported as missing.
        #expect(!result.diagnostics.contains { $0.code == "theme-template-missing" })
    }

    @Test func missingThemeListsTheThemesPresentAndSuggestsTheClosest() throws {
        let site = try ScratchSite()
        try site.copyStandard(as: "standard")
        try site.copyStandard(as: "dunkel")
        let result = Theme.load(named: "standart", siteDirectory: site.root)
        #expect(result.theme == nil)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "theme-missing")
        #expect(diagnostic.location.file == "site-config.json")
        #expect(diagnostic.message.contains("„standart“"))
        let hint = try #require(diagnostic.hint)
        #expect(hint.contains("Meinten Sie „standard“?"))
        #expect(hint.contains("„dunkel“") && hint.contains("„standard“"))
    }

    @Test func themeNameCannotLeaveTheThemesFolder() throws {
        let site = try ScratchSite()
        try site.copyStandard(as: "standard")
        let result = Theme.load(named: "../standard", siteDirectory: site.root)
        #expect(result.theme == nil)
        #expect(result.diagnostics.first?.code == "theme-missing")
    }

    @Test func missingRequiredTemplateIsReportedWithHint() throws {
        let site = try ScratchSite()
        try site.copyStandard(as: "standard")
        try site.copyStandard(as: "eigen")
        try FileManager.default.removeItem(atPath: site.root + "/themes/eigen/templates/year.mustache")
        let result = Theme.load(named: "eigen", siteDirectory: site.root)
        #expect(result.theme == nil)
        let diagnostic = try #require(result.diagnostics.first { $0.code == "theme-template-missing" })
        #expect(diagnostic.message.contains("„year.mustache“"))
        #expect(diagnostic.hint?.contains("„standard“") == true)
    }

    @Test func referenceToAMissingPartialIsAnError() throws {
        let site = try ScratchSite()
        try site.copyStandard(as: "standard")
        try site.write("{{<base}}{{$content}}\n<div>\n  {{> kard}}\n</div>{{/content}}{{/base}}\n",
                       to: "themes/standard/templates/home.mustache")
        let result = Theme.load(named: "standard", siteDirectory: site.root)
        let diagnostic = try #require(result.diagnostics.first { $0.code == "theme-partial-missing" })
        #expect(diagnostic.location == SourceLocation(file: "themes/standard/templates/home.mustache", line: 3, column: 3))
        #expect(diagnostic.hint == "Meinten Sie „card“?")
    }

    @Test func hiddenFilesAndLinksOutOfTheAssetsFolderAreNotPublished() throws {
        let site = try ScratchSite()
        try site.copyStandard(as: "standard")
        try site.write("geheim", to: "secret.txt")
        try site.write("x", to: "themes/standard/assets/.DS_Store")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/themes/standard/assets/leak.txt",
                                                   withDestinationPath: site.root + "/secret.txt")
        let theme = try #require(Theme.load(named: "standard", siteDirectory: site.root).theme)
        let paths = theme.assets.map(\.sitePath)
        #expect(!paths.contains("/assets/leak.txt"))
        #expect(!paths.contains("/assets/.DS_Store"))
        #expect(paths.contains("/assets/css/site.css"))
    }
}
