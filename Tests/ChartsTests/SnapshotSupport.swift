import Foundation
import Testing

/// Compares `text` with `Snapshots/<name>` from the test bundle. A missing or different snapshot
/// fails, unless `SNAPSHOT_RECORD=1`: then the file is written into the source folder next to
/// this file (found from `#filePath`) and the test passes; rebuild to compare against it.
func assertSnapshot(_ text: String, named name: String, filePath: String = #filePath,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    let sourceFolder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    if record {
        do {
            try FileManager.default.createDirectory(at: sourceFolder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: sourceFolder.appendingPathComponent(name))
        } catch {
            Issue.record("Snapshot \(name) could not be written: \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let url = snapshotURL(name), let data = try? Data(contentsOf: url) else {
        Issue.record("Snapshot \(name) is missing; run with SNAPSHOT_RECORD=1 to record it.", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != text {
        let firstDifference = zip(expected.split(separator: "\n", omittingEmptySubsequences: false),
                                  text.split(separator: "\n", omittingEmptySubsequences: false))
            .enumerated().first { $0.element.0 != $0.element.1 }
        let detail = firstDifference.map { "line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)" }
            ?? "lengths differ (\(expected.count) vs \(text.count) characters)"
        Issue.record("Snapshot \(name) differs at \(detail)", sourceLocation: sourceLocation)
    }
}

func snapshotURL(_ name: String) -> URL? {
    Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Snapshots")
}

/// Names of all recorded snapshot files of a given extension.
func snapshotNames(withExtension ext: String) -> [String] {
    guard let folder = Bundle.module.url(forResource: "Snapshots", withExtension: nil),
          let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
    return names.filter { $0.hasSuffix("." + ext) }.sorted()
}

func snapshotText(_ name: String) -> String? {
    snapshotURL(name).flatMap { try? Data(contentsOf: $0) }.map { String(decoding: $0, as: UTF8.self) }
}
