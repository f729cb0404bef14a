extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of `text` (markup and values that need no escaping).
    @inline(__always)
    public mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends the bytes of a literal straight from the binary, without the temporary array an
    /// array literal would be (a short `String` literal is a small string whose bytes would first
    /// be copied out of its representation).
    @inline(__always)
    public mutating func append(static text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
