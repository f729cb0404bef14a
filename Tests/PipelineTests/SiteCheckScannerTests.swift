import Testing
@testable import Pipeline

/// The tokenizer and URL resolution the rules on generated files stand on.
@Suite struct SiteCheckScannerTests {
    @Test func findsStartTagsWithPositionsAndDecodedAttributes() {
        let html = """
            <!doctype html>
            <!-- <img src="im-kommentar.png"> -->
            <p class=x>Text <a href="/a/?x=1&amp;y=2" title='Zitat "ja"'>Link</a>
            <img
              src="/b.png" alt="" data-x=1>
            <script>if (a < b) { document.write("<img src='s.png'>") }</script>
            <style>body { background: url(/hg.png) }</style>
            <svg><use xlink:href="#icon"/></svg>
            """
        let (tags, styles) = HTMLScanner.scan(html)
        #expect(tags.map(\.name) == ["p", "a", "img", "script", "style", "svg", "use"])
        let link = tags[1]
        #expect(link.attribute("href") == "/a/?x=1&y=2")
        #expect(link.attribute("title") == "Zitat \"ja\"")
        #expect(link.line == 3 && link.column == 17)
        let image = tags[2]
        #expect(image.line == 4)
        #expect(image.attribute("src") == "/b.png")
        #expect(image.has("alt") && image.attribute("alt") == "")
        #expect(image.attribute("data-x") == "1")
        #expect(tags[6].attribute("xlink:href") == "#icon")
        #expect(styles == [StyleBlock(css: "body { background: url(/hg.png) }", line: 7)])
    }

    @Test func decodesCharacterReferences() {
        #expect(HTMLScanner.decodeReferences("a&amp;b&#39;c&#x2F;&lt;&unbekannt;&") == "a&b'c/<&unbekannt;&")
    }

    @Test func resolvesReferencesLikeABrowser() {
        let hosts: Set<String> = ["example.org", "www.example.org"]
        func resolve(_ url: String, _ base: String = "/2022/05/x/") -> SiteCheckURL {
            SiteCheckURL.resolve(url, base: base, hosts: hosts)
        }
        #expect(resolve("/impressum/#kontakt") == .site(path: "/impressum/", fragment: "kontakt"))
        #expect(resolve("#oben") == .site(path: "/2022/05/x/", fragment: "oben"))
        #expect(resolve("bild.png") == .site(path: "/2022/05/x/bild.png", fragment: nil))
        #expect(resolve("../y/") == .site(path: "/2022/05/y/", fragment: nil))
        #expect(resolve("https://www.example.org/%C3%BCber/?q=1") == .site(path: "/über/", fragment: nil))
        #expect(resolve("https://fonts.googleapis.com/css") == .foreign(origin: "https://fonts.googleapis.com"))
        #expect(resolve("//cdn.example.com/x.js") == .foreign(origin: "https://cdn.example.com"))
        #expect(resolve("HTTP://Example.ORG:8080/x") == .site(path: "/x", fragment: nil))
        #expect(resolve("mailto:info@example.org") == .other)
        #expect(resolve("data:image/png;base64,AAA") == .other)
        #expect(resolve("/../../etc/passwd") == .site(path: "/etc/passwd", fragment: nil))
    }

    @Test func findsWhatCSSLoads() {
        let css = """
            /* url(https://kommentar.example/x.png) */
            @import "https://fonts.example/a.css";
            .a { background: url( 'https://cdn.example/b.png' ) }
            .b { background-image: image-set("https://cdn.example/c.png" 1x, "https://cdn.example/d.png" 2x) }
            """
        let found = SiteCheckOrigins.cssReferences(css)
        #expect(found.map(\.url).sorted() == ["https://cdn.example/b.png", "https://cdn.example/c.png",
                                              "https://cdn.example/d.png", "https://fonts.example/a.css"])
        #expect(found.first { $0.url.hasSuffix("a.css") }?.lineOffset == 1)
    }

    @Test func linksDoNotLoadResourcesDo() {
        let (tags, _) = HTMLScanner.scan("""
            <a href="https://anderswo.example/">Link</a>
            <link rel="stylesheet" href="https://cdn.example/s.css">
            <img src="/x.png" srcset="https://cdn.example/a.png 1x, /b.png 2x" style="background:url(https://cdn.example/c.png)">
            """)
        #expect(SiteCheckOrigins.loads(tags[0]).isEmpty)
        #expect(SiteCheckOrigins.loads(tags[1]) == ["https://cdn.example/s.css"])
        #expect(SiteCheckOrigins.loads(tags[2]) == ["/x.png", "https://cdn.example/a.png", "/b.png", "https://cdn.example/c.png"])
    }

    @Test func sitePathsOfOutputFiles() {
        let addresses = SiteCheckAddresses(files: ["index.html", "a/index.html", "feed.xml", "404.html"])
        #expect(addresses.file(for: "/") == "index.html")
        #expect(addresses.file(for: "/a/") == "a/index.html")
        #expect(addresses.file(for: "/a") == "a/index.html")
        #expect(addresses.file(for: "/feed.xml") == "feed.xml")
        #expect(addresses.file(for: "/b/") == nil)
        #expect(SiteCheckAddresses.sitePath(ofFile: "a/index.html") == "/a/")
        #expect(SiteCheckAddresses.sitePath(ofFile: "404.html") == "/404.html")
    }
}
