import Content
import Foundation
import TestFolders
@testable import Outputs
import Support
import Testing

@Suite struct ThemeTests {
    /// A throwaway site folder with `themes/<name>/templates/*.mustache` copied from the standard
    /// theme, so each test can break exactly one thing.
    final class ScratchSite {
        let root: String
        init() throws {
            root = TemporaryFolder.path("theme-test")
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

    /// Templates escape on bytes through a CONTENT_TYPE pragma put in front of each one: the same
    /// entities as swift-mustache's own escaping, and the pragma line itself renders as nothing.
    @Test func templatesEscapeTheFiveCharactersAndThePragmaAddsNothing() throws {
        let site = try ScratchSite()
        try site.copyStandard(as: "probe")
        try site.write("{{#flag}}\nja: {{x}}|{{{x}}}\n{{/flag}}\n{{^flag}}nein{{/flag}}\n",
                       to: "themes/probe/templates/probe.mustache")
        let theme = try #require(Theme.load(named: "probe", siteDirectory: site.root).theme)
        let text = "<a href=\"x\">Tom & Jerry's</a> – Grüße"
        #expect(theme.render("probe", ["flag": true, "x": text])
                == "ja: &lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; – Grüße|\(text)\n\n")
        #expect(theme.render("probe", ["flag": false, "x": text]) == "nein\n")
    }

    /// A post is a card on many pages: `cardHTML` is `card.mustache` rendered once with the card's
    /// keys and `site`/`contact`/`flags`, and the lists insert exactly that.
    @Test func cardsAreRenderedOnceAndInsertedAsTheyAre() throws {
        let site = SampleSite.make(postCount: 12)
        let theme = SampleSite.theme()
        let index = SitePages.Index(site: site)
        let builder = SitePages.PageBuilder(site: site, theme: theme, options: SitePages.Options(), index: index)
        let (files, _, _) = SampleSite.render(site)
        let home = try #require(files["index.html"]).text
        for (i, card) in builder.cards.prefix(10).enumerated() {
            let html = try #require(card["cardHTML"] as? String)
            var context: [String: Any] = ["site": builder.siteContext, "contact": builder.contactContext,
                                          "flags": builder.flags]
            for (key, value) in card where key != "cardHTML" { context[key] = value }
            #expect(html + "\n" == theme.render("card", context))
            #expect(html.hasPrefix("<article class=\"card ") && html.hasSuffix("</article>"))
            #expect(html.contains(index.posts[i].url))
            #expect(home.contains("    " + html + "\n"), "Karte \(i) fehlt auf der Startseite")
        }
    }
}
