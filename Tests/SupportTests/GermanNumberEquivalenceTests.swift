import Foundation
import Testing
@testable import Support

/// `GermanFormat.number` writes its digits into the string's storage; it must give exactly what
/// the former string building gave, kept here as the reference.
@Suite("GermanFormat.number behaves like its former implementation")
struct GermanNumberEquivalenceTests {
    static func reference(_ value: Double, decimals: Int = 0, grouping: Bool = true) -> String {
        let scale = pow(10.0, Double(decimals))
        let rounded = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && rounded > 0
        let integerPart = Int(rounded / scale)
        let fraction = Int(rounded - Double(integerPart) * scale)
        var digits = String(integerPart)
        if grouping && digits.utf8.count > 3 {
            var out: [Character] = []
            for (index, ch) in digits.reversed().enumerated() {
                if index > 0 && index % 3 == 0 { out.append(".") }
                out.append(ch)
            }
            digits = String(out.reversed())
        }
        var text = (negative ? "−" : "") + digits
        if decimals > 0 {
            var frac = String(fraction)
            while frac.utf8.count < decimals { frac = "0" + frac }
            text += "," + frac
        }
        return text
    }

    /// Zero, -0, rounding edges (x.5, x.05, binary near-halves), every length of the integer
    /// part up to the largest that fits `Int` after scaling, tiny values, subnormals.
    static let values: [Double] = {
        var values: [Double] = [0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.05, 0.15, 0.25, 0.35, 1.005, 2.675, 1.045,
                                0.049999999999999996, 0.95, 0.995, 9.995, 99.95, 999.5, 999.4999999999999, 9_999.5,
                                -0.04, -0.75, 12.345, 1234.5, 299_329, 999, 1000, -1000, 1_000_000, 123_456_789.987,
                                1e-10, -1e-10, Double.leastNonzeroMagnitude, -Double.leastNonzeroMagnitude, Double.leastNormalMagnitude, 0.1 + 0.2, 1 / 3.0, 2 / 3.0,
                                4_503_599_627_370_495.5, 9_007_199_254_740_992, 1e15, 1e16 - 1, 1e17, 9.2e17, -9.2e17]
        var x = 1.0
        for _ in 0..<18 {
            values += [x, x - 1, x + 0.5, x - 0.5, x * 1.2345678, -x * 7.654321, x + 0.045, x + 0.0049999]
            x *= 10
        }
        // Deterministic pseudo-random values over many magnitudes.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<4000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let mantissa = Double(state >> 11) / Double(1 << 53)
            let exponent = Int((state >> 3) % 30) - 14
            values.append((state & 1 == 0 ? 1 : -1) * mantissa * pow(10, Double(exponent)))
        }
        return values
    }()

    @Test("Same text for many values, decimals 0–6 and with and without grouping")
    func sameText() {
        var compared = 0
        for value in Self.values {
            for decimals in 0...6 {
                // Values whose scaled magnitude does not fit `Int` trap in both versions.
                guard abs(value) * pow(10, Double(decimals)) < 9e18 else { continue }
                for grouping in [true, false] {
                    #expect(GermanFormat.number(value, decimals: decimals, grouping: grouping)
                            == Self.reference(value, decimals: decimals, grouping: grouping),
                            "\(value) decimals \(decimals) grouping \(grouping)")
                    compared += 1
                }
            }
        }
        #expect(compared > 50_000)
    }

    @Test("Negative decimals round to tens and show no decimals, like before")
    func negativeDecimals() {
        for value in [0, 4, 5, 15, -15, 1234.5, -99_999.9, 1e12] as [Double] {
            for decimals in -3...(-1) {
                #expect(GermanFormat.number(value, decimals: decimals) == Self.reference(value, decimals: decimals))
            }
        }
    }

    @Test("Pinned texts")
    func pinned() {
        #expect(GermanFormat.number(-1_234_567.891, decimals: 2) == "−1.234.567,89")
        #expect(GermanFormat.number(0.005, decimals: 2) == "0,01")
        #expect(GermanFormat.number(-0.0, decimals: 1) == "0,0")
        #expect(GermanFormat.number(1234, grouping: false) == "1234")
        #expect(GermanFormat.number(7.5, decimals: 3) == "7,500")
    }
}
