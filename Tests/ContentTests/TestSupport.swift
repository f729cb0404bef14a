import Content
import Foundation
import Markdown
import Support
import Testing

/// Fixture files copied into the test bundle (`resources: [.copy("Fixtures")]`).
enum Fixture {
    static let root: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func bytes(_ relative: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: path(relative)) ?? Data())
    }

    /// Decodes `Fixtures/posts/<name>` as if it were `content/beitraege/<name>`.
    static func post(_ name: String, handlungsfelder: [String] = DefaultHandlungsfelder.slugs) -> (Post?, [Diagnostic]) {
        PostDecoder.decode(bytes: bytes("posts/" + name), path: "content/beitraege/" + name,
                           handlungsfelder: handlungsfelder)
    }

    static func site(_ name: String) -> String { path("sites/" + name) }

    /// Loads a fixture site and renders its bodies the way the pipeline does.
    static func loadAndRender(_ name: String) -> (SiteContent, [String: RenderedMarkdown]) {
        let (content, _) = ContentLoader.load(siteDirectory: site(name), includeDrafts: false, now: fixtureNow)
        var bodies: [String: RenderedMarkdown] = [:]
        let sources = content.posts.map(\.source) + content.pages.map(\.source) + content.handlungsfelder.map(\.source)
        for source in sources {
            bodies[source.path] = MarkdownRenderer.render(source.body, file: source.path, firstLine: source.bodyFirstLine,
                                                          settings: MarkdownSettings(siteHosts: [content.config.host]))
        }
        return (content, bodies)
    }
}

/// 2024-01-01 00:00 in Berlin: after every dated fixture post except the scheduled one (2030).
let fixtureNow = Date(timeIntervalSince1970: 1_704_063_600)

/// UTC instant from an ISO string, for expected values written independently of `BerlinTime`.
func utc(_ iso: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: iso)!
}

/// Expects exactly one diagnostic with `code` at `file:line:column` and returns it. `hint` must be
/// contained in the diagnostic's hint.
@discardableResult
func expectDiagnostic(_ diagnostics: [Diagnostic], _ code: String, file: String, line: Int, column: Int,
                      hint: String? = nil, severity: Severity = .error,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    let matches = diagnostics.filter {
        $0.code == code && $0.location.file == file && $0.location.line == line && $0.location.column == column
    }
    #expect(matches.count == 1, "expected one \(code) at \(file):\(line):\(column), got:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    guard let match = matches.first else { return nil }
    #expect(match.severity == severity, sourceLocation: sourceLocation)
    if let hint {
        #expect(match.hint?.contains(hint) == true, "hint „\(match.hint ?? "nil")“ lacks „\(hint)“",
                sourceLocation: sourceLocation)
    }
    #expect(!match.message.isEmpty, sourceLocation: sourceLocation)
    return match
}

extension Array where Element == Diagnostic {
    var codes: [String] { map(\.code) }
    var report: String { map(\.description).joined(separator: "\n") }
}
