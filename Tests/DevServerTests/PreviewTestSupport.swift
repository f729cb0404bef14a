import Foundation
import TestFolders
#if canImport(Glibc)
import Glibc
#endif

/// A small site for preview tests: the repository's theme, two Handlungsfelder, three posts
/// (one a draft, one scheduled), a page.
struct PreviewSite: Sendable {
    let root: String
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    init() throws {
        root = Self.temporaryDirectory("vorschau-seite")
        try FileManager.default.createDirectory(atPath: root + "/themes", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.repoRoot + "/themes/standard", toPath: root + "/themes/standard")
        try write("site-config.json", """
            {"baseURL": "https://example.org", "title": "Vorschautest", "description": "Test", "language": "de-DE",
             "timeZone": "Europe/Berlin", "theme": "standard", "itemsPerPage": 5}
            """)
        for (slug, order) in [("arbeit", 1), ("bildung", 4)] {
            try write("content/handlungsfelder/\(slug).md",
                      "---\ntitle: \(slug.uppercased())\nlabel: \(slug.capitalized)\norder: \(order)\nsummary: \(slug).\n---\nText.\n")
        }
        try write("content/beitraege/erster.md",
                  "---\ntitle: Erster Beitrag\ndate: 2023-04-26\nhandlungsfelder: [arbeit]\ntags: [Ehrenamt]\n---\nHallo Welt.\n")
        try write("content/beitraege/entwurf.md",
                  "---\ntitle: Noch nicht fertig\ndate: 2023-05-02\nhandlungsfelder: [bildung]\ndraft: true\n---\nEntwurf.\n")
        try write("content/beitraege/geplant.md",
                  "---\ntitle: Kommt noch\ndate: 2099-01-01\nhandlungsfelder: [bildung]\n---\nSpäter.\n")
        try write("content/seiten/impressum.md", "---\ntitle: Impressum\n---\nAngaben.\n")
    }

    static func temporaryDirectory(_ name: String) -> String {
        TemporaryFolder.path("sozialsite-test-\(name)")
    }

    func write(_ relative: String, _ text: String) throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }
}

/// HTTP/1.1 over a plain socket: the request line goes out exactly as written (`/../x`, `%2e`),
/// which URLSession would normalise.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// `get` on a thread of its own: a blocking read on one of the few threads of Swift's
    /// concurrency pool would starve the server, which runs in this process.
    static func fetch(_ target: String, port: UInt16, method: String = "GET", host: String? = nil) async throws -> Response {
        try await offPool { try get(target, port: port, method: method, host: host) }
    }

    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    static func get(_ target: String, port: UInt16, method: String = "GET", host: String? = nil) throws -> Response {
        let fd = try connect(port: port)
        defer { close(fd) }
        try send(fd, "\(method) \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n")
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        return try parse(data)
    }

    static func connect(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        // Generous: under a full parallel test run on two busy cores a first answer can take seconds.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw Failure("keine Verbindung zu Port \(port)") }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else { throw Failure("Senden fehlgeschlagen") }
    }

    static func parse(_ data: [UInt8]) throws -> Response {
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure("keine Antwort: \(text.prefix(200))") }
        let head = text[..<split.lowerBound].split(separator: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ")[1]) else {
            throw Failure("keine Statuszeile")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
    }

    /// Reads an event stream until `until` is true about what arrived, or the time is up.
    final class EventStream: @unchecked Sendable {
        let fd: Int32
        private(set) var received = ""

        init(port: UInt16) throws {
            fd = try RawHTTP.connect(port: port)
            var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            try RawHTTP.send(fd, "GET /__sozialsite/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        }

        deinit { close(fd) }

        /// The `data:` lines of `stand` events so far.
        var stands: [String] {
            received.components(separatedBy: "\n").filter { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        }

        /// `wait` off the concurrency pool (see `fetch`).
        func waitAsync(seconds: Double, until done: @escaping @Sendable (EventStream) -> Bool) async -> Bool {
            (try? await RawHTTP.offPool { self.wait(seconds: seconds, until: done) }) ?? false
        }

        @discardableResult
        func wait(seconds: Double, until done: (EventStream) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while Date() < deadline {
                if done(self) { return true }
                let n = read(fd, &buffer, buffer.count)
                if n > 0 { received += String(decoding: buffer[0..<n], as: UTF8.self) }
            }
            return done(self)
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
