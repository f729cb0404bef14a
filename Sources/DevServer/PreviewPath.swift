import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a request path of the preview names, decided without ever leaving the output folder.
///
/// The path is percent-decoded exactly once; then anything that could climb out or smuggle a
/// second meaning is refused: `..` and `.` segments, empty segments, backslashes, NUL and other
/// control characters, hidden names (`.htaccess`). The file's real path (symbolic links
/// resolved) must still lie inside the real output folder. `%252e` decodes to the literal name
/// `%2e`, which is no file of the site.
public enum PreviewPath {
    public enum Resolution: Equatable, Sendable {
        /// Serve this file (absolute, symbolic links resolved).
        case file(String)
        /// A folder asked for without its trailing slash: redirect to this site path.
        case redirect(String)
        case notFound
        /// A path that tries to leave the output folder or is malformed.
        case refused
    }

    /// `rawPath`: the request target's path as sent (percent-encoded, without `?query`).
    /// `root`: the output folder.
    public static func resolve(_ rawPath: String, root: String) -> Resolution {
        guard rawPath.hasPrefix("/"), !hasForbiddenBytes(rawPath, allowPercent: true) else { return .refused }
        guard let decoded = rawPath.removingPercentEncoding, !hasForbiddenBytes(decoded, allowPercent: true) else {
            return .refused
        }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (offset, segment) in segments.enumerated() {
            let isLast = offset == segments.count - 1
            if segment.isEmpty && !isLast { return .refused }
            if segment == "." || segment == ".." { return .refused }
            if segment.hasPrefix(".") && segment != ".well-known" { return .refused }
        }
        guard let realRoot = realPath(root) else { return .notFound }
        var candidate = realRoot + decoded
        var info = stat()
        guard stat(candidate, &info) == 0 else { return .notFound }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            guard decoded.hasSuffix("/") else { return .redirect(rawPath + "/") }
            candidate += "index.html"
        }
        guard let real = realPath(candidate), real.hasPrefix(realRoot + "/") else {
            return FileManager.default.fileExists(atPath: candidate) ? .refused : .notFound
        }
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .notFound }
        return .file(real)
    }

    /// Backslashes, NUL, control characters and DEL; `%` only where it may still be encoding.
    static func hasForbiddenBytes(_ text: String, allowPercent: Bool) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") || (!allowPercent && $0 == UInt8(ascii: "%")) }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
