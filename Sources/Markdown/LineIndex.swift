#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps cmark's byte columns to character columns, so "ä" counts once as editors expect.
/// Reads the source String's own UTF-8 storage; only the line starts are kept.
struct LineIndex {
    private let text: String
    private let lineStarts: [Int]

    init(_ text: String) {
        var text = text
        var starts = [0]
        // A post has a few dozen lines (a paragraph is one): room for them at once, not by doubling.
        starts.reserveCapacity(64)
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var position = 0
            while position < bytes.count, let hit = memchr(base + position, 0x0A, bytes.count - position) {
                position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(position)
            }
        }
        self.text = text
        lineStarts = starts
    }

    /// 1-based character column for a 1-based byte column on a 1-based line.
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(1, byteColumn) }
        // A native String is contiguous: its bytes without a copy of the String (and a retain).
        if let column = text.utf8.withContiguousStorageIfAvailable({ column(in: $0, line: line, byteColumn: byteColumn) }) {
            return column
        }
        var text = text
        return text.withUTF8 { column(in: $0, line: line, byteColumn: byteColumn) }
    }

    private func column(in bytes: UnsafeBufferPointer<UInt8>, line: Int, byteColumn: Int) -> Int {
        let start = lineStarts[line - 1]
        let end = min(bytes.count, start + byteColumn - 1)
        guard start < end, let base = bytes.baseAddress else { return byteColumn }
        return end - start - Self.continuationBytes(UnsafeBufferPointer(start: base + start, count: end - start)) + 1
    }

    /// UTF-8 continuation bytes (10xxxxxx) in `bytes`; the rest start a scalar. Eight bytes at a
    /// time: a paragraph is one line, and every link in it asks for its column.
    static func continuationBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var index = 0
        // Eight counters of one byte each, summed into `count` before any can pass 255 (the
        // baseline x86-64 target has no popcnt instruction; its software stand-in takes a dozen steps).
        var counters: UInt64 = 0
        var words = 0
        while index + 8 <= bytes.count {
            let word = SWAR.load(base + index)
            // Bit 7 set and bit 6 clear: shifting left by one puts each byte's bit 6 on its bit 7.
            counters &+= (word & ~(word &<< 1) & 0x8080_8080_8080_8080) &>> 7
            words += 1
            if words == 255 {
                count += SWAR.sumOfBytes(counters)
                counters = 0
                words = 0
            }
            index += 8
        }
        count += SWAR.sumOfBytes(counters)
        while index < bytes.count {
            if bytes[index] & 0xC0 == 0x80 { count += 1 }
            index += 1
        }
        return count
    }
}
