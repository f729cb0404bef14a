import Foundation

/// How a reference in a generated file points somewhere: into this site, to another origin, or
/// nowhere a check can follow (mail, phone, data).
enum SiteCheckURL: Equatable {
    /// A site path (percent-decoded, no query) and a fragment.
    case site(path: String, fragment: String?)
    /// Another origin: `https://fonts.googleapis.com`.
    case foreign(origin: String)
    /// `mailto:`, `tel:`, `data:`, `javascript:` …: nothing to load or check.
    case other

    /// Resolves `reference` as found in the page at site path `base` (`/2022/05/x/`).
    /// `hosts` are the site's own host names (with and without `www.`).
    static func resolve(_ reference: String, base: String, hosts: Set<String>) -> SiteCheckURL {
        // Browsers drop tabs and line breaks in URLs and read `\` as `/`.
        var url = reference.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
            .trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\\", with: "/")
        if url.isEmpty { return .site(path: base, fragment: nil) }
        if url.hasPrefix("#") { return .site(path: base, fragment: decode(String(url.dropFirst()))) }
        if url.hasPrefix("//") { url = "https:" + url }
        if let colon = url.firstIndex(of: ":"), let scheme = schemeOf(url[..<colon]) {
            guard scheme == "http" || scheme == "https" else { return .other }
            let rest = url[url.index(after: colon)...].drop(while: { $0 == "/" })
            let authority = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
            let hostAndPort = authority.split(separator: "@").last.map(String.init) ?? ""
            let host = hostAndPort.split(separator: ":").first.map { $0.lowercased() } ?? ""
            guard hosts.contains(host) else { return .foreign(origin: "\(scheme)://\(hostAndPort.lowercased())") }
            let path = String(rest.dropFirst(authority.count))
            return split(path.isEmpty ? "/" : path)
        }
        if url.hasPrefix("/") { return split(url) }
        // Relative to the folder of the page.
        let folder = base.hasSuffix("/") ? base : String(base[...(base.lastIndex(of: "/") ?? base.startIndex)])
        return split(normalize(folder + url))
    }

    private static func schemeOf(_ text: Substring) -> String? {
        guard let first = text.first, first.isLetter,
              text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return text.lowercased()
    }

    private static func split(_ pathWithRest: String) -> SiteCheckURL {
        var rest = Substring(pathWithRest)
        var fragment: String? = nil
        if let hash = rest.firstIndex(of: "#") {
            fragment = decode(String(rest[rest.index(after: hash)...]))
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        return .site(path: normalize(decode(String(rest))), fragment: fragment)
    }

    private static func decode(_ text: String) -> String { text.removingPercentEncoding ?? text }

    /// Resolves `.` and `..` segments; never climbs above `/`.
    static func normalize(_ path: String) -> String {
        guard path.contains("/.") else { return path }
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            if part == "." { if index == parts.count - 1 { segments.append("") }; continue }
            if part == ".." {
                if segments.count > 1 { segments.removeLast() }
                if index == parts.count - 1 { segments.append("") }
                continue
            }
            segments.append(part)
        }
        let joined = segments.joined(separator: "/")
        return joined.hasPrefix("/") ? joined : "/" + joined
    }
}

/// The generated site as a set of addresses: which site paths exist, and which ids each page has.
struct SiteCheckAddresses {
    /// Output paths without the leading slash: `2022/05/x/index.html`, `assets/css/site.css`.
    let paths: Set<String>

    init(files: [String]) { paths = Set(files) }

    /// The output file a site path is served from, if any: `/x/` → `x/index.html`; `/x` → `x`
    /// or, as web servers redirect, `x/index.html`.
    func file(for sitePath: String) -> String? {
        var path = sitePath
        while path.hasPrefix("/") { path.removeFirst() }
        if path.isEmpty || path.hasSuffix("/") {
            let index = path + "index.html"
            return paths.contains(index) ? index : nil
        }
        if paths.contains(path) { return path }
        if paths.contains(path + "/index.html") { return path + "/index.html" }
        return nil
    }

    /// Site path of an HTML output file: `2022/05/x/index.html` → `/2022/05/x/`, `404.html` → `/404.html`.
    static func sitePath(ofFile path: String) -> String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
        return "/" + path
    }
}
