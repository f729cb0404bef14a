import Foundation
import Outputs

public struct BuildOptions: Sendable {
    /// Folder with `site-config.json`, `content/` and `themes/`.
    public var siteDirectory: String
    public var outputDirectory: String
    /// Drafts and future posts are built too (preview).
    public var includeDrafts: Bool
    /// Overrides `baseURL` of site-config.json.
    public var baseURL: String?
    /// The moment that decides which scheduled posts are due. Never written into output.
    public var now: Date
    /// false: every stage but the writing itself (`sozialsite check`); the report then carries
    /// what was loaded and rendered in `checkInput`.
    public var writeOutput: Bool
    /// How templates become pages (tests compare the fast renderer with swift-mustache).
    var templateRenderer: Theme.TemplateRenderer = .compiled

    public init(siteDirectory: String, outputDirectory: String, includeDrafts: Bool = false,
                baseURL: String? = nil, now: Date, writeOutput: Bool = true) {
        self.siteDirectory = siteDirectory
        self.outputDirectory = outputDirectory
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.now = now
        self.writeOutput = writeOutput
    }
}
