/// Eight bytes in one 64-bit word ("SIMD within a register"): the byte scans of the Markdown
/// stage look at a word at a time. Little-endian: byte i of the text is bits 8i…8i+7.
enum SWAR {
    static let lowBits: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `pointer`, at any alignment.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
    }

    /// Bit 7 set in exactly the bytes of `word` that equal `byte` (no carries between bytes:
    /// the low seven bits plus 0x7F stay below 0x100).
    @inline(__always)
    static func bytesEqual(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (UInt64(byte) &* lowBits)
        let sum = (difference & ~highBits) &+ ~highBits
        return ~(sum | difference) & highBits
    }

    /// How many bytes of `word` have bit 7 set, when no other bit is set: the bytes as 0 or 1,
    /// summed into the top byte by one multiplication (the baseline x86-64 target has no popcnt
    /// instruction, and the software `nonzeroBitCount` takes a dozen steps).
    @inline(__always)
    static func countHighBits(_ word: UInt64) -> Int {
        Int(truncatingIfNeeded: ((word &>> 7) &* lowBits) &>> 56)
    }

    /// The sum of the eight bytes of `word`: pairs into four 16-bit sums (at most 510 each), then
    /// one multiplication adds those up in the top sixteen bits.
    @inline(__always)
    static func sumOfBytes(_ word: UInt64) -> Int {
        let pairs = (word & 0x00FF_00FF_00FF_00FF) &+ ((word &>> 8) & 0x00FF_00FF_00FF_00FF)
        return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) &>> 48)
    }
}
