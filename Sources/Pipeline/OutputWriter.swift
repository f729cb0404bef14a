import Foundation
import Outputs
import Support
#if canImport(Glibc)
import Glibc
#endif

/// Publishes a build: everything goes into a staging folder beside the output folder, which is
/// swapped in only at the end. A failed build never gets here, so the published site stays as it
/// was; files of deleted posts disappear because the new folder holds only this build's files.
/// Unchanged files are hard-linked from the previous output instead of written again: on this
/// disk writing dominates the build (research/perf-baseline.md).
public struct OutputWriter: Sendable {
    public struct Result: Sendable, Equatable {
        public var written: Int
        public var unchanged: Int
        public var copied: Int
    }

    /// A file copied from disk as it is (static files, theme assets).
    public struct Copy: Sendable, Hashable {
        public var sourcePath: String
        /// Relative to the output folder.
        public var path: String
        public init(sourcePath: String, path: String) {
            self.sourcePath = sourcePath
            self.path = path
        }
    }

    static let markerName = ".sozialsite-ausgabe"
    static let markerText = "Dieser Ordner wird von sozialsite erzeugt und bei jedem Bau ersetzt.\n"

    public let outputDirectory: String

    public init(outputDirectory: String) {
        self.outputDirectory = (outputDirectory as NSString).standardizingPath
    }

    /// Problems that make writing unsafe, found before anything is touched.
    public func preflight(files: [OutputFile], copies: [Copy], siteDirectory: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let here = SourceLocation(file: outputDirectory)
        let site = (siteDirectory as NSString).standardizingPath
        if site == outputDirectory || site.hasPrefix(outputDirectory + "/") {
            diagnostics.append(.error("output-contains-site", at: here,
                "Der Ausgabeordner „\(outputDirectory)“ enthält den Inhalt der Website und würde ihn überschreiben.",
                hint: "Wählen Sie einen eigenen Ordner, z. B. --output public."))
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: outputDirectory, isDirectory: &isDirectory) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
            if !isDirectory.boolValue || (!entries.isEmpty && !entries.contains(Self.markerName)) {
                diagnostics.append(.error("foreign-output", at: here,
                    "Der Ausgabeordner „\(outputDirectory)“ enthält Dateien, die nicht von sozialsite stammen; er würde ersetzt.",
                    hint: "Löschen oder leeren Sie den Ordner selbst, oder wählen Sie mit --output einen anderen."))
            }
        }
        var seen: [String: Int] = [:]
        for path in files.map(\.path) + copies.map(\.path) { seen[path, default: 0] += 1 }
        for (path, count) in seen.sorted(by: { $0.key < $1.key }) {
            if count > 1 {
                diagnostics.append(.error("duplicate-output", at: SourceLocation(file: path),
                    "Die Datei „\(path)“ würde \(count)-mal geschrieben.",
                    hint: "Zwei Inhalte haben dieselbe Adresse. Ändern Sie bei einem den slug."))
            }
            if !Self.isSafeRelativePath(path) {
                diagnostics.append(.error("unsafe-output-path", at: SourceLocation(file: path),
                    "Die Ausgabedatei „\(path)“ läge außerhalb des Ausgabeordners.",
                    hint: "Adressen dürfen kein „..“ enthalten."))
            }
        }
        return diagnostics
    }

    static func isSafeRelativePath(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false)
            .contains(where: { $0 == ".." || $0 == "." || $0.isEmpty })
    }

    /// Writes everything into a staging folder and swaps it in. Call `preflight` first.
    public func publish(files: [OutputFile], copies: [Copy]) throws -> Result {
        let fm = FileManager.default
        let parent = (outputDirectory as NSString).deletingLastPathComponent
        let name = (outputDirectory as NSString).lastPathComponent
        let staging = (parent.isEmpty ? "." : parent) + "/.\(name).neu"
        if fm.fileExists(atPath: staging) { try Self.removeTree(staging) }
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)

        // Create each folder once, parents first.
        var folders = Set<String>()
        for path in files.map(\.path) + copies.map(\.path) {
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        // Parents before children: one depth level after the other, each level on all cores.
        var levels: [Int: [String]] = [:]
        for folder in folders { levels[folder.utf8.count { $0 == 0x2F }, default: []].append(folder) }
        for depth in levels.keys.sorted() {
            let failures = levels[depth]!.parallelMap { folder -> WriteError? in
                guard mkdir(staging + "/" + folder, 0o755) == 0 || errno == EEXIST else {
                    return WriteError(path: folder, reason: String(cString: strerror(errno)))
                }
                return nil
            }
            if let failure = failures.compactMap({ $0 }).min(by: { $0.path < $1.path }) { throw failure }
        }

        let previous = outputDirectory
        let writes: [Outcome] = files.parallelMap { file in
            Self.place(bytes: file.contents, at: staging + "/" + file.path, previous: previous + "/" + file.path)
        }
        let copyOutcomes: [Outcome] = copies.parallelMap { copy in
            guard let bytes = fm.contents(atPath: copy.sourcePath) else {
                return .failed(copy.sourcePath, "nicht lesbar")
            }
            return Self.place(bytes: [UInt8](bytes), at: staging + "/" + copy.path, previous: previous + "/" + copy.path)
        }
        var result = Result(written: 0, unchanged: 0, copied: copies.count)
        for outcome in writes + copyOutcomes {
            switch outcome {
            case .written: result.written += 1
            case .linked: result.unchanged += 1
            case .failed(let path, let reason):
                try? Self.removeTree(staging)
                throw WriteError(path: path, reason: reason)
            }
        }
        try Self.markerText.write(toFile: staging + "/" + Self.markerName, atomically: false, encoding: .utf8)

        if fm.fileExists(atPath: outputDirectory) {
            // Atomic exchange: readers see the old or the new site, never half of each.
            if !Self.exchange(staging, outputDirectory) {
                let old = staging + ".alt"
                try fm.moveItem(atPath: outputDirectory, toPath: old)
                try fm.moveItem(atPath: staging, toPath: outputDirectory)
                try Self.removeTree(old)
            } else {
                try Self.removeTree(staging)
            }
        } else {
            try fm.moveItem(atPath: staging, toPath: outputDirectory)
        }
        return result
    }

    /// renameat2(RENAME_EXCHANGE) swaps two folders atomically (Linux ≥ 3.15). Glibc declares it only
    /// under _GNU_SOURCE, which Swift's Glibc module does not set, so it is looked up at run time.
    static func exchange(_ a: String, _ b: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }

    /// Deletes a folder and everything below it. The previous site has as many files as the new
    /// one; `FileManager.removeItem` deletes them one by one on one core (seconds for 10,000 posts on
    /// this disk), here the top-level folders are emptied in parallel with plain unlink/rmdir.
    static func removeTree(_ path: String) throws {
        let entries = try directoryEntries(path)
        let failures = entries.parallelMap { entry -> WriteError? in
            let full = path + "/" + entry.name
            return entry.isDirectory ? removeTreeSequentially(full) : (unlink(full) == 0 ? nil : currentError(full))
        }
        if let failure = failures.compactMap({ $0 }).min(by: { $0.path < $1.path }) { throw failure }
        if rmdir(path) != 0 { throw currentError(path) }
    }

    private static func removeTreeSequentially(_ path: String) -> WriteError? {
        let entries: [(name: String, isDirectory: Bool)]
        do { entries = try directoryEntries(path) } catch let error as WriteError { return error } catch { return nil }
        for entry in entries {
            let full = path + "/" + entry.name
            if entry.isDirectory {
                if let failure = removeTreeSequentially(full) { return failure }
            } else if unlink(full) != 0 {
                return currentError(full)
            }
        }
        return rmdir(path) == 0 ? nil : currentError(path)
    }

    /// Names in a folder (without `.` and `..`) and whether each is a folder (symbolic links are not).
    private static func directoryEntries(_ path: String) throws -> [(name: String, isDirectory: Bool)] {
        guard let directory = opendir(path) else { throw currentError(path) }
        defer { closedir(directory) }
        var entries: [(name: String, isDirectory: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {  // file systems without d_type: ask lstat
                var info = stat()
                isDirectory = lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append((name, isDirectory))
        }
        return entries
    }

    private static func currentError(_ path: String) -> WriteError {
        WriteError(path: path, reason: String(cString: strerror(errno)))
    }

    enum Outcome: Sendable {
        case written
        case linked
        case failed(String, String)
    }

    /// Hard-links the previous file when its bytes are the same, else writes.
    static func place(bytes: [UInt8], at path: String, previous: String) -> Outcome {
        var info = stat()
        if stat(previous, &info) == 0, Int(info.st_size) == bytes.count, sameBytes(previous, bytes),
           link(previous, path) == 0 {
            return .linked
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return .failed(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n <= 0 { return .failed(path, String(cString: strerror(errno))) }
            offset += n
        }
        return .written
    }

    static func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var existing = [UInt8](repeating: 0, count: bytes.count + 1)
        var total = 0
        while total <= bytes.count {
            let n = existing.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, bytes.count + 1 - total) }
            if n <= 0 { break }
            total += n
        }
        return total == bytes.count && existing[0..<total].elementsEqual(bytes)
    }
}

public struct WriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "Die Datei „\(path)“ konnte nicht geschrieben werden: \(reason)." }
}
