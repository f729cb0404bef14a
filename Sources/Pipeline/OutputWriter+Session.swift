import Foundation
import Outputs
import Support
#if canImport(Glibc)
import Glibc
#endif

extension OutputWriter {
    /// One publication: opened on the staging folder, fed with files in portions, finished by the
    /// swap. A full build hands over each part of the site as soon as it is rendered, so its bytes
    /// need not stay in memory until the last part is done (10,000 posts: about 450 MB of pages and
    /// feeds). Until `finish` nothing published changes; a session that is dropped leaves only the
    /// staging folder, which the next build updates anyway.
    public struct Session: Sendable {
        let writer: OutputWriter
        let staging: String
        /// What the staging folder held at the start, minus what has been cleared out of the way.
        private var existing: StagingTree
        /// Folders of the new site that exist in the staging folder by now.
        private var folders = Set<String>()
        /// Paths of the new site handed over so far.
        private(set) var wanted = Set<String>()
        /// The published folder, when there is one to hard-link unchanged files from; nil for a
        /// first build, which then saves a failing `stat` per file.
        private let published: String?
        private(set) var result = Result(written: 0, unchanged: 0, copied: 0)

        init(_ writer: OutputWriter, prescanned: StagingTree?) throws {
            self.writer = writer
            let fm = FileManager.default
            staging = writer.stagingPath
            // A former output (it has our marker) is updated; anything else there is cleared away.
            existing = StagingTree()
            if fm.fileExists(atPath: staging) {
                if fm.fileExists(atPath: staging + "/" + OutputWriter.markerName) {
                    existing = try prescanned ?? StagingTree.scan(staging)
                    for other in existing.others {
                        guard unlink(staging + "/" + other) == 0 || errno == ENOENT else {
                            throw OutputWriter.currentError(staging + "/" + other)
                        }
                    }
                } else {
                    try OutputWriter.removeTree(staging)
                }
            }
            if !fm.fileExists(atPath: staging) { try fm.createDirectory(atPath: staging, withIntermediateDirectories: true) }
            published = fm.fileExists(atPath: writer.outputDirectory) ? writer.outputDirectory : nil
        }

        /// Puts `files` into the staging folder. Their paths must be new to this session and safe
        /// (`OutputWriter.problems(paths:)`).
        public mutating func write(_ files: [OutputFile]) throws {
            let placement = try reserve(files.map(\.path))
            try record(placement.place(files))
        }

        /// The part of `write` that changes the session: claims the folders of `paths` and clears
        /// what stands in their way. Making the folders and placing the files (`Placement.place`)
        /// touches nothing shared, so several threads may do that at once while the next portion is
        /// reserved.
        mutating func reserve(_ paths: [String]) throws -> Placement {
            Placement(staging: staging, published: published, kept: existing.files, folders: try prepare(paths))
        }

        /// Counts what `Placement.place` did; throws on the first failure.
        mutating func record(_ outcomes: [Outcome]) throws {
            try count(outcomes, copied: 0)
        }

        /// Where reserved files go: the staging folder, the published folder to hard-link unchanged
        /// files from, which files the staging folder held, and the folders this portion claimed.
        struct Placement: Sendable {
            let staging: String
            let published: String?
            let kept: Set<String>
            /// New folders by depth (parents first), each depth grouped by parent folder.
            let folders: [[[String]]]

            func place(_ files: [OutputFile]) -> [Outcome] {
                if let failure = makeFolders() { return [failure] }
                return files.parallelMap { file in
                    OutputWriter.place(bytes: file.contents, in: staging, path: file.path,
                                       previous: published.map { $0 + "/" + file.path },
                                       existing: kept.contains(file.path))
                }
            }

            /// Makes the claimed folders, one depth level after the other, each level on all cores.
            /// A worker takes all new folders of one parent: mkdir locks the parent folder, and two
            /// threads creating in the same parent would only wait for each other (spinning, on Linux).
            /// A parent claimed by another portion may not exist yet: `makeFolder` makes it then.
            func makeFolders() -> Outcome? {
                for level in folders {
                    let failures = level.parallelMap { group -> Outcome? in
                        for folder in group {
                            if let reason = OutputWriter.makeFolder(folder, in: staging) { return .failed(folder, reason) }
                        }
                        return nil
                    }
                    // The first failure by path, so the message does not depend on the order of the workers.
                    if let failure = failures.compactMap({ $0 }).min(by: { $0.failedPath < $1.failedPath }) { return failure }
                }
                return nil
            }
        }

        /// Copies files from disk (static files, theme assets) into the staging folder.
        public mutating func copy(_ copies: [Copy]) throws {
            let placement = try reserve(copies.map(\.path))
            if let failure = placement.makeFolders() { try count([failure], copied: 0) }
            let outcomes = copies.parallelMap { copy -> Outcome in
                guard let bytes = FileManager.default.contents(atPath: copy.sourcePath) else {
                    return .failed(copy.sourcePath, "nicht lesbar")
                }
                return OutputWriter.place(bytes: [UInt8](bytes), in: placement.staging, path: copy.path,
                                          previous: placement.published.map { $0 + "/" + copy.path },
                                          existing: placement.kept.contains(copy.path))
            }
            try count(outcomes, copied: copies.count)
        }

        /// Removes what the new site does not have, marks the folder as ours and swaps it in.
        public mutating func finish() throws -> Result {
            let fm = FileManager.default
            // A stale folder goes as a whole, with what is in it; a stale file inside it goes with it.
            func isInKeptFolder(_ path: String) -> Bool {
                let folder = ParentFolder.of(path)
                return folder.isEmpty || folders.contains(folder)
            }
            for file in existing.files.sorted() where !wanted.contains(file) && file != OutputWriter.markerName
                && isInKeptFolder(file) {
                guard unlink(staging + "/" + file) == 0 else { throw OutputWriter.currentError(file) }
            }
            for folder in existing.folders.sorted() where !folders.contains(folder) && isInKeptFolder(folder) {
                try OutputWriter.removeTree(staging + "/" + folder)
            }
            if !existing.files.contains(OutputWriter.markerName) {
                try OutputWriter.markerText.write(toFile: staging + "/" + OutputWriter.markerName, atomically: false,
                                                  encoding: .utf8)
            }
            let output = writer.outputDirectory
            if fm.fileExists(atPath: output) {
                // Atomic exchange: readers see the old or the new site, never half of each.
                if !OutputWriter.exchange(staging, output) {
                    let old = staging + ".alt"
                    try fm.moveItem(atPath: output, toPath: old)
                    try fm.moveItem(atPath: staging, toPath: output)
                    try OutputWriter.removeTree(old)
                }
                // After the exchange the staging folder holds the previous site: it stays for the next build.
            } else {
                try fm.moveItem(atPath: staging, toPath: output)
            }
            return result
        }

        /// Claims the missing folders of `paths` (returned by depth, then parent; the caller makes
        /// them) and clears what stands in the way: a former file where a folder goes, a former
        /// folder where a file goes.
        private mutating func prepare(_ paths: [String]) throws -> [[[String]]] {
            var missing: [Int: [String: [String]]] = [:]
            for path in paths {
                wanted.insert(path)
                var folder = ParentFolder.of(path)
                while !folder.isEmpty, folders.insert(folder).inserted {
                    if existing.files.remove(folder) != nil {
                        guard unlink(staging + "/" + folder) == 0 else { throw OutputWriter.currentError(folder) }
                    }
                    let parent = ParentFolder.of(folder)
                    if !existing.folders.contains(folder) {
                        missing[folder.utf8.count { $0 == 0x2F }, default: [:]][parent, default: []].append(folder)
                    }
                    folder = parent
                }
            }
            for path in paths where existing.folders.contains(path) {
                try OutputWriter.removeTree(staging + "/" + path)
                existing.folders = existing.folders.filter { $0 != path && !$0.hasPrefix(path + "/") }
                existing.files = existing.files.filter { !$0.hasPrefix(path + "/") }
            }
            return missing.keys.sorted().map { Array(missing[$0]!.values) }
        }

        private mutating func count(_ outcomes: [Outcome], copied: Int) throws {
            result.copied += copied
            for outcome in outcomes {
                switch outcome {
                case .written: result.written += 1
                case .kept, .linked: result.unchanged += 1
                case .failed(let path, let reason):
                    try? OutputWriter.removeTree(staging)
                    throw WriteError(path: path, reason: reason)
                }
            }
        }
    }

    /// Opens a publication on the staging folder (see `Session`); `prescanned` is what
    /// `scanStaging` returned, if the build started reading early.
    func session(prescanned: StagingTree? = nil) throws -> Session { try Session(self, prescanned: prescanned) }

    /// The staging folder beside the output folder: `.public.neu` for `public`.
    var stagingPath: String {
        let parent = ParentFolder.of(outputDirectory)
        let name = (outputDirectory as NSString).lastPathComponent
        return (parent.isEmpty ? "." : parent) + "/.\(name).neu"
    }

    /// What the staging folder holds, when it is a former output; only reads. Nil when there is
    /// none or it cannot be read (the session then finds out itself).
    func scanStaging() -> StagingTree? {
        let staging = stagingPath
        guard FileManager.default.fileExists(atPath: staging + "/" + Self.markerName) else { return nil }
        return try? StagingTree.scan(staging)
    }
}
