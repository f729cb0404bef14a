/// The unique search terms of texts, worked out on their bytes for the index, which finds the terms
/// of every word of every post (10,000 posts are some 10 million words). `SearchText.terms` makes
/// strings, arrays and set entries per word; this folds each text into one buffer, takes words as
/// byte ranges, stems by shortening them (a stem is a prefix of its word) and keeps each unique
/// term once in one arena. It follows `SearchText.terms` rule by rule and must give the same terms:
/// `SearchTermCollectorTests` compares both on generated texts.
///
/// Made inside `SearchText.sortedTermsLine`, which lends it the lookup tables (`Tables`); its
/// `folded` also gives `SearchIndex` the sort keys of titles.
struct SearchTermCollector: ~Copyable {
    /// The lookup tables, borrowed for the collector's lifetime.
    struct Tables {
        /// `SearchTermTables.latinFold`.
        var latinFold: UnsafeBufferPointer<UInt32>
        /// `SearchTermTables.stopWordSlots`.
        var stopWordSlots: UnsafeBufferPointer<UInt64>
        /// `SearchTermTables.longestStopWord`.
        var longestStopWord: Int
        /// `SearchTermTables.wordClass`.
        var wordClass: UnsafeBufferPointer<UInt8>
    }

    private struct Term {
        var start: Int
        var count: Int
        var hash: UInt64
    }

    /// A slot of the table of unique terms. It holds what most lookups need (a term's first eight
    /// bytes, up to sixteen bits of its length and of its hash), so they read nothing else.
    private struct Slot {
        /// `chunk(term, at: 0)`.
        var head: UInt64
        /// Index in `terms` + 1 in the low 32 bits (0: free slot), then `check`.
        var tag: UInt64

        static let free = Slot(head: 0, tag: 0)

        @inline(__always)
        static func check(hash: UInt64, count: Int) -> UInt64 {
            (hash & 0xFFFF_0000_0000_0000) | UInt64(truncatingIfNeeded: count & 0xFFFF) << 32
        }
    }

    /// Bytes after the end of the folded text and of the arena, so that eight bytes can be read
    /// from anywhere inside them (what lies beyond the end is masked off).
    private static let padding = 8

    private let tables: Tables
    /// The bytes of the unique terms, one after the other.
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity = 4096
    private var arenaCount = 0
    private var terms: UnsafeMutablePointer<Term>
    private var termCapacity = 512
    private var termCount = 0
    /// Open addressing over `terms`, at least twice as many slots as terms.
    private var slots: UnsafeMutablePointer<Slot>
    private var slotCount = 1024
    /// Words of up to eight bytes met lately (`chunk(word, at: 0)`, 0 for none), by a hash of
    /// them: most words of a text come again, and one found here has given its term already (or
    /// has none), which one load tells instead of the stop words, the stem and the term table.
    private var recentWords: UnsafeMutablePointer<UInt64>
    private static let recentWordSlots = 1024
    /// The same for words of nine to sixteen bytes, as pairs (`chunk(word, at: 0)`, `chunk(word, at: 8)`).
    private var recentLongWords: UnsafeMutablePointer<UInt64>
    private static let recentLongWordSlots = 512

    init(tables: Tables) {
        self.tables = tables
        arena = .allocate(capacity: arenaCapacity + Self.padding)
        arena.initialize(repeating: 0, count: arenaCapacity + Self.padding)
        terms = .allocate(capacity: termCapacity)
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: .free, count: slotCount)
        recentWords = .allocate(capacity: Self.recentWordSlots)
        recentWords.initialize(repeating: 0, count: Self.recentWordSlots)
        recentLongWords = .allocate(capacity: 2 * Self.recentLongWordSlots)
        recentLongWords.initialize(repeating: 0, count: 2 * Self.recentLongWordSlots)
    }

    deinit {
        arena.deallocate()
        terms.deallocate()
        slots.deallocate()
        recentWords.deallocate()
        recentLongWords.deallocate()
    }

    /// Adds the terms of `text`. Texts added one after the other count as separated by a line break.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { input in
            // Folding never lengthens: every scalar becomes at most as many bytes as it has.
            let folded = UnsafeMutablePointer<UInt8>.allocate(capacity: input.count + Self.padding)
            defer { folded.deallocate() }
            let count = Self.fold(input, into: folded, latinFold: tables.latinFold)
            (folded + count).initialize(repeating: 0, count: Self.padding)
            scan(folded, count: count)
        }
    }

    /// The unique terms, sorted bytewise (terms are a–z and 0–9, so this is `String` order), joined by spaces.
    func sortedLine() -> String {
        guard termCount > 0 else { return "" }
        let total = sortedLineCount
        return String(unsafeUninitializedCapacity: total) { out in
            writeSortedLine(to: out.baseAddress!, total: total)
        }
    }

    /// `sortedLine()` appended to `out` as bytes (the index line is written as bytes).
    func appendSortedLine(to out: inout [UInt8]) {
        guard termCount > 0 else { return }
        let total = sortedLineCount, start = out.count
        out.append(contentsOf: repeatElement(0, count: total))
        out.withUnsafeMutableBufferPointer { out in
            _ = writeSortedLine(to: out.baseAddress! + start, total: total)
        }
    }

    /// The byte count of `sortedLine()` (with at least one term).
    private var sortedLineCount: Int {
        var total = termCount - 1
        for index in 0..<termCount { total += terms[index].count }
        return total
    }

    /// Writes the `total` bytes of `sortedLine()` to `out` and returns their count.
    private func writeSortedLine(to out: UnsafeMutablePointer<UInt8>, total: Int) -> Int {
        var o = 0
        forEachInOrder { index in
            if o > 0 {
                out[o] = 0x20
                o += 1
            }
            let term = terms[index]
            // Eight bytes at a time while they fit; what runs past the term is written over next.
            var k = 0
            while k < term.count {
                guard o + k + 8 <= total else {
                    for rest in k..<term.count { out[o + rest] = arena[term.start + rest] }
                    break
                }
                let bytes = UnsafeRawPointer(arena + term.start + k).loadUnaligned(as: UInt64.self)
                UnsafeMutableRawPointer(out + o + k).storeBytes(of: bytes, as: UInt64.self)
                k += 8
            }
            o += term.count
        }
        return o
    }

    /// Calls `body` with the indices of `terms` in bytewise order of the terms.
    private func forEachInOrder(_ body: (Int) -> Void) {
        // Sort numbers, not terms: the first eight bytes of a term in six bits each (0 after its end,
        // then 0–9, then a–z, which keeps their order) above the index in the low sixteen bits.
        // Terms that share those eight bytes are put in order after.
        guard termCount <= 1 << 16 else {
            (0..<termCount).sorted { isOrdered(terms[$0], before: terms[$1]) }.forEach(body)
            return
        }
        var keys = [UInt64](unsafeUninitializedCapacity: termCount) { keys, initialized in
            for index in 0..<termCount {
                let term = terms[index]
                keys[index] = Self.sortKey(Self.chunk(arena + term.start, at: 0, count: term.count)) << 16 | UInt64(index)
            }
            initialized = termCount
        }
        keys.withUnsafeMutableBufferPointer { keys in
            Self.sort(keys)
            var start = 0
            for end in 1...termCount where end == termCount || keys[end] >> 16 != keys[start] >> 16 {
                if end - start > 1 {
                    var run = UnsafeMutableBufferPointer(rebasing: keys[start..<end])
                    run.sort { isOrdered(terms[Int($0 & 0xFFFF)], before: terms[Int($1 & 0xFFFF)]) }
                }
                start = end
            }
            for key in keys { body(Int(key & 0xFFFF)) }
        }
    }

    /// The first eight bytes of a term (`chunk`: 0 after its end, else 0–9 and a–z) as eight
    /// six-bit codes, the first byte's highest: 0 for none, 1–10 for 0–9, 11–36 for a–z.
    @inline(__always)
    static func sortKey(_ bytes: UInt64) -> UInt64 {
        let lanes: UInt64 = 0x0101_0101_0101_0101
        // Per byte (all below 0x80, so nothing carries into the next): which are letters, which not 0.
        let letters = ((bytes &+ 0x1F * lanes) & (0x80 * lanes)) >> 7
        let used = ((bytes &+ 0x7F * lanes) & (0x80 * lanes)) >> 7
        let codes = bytes &- (used &* 0x2F &+ letters &* 0x27)
        // Eight bytes of six bits each into 48 bits, the first byte highest.
        var key = codes.byteSwapped
        key = (key & 0x3F00_3F00_3F00_3F00) >> 2 | (key & 0x003F_003F_003F_003F)
        key = (key & 0x0FFF_0000_0FFF_0000) >> 4 | (key & 0x0000_0FFF_0000_0FFF)
        key = (key & 0x00FF_FFFF_0000_0000) >> 8 | (key & 0x0000_0000_00FF_FFFF)
        return key
    }

    /// Sorts distinct numbers: by their top three six-bit digits (a term's first three bytes) in
    /// three counting passes, then each run that shares them by insertion (a long run by `sort`).
    /// Comparison sorts spend their time on mispredicted branches here.
    private static func sort(_ keys: UnsafeMutableBufferPointer<UInt64>) {
        let count = keys.count
        guard count > 1 else { return }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * 64) { counts in
            counts.initialize(repeating: 0)
            for key in keys {
                counts[Int(truncatingIfNeeded: (key >> 46) & 63)] &+= 1
                counts[64 &+ Int(truncatingIfNeeded: (key >> 52) & 63)] &+= 1
                counts[128 &+ Int(truncatingIfNeeded: key >> 58)] &+= 1
            }
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { scratch in
                var source = keys, target = scratch
                for digit in 0..<3 {
                    let shift = UInt64(46 + 6 * digit)
                    let offsets = UnsafeMutableBufferPointer(rebasing: counts[(digit * 64)..<(digit * 64 + 64)])
                    // A digit all keys share changes nothing.
                    if offsets[Int(truncatingIfNeeded: (source[0] >> shift) & 63)] == count { continue }
                    var offset = 0
                    for bucket in 0..<64 {
                        let size = offsets[bucket]
                        offsets[bucket] = offset
                        offset &+= size
                    }
                    for key in source {
                        let bucket = Int(truncatingIfNeeded: (key >> shift) & 63)
                        target[offsets[bucket]] = key
                        offsets[bucket] &+= 1
                    }
                    swap(&source, &target)
                }
                if source.baseAddress != keys.baseAddress { _ = keys.update(fromContentsOf: source) }
            }
        }
        var start = 0
        for end in 1...count where end == count || keys[end] >> 46 != keys[start] >> 46 {
            if end - start > 32 {
                var run = UnsafeMutableBufferPointer(rebasing: keys[start..<end])
                run.sort()
            } else {
                var i = start + 1
                while i < end {
                    let value = keys[i]
                    var j = i
                    while j > start, keys[j - 1] > value {
                        keys[j] = keys[j - 1]
                        j -= 1
                    }
                    keys[j] = value
                    i += 1
                }
            }
            start = end
        }
    }

    private func isOrdered(_ x: Term, before y: Term) -> Bool {
        let common = Swift.min(x.count, y.count)
        for i in 0..<common {
            let p = arena[x.start + i], q = arena[y.start + i]
            if p != q { return p < q }
        }
        return x.count < y.count
    }

    // MARK: folding (`SearchText.fold`)

    /// `SearchText.fold(text)`, on bytes.
    static func folded(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        var text = text
        return text.withUTF8 { input in
            SearchTermTables.latinFold.withUnsafeBufferPointer { latinFold in
                String(unsafeUninitializedCapacity: input.count) { out in
                    fold(input, into: out.baseAddress!, latinFold: latinFold)
                }
            }
        }
    }

    /// Writes the bytes of `SearchText.fold(text)` for the UTF-8 `input` to `out` (at least
    /// `input.count` bytes) and returns their count.
    static func fold(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>,
                     latinFold: UnsafeBufferPointer<UInt32>) -> Int {
        guard let base = input.baseAddress else { return 0 }
        let count = input.count
        var i = 0, o = 0
        while i < count {
            if i + 8 <= count {
                // Eight bytes at once: set bit 5 of those in A–Z and keep those before the first
                // non-ASCII byte. A carry only runs into later bytes, so none of those kept is
                // touched; the others are written over next (`out` lags `input`, never leads).
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let atLeastA = word &+ 0x3F3F_3F3F_3F3F_3F3F
                let aboveZ = word &+ 0x2525_2525_2525_2525
                let upper = atLeastA & ~aboveZ & 0x8080_8080_8080_8080
                UnsafeMutableRawPointer(out + o).storeBytes(of: (word | (upper >> 2)).littleEndian, as: UInt64.self)
                let nonASCII = word & 0x8080_8080_8080_8080
                if nonASCII == 0 {
                    i += 8
                    o += 8
                    continue
                }
                let ascii = nonASCII.trailingZeroBitCount >> 3
                i += ascii
                o += ascii
            } else if base[i] < 0x80 {
                let byte = base[i]
                out[o] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                i += 1
                o += 1
                continue
            }
            let byte = base[i]
            if byte < 0xE0 {
                // Latin-1 and Latin Extended: what `Slug` writes out, from the table.
                let scalar = Int(byte & 0x1F) << 6 | Int(base[i + 1] & 0x3F)
                let entry = latinFold[scalar - 0x80]
                let length = Int(entry >> 24)
                var bytes = entry
                for k in 0..<length {
                    out[o + k] = UInt8(truncatingIfNeeded: bytes)
                    bytes >>= 8
                }
                o += length
                i += 2
            } else if byte < 0xF0 {
                let scalar = UInt32(byte & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F)
                switch scalar {
                case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
                    break // joins, like the soft hyphen
                case 0x1E9E: // ẞ
                    out[o] = 0x73
                    out[o + 1] = 0x73
                    o += 2
                default:
                    out[o] = 0x20
                    o += 1
                }
                i += 3
            } else {
                out[o] = 0x20
                o += 1
                i += 4
            }
        }
        return o
    }

    // MARK: words (`SearchText.words(withParts: true)`) and terms

    private mutating func scan(_ text: UnsafeMutablePointer<UInt8>, count: Int) {
        let wordClass = tables.wordClass
        var i = 0
        while i < count {
            var classes = wordClass[Int(text[i])]
            if classes == 0 {
                i += 1
                continue
            }
            let start = i
            i += 1
            while true {
                // Letters eight at a time (folded text is ASCII, and the padding of zeros ends the last word).
                let bytes = UnsafeRawPointer(text + i).loadUnaligned(as: UInt64.self)
                let letters = (bytes &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(bytes &+ 0x0505_0505_0505_0505)
                let others = ~letters & 0x8080_8080_8080_8080
                if others == 0 {
                    classes |= 1
                    i += 8
                    continue
                }
                let run = UInt64(littleEndian: others).trailingZeroBitCount >> 3
                if run > 0 {
                    classes |= 1
                    i += run
                }
                let byteClass = wordClass[Int(text[i])]
                if byteClass == 0 { break }
                classes |= byteClass
                i += 1
            }
            if classes & 4 == 0 {
                let count = i - start
                guard count > 1 else { continue }
                if count <= 8 {
                    // What a word gives depends on its bytes only (a word has no zero byte, so
                    // no word is the empty slot's 0).
                    let word = Self.chunk(text + start, at: 0, count: count)
                    let slot = Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> 54)
                    if recentWords[slot] == word { continue }
                    recentWords[slot] = word
                } else if count <= 16 {
                    let head = Self.chunk(text + start, at: 0, count: count)
                    let tail = Self.chunk(text + start, at: 8, count: count)
                    let slot = 2 * Int(truncatingIfNeeded: ((head ^ tail &* 0xBF58_476D_1CE4_E5B9) &* 0x9E37_79B9_7F4A_7C15) >> 55)
                    if recentLongWords[slot] == head && recentLongWords[slot + 1] == tail { continue }
                    recentLongWords[slot] = head
                    recentLongWords[slot + 1] = tail
                }
                consider(text + start, count: count, classes: classes)
            } else {
                hyphenated(text + start, count: i - start)
            }
        }
    }

    /// A word with hyphens: its parts (of two or more bytes), and when there are several parts, the
    /// joined word. Writes the joined word over the word itself, which is not needed after.
    private mutating func hyphenated(_ word: UnsafeMutablePointer<UInt8>, count: Int) {
        let wordClass = tables.wordClass
        var parts = 0
        var joinedCount = 0
        var i = 0
        while i < count {
            if word[i] == 0x2D {
                i += 1
                continue
            }
            let start = i
            var classes: UInt8 = 0
            while i < count, word[i] != 0x2D {
                classes |= wordClass[Int(word[i])]
                i += 1
            }
            parts += 1
            if i - start > 1 { consider(word + start, count: i - start, classes: classes) }
            // Only bytes already read move, and only to the left.
            for k in start..<i { word[joinedCount + k - start] = word[k] }
            joinedCount += i - start
        }
        if parts > 1 {
            var classes: UInt8 = 0
            for k in 0..<joinedCount { classes |= wordClass[Int(word[k])] }
            consider(word, count: joinedCount, classes: classes)
        }
    }

    /// A word of at least two bytes of a–z and 0–9 (`classes`: which of them): its term, unless
    /// it is a stop word or a noise number.
    private mutating func consider(_ word: UnsafeMutablePointer<UInt8>, count: Int, classes: UInt8) {
        var termCount = count
        if classes == 2 {
            // Digits only: years and postcodes stay, other numbers are noise.
            guard count == 4 || count == 5 else { return }
        } else if classes == 1 {
            if count <= tables.longestStopWord, Self.isStopWord(word, count: count, slots: tables.stopWordSlots) { return }
            termCount = Self.stemCount(word, count: count)
        }
        if termCount > 1 { insert(word, count: termCount) }
    }

    private static func isStopWord(_ word: UnsafePointer<UInt8>, count: Int, slots: UnsafeBufferPointer<UInt64>) -> Bool {
        // Stop words are short; one of more than eight letters would miss the table.
        guard count <= 8 else {
            return SearchText.isStopWord(String(decoding: UnsafeBufferPointer(start: word, count: count), as: UTF8.self))
        }
        let key = chunk(word, at: 0, count: count)
        var slot = SearchTermTables.slot(of: key, count: slots.count)
        while true {
            let entry = slots[slot]
            if entry == key { return true }
            if entry == 0 { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    // MARK: stemming (`SearchText.stem`, on lengths)

    /// Consonants after which a final `s` (or `st`) is an ending: b d f g h k l m n t.
    @inline(__always)
    private static func stEnding(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x62, 0x64, 0x66, 0x67, 0x68, 0x6B, 0x6C, 0x6D, 0x6E, 0x74: true
        default: false
        }
    }

    /// How much of the word (a–z only) its stem keeps.
    static func stemCount(_ w: UnsafePointer<UInt8>, count: Int) -> Int {
        let e: UInt8 = 0x65, m: UInt8 = 0x6D, n: UInt8 = 0x6E, r: UInt8 = 0x72, s: UInt8 = 0x73, t: UInt8 = 0x74
        var c = count
        // Step 1.
        if c > 5, w[c - 3] == e, w[c - 2] == r, w[c - 1] == n {
            c -= 3
        } else if c > 4, w[c - 2] == e, w[c - 1] == m || w[c - 1] == n || w[c - 1] == r || w[c - 1] == s {
            c -= 2
        } else if c > 3, w[c - 1] == e {
            c -= 1
        } else if c > 3, w[c - 1] == s, stEnding(w[c - 2]) {
            c -= 1
        }
        // Step 2.
        if c > 5, w[c - 3] == e, w[c - 2] == s, w[c - 1] == t {
            c -= 3
        } else if c > 4, w[c - 2] == e, w[c - 1] == r || w[c - 1] == n {
            c -= 2
        } else if c > 4, w[c - 2] == s, w[c - 1] == t, stEnding(w[c - 3]) {
            c -= 2
        }
        return c
    }

    // MARK: unique terms

    /// Eight bytes of `bytes` from `offset` on, those at or after `count` as zeros; the first in the
    /// lowest byte. Reads up to `padding` bytes past `count`.
    @inline(__always)
    private static func chunk(_ bytes: UnsafePointer<UInt8>, at offset: Int, count: Int) -> UInt64 {
        let word = UInt64(littleEndian: UnsafeRawPointer(bytes + offset).loadUnaligned(as: UInt64.self))
        let rest = count - offset
        return rest >= 8 ? word : word & ((1 << (UInt64(truncatingIfNeeded: rest) &* 8)) &- 1)
    }

    /// `head` is `chunk(bytes, at: 0, count: count)`.
    @inline(__always)
    private static func hash(_ bytes: UnsafePointer<UInt8>, count: Int, head: UInt64) -> UInt64 {
        var hash = (head ^ UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 31
        var offset = 8
        while offset < count {
            hash = (hash ^ chunk(bytes, at: offset, count: count)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        return hash
    }

    /// Whether the bytes from `offset` to `count` are the same.
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, from offset: Int, count: Int) -> Bool {
        var offset = offset
        while offset < count {
            if chunk(a, at: offset, count: count) != chunk(b, at: offset, count: count) { return false }
            offset += 8
        }
        return true
    }

    /// Keeps `term` (inside the padded folded text) unless it is known.
    private mutating func insert(_ term: UnsafePointer<UInt8>, count: Int) {
        let head = Self.chunk(term, at: 0, count: count)
        let hash = Self.hash(term, count: count, head: head)
        let check = Slot.check(hash: hash, count: count)
        let mask = slotCount - 1
        var slot = Int(truncatingIfNeeded: hash >> 20) & mask
        while true {
            let entry = slots[slot]
            if entry.tag == 0 { break }
            if entry.tag & 0xFFFF_FFFF_0000_0000 == check, entry.head == head {
                if count <= 8 { return }
                let known = terms[Int(truncatingIfNeeded: entry.tag & 0xFFFF_FFFF) - 1]
                if known.count == count, Self.equal(arena + known.start, term, from: 8, count: count) { return }
            }
            slot = (slot + 1) & mask
        }
        if arenaCount + count > arenaCapacity { growArena(toFit: arenaCount + count) }
        // Eight bytes at a time into the padded arena; what runs past the term is written over next.
        var offset = 0
        repeat {
            let bytes = UnsafeRawPointer(term + offset).loadUnaligned(as: UInt64.self)
            UnsafeMutableRawPointer(arena + arenaCount + offset).storeBytes(of: bytes, as: UInt64.self)
            offset += 8
        } while offset < count
        if termCount == termCapacity { growTerms() }
        terms[termCount] = Term(start: arenaCount, count: count, hash: hash)
        arenaCount += count
        termCount += 1
        slots[slot] = Slot(head: head, tag: check | UInt64(termCount))
        if termCount * 2 > slotCount { growSlots() }
    }

    private mutating func growArena(toFit needed: Int) {
        var capacity = arenaCapacity * 2
        while capacity < needed { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + Self.padding)
        grown.initialize(repeating: 0, count: capacity + Self.padding)
        grown.update(from: arena, count: arenaCount)
        arena.deallocate()
        arena = grown
        arenaCapacity = capacity
    }

    private mutating func growTerms() {
        let grown = UnsafeMutablePointer<Term>.allocate(capacity: termCapacity * 2)
        grown.moveInitialize(from: terms, count: termCount)
        terms.deallocate()
        terms = grown
        termCapacity *= 2
    }

    private mutating func growSlots() {
        let old = slots, oldCount = slotCount
        slotCount *= 2
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: .free, count: slotCount)
        let mask = slotCount - 1
        for i in 0..<oldCount where old[i].tag != 0 {
            let hash = terms[Int(truncatingIfNeeded: old[i].tag & 0xFFFF_FFFF) - 1].hash
            var slot = Int(truncatingIfNeeded: hash >> 20) & mask
            while slots[slot].tag != 0 { slot = (slot + 1) & mask }
            slots[slot] = old[i]
        }
        old.deallocate()
    }
}
