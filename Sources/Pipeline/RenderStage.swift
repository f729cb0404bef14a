import Foundation
import Content
import Markdown
import Outputs
import Support

/// What every part of the output gets: the rendered site and the loaded extras.
struct RenderContext: Sendable {
    var site: RenderedSite
    var theme: Theme
    var pageOptions: SitePages.Options
    var editorials: [NewsletterEditorial]
    /// Markdown hooks for bodies rendered again outside the pages (feeds, newsletter): charts as text and table.
    var feedHooks: MarkdownHooks = MarkdownHooks()
    /// Files to render; an incremental build narrows it (see `RenderScope`, `IncrementalBuild`).
    /// A part that does not look at it renders everything, which is slower but never wrong.
    var scope: RenderScope = .everything
    /// Search index lines of the last build (incremental builds).
    var searchLines: SearchLineCache? = nil
    /// `Feeds.validate` of this site when already known (incremental builds).
    var feedValidation: [Diagnostic]? = nil
    /// Parts whose inputs did not change since the last build, with the paths they wrote then: they
    /// return those paths as placeholders instead of rendering (incremental builds).
    var unchangedParts: [String: OutputPart.Record] = [:]

    /// Page options narrowed to `scope`, for parts that honour it.
    var scopedPageOptions: SitePages.Options {
        var options = pageOptions
        options.scope = scope
        return options
    }
}

/// One independent part of the site's output (pages, feeds, newsletter …). Each part renders on
/// all cores; a new kind of output is a new part, not a change to the others.
struct OutputPart: Sendable {
    typealias Rendered = (files: [OutputFile], diagnostics: [Diagnostic])
    var name: String
    var render: @Sendable (RenderContext) -> Rendered
    /// The same files, most of them handed to `emit` portion by portion as they are rendered (the
    /// rest returned), for a part too big to hold in memory at once; nil: `render` it is.
    var renderInPortions: (@Sendable (RenderContext, _ emit: ([OutputFile]) -> Void) -> Rendered)? = nil

    /// What a part wrote and reported in a build, for skipping it when its inputs stay the same.
    struct Record: Sendable {
        var paths: [String]
        var diagnostics: [Diagnostic]
    }
}

/// Stage 4: every output as bytes in memory, plus the files to copy.
enum RenderStage {
    struct Result {
        var files: [OutputFile]
        var copies: [OutputWriter.Copy]
        var diagnostics: [Diagnostic]
        /// What each part wrote and reported, by part name.
        var partRecords: [String: OutputPart.Record] = [:]
    }

    static let parts: [OutputPart] = [.pages, .feeds, .newsletter, .search, .angebote, .dashboard]

    static func run(_ context: RenderContext) -> Result {
        // One part after the other, each on all cores: parts run their pages, feeds and editions
        // through `parallelMap`, and a parallel map nested in another runs on one thread only
        // (libdispatch narrows nested `concurrentPerform`), which left the pages on one core.
        // An incremental render (a narrowed scope) has little left inside each part but its passes
        // over all posts, which do not spread over the cores: there the parts run side by side.
        let rendered = context.scope.isEverything ? parts.map { render($0, context) } : parts.parallelMap { render($0, context) }
        var records: [String: OutputPart.Record] = [:]
        for (part, output) in zip(parts, rendered) {
            records[part.name] = OutputPart.Record(paths: output.files.map(\.path), diagnostics: output.diagnostics)
        }
        return Result(files: rendered.flatMap(\.files).sorted { $0.path < $1.path }, copies: copies(context),
                      diagnostics: rendered.flatMap(\.diagnostics), partRecords: records)
    }

    /// One part's files as they are written. A clean build writes each part as soon as it is
    /// rendered (`SiteBuilder`), so that the bytes of all parts are never in memory at once.
    static func render(_ part: OutputPart, _ context: RenderContext) -> OutputPart.Rendered {
        // Unchanged inputs: the last paths as placeholders, unless one of them must be written again.
        if let last = context.unchangedParts[part.name], !last.paths.contains(where: { context.scope.includes($0) }) {
            return (last.paths.map(RenderScope.placeholder), last.diagnostics)
        }
        let rendered = part.render(context)
        return (rendered.files.map { finished($0, context) }, rendered.diagnostics)
    }

    /// `render`, with most files handed to `emit` as they are rendered when the part can do that.
    static func render(_ part: OutputPart, _ context: RenderContext, emit: ([OutputFile]) -> Void) -> OutputPart.Rendered {
        guard let renderInPortions = part.renderInPortions else { return render(part, context) }
        let rendered = renderInPortions(context) { files in emit(files.map { finished($0, context) }) }
        return (rendered.files.map { finished($0, context) }, rendered.diagnostics)
    }

    /// Feed addresses of the old WordPress site are server rules, next to the alias redirects.
    static func finished(_ file: OutputFile, _ context: RenderContext) -> OutputFile {
        // A placeholder of an incremental build stays empty.
        if file.contents.isEmpty && !context.scope.includes(file.path) { return file }
        switch file.path {
        case ".htaccess": return appending(FeedRedirects.apacheLines(), to: file)
        case "nginx-redirects.conf": return appending(FeedRedirects.nginxLines(), to: file)
        default: return file
        }
    }

    /// Static files and theme assets, copied as they are.
    static func copies(_ context: RenderContext) -> [OutputWriter.Copy] {
        (context.site.content.staticFiles + context.theme.assets).map { file in
            OutputWriter.Copy(sourcePath: file.sourcePath, path: String(file.sitePath.drop(while: { $0 == "/" })))
        }
    }

    static func appending(_ lines: [String], to file: OutputFile) -> OutputFile {
        var text = file.text
        if !text.hasSuffix("\n") { text += "\n" }
        text += "\n# Feeds der bisherigen WordPress-Adressen\n" + lines.joined(separator: "\n") + "\n"
        return OutputFile(path: file.path, text: text)
    }
}

extension OutputPart {
    static let pages = OutputPart(name: "Seiten", render: { context in
        SitePages.render(site: context.site, theme: context.theme, options: context.scopedPageOptions)
    }, renderInPortions: { context, emit in
        // An optional closure counts as escaping; `SitePages.render` calls it only while it runs.
        withoutActuallyEscaping(emit) { emit in
            SitePages.render(site: context.site, theme: context.theme, options: context.scopedPageOptions, emit: emit)
        }
    })

    static let feeds = OutputPart(name: "Feeds") { context in
        let site = context.site
        let page = SitePages.genericPage(site: site, theme: context.theme, url: FeedsPage.url, title: FeedsPage.title,
                                         description: FeedsPage.description, bodyHTML: FeedsPage.bodyHTML(site: site),
                                         options: context.scopedPageOptions)
        // The pages' image sizes: feed items show what the page shows (see `FeedBodies.render`).
        var hooks = context.feedHooks
        hooks.imageSize = context.pageOptions.imageSize
        return (Feeds.render(site: site, hooks: hooks, bodiesFromPages: true, scope: context.scope) + [page],
                context.feedValidation ?? Feeds.validate(site: site))
    }

    static let newsletter = OutputPart(name: "Newsletter") { context in
        let site = context.site
        let editions = Newsletter.editions(site: site, editorials: context.editorials)
        let archive = SitePages.genericPage(site: site, theme: context.theme, url: NewsletterArchive.url,
                                            title: NewsletterArchive.title, description: NewsletterArchive.description,
                                            bodyHTML: NewsletterArchive.bodyHTML(editions: editions, site: site),
                                            options: context.scopedPageOptions)
        let hooks = context.feedHooks
        let scope = context.scope
        let files = editions.parallelMap { edition in
            let paths = Newsletter.outputPaths(of: edition)
            return paths.contains(where: { scope.includes($0) }) ? Newsletter.render(edition: edition, site: site, hooks: hooks)
                                                                  : paths.map(RenderScope.placeholder)
        }.flatMap { $0 }
        return (files + [archive], Newsletter.validate(site: site, editorials: context.editorials, hooks: hooks))
    }
}
