import Foundation
import Testing
@testable import TestFolders

/// The test infrastructure itself: a test run must not leave folders behind.
@Suite("TemporaryFolder")
struct TemporaryFolderTests {
    @Test("paths are new, distinct and inside this process's root")
    func pathsInsideRoot() {
        let a = TemporaryFolder.path("probe"), b = TemporaryFolder.path("probe")
        #expect(a != b)
        #expect(a.hasPrefix(TemporaryFolder.rootPath(for: getpid()) + "/probe-"))
        #expect(!FileManager.default.fileExists(atPath: a))
    }

    @Test("a root left by a process that no longer runs is removed, a live one is kept")
    func staleRootsRemoved() throws {
        let parent = TemporaryFolder.path("eltern")
        // PIDs on Linux stay below 2^22; this one cannot be running.
        let stale = parent + "/" + TemporaryFolder.prefix + "99999999"
        let live = parent + "/" + TemporaryFolder.prefix + String(getppid())
        let foreign = parent + "/anderes-12"
        for folder in [stale, live, foreign] {
            try FileManager.default.createDirectory(atPath: folder + "/inhalt", withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(atPath: parent) }
        TemporaryFolder.removeStaleRoots(in: parent)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live + "/inhalt"))
        #expect(FileManager.default.fileExists(atPath: foreign + "/inhalt"))
    }
}
