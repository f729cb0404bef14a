/// Collects plain text from UTF-8 pieces (text-node literals, separators) the way
/// `pieces.joined().collapsingWhitespace()` and then `wordCount` would, in one pass over the bytes
/// and without a String per piece: runs of ASCII whitespace (space, tab, CR, LF) become one space,
/// none at the start or end; other whitespace (no-break space …) is text, as before.
struct PlainTextBuilder {
    private var bytes: [UInt8] = []
    /// Whitespace seen since the last byte written; becomes a space before the next one.
    private var pendingSpace = false
    /// Runs of non-whitespace bytes written so far.
    private(set) var wordCount = 0

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// A separator between blocks, cells or lines.
    mutating func appendSpace() {
        pendingSpace = true
    }

    mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        guard !piece.isEmpty else { return }
        // Each separator written stands for at least one whitespace byte of `piece`, except the
        // one pending from before: the piece grows the text by at most `piece.count + 1` bytes.
        // Grow first, write through a pointer, trim the rest: no capacity check per byte.
        var end = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: piece.count + 1))
        var pending = pendingSpace
        var words = wordCount
        bytes.withUnsafeMutableBufferPointer { out in
            for byte in piece {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    pending = true
                    continue
                }
                if end == 0 {
                    words = 1
                } else if pending {
                    out[end] = 0x20
                    end += 1
                    words += 1
                }
                pending = false
                out[end] = byte
                end += 1
            }
        }
        bytes.removeLast(bytes.count - end)
        pendingSpace = pending
        wordCount = words
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }
}
