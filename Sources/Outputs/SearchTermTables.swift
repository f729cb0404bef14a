/// Lookup tables of `SearchTermCollector`, made once from `SearchText`'s own rules so the two
/// cannot drift apart.
enum SearchTermTables {
    /// For each scalar U+0080…U+07FF (two UTF-8 bytes): the bytes of `SearchText.fold` of it, the
    /// first in the lowest byte, and their count (0…3) in the highest byte.
    static let latinFold: [UInt32] = (0x80..<0x800).map { value in
        let folded = Array(SearchText.fold(String(Unicode.Scalar(UInt32(value))!)).utf8)
        var entry = UInt32(folded.count) << 24
        for (i, byte) in folded.prefix(3).enumerated() { entry |= UInt32(byte) << (8 * i) }
        return entry
    }

    /// Open addressing over the stop words as `packed` keys (all are eight letters at most), 0 for
    /// a free slot, at most a quarter full.
    static let stopWordSlots: [UInt64] = {
        var count = 1
        while count < SearchText.stopWords.count * 4 { count *= 2 }
        var slots = [UInt64](repeating: 0, count: count)
        for word in SearchText.stopWords {
            let bytes = Array(word.utf8)
            let key = bytes.withUnsafeBufferPointer { packed($0.baseAddress!, count: $0.count) }
            var slot = SearchTermTables.slot(of: key, count: count)
            while slots[slot] != 0 { slot = (slot + 1) & (count - 1) }
            slots[slot] = key
        }
        return slots
    }()

    /// Per byte of folded text: bit 0 for a–z, bit 1 for 0–9, bit 2 for `-`; 0 for bytes between words.
    static let wordClass: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x61...0x7A: 1
        case 0x30...0x39: 2
        case 0x2D: 4
        default: 0
        }
    }

    /// Longest stop word, in bytes.
    static let longestStopWord = SearchText.stopWords.map(\.utf8.count).max() ?? 0

    /// Up to eight bytes (none 0) in one number, the first in the lowest byte.
    @inline(__always)
    static func packed(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var key: UInt64 = 0
        for i in 0..<count { key |= UInt64(bytes[i]) << (8 * UInt64(i)) }
        return key
    }

    @inline(__always)
    static func slot(of key: UInt64, count: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & (count - 1)
    }
}
