#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns straight quotes into German ones, remembering the previous character across the text
/// nodes of one paragraph (emphasis splits text into several nodes). Works on the UTF-8 bytes of
/// a literal: quotes are ASCII (never part of a multi-byte sequence), and only the class of the
/// scalar before a quote (and, for `'`, after it) matters, so only those scalars are decoded.
struct QuoteState {
    enum Previous { case start, space, opener, word, other }

    private var previous: Previous = .start
    private var doubleOpen = false
    private var singleOpen = false

    mutating func reset() { previous = .start; doubleOpen = false; singleOpen = false }

    /// Text that is not converted (inline code) still decides how the next quote opens.
    mutating func note(_ bytes: UnsafeBufferPointer<UInt8>) {
        if !bytes.isEmpty { previous = Self.classifyScalar(endingAt: bytes.count, in: bytes) }
    }

    /// A line break counts as a space.
    mutating func noteSpace() { previous = .space }

    static func classify(_ scalar: Unicode.Scalar) -> Previous {
        switch scalar {
        case " ", "\t", "\n", "\u{00A0}", "\u{202F}": return .space
        case "(", "[", "{", "-", "/", "–", "—", "„", "‚": return .opener
        case "a"..."z", "A"..."Z", "0"..."9": return .word  // what the properties below say, without the table lookup
        default:
            if scalar.isASCII { return .other }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? .word : .other
        }
    }

    /// `classify` for an ASCII byte, as one switch on the byte.
    @inline(__always)
    static func classify(ascii byte: UInt8) -> Previous {
        switch byte {
        case 0x20, 0x09, 0x0A: return .space
        case 0x28, 0x5B, 0x7B, 0x2D, 0x2F: return .opener  // ( [ { - /
        case 0x61...0x7A, 0x41...0x5A, 0x30...0x39: return .word
        default: return .other
        }
    }

    /// The German quotes with their UTF-8 bytes and the class `classify` gives them.
    static let lowDoubleOpening: (bytes: (UInt8, UInt8, UInt8), class: Previous) = ((0xE2, 0x80, 0x9E), .opener)  // „
    static let doubleClosing: (bytes: (UInt8, UInt8, UInt8), class: Previous) = ((0xE2, 0x80, 0x9C), .other)      // “
    static let lowSingleOpening: (bytes: (UInt8, UInt8, UInt8), class: Previous) = ((0xE2, 0x80, 0x9A), .opener)  // ‚
    static let singleClosing: (bytes: (UInt8, UInt8, UInt8), class: Previous) = ((0xE2, 0x80, 0x98), .other)      // ‘
    static let apostrophe: (bytes: (UInt8, UInt8, UInt8), class: Previous) = ((0xE2, 0x80, 0x99), .other)         // ’

    /// Writes `bytes` with German quotes into `out` (replacing its contents) and returns true; when
    /// `bytes` holds no quote, returns false and leaves `out` alone (the text stays as it is).
    mutating func convert(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        guard Self.containsQuote(bytes) else {
            note(bytes)
            return false
        }
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(bytes.count + 16)
        var runStart = 0  // first byte after the last quote
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte == 0x22 || byte == 0x27 else { continue }
            if index > runStart {
                previous = Self.classifyScalar(endingAt: index, in: bytes)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
            let opensAfter = previous == .start || previous == .space || previous == .opener
            let emitted: (bytes: (UInt8, UInt8, UInt8), class: Previous)
            if byte == 0x22 {
                if doubleOpen { emitted = Self.doubleClosing; doubleOpen = false }
                else if opensAfter { emitted = Self.lowDoubleOpening; doubleOpen = true }
                else { emitted = Self.doubleClosing }
            } else {
                let next = index + 1 < bytes.count ? Self.classifyScalar(startingAt: index + 1, in: bytes) : nil
                if previous == .word, next == nil || next == .word || !singleOpen {
                    emitted = Self.apostrophe  // geht's, Andrea's
                } else if !singleOpen && opensAfter {
                    emitted = Self.lowSingleOpening; singleOpen = true
                } else {
                    emitted = Self.singleClosing; singleOpen = false
                }
            }
            out.append(emitted.bytes.0)
            out.append(emitted.bytes.1)
            out.append(emitted.bytes.2)
            previous = emitted.class
            runStart = index + 1
        }
        if bytes.count > runStart {
            previous = Self.classifyScalar(endingAt: bytes.count, in: bytes)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        return true
    }

    /// True when `bytes` holds `"` or `'`. Two memchr calls (vector code, a few bytes per cycle)
    /// beat one pass of eight-byte words that looks for both (measured: about twice as slow).
    static func containsQuote(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, 0x22, bytes.count) != nil || memchr(base, 0x27, bytes.count) != nil
    }

    /// The class of the scalar that ends just before byte `end` (> 0).
    static func classifyScalar(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Previous {
        let last = bytes[end - 1]
        if last < 0x80 { return classify(ascii: last) }
        var start = end - 1
        while start > 0, end - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return classify(decodeScalar(bytes, start..<end))
    }

    /// The class of the scalar that starts at byte `start`.
    static func classifyScalar(startingAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Previous {
        let first = bytes[start]
        if first < 0x80 { return classify(ascii: first) }
        var end = start + 1
        while end < bytes.count, end - start < 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return classify(decodeScalar(bytes, start..<end))
    }

    /// cmark's input is a Swift String, valid UTF-8, so a broken sequence cannot occur; should it,
    /// it reads as U+FFFD, as `String(cString:)` would have repaired it.
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Unicode.Scalar {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = UnsafeBufferPointer(rebasing: bytes[range]).makeIterator()
        if case .valid(let encoded) = parser.parseScalar(from: &iterator) { return Unicode.UTF8.decode(encoded) }
        return "\u{FFFD}"
    }
}

extension QuoteState {
    /// `convert` for a String (tests, callers outside the tree walk).
    mutating func convert(_ text: String) -> String {
        var text = text
        var out: [UInt8] = []
        let changed = text.withUTF8 { convert($0, into: &out) }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }

    mutating func note(_ text: String) {
        var text = text
        text.withUTF8 { note($0) }
    }
}
