import Foundation
import Outputs
import Support

public struct SiteCheckOptions: Sendable {
    /// Folder with `site-config.json`, `content/` and `themes/`.
    public var siteDirectory: String
    /// The folder a build would write to: checked as the build checks it, never touched.
    public var outputDirectory: String
    /// Check drafts and scheduled posts as if they were published.
    public var includeDrafts: Bool
    /// Overrides `baseURL` of site-config.json.
    public var baseURL: String?
    /// Decides which posts are due (and, in the build, which entries are stale).
    public var now: Date

    public init(siteDirectory: String, outputDirectory: String = "public", includeDrafts: Bool = false,
                baseURL: String? = nil, now: Date) {
        self.siteDirectory = siteDirectory
        self.outputDirectory = outputDirectory
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.now = now
    }
}

public struct SiteCheckReport: Sendable {
    /// Everything the build reports plus the findings of the check's own rules, sorted.
    public var diagnostics: [Diagnostic]
    /// False when errors stopped the build before rendering: then links, images, feeds and
    /// foreign origins of the generated pages could not be checked.
    public var checkedGeneratedFiles: Bool
    public var contentFiles: Int
    public var pages: Int
    public var feeds: Int

    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// `sozialsite check`: the whole build without writing, then rules the build does not apply —
/// heading order, links/anchors/files/alt text in generated pages, foreign origins, feeds by the
/// feed rules. (Entries past their check date are reported by the build's loader of service
/// entries, so they are part of the first half.) A pure function of the site folder and `now`.
public enum SiteCheck {
    public static func run(_ options: SiteCheckOptions) -> SiteCheckReport {
        let build = SiteBuilder.build(BuildOptions(siteDirectory: options.siteDirectory,
                                                   outputDirectory: options.outputDirectory,
                                                   includeDrafts: options.includeDrafts, baseURL: options.baseURL,
                                                   now: options.now, writeOutput: false))
        guard let input = build.checkInput else {
            return SiteCheckReport(diagnostics: build.diagnostics.sortedForReport(), checkedGeneratedFiles: false,
                                   contentFiles: 0, pages: 0, feeds: 0)
        }
        let content = input.site.content
        return SiteCheckReport(
            diagnostics: (build.diagnostics + rules(input, options: options)).sortedForReport(),
            checkedGeneratedFiles: input.rendered,
            contentFiles: content.posts.count + content.pages.count + content.handlungsfelder.count,
            pages: input.files.count { $0.path.hasSuffix(".html") },
            feeds: input.files.count { isFeed($0.path) })
    }

    /// The check's own rules on what the build loaded and rendered.
    static func rules(_ input: SiteCheckInput, options: SiteCheckOptions) -> [Diagnostic] {
        let diagnostics = SiteCheckHeadings.check(input.site)
        guard input.rendered else { return diagnostics }
        let context = SiteCheckContext(input: input, options: options)
        let generated: [@Sendable (SiteCheckContext) -> [Diagnostic]] = [
            SiteCheckLinks.check, SiteCheckOrigins.check, SiteCheckFeeds.check,
        ]
        return diagnostics + generated.parallelMap { $0(context) }.flatMap { $0 }
    }

    static func isFeed(_ path: String) -> Bool {
        path.hasSuffix("feed.xml") || path.hasSuffix("atom.xml") || path.hasSuffix("feed.json") || path == "feed/index.xml"
    }

    /// Hint sentences joined; nil when there are none.
    static func hint(_ parts: String?...) -> String? {
        let present = parts.compactMap { $0 }.filter { !$0.isEmpty }
        return present.isEmpty ? nil : present.joined(separator: " ")
    }
}
