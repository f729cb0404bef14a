/// The folder part of a file path: what `NSString.deletingLastPathComponent` gives, which on
/// Linux crashes (SIGILL in swift-corelibs-foundation) for a one-character relative path such as
/// `o` or `x/` — `sozialsite build --output o` and a static folder `content/static/x/` did.
/// Works on the UTF-8 bytes, so it is also cheap enough for every path of a build.
public enum ParentFolder {
    /// `a/b/c` → `a/b`, `a` → "", `/a` → `/`, `a/b/` → `a`, `a//b` → `a`.
    public static func of(_ path: String) -> String {
        let slash = UInt8(ascii: "/")
        let bytes = path.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == slash { end = bytes.index(before: end) }
        if end == bytes.startIndex { return path.isEmpty ? "" : "/" }
        guard let last = bytes[..<end].lastIndex(of: slash) else { return "" }
        var folderEnd = last
        while folderEnd > bytes.startIndex, bytes[bytes.index(before: folderEnd)] == slash {
            folderEnd = bytes.index(before: folderEnd)
        }
        return folderEnd == bytes.startIndex ? "/" : String(path[..<folderEnd])
    }
}
