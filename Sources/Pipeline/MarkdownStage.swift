import Foundation
import Content
import Markdown
import Support

/// Stage 2: every Markdown body rendered once, on all cores.
enum MarkdownStage {
    static func settings(for config: SiteConfig) -> MarkdownSettings {
        MarkdownSettings(allowRawHTML: config.markdown.rawHTML, germanQuotes: config.markdown.germanQuotes,
                         siteHosts: [config.host])
    }

    /// Sizes of the site's raster and SVG images by site path, read once from their headers.
    static func imageSizes(_ files: [StaticFile]) -> [String: ImageSize] {
        let images = files.filter { file in
            let lower = file.sitePath.lowercased()
            return [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"].contains { lower.hasSuffix($0) }
        }
        let sizes: [(String, ImageSize?)] = images.parallelMap { file in
            guard let handle = FileHandle(forReadingAtPath: file.sourcePath) else { return (file.sitePath, nil) }
            defer { try? handle.close() }
            // 64 KiB reaches the frame header of JPEGs with large EXIF blocks.
            let head = (try? handle.read(upToCount: 65_536)) ?? Data()
            return (file.sitePath, ImageDimensions.of([UInt8](head)).map { ImageSize(width: $0.width, height: $0.height) })
        }
        var result: [String: ImageSize] = [:]
        for case let (path, size?) in sizes { result[path] = size }
        return result
    }

    /// `only`: render just these posts and pages (an incremental build); the rest of the sources always.
    static func render(_ content: SiteContent, only: Set<String>? = nil, imageSizes: [String: ImageSize],
                       fencedBlocks: [String: @Sendable (FencedBlock) -> FencedBlockOutput] = [:]) -> [String: RenderedMarkdown] {
        let settings = settings(for: content.config)
        let hooks = MarkdownHooks(imageSize: { path in imageSizes[path].map { ($0.width, $0.height) } },
                                  fencedBlocks: fencedBlocks)
        let posts = only.map { only in content.posts.filter { only.contains($0.source.path) } } ?? content.posts
        let pages = only.map { only in content.pages.filter { only.contains($0.source.path) } } ?? content.pages
        let sources = posts.map(\.source) + pages.map(\.source) + content.handlungsfelder.map(\.source)
            + content.serviceDirectory.entries.map(\.source) + (content.serviceDirectory.settings.source.map { [$0] } ?? [])
        var rendered = sources.parallelMap { source in
            (source.path, MarkdownRenderer.render(source.body, file: source.path, firstLine: source.bodyFirstLine,
                                                  settings: settings, hooks: hooks))
        }
        // Each body moves out of the array into the dictionary, not copied (and retained) field by
        // field. From the back, so that of two equal paths the first is stored last and stays.
        var result: [String: RenderedMarkdown] = [:]
        result.reserveCapacity(rendered.count)
        while let (path, body) = rendered.popLast() { result[path] = body }
        return result
    }
}
