#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `lstat` says about a file: enough to tell that it changed without reading it (like git
/// and make do). An editor that saves a file changes its modification time or size; a file
/// replaced by another (rename over it) changes its inode.
struct FileFingerprint: Sendable, Hashable {
    var size: Int64
    /// Modification time in nanoseconds since 1970.
    var modified: Int64
    var inode: UInt64
    /// Regular file, folder, symbolic link or other (`S_IFMT` bits).
    var kind: UInt32

    static let regularFile = UInt32(S_IFREG)
    static let directory = UInt32(S_IFDIR)
    static let symbolicLink = UInt32(S_IFLNK)

    var isRegularFile: Bool { kind == Self.regularFile }

    /// Nil when the path does not exist.
    static func of(_ path: String) -> FileFingerprint? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileFingerprint(info)
    }

    /// Like `of`, but follows a symbolic link to the file it points to (copied files).
    static func following(_ path: String) -> FileFingerprint? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileFingerprint(info)
    }

    init(size: Int64, modified: Int64, inode: UInt64, kind: UInt32) {
        self.size = size
        self.modified = modified
        self.inode = inode
        self.kind = kind
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        inode = UInt64(info.st_ino)
        kind = UInt32(info.st_mode) & UInt32(S_IFMT)
    }

    func add(to hash: inout StableHash) {
        hash.add(UInt64(bitPattern: size))
        hash.add(UInt64(bitPattern: modified))
        hash.add(inode)
        hash.add(UInt64(kind))
    }
}

/// Every entry below a folder with its fingerprint, by path relative to the site folder, read with
/// plain `readdir`/`lstat` (about five times faster than Foundation's walk: the incremental build
/// does this on every save). Hidden entries are skipped like the content loader skips them.
/// Symbolic links are listed, not followed: the loader decides what they mean.
enum FolderScan {
    /// Folders in `skipping` (relative paths) are left out with everything below them.
    static func entries(siteDirectory: String, folder: String, into result: inout [String: FileFingerprint],
                        skipping: Set<String> = []) {
        guard !skipping.contains(folder) else { return }
        var pending = [folder]
        while let relative = pending.popLast() {
            guard let directory = opendir(siteDirectory + "/" + relative) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name.hasPrefix(".") && name != ".well-known" { continue }
                let path = relative + "/" + name
                guard !skipping.contains(path), let fingerprint = FileFingerprint.of(siteDirectory + "/" + path) else { continue }
                result[path] = fingerprint
                if fingerprint.kind == FileFingerprint.directory { pending.append(path) }
            }
        }
    }

    static func entries(siteDirectory: String, folder: String) -> [String: FileFingerprint] {
        var result: [String: FileFingerprint] = [:]
        entries(siteDirectory: siteDirectory, folder: folder, into: &result)
        return result
    }
}
