/// What a URL in content points to.
enum LinkKind: Equatable {
    case siteRelative      // /2022/05/armut/
    case internalAbsolute  // https://mittelsachsen-sozial.de/…
    case relative          // ../bild.png, bild.png
    case fragment          // #abschnitt
    case mail, phone
    case external
    case dangerous         // javascript:, data:, file:, vbscript:

    init(_ url: String, siteHosts: [String]) {
        self = Self.of(url, hosts: SiteHosts(siteHosts))
    }

    /// The kind of `url`; a function, whose arguments are borrowed (an initialiser's are owned:
    /// the caller would retain the URL and the three arrays of `hosts` for every link).
    static func of(_ url: String, hosts: SiteHosts) -> LinkKind {
        if let kind = url.utf8.withContiguousStorageIfAvailable({ Self.ascii($0, hosts: hosts) }), let kind {
            return kind
        }
        return LinkKind(unicode: url, hosts: hosts)
    }

    /// The rules below on the bytes of an all-ASCII URL (nearly every URL): ASCII lowercasing is
    /// what `lowercased()` does to it, and its Characters are its bytes (a "\r\n" pair is one
    /// Character, but none of the prefixes or separators looked for is a CR or LF).
    /// nil for any other URL.
    private static func ascii(_ bytes: UnsafeBufferPointer<UInt8>, hosts: SiteHosts) -> LinkKind? {
        var isASCII = true
        for byte in bytes where byte >= 0x80 { isASCII = false; break }
        guard isASCII else { return nil }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        func starts(with prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard bytes.count >= count else { return false }
            for index in 0..<count where lower(bytes[index]) != prefix.utf8Start[index] { return false }
            return true
        }
        if starts(with: "#") { return .fragment }
        if starts(with: "//") { return .external }
        if starts(with: "/") { return .siteRelative }
        if starts(with: "mailto:") { return .mail }
        if starts(with: "tel:") { return .phone }
        if starts(with: "http://") || starts(with: "https://") {
            let slash = bytes.firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
            let hostStart = min(slash + 2, bytes.count)
            var hostEnd = hostStart
            while hostEnd < bytes.count, !Self.endsHost(bytes[hostEnd]) { hostEnd += 1 }
            let host = UnsafeBufferPointer(rebasing: bytes[hostStart..<hostEnd])
            let www = host.count >= 4 && lower(host[0]) == UInt8(ascii: "w") && lower(host[1]) == UInt8(ascii: "w")
                && lower(host[2]) == UInt8(ascii: "w") && host[3] == UInt8(ascii: ".")
            let bare = www ? UnsafeBufferPointer(rebasing: host[4...]) : host
            return hosts.containsASCII(host) || hosts.containsASCII(bare) ? .internalAbsolute : .external
        }
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
           !bytes[..<colon].contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            return .dangerous
        }
        return .relative
    }

    private static func endsHost(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#")
    }

    init(unicode url: String, siteHosts: [String]) {
        self.init(unicode: url, hosts: SiteHosts(siteHosts))
    }

    /// The rules on Characters, for URLs with non-ASCII characters.
    init(unicode url: String, hosts: SiteHosts) {
        let lower = url.lowercased()
        if lower.hasPrefix("#") { self = .fragment; return }
        if lower.hasPrefix("//") { self = .external; return }
        if lower.hasPrefix("/") { self = .siteRelative; return }
        if lower.hasPrefix("mailto:") { self = .mail; return }
        if lower.hasPrefix("tel:") { self = .phone; return }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            let afterScheme = lower.drop(while: { $0 != "/" }).dropFirst(2)
            let host = String(afterScheme.prefix(while: { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }))
            let bare = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
            self = hosts.lowercased.contains(where: { $0 == host || $0 == bare })
                ? .internalAbsolute : .external
            return
        }
        // A scheme before any / ? # is something we do not allow (javascript:, data:, file: …).
        if let colon = lower.firstIndex(of: ":"),
           !lower[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            self = .dangerous
            return
        }
        self = .relative
    }
}
