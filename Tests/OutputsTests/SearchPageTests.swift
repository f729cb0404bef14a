import Content
import Foundation
import Testing
@testable import Outputs
import Support

/// `/suche/` without JavaScript: a complete list of links; with it: the form and the live region.
@Suite struct SearchPageTests {
    static func page() -> (html: String, index: SearchIndex, site: RenderedSite) {
        let site = SearchIndexTests.site()
        let index = SearchIndex(documents: SearchDocument.documents(site: site), handlungsfelder: site.content.handlungsfelder)
        return (SearchPage.bodyHTML(index: index), index, site)
    }

    @Test func listsEveryDocumentAsAPlainLink() {
        let (html, index, _) = Self.page()
        for document in index.documents {
            #expect(html.contains("<a href=\"\(document.url)\">"), "\(document.url)")
        }
        let listed = html.section(from: "<div id=\"suche-alles\">", to: "</div>")
        #expect(listed.components(separatedBy: "<li>").count - 1 == index.documents.count)
    }

    @Test func groupsByKindInOrderWithDatesAndHandlungsfelder() {
        let html = Self.page().html
        let posts = html.range(of: "<h2 id=\"beitraege\">Beiträge</h2>")
        let fields = html.range(of: "<h2 id=\"handlungsfelder\">Handlungsfelder</h2>")
        let pages = html.range(of: "<h2 id=\"seiten\">Seiten</h2>")
        #expect(posts != nil && fields != nil && pages != nil)
        if let posts, let fields, let pages {
            #expect(posts.lowerBound < fields.lowerBound && fields.lowerBound < pages.lowerBound)
        }
        #expect(html.contains("<a href=\"/2022/05/grundsicherung-im-alter/\">Grundsicherung im Alter</a> "
                              + "<span class=\"suche-alle__meta\">3. Mai 2022 · Armut und Notlagen, Senioren schätzen</span>"))
        #expect(html.contains("<a href=\"#beitraege\">Beiträge (7)</a>"))
        // No group for kinds the site does not have.
        #expect(!html.contains("id=\"angebote\""))
    }

    @Test func formIsRevealedByTheScriptAndAnnouncesResults() {
        let html = Self.page().html
        #expect(html.contains("<form class=\"suche\" role=\"search\" action=\"/suche/\" method=\"get\" data-index=\"/suche/index.json\" hidden>"))
        #expect(html.contains("<label for=\"suche-eingabe\">Suchbegriff</label>"))
        #expect(html.contains("<input id=\"suche-eingabe\" type=\"search\" name=\"q\""))
        #expect(html.contains("role=\"status\""))
        #expect(html.contains("<script src=\"/assets/js/suche.js\" defer></script>"))
        #expect(html.contains("<noscript>"))
    }

    @Test func escapesTitles() {
        let html = Self.page().html
        #expect(html.contains("Zitat &quot;x&quot; &lt;/script&gt; &amp; mehr"))
        #expect(!html.contains("</script> &"))
    }

    @Test func renderedInTheThemeItHasOneH1AndGroupHeadings() {
        let (html, _, site) = Self.page()
        let file = SitePages.genericPage(site: site, theme: SampleSite.theme(), url: SearchPage.url,
                                         title: SearchPage.title, description: SearchPage.description, bodyHTML: html)
        #expect(file.path == "suche/index.html")
        #expect(file.text.components(separatedBy: "<h1").count == 2)
        #expect(file.text.contains("<h1>Suche</h1>"))
    }

    @Test func theScriptIsSmallAndSelfContained() throws {
        let path = SampleSite.repositoryRoot + "/themes/standard/assets/js/suche.js"
        let script = try String(contentsOfFile: path, encoding: .utf8)
        #expect(script.utf8.count < 5_000)
        // No request anywhere but the index given by the page.
        for forbidden in ["http://", "https://", "import ", "localStorage", "document.cookie", "eval("] {
            #expect(!script.contains(forbidden), "\(forbidden)")
        }
    }
}
