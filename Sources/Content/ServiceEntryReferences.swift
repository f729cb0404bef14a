import Support

/// Checks what links posts and entries: every slug a post lists under `angebote:` must be an
/// entry of `content/angebote/`. Runs in the cross-reference stage, after loading.
public enum ServiceEntryReferences {
    public static func validate(content: SiteContent) -> [Diagnostic] {
        let entries = content.serviceDirectory.entries
        let slugs = Set(entries.map(\.slug))
        let sorted = slugs.sorted()
        var diagnostics: [Diagnostic] = []
        for post in content.posts.sorted(by: { $0.source.path < $1.source.path }) {
            var seen: Set<String> = []
            for slug in post.angebote {
                let location = post.source.location(ofValue: slug, key: "angebote")
                if !seen.insert(slug).inserted {
                    diagnostics.append(.warning("duplicate-value", at: location,
                                                "Das Angebot „\(slug)“ steht doppelt in „angebote“.",
                                                hint: "Löschen Sie den doppelten Eintrag."))
                    continue
                }
                guard !slugs.contains(slug) else { continue }
                let hint: String
                if let guess = Suggestion.hint(for: slug, in: sorted) {
                    hint = guess
                } else if sorted.isEmpty {
                    hint = "Es gibt noch keine Angebote. Legen Sie sie in \(ServiceEntryLoader.folder)/ an (siehe docs/angebote.md)."
                } else {
                    hint = "Angebote heißen wie ihre Datei in \(ServiceEntryLoader.folder)/ ohne „.md“, z. B. „\(sorted[0])“."
                }
                diagnostics.append(.error("unknown-angebot", at: location,
                                          "Das Angebot „\(slug)“ gibt es nicht.", hint: hint))
            }
        }
        return diagnostics.sortedForReport()
    }
}
