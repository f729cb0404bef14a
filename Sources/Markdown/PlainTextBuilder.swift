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

    /// Starts again, keeping the allocated room.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        atSpace = true
        wordCount = 0
    }

    /// A separator between blocks, cells or lines.
    mutating func appendSpace() {
        if !atSpace {
            bytes.append(0x20)
            atSpace = true
        }
    }

    mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        guard let source = piece.baseAddress, !piece.isEmpty else { return }
        // Every byte written stands for one byte of `piece`: grow by a copy of `piece` (one memcpy),
        // then write the collapsed text over it from the start; writing never overtakes reading.
        var end = bytes.count
        bytes.append(contentsOf: piece)
        // Flags as 0/1 integers and masks instead of Bools: no branch per byte (spaces come every
        // few bytes and would be mispredicted); with Bools the compiler brings the branches back.
        var atSpace = self.atSpace ? 1 : 0
        var words = wordCount
        bytes.withUnsafeMutableBufferPointer { out in
            let target = out.baseAddress!
            let count = piece.count
            var index = 0
            while index < count {
                // Eight bytes at once while they are words and single spaces (most of any prose):
                // then the bytes are written as they are, and only words need counting.
                if index + 8 <= count {
                    let word = SWAR.load(source + index)
                    let spaces = SWAR.bytesEqual(word, 0x20)
                    let otherSpaces = SWAR.bytesEqual(word, 0x09) | SWAR.bytesEqual(word, 0x0A) | SWAR.bytesEqual(word, 0x0D)
                    // Bit 7 of byte i: the byte before it is a space (for byte 0: the text so far ends in one).
                    let afterSpace = spaces &<< 8 | UInt64(atSpace) &<< 7
                    if otherSpaces == 0 && spaces & afterSpace == 0 {
                        UnsafeMutableRawPointer(target + end).storeBytes(of: word, as: UInt64.self)
                        words &+= SWAR.countHighBits(~spaces & afterSpace & SWAR.highBits)
                        atSpace = Int(truncatingIfNeeded: spaces &>> 63)
                        end &+= 8
                        index &+= 8
                        continue
                    }
                }
                // Byte by byte up to the next group of eight (or the end).
                let stop = min(count, index + 8)
                while index < stop {
                    let byte = source[index]
                    let wide = UInt64(byte)
                    // 1 for space, tab, CR, LF: the mask bit, and 0 for any byte of 64 or above.
                    let isSpace = Int(truncatingIfNeeded: (Self.whitespaceMask &>> (wide & 63)) & ((wide &- 64) &>> 63) & 1)
                    let spaceMask = UInt8(truncatingIfNeeded: 0 &- isSpace)
                    target[end] = byte ^ ((byte ^ 0x20) & spaceMask)
                    end &+= 1 &- (isSpace & atSpace)
                    words &+= (isSpace ^ 1) & atSpace
                    atSpace = isSpace
                    index &+= 1
                }
            }
        }
        bytes.removeLast(bytes.count - end)
        self.atSpace = atSpace == 1
        wordCount = words
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Bits 0x20, 0x0A, 0x09 and 0x0D.
    private static let whitespaceMask: UInt64 = 1 << 0x20 | 1 << 0x0A | 1 << 0x09 | 1 << 0x0D
}
