/// Finds the closest known word for "meinten Sie …?" hints.
public enum Suggestion {
    /// The candidate closest to `word` (case- and umlaut-insensitive), if it is close enough to be a
    /// plausible typo: at most a third of the word's length in edits, and never more than 3; else
    /// the shortest candidate that starts with the word ("gesund" → "gesundheit").
    /// Candidates whose length alone rules them out are skipped, so checking a broken link against
    /// thousands of URLs stays cheap.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let needle = Array(Slug.fold(word).unicodeScalars)
        let limit = min(3, max(1, needle.count / 3))
        var best: (candidate: String, distance: Int)? = nil
        var prefixMatch: (candidate: String, length: Int)? = nil
        for candidate in candidates {
            let folded = Array(Slug.fold(candidate).unicodeScalars)
            if needle.count >= 3, folded.count > needle.count, folded.starts(with: needle),
               prefixMatch == nil || folded.count < prefixMatch!.length
               || (folded.count == prefixMatch!.length && candidate < prefixMatch!.candidate) {
                prefixMatch = (candidate, folded.count)
            }
            guard abs(folded.count - needle.count) <= limit else { continue }
            let distance = editDistance(needle, folded)
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.candidate) {
                best = (candidate, distance)
            }
        }
        return best?.candidate ?? prefixMatch?.candidate
    }

    /// German hint text: „Meinten Sie „x“?“ or nil.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates).map { "Meinten Sie „\($0)“?" }
    }

    /// Edit distance where a swap of two neighbouring letters counts as one edit ("emial" → "email"),
    /// the most common typo (optimal string alignment distance).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
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
