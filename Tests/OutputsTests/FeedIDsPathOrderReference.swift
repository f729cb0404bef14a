import Content
import Support
@testable import Outputs

extension FeedIDs {
    /// `validate` as first written: every post in path order, each id checked against those
    /// before. The reference `FeedIDTests` compares `validate` with.
    static func validateInPathOrder(posts: [Post], config: SiteConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]  // id → source path
        let authority = authority(config)
        let paths = posts.map { $0.source.path }
        for i in posts.indices.sorted(by: { paths[$0] < paths[$1] }) {
            let post = posts[i]
            if let fixed = post.id, !isValid(fixed) {
                diagnostics.append(.error(
                    "feed-id-invalid", at: post.source.location(ofKey: "id"),
                    "Die Feed-Kennung „\(fixed)“ darf nicht leer sein und keine Leerzeichen, Anführungszeichen oder spitzen Klammern enthalten.",
                    hint: "Schreiben Sie zum Beispiel id: \(fileStem(post.source.path)) – oder lassen Sie id weg, dann bildet die Website die Kennung selbst."))
                continue
            }
            let id = id(date: post.date, fixed: post.id, path: post.source.path, authority: authority)
            if let other = seen[id] {
                diagnostics.append(.error(
                    "feed-id-duplicate", at: post.source.location(ofKey: post.id == nil ? "date" : "id"),
                    "Dieser Beitrag hat dieselbe Feed-Kennung wie \(other): „\(id)“. Feedreader würden beide Beiträge als einen behandeln.",
                    hint: "Geben Sie einem der beiden Beiträge eine eigene Kennung, z. B. id: \(fileStem(post.source.path))-2"))
            } else {
                seen[id] = post.source.path
            }
        }
        return diagnostics
    }
}
