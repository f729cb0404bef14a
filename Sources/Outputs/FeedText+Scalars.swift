extension FeedText {
    /// The byte length of the scalar that starts at `i` in `bytes` (valid UTF-8) if it is a
    /// character of its own whatever stands around it, else nil. Such scalars count, split and cut
    /// the same as characters, so text made only of them can be worked on as bytes: ASCII except
    /// `\r` (`\r\n` is one character), Latin-1 from U+00A0 and Latin Extended-A (no combining marks,
    /// joiners or emoji there), the dashes, quotes and dots U+2010–U+2027 and the euro sign.
    @inline(__always)
    static func standaloneScalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
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

    /// Whether every scalar of `text` is a character of its own (`standaloneScalarLength`).
    static func scalarsAreCharacters(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                guard let length = standaloneScalarLength(bytes, at: i) else { return false }
                i += length
            }
            return true
        }
    }

    /// `teaser(text, maxLength:)` worked out on bytes, or nil when a scalar it reads might not be a
    /// character of its own (then characters and scalars could count differently).
    static func teaserByScalars(_ text: String, maxLength: Int) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let (out, scalars) = collapsedStartByScalars(bytes, atLeast: maxLength + 2) else { return nil }
            guard scalars > maxLength else { return String(decoding: out, as: UTF8.self) }
            // The first `maxLength` scalars, cut at the last space, without trailing `,;:–-`.
            var end = 0, counted = 0
            while end < out.count, counted < maxLength || out[end] & 0xC0 == 0x80 {
                if out[end] & 0xC0 != 0x80 { counted += 1 }
                end += 1
            }
            if let space = out[..<end].lastIndex(of: 0x20) { end = space }
            while end > 0 {
                let last = out[end - 1]
                if last == 0x2C || last == 0x3B || last == 0x3A || last == 0x2D {
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

    /// `collapsedStart(of:atLeast:)` on bytes, with its count of scalars; nil as for `teaserByScalars`.
    static func collapsedStartByScalars(_ bytes: UnsafeBufferPointer<UInt8>, atLeast minimum: Int)
        -> (bytes: [UInt8], scalars: Int)? {
        var out: [UInt8] = []
        out.reserveCapacity(Swift.min(bytes.count, 4 * minimum + 8))
        var scalars = 0, inWord = false, i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                inWord = false
                if scalars >= minimum {
                    // A separator is one only if what follows does not join it into another character.
                    if i + 1 < bytes.count, standaloneScalarLength(bytes, at: i + 1) == nil { return nil }
                    return (out, scalars)
                }
                i += 1
                continue
            }
            guard let length = standaloneScalarLength(bytes, at: i) else { return nil }
            if !inWord {
                if !out.isEmpty {
                    out.append(0x20)
                    scalars += 1
                }
                inWord = true
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
            scalars += 1
            i += length
        }
        return (out, scalars)
    }
}
