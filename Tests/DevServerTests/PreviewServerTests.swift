import Foundation
import Synchronization
import Testing
@testable import DevServer
import Support

/// The preview as a browser and an attacker see it: a server on 127.0.0.1 with an ephemeral port.
@Suite(.serialized) struct PreviewServerTests {
    func start(_ site: PreviewSite, forcePolling: Bool = false) async throws -> (Preview, UInt16) {
        let preview = Preview(options: Preview.Options(siteDirectory: site.root,
                                                       outputDirectory: PreviewSite.temporaryDirectory("vorschau-aus"),
                                                       port: 0, useDiskCache: false, forcePolling: forcePolling)) { _ in }
        let port = try await preview.start()
        return (preview, port)
    }

    @Test func servesPagesWithTheReloadScriptAndRightTypes() async throws {
        let site = try PreviewSite()
        let (preview, port) = try await start(site)
        defer { Task { await preview.stop() } }
        let home = try await RawHTTP.fetch("/", port: port)
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.body.contains("<script src=\"/__sozialsite/vorschau.js\" data-stand=\"\(preview.stand)\" defer></script>"))
        // Drafts and scheduled posts are in the preview, with their badge.
        #expect(home.body.contains("Noch nicht fertig") && home.body.contains(">Entwurf</span>"))
        #expect(home.body.contains("Kommt noch") && home.body.contains(">Geplant</span>"))
        // The files on disk stay as `build` writes them: no script.
        let file = try String(contentsOfFile: preview.options.outputDirectory + "/index.html", encoding: .utf8)
        #expect(!file.contains("__sozialsite"))

        let css = try await RawHTTP.fetch("/assets/css/site.css", port: port)
        #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(!css.body.contains("__sozialsite"))
        #expect(try await RawHTTP.fetch("/feed.xml", port: port).headers["content-type"] == "application/xml; charset=utf-8")
        #expect(try await RawHTTP.fetch("/__sozialsite/vorschau.js", port: port).body.contains("EventSource"))
        let folder = try await RawHTTP.fetch("/impressum", port: port)
        #expect(folder.status == 301 && folder.headers["location"] == "/impressum/")
        let missing = try await RawHTTP.fetch("/gibt/es/nicht/", port: port)
        #expect(missing.status == 404 && missing.body.contains("__sozialsite/vorschau.js"))
        let head = try await RawHTTP.fetch("/", port: port, method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty && Int(head.headers["content-length"] ?? "") == home.body.utf8.count)
        #expect(try await RawHTTP.fetch("/", port: port, method: "POST").status == 405)
        // Only under its own names: no DNS rebinding through a foreign domain.
        #expect(try await RawHTTP.fetch("/", port: port, host: "localhost:\(port)").status == 200)
        let foreign = try await RawHTTP.fetch("/", port: port, host: "boese.example:\(port)")
        #expect(foreign.status == 403 && !foreign.body.contains("Vorschautest"))
    }

    @Test func refusesPathsOutsideTheOutputOverHTTP() async throws {
        let site = try PreviewSite()
        let (preview, port) = try await start(site)
        defer { Task { await preview.stop() } }
        // A file next to the output folder and a link to it inside.
        let secret = PreviewSite.temporaryDirectory("geheim")
        try "GEHEIMNIS".write(toFile: secret, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: preview.options.outputDirectory + "/verweis.txt",
                                                   withDestinationPath: secret)
        for target in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
                       "/%252e%252e/%252e%252e/etc/passwd", "/..\\..\\etc\\passwd", "/%5c..%5c..%5cetc%5cpasswd",
                       "/index.html%00", "/verweis.txt", "/.sozialsite-ausgabe", "//etc/passwd",
                       "/" + String(repeating: "../", count: 12) + "etc/passwd"] {
            let response = try await RawHTTP.fetch(target, port: port)
            #expect([400, 403, 404].contains(response.status), "\(target) → \(response.status)")
            #expect(!response.body.contains("root:") && !response.body.contains("GEHEIMNIS"), "\(target)")
        }
    }

    @Test func reloadEventAfterAChangeAndErrorOverlayUntilFixed() async throws {
        let site = try PreviewSite()
        let (preview, port) = try await start(site)
        defer { Task { await preview.stop() } }
        let events = try RawHTTP.EventStream(port: port)
        #expect(await events.waitAsync(seconds: 5) { $0.stands.count >= 1 })
        let first = try #require(events.stands.first)
        #expect(first == preview.stand)

        // A change: the watcher notices, the build runs, the tab hears about it.
        try site.write("content/beitraege/erster.md",
                       "---\ntitle: Erster Beitrag\ndate: 2023-04-26\nhandlungsfelder: [arbeit]\n---\nGeänderter Text.\n")
        #expect(await events.waitAsync(seconds: 10) { $0.stands.count >= 2 }, "kein Ereignis nach der Änderung: \(events.received)")
        let page = try await RawHTTP.fetch("/2023/04/erster-beitrag/", port: port)
        #expect(page.body.contains("Geänderter Text."))
        #expect(!page.body.contains("sozialsite-fehler"))

        // An error: the server stays up, the overlay names file, line and the German message.
        try site.write("content/beitraege/erster.md",
                       "---\ntitle: Erster Beitrag\ndate: 2023-04-26\nhandlungsfelder: [arbeitt]\n---\nText.\n")
        #expect(await events.waitAsync(seconds: 10) { $0.stands.count >= 3 })
        let broken = try await RawHTTP.fetch("/", port: port)
        #expect(broken.status == 200)
        #expect(broken.body.contains("role=\"alertdialog\""))
        #expect(broken.body.contains("content/beitraege/erster.md:4:"))
        #expect(broken.body.contains("arbeit"))  // the hint suggests the right slug
        #expect(broken.body.contains("Die Vorschau ist nicht aktuell: 1 Fehler"))
        // The last good build is still served.
        #expect(try await RawHTTP.fetch("/2023/04/erster-beitrag/", port: port).body.contains("Geänderter Text."))

        // Fixed: a new event, and the overlay is gone.
        try site.write("content/beitraege/erster.md",
                       "---\ntitle: Erster Beitrag\ndate: 2023-04-26\nhandlungsfelder: [arbeit]\n---\nWieder gut.\n")
        #expect(await events.waitAsync(seconds: 10) { $0.stands.count >= 4 })
        let fixed = try await RawHTTP.fetch("/2023/04/erster-beitrag/", port: port)
        #expect(fixed.body.contains("Wieder gut."))
        #expect(!fixed.body.contains("sozialsite-fehler"))
    }

    @Test func pollingWatcherAlsoRebuilds() async throws {
        let site = try PreviewSite()
        let (preview, port) = try await start(site, forcePolling: true)
        defer { Task { await preview.stop() } }
        let before = preview.builds
        try site.write("content/seiten/impressum.md", "---\ntitle: Impressum\n---\nNeue Angaben.\n")
        let deadline = Date().addingTimeInterval(10)
        while preview.builds == before && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(preview.builds > before)
        #expect(try await RawHTTP.fetch("/impressum/", port: port).body.contains("Neue Angaben."))
    }

    @Test func holdsUpUnderConcurrentRequests() async throws {
        let site = try PreviewSite()
        let (preview, port) = try await start(site)
        defer { Task { await preview.stop() } }
        // Eight client threads (not tasks: their blocking reads must not take the server's threads).
        let failures = try await RawHTTP.offPool {
            let failed = Mutex(0)
            DispatchQueue.concurrentPerform(iterations: 8) { worker in
                for i in 0..<25 {
                    let target = ["/", "/impressum/", "/assets/css/site.css", "/feed.xml", "/nix/"][(worker + i) % 5]
                    let ok = (try? RawHTTP.get(target, port: port)).map { [200, 404].contains($0.status) } ?? false
                    if !ok { failed.withLock { $0 += 1 } }
                }
            }
            return failed.withLock { $0 }
        }
        #expect(failures == 0)
        #expect(try await RawHTTP.fetch("/", port: port).status == 200)
    }

    @Test func nextFreePortWhenTaken() async throws {
        let site = try PreviewSite()
        let (first, port) = try await start(site)
        defer { Task { await first.stop() } }
        let messages = Mutex<[String]>([])
        let second = Preview(options: Preview.Options(siteDirectory: site.root,
                                                      outputDirectory: PreviewSite.temporaryDirectory("zweite"),
                                                      port: port, useDiskCache: false)) { line in
            messages.withLock { $0.append(line) }
        }
        let other = try await second.start()
        defer { Task { await second.stop() } }
        #expect(other != port)
        #expect(messages.withLock { $0 }.contains { $0.contains("Port \(port) ist belegt") })
        #expect(try await RawHTTP.fetch("/", port: other).status == 200)
    }
}

/// The overlay's markup on its own: accessible, complete, escaped.
struct ErrorOverlayTests {
    @Test func namesEveryErrorWithPlaceAndHintAndEscapes() {
        let errors = [
            Diagnostic.error("broken-link", at: SourceLocation(file: "content/beitraege/b.md", line: 7, column: 3),
                             "Der Link auf „/x/“ führt ins Leere.", hint: "Meinten Sie „/y/“?"),
            Diagnostic.error("x", at: SourceLocation(file: "content/beitraege/<a>.md", line: 1, column: 1),
                             "<script>alert(1)</script>"),
        ]
        let html = PreviewPage.overlayHTML(errors: errors)
        #expect(html.contains("role=\"alertdialog\"") && html.contains("aria-modal=\"true\""))
        #expect(html.contains("aria-labelledby=\"sozialsite-fehler-titel\"") && html.contains("tabindex=\"-1\""))
        #expect(html.contains("2 Fehler"))
        #expect(html.contains("content/beitraege/b.md:7:3"))
        #expect(html.contains("Hinweis: Meinten Sie „/y/“?"))
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;"))
        #expect(html.contains("content/beitraege/&lt;a&gt;.md:1:1"))
    }

    @Test func injectsBeforeTheEndOfHeadAndBody() {
        let page = Array("<html><HEAD><title>x</title></HEAD><body><p>a</p></BODY></html>".utf8)
        let plain = String(decoding: PreviewPage.inject(into: page, stand: "s-1", errors: []), as: UTF8.self)
        #expect(plain.contains("data-stand=\"s-1\" defer></script></HEAD>"))
        #expect(!plain.contains("sozialsite-fehler"))
        let broken = String(decoding: PreviewPage.inject(into: page, stand: "s-2", errors: [
            .error("c", at: SourceLocation(file: "f.md"), "Kaputt."),
        ]), as: UTF8.self)
        #expect(broken.contains("Kaputt.</p></li></ol>"))
        #expect(broken.hasSuffix("</div></div></BODY></html>"))
    }
}

/// The watcher reports a change within a short time, with inotify and by polling.
struct SiteWatcherTests {
    @Test(arguments: [false, true])
    func reportsAChangedFile(polling: Bool) async throws {
        let site = try PreviewSite()
        let seen = Mutex<[String]>([])
        let watcher = SiteWatcher(siteDirectory: site.root, forcePolling: polling, pollInterval: .milliseconds(100)) { paths in
            seen.withLock { $0 += paths }
        }
        watcher.start()
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(300))
        try site.write("content/beitraege/neu/tief/neuer.md", "---\ntitle: Neu\n---\n")
        try site.write("site-config.json", "{}")
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            let paths = seen.withLock { $0 }
            if paths.contains(where: { $0.hasSuffix("neuer.md") }) && paths.contains("site-config.json") { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let paths = seen.withLock { $0 }
        #expect(paths.contains { $0.hasPrefix("content/beitraege/neu") }, "\(paths)")
        #expect(paths.contains("site-config.json"), "\(paths)")
        // Files outside the watched folders do not count.
        try await Task.sleep(for: .milliseconds(400))
        seen.withLock { $0.removeAll() }
        try "x".write(toFile: site.root + "/notizen.txt", atomically: false, encoding: .utf8)
        try await Task.sleep(for: .milliseconds(500))
        #expect(seen.withLock { $0 }.isEmpty)
    }
}
