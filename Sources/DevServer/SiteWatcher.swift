import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Tells the preview when a file of the site changes: site-config.json and everything below
/// content/, themes/ and data/. On Linux through inotify, with a watch on every folder (new
/// folders are watched as they appear); elsewhere, or when inotify is not available, by looking
/// at the files every 200 ms. It only reports; the incremental build finds out what changed.
final class SiteWatcher: Sendable {
    static let roots = ["content", "themes", "data"]
    static let rootFiles: Set<String> = ["site-config.json"]

    let siteDirectory: String
    private let onChange: @Sendable ([String]) -> Void
    private let running = Atomic<Bool>(false)
    let pollInterval: Duration
    /// True when inotify is used (tests and `serve` say which way the watcher works).
    let usesInotify: Bool

    /// `forcePolling` is for tests of the fallback.
    init(siteDirectory: String, forcePolling: Bool = false, pollInterval: Duration = .milliseconds(200),
         onChange: @escaping @Sendable ([String]) -> Void) {
        self.siteDirectory = siteDirectory
        self.onChange = onChange
        self.pollInterval = pollInterval
        #if canImport(Glibc)
        usesInotify = !forcePolling
        #else
        usesInotify = false
        #endif
    }

    func start() {
        guard running.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged else {
            return
        }
        let thread = Thread { [self] in
            #if canImport(Glibc)
            if usesInotify, watchWithInotify() { return }
            #endif
            watchByPolling()
        }
        thread.name = "sozialsite-beobachter"
        thread.start()
    }

    func stop() {
        running.store(false, ordering: .sequentiallyConsistent)
    }

    var isRunning: Bool { running.load(ordering: .sequentiallyConsistent) }

    // MARK: polling

    private func watchByPolling() {
        var last = snapshot()
        while isRunning {
            Thread.sleep(forTimeInterval: Double(pollInterval.components.attoseconds) / 1e18
                         + Double(pollInterval.components.seconds))
            let now = snapshot()
            if now != last {
                let changed = Set(now.keys).union(last.keys).filter { now[$0] != last[$0] }.sorted()
                last = now
                onChange(changed)
            }
        }
    }

    /// Size and modification time of every watched file.
    func snapshot() -> [String: [Int64]] {
        var result: [String: [Int64]] = [:]
        var pending = Self.roots + Self.rootFiles.sorted()
        while let relative = pending.popLast() {
            let path = siteDirectory + "/" + relative
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                    pending.append(relative + "/" + name)
                }
            } else {
                result[relative] = [Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec)]
            }
        }
        return result
    }

    // MARK: inotify

    #if canImport(Glibc)
    /// False when inotify cannot be used (the caller then polls).
    private func watchWithInotify() -> Bool {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB
                          | IN_DELETE_SELF | IN_ONLYDIR)
        var folders: [Int32: String] = [:]  // watch → folder relative to the site ("" is the site)
        func watch(_ relative: String) {
            let path = relative.isEmpty ? siteDirectory : siteDirectory + "/" + relative
            let wd = inotify_add_watch(fd, path, mask)
            guard wd >= 0 else { return }
            folders[wd] = relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                let child = relative.isEmpty ? name : relative + "/" + name
                if relative.isEmpty && !Self.roots.contains(name) { continue }
                var info = stat()
                if lstat(siteDirectory + "/" + child, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { watch(child) }
            }
        }
        watch("")
        guard !folders.isEmpty else { return false }

        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while isRunning {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            guard count > 0 else { continue }
            var changed: [String] = []
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (wd, eventMask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let name = String(decoding: buffer[nameStart..<min(count, nameStart + length)].prefix { $0 != 0 }, as: UTF8.self)
                offset = nameStart + length
                if eventMask & UInt32(IN_Q_OVERFLOW) != 0 { changed.append(""); continue }
                guard let folder = folders[wd] else { continue }
                if eventMask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil; continue }
                if folder.isEmpty && !(Self.roots.contains(name) || Self.rootFiles.contains(name)) { continue }
                let path = folder.isEmpty ? name : (name.isEmpty ? folder : folder + "/" + name)
                if eventMask & UInt32(IN_ISDIR) != 0, eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    watch(path)
                }
                changed.append(path)
            }
            if !changed.isEmpty { onChange(changed) }
        }
        return true
    }
    #endif
}
