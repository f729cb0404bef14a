/// A rectangle in viewBox units.
struct Rect: Hashable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var right: Double { x + width }
    var bottom: Double { y + height }
}

/// Maps a numeric domain linearly onto a pixel range (either direction).
struct LinearScale {
    var domain: (Double, Double)
    var range: (Double, Double)

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.1 - domain.0
        guard span != 0 else { return (range.0 + range.1) / 2 }
        return range.0 + (value - domain.0) / span * (range.1 - range.0)
    }
}

/// Evenly spaced bands for categories (bars), with inner padding as a share of the step.
struct BandScale {
    var count: Int
    var range: (Double, Double)
    var paddingInner: Double
    var paddingOuter: Double

    var step: Double {
        let n = Double(max(1, count))
        return (range.1 - range.0) / max(1, n - paddingInner + 2 * paddingOuter)
    }

    var bandwidth: Double { step * (1 - paddingInner) }

    /// Start of band `index`.
    func start(_ index: Int) -> Double { range.0 + step * (paddingOuter + Double(index)) }

    func center(_ index: Int) -> Double { start(index) + bandwidth / 2 }
}
