import Foundation
import Content
import Data
import Markdown
import Outputs
import Support

/// What a build leaves for the next one, so that a rebuild after one changed post renders only
/// what depends on it. `serve` keeps it in memory; `build` stores it in `.sozialsite-cache/`
/// (`BuildCache`). Deleting it only costs time: the next build starts from scratch.
public struct BuildState: Sendable {
    /// Options the state belongs to (site, output folder, drafts, base URL).
    var key: UInt64
    var inputs: BuildInputs
    /// The loaded content with its per-file tables; only in memory.
    var loaded: LoadedSite?
    /// Settings and image sizes the bodies were rendered with.
    var markdownKey: UInt64
    var bodies: [String: CachedBody]
    var digests: [String: CachedDigests]
    /// The link check of the last build, to check only changed files again.
    var validation: Validation?
    /// What the output folder holds: the summary of the site it was built from, and its files.
    var published: Published?
    /// Read from `.sozialsite-cache/`: the output folder is checked file by file before it is trusted.
    var fromDisk: Bool
    /// Bodies rendered by the last build (the cache rewrites only the files that hold them).
    var freshBodies: Set<String> = []
    /// Every body the last build used, by source path (in memory only).
    var bodyMap: [String: RenderedMarkdown] = [:]
    /// `Feeds.validate` of the last build (in memory only).
    var feedValidation: [Diagnostic]? = nil
    /// Lines of the search index by post URL (see `SearchLineCache`).
    var searchLines: [String: SearchLineCache.Entry] = [:]
    /// The last build's summary, post order and preview time, published or not (in memory only).
    var lastSummary: (summary: SiteSummary, order: PostOrder, previewNow: Date?)? = nil
    /// Output files the last build rendered; nil when it rendered everything.
    var renderedPaths: Set<String>? = nil
    /// What each output part wrote last time (kept in memory only), for parts that can be skipped.
    var partRecords: [String: OutputPart.Record] = [:]

    /// Also counts the bodies `older` rendered as fresh, when `older` is not written to the cache.
    public mutating func mergeFreshBodies(of older: BuildState) {
        freshBodies.formUnion(older.freshBodies)
    }

    /// How many output files the last build rendered (nil: all of them), for the preview's log.
    public var renderedFiles: Int? { renderedPaths?.count }

    struct CachedBody: Sendable {
        var fingerprint: FileFingerprint
        var body: RenderedMarkdown
    }

    struct CachedDigests: Sendable {
        var fingerprint: FileFingerprint
        var digests: PostDigests
    }

    struct Validation: Sendable {
        /// Everything the link check of one file depends on besides the file (`IncrementalRun.validationBasis`).
        var basis: UInt64
        var anchors: [String: Set<String>]
        /// Problems in links and images, each in the file it is about.
        var links: [Diagnostic]
        /// Everything the check reported (in memory only).
        var all: [Diagnostic]? = nil
    }

    struct Published: Sendable {
        var summary: SiteSummary
        var order: PostOrder
        var manifest: OutputManifest
    }

    /// Output files the last build wrote, in place or by swapping the folder.
    public var publishedFiles: Int { published?.manifest.files.count ?? 0 }
}

/// A build that reuses the previous one (see `BuildState`). The output is byte-identical to a
/// clean build of the same files: tests compare the two after every kind of edit.
public enum IncrementalBuild {
    /// Builds like `SiteBuilder.build` and returns the state for the next build.
    /// `changed`: paths (relative to the site folder) a file watcher saw change since the build
    /// that made `previous`; then only those posts and pages are looked at on disk. Nil: all.
    public static func build(_ options: BuildOptions, previous: BuildState?,
                             changed: [String]? = nil) -> (report: BuildReport, state: BuildState) {
        var run: IncrementalRun? = IncrementalRun(options: options, previous: previous, hint: changed)
        let report = SiteBuilder.build(options, incremental: &run)
        return (report, run!.state)
    }

    /// Identity of the options a state belongs to; `now` is not part of it (it is re-applied on every build).
    static func key(of options: BuildOptions) -> UInt64 {
        var hash = StableHash()
        hash.add("sozialsite-inkrementell-1")
        hash.add(absolute(options.siteDirectory))
        hash.add(absolute(options.outputDirectory))
        hash.add(options.includeDrafts)
        hash.add(options.baseURL)
        return hash.value
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

/// One incremental build in progress: `SiteBuilder` calls it at each stage.
struct IncrementalRun {
    let options: BuildOptions
    let previous: BuildState?
    var state: BuildState
    /// Files to render; everything unless the previous output can be updated in place.
    private(set) var scope: RenderScope = .everything
    private var inPlace = false
    private var nextPublished: (summary: SiteSummary, order: PostOrder)?
    /// Output files that differ from what the previous build left (someone changed them).
    private var unverified: Set<String> = []
    private var strays: [String] = []
    /// Post and page files that changed since the previous build (all when there is none).
    private var changedFiles: Set<String>? = nil

    /// Paths the file watcher reported (see `IncrementalBuild.build`).
    private let hint: [String]?

    init(options: BuildOptions, previous: BuildState?, hint: [String]? = nil) {
        self.options = options
        self.hint = hint
        let key = IncrementalBuild.key(of: options)
        self.previous = previous?.key == key ? previous : nil
        state = BuildState(key: key, inputs: BuildInputs(global: 0, posts: [:], pages: [:]), loaded: nil,
                           markdownKey: 0, bodies: [:], digests: [:], validation: nil,
                           published: self.previous?.published, fromDisk: false)
    }

    // MARK: 1. Laden

    mutating func load() -> LoadStage.Result {
        let site = IncrementalBuild.absolute(options.siteDirectory)
        let inputs: BuildInputs
        if let hint, let previous, !previous.fromDisk, !hint.contains("") {
            inputs = BuildInputs.scan(siteDirectory: site, key: state.key, previous: previous.inputs, hint: hint)
        } else {
            inputs = BuildInputs.scan(siteDirectory: site, key: state.key)
        }
        state.inputs = inputs
        let changed = previous.map { IncrementalLoad.changedPaths(old: $0.inputs, new: inputs, siteDirectory: site) }
        changedFiles = changed
        if let previous, let changed, let loaded = previous.loaded,
           let patched = IncrementalLoad.patch(loaded, oldInputs: previous.inputs, newInputs: inputs, changedPaths: changed,
                                               options: options) {
            state.loaded = patched
            return patched.result
        }
        let result = LoadStage.run(options)
        state.loaded = LoadedSite(result: result, options: options)
        return result
    }

    // MARK: 2. Markdown

    /// `fencedBlocks`: the chart handler; a body with a chart depends on the site's data as well.
    mutating func markdown(_ content: SiteContent, imageSizes: [String: ImageSize],
                           fencedBlocks: [String: @Sendable (FencedBlock) -> FencedBlockOutput]) -> [String: RenderedMarkdown] {
        let settings = MarkdownStage.settings(for: content.config)
        var hash = StableHash()
        hash.add(settings.allowRawHTML)
        hash.add(settings.germanQuotes)
        hash.add(settings.siteHosts)
        hash.add(settings.absoluteBase)
        for path in imageSizes.keys.sorted() {
            hash.add(path)
            hash.add(imageSizes[path]!.width)
            hash.add(imageSizes[path]!.height)
        }
        state.markdownKey = hash.value
        // The last build's tables, updated in place (copying 10,000 entries into new ones costs more).
        let sameKey = previous?.markdownKey == state.markdownKey
        var cached = sameKey ? previous?.bodies ?? [:] : [:]
        var bodies = sameKey ? previous?.bodyMap ?? [:] : [:]
        if bodies.isEmpty && !cached.isEmpty { bodies = cached.mapValues(\.body) }
        let changed = changedFiles
        // When the data changed, a body with a chart block is rendered again (the check for the
        // fence word is only made then: it reads every body).
        let dataChanged = previous?.inputs.dataKey != state.inputs.dataKey
        func reusable(_ path: String, _ fingerprint: FileFingerprint?, _ body: String) -> Bool {
            guard let fingerprint, let entry = cached[path], entry.fingerprint == fingerprint,
                  changed?.contains(path) == false, bodies[path] != nil else { return false }
            return !dataChanged || !body.containsBytes(ChartEmbed.fenceWord)
        }
        let posts = content.posts.filter {
            !reusable($0.source.path, state.inputs.posts[$0.source.path], $0.source.body)
        }
        let pages = content.pages.filter {
            !reusable($0.source.path, state.inputs.pages[$0.source.path], $0.source.body)
        }
        // The chart handler needs the whole content (it maps each file to its page).
        let fresh = MarkdownStage.render(content, only: Set(posts.map(\.source.path) + pages.map(\.source.path)),
                                         imageSizes: imageSizes, fencedBlocks: fencedBlocks)
        state.freshBodies = Set(fresh.keys)
        for path in changed ?? [] where state.inputs.fingerprint(path) == nil {
            bodies[path] = nil
            cached[path] = nil
        }
        for (path, body) in fresh {
            bodies[path] = body
            if let fingerprint = state.inputs.fingerprint(path) {
                cached[path] = BuildState.CachedBody(fingerprint: fingerprint, body: body)
            }
        }
        state.bodies = cached
        state.bodyMap = bodies
        return bodies
    }

    // MARK: 3. Prüfen

    /// The link check, again only for files that changed when nothing they link to did, and not
    /// at all when the changed files link, point and are named exactly as before.
    mutating func validate(content: SiteContent, bodies: [String: RenderedMarkdown], theme: Theme,
                           data: SiteData?) -> [Diagnostic] {
        if let last = previous?.validation, let reused = unchangedForLinkCheck(bodies: bodies, last: last) {
            state.validation = last
            return reused
        }
        let knownURLs = GeneratedURLs.predict(content: content, theme: theme, data: data)
        let anchors = CrossReferenceValidator.anchors(content: content, bodies: bodies)
        let basis = Self.validationBasis(content: content, knownURLs: knownURLs)
        var recheck: Set<String>? = nil
        let last = previous?.validation
        // Handlungsfelder and everything else global are not tracked per file: check them all.
        if let last, last.basis == basis, let changedFiles, previous?.inputs.global == state.inputs.global,
           previous?.markdownKey == state.markdownKey {
            var paths = changedFiles
            let sources = content.posts.map { ($0.source.path, $0.url) } + content.pages.map { ($0.source.path, $0.url) }
            let headingsMoved = sources.contains { path, url in changedFiles.contains(path) && last.anchors[url] != anchors[url] }
            if headingsMoved {
                // Links to a section of another page: check every file that has one.
                for (path, body) in bodies where body.links.contains(where: { $0.url.utf8.contains(UInt8(ascii: "#")) }) {
                    paths.insert(path)
                }
            }
            recheck = paths
        }
        let found = CrossReferenceValidator.validate(content: content, bodies: bodies, knownURLs: knownURLs,
                                                     anchors: anchors, sources: recheck)
        var links = found.links
        if let recheck, let last { links += last.links.filter { !recheck.contains($0.location.file) } }
        let all = (found.addresses + links).sortedForReport()
        state.validation = BuildState.Validation(basis: basis, anchors: anchors, links: links, all: all)
        return all
    }

    /// Whether every changed file is a post or page before and after with the same front matter
    /// (values and positions); only its text changed. Needs the loaded tables of both builds.
    func changedPostsKeepFrontMatter() -> Bool {
        guard let previous, let changedFiles, let before = previous.loaded, let after = state.loaded else { return false }
        for path in changedFiles {
            if let a = before.posts[path], let b = after.posts[path] {
                var a = a
                a.source.body = b.source.body
                guard a == b else { return false }
            } else if let a = before.pages[path], let b = after.pages[path] {
                var a = a
                a.source.body = b.source.body
                guard a == b else { return false }
            } else {
                return false
            }
        }
        return true
    }

    /// The last link check's result when nothing it reads changed: every changed file is a post
    /// or page before and after, with the same front matter (values and positions), the same
    /// heading ids, link targets and images, and no problem of its own last time (whose line
    /// might have moved). Text alone does not matter to the link check.
    func unchangedForLinkCheck(bodies: [String: RenderedMarkdown], last: BuildState.Validation) -> [Diagnostic]? {
        guard let previous, let changedFiles, let all = last.all, previous.inputs.global == state.inputs.global,
              previous.markdownKey == state.markdownKey, changedPostsKeepFrontMatter() else { return nil }
        for path in changedFiles {
            guard let old = previous.bodies[path]?.body, let new = bodies[path] else { return nil }
            guard old.headings.map(\.id) == new.headings.map(\.id), old.links.map(\.url) == new.links.map(\.url),
                  old.images.map(\.source) == new.images.map(\.source),
                  !last.links.contains(where: { $0.location.file == path }) else { return nil }
        }
        return all
    }

    /// A digest of the addresses the link check knows: the site's URLs, tag pages, aliases and
    /// their targets, static files, generated URLs and the site's host. Order-independent sums,
    /// so it costs one pass.
    static func validationBasis(content: SiteContent, knownURLs: Set<String>) -> UInt64 {
        func item(_ parts: String...) -> UInt64 {
            var hash = StableHash()
            for part in parts { hash.add(part) }
            return hash.value
        }
        var sum: UInt64 = item("host", content.config.host)
        for url in knownURLs { sum &+= item("known", url) }
        for field in content.handlungsfelder { sum &+= item("field", field.url, field.source.path) }
        for page in content.pages { sum &+= item("page", page.url, page.slug, page.source.path) }
        for post in content.posts {
            sum &+= item("post", post.url, post.source.path)
            for tag in post.tags { sum &+= item("tag", tag) }
            for alias in post.aliases { sum &+= item("alias", alias, post.url, post.source.path) }
            if let image = post.image { sum &+= item("image", image) }
        }
        for file in content.staticFiles { sum &+= item("static", file.sitePath) }
        return sum
    }

    // MARK: 4. Rendern

    mutating func render(_ context: RenderContext) -> RenderStage.Result {
        let site = context.site
        let sameBasis = previous?.inputs.global == state.inputs.global && previous?.markdownKey == state.markdownKey
        var global = StableHash()
        global.add(state.inputs.global)
        global.add(state.markdownKey)
        let previewNow = context.pageOptions.previewNow
        let summary: SiteSummary, order: PostOrder
        if sameBasis, let reused = reuseOrder(site: site, global: global.value, previewNow: previewNow) {
            (summary, order) = reused
        } else {
            let reusable = sameBasis ? previous?.digests ?? [:] : [:]
            let inputs = state.inputs
            let changedFiles = self.changedFiles
            let made = SiteSummary.make(site: site, global: global.value, previewNow: previewNow) { path in
                guard let entry = reusable[path], entry.fingerprint == inputs.posts[path],
                      changedFiles?.contains(path) == false else { return nil }
                return entry.digests
            }
            summary = made.0
            state.digests = made.1.reduce(into: [:]) { result, item in
                if let fingerprint = inputs.posts[item.key] {
                    result[item.key] = BuildState.CachedDigests(fingerprint: fingerprint, digests: item.value)
                }
            }
            order = PostOrder(posts: summary.posts)
        }
        state.lastSummary = (summary, order, previewNow)
        nextPublished = (summary, order)
        var keys: [String: UInt64] = [:]
        keys.reserveCapacity(summary.posts.count)
        for post in summary.posts { keys[post.url] = post.full }
        let searchLines = SearchLineCache(keys: keys, previous: sameBasis ? previous?.searchLines ?? [:] : [:])
        defer { state.searchLines = searchLines.entries }
        var context = context
        context.searchLines = searchLines
        // Feed ids come from front matter and file names: unchanged when only texts changed.
        if sameBasis, let last = previous?.feedValidation, previous?.lastSummary?.summary.posts.count == summary.posts.count,
           changedPostsKeepFrontMatter() {
            context.feedValidation = last
        } else {
            context.feedValidation = Feeds.validate(site: site)
        }
        state.feedValidation = context.feedValidation

        let output = IncrementalBuild.absolute(options.outputDirectory)
        guard let published = previous?.published,
              FileFingerprint.of(output + "/" + OutputWriter.markerName)?.isRegularFile == true else {
            let result = RenderStage.run(context)
            state.partRecords = result.partRecords
            return result
        }
        if previous?.fromDisk == true {
            // Trust nothing on disk that differs from what the last build left.
            let found = OutputManifest.scan(output)
            for (path, fingerprint) in published.manifest.files where found[path] != fingerprint { unverified.insert(path) }
            strays = found.keys.filter { published.manifest.files[$0] == nil }.sorted()
        }
        guard var dirty = DependencyGraph.dirtyPaths(old: published.summary, oldOrder: published.order,
                                                     new: summary, newOrder: order) else {
            let result = RenderStage.run(context)
            state.partRecords = result.partRecords
            return result
        }
        dirty.formUnion(unverified)
        context.scope = RenderScope(paths: dirty)
        // Parts that ignore the scope render everything; when nothing they read changed they hand
        // back their last paths as placeholders instead. The dashboard reads only data,
        // configuration and theme (the global inputs); the service directory also lists posts by
        // their front matter (titles, addresses, `angebote:`), so text edits do not touch it.
        if sameBasis, let last = previous?.partRecords {
            context.unchangedParts[OutputPart.dashboard.name] = last[OutputPart.dashboard.name]
            if previous?.lastSummary?.summary.posts.count == summary.posts.count, changedPostsKeepFrontMatter() {
                context.unchangedParts[OutputPart.angebote.name] = last[OutputPart.angebote.name]
            }
        }
        var result = RenderStage.run(context)
        // A file the last build did not have is rendered in any case (a new tag page, a new year …).
        let missed = result.files.filter { isPlaceholder($0, context.scope) && published.manifest.files[$0.path] == nil }
        if !missed.isEmpty {
            dirty.formUnion(missed.map(\.path))
            context.scope = RenderScope(paths: dirty)
            result = RenderStage.run(context)
        }
        scope = context.scope
        state.renderedPaths = dirty
        state.partRecords = result.partRecords
        inPlace = true
        return result
    }

    /// The last build's summary and order with only the changed posts summarised again, when none
    /// of them arrived, left, moved or changed groups (and no scheduled post became due): the
    /// usual edit of one post's text or title. Nil otherwise.
    mutating func reuseOrder(site: RenderedSite, global: UInt64, previewNow: Date?)
        -> (SiteSummary, PostOrder)? {
        guard let last = previous?.lastSummary, let changedFiles, last.summary.global == global,
              site.content.posts.count == last.summary.posts.count else { return nil }
        var due = Set<String>()
        if let now = previewNow, let before = last.previewNow, now != before {
            let range = min(now, before)...max(now, before)
            for post in last.summary.posts where range.contains(post.date) { due.insert(post.path) }
        }
        let touched = changedFiles.union(due)
        var digests = previous?.digests ?? [:]
        var posts = last.order.posts
        let known = Set(site.content.handlungsfelder.map(\.slug))
        let (period, _) = NewsletterPeriod.from(site.config)
        var found = 0
        for post in site.content.posts where touched.contains(post.source.path) {
            let path = post.source.path
            guard let i = last.order.index[path] else { return nil }
            let digest: PostDigests
            if let entry = digests[path], entry.fingerprint == state.inputs.posts[path], !changedFiles.contains(path) {
                digest = entry.digests
            } else {
                digest = SiteSummary.makeDigests(of: post, site: site, period: period)
            }
            let summary = SiteSummary.summary(of: post, digest: digest, known: known, previewNow: previewNow)
            let old = posts[i]
            guard old.url == summary.url, old.date == summary.date, old.fields == summary.fields,
                  old.tags == summary.tags else { return nil }
            posts[i] = summary
            if let fingerprint = state.inputs.posts[path] {
                digests[path] = BuildState.CachedDigests(fingerprint: fingerprint, digests: digest)
            }
            found += 1
        }
        // A changed post that is gone or filtered out (a draft now) changes the order.
        guard found == touched.count(where: { last.order.index[$0] != nil }) else { return nil }
        state.digests = digests
        var summary = last.summary
        summary.posts = posts
        summary.pages = SiteSummary.pageSummaries(site, previewNow: previewNow)
        return (summary, PostOrder(reusing: last.order, posts: posts))
    }

    func isPlaceholder(_ file: OutputFile, _ scope: RenderScope) -> Bool {
        file.contents.isEmpty && !scope.includes(file.path)
    }

    // MARK: 5. Schreiben

    mutating func write(_ rendered: RenderStage.Result, writer: OutputWriter) throws -> OutputWriter.Result {
        let output = IncrementalBuild.absolute(options.outputDirectory)
        guard inPlace, let previousManifest = previous?.published?.manifest else {
            let result = try writer.publish(files: rendered.files, copies: rendered.copies)
            var manifest = OutputManifest()
            manifest.files = OutputManifest.scan(output)
            for copy in rendered.copies { manifest.copiedFrom[copy.path] = FileFingerprint.following(copy.sourcePath) }
            publish(manifest)
            return result
        }
        var trusted = previousManifest
        for path in unverified {
            trusted.files[path] = nil
            trusted.copiedFrom[path] = nil
        }
        let plan = OutputUpdater.Plan(files: rendered.files.filter { !isPlaceholder($0, scope) },
                                      kept: rendered.files.filter { isPlaceholder($0, scope) }.map(\.path),
                                      copies: rendered.copies, strays: strays + unverified.sorted())
        let (result, manifest) = try OutputUpdater(outputDirectory: output).apply(plan, previous: trusted)
        publish(manifest)
        return result
    }

    private mutating func publish(_ manifest: OutputManifest) {
        guard let next = nextPublished else { return }
        state.published = BuildState.Published(summary: next.summary, order: next.order, manifest: manifest)
    }
}
