import Foundation
import Testing
@testable import DevServer

/// Nothing outside the output folder can be read, however the path is written.
struct PreviewPathTests {
    let root: String
    let outside: String

    init() throws {
        root = PreviewSite.temporaryDirectory("ausgabe")
        outside = PreviewSite.temporaryDirectory("draussen")
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/2023/05/beitrag", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "<p>Start</p>".write(toFile: root + "/index.html", atomically: false, encoding: .utf8)
        try "<p>Beitrag</p>".write(toFile: root + "/2023/05/beitrag/index.html", atomically: false, encoding: .utf8)
        try "Redirect 301".write(toFile: root + "/.htaccess", atomically: false, encoding: .utf8)
        try "geheim".write(toFile: outside + "/geheim.txt", atomically: false, encoding: .utf8)
        try "%2e".write(toFile: root + "/%2e", atomically: false, encoding: .utf8)
        try fm.createSymbolicLink(atPath: root + "/nach-draussen", withDestinationPath: outside + "/geheim.txt")
        try fm.createSymbolicLink(atPath: root + "/ordner-draussen", withDestinationPath: outside)
        try fm.createSymbolicLink(atPath: root + "/innen", withDestinationPath: root + "/2023/05/beitrag/index.html")
    }

    func resolve(_ path: String) -> PreviewPath.Resolution { PreviewPath.resolve(path, root: root) }

    @Test func servesFilesAndFolderIndexes() throws {
        let real = try #require(PreviewPath.realPath(root))
        #expect(resolve("/") == .file(real + "/index.html"))
        #expect(resolve("/2023/05/beitrag/") == .file(real + "/2023/05/beitrag/index.html"))
        #expect(resolve("/2023/05/beitrag/index.html") == .file(real + "/2023/05/beitrag/index.html"))
        #expect(resolve("/2023/05/beitrag") == .redirect("/2023/05/beitrag/"))
        #expect(resolve("/gibt/es/nicht/") == .notFound)
        // A link inside the folder pointing inside is fine.
        #expect(resolve("/innen") == .file(real + "/2023/05/beitrag/index.html"))
    }

    @Test(arguments: [
        "/../etc/passwd", "/..", "/2023/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2e%2e/etc/passwd",
        "/..%2fetc%2fpasswd", "/2023/%2e%2e/%2e%2e/etc/passwd", "/.%2e/etc/passwd", "/./index.html",
        "/..\\etc\\passwd", "/%5c..%5cetc", "/index.html%00.txt", "/%00", "etc/passwd", "//etc/passwd",
        "/2023//05/beitrag/", "/.htaccess", "/%2ehtaccess", "/%zz", "/nach-draussen", "/ordner-draussen/geheim.txt",
    ])
    func refusesEverythingThatLeavesTheFolder(path: String) {
        let result = resolve(path)
        #expect(result == .refused || result == .notFound, "\(path) → \(result)")
        if case .file = result { Issue.record("\(path) wurde ausgeliefert") }
    }

    @Test func decodesOnlyOnce() throws {
        // %252e decodes to the literal name „%2e“, a file of the site, never to „.“.
        let real = try #require(PreviewPath.realPath(root))
        #expect(resolve("/%252e") == .file(real + "/%2e"))
        #expect(resolve("/%252e%252e/etc/passwd") == .notFound)
    }

    @Test func mediaTypes() {
        #expect(MediaTypes.of(path: "/a/index.html") == "text/html; charset=utf-8")
        #expect(MediaTypes.of(path: "x.CSS") == "text/css; charset=utf-8")
        #expect(MediaTypes.of(path: "x.js") == "text/javascript; charset=utf-8")
        #expect(MediaTypes.of(path: "x.svg") == "image/svg+xml")
        #expect(MediaTypes.of(path: "feed.xml") == "application/xml; charset=utf-8")
        #expect(MediaTypes.of(path: "feed.json") == "application/feed+json; charset=utf-8")
        #expect(MediaTypes.of(path: "daten.json") == "application/json; charset=utf-8")
        #expect(MediaTypes.of(path: "f.woff2") == "font/woff2")
        #expect(MediaTypes.of(path: "b.png") == "image/png")
        #expect(MediaTypes.of(path: "b.jpg") == "image/jpeg")
        #expect(MediaTypes.of(path: "b.webp") == "image/webp")
        #expect(MediaTypes.of(path: "robots.txt") == "text/plain; charset=utf-8")
        #expect(MediaTypes.of(path: "unbekannt.xyz") == "application/octet-stream")
        #expect(MediaTypes.of(path: ".htaccess") == "application/octet-stream")
    }
}
