import Foundation
import Outputs
import Support

/// The incremental build's state on disk, in `.sozialsite-cache/` of the site folder (ignored by
/// git). Safe to delete at any time: the next build is then a clean one.
///
/// One file per combination of site, output folder and options holds fingerprints, digests, the
/// link check and what the output folder contains; the rendered Markdown bodies live in 64 shard
/// files beside it, so a save after one changed post rewrites one shard, not 100 MB. A cache
/// written by another program version, or for other options, is ignored; so is a damaged one.
public enum BuildCache {
    public static let folderName = ".sozialsite-cache"
    static let magic = "sozialsite-cache\n"
    static let formatVersion = 2
    static let shards = 64

    /// The state of the last build with these options, or nil (first build, other program, damaged).
    public static func load(_ options: BuildOptions) -> BuildState? {
        let key = IncrementalBuild.key(of: options)
        guard let data = FileManager.default.contents(atPath: mainFile(options)) else { return nil }
        var reader = CacheReader([UInt8](data))
        do {
            guard try header(&reader, key: key) else { return nil }
            var state = try readState(&reader, key: key)
            guard reader.atEnd else { return nil }
            for shard in 0..<shards {
                guard let bytes = FileManager.default.contents(atPath: shardFile(options, shard)) else { continue }
                var shardReader = CacheReader([UInt8](bytes))
                guard (try? header(&shardReader, key: key)) == true,
                      (try? shardReader.uint()) == state.markdownKey,
                      let entries = try? shardReader.array({ r in
                          (try r.string(), BuildState.CachedBody(fingerprint: try r.fingerprint(), body: try r.body()))
                      }) else { continue }
                for (path, entry) in entries { state.bodies[path] = entry }
            }
            if let bytes = FileManager.default.contents(atPath: searchFile(options)) {
                var searchReader = CacheReader([UInt8](bytes))
                if (try? header(&searchReader, key: key)) == true, (try? searchReader.uint()) == state.inputs.global,
                   let lines = try? searchReader.array({ r in (try r.string(), try r.uint(), try r.string()) }) {
                    for (url, entryKey, line) in lines {
                        state.searchLines[url] = SearchLineCache.Entry(key: entryKey, document: nil, line: line)
                    }
                }
            }
            state.fromDisk = true
            return state
        } catch {
            return nil
        }
    }

    /// Writes `state`; problems (a read-only site folder) are ignored: the cache only saves time.
    public static func save(_ state: BuildState, for options: BuildOptions) {
        let folder = folder(options)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let key = IncrementalBuild.key(of: options)
        var writer = CacheWriter()
        writeHeader(&writer, key: key)
        writeState(&writer, state)
        var dirty = Set(state.freshBodies.map(shard(of:)))
        for index in 0..<shards where !FileManager.default.fileExists(atPath: shardFile(options, index)) { dirty.insert(index) }
        var byShard: [Int: [(String, BuildState.CachedBody)]] = [:]
        for (path, entry) in state.bodies where dirty.contains(shard(of: path)) {
            byShard[shard(of: path), default: []].append((path, entry))
        }
        let writes: [(String, [UInt8])] = dirty.sorted().map { index in
            var shardWriter = CacheWriter()
            writeHeader(&shardWriter, key: key)
            shardWriter.uint(state.markdownKey)
            shardWriter.array((byShard[index] ?? []).sorted { $0.0 < $1.0 }) { w, item in
                w.string(item.0)
                w.fingerprint(item.1.fingerprint)
                w.body(item.1.body)
            }
            return (shardFile(options, index), shardWriter.bytes)
        }
        var search = CacheWriter()
        writeHeader(&search, key: key)
        search.uint(state.inputs.global)
        search.array(state.searchLines.compactMap { url, entry in entry.line.map { (url, entry.key, $0) } }) { w, item in
            w.string(item.0)
            w.uint(item.1)
            w.string(item.2)
        }
        // Shards first: a main file never names bodies its shards do not have yet.
        _ = (writes + [(searchFile(options), search.bytes)]).parallelMap { path, bytes in OutputUpdater.write(bytes, to: path) }
        _ = OutputUpdater.write(writer.bytes, to: mainFile(options))
    }

    // MARK: files

    static func folder(_ options: BuildOptions) -> String {
        IncrementalBuild.absolute(options.siteDirectory) + "/" + folderName
    }

    static func stem(_ options: BuildOptions) -> String {
        folder(options) + "/zustand-" + String(IncrementalBuild.key(of: options), radix: 16)
    }

    static func mainFile(_ options: BuildOptions) -> String { stem(options) + ".bin" }

    static func shardFile(_ options: BuildOptions, _ index: Int) -> String {
        stem(options) + "-texte-\(index < 10 ? "0" : "")\(index).bin"
    }

    /// Lines of the search index (`SearchLineCache`), keyed by post URL.
    static func searchFile(_ options: BuildOptions) -> String { stem(options) + "-suche.bin" }

    static func shard(of path: String) -> Int { Int(StableHash.of(path) % UInt64(shards)) }

    /// Size and time of the running program: a new build of sozialsite ignores old caches.
    static let programIdentity: UInt64 = {
        var hash = StableHash()
        hash.add(UInt64(formatVersion))
        if let program = FileFingerprint.following("/proc/self/exe") ?? FileFingerprint.following(CommandLine.arguments[0]) {
            hash.add(UInt64(bitPattern: program.size))
            hash.add(UInt64(bitPattern: program.modified))
        }
        return hash.value
    }()

    static func writeHeader(_ writer: inout CacheWriter, key: UInt64) {
        writer.string(magic)
        writer.int(formatVersion)
        writer.uint(programIdentity)
        writer.uint(key)
    }

    static func header(_ reader: inout CacheReader, key: UInt64) throws -> Bool {
        try reader.string() == magic && reader.int() == formatVersion && reader.uint() == programIdentity
            && reader.uint() == key
    }

    // MARK: state

    /// Tables are written in whatever order they have: the cache need not be byte-stable, and
    /// sorting 10,000 entries on every save of the preview costs.
    static func writeState(_ w: inout CacheWriter, _ state: BuildState) {
        w.uint(state.inputs.global)
        w.uint(state.inputs.dataKey)
        w.int(Int(state.inputs.scanTime))
        for table in [state.inputs.posts, state.inputs.pages] {
            w.array(Array(table)) { w, item in w.string(item.key); w.fingerprint(item.value) }
        }
        w.array(Array(state.inputs.contentHashes)) { w, item in w.string(item.key); w.uint(item.value) }
        w.uint(state.markdownKey)
        w.array(Array(state.digests)) { w, item in
            w.string(item.key)
            w.fingerprint(item.value.fingerprint)
            w.uint(item.value.digests.card)
            w.uint(item.value.digests.full)
            w.int(item.value.digests.year)
            w.int(item.value.digests.month)
            w.string(item.value.digests.url)
            w.array(item.value.digests.tags) { w, tag in w.string(tag.slug); w.string(tag.name) }
            w.string(item.value.digests.edition)
        }
        w.bool(state.validation != nil)
        if let validation = state.validation {
            w.uint(validation.basis)
            w.array(Array(validation.anchors)) { w, item in w.string(item.key); w.strings(Array(item.value)) }
            w.array(validation.links) { w, d in w.diagnostic(d) }
        }
        w.bool(state.published != nil)
        if let published = state.published {
            let summary = published.summary
            w.uint(summary.global)
            w.int(summary.perPage)
            w.int(summary.feedItems)
            w.strings(summary.knownFields)
            w.array(summary.posts) { w, post in
                w.string(post.path)
                w.string(post.url)
                w.double(post.date.timeIntervalSince1970)
                w.double(post.lastmod.timeIntervalSince1970)
                w.strings(post.fields)
                w.array(post.tags) { w, tag in w.string(tag.slug); w.string(tag.name) }
                w.strings(post.tagNames)
                w.strings(post.aliases)
                w.int(post.year)
                w.string(post.edition)
                w.uint(post.card)
                w.uint(post.full)
            }
            w.array(summary.pages) { w, page in w.string(page.path); w.string(page.url); w.uint(page.digest) }
            let manifest = published.manifest
            for table in [manifest.files, manifest.copiedFrom] {
                w.array(Array(table)) { w, item in w.string(item.key); w.fingerprint(item.value) }
            }
        }
    }

    static func readState(_ r: inout CacheReader, key: UInt64) throws -> BuildState {
        var inputs = BuildInputs(global: try r.uint(), posts: [:], pages: [:])
        inputs.dataKey = try r.uint()
        inputs.scanTime = Int64(try r.int())
        func table(_ r: inout CacheReader) throws -> [String: FileFingerprint] {
            Dictionary(try r.array { r in (try r.string(), try r.fingerprint()) }, uniquingKeysWith: { a, _ in a })
        }
        inputs.posts = try table(&r)
        inputs.pages = try table(&r)
        inputs.contentHashes = Dictionary(try r.array { r in (try r.string(), try r.uint()) }, uniquingKeysWith: { a, _ in a })
        let markdownKey = try r.uint()
        let digests = Dictionary(try r.array { r -> (String, BuildState.CachedDigests) in
            let path = try r.string()
            let fingerprint = try r.fingerprint()
            var digests = PostDigests(card: try r.uint(), full: try r.uint(), year: try r.int(), month: try r.int(),
                                      url: try r.string(),
                                      tags: try r.array { r in PostSummary.TagName(slug: try r.string(), name: try r.string()) })
            digests.edition = try r.string()
            return (path, BuildState.CachedDigests(fingerprint: fingerprint, digests: digests))
        }, uniquingKeysWith: { a, _ in a })
        var validation: BuildState.Validation? = nil
        if try r.bool() {
            let basis = try r.uint()
            let anchors = Dictionary(try r.array { r in (try r.string(), Set(try r.strings())) }, uniquingKeysWith: { a, _ in a })
            validation = BuildState.Validation(basis: basis, anchors: anchors, links: try r.array { try $0.diagnostic() })
        }
        var published: BuildState.Published? = nil
        if try r.bool() {
            let global = try r.uint(), perPage = try r.int(), feedItems = try r.int()
            let knownFields = try r.strings()
            let posts = try r.array { r in
                PostSummary(path: try r.string(), url: try r.string(),
                            date: Date(timeIntervalSince1970: try r.double()),
                            lastmod: Date(timeIntervalSince1970: try r.double()),
                            fields: try r.strings(),
                            tags: try r.array { r in PostSummary.TagName(slug: try r.string(), name: try r.string()) },
                            tagNames: try r.strings(), aliases: try r.strings(), year: try r.int(), edition: try r.string(),
                            card: try r.uint(), full: try r.uint())
            }
            let pages = try r.array { r in PageSummary(path: try r.string(), url: try r.string(), digest: try r.uint()) }
            let summary = SiteSummary(global: global, posts: posts, pages: pages, perPage: perPage, feedItems: feedItems,
                                      knownFields: knownFields)
            var manifest = OutputManifest()
            manifest.files = try table(&r)
            manifest.copiedFrom = try table(&r)
            published = BuildState.Published(summary: summary, order: PostOrder(posts: posts), manifest: manifest)
        }
        return BuildState(key: key, inputs: inputs, loaded: nil, markdownKey: markdownKey, bodies: [:], digests: digests,
                          validation: validation, published: published, fromDisk: true)
    }
}
