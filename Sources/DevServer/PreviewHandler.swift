import FlyingFox
import Foundation
import Support
import Synchronization

/// What the handler needs to know about the newest build: its name and, if it failed, the errors.
final class PreviewStatus: Sendable {
    struct Snapshot: Sendable {
        var stand: String
        var errors: [Diagnostic]
    }

    private let state: Mutex<Snapshot>

    init(stand: String) {
        state = Mutex(Snapshot(stand: stand, errors: []))
    }

    var snapshot: Snapshot { state.withLock { $0 } }

    func update(stand: String, errors: [Diagnostic]) {
        state.withLock { $0 = Snapshot(stand: stand, errors: errors) }
    }
}

/// Answers the preview's requests: files of the output folder (HTML with the preview's script and,
/// after a failed build, the error overlay), the script and stylesheet, and the event stream.
/// Only GET and HEAD; nothing outside the output folder (see `PreviewPath`).
struct PreviewHandler: HTTPHandler {
    let root: String
    let events: ReloadEvents
    let status: PreviewStatus

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard Self.isLocal(host: request.headers[.host]) else {
            return text(.forbidden, "Die Vorschau antwortet nur unter 127.0.0.1 und localhost.\n", request)
        }
        guard request.method == .GET || request.method == .HEAD else {
            return text(.methodNotAllowed, "Die Vorschau nimmt nur GET- und HEAD-Anfragen an.\n", request,
                        extra: [.init("Allow"): "GET, HEAD"])
        }
        let raw = request.target.path(percentEncoded: true)
        switch raw {
        case PreviewPage.eventsPath:
            var headers = HTTPHeaders()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.init("Cache-Control")] = "no-store"
            headers[.init("X-Content-Type-Options")] = "nosniff"
            return HTTPResponse(statusCode: .ok, headers: headers,
                                body: HTTPBodySequence(from: EventStreamBody(events: events.subscribe())))
        case PreviewPage.scriptPath:
            return respond(.ok, Array(PreviewPage.script.utf8), type: "text/javascript; charset=utf-8", request)
        case PreviewPage.stylePath:
            return respond(.ok, Array(PreviewPage.style.utf8), type: "text/css; charset=utf-8", request)
        default:
            break
        }
        switch PreviewPath.resolve(raw, root: root) {
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else { return notFound(raw, request) }
            return respond(.ok, [UInt8](data), type: MediaTypes.of(path: path), request)
        case .redirect(let location):
            var headers = HTTPHeaders()
            headers[.location] = location
            return respond(.movedPermanently, [], type: "text/plain; charset=utf-8", request, extra: headers)
        case .notFound:
            return notFound(raw, request)
        case .refused:
            return text(.forbidden, "Diese Adresse liegt außerhalb der Vorschau.\n", request)
        }
    }

    /// Requests must name this machine: otherwise a web page could have the browser read the
    /// preview (drafts!) through a domain that resolves to 127.0.0.1 (DNS rebinding).
    static func isLocal(host: String?) -> Bool {
        guard let host, !host.isEmpty else { return true }  // HTTP/1.0 sends no Host
        let name: Substring
        if host.hasPrefix("[") {
            name = host.prefix { $0 != "]" }.dropFirst()
        } else {
            name = host.split(separator: ":", maxSplits: 1).first ?? ""
        }
        return ["127.0.0.1", "localhost", "::1"].contains(name.lowercased())
    }

    private func notFound(_ raw: String, _ request: HTTPRequest) -> HTTPResponse {
        let page = FileManager.default.contents(atPath: root + "/404.html").map { [UInt8]($0) }
            ?? Array(PreviewPage.notFoundHTML(path: raw.removingPercentEncoding ?? raw).utf8)
        return respond(.notFound, page, type: "text/html; charset=utf-8", request)
    }

    private func text(_ code: HTTPStatusCode, _ message: String, _ request: HTTPRequest,
                      extra: HTTPHeaders = [:]) -> HTTPResponse {
        respond(code, Array(message.utf8), type: "text/plain; charset=utf-8", request, extra: extra)
    }

    private func respond(_ code: HTTPStatusCode, _ bytes: [UInt8], type: String, _ request: HTTPRequest,
                         extra: HTTPHeaders = [:]) -> HTTPResponse {
        var body = bytes
        if MediaTypes.isHTML(type) {
            let now = status.snapshot
            body = PreviewPage.inject(into: bytes, stand: now.stand, errors: now.errors)
        }
        var headers = extra
        headers[.contentType] = type
        headers[.init("Cache-Control")] = "no-store"
        headers[.init("X-Content-Type-Options")] = "nosniff"
        headers[.contentLength] = String(body.count)
        return HTTPResponse(statusCode: code, headers: headers,
                            body: request.method == .HEAD ? Data() : Data(body))
    }
}
