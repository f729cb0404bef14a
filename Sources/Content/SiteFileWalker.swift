#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Support

/// A file found under the site folder.
struct FoundFile: Sendable, Hashable {
    /// Relative to the site folder, `/`-separated: `content/beitraege/2022/armut.md`.
    var relativePath: String
    var absolutePath: String
}

/// Lists files below a folder of the site, sorted by path, without ever leaving the site folder:
/// a symbolic link that points outside is reported and skipped, and a link back up the tree
/// is not followed twice.
struct SiteFileWalker {
    let root: String
    private let realRoot: String

    init(siteDirectory: String) {
        root = URL(fileURLWithPath: siteDirectory).standardizedFileURL.path
        realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
    }

    func exists(_ relativeFolder: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: absolute(relativeFolder), isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    func absolute(_ relative: String) -> String { root + "/" + relative }

    /// Files below `relativeFolder`. Hidden files (`.DS_Store`, `.gitkeep`) are skipped except a
    /// `.well-known` folder; `subfolders` are reported back when not walked.
    func files(in relativeFolder: String, recursive: Bool) -> (files: [FoundFile], skippedFolders: [String],
                                                                 diagnostics: [Diagnostic]) {
        var files: [FoundFile] = []
        var skipped: [String] = []
        var diagnostics: [Diagnostic] = []
        var visited: Set<String> = []
        guard exists(relativeFolder) else { return ([], [], []) }
        guard let start = insideRealPath(relativeFolder, diagnostics: &diagnostics) else { return ([], [], diagnostics) }
        visited.insert(start)
        // Each folder with its resolved path: an entry that is no symbolic link resolves to that
        // path plus its name, which one lstat tells, instead of resolving every file's whole path.
        var pending = [(relative: relativeFolder, real: start)]
        while let (folder, folderReal) = pending.popLast() {
            for (name, listedKind) in entries(of: absolute(folder)) {
                if name.hasPrefix(".") && name != ".well-known" { continue }
                let relative = folder + "/" + name
                let real: String
                let isDirectory: Bool
                switch listedKind ?? plainEntryKind(absolute(relative)) {
                case .directory?:
                    real = folderReal + "/" + name
                    isDirectory = true
                case .other?:
                    real = folderReal + "/" + name
                    isDirectory = false
                case nil:
                    guard let resolved = insideRealPath(relative, diagnostics: &diagnostics) else { continue }
                    var directory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: resolved, isDirectory: &directory) else { continue }
                    real = resolved
                    isDirectory = directory.boolValue
                }
                if isDirectory {
                    if !recursive { skipped.append(relative); continue }
                    if visited.insert(real).inserted { pending.append((relative, real)) }
                } else {
                    files.append(FoundFile(relativePath: relative, absolutePath: absolute(relative)))
                }
            }
        }
        files.sort { $0.relativePath < $1.relativePath }
        return (files, skipped.sorted(), diagnostics)
    }

    private enum EntryKind { case directory, other }

    /// The folder's entries sorted by name, each with what `lstat` would tell of it when the
    /// listing knows it already (`d_type`; `.some(nil)`: a symbolic link): no `lstat` per file,
    /// which was most of walking 10,000 posts on one core. Falls back to `FileManager` (kinds unknown) when the
    /// folder cannot be opened or a name is no valid UTF-8, so such names are handled as before.
    private func entries(of folder: String) -> [(name: String, kind: EntryKind??)] {
        func fallback() -> [(name: String, kind: EntryKind??)] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.sorted().map { ($0, nil) }
        }
        guard let directory = opendir(folder) else { return fallback() }
        defer { closedir(directory) }
        var found: [(name: String, kind: EntryKind??)] = []
        while let entry = readdir(directory) {
            let (name, type) = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) {
                    (String(validatingCString: $0), entry.pointee.d_type)
                }
            }
            guard let name else { return fallback() }
            if name == "." || name == ".." { continue }
            let kind: EntryKind??
            switch Int32(type) {
            case Int32(DT_UNKNOWN): kind = nil
            case Int32(DT_DIR): kind = .some(.directory)
            case Int32(DT_LNK): kind = .some(nil)
            default: kind = .some(.other)
            }
            found.append((name, kind))
        }
        found.sort { $0.name < $1.name }
        return found
    }

    /// What an entry is when it is no symbolic link (one `lstat`); nil for a link or when `lstat`
    /// fails, which the full resolution then handles and reports.
    private func plainEntryKind(_ path: String) -> EntryKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return nil
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The resolved path when it stays inside the site folder; otherwise a diagnostic and `nil`.
    private func insideRealPath(_ relative: String, diagnostics: inout [Diagnostic]) -> String? {
        let real = URL(fileURLWithPath: absolute(relative)).resolvingSymlinksInPath().path
        if real == realRoot || real.hasPrefix(realRoot + "/") {
            guard FileManager.default.fileExists(atPath: real) else {
                diagnostics.append(.warning(
                    "broken-symlink", at: SourceLocation(file: relative),
                    "„\(relative)“ ist eine Verknüpfung auf eine Datei, die es nicht gibt; sie wird übersprungen.",
                    hint: "Löschen Sie die Verknüpfung oder legen Sie die Datei selbst an diese Stelle."))
                return nil
            }
            return real
        }
        diagnostics.append(.error(
            "path-outside-site", at: SourceLocation(file: relative),
            "„\(relative)“ verweist auf eine Datei außerhalb des Website-Ordners und wird nicht verwendet.",
            hint: "Kopieren Sie die Datei in den Website-Ordner, statt eine Verknüpfung (Symlink) anzulegen."))
        return nil
    }
}
