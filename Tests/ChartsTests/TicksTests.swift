import Foundation
import Testing
@testable import Charts

@Suite("Nice ticks (1-2-5 steps)")
struct TicksTests {
    /// Step of a tick list must be 1, 2 or 5 times a power of ten.
    static func isNiceStep(_ step: Double) -> Bool {
        let power = floor(log10(step))
        let mantissa = step / pow(10, power)
        return [1.0, 2, 5, 10].contains { abs(mantissa - $0) < 1e-6 }
    }

    @Test("Common ranges give the ticks a reader expects")
    func common() {
        #expect(Ticks.ticks(0, 10, count: 5) == [0, 2, 4, 6, 8, 10])
        #expect(Ticks.ticks(0, 100, count: 5) == [0, 20, 40, 60, 80, 100])
        #expect(Ticks.ticks(0, 7.3, count: 6) == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(Ticks.ticks(-3, 8, count: 5) == [-2, 0, 2, 4, 6, 8])
    }

    @Test("Decimal steps come out exact (no 0.30000000000000004)")
    func exactDecimals() {
        let ticks = Ticks.ticks(0, 1, count: 10)
        #expect(ticks == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])
        #expect(ticks.map { GermanFormat_number($0, 1) } == ["0,0", "0,1", "0,2", "0,3", "0,4", "0,5", "0,6", "0,7", "0,8", "0,9", "1,0"])
    }

    @Test("Negative ranges")
    func negative() {
        #expect(Ticks.ticks(-7.3, -1.2, count: 5) == [-7, -6, -5, -4, -3, -2])
        let scale = NiceScale(values: [-0.7, -2.4, -1.1], count: 5, includeZero: true)
        #expect(scale.lower == -2.5 && scale.upper == 0)
        #expect(scale.ticks.first == -2.5 && scale.ticks.last == 0)
        #expect(!scale.ticks.contains { $0 == 0 && $0.sign == .minus }, "no −0")
    }

    @Test("Tiny and huge ranges")
    func magnitudes() {
        let tiny = Ticks.ticks(1e-9, 5e-9, count: 4)
        #expect(tiny.count == 5)
        #expect(abs(tiny[0] - 1e-9) < 1e-18 && abs(tiny[4] - 5e-9) < 1e-18)
        let huge = NiceScale(values: [0, 3.2e12], count: 5, includeZero: true)
        // 3.2e12 / 5 = 6.4e11 lies nearer 5e11 than 1e12 on the 1-2-5 scale (d3's geometric midpoints).
        #expect(huge.upper == 3.5e12 && huge.ticks == stride(from: 0, through: 3.5e12, by: 5e11).map { $0 })
        let population = NiceScale(values: [299_329, 312_000], count: 4, includeZero: true)
        #expect(population.ticks == [0, 100_000, 200_000, 300_000, 400_000])
    }

    @Test("All values equal, a single value, no values: still a usable axis")
    func degenerate() {
        let equal = NiceScale(values: [5, 5, 5], count: 5, includeZero: false)
        #expect(equal.lower < 5 && equal.upper > 5 && equal.ticks.count >= 2)
        let single = NiceScale(values: [7.2], count: 5, includeZero: true)
        #expect(single.lower == 0 && single.upper >= 7.2 && single.ticks.first == 0)
        let zeros = NiceScale(values: [0, 0], count: 5, includeZero: true)
        #expect(zeros.lower == 0 && zeros.upper == 1)
        let empty = NiceScale(values: [], count: 5, includeZero: true)
        #expect(empty.lower == 0 && empty.upper == 1)
        let nonFinite = NiceScale(values: [.nan, .infinity, 3], count: 5, includeZero: true)
        #expect(nonFinite.upper == 3 || nonFinite.upper == 4)
        #expect(Ticks.ticks(3, 3, count: 5) == [3])
        #expect(Ticks.ticks(0, 10, count: 0) == [])
    }

    /// A deterministic spread of ranges: every tick list is ascending, evenly spaced with a nice
    /// step, inside the range, and `nice` covers the range with ends on the step.
    @Test("Properties hold over many ranges and tick counts")
    func properties() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for _ in 0..<400 {
            let magnitude = pow(10, (next() * 16).rounded(.down) - 8)
            let a = (next() * 2 - 1) * magnitude, b = (next() * 2 - 1) * magnitude
            let lo = min(a, b), hi = max(a, b)
            guard hi > lo else { continue }
            for count in 2...10 {
                let ticks = Ticks.ticks(lo, hi, count: count)
                #expect(ticks == ticks.sorted())
                #expect(ticks.allSatisfy { $0 >= lo - abs(lo) * 1e-12 && $0 <= hi + abs(hi) * 1e-12 })
                #expect(ticks.count <= count * 3 + 1)
                if ticks.count >= 2 {
                    let step = ticks[1] - ticks[0]
                    #expect(TicksTests.isNiceStep(step), "step \(step) for \(lo)…\(hi)")
                    for (x, y) in zip(ticks, ticks.dropFirst()) { #expect(abs((y - x) - step) <= step * 1e-9) }
                }
                let (niceLo, niceHi) = Ticks.nice(lo, hi, count: count)
                #expect(niceLo <= lo && niceHi >= hi)
                let niceTicks = Ticks.ticks(niceLo, niceHi, count: count)
                #expect(niceTicks.first.map { abs($0 - niceLo) <= abs(niceLo) * 1e-9 + 1e-300 } ?? false)
                #expect(niceTicks.last.map { abs($0 - niceHi) <= abs(niceHi) * 1e-9 + 1e-300 } ?? false)
            }
        }
    }

    @Test("Decimals needed to write ticks")
    func decimals() {
        #expect(Ticks.decimals(for: [0, 20, 40]) == 0)
        #expect(Ticks.decimals(for: [0, 0.5, 1]) == 1)
        #expect(Ticks.decimals(for: [0, 0.25, 0.5]) == 2)
        #expect(Ticks.decimals(for: Ticks.ticks(0, 0.01, count: 5)) == 3)
    }
}

import Support
func GermanFormat_number(_ v: Double, _ d: Int) -> String { GermanFormat.number(v, decimals: d) }
