import Foundation
import Outputs
import Testing
@testable import Pipeline
import Support

/// The fast template renderer (`CompiledTemplates`) against swift-mustache on whole sites: the
/// example site (posts, pages, dashboard, service directory, search, feeds, newsletter) and a
/// generated blog. The fast side runs without its fallback, so every page must be its own work.
@Suite(.serialized) struct CompiledTemplateSiteTests {
    let now = BerlinTime.parse("2026-01-01")!

    func build(_ site: String, _ renderer: Theme.TemplateRenderer) throws -> [String: Data] {
        let out = TestSite.temporaryDirectory("vorlagen")
        var options = BuildOptions(siteDirectory: site, outputDirectory: out, now: now)
        options.templateRenderer = renderer
        let report = SiteBuilder.build(options)
        #expect(report.succeeded, "\(report.diagnostics.errors.prefix(3))")
        #expect(report.pages > 20)
        return try TestSite.snapshot(out)
    }

    func expectSameSite(_ site: String) throws {
        let fast = try build(site, .compiledWithoutFallback)
        let reference = try build(site, .swiftMustache)
        #expect(fast.keys.sorted() == reference.keys.sorted())
        let differing = reference.keys.sorted().filter { fast[$0] != reference[$0] }
        #expect(differing.isEmpty, "unterschiedlich: \(differing.prefix(5))")
        let fallbacks = fast.filter { String(decoding: $0.value, as: UTF8.self).contains("nicht ohne swift-mustache darstellbar") }
        #expect(fallbacks.isEmpty, "\(fallbacks.keys.sorted().prefix(5))")
    }

    @Test func exampleSiteIsIdentical() throws {
        try expectSameSite(EndToEndTests.repoRoot)
    }

    @Test func generatedBlogIsIdentical() throws {
        try expectSameSite(try GeneratedBlog.make(posts: 60, seed: 11))
    }
}
