import Foundation
import Outputs
import Support
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the output folder held when a build left it: every file's fingerprint, so the next build
/// can tell that nobody changed it since, and for copied files the fingerprint of their source.
struct OutputManifest: Sendable, Equatable {
    /// Output path (`2022/05/x/index.html`) → fingerprint after the build wrote it.
    var files: [String: FileFingerprint] = [:]
    /// Output path of a copied file → fingerprint of the source it was copied from.
    var copiedFrom: [String: FileFingerprint] = [:]

    /// Every file below `directory` (hidden ones too: `.htaccess`), except the folder's marker.
    static func scan(_ directory: String) -> [String: FileFingerprint] {
        var result: [String: FileFingerprint] = [:]
        var pending = [""]
        while let relative = pending.popLast() {
            guard let folder = opendir(relative.isEmpty ? directory : directory + "/" + relative) else { continue }
            defer { closedir(folder) }
            while let entry = readdir(folder) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                if path == OutputWriter.markerName { continue }
                guard let fingerprint = FileFingerprint.of(directory + "/" + path) else { continue }
                if fingerprint.kind == FileFingerprint.directory { pending.append(path) } else { result[path] = fingerprint }
            }
        }
        return result
    }
}

/// Writes an incremental build into the output folder in place: only files whose bytes changed
/// are written (each to a temporary file renamed over the old one, so a reader never sees half a
/// file), sources copied again only when they changed, and files the build no longer produces
/// are deleted. Used only when the folder is known to be this build's previous output; content
/// errors stop the build before this, so the published site stays as it was.
struct OutputUpdater: Sendable {
    let outputDirectory: String

    struct Plan: Sendable {
        /// Rendered files (placeholders already removed).
        var files: [OutputFile]
        /// Paths of placeholders: files that exist and keep their bytes.
        var kept: [String]
        var copies: [OutputWriter.Copy]
        /// Files found in the folder that the last build did not leave as they are; deleted unless
        /// this build writes them, as a clean build would.
        var strays: [String]
    }

    func apply(_ plan: Plan, previous: OutputManifest) throws -> (OutputWriter.Result, OutputManifest) {
        let root = outputDirectory
        enum Outcome: Sendable {
            case written(String, FileFingerprint?)
            case unchanged
            case failed(String, String)
        }
        let writes: [Outcome] = plan.files.parallelMap { file in
            let target = root + "/" + file.path
            // Compared only when the size is the same (the search index has megabytes).
            if let known = previous.files[file.path], known.size == Int64(file.contents.count),
               OutputWriter.sameBytes(target, file.contents) { return .unchanged }
            if let problem = Self.write(file.contents, to: target) { return .failed(file.path, problem) }
            return .written(file.path, FileFingerprint.of(target))
        }
        let copies: [Outcome] = plan.copies.parallelMap { copy in
            let target = root + "/" + copy.path
            let source = FileFingerprint.following(copy.sourcePath)
            if let source, previous.copiedFrom[copy.path] == source, previous.files[copy.path] != nil { return .unchanged }
            guard let data = FileManager.default.contents(atPath: copy.sourcePath) else {
                return .failed(copy.sourcePath, "nicht lesbar")
            }
            if let problem = Self.write([UInt8](data), to: target) { return .failed(copy.path, problem) }
            return .written(copy.path, FileFingerprint.of(target))
        }

        // The last manifest, updated in place: most files are kept as they are.
        var manifest = previous
        var result = OutputWriter.Result(written: 0, unchanged: plan.kept.count, copied: plan.copies.count)
        for outcome in writes + copies {
            switch outcome {
            case .written(let path, let fingerprint):
                result.written += 1
                manifest.files[path] = fingerprint
            case .unchanged: result.unchanged += 1
            case .failed(let path, let reason): throw WriteError(path: path, reason: reason)
            }
        }
        for copy in plan.copies { manifest.copiedFrom[copy.path] = FileFingerprint.following(copy.sourcePath) }
        // Whatever the build no longer produces goes, as with a clean build.
        var produced = Set(plan.kept)
        produced.formUnion(plan.files.map(\.path))
        produced.formUnion(plan.copies.map(\.path))
        let gone = Set(previous.files.keys.filter { !produced.contains($0) }).union(plan.strays.filter { !produced.contains($0) })
        for path in gone {
            manifest.files[path] = nil
            manifest.copiedFrom[path] = nil
        }
        for path in gone.sorted(by: { $0.utf8.count > $1.utf8.count }) where OutputWriter.isSafeRelativePath(path) {
            unlink(root + "/" + path)
            var folder = ParentFolder.of(path)
            while !folder.isEmpty, rmdir(root + "/" + folder) == 0 {
                folder = ParentFolder.of(folder)
            }
        }
        return (result, manifest)
    }

    /// Writes to a temporary file beside `path` and renames it over `path`; nil on success.
    static func write(_ bytes: [UInt8], to path: String) -> String? {
        let folder = ParentFolder.of(path)
        if FileFingerprint.of(folder) == nil {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            catch { return SystemErrorText.describe(error) }
        }
        let temporary = folder + "/.sozialsite-\(getpid())-\((path as NSString).lastPathComponent).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return SystemErrorText.describe(errno: errno) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n <= 0 {
                let reason = SystemErrorText.describe(errno: errno)
                close(fd)
                unlink(temporary)
                return reason
            }
            offset += n
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let reason = SystemErrorText.describe(errno: errno)
            unlink(temporary)
            return reason
        }
        return nil
    }
}

/// `write(2)`, named apart from `OutputUpdater.write(_:to:)`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
