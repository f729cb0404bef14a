/// Collects plain text from UTF-8 pieces (text-node literals, separators) the way
/// `pieces.joined().collapsingWhitespace()` and then `wordCount` would, in one pass over the bytes
/// and without a String per piece: runs of ASCII whitespace (space, tab, CR, LF) become one space,
/// none at the start or end; other whitespace (no-break space …) is text, as before.
struct PlainTextBuilder {
    /// The text so far; a separator is written as soon as whitespace follows a word, so the last
    /// byte may be a space that `string` leaves out.
    private var bytes: [UInt8] = []
    /// True at the start and right after a separator: whitespace here writes nothing.
    private var atSpace = true
    /// Runs of non-whitespace bytes written so far.
    private(set) var wordCount = 0

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var string: String {
        let end = bytes.last == 0x20 ? bytes.count - 1 : bytes.count
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[..<end]), as: UTF8.self) }
    }

    /// A separator between blocks, cells or lines.
    mutating func appendSpace() {
        if !atSpace {
            bytes.append(0x20)
            atSpace = true
        }
    }

    mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        guard !piece.isEmpty else { return }
        // Every byte written stands for one byte of `piece`: grow by `piece.count` first, write
        // through a pointer without a branch per byte (spaces come every few bytes and would be
        // mispredicted), then trim what was not used.
        var end = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: piece.count))
        var atSpace = atSpace
        var words = wordCount
        bytes.withUnsafeMutableBufferPointer { out in
            for byte in piece {
                // The smart shift gives 0 for bytes of 64 and above.
                let isSpace = (Self.whitespaceMask >> UInt64(byte)) & 1 == 1
                out[end] = isSpace ? 0x20 : byte
                end &+= isSpace && atSpace ? 0 : 1
                words &+= !isSpace && atSpace ? 1 : 0
                atSpace = isSpace
            }
        }
        bytes.removeLast(bytes.count - end)
        self.atSpace = atSpace
        wordCount = words
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Bits 0x20, 0x0A, 0x09 and 0x0D.
    private static let whitespaceMask: UInt64 = 1 << 0x20 | 1 << 0x0A | 1 << 0x09 | 1 << 0x0D
}
