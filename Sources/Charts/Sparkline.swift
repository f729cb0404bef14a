/// A tiny line for cards and tables: the primary series in the strongest colour with a dot at
/// its last value, reference series as thin dashed lines, gaps for missing values. No text:
/// the card next to it says the numbers.
struct Sparkline {
    let spec: ChartSpec
    let width: Double
    let height: Double

    func draw() -> Drawing {
        let w = max(24, width), h = max(12, height)
        let keyAxis = KeyAxis(spec: spec)
        let values = spec.series.flatMap { $0.points.compactMap(\.value.number) }
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        let pad = 4.0
        let x = LinearScale(domain: keyAxis.domain, range: (pad, w - pad))
        let y = LinearScale(domain: (lo, hi == lo ? lo + 1 : hi), range: (h - pad, pad))
        let line = LineChart(spec: spec, baseline: .auto)
        let main = spec.primarySeries
        var svg = SVGWriter()
        let ordered = spec.series.filter { $0.id != main?.id } + (main.map { [$0] } ?? [])
        for series in ordered {
            let isMain = series.id == main?.id
            let segments = line.segments(of: series, keyAxis: keyAxis)
            for segment in segments {
                if segment.count == 1, let p = segment.first {
                    svg.empty("circle", [("cx", fmt(x(p.x))), ("cy", fmt(y(p.value))), ("r", "1.5")]
                        + Paint.fill(isMain ? "1" : "ctx"))
                    continue
                }
                var attributes = [("d", pathData(segment.map { (x($0.x), y($0.value)) }))]
                    + Paint.stroke(isMain ? "1" : "ctx", classes: "ch-line")
                    + [("stroke-width", isMain ? "2" : "1.25"), ("fill", "none"), ("stroke-linejoin", "round"),
                       ("stroke-linecap", "round")]
                if !isMain { attributes.append(("stroke-dasharray", "3 2")) }
                svg.empty("path", attributes)
            }
            if isMain, let last = segments.last?.last {
                svg.empty("circle", [("cx", fmt(x(last.x))), ("cy", fmt(y(last.value))), ("r", "3")]
                    + (last.flags.isUncertain ? Paint.both(fill: "bg", stroke: "1", classes: "ch-marker") + [("stroke-width", "1.5")]
                        : Paint.fill("1", classes: "ch-marker")))
            }
        }
        return Drawing(width: w, height: h, svg: svg)
    }
}
