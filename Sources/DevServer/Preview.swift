import FlyingFox
import FlyingSocks
import Foundation
import Pipeline
import Support
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `sozialsite serve`: builds the site with drafts and scheduled posts, serves the output folder
/// on 127.0.0.1, watches the site's files, rebuilds only what a change affects and tells the open
/// tabs to reload. Content errors never stop it: the tab shows them in an overlay and the last
/// good build stays online until the next save fixes them.
public final class Preview: Sendable {
    public struct Options: Sendable {
        public var siteDirectory: String
        public var outputDirectory: String
        /// First port to try; 0 lets the system choose (tests).
        public var port: UInt16
        /// How many ports after `port` to try when it is taken.
        public var portAttempts: Int
        /// Quiet time after a change before building, so one save (several file events) is one build.
        public var debounce: Duration
        /// Keep the build state in `.sozialsite-cache/` so a restart does not build everything again.
        public var useDiskCache: Bool
        /// Look at the files every 200 ms instead of using inotify.
        public var forcePolling: Bool

        public init(siteDirectory: String, outputDirectory: String, port: UInt16 = 8080, portAttempts: Int = 20,
                    debounce: Duration = .milliseconds(20), useDiskCache: Bool = true, forcePolling: Bool = false) {
            self.siteDirectory = siteDirectory
            self.outputDirectory = outputDirectory
            self.port = port
            self.portAttempts = portAttempts
            self.debounce = debounce
            self.useDiskCache = useDiskCache
            self.forcePolling = forcePolling
        }
    }

    public let options: Options
    private let log: @Sendable (String) -> Void
    private let events: ReloadEvents
    private let status: PreviewStatus
    private let instance: String
    private let loop: Mutex<Loop>
    private let wakeUp = DispatchSemaphore(value: 0)
    private let server: Mutex<HTTPServer?> = Mutex(nil)
    /// The newest state not yet written to `.sozialsite-cache/` (written on a queue of its own, so
    /// the next build does not wait for it; a newer state replaces one not yet written).
    private let unsaved: Mutex<BuildState?> = Mutex(nil)
    private let saving = DispatchQueue(label: "sozialsite-vorschau-zwischenspeicher")
    private let watcher: Mutex<SiteWatcher?> = Mutex(nil)

    private struct Loop: Sendable {
        var state: BuildState?
        var builds = 0
        var pending: Set<String> = []
        var running = false
        var lastReport: BuildReport?
        var lastErrors: [Diagnostic] = []
    }

    public init(options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
        instance = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        events = ReloadEvents(stand: instance + "-0")
        status = PreviewStatus(stand: instance + "-0")
        loop = Mutex(Loop())
    }

    /// Builds that finished since the start (tests and benchmarks wait for the next one).
    public var builds: Int { loop.withLock { $0.builds } }

    public var lastReport: BuildReport? { loop.withLock { $0.lastReport } }

    /// The name of the newest build, as the event stream sends it.
    public var stand: String { status.snapshot.stand }

    /// Builds once, starts serving and watching; returns the port it listens on.
    public func start() async throws -> UInt16 {
        try FileManager.default.createDirectory(atPath: options.outputDirectory, withIntermediateDirectories: true)
        loop.withLock { $0.running = true }
        if options.useDiskCache {
            loop.withLock { $0.state = BuildCache.load(buildOptions()) }
        }
        // Watching starts before the first build, so nothing saved during it is missed.
        let watcher = SiteWatcher(siteDirectory: options.siteDirectory, forcePolling: options.forcePolling) { [weak self] paths in
            self?.changed(paths)
        }
        self.watcher.withLock { $0 = watcher }
        watcher.start()
        rebuild(changed: [])
        let port = try await listen()
        let thread = Thread { [weak self] in self?.buildLoop() }
        thread.name = "sozialsite-vorschau"
        thread.start()
        Task.detached { [weak self] in
            while let self, self.loop.withLock({ $0.running }) {
                try? await Task.sleep(for: .seconds(10))
                self.events.heartbeat()
            }
        }
        return port
    }

    /// Stops serving and watching; open tabs lose their event stream.
    public func stop() async {
        loop.withLock { $0.running = false }
        wakeUp.signal()
        watcher.withLock { $0?.stop() }
        events.finishAll()
        if let server = server.withLock({ $0 }) { await server.stop(timeout: 1) }
    }

    /// Blocks until `stop()` (the command runs until Ctrl-C ends the process).
    public func wait() async {
        while loop.withLock({ $0.running }) { try? await Task.sleep(for: .milliseconds(200)) }
    }

    // MARK: building

    func buildOptions() -> BuildOptions {
        BuildOptions(siteDirectory: options.siteDirectory, outputDirectory: options.outputDirectory, includeDrafts: true,
                     now: Date())
    }

    private func changed(_ paths: [String]) {
        loop.withLock { $0.pending.formUnion(paths) }
        wakeUp.signal()
    }

    private func buildLoop() {
        while loop.withLock({ $0.running }) {
            wakeUp.wait()
            guard loop.withLock({ $0.running }) else { return }
            // Let a burst of events (an editor writes, renames, sets permissions) settle into one
            // build: wait until `debounce` passes without a new one, at most ten times over.
            for _ in 0..<10 {
                Thread.sleep(forTimeInterval: Self.seconds(options.debounce))
                var more = false
                while wakeUp.wait(timeout: .now()) == .success { more = true }
                if !more { break }
            }
            let paths = loop.withLock { state -> [String] in
                defer { state.pending.removeAll() }
                return state.pending.sorted()
            }
            rebuild(changed: paths)
        }
    }

    /// One build; publishes a new stand when the output or the errors changed.
    private func rebuild(changed paths: [String]) {
        let clock = ContinuousClock()
        let start = clock.now
        let previous = loop.withLock { $0.state }
        // The watcher's paths spare the build a look at every post (an overflow reports "").
        let (report, state) = IncrementalBuild.build(buildOptions(), previous: previous, changed: paths)
        let elapsed = clock.now - start
        let errors = report.succeeded ? [] : report.diagnostics.errors
        let (builds, errorsChanged) = loop.withLock { loop -> (Int, Bool) in
            loop.builds += 1
            loop.lastReport = report
            defer { loop.lastErrors = errors }
            return (loop.builds, loop.lastErrors != errors)
        }
        let first = builds == 1
        if first || report.written > 0 || errorsChanged {
            let stand = "\(instance)-\(builds)"
            status.update(stand: stand, errors: errors)
            events.publish(stand: stand)
        }
        // After the tabs know: keeping the state and writing the cache are not what the editor waits for.
        loop.withLock { $0.state = state }
        log(Self.describe(report, changed: paths, seconds: Self.seconds(elapsed), first: first))
        if options.useDiskCache, report.succeeded { saveLater(state) }
    }

    private func saveLater(_ state: BuildState) {
        let first = unsaved.withLock { pending -> Bool in
            var next = state
            // Bodies a skipped state rendered must still reach their cache files.
            if let skipped = pending { next.mergeFreshBodies(of: skipped) }
            defer { pending = next }
            return pending == nil
        }
        guard first else { return }
        writeWhenQuiet(after: builds)
    }

    /// Writes the pending state once no build ran for two seconds: while an editor keeps saving,
    /// the cache (only needed for the next start) does not take the processor from the builds.
    private func writeWhenQuiet(after count: Int) {
        let options = buildOptions()
        saving.asyncAfter(deadline: .now() + 2) { [weak self] in
            guard let self else { return }
            let now = self.builds
            guard now == count else { return self.writeWhenQuiet(after: now) }
            guard let state = self.unsaved.withLock({ pending -> BuildState? in
                defer { pending = nil }
                return pending
            }) else { return }
            BuildCache.save(state, for: options)
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func describe(_ report: BuildReport, changed: [String], seconds: Double, first: Bool) -> String {
        let time = GermanFormat.number(seconds, decimals: seconds < 10 ? 2 : 1, grouping: false) + " s"
        var lines: [String] = []
        if !changed.isEmpty {
            let shown = changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? " und \(changed.count - 3) weitere" : "")
            lines.append("Geändert: \(shown)")
        }
        if report.succeeded {
            lines.append((first ? "Gebaut" : "Neu gebaut") + " in \(time): \(report.written) Dateien neu geschrieben, "
                         + "\(report.unchanged) unverändert.")
        } else {
            let errors = report.diagnostics.errors.sortedForReport()
            lines.append("\(errors.count == 1 ? "1 Fehler" : "\(errors.count) Fehler") – die Vorschau zeigt sie im Browser "
                         + "und behält bis zur Korrektur den letzten fehlerfreien Stand:")
            lines += errors.map { "  " + $0.description.replacingOccurrences(of: "\n", with: "\n  ") }
        }
        let warnings = report.diagnostics.warnings.count
        if warnings > 0 { lines.append(warnings == 1 ? "1 Warnung (sozialsite build zeigt sie)." : "\(warnings) Warnungen (sozialsite build zeigt sie).") }
        return lines.joined(separator: "\n")
    }

    // MARK: serving

    private func listen() async throws -> UInt16 {
        let handler = PreviewHandler(root: options.outputDirectory, events: events, status: status)
        let candidates: [UInt16] = options.port == 0 ? [0]
            : (0..<UInt16(max(1, options.portAttempts))).compactMap { options.port.addingReportingOverflow($0).overflow ? nil : options.port + $0 }
        for port in candidates where port == 0 || Self.isFree(port) {
            let server = HTTPServer(address: try .inet(ip4: DevServer.host, port: port), timeout: 15,
                                    pool: NoDelayPool(base: HTTPServer.defaultPool()), logger: .disabled,
                                    handler: handler)
            let failed = Atomic<Bool>(false)
            Task.detached {
                do { try await server.run() } catch { failed.store(true, ordering: .sequentiallyConsistent) }
            }
            for _ in 0..<300 where !failed.load(ordering: .sequentiallyConsistent) {
                if await server.isListening { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            guard await server.isListening, case .ip4(_, let bound)? = await server.listeningAddress else { continue }
            self.server.withLock { $0 = server }
            if port != 0 && port != options.port {
                log("Port \(options.port) ist belegt; die Vorschau nimmt Port \(port).")
            }
            return bound
        }
        throw PreviewError.noFreePort(first: options.port, attempts: options.portAttempts)
    }

    /// Whether nothing listens on 127.0.0.1:`port` (binding tells; the socket is closed at once).
    static func isFree(_ port: UInt16) -> Bool {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr(DevServer.host)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        #else
        return true
        #endif
    }
}

public enum PreviewError: Error, CustomStringConvertible {
    case noFreePort(first: UInt16, attempts: Int)

    public var description: String {
        switch self {
        case .noFreePort(let first, let attempts):
            "Auf 127.0.0.1 ist keiner der Ports \(first) bis \(Int(first) + attempts - 1) frei. "
                + "Beenden Sie eine andere Vorschau oder wählen Sie mit --port einen anderen Port."
        }
    }
}
