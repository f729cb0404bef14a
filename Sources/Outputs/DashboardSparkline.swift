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
        for runs in [mainRuns, referenceRuns] {
            for run in runs {
                for p in run {
                    if p.value < lo { lo = p.value }
                    if hi < p.value { hi = p.value }
                }
            }
        }
        func x(_ year: Int) -> Double {
            highYear == lowYear ? width / 2 : pad + (Double(year) - lowYear) / (highYear - lowYear) * (width - 2 * pad)
        }
        func y(_ value: Double) -> Double {
            let top = hi == lo ? lo + 1 : hi
            return height - pad - (value - lo) / (top - lo) * (height - 2 * pad)
        }
        var out = String()
        out.reserveCapacity(1024)
        out += "<svg class=\"chart-spark\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" width=\"\(fmt(width))\" "
            + "height=\"\(fmt(height))\" aria-hidden=\"true\" focusable=\"false\">\n"
        func draw(_ runs: [[Point]], main: Bool) {
            let color = main ? "1" : "ctx"
            for run in runs {
                if run.count == 1, let p = run.first {
                    out += "<circle cx=\"\(fmt(x(p.year)))\" cy=\"\(fmt(y(p.value)))\" r=\"1.5\" class=\"ch-f-\(color)\" fill=\"\(light(color))\"/>\n"
                    continue
                }
                out += "<path d=\""
                // Path data appended in place: "M x y L x y …".
                for (i, p) in run.enumerated() {
                    out += i == 0 ? "M" : " L"
                    out += fmt(x(p.year))
                    out += " "
                    out += fmt(y(p.value))
                }
                out += "\" class=\"ch-line ch-s-\(color)\" stroke=\"\(light(color))\" stroke-width=\"\(main ? "2" : "1.25")\" "
                    + "fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\"\(main ? "" : " stroke-dasharray=\"3 2\"")/>\n"
            }
        }
        draw(referenceRuns, main: false)
        draw(mainRuns, main: true)
        if let last = mainRuns.last?.last {
            let cx = fmt(x(last.year)), cy = fmt(y(last.value))
            if last.uncertain {
                out += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"3\" class=\"ch-marker ch-f-bg ch-s-1\" fill=\"\(light("bg"))\" "
                    + "stroke=\"\(light("1"))\" stroke-width=\"1.5\"/>\n"
            } else {
                out += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"3\" class=\"ch-marker ch-f-1\" fill=\"\(light("1"))\"/>\n"
            }
        }
        return out + "</svg>\n"
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
