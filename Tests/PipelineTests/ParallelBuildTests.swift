import Foundation
import Markdown
import Outputs
import Testing
@testable import Pipeline
import Support

/// The fast paths of a full build must not change a byte: parallel against sequential, a build
/// over the previous output against a fresh one, feed bodies derived from the pages against a
/// second Markdown render — on a generated blog of a few hundred posts.
@Suite(.serialized) struct ParallelBuildTests {
    let now = BerlinTime.parse("2026-01-01")!

    func build(_ site: String, into output: String) -> BuildReport {
        SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: output, now: now))
    }

    func expectSameTrees(_ a: [String: Data], _ b: [String: Data], _ what: String) {
        #expect(a.keys.sorted() == b.keys.sorted(), "\(what): andere Dateien")
        let differing = a.keys.sorted().filter { a[$0] != b[$0] }
        #expect(differing.isEmpty, "\(what): unterschiedlich: \(differing.prefix(5))")
    }

    @Test func generatedBlogIsByteIdenticalInParallelSequentiallyAndWhenRebuilt() throws {
        let site = try GeneratedBlog.make(posts: 300)
        let parallel = TestSite.temporaryDirectory("parallel"), sequential = TestSite.temporaryDirectory("sequentiell")
        let first = build(site, into: parallel)
        #expect(first.succeeded, "\(first.diagnostics.errors.prefix(5))")
        #expect(first.pages > 300)
        let single = CoreCount.$limit.withValue(1) { build(site, into: sequential) }
        #expect(single.succeeded)
        let reference = try TestSite.snapshot(sequential)
        #expect(reference.count == first.files + 1)  // + the output marker
        expectSameTrees(try TestSite.snapshot(parallel), reference, "parallel gegen sequentiell")

        // Over the previous output: every file unchanged (linked or kept, not written). The staging
        // folder then holds the previous site for the next build to update.
        let staging = (parallel as NSString).deletingLastPathComponent + "/." + (parallel as NSString).lastPathComponent + ".neu"
        for round in 1...2 {
            let again = build(site, into: parallel)
            #expect(again.written == 0, "Runde \(round)")
            #expect(again.unchanged == again.files)
            expectSameTrees(try TestSite.snapshot(parallel), reference, "Bau über die vorige Ausgabe, Runde \(round)")
            expectSameTrees(try TestSite.snapshot(staging), reference, "vorige Ausgabe im Zwischenordner, Runde \(round)")
        }

        // A changed post: its page and the lists around it are written again, the rest linked.
        let post = try #require(FileManager.default.enumerator(atPath: site + "/content/beitraege")?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.sorted().last)
        let path = site + "/content/beitraege/" + post
        try (String(contentsOfFile: path, encoding: .utf8) + "\nEin neuer Absatz.\n").write(toFile: path, atomically: false, encoding: .utf8)
        // … and the staging folder gets in the way: a stray file, a link leading out, a missing page.
        let outside = TestSite.temporaryDirectory("draussen")
        try TestSite.write(outside + "/index.html", "nicht anfassen")
        try TestSite.write(staging + "/streuner/datei.html", "weg damit")
        try FileManager.default.removeItem(atPath: staging + "/impressum")
        try FileManager.default.createSymbolicLink(atPath: staging + "/impressum", withDestinationPath: outside)
        try FileManager.default.removeItem(atPath: staging + "/404.html")
        let changed = build(site, into: parallel)
        #expect(changed.succeeded)
        #expect(changed.written > 0 && changed.written < changed.files / 2)
        let freshOutput = TestSite.temporaryDirectory("frisch")
        let fresh = CoreCount.$limit.withValue(1) { build(site, into: freshOutput) }
        #expect(fresh.succeeded)
        expectSameTrees(try TestSite.snapshot(parallel), try TestSite.snapshot(freshOutput), "geänderter Beitrag")
        #expect(try String(contentsOfFile: outside + "/index.html", encoding: .utf8) == "nicht anfassen")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside) == ["index.html"])
    }

    @Test func rawHTMLBlogIsByteIdenticalInParallelAndSequentially() throws {
        let site = try GeneratedBlog.make(posts: 120, seed: 7, rawHTML: true)
        let a = TestSite.temporaryDirectory("roh-a"), b = TestSite.temporaryDirectory("roh-b")
        let ra = build(site, into: a)
        #expect(ra.succeeded, "\(ra.diagnostics.errors.prefix(5))")
        let rb = CoreCount.$limit.withValue(1) { build(site, into: b) }
        #expect(rb.succeeded)
        expectSameTrees(try TestSite.snapshot(a), try TestSite.snapshot(b), "Roh-HTML")
    }

    /// Feeds take the page body and make its site paths absolute instead of rendering the Markdown
    /// again with `absoluteBase`; both must give the same bytes for every post.
    @Test func feedBodiesFromPagesEqualASecondRender() throws {
        let site = try GeneratedBlog.make(posts: 150, seed: 3)
        let loaded = LoadStage.run(BuildOptions(siteDirectory: site, outputDirectory: "/nicht-benutzt", now: now))
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics.errors.prefix(3))")
        let pageBodies = MarkdownStage.render(loaded.content, imageSizes: loaded.imageSizes)
        let sizes = loaded.imageSizes
        let hooks = MarkdownHooks(imageSize: { path in sizes[path].map { ($0.width, $0.height) } })
        let posts = loaded.content.posts
        let derived = FeedBodies.render(posts, config: loaded.content.config, hooks: hooks, pageBodies: pageBodies)
        let rendered = FeedBodies.render(posts, config: loaded.content.config, hooks: hooks)
        var withImage = 0, withLink = 0
        for post in posts {
            let html = derived.html(forSourcePath: post.source.path)
            #expect(html == rendered.html(forSourcePath: post.source.path), "\(post.source.path)")
            #expect(derived.cdata(forSourcePath: post.source.path) == XMLText.cdata(html))
            if html.contains("src=\"https://example.org/bilder/a.svg\" alt=\"Diagramm") && html.contains("width=\"640\"") { withImage += 1 }
            if html.contains("href=\"https://example.org/impressum/\"") { withLink += 1 }
        }
        // The comparison covered absolute images (with sizes) and links.
        #expect(withImage > 10)
        #expect(withLink == posts.filter { $0.source.path.contains("/beitrag-") }.count)
    }

    @Test func removeTreeDeletesEverythingBelowButNotWhatLinksPointTo() throws {
        let root = TestSite.temporaryDirectory("entfernen"), outside = TestSite.temporaryDirectory("draussen")
        try TestSite.write(outside + "/bleibt.txt", "bleibt")
        for i in 0..<30 { try TestSite.write(root + "/ordner\(i % 4)/unter\(i % 3)/datei\(i).html", "\(i)") }
        try TestSite.write(root + "/oben.txt", "oben")
        try FileManager.default.createSymbolicLink(atPath: root + "/ordner0/verweis", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: root + "/verweis-oben", withDestinationPath: outside)
        try OutputWriter.removeTree(root)
        #expect(!FileManager.default.fileExists(atPath: root))
        #expect(FileManager.default.fileExists(atPath: outside + "/bleibt.txt"))
        #expect(throws: WriteError.self) { try OutputWriter.removeTree(root) }
    }
}
