import Support

/// An HTML tag built as bytes for cmark, which takes it as a C string.
struct CTag {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(256) }

    /// Empties the buffer (keeping its room) and writes `text`.
    mutating func start(_ text: StaticString) {
        bytes.removeAll(keepingCapacity: true)
        append(text)
    }

    mutating func append(_ text: StaticString) {
        bytes.append(static: text)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// `Escape.html(text)`, appended.
    mutating func appendEscaped(_ text: String) {
        Escape.appendHTML(text, to: &bytes)
    }

    /// The tag so far, terminated, for the duration of `body`. A NUL from content ends it early,
    /// as it ended the Swift String handed to cmark before.
    mutating func withCString<Result>(_ body: (UnsafePointer<CChar>) -> Result) -> Result {
        bytes.append(0)
        defer { bytes.removeLast() }
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}
