#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Literal substring search and replacement on UTF-8 bytes. Foundation's `contains`/`range(of:)`
/// (which win overload resolution once Foundation is imported) go through NSString and cost about
/// a fifth of a whole build on large HTML; this is memchr + memcmp.
extension String {
    public func containsBytes(_ needle: String) -> Bool {
        firstByteOffset(of: needle, from: 0) != nil
    }

    /// Replaces every occurrence of each pattern (leftmost match first; among patterns starting at
    /// the same place, the first listed wins). Returns `self` untouched when nothing matches.
    public func replacingBytes(_ replacements: [(String, String)]) -> String {
        var copy = self
        return copy.withUTF8 { haystack -> String in
            var out: [UInt8] = []
            var position = 0
            var changed = false
            // Next occurrence of each pattern at or after `position` (nil: none left). Searching
            // every pattern again after each replacement would rescan the rest of the text once per
            // pattern and match (quadratic on long posts); a cached occurrence stays valid until
            // `position` passes it, so each pattern is scanned through the text only once.
            var next: [Int?] = replacements.map { Self.find($0.0, in: haystack, from: 0) }
            while position < haystack.count {
                var nearest: (offset: Int, index: Int)? = nil
                for index in replacements.indices {
                    if let cached = next[index], cached < position {
                        next[index] = Self.find(replacements[index].0, in: haystack, from: position)
                    }
                    if let offset = next[index], nearest == nil || offset < nearest!.offset {
                        nearest = (offset, index)
                    }
                }
                guard let (offset, index) = nearest else { break }
                if !changed { out.reserveCapacity(haystack.count + 64); changed = true }
                out.append(contentsOf: haystack[position..<offset])
                out.append(contentsOf: replacements[index].1.utf8)
                position = offset + replacements[index].0.utf8.count
            }
            guard changed else { return self }
            out.append(contentsOf: haystack[position...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    func firstByteOffset(of needle: String, from start: Int) -> Int? {
        var copy = self
        return copy.withUTF8 { Self.find(needle, in: $0, from: start) }
    }

    static func find(_ needle: String, in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern -> Int? in
            guard !pattern.isEmpty, let base = haystack.baseAddress else { return nil }
            let first = Int32(pattern[0])
            var position = start
            // memchr finds candidates at memory speed; memcmp confirms. (memmem needs _GNU_SOURCE,
            // which Swift's Glibc module does not set.)
            while position + pattern.count <= haystack.count {
                guard let hit = memchr(base + position, first, haystack.count - position - pattern.count + 1) else {
                    return nil
                }
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + offset, pattern.baseAddress!, pattern.count) == 0 { return offset }
                position = offset + 1
            }
            return nil
        }
    }
}
