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
        var text = text
        return text.withUTF8 { bytes in
            let start = lineStarts[line - 1]
            let end = min(bytes.count, start + byteColumn - 1)
            guard start < end else { return byteColumn }
            // Count scalar starts (bytes that are not UTF-8 continuation bytes).
            var characters = 0
            for index in start..<end where bytes[index] & 0xC0 != 0x80 { characters += 1 }
            return characters + 1
        }
    }
}
