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

    /// Edit distance where a swap of two neighbouring letters counts as one edit ("emial" → "email"),
    /// the most common typo (optimal string alignment distance).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = Swift.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = Swift.min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }
}
