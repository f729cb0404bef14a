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
        var pending = [relativeFolder]
        while let folder = pending.popLast() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: absolute(folder))) ?? []
            for name in names.sorted() {
                if name.hasPrefix(".") && name != ".well-known" { continue }
                let relative = folder + "/" + name
                guard let real = insideRealPath(relative, diagnostics: &diagnostics) else { continue }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if !recursive { skipped.append(relative); continue }
                    if visited.insert(real).inserted { pending.append(relative) }
                } else {
                    files.append(FoundFile(relativePath: relative, absolutePath: absolute(relative)))
                }
            }
        }
        files.sort { $0.relativePath < $1.relativePath }
        return (files, skipped.sorted(), diagnostics)
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
