#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Repairs the few things cmark-gfm 0.29 writes that HTML5 and WCAG reject: `align` on table cells
/// (obsolete; the theme styles `.ausrichtung-*`), task-list checkboxes without a label, and English
/// labels on footnote back-links. One pass over cmark's output buffer, straight into the String.
enum HTMLFixes {
    static let replacements: [(String, String)] = [
        ("<th align=\"left\">", "<th class=\"ausrichtung-links\">"),
        ("<th align=\"center\">", "<th class=\"ausrichtung-mitte\">"),
        ("<th align=\"right\">", "<th class=\"ausrichtung-rechts\">"),
        ("<td align=\"left\">", "<td class=\"ausrichtung-links\">"),
        ("<td align=\"center\">", "<td class=\"ausrichtung-mitte\">"),
        ("<td align=\"right\">", "<td class=\"ausrichtung-rechts\">"),
        ("<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
         "<input type=\"checkbox\" checked disabled aria-label=\"erledigt\">"),
        ("<input type=\"checkbox\" disabled=\"\" />", "<input type=\"checkbox\" disabled aria-label=\"offen\">"),
        // Footnote back-links carry English labels in cmark-gfm 0.29.
        ("aria-label=\"Back to content\"", "aria-label=\"Zurück zum Text\""),
        ("aria-label=\"Back to reference ", "aria-label=\"Zurück zum Verweis "),
        // A section needs a heading (Nu checker); screen readers announce it as "Fußnoten".
        ("<section class=\"footnotes\" data-footnotes>\n",
         "<section class=\"footnotes\" data-footnotes>\n<h2 class=\"visually-hidden\">Fußnoten</h2>\n"),
    ]

    /// The replacements as bytes, grouped by the byte memchr looks for. A pattern's first byte would
    /// do, but `a` (of `aria-label`) stops memchr every few bytes of German text; `=` is rare
    /// outside attributes. Patterns keep their list position, which decides ties.
    struct Group {
        let anchor: UInt8
        /// Where `anchor` sits in each pattern of the group.
        let offset: Int
        /// List positions of the group's patterns, their bytes one after the other, where each
        /// one lies in `bytes`, and their replacements.
        var indices: [Int] = []
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        var replacements: [[UInt8]] = []
    }

    static let groups: [Group] = {
        var groups: [Group] = []
        for (index, (pattern, replacement)) in replacements.enumerated() {
            let bytes = Array(pattern.utf8)
            precondition(bytes.count >= 2, "the quick check in `find` compares the second byte")
            let offset = bytes.first == UInt8(ascii: "<") ? 0 : (bytes.firstIndex(of: UInt8(ascii: "=")) ?? 0)
            var at = groups.firstIndex { $0.anchor == bytes[offset] && $0.offset == offset }
            if at == nil {
                groups.append(Group(anchor: bytes[offset], offset: offset))
                at = groups.count - 1
            }
            groups[at!].indices.append(index)
            groups[at!].ranges.append(groups[at!].bytes.count..<groups[at!].bytes.count + bytes.count)
            groups[at!].bytes += bytes
            groups[at!].replacements.append(Array(replacement.utf8))
        }
        return groups
    }()

    static func apply(_ html: String) -> String {
        var html = html
        return html.withUTF8 { apply($0) }
    }

    /// Replaces every occurrence of each pattern, leftmost first; of patterns starting at the same
    /// place the first listed wins (the semantics of `String.replacingBytes`).
    static func apply(_ html: UnsafeBufferPointer<UInt8>) -> String {
        let groups = Self.groups
        var matches: [(start: Int, group: Int, pattern: Int)] = []
        // Next match of each group at or after `position` (nil: none left); a group is searched
        // again only once `position` has passed its cached match, so each scans the text once.
        var next: [(start: Int, pattern: Int)?] = groups.map { find($0, in: html, from: 0) }
        var position = 0
        var grown = 0
        while true {
            var nearest: (start: Int, group: Int, pattern: Int)? = nil
            for g in groups.indices {
                if let cached = next[g], cached.start < position { next[g] = find(groups[g], in: html, from: position) }
                guard let candidate = next[g] else { continue }
                if let best = nearest, best.start < candidate.start
                    || (best.start == candidate.start
                        && groups[best.group].indices[best.pattern] < groups[g].indices[candidate.pattern]) {
                    continue
                }
                nearest = (candidate.start, g, candidate.pattern)
            }
            guard let match = nearest else { break }
            matches.append(match)
            let length = groups[match.group].ranges[match.pattern].count
            grown += groups[match.group].replacements[match.pattern].count - length
            position = match.start + length
        }
        guard !matches.isEmpty else { return String(decoding: html, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: html.count + grown) { out in
            var written = 0
            var copied = 0
            func write(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
                (out.baseAddress! + written).update(from: source, count: bytes.count)
                written += bytes.count
            }
            for match in matches {
                write(UnsafeBufferPointer(rebasing: html[copied..<match.start]))
                groups[match.group].replacements[match.pattern].withUnsafeBufferPointer { write($0) }
                copied = match.start + groups[match.group].ranges[match.pattern].count
            }
            write(UnsafeBufferPointer(rebasing: html[copied...]))
            return written
        }
    }

    /// First place at or after `start` where a pattern of `group` occurs, with the earliest-listed
    /// pattern that matches there.
    static func find(_ group: Group, in html: UnsafeBufferPointer<UInt8>, from start: Int) -> (start: Int, pattern: Int)? {
        guard let base = html.baseAddress else { return nil }
        return group.bytes.withUnsafeBufferPointer { patterns in
            group.ranges.withUnsafeBufferPointer { ranges -> (start: Int, pattern: Int)? in
                var search = start + group.offset
                while search < html.count {
                    guard let hit = memchr(base + search, Int32(group.anchor), html.count - search) else { return nil }
                    let anchorAt = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    let candidate = anchorAt - group.offset
                    for number in 0..<ranges.count {
                        let range = ranges[number]
                        // Second and last byte first: most anchors (every `<`) fail there.
                        guard candidate + range.count <= html.count,
                              base[candidate + 1] == patterns[range.lowerBound + 1],
                              base[candidate + range.count - 1] == patterns[range.upperBound - 1],
                              memcmp(base + candidate, patterns.baseAddress! + range.lowerBound, range.count) == 0
                        else { continue }
                        return (candidate, number)
                    }
                    search = anchorAt + 1
                }
                return nil
            }
        }
    }
}
