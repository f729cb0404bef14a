import Foundation

/// Nice axis ticks with 1-2-5 steps (d3-array's `ticks`/`tickIncrement` and d3-scale's `nice`,
/// which refine Heckbert's "nice numbers"). Steps below 1 are kept as an integer divisor, so
/// ticks like 0.3 come out exact instead of 0.30000000000000004.
public enum Ticks {
    private static let e10 = 50.0.squareRoot()
    private static let e5 = 10.0.squareRoot()
    private static let e2 = 2.0.squareRoot()

    /// Step between ticks for about `count` ticks on [start, stop]. Positive: the step itself;
    /// negative: −1/step (e.g. −10 means 0.1). Zero when there is no sensible step.
    public static func increment(_ start: Double, _ stop: Double, count: Int) -> Double {
        spec(start, stop, count: Double(count)).inc
    }

    private static func spec(_ start: Double, _ stop: Double, count: Double) -> (i1: Double, i2: Double, inc: Double) {
        let step = (stop - start) / max(0, count)
        guard step.isFinite, step > 0 else { return (0, -1, 0) }
        let power = floor(log10(step))
        let error = step / pow(10, power)
        let factor: Double = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1
        var i1: Double, i2: Double, inc: Double
        if power < 0 {
            inc = pow(10, -power) / factor
            i1 = (start * inc).rounded()
            i2 = (stop * inc).rounded()
            if i1 / inc < start { i1 += 1 }
            if i2 / inc > stop { i2 -= 1 }
            inc = -inc
        } else {
            inc = pow(10, power) * factor
            i1 = (start / inc).rounded()
            i2 = (stop / inc).rounded()
            if i1 * inc < start { i1 += 1 }
            if i2 * inc > stop { i2 -= 1 }
        }
        if i2 < i1 && 0.5 <= count && count < 2 { return spec(start, stop, count: count * 2) }
        return (i1, i2, inc)
    }

    /// About `count` nice ticks inside [start, stop], ascending.
    public static func ticks(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        guard count > 0, start.isFinite, stop.isFinite else { return [] }
        if start == stop { return [start] }
        let (lo, hi) = start < stop ? (start, stop) : (stop, start)
        let s = spec(lo, hi, count: Double(count))
        guard s.i2 >= s.i1, s.inc != 0 else { return [] }
        let n = Int(s.i2 - s.i1) + 1
        return (0..<n).map { i in
            let v = s.inc < 0 ? (s.i1 + Double(i)) / -s.inc : (s.i1 + Double(i)) * s.inc
            return v == 0 ? 0 : v  // no "−0"
        }
    }

    /// Extends [start, stop] outwards to multiples of the tick step (d3 `nice`).
    public static func nice(_ start: Double, _ stop: Double, count: Int) -> (Double, Double) {
        var start = start, stop = stop
        let reversed = stop < start
        if reversed { swap(&start, &stop) }
        var previous: Double?
        for _ in 0..<10 {
            let step = increment(start, stop, count: count)
            if step == previous { break }
            if step > 0 {
                start = floor(start / step) * step
                stop = ceil(stop / step) * step
            } else if step < 0 {
                start = ceil(start * step) / step
                stop = floor(stop * step) / step
            } else { break }
            previous = step
        }
        return reversed ? (stop, start) : (start, stop)
    }

    /// Number of decimals needed to write every tick exactly (0.5 → 1, 0.25 → 2, 20 → 0).
    public static func decimals(for ticks: [Double]) -> Int {
        var needed = 0
        for t in ticks {
            var d = 0
            while d < 10 {
                let scaled = abs(t) * pow(10, Double(d))
                if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { break }
                d += 1
            }
            needed = max(needed, d)
        }
        return needed
    }
}

/// A numeric axis domain with its ticks: what every value axis of a chart is built from.
public struct NiceScale: Sendable, Hashable {
    public var lower: Double
    public var upper: Double
    public var ticks: [Double]

    /// Domain covering `values` with nice ends. `includeZero` forces 0 in (bars always start at 0).
    /// Degenerate input (no values, one value, all equal) still gives a usable, non-empty domain.
    public init(values: [Double], count: Int, includeZero: Bool) {
        let finite = values.filter(\.isFinite)
        var lo = finite.min() ?? 0
        var hi = finite.max() ?? 1
        if includeZero {
            lo = min(lo, 0)
            hi = max(hi, 0)
        }
        if lo == hi {
            // One value or all equal (with `includeZero` only possible at 0): give it room.
            if lo == 0 {
                hi = 1
            } else {
                let margin = abs(lo) * 0.1
                lo -= margin
                hi += margin
            }
        }
        let count = max(2, count)
        let (niceLo, niceHi) = Ticks.nice(lo, hi, count: count)
        lower = niceLo
        upper = niceHi
        ticks = Ticks.ticks(niceLo, niceHi, count: count)
        if ticks.isEmpty { ticks = [niceLo, niceHi] }
    }

    /// A scale with given ends and ticks (ticks inside [lower, upper]).
    public init(lower: Double, upper: Double, ticks: [Double]) {
        self.lower = lower
        self.upper = upper
        self.ticks = ticks
    }

    public var decimals: Int { Ticks.decimals(for: ticks) }
}
