/// The site's host names, lowercased once for `LinkKind`.
struct SiteHosts: Sendable, Hashable {
    let lowercased: [String]
    /// The bytes of those that are all ASCII; for these, String equality is byte equality.
    private let ascii: [[UInt8]]
    /// Those that are not (a Kelvin sign lowercases to "k", but some scalars stay non-ASCII and
    /// may still equal an ASCII host canonically, as U+037E equals ";"): compared as Strings.
    private let other: [String]

    init(_ hosts: [String]) {
        lowercased = hosts.map { $0.lowercased() }
        ascii = lowercased.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
        other = lowercased.filter { !$0.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// True when the lowercase ASCII `host` (lowercased on the fly) is one of the hosts.
    func containsASCII(_ host: UnsafeBufferPointer<UInt8>) -> Bool {
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        for candidate in ascii where candidate.count == host.count {
            if zip(candidate, host).allSatisfy({ $0 == lower($1) }) { return true }
        }
        guard !other.isEmpty else { return false }
        let string = String(decoding: host.lazy.map(lower), as: UTF8.self)
        return other.contains(string)
    }
}
