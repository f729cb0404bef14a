import Foundation
import Content
import Data
import Markdown
import Outputs
import Support

/// The build: Laden → Markdown → Prüfen → Rendern → Schreiben. Each stage is a function from
/// values to values; diagnostics are collected across stages and tagged with the stage's name.
/// Content errors stop the build before anything is written.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        var clean: IncrementalRun? = nil
        return build(options, incremental: &clean)
    }

    /// The stages; with `incremental` (see `IncrementalBuild`) each stage reuses what the last build did.
    static func build(_ options: BuildOptions, incremental: inout IncrementalRun?) -> BuildReport {
        var clock = StageClock()
        var diagnostics: [Diagnostic] = []
        func collect(_ found: [Diagnostic], _ stage: BuildStage) { diagnostics += tagged(found, stage) }
        var checkInput: SiteCheckInput? = nil
        func stop() -> BuildReport { BuildReport(diagnostics: diagnostics, timings: clock.timings, checkInput: checkInput) }
        // What the staging folder holds is read while the build loads (it only reads): otherwise
        // it waits between checking and rendering with one core idle (10,000 posts: 0.1 s).
        let stagingScan = incremental == nil && options.writeOutput
            ? Prefetch { OutputWriter(outputDirectory: options.outputDirectory).scanStaging() } : nil

        // 1. Laden
        let loaded = clock.run(.load) { incremental?.load() ?? LoadStage.run(options) }
        collect(loaded.diagnostics, .load)
        guard let theme = loaded.theme else { return stop() }
        let content = loaded.content

        // 2. Markdown (charts in posts need the loaded data)
        let chartBlocks = [ChartEmbed.fenceWord: ChartEmbed.handler(data: loaded.data, content: content, mode: .page)]
        let bodies = clock.run(.markdown) {
            incremental?.markdown(content, imageSizes: loaded.imageSizes, fencedBlocks: chartBlocks)
                ?? MarkdownStage.render(content, imageSizes: loaded.imageSizes, fencedBlocks: chartBlocks)
        }
        // Sorted by file for a stable report; only the few bodies with findings are sorted.
        collect(bodies.filter { !$0.value.diagnostics.isEmpty }.sorted { $0.key < $1.key }.flatMap(\.value.diagnostics),
                .markdown)
        if !options.writeOutput { checkInput = SiteCheckInput(site: RenderedSite(content: content, bodies: bodies, data: loaded.data)) }

        // 3. Prüfen
        clock.run(.validate) {
            // The posts' offers need no bodies: they are checked on a thread of their own beside the
            // rest (on one core after it, they left the other idle).
            let offers = Prefetch { ServiceEntryReferences.validate(content: content) }
            if let found = incremental?.validate(content: content, bodies: bodies, theme: theme, data: loaded.data) {
                collect(found, .validate)
            } else {
                // The generated URLs come from another thread while the check registers the
                // content's own URLs.
                let data = loaded.data
                let known = Prefetch { GeneratedURLs.predict(content: content, theme: theme, data: data) }
                collect(CrossReferenceValidator.validate(content: content, bodies: bodies, knownURLs: { known.value }),
                        .validate)
                // Freed by another thread, not between stages.
                BackgroundRelease.drop(consume known)
            }
            collect(offers.value, .validate)
        }
        if diagnostics.hasErrors { return stop() }

        // 4. Rendern
        let site = RenderedSite(content: content, bodies: bodies, data: loaded.data)
        let imageSizes = loaded.imageSizes
        var pageOptions = SitePages.Options(imageSize: { path in imageSizes[path].map { ($0.width, $0.height) } },
                                            previewNow: options.includeDrafts ? options.now : nil)
        pageOptions.hasServiceDirectory = !content.serviceDirectory.isEmpty
        pageOptions.extraSitemapEntries += AngebotePages.sitemapEntries(content: content)
        pageOptions.hasDashboard = Dashboard.isAvailable(loaded.data)
        pageOptions.extraSitemapEntries += loaded.data.map(Dashboard.sitemapEntries) ?? []
        let context = RenderContext(site: site, theme: theme, pageOptions: pageOptions, editorials: loaded.editorials,
                                    feedHooks: ChartEmbed.hooks(data: loaded.data, content: content, mode: .feed))
        if incremental == nil && options.writeOutput {
            let report = renderAndWrite(context, options: options, clock: clock, diagnostics: diagnostics,
                                        stagingScan: stagingScan)
            // Moved, not copied: were a copy left here, this thread would free the site on return.
            BackgroundRelease.drop((consume loaded, consume content, consume bodies, consume site, consume context,
                                    consume chartBlocks))
            return report
        }
        let rendered = clock.run(.render) { incremental?.render(context) ?? RenderStage.run(context) }
        collect(rendered.diagnostics, .render)
        checkInput?.files = rendered.files
        checkInput?.copies = rendered.copies
        if diagnostics.hasErrors { return stop() }

        // 5. Schreiben
        let writer = OutputWriter(outputDirectory: options.outputDirectory)
        let written = clock.run(.write) { () -> OutputWriter.Result? in
            var problems = writer.preflight(files: rendered.files, copies: rendered.copies,
                                            siteDirectory: options.siteDirectory)
            // Without writing, the state of the output folder does not matter; clashing paths do.
            if !options.writeOutput {
                problems.removeAll { $0.code == "foreign-output" || $0.code == "output-contains-site" }
            }
            collect(problems, .write)
            if problems.hasErrors || !options.writeOutput { return nil }
            do {
                return try incremental?.write(rendered, writer: writer)
                    ?? writer.publish(files: rendered.files, copies: rendered.copies)
            } catch {
                collect([writeFailed(error, options)], .write)
                return nil
            }
        }
        guard let written else { return stop() }
        return BuildReport(diagnostics: diagnostics, timings: clock.timings,
                           pages: rendered.files.count { $0.path.hasSuffix(".html") },
                           files: rendered.files.count + rendered.copies.count,
                           written: written.written, unchanged: written.unchanged, published: true)
    }
}

extension SiteBuilder {
    /// Diagnostics with the stage they came from (kept when they name one already).
    static func tagged(_ found: [Diagnostic], _ stage: BuildStage) -> [Diagnostic] {
        found.map { var d = $0; d.stage = d.stage ?? stage.rawValue; return d }
    }

    static func writeFailed(_ error: Error, _ options: BuildOptions) -> Diagnostic {
        let message = error is WriteError ? "\(error)"
            : "Die Ausgabe konnte nicht geschrieben werden: \(SystemErrorText.describe(error))."
        return .error("write-failed", at: SourceLocation(file: options.outputDirectory), message,
                      hint: "Prüfen Sie, ob der Ordner beschreibbar ist und genug Speicherplatz frei ist.")
    }
}

/// Stage 1: configuration, content, theme and image sizes.
enum LoadStage {
    struct Result {
        var content: SiteContent
        var theme: Theme?
        var imageSizes: [String: ImageSize]
        var editorials: [NewsletterEditorial]
        /// Areas and indicators; nil when the site has no `content/daten/`.
        var data: SiteData?
        var diagnostics: [Diagnostic]
    }

    static func run(_ options: BuildOptions) -> Result {
        // The theme, the newsletter editorials, the data and the service entries need only the
        // configuration and the Handlungsfelder: they load on threads of their own while the
        // posts load here. Started after the posts, they left one of the two cores idle at the
        // end of the stage (the template compiler and the data run on one core each).
        let basics = ContentLoader.loadBasics(siteDirectory: options.siteDirectory)
        let site = options.siteDirectory, themeName = basics.config.theme, now = options.now
        let themeLoad = Prefetch { Theme.load(named: themeName, siteDirectory: site) }
        let fields = Set(basics.handlungsfelder.map(\.slug))
        let others = Prefetch {
            (NewsletterEditorialLoader.load(siteDirectory: URL(fileURLWithPath: site)),
             SiteData.load(siteRoot: site, handlungsfelder: fields))
        }
        // `AngeboteStage.load` fills the service directory of a site: here of one that holds only
        // the Handlungsfelder, which is all it reads.
        let fieldsOnly = SiteContent(config: basics.config, handlungsfelder: basics.handlungsfelder)
        let angebote = Prefetch { () -> (ServiceDirectory, [Diagnostic]) in
            var scratch = fieldsOnly
            let diagnostics = AngeboteStage.load(siteDirectory: site, into: &scratch, now: now)
            return (scratch.serviceDirectory, diagnostics)
        }
        var (content, diagnostics) = ContentLoader.load(includeDrafts: options.includeDrafts, now: options.now,
                                                        basics: basics)
        if let baseURL = options.baseURL {
            var url = baseURL
            while url.hasSuffix("/") { url.removeLast() }
            content.config.baseURL = url
        }
        let (serviceDirectory, angeboteDiagnostics) = angebote.value
        content.serviceDirectory = serviceDirectory
        diagnostics += angeboteDiagnostics
        let (loadedTheme, themeDiagnostics) = themeLoad.value
        let ((editorials, editorialDiagnostics), (data, dataDiagnostics)) = others.value
        var theme = loadedTheme
        theme?.renderer = options.templateRenderer
        diagnostics += themeDiagnostics
        diagnostics += editorialDiagnostics
        diagnostics += dataDiagnostics
        return Result(content: content, theme: theme, imageSizes: MarkdownStage.imageSizes(content.staticFiles),
                      editorials: editorials, data: Dashboard.isAvailable(data) ? data : nil, diagnostics: diagnostics)
    }
}

/// URLs the outputs create besides posts, pages, Handlungsfelder, tags and static files, so the
/// link check knows them before rendering.
enum GeneratedURLs {
    static func predict(content: SiteContent, theme: Theme, data: SiteData? = nil) -> Set<String> {
        // The service directory's and the dashboard's URLs come from a thread of their own: the
        // link check waits for all of them, and the posts' part alone takes as long.
        let others = Prefetch { () -> Set<String> in
            var urls = AngebotePages.generatedURLs(content: content)
            if let data { urls.formUnion(Dashboard.urls(data: data)) }
            return urls
        }
        var urls: Set<String> = ["/", "/archiv/", "/handlungsfelder/", "/tag/", "/feeds/", "/feed/", "/feed.xml",
                                 "/atom.xml", "/feed.json", "/sitemap.xml", "/robots.txt", "/404.html",
                                 "/newsletter/", "/suche/"]
        // The posts are read from the last one back: the link check goes through them from the
        // first one at the same time (registering their URLs, see `CrossReferenceValidator`), and
        // two cores reading the same posts at once fought over their reference counts.
        let posts = content.posts
        // A handful of years for thousands of posts: the URL string is built once per year.
        var years = Set<Int>()
        for index in posts.indices.reversed() { years.insert(BerlinTime.year(of: posts[index].date)) }
        for year in years { urls.insert("/\(year)/") }
        let perPage = max(1, content.config.itemsPerPage)
        let pageCount = (content.posts.count + perPage - 1) / perPage
        if pageCount > 1 { for page in 2...pageCount { urls.insert("/page/\(page)/") } }
        func paginated(_ base: String, count: Int) {
            let pages = (count + perPage - 1) / perPage
            if pages > 1 { for page in 2...pages { urls.insert("\(base)page/\(page)/") } }
        }
        var perField: [String: Int] = [:], perTag: [String: Int] = [:]
        // The posts keep their tags' slugs; a post counts once per tag, even if two of its tags
        // had the same slug (the decoder drops such doubles, the posts of tests may not). A
        // handful of tags: searching the ones before costs less than a set per post.
        for index in posts.indices.reversed() {
            for field in posts[index].handlungsfelder { perField[field, default: 0] += 1 }
            let tags = posts[index].tagSlugs
            for i in tags.indices where !tags[..<i].contains(tags[i]) { perTag[tags[i], default: 0] += 1 }
        }
        for field in content.handlungsfelder {
            for file in ["feed.xml", "atom.xml", "feed.json"] { urls.insert("/handlungsfelder/\(field.slug)/\(file)") }
            paginated("/handlungsfelder/\(field.slug)/", count: perField[field.slug] ?? 0)
        }
        for (tag, count) in perTag {
            urls.insert("/tag/\(tag)/feed.xml")
            paginated("/tag/\(tag)/", count: count)
        }
        for asset in theme.assets { urls.insert(asset.sitePath) }
        urls.formUnion(others.value)
        return urls
    }
}
