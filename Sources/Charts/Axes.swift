/// A value axis: nice domain, tick labels formatted for the unit, measured label width.
struct ValueAxis {
    let scale: NiceScale
    let labels: [String]

    init(values: [Double], unit: ChartUnit, tickCount: Int, includeZero: Bool) {
        scale = NiceScale(values: values, count: tickCount, includeZero: includeZero)
        labels = unit.axisLabels(for: scale.ticks)
    }

    init(scale: NiceScale, unit: ChartUnit) {
        self.scale = scale
        labels = unit.axisLabels(for: scale.ticks)
    }

    var labelWidth: Double {
        labels.map { TextMetrics.width($0, size: Typography.size, tabularDigits: true) }.max() ?? 0
    }

    /// A horizontal value axis from zero that ends at the data (bars carry their own value labels,
    /// so the axis need not round up to a tick), with as many ticks as fit side by side.
    static func fitted(values: [Double], unit: ChartUnit, width: Double, maxTicks: Int) -> ValueAxis {
        let lo = min(0, values.min() ?? 0), hi = max(0, values.max() ?? 1)
        let top = hi == lo ? lo + 1 : hi
        var count = max(2, min(maxTicks, Int(width / 60)))
        while true {
            var ticks = Ticks.ticks(lo, top, count: count)
            if ticks.count < 2 { ticks = [lo, top] }
            let scale = NiceScale(lower: lo, upper: max(top, ticks.last!), ticks: ticks)
            let axis = ValueAxis(scale: scale, unit: unit)
            let tickSpan = (ticks.last! - ticks.first!) / (scale.upper - scale.lower) * width
            if axis.labelsFit(width: tickSpan) { return axis }
            if count <= 2 {
                // Even two steps are too tight: keep zero and the last tick only.
                return ValueAxis(scale: NiceScale(lower: scale.lower, upper: scale.upper, ticks: [ticks.first!, ticks.last!]),
                                 unit: unit)
            }
            count -= 1
        }
    }

    /// Whether tick labels side by side fit into `width` with room between them.
    func labelsFit(width: Double) -> Bool {
        guard scale.ticks.count > 1 else { return true }
        let spacing = width / Double(scale.ticks.count - 1)
        let widest = labels.map { TextMetrics.width($0, size: Typography.size, tabularDigits: true) }.max() ?? 0
        return widest + 10 <= spacing
    }

    /// Whether a baseline at 0 lies inside the domain.
    var hasZero: Bool { scale.lower <= 0 && scale.upper >= 0 }

    /// Horizontal gridlines and tick labels left of `plot`; the zero line (or the bottom line)
    /// is drawn as the axis.
    func drawLeft(into svg: inout SVGWriter, plot: Rect, y: LinearScale, labelsVisible: Bool = true) {
        svg.open("g", [("class", "ch-grid"), ("aria-hidden", "true")])
        for tick in scale.ticks where !isBaseline(tick) {
            let py = y(tick)
            svg.empty("line", [("x1", fmt(plot.x)), ("x2", fmt(plot.right)), ("y1", fmt(py)), ("y2", fmt(py))]
                + Paint.stroke("grid"))
        }
        svg.close("g")
        if labelsVisible {
            svg.open("g", Paint.fill("muted", classes: "ch-ticks") + [("text-anchor", "end")])
            for (tick, label) in zip(scale.ticks, labels) {
                svg.element("text", [("x", fmt(plot.x - 8)), ("y", fmt(y(tick) + 5))], text: label)
            }
            svg.close("g")
        }
    }

    func drawBaseline(into svg: inout SVGWriter, plot: Rect, y: LinearScale) {
        let py = y(baseline)
        svg.empty("line", [("x1", fmt(plot.x)), ("x2", fmt(plot.right)), ("y1", fmt(py)), ("y2", fmt(py))]
            + Paint.stroke("axis") + [("stroke-width", "1")])
    }

    /// Vertical gridlines and tick labels below `plot` (horizontal bars).
    func drawBottom(into svg: inout SVGWriter, plot: Rect, x: LinearScale, chartWidth: Double) {
        svg.open("g", [("class", "ch-grid"), ("aria-hidden", "true")])
        for tick in scale.ticks where tick != 0 {
            let px = x(tick)
            svg.empty("line", [("x1", fmt(px)), ("x2", fmt(px)), ("y1", fmt(plot.y)), ("y2", fmt(plot.bottom))]
                + Paint.stroke("grid"))
        }
        svg.close("g")
        svg.open("g", Paint.fill("muted", classes: "ch-ticks") + [("text-anchor", "middle")])
        for (tick, label) in zip(scale.ticks, labels) {
            let place = flushed(centre: x(tick), textWidth: TextMetrics.width(label, size: Typography.size, tabularDigits: true),
                                chartWidth: chartWidth)
            svg.element("text", [("x", fmt(place.x)), ("y", fmt(plot.bottom + 20))] + place.anchor, text: label)
        }
        svg.close("g")
    }

    var baseline: Double { hasZero ? 0 : scale.lower }

    private func isBaseline(_ tick: Double) -> Bool { tick == baseline }
}

/// Which years get a label on a time axis: every year when there is room, else nice multiples
/// (2, 5, 10 …) with the first and last year always shown.
enum YearAxis {
    /// `years`: the years that may carry a label, ascending.
    static func labelledYears(_ years: [Int], position: (Int) -> Double) -> [Int] {
        guard let first = years.first, let last = years.last, last > first else { return Array(years.prefix(1)) }
        let needed = TextMetrics.width("0000", size: Typography.size, tabularDigits: true) + 10
        for step in [1, 2, 5, 10, 20, 25, 50, 100] {
            // The ends always carry a label; interior labels too close to them give way.
            let inner = years.filter { $0 != first && $0 != last && $0 % step == 0 }.filter {
                position($0) - position(first) >= needed && position(last) - position($0) >= needed
            }
            let candidate = [first] + inner + [last]
            let fits = zip(candidate, candidate.dropFirst()).allSatisfy { position($1) - position($0) >= needed }
            if fits { return candidate }
        }
        return [first, last]
    }

    static func draw(into svg: inout SVGWriter, years: [Int], position: (Int) -> Double, baselineY: Double) {
        svg.open("g", Paint.fill("muted", classes: "ch-ticks") + [("text-anchor", "middle")])
        for year in years {
            svg.element("text", [("x", fmt(position(year))), ("y", fmt(baselineY + 20))], text: String(year))
        }
        svg.close("g")
    }
}
