import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths for throwaway folders of tests. They all live under one root per test process, which is
/// removed when the process exits, so a test run leaves nothing behind in the system's temporary
/// folder (a full run makes thousands of site and output folders). Roots left by a test process
/// that crashed are removed by the next run.
public enum TemporaryFolder {
    /// A new, not yet existing path `…/<name>-<UUID>` inside this process's root.
    public static func path(_ name: String) -> String {
        root + "/" + name + "-" + UUID().uuidString
    }

    static let prefix = "sozialsite-tests-"

    /// Created on first use, together with the exit handler that removes it.
    static let root: String = {
        let parent = NSTemporaryDirectory()
        removeStaleRoots(in: parent)
        let root = rootPath(for: getpid())
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        atexit { TemporaryFolder.removeRoot() }
        return root
    }()

    static func rootPath(for pid: pid_t) -> String {
        (NSTemporaryDirectory() as NSString).appendingPathComponent(prefix + String(pid))
    }

    static func removeRoot() {
        try? FileManager.default.removeItem(atPath: rootPath(for: getpid()))
    }

    /// Roots of test processes that no longer run.
    static func removeStaleRoots(in parent: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(name))
            }
        }
    }
}
