import Foundation
import Markdown
import Support
import Testing
@testable import Content

// The link check runs per file on all cores and by bytes for ASCII addresses; both must give
// exactly what the one-core, character-based check gives.

@Suite("Cross references in parallel")
struct CrossReferenceParallelTests {
    func loadAndRender(_ name: String) -> (SiteContent, [String: RenderedMarkdown]) { Fixture.loadAndRender(name) }

    @Test func parallelCheckReportsTheSameDiagnosticsInTheSameOrderAsOneCore() {
        let (content, bodies) = loadAndRender("cross")
        func run() -> ([Diagnostic], [String: Set<String>]) {
            let anchors = CrossReferenceValidator.anchors(content: content, bodies: bodies)
            return (CrossReferenceValidator.validate(content: content, bodies: bodies, knownURLs: ["/daten/", "/feed.xml"],
                                                     anchors: anchors), anchors)
        }
        let (sequential, sequentialAnchors) = CoreCount.$limit.withValue(1) { run() }
        let (parallel, parallelAnchors) = CoreCount.$limit.withValue(4) { run() }
        #expect(sequential.contains { $0.code == "broken-link" })
        #expect(sequential.contains { $0.code == "broken-anchor" })
        #expect(parallel.map(\.description) == sequential.map(\.description))
        #expect(parallelAnchors == sequentialAnchors)
        // The links part alone, unsorted, keeps the file order too.
        let anchors = sequentialAnchors
        let one = CoreCount.$limit.withValue(1) {
            CrossReferenceValidator.validate(content: content, bodies: bodies, knownURLs: [], anchors: anchors, sources: nil).links
        }
        let many = CoreCount.$limit.withValue(4) {
            CrossReferenceValidator.validate(content: content, bodies: bodies, knownURLs: [], anchors: anchors, sources: nil).links
        }
        #expect(many.map(\.description) == one.map(\.description))
        #expect(!one.isEmpty)
    }

    @Test func anchorsLookedUpWhenAskedGiveWhatTheGivenAnchorsGive() {
        // Two posts share /2022/05/doppelt/ (one with the heading „Abschnitt eins“, one without),
        // and links.md points at anchors there and on its own page: with both bodies, with one of
        // them, and with none (the page is then not checked for anchors).
        let (content, allBodies) = loadAndRender("cross")
        let known: Set<String> = ["/daten/", "/feed.xml"]
        let variants: [Set<String>] = [[], ["content/beitraege/erster.md"], ["content/beitraege/zweiter.md"],
                                       ["content/beitraege/erster.md", "content/beitraege/zweiter.md"],
                                       ["content/beitraege/links.md"]]
        var anchorWarnings: [Int] = []
        for removed in variants {
            let bodies = allBodies.filter { !removed.contains($0.key) }
            for cores in [1, 4] {
                let given = CoreCount.$limit.withValue(cores) {
                    CrossReferenceValidator.validate(content: content, bodies: bodies, knownURLs: known,
                                                     anchors: CrossReferenceValidator.anchors(content: content, bodies: bodies))
                }
                let lazy = CoreCount.$limit.withValue(cores) {
                    CrossReferenceValidator.validate(content: content, bodies: bodies, knownURLs: { known })
                }
                #expect(lazy.map { "\($0) \($0.hint ?? "")" } == given.map { "\($0) \($0.hint ?? "")" }, "\(removed)")
                if cores == 1 { anchorWarnings.append(given.count { $0.code == "broken-anchor" }) }
            }
        }
        // The variants do test something: anchors are found broken, fewer without the heading's body.
        #expect(anchorWarnings[0] > 0)
        #expect(anchorWarnings[0] != anchorWarnings[3] || anchorWarnings[0] != anchorWarnings[1])
    }

    @Test func anchorsWithoutSortingEqualTheUnionPerURLOfEveryContentFile() {
        let (content, bodies) = loadAndRender("cross")
        // The plain definition: every content file's heading ids, joined per URL it is published at.
        var files = content.posts.map { ($0.source.path, $0.url) } + content.pages.map { ($0.source.path, $0.url) }
        files += content.handlungsfelder.map { ($0.source.path, $0.url) }
        files += content.serviceDirectory.entries.map { ($0.source.path, $0.url) }
        files += content.serviceDirectory.settings.source.map { [($0.path, "/angebote/")] } ?? []
        var expected: [String: Set<String>] = [:]
        for (path, url) in files {
            guard let body = bodies[path] else { continue }
            expected[url, default: []].formUnion(body.headings.map(\.id))
        }
        let someHeadings = expected.values.contains { !$0.isEmpty }
        #expect(someHeadings)
        let sequential = CoreCount.$limit.withValue(1) { CrossReferenceValidator.anchors(content: content, bodies: bodies) }
        let parallel = CoreCount.$limit.withValue(4) { CrossReferenceValidator.anchors(content: content, bodies: bodies) }
        #expect(sequential == expected)
        #expect(parallel == expected)
    }

    @Test func linkFindingsComeInPathOrderOfAllContentFiles() {
        // Posts are merged with pages, Handlungsfelder and service entries by path; the links part
        // is not sorted afterwards, so its files must already come in path order.
        var (content, bodies) = loadAndRender("cross")
        // Service entries (content/angebote/…) sort before the posts, pages and Handlungsfelder after.
        content.serviceDirectory = ServiceEntryLoader.load(
            siteDirectory: Fixture.site("angebote"), handlungsfelder: DefaultHandlungsfelder.slugs,
            areas: AngebotFixture.areas, now: BerlinTime.parse("2025-11-20")!).0
        #expect(!content.serviceDirectory.entries.isEmpty)
        // A broken link in every file, so findings come from every kind of content file.
        let sources = content.posts.map(\.source) + content.pages.map(\.source) + content.handlungsfelder.map(\.source)
            + content.serviceDirectory.entries.map(\.source)
        for source in sources {
            bodies[source.path] = MarkdownRenderer.render("[kaputt](/gibt-es-nicht/)\n", file: source.path, firstLine: 1,
                                                          settings: MarkdownSettings(siteHosts: [content.config.host]))
        }
        let anchors = CrossReferenceValidator.anchors(content: content, bodies: bodies)
        let links = CrossReferenceValidator.validate(content: content, bodies: bodies, knownURLs: [], anchors: anchors,
                                                     sources: nil).links
        // (Post images from the front matter are checked after all files, in their own loop.)
        let files = links.filter { $0.code == "broken-link" }.map(\.location.file)
        #expect(Set(files) == Set(sources.map(\.path)))
        #expect(files == files.sorted())
    }

    @Test func byteLevelSitePathAgreesWithTheGeneralOne() {
        let hosts = SiteURLs.hosts(of: "mittelsachsen-sozial.de")
        let urls = ["/", "/impressum/", "/2022/05/x/#teil", "/2022/05/x/?a=1#b", "/a%20b/", "/x/#%C3%BCber",
                    "//cdn.example.org/x", "mailto:a@b.de", "tel:123", "relativ/pfad", "#anker", "", "?q",
                    "/x?y#z?w", "/#", "/pfad#", "/a#b#c", "ftp://x/", "/ü/", "/x/#ü", "https://mittelsachsen-sozial.de/a/",
                    "hallo", "/a\r\n#b"]
        for url in urls {
            let general = SiteURLs.generalSitePath(url, hosts: hosts)
            let combined = SiteURLs.sitePath(url, hosts: hosts)
            #expect(general?.path == combined?.path && general?.fragment == combined?.fragment, "\(url)")
            if let fast = SiteURLs.asciiSitePath(url) {
                #expect(fast?.path == general?.path && fast?.fragment == general?.fragment, "\(url)")
            }
        }
        // The fast path answers the common addresses itself.
        #expect(SiteURLs.asciiSitePath("/2022/05/x/#teil")??.path == "/2022/05/x/")
        #expect(SiteURLs.asciiSitePath("/2022/05/x/#teil")??.fragment == "teil")
        #expect(SiteURLs.asciiSitePath("mailto:a@b.de") != nil)
        #expect(SiteURLs.asciiSitePath("https://x.de/") == nil)
        #expect(SiteURLs.asciiSitePath("/ü/") == nil)
    }
}
