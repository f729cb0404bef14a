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

    /// The patterns as bytes, found by their first `=`: German text holds few, cmark's HTML one per
    /// attribute, far fewer than it has `<` (every tag). Which pattern may sit at an `=` the byte
    /// before it tells (`n` of `align=`, `e` of `type=`, `l` of `aria-label=`, `s` of `class=`).
    struct Patterns {
        /// All patterns' bytes one after the other and where each lies in `bytes`; the same for
        /// their replacements (flat: one buffer to open, not one array per pattern).
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        var replacementBytes: [UInt8] = []
        var replacementRanges: [Range<Int>] = []
        /// Where each pattern's first `=` sits, and the byte before it.
        var anchors: [Int] = []
        var keys: [UInt8] = []
    }

    static let patterns: Patterns = {
        var patterns = Patterns()
        let all = replacements.map { (Array($0.0.utf8), Array($0.1.utf8)) }
        for (pattern, replacement) in all {
            guard let anchor = pattern.firstIndex(of: UInt8(ascii: "=")), anchor > 0 else {
                preconditionFailure("every pattern needs an `=` after its first byte")
            }
            patterns.ranges.append(patterns.bytes.count..<patterns.bytes.count + pattern.count)
            patterns.bytes += pattern
            patterns.replacementRanges.append(patterns.replacementBytes.count..<patterns.replacementBytes.count + replacement.count)
            patterns.replacementBytes += replacement
            patterns.anchors.append(anchor)
            patterns.keys.append(pattern[anchor - 1])
        }
        // `apply` takes every occurrence of every pattern; that is the leftmost-first replacement
        // only while no two occurrences can overlap or start at the same place.
        precondition(!overlapPossible(all.map(\.0)), "two patterns may overlap: `apply` needs leftmost-first")
        return patterns
    }()

    /// True when an occurrence of one pattern could share a byte with another occurrence (of the
    /// same or another pattern) in some text.
    static func overlapPossible(_ patterns: [[UInt8]]) -> Bool {
        for (i, first) in patterns.enumerated() {
            for (j, second) in patterns.enumerated() {
                // `second` starting `shift` bytes into `first`; the same pattern at shift 0 is itself.
                for shift in (i == j ? 1 : 0)..<first.count {
                    let overlap = min(first.count - shift, second.count)
                    if (0..<overlap).allSatisfy({ first[shift + $0] == second[$0] }) { return true }
                }
            }
        }
        return false
    }

    static func apply(_ html: String) -> String {
        var html = html
        return html.withUTF8 { apply($0) }
    }

    /// Replaces every occurrence of each pattern, leftmost first; of patterns starting at the same
    /// place the first listed wins (the semantics of `String.replacingBytes`; with patterns that
    /// cannot overlap, simply every occurrence).
    static func apply(_ html: UnsafeBufferPointer<UInt8>) -> String {
        let patterns = Self.patterns
        var matches: [(start: Int, pattern: Int)] = []
        // A table's aligned cells and the footnotes: a few dozen matches, one allocation.
        matches.reserveCapacity(32)
        var grown = 0
        if let base = html.baseAddress {
            patterns.bytes.withUnsafeBufferPointer { bytes in
                var search = 0
                while search < html.count, let hit = memchr(base + search, 0x3D, html.count - search) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    search = at + 1
                    guard at > 0 else { continue }
                    let before = base[at - 1]
                    for number in patterns.keys.indices where patterns.keys[number] == before {
                        let range = patterns.ranges[number]
                        let start = at - patterns.anchors[number]
                        guard start >= 0, start + range.count <= html.count,
                              memcmp(base + start, bytes.baseAddress! + range.lowerBound, range.count) == 0
                        else { continue }
                        matches.append((start, number))
                        grown += patterns.replacementRanges[number].count - range.count
                        search = start + range.count
                        break
                    }
                }
            }
        }
        guard !matches.isEmpty else { return String(decoding: html, as: UTF8.self) }
        return patterns.replacementBytes.withUnsafeBufferPointer { replacements in
            String(unsafeUninitializedCapacity: html.count + grown) { out in
                var written = 0
                var copied = 0
                func write(_ bytes: UnsafeBufferPointer<UInt8>) {
                    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
                    (out.baseAddress! + written).update(from: source, count: bytes.count)
                    written += bytes.count
                }
                for match in matches {
                    write(UnsafeBufferPointer(rebasing: html[copied..<match.start]))
                    write(UnsafeBufferPointer(rebasing: replacements[patterns.replacementRanges[match.pattern]]))
                    copied = match.start + patterns.ranges[match.pattern].count
                }
                write(UnsafeBufferPointer(rebasing: html[copied...]))
                return written
            }
        }
    }
}
