import Support

/// Checks what links posts and entries: every slug a post lists under `angebote:` must be an
/// entry of `content/angebote/`. Runs in the cross-reference stage, after loading.
public enum ServiceEntryReferences {
    public static func validate(content: SiteContent) -> [Diagnostic] {
        let entries = content.serviceDirectory.entries
        let slugs = Set(entries.map(\.slug))
        let sorted = slugs.sorted()
        var diagnostics: [Diagnostic] = []
        // Only posts that name an offer can have a problem here; most name none.
        for post in content.posts.filter({ !$0.angebote.isEmpty }).sorted(by: { $0.source.path < $1.source.path }) {
            var seen: Set<String> = []
            // Positions as written, so a repeated slug is reported where it repeats; values that are
            // not slugs were reported by the post decoder already.
            let written = post.source.writtenValues(of: "angebote")?
                .map { LocatedText(text: $0.text.trimmingSpaces, location: $0.location) }
                .filter { post.angebote.contains($0.text) }
                ?? post.angebote.map { LocatedText(text: $0, location: post.source.location(ofKey: "angebote")) }
            for value in written {
                let slug = value.text, location = value.location
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
