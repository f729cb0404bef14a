import Charts
import Data

/// The decorative sparkline of a key-figure card, drawn like the Charts module's sparkline (same
/// size, palette classes, gaps, hollow last point when provisional). Drawn here because
/// `Chart.render` also builds the summary, the table and the CSV of every chart, which a
/// decorative line never shows: for the ~900 sparklines of the dashboard that work was a
/// quarter of the build. Hidden from assistive technology: the card says the numbers.
struct DashboardSparkline {
    static let width = 120.0
    static let height = 36.0
    static let pad = 4.0
    /// The `<svg>` tag: the same for every sparkline (fixed size), made once.
    static let openTag = "<svg class=\"chart-spark\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" width=\"\(fmt(width))\" "
        + "height=\"\(fmt(height))\" aria-hidden=\"true\" focusable=\"false\">\n"

    struct Point {
        var year: Int
        var value: Double
        var uncertain: Bool
    }

    /// Year and state of one observation: all a sparkline reads (no strings to copy).
    typealias Figure = (year: Int, state: ValueState)

    static func segments(_ observations: [Observation]) -> [[Point]] {
        segments(observations.map { (year: $0.year, state: $0.state) })
    }

    /// Runs of consecutive figures; a missing value or a series break starts a new run.
    static func segments(_ observations: [Figure]) -> [[Point]] {
        var result: [[Point]] = []
        var current: [Point] = []
        var previousYear: Int? = nil
        for o in observations {
            let breaks = o.state.flags.contains(.seriesBreak)
            if (breaks || o.state.number == nil), !current.isEmpty {
                result.append(current)
                current = []
            }
            if let value = o.state.number {
                // A skipped year without observation is a gap too.
                if let previousYear, o.year > previousYear + 1, !current.isEmpty {
                    result.append(current)
                    current = []
                }
                let flags = o.state.flags
                current.append(Point(year: o.year, value: value,
                                     uncertain: flags.contains(.provisional) || flags.contains(.estimated)))
            }
            previousYear = o.year
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static func svg(main: [Observation], reference: [Observation]) -> String {
        svg(main: main.map { (year: $0.year, state: $0.state) }, reference: reference.map { (year: $0.year, state: $0.state) })
    }

    /// `<svg aria-hidden>` with the area's line (and a dashed reference), or "" without figures.
    static func svg(main: [Figure], reference: [Figure]) -> String {
        let mainRuns = segments(main)
        guard !mainRuns.isEmpty else { return "" }
        let referenceRuns = segments(reference)
        // Extremes found in one pass each, without joined arrays: every area card draws one.
        // The order (main, then reference) and the comparisons are those of `min()`/`max()`.
        var lowYearInt = main[0].year, highYearInt = main[0].year
        for o in main { lowYearInt = Swift.min(lowYearInt, o.year); highYearInt = Swift.max(highYearInt, o.year) }
        for o in reference { lowYearInt = Swift.min(lowYearInt, o.year); highYearInt = Swift.max(highYearInt, o.year) }
        let lowYear = Double(lowYearInt), highYear = Double(highYearInt)
        // `mainRuns` is not empty, so there is a first value.
        var lo = mainRuns[0][0].value, hi = lo
        // Main, then reference, as one joined list would be walked (without joining them).
        for run in mainRuns {
            for p in run {
                if p.value < lo { lo = p.value }
                if hi < p.value { hi = p.value }
            }
        }
        for run in referenceRuns {
            for p in run {
                if p.value < lo { lo = p.value }
                if hi < p.value { hi = p.value }
            }
        }
        let frame = Frame(lowYear: lowYear, highYear: highYear, lo: lo, hi: hi)
        // Bytes, not a String: a card's sparkline is a few hundred small appends, and each
        // String append checks and updates the string's count and flags.
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        out.appendUTF8(openTag)
        draw(referenceRuns, main: false, frame: frame, into: &out)
        draw(mainRuns, main: true, frame: frame, into: &out)
        if let last = mainRuns.last?.last {
            out.append(static: "<circle cx=\"")
            out.appendUTF8(fmt(frame.x(last.year)))
            out.append(static: "\" cy=\"")
            out.appendUTF8(fmt(frame.y(last.value)))
            if last.uncertain {
                out.append(static: "\" r=\"3\" class=\"ch-marker ch-f-bg ch-s-1\" fill=\"")
                out.appendUTF8(lightBackground)
                out.append(static: "\" stroke=\"")
                out.appendUTF8(lightMain)
                out.append(static: "\" stroke-width=\"1.5\"/>\n")
            } else {
                out.append(static: "\" r=\"3\" class=\"ch-marker ch-f-1\" fill=\"")
                out.appendUTF8(lightMain)
                out.append(static: "\"/>\n")
            }
        }
        out.append(static: "</svg>\n")
        return String(decoding: out, as: UTF8.self)
    }

    /// Years and values to sparkline coordinates.
    struct Frame {
        var lowYear: Double
        var highYear: Double
        var lo: Double
        var hi: Double

        func x(_ year: Int) -> Double {
            highYear == lowYear ? width / 2 : pad + (Double(year) - lowYear) / (highYear - lowYear) * (width - 2 * pad)
        }

        func y(_ value: Double) -> Double {
            let top = hi == lo ? lo + 1 : hi
            return height - pad - (value - lo) / (top - lo) * (height - 2 * pad)
        }
    }

    /// The runs of one line: a dot for a lone figure, else a path. A function of its own, not a
    /// closure over the buffer (which would box it).
    static func draw(_ runs: [[Point]], main: Bool, frame: Frame, into out: inout [UInt8]) {
        for run in runs {
            if run.count == 1, let p = run.first {
                out.append(static: "<circle cx=\"")
                out.appendUTF8(fmt(frame.x(p.year)))
                out.append(static: "\" cy=\"")
                out.appendUTF8(fmt(frame.y(p.value)))
                out.append(static: "\" r=\"1.5\" class=\"ch-f-")
                out.append(static: main ? "1" : "ctx")
                out.append(static: "\" fill=\"")
                out.appendUTF8(main ? lightMain : lightContext)
                out.append(static: "\"/>\n")
                continue
            }
            out.append(static: "<path d=\"")
            // Path data appended in place: "M x y L x y …".
            for (i, p) in run.enumerated() {
                if i == 0 { out.append(static: "M") } else { out.append(static: " L") }
                out.appendUTF8(fmt(frame.x(p.year)))
                out.append(0x20)
                out.appendUTF8(fmt(frame.y(p.value)))
            }
            out.append(static: "\" class=\"ch-line ch-s-")
            out.append(static: main ? "1" : "ctx")
            out.append(static: "\" stroke=\"")
            out.appendUTF8(main ? lightMain : lightContext)
            out.append(static: main ? "\" stroke-width=\"2\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n"
                                    : "\" stroke-width=\"1.25\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\" stroke-dasharray=\"3 2\"/>\n")
        }
    }

    /// The light-mode colour as presentation attribute, for places without the chart CSS.
    static func light(_ name: String) -> String {
        switch name {
        // The three a sparkline uses, looked up once (each card has a sparkline).
        case "1": lightMain
        case "ctx": lightContext
        case "bg": lightBackground
        default: paletteLight(name)
        }
    }

    static let lightMain = paletteLight("1")
    static let lightContext = paletteLight("ctx")
    static let lightBackground = paletteLight("bg")

    static func paletteLight(_ name: String) -> String {
        Palette.colors.first { $0.name == name }?.light ?? "#000000"
    }

    /// Coordinates with at most two decimals, no trailing zeros, no "-0" (as the Charts module writes them).
    static func fmt(_ value: Double) -> String { SVGNumber.text(value) }
}
