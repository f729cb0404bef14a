import Foundation
import Outputs
import Support
#if canImport(Glibc)
import Glibc
#endif

/// Publishes a build: everything goes into a staging folder beside the output folder
/// (`.public.neu` for `public`), which is swapped in only at the end. A failed build never gets
/// here, so the published site stays as it was; files of deleted posts disappear because the new
/// folder holds only this build's files.
///
/// Writing dominates a build on this disk (research/perf-baseline.md), creating folders most of all,
/// so the staging folder is not built from scratch each time: after the swap it holds the previous
/// site and stays, and the next build updates it to the new site — a file whose bytes are already
/// there is left alone, one that equals the published file is hard-linked, only the rest is
/// written; what the new site no longer has is deleted. A file is never written in place (it may
/// be a hard link into the published site): it is unlinked and created anew.
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
        var seen: [String: Int] = [:]
        seen.reserveCapacity(files.count + copies.count)
        for path in files.map(\.path) + copies.map(\.path) { seen[path, default: 0] += 1 }
        return preflight(siteDirectory: siteDirectory) + Self.problems(pathCounts: seen)
    }

    /// Problems of the output folder itself: it holds the site, or files that are not ours.
    public func preflight(siteDirectory: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let here = SourceLocation(file: outputDirectory)
        // An empty name would put the staging folder `..neu` into the current folder and fail at the swap.
        guard !outputDirectory.isEmpty else {
            return [.error("output-missing", at: SourceLocation(file: "--output"),
                           "Der Name des Ausgabeordners ist leer.",
                           hint: "Geben Sie einen Ordner an, z. B. --output public.")]
        }
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
        return diagnostics
    }

    /// Paths written more than once or leading out of the output folder (`seen`: how often each is written).
    static func problems(pathCounts seen: [String: Int]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Only what is reported is sorted: sorting every path on each (incremental) build costs more than the check.
        let problems = seen.filter { $0.value > 1 || !Self.isSafeRelativePath($0.key) }
        for (path, count) in problems.sorted(by: { $0.key < $1.key }) {
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

    /// No empty, `.` or `..` segment, not absolute (one pass over the bytes).
    static func isSafeRelativePath(_ path: String) -> Bool {
        var segmentLength = 0, dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if segmentLength == 0 || dots == segmentLength && dots <= 2 { return false }
                segmentLength = 0
                dots = 0
            } else {
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return segmentLength > 0 && !(dots == segmentLength && dots <= 2)
    }

    /// Writes everything into a staging folder and swaps it in. Call `preflight` first.
    public func publish(files: [OutputFile], copies: [Copy]) throws -> Result {
        var session = try session()
        try session.write(files)
        try session.copy(copies)
        return try session.finish()
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

    enum Outcome: Sendable {
        /// The staging folder already had these bytes.
        case kept
        case linked
        case written
        case failed(String, String)

        var failedPath: String {
            if case .failed(let path, _) = self { return path }
            return ""
        }
    }

    /// Leaves the file when the staging folder has the same bytes, hard-links the published file
    /// (`previous`, nil when nothing is published) when it has them, else writes. `existing`: the
    /// staging folder has a regular file at `path`.
    static func place(bytes: [UInt8], in staging: String, path relative: String, previous: String?,
                      existing: Bool) -> Outcome {
        let path = staging + "/" + relative
        var info = stat()
        if existing {
            if stat(path, &info) == 0, Int(info.st_size) == bytes.count, sameBytes(path, bytes) { return .kept }
            // Never write into it: it may be a hard link shared with the published site.
            guard unlink(path) == 0 || errno == ENOENT else { return .failed(path, SystemErrorText.describe(errno: errno)) }
        }
        if let previous, stat(previous, &info) == 0, Int(info.st_size) == bytes.count, sameBytes(previous, bytes),
           link(previous, path) == 0 {
            return .linked
        }
        // O_EXCL: a file that is there after all (the staging folder changed after it was read) is
        // never written into; it may be a hard link shared with the published site.
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if fd < 0 && errno == EEXIST && unlink(path) == 0 { fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
        // Its folder was claimed by a portion of the other lane that has not made it yet.
        if fd < 0 && errno == ENOENT, !ParentFolder.of(relative).isEmpty {
            if let reason = makeFolder(ParentFolder.of(relative), in: staging) { return .failed(path, reason) }
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        }
        guard fd >= 0 else { return .failed(path, SystemErrorText.describe(errno: errno)) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n <= 0 { return .failed(path, SystemErrorText.describe(errno: errno)) }
            offset += n
        }
        return .written
    }

    /// Makes `folder` (relative to `staging`) and any missing parent; nil when it exists after
    /// all, else why not. Folders are claimed under the session's lock but made outside it, so a
    /// parent claimed by another lane may not exist yet.
    static func makeFolder(_ folder: String, in staging: String) -> String? {
        if mkdir(staging + "/" + folder, 0o755) == 0 || errno == EEXIST { return nil }
        let parent = ParentFolder.of(folder)
        guard errno == ENOENT, !parent.isEmpty else { return SystemErrorText.describe(errno: errno) }
        if let reason = makeFolder(parent, in: staging) { return reason }
        return mkdir(staging + "/" + folder, 0o755) == 0 || errno == EEXIST ? nil : SystemErrorText.describe(errno: errno)
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
        guard total == bytes.count else { return false }
        if total == 0 { return true }
        // memcmp: comparing element by element is slow on a search index of many megabytes.
        return existing.withUnsafeBytes { a in bytes.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, total) == 0 } }
    }
}

public struct WriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "Die Datei „\(path)“ konnte nicht geschrieben werden: \(reason)." }
}
