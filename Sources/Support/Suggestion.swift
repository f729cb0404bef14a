/// Finds the closest known word for "meinten Sie …?" hints.
public enum Suggestion {
    /// The candidate closest to `word` (case- and umlaut-insensitive), if it is close enough to be a
    /// plausible typo: at most a third of the word's length in edits, and never more than 3.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let needle = Slug.fold(word)
        var best: (String, Int)? = nil
        for candidate in candidates {
            let distance = editDistance(needle, Slug.fold(candidate))
            if best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
                best = (candidate, distance)
            }
        }
        guard let (match, distance) = best else { return nil }
        let limit = min(3, max(1, needle.utf8.count / 3))
        // A prefix ("gesund" for "gesundheit") is a plausible intent as well.
        let folded = Slug.fold(match)
        if distance <= limit || (needle.utf8.count >= 3 && folded.hasPrefix(needle)) { return match }
        return nil
    }

    /// German hint text: „Meinten Sie „x“?“ or nil.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates).map { "Meinten Sie „\($0)“?" }
    }

    /// Levenshtein distance over Unicode scalars (inputs are short: keys, slugs).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
