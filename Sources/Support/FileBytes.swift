#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files straight into `[UInt8]`.
///
/// `FileManager.contents(atPath:)` fills a `Data` that callers then copied into an array: two
/// allocations and a copy per file, which showed when loading 10,000 posts.
public enum FileBytes {
    /// The file's bytes, or `nil` when it cannot be opened or read (like `FileManager.contents(atPath:)`).
    public static func read(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        // The size is a first guess (the file may change while it is read); one byte more shows
        // whether the end was reached. The buffer is not zeroed first: `count` covers only bytes read.
        let guess = max(Int(info.st_size), 0) + 1
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: guess) { buffer, count in
            count = 0
            while count < guess {
                let got = posixRead(descriptor, buffer.baseAddress! + count, guess - count)
                if got > 0 { count += got; continue }
                if got < 0 && errno == EINTR { continue }
                failed = got < 0
                return
            }
        }
        if failed { return nil }
        guard bytes.count == guess else { return bytes }
        // The file grew: read the rest in chunks.
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let got = chunk.withUnsafeMutableBytes { posixRead(descriptor, $0.baseAddress!, $0.count) }
            if got > 0 { bytes.append(contentsOf: chunk[..<got]); continue }
            if got < 0 && errno == EINTR { continue }
            return got < 0 ? nil : bytes
        }
    }
}

/// `read(2)`; a file-level name because inside `FileBytes` the name `read` means `FileBytes.read`.
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
