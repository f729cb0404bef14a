import Foundation
import Support
#if canImport(Glibc)
import Glibc
#endif

extension OutputWriter {
    enum EntryType { case directory, regular, other }

    /// Deletes a folder and everything below it. `FileManager.removeItem` deletes a site of 10,000
    /// posts file by file on one core (seconds on this disk); here the top-level entries are
    /// emptied in parallel with plain unlink/rmdir. Symbolic links are removed, never followed.
    static func removeTree(_ path: String) throws {
        let entries = try directoryEntries(path)
        let failures = entries.parallelMap { entry -> WriteError? in
            let full = path + "/" + entry.name
            return entry.type == .directory ? removeTreeSequentially(full)
                : (unlink(full) == 0 ? nil : currentError(full))
        }
        if let failure = failures.compactMap({ $0 }).min(by: { $0.path < $1.path }) { throw failure }
        if rmdir(path) != 0 { throw currentError(path) }
    }

    static func removeTreeSequentially(_ path: String) -> WriteError? {
        let entries: [(name: String, type: EntryType)]
        do { entries = try directoryEntries(path) } catch let error as WriteError { return error } catch { return nil }
        for entry in entries {
            let full = path + "/" + entry.name
            if entry.type == .directory {
                if let failure = removeTreeSequentially(full) { return failure }
            } else if unlink(full) != 0 {
                return currentError(full)
            }
        }
        return rmdir(path) == 0 ? nil : currentError(path)
    }

    /// Names in a folder (without `.` and `..`) and what each is; a symbolic link is `.other`.
    static func directoryEntries(_ path: String) throws -> [(name: String, type: EntryType)] {
        guard let directory = opendir(path) else { throw currentError(path) }
        defer { closedir(directory) }
        var entries: [(name: String, type: EntryType)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            var type: EntryType
            switch entry.pointee.d_type {
            case UInt8(DT_DIR): type = .directory
            case UInt8(DT_REG): type = .regular
            case UInt8(DT_UNKNOWN):  // file systems without d_type: ask lstat
                var info = stat()
                let mode = lstat(path + "/" + name, &info) == 0 ? info.st_mode & S_IFMT : 0
                type = mode == S_IFDIR ? .directory : mode == S_IFREG ? .regular : .other
            default: type = .other
            }
            entries.append((name, type))
        }
        return entries
    }

    static func currentError(_ path: String) -> WriteError {
        WriteError(path: path, reason: SystemErrorText.describe(errno: errno))
    }
}

/// What a former output in the staging folder holds: regular files and folders, relative to it.
struct StagingTree: Sendable {
    var files = Set<String>()
    var folders = Set<String>()
    /// Everything else (symbolic links, sockets …): an output never contains them, and a link in
    /// place of a folder would lead writes out of the staging folder, so the session removes them.
    var others: [String] = []

    /// Only reads, so it can run while the build is still loading.
    static func scan(_ root: String) throws -> StagingTree {
        var tree = StagingTree()
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            for entry in try OutputWriter.directoryEntries(folder) {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                switch entry.type {
                case .directory:
                    tree.folders.insert(path)
                    pending.append(path)
                case .regular:
                    tree.files.insert(path)
                case .other:
                    tree.others.append(path)
                }
            }
        }
        return tree
    }
}
