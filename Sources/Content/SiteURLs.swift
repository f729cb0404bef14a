import Foundation

/// How a link or image address in Markdown refers to this site.
enum SiteURLs {
    /// First path segments the build itself uses; a page slug may not take them.
    static let reservedSegments: Set<String> = ["tag", "handlungsfelder", "daten", "angebote", "assets", "feed",
                                                "feeds", "seite", "suche", "newsletter"]

    /// `/2022/05/x/#teil` → (`/2022/05/x/`, `teil`), percent-decoded; own-host absolute URLs are
    /// made site paths; `nil` for external, relative, mail and phone addresses.
    static func sitePath(_ url: String, hosts: [String]) -> (path: String, fragment: String?)? {
        if let answer = asciiSitePath(url) { return answer }
        if isForeignASCIIWebAddress(url, hosts: hosts) { return nil }
        return generalSitePath(url, hosts: hosts)
    }

    /// An all-ASCII `http(s)://` address whose host is not this site's, found byte by byte: most
    /// links that are not site paths are such, and the general code walks them by character.
    /// False means "not sure", never "own site".
    static func isForeignASCIIWebAddress(_ url: String, hosts: [String]) -> Bool {
        var url = url
        return url.withUTF8 { bytes -> Bool in
            let start: Int
            if bytes.starts(with: "http://".utf8) { start = 7 }
            else if bytes.starts(with: "https://".utf8) { start = 8 }
            else { return false }
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return false }
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "/"), bytes[end] != UInt8(ascii: "?"),
                  bytes[end] != UInt8(ascii: "#") { end += 1 }
            let host = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let lowered = host.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            return !hosts.contains { $0.utf8.elementsEqual(lowered) }
        }
    }

    /// `sitePath` for any address, character by character.
    static func generalSitePath(_ url: String, hosts: [String]) -> (path: String, fragment: String?)? {
        var rest = Substring(url)
        if rest.hasPrefix("http://") || rest.hasPrefix("https://") {
            rest = rest.drop(while: { $0 != ":" }).dropFirst(3)
            let host = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" }).lowercased()
            guard hosts.contains(host) else { return nil }
            rest = rest.dropFirst(host.count)
            if rest.isEmpty { rest = "/" }
        }
        guard rest.hasPrefix("/"), !rest.hasPrefix("//") else { return nil }
        var fragment: String? = nil
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        // Decoding goes through NSString; most addresses have nothing to decode.
        let path = rest.utf8.contains(UInt8(ascii: "%")) ? String(rest).removingPercentEncoding ?? String(rest) : String(rest)
        return (path, fragment.map { $0.utf8.contains(UInt8(ascii: "%")) ? $0.removingPercentEncoding ?? $0 : $0 })
    }

    /// `sitePath` for the common case, byte by byte: an all-ASCII address that starts with one
    /// `/` (on ASCII, bytes and characters agree). `.some(nil)`: an ASCII address that is no site
    /// path and no `http(s)` URL; nil: left to the general code.
    static func asciiSitePath(_ url: String) -> (path: String, fragment: String?)?? {
        var contiguous = url
        return contiguous.withUTF8 { bytes -> (path: String, fragment: String?)?? in
            guard let first = bytes.first, first != UInt8(ascii: "h") else { return nil }
            var hash: Int? = nil, query: Int? = nil
            for (index, byte) in bytes.enumerated() {
                if byte >= 0x80 || byte == 0x0D { return nil }
                if byte == UInt8(ascii: "#") { if hash == nil { hash = index } }
                else if byte == UInt8(ascii: "?"), hash == nil, query == nil { query = index }
            }
            guard first == UInt8(ascii: "/") else { return .some(nil) }
            if bytes.count > 1, bytes[1] == UInt8(ascii: "/") { return .some(nil) }
            func text(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            func decoded(_ range: Range<Int>) -> String {
                guard bytes[range].contains(UInt8(ascii: "%")) else {
                    // Most links are a bare path: that is the link's own text, not a new string
                    // (which would be allocated, checked for UTF-8 and freed for every link).
                    return range == 0..<bytes.count ? url : text(range)
                }
                let raw = text(range)
                return raw.removingPercentEncoding ?? raw
            }
            let fragment = hash.map { decoded(($0 + 1)..<bytes.count) }
            return .some((decoded(0..<(query ?? hash ?? bytes.count)), fragment))
        }
    }

    /// The page a static file stands for (`/x/index.html` is served as `/x/`).
    static func servedURL(ofStaticPath path: String) -> String {
        path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
    }

    /// Hosts that count as this site: the configured host with and without `www.`.
    static func hosts(of baseURLHost: String) -> [String] {
        let host = baseURLHost.lowercased()
        return host.hasPrefix("www.") ? [host, String(host.dropFirst(4))] : [host, "www." + host]
    }
}
