import Outputs

/// What `sozialsite check` inspects: the site as the build loaded and rendered it, in memory.
/// Filled by `SiteBuilder.build` when `BuildOptions.writeOutput` is false.
public struct SiteCheckInput: Sendable {
    /// Content and rendered Markdown bodies (also when later stages stopped).
    public var site: RenderedSite
    /// Every generated file; empty when errors stopped the build before rendering.
    public var files: [OutputFile]
    /// Files copied as they are (static files, theme assets).
    public var copies: [OutputWriter.Copy]

    public init(site: RenderedSite, files: [OutputFile] = [], copies: [OutputWriter.Copy] = []) {
        self.site = site
        self.files = files
        self.copies = copies
    }

    /// Whether the render stage ran, so the rules on generated files can run.
    public var rendered: Bool { !files.isEmpty }
}
