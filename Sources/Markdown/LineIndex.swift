/// Maps cmark's byte columns to character columns, so "ä" counts once as editors expect.
struct LineIndex {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
    }

    /// 1-based character column for a 1-based byte column on a 1-based line.
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(1, byteColumn) }
        let start = lineStarts[line - 1]
        let end = min(bytes.count, start + byteColumn - 1)
        guard start < end else { return byteColumn }
        // Count scalar starts (bytes that are not UTF-8 continuation bytes).
        var characters = 0
        for index in start..<end where bytes[index] & 0xC0 != 0x80 { characters += 1 }
        return characters + 1
    }
}
