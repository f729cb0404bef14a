/// Name-based UUIDs (RFC 9562 version 5, SHA-1): the same entry always gets the same identifier
/// in the open data, without storing one in the content. HSDS requires UUIDs as identifiers.
enum AngeboteUUID {
    /// The RFC 9562 namespace for URLs (6ba7b811-9dad-11d1-80b4-00c04fd430c8).
    static let urlNamespace: [UInt8] = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                        0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]

    /// UUID v5 of `name` in the URL namespace, lower-case with hyphens.
    static func v5(_ name: String) -> String {
        // One buffer with room for the padding: the digest pads it in place instead of copying.
        var message: [UInt8] = []
        message.reserveCapacity((urlNamespace.count + name.utf8.count + 9 + 63) / 64 * 64)
        message += urlNamespace
        message += name.utf8
        var hash = SHA1.digest(message)
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        let hex: StaticString = "0123456789abcdef"
        // 32 hex digits and 4 hyphens, written in place (the open data has several ids per entry).
        return String(unsafeUninitializedCapacity: 36) { out in
            var o = 0
            for index in 0..<16 {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    out[o] = 0x2D
                    o += 1
                }
                let byte = hash[index]
                out[o] = hex.utf8Start[Int(byte >> 4)]
                out[o + 1] = hex.utf8Start[Int(byte & 0xF)]
                o += 2
            }
            return o
        }
    }
}

/// SHA-1 (FIPS 180-4), only for name-based UUIDs; not for anything that needs security.
enum SHA1 {
    static func digest(_ message: consuming [UInt8]) -> [UInt8] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)
        // Taken over, not copied: a caller that hands over its only reference gets it padded in place.
        var data = message
        let bitLength = UInt64(data.count) * 8
        data.reserveCapacity((data.count + 9 + 63) / 64 * 64)
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        // The message schedule on the stack, not in an array made for every digest.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            data.withUnsafeBufferPointer { data in
                for chunk in stride(from: 0, to: data.count, by: 64) {
                    for i in 0..<16 {
                        let b = chunk + i * 4
                        w[i] = UInt32(data[b]) << 24 | UInt32(data[b + 1]) << 16 | UInt32(data[b + 2]) << 8 | UInt32(data[b + 3])
                    }
                    for i in 16..<80 {
                        let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
                        w[i] = (x << 1) | (x >> 31)
                    }
                    var (a, b, c, d, e) = h
                    // The four kinds of rounds as their own loops: no branch on the round number.
                    for i in 0..<20 {
                        let temp = ((a << 5) | (a >> 27)) &+ ((b & c) | (~b & d)) &+ e &+ 0x5A827999 &+ w[i]
                        e = d; d = c; c = (b << 30) | (b >> 2); b = a; a = temp
                    }
                    for i in 20..<40 {
                        let temp = ((a << 5) | (a >> 27)) &+ (b ^ c ^ d) &+ e &+ 0x6ED9EBA1 &+ w[i]
                        e = d; d = c; c = (b << 30) | (b >> 2); b = a; a = temp
                    }
                    for i in 40..<60 {
                        let temp = ((a << 5) | (a >> 27)) &+ ((b & c) | (b & d) | (c & d)) &+ e &+ 0x8F1BBCDC &+ w[i]
                        e = d; d = c; c = (b << 30) | (b >> 2); b = a; a = temp
                    }
                    for i in 60..<80 {
                        let temp = ((a << 5) | (a >> 27)) &+ (b ^ c ^ d) &+ e &+ 0xCA62C1D6 &+ w[i]
                        e = d; d = c; c = (b << 30) | (b >> 2); b = a; a = temp
                    }
                    h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
                }
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(20)
        func append(_ value: UInt32) {
            for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
        }
        append(h.0); append(h.1); append(h.2); append(h.3); append(h.4)
        return out
    }
}
