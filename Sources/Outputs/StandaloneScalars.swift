/// UTF-8 text whose scalars are each a character of their own, worked on as bytes.
///
/// Such scalars count, split and cut the same as characters, so feeds, newsletters and search can
/// shorten German text on its bytes instead of walking Characters; text with anything else goes
/// the Character way.
enum StandaloneScalars {
    /// The byte length of the scalar that starts at `i` in `bytes` (valid UTF-8) if it is a
    /// character of its own whatever stands around it, else nil: ASCII except `\r` (`\r\n` is one
    /// character), Latin-1 from U+00A0 and Latin Extended-A (no combining marks, joiners or emoji
    /// there), the dashes, quotes and dots U+2010–U+2027 and the euro sign.
    @inline(__always)
    static func length(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let byte = bytes[i]
        if byte < 0x80 { return byte == 0x0D ? nil : 1 }
        switch byte {
        case 0xC2: return bytes[i + 1] >= 0xA0 ? 2 : nil
        case 0xC3, 0xC4, 0xC5: return 2
        case 0xE2:
            let second = bytes[i + 1], third = bytes[i + 2]
            if second == 0x80, third >= 0x90, third <= 0xA7 { return 3 }
            return second == 0x82 && third == 0xAC ? 3 : nil
        default: return nil
        }
    }

    /// Whether every scalar of `text` is a character of its own (`length(_:at:)`).
    static func areCharacters(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                guard let length = length(bytes, at: i) else { return false }
                i += length
            }
            return true
        }
    }

    /// Collapsed text (`out`, single spaces, more than `limit` scalars) shortened for a teaser or
    /// summary: its first `limit` scalars cut at the last space, without trailing `trailing` bytes
    /// and en dashes, then " …".
    static func shortened(_ out: [UInt8], limit: Int, trailing: [UInt8]) -> String {
        var end = 0, counted = 0
        while end < out.count, counted < limit || out[end] & 0xC0 == 0x80 {
            if out[end] & 0xC0 != 0x80 { counted += 1 }
            end += 1
        }
        if let space = out[..<end].lastIndex(of: 0x20) { end = space }
        while end > 0 {
            let last = out[end - 1]
            if trailing.contains(last) {
                end -= 1
            } else if end >= 3, out[end - 3] == 0xE2, out[end - 2] == 0x80, last == 0x93 { // –
                end -= 3
            } else {
                break
            }
        }
        return String(decoding: out[..<end], as: UTF8.self) + " …"
    }
}
