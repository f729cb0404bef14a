@testable import Markdown

// The Character- and scalar-based versions the byte-level helpers replaced (as of 6bef4d2), kept
// as oracles: the byte versions must give exactly what these gave, on any input.

/// German quotes on Unicode scalars: an array of scalars per text node.
struct ReferenceQuoteState {
    private var previous: QuoteState.Previous = .start
    private var doubleOpen = false
    private var singleOpen = false

    mutating func reset() { previous = .start; doubleOpen = false; singleOpen = false }

    mutating func note(_ text: String) {
        if let last = text.unicodeScalars.last { previous = QuoteState.classify(last) }
    }

    mutating func convert(_ text: String) -> String {
        guard text.utf8.contains(0x22) || text.utf8.contains(0x27) else { note(text); return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let opensAfter = previous == .start || previous == .space || previous == .opener
            var emitted = scalar
            if scalar == "\"" {
                if doubleOpen { emitted = "“"; doubleOpen = false }
                else if opensAfter { emitted = "„"; doubleOpen = true }
                else { emitted = "“" }
            } else if scalar == "'" {
                let next = index + 1 < scalars.count ? QuoteState.classify(scalars[index + 1]) : nil
                if previous == .word, next == nil || next == .word || !singleOpen {
                    emitted = "’"
                } else if !singleOpen && opensAfter {
                    emitted = "‚"; singleOpen = true
                } else {
                    emitted = "‘"; singleOpen = false
                }
            }
            out.append(emitted)
            previous = QuoteState.classify(emitted)
        }
        return String(out)
    }
}

/// Byte columns to character columns on a copy of the source bytes.
struct ReferenceLineIndex {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
    }

    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(1, byteColumn) }
        let start = lineStarts[line - 1]
        let end = min(bytes.count, start + byteColumn - 1)
        guard start < end else { return byteColumn }
        var characters = 0
        for index in start..<end where bytes[index] & 0xC0 != 0x80 { characters += 1 }
        return characters + 1
    }
}

extension String {
    /// Trimming on Characters, without the ASCII shortcut.
    func referenceTrimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

/// A fixed pseudo-random sequence (SplitMix64), so generated inputs are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SeededGenerator {
    /// A string of `count` pieces drawn from `alphabet`.
    mutating func string(from alphabet: [String], count: Int) -> String {
        (0..<count).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }.joined()
    }
}
