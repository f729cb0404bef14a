/// Name-based UUIDs (RFC 9562 version 5, SHA-1): the same entry always gets the same identifier
/// in the open data, without storing one in the content. HSDS requires UUIDs as identifiers.
enum AngeboteUUID {
    /// The RFC 9562 namespace for URLs (6ba7b811-9dad-11d1-80b4-00c04fd430c8).
    static let urlNamespace: [UInt8] = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                        0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]

    /// UUID v5 of `name` in the URL namespace, lower-case with hyphens.
    static func v5(_ name: String) -> String {
        var hash = SHA1.digest(urlNamespace + Array(name.utf8))
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
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)
        var data = message
        let bitLength = UInt64(message.count) * 8
        data.reserveCapacity((message.count + 9 + 63) / 64 * 64)
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
                    for i in 0..<80 {
                        let f: UInt32, k: UInt32
                        switch i {
                        case 0..<20: f = (b & c) | (~b & d); k = 0x5A827999
                        case 20..<40: f = b ^ c ^ d; k = 0x6ED9EBA1
                        case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC
                        default: f = b ^ c ^ d; k = 0xCA62C1D6
                        }
                        let temp = ((a << 5) | (a >> 27)) &+ f &+ e &+ k &+ w[i]
                        e = d; d = c; c = (b << 30) | (b >> 2); b = a; a = temp
                    }
                    h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
                }
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(20)
        for value in [h.0, h.1, h.2, h.3, h.4] {
            for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
        }
        return out
    }
}
