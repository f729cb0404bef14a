extension FeedText {
    /// `teaser(text, maxLength:)` worked out on bytes, or nil when a scalar it reads might not be a
    /// character of its own (then characters and scalars could count differently).
    static func teaserByScalars(_ text: String, maxLength: Int) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let (out, scalars) = collapsedStartByScalars(bytes, atLeast: maxLength + 2) else { return nil }
            guard scalars > maxLength else { return String(decoding: out, as: UTF8.self) }
            // The first `maxLength` scalars, cut at the last space, without trailing `,;:–-`.
            return StandaloneScalars.shortened(out, limit: maxLength, trailing: [0x2C, 0x3B, 0x3A, 0x2D])
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
                    if i + 1 < bytes.count, StandaloneScalars.length(bytes, at: i + 1) == nil { return nil }
                    return (out, scalars)
                }
                i += 1
                continue
            }
            guard let length = StandaloneScalars.length(bytes, at: i) else { return nil }
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
