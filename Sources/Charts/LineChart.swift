/// Several series over years with direct end labels (no legend), gaps for missing values,
/// hollow markers for provisional values and annotated series breaks.
struct LineChart {
    let spec: ChartSpec
    let baseline: Baseline

    struct Geometry {
        var plotHeight: Double
        var labelMaxWidth: Double
        var tickCount: Int
        var markerLimit: Int
    }

    static func geometry(_ v: LayoutVariant) -> Geometry {
        v == .wide
            ? Geometry(plotHeight: 290, labelMaxWidth: 150, tickCount: 6, markerLimit: 16)
            : Geometry(plotHeight: 210, labelMaxWidth: 96, tickCount: 5, markerLimit: 9)
    }

    /// Whether the value axis starts at zero, decided on the data alone (used by the notes too).
    static func includesZero(_ values: [Double], baseline: Baseline) -> Bool {
        guard baseline == .auto, let lo = values.min(), let hi = values.max() else { return true }
        if lo < 0 && hi > 0 { return true }
        if lo >= 0 { return lo <= hi * 0.5 }
        return hi >= lo * 0.5
    }

    var numericValues: [Double] {
        spec.series.flatMap { $0.points.compactMap(\.value.number) }
    }

    /// True when the axis does not start at zero: the chart then says so.
    var axisIsTruncated: Bool {
        let values = numericValues
        guard !values.isEmpty else { return false }
        let axis = ValueAxis(values: values, unit: spec.unit, tickCount: 6,
                             includeZero: Self.includesZero(values, baseline: baseline))
        return !axis.hasZero
    }

    func draw(_ v: LayoutVariant) -> Drawing {
        let g = Self.geometry(v)
        let width = v.width
        let keyAxis = KeyAxis(spec: spec)
        let styles = SeriesStyle.assign(spec)
        let values = numericValues
        let axis = ValueAxis(values: values, unit: spec.unit, tickCount: g.tickCount,
                             includeZero: Self.includesZero(values, baseline: baseline))
        let drawn = spec.series.enumerated()
            .filter { $0.element.points.contains { $0.value.number != nil } }
            .sorted { (styles[$0.element.id]?.zOrder ?? 0, $0.offset) < (styles[$1.element.id]?.zOrder ?? 0, $1.offset) }
            .map(\.element)

        // End labels decide the right margin: measured, wrapped, never cut.
        var labels: [String: RichLabel] = [:]
        for series in drawn {
            guard let last = lastNumeric(series, keyAxis: keyAxis) else { continue }
            labels[series.id] = RichLabel.nameAndValue(series.label, value: spec.unit.label(last.value),
                                                       maxWidth: g.labelMaxWidth)
        }
        let labelWidth = labels.values.map(\.width).max() ?? 0
        let left = axis.labelWidth + 12
        let right = labelWidth + 14
        let plotWidth = max(40, width - left - right)
        let inset = min(14, plotWidth / 8)
        let x = LinearScale(domain: keyAxis.domain, range: (left + inset, left + plotWidth - inset))
        let breaks = BreakAnnotations(spec: spec, years: keyAxis.keys.compactMap(\.year), width: width) { x(Double($0)) }
        let top = 10 + breaks.height
        let plot = Rect(x: left, y: top, width: plotWidth, height: g.plotHeight)
        let y = LinearScale(domain: (axis.scale.lower, axis.scale.upper), range: (plot.bottom, plot.y))
        let height = plot.bottom + 30 + keyAxis.extraHeight { x($0) }

        var svg = SVGWriter()
        axis.drawLeft(into: &svg, plot: plot, y: y)
        axis.drawBaseline(into: &svg, plot: plot, y: y)
        if !axis.hasZero { drawAxisBreak(into: &svg, plot: plot) }
        keyAxis.draw(into: &svg, position: { x($0) }, baselineY: plot.bottom, chartWidth: width)
        breaks.draw(into: &svg, top: 10, plotBottom: plot.bottom)

        // Lines, then markers, so markers sit on top of every line.
        let showAllMarkers = keyAxis.keys.count <= g.markerLimit
        svg.open("g", [("class", "ch-series"), ("aria-hidden", "true")])
        for series in drawn {
            let style = styles[series.id] ?? .context
            for segment in segments(of: series, keyAxis: keyAxis) where segment.count > 1 {
                svg.empty("path", [("d", pathData(segment.map { (x($0.x), y($0.value)) }))] + style.lineAttributes)
            }
        }
        for series in drawn {
            let style = styles[series.id] ?? .context
            let segs = segments(of: series, keyAxis: keyAxis)
            let lastKey = segs.last?.last?.key
            // The series' two marker paints, made once for all its markers.
            let paint = [style.markerAttributes(hollow: false), style.markerAttributes(hollow: true)]
            let shape = style.marker ?? .circle
            let size = style.marker == nil ? 6.0 : 8.0
            for segment in segs {
                for point in segment {
                    let isolated = segment.count == 1
                    let show = isolated || point.key == lastKey || point.flags.isUncertain
                        || (showAllMarkers && style.marker != nil)
                    guard show else { continue }
                    shape.write(into: &svg, x: x(point.x), y: y(point.value), size: size,
                                paint[point.flags.isUncertain ? 1 : 0])
                }
            }
        }
        svg.close("g")
        drawMissingMarkers(into: &svg, drawn: drawn, styles: styles, keyAxis: keyAxis, plot: plot, x: x)

        // Direct labels right of the plot, pushed apart where they would overlap.
        var labelled = drawn.filter { labels[$0.id] != nil }
        func items(_ series: [Series]) -> [LabelPlacer.Item] {
            series.map { s in
                LabelPlacer.Item(target: y(lastNumeric(s, keyAxis: keyAxis)!.value), height: labels[s.id]!.height,
                                 priority: styles[s.id]?.priority ?? 0)
            }
        }
        var tops = LabelPlacer.place(items(labelled), lower: plot.y - 4, upper: plot.bottom + 10, gap: 3)
        // Naming only some grey context lines would invite mix-ups: all of them or none.
        if zip(labelled, tops).contains(where: { $1 == nil && styles[$0.id]?.priority == 0 }) {
            labelled = labelled.filter { (styles[$0.id]?.priority ?? 0) > 0 }
            tops = LabelPlacer.place(items(labelled), lower: plot.y - 4, upper: plot.bottom + 10, gap: 3)
        }
        svg.open("g", [("class", "ch-labels"), ("aria-hidden", "true")])
        let labelX = plot.right + 10
        for (series, top) in zip(labelled, tops) {
            guard let top, let label = labels[series.id] else { continue }
            let style = styles[series.id] ?? .context
            let last = lastNumeric(series, keyAxis: keyAxis)!
            let px = x(last.x), py = y(last.value)
            let centre = top + Typography.lineHeight / 2
            if abs(centre - py) > 4 || labelX - px > inset + 4 {
                svg.empty("path", [("d", "M\(fmt(px + 6)) \(fmt(py))L\(fmt(labelX - 3)) \(fmt(centre))")]
                    + Paint.stroke(style.color, classes: "ch-leader") + [("stroke-width", "1"), ("fill", "none")])
            }
            label.write(into: &svg, x: labelX, top: top, Paint.halo(style.color, classes: "ch-label"))
        }
        svg.close("g")
        return Drawing(width: width, height: height, svg: svg)
    }

    struct PlotPoint {
        var key: PointKey
        var x: Double
        var value: Double
        var flags: ValueFlags
    }

    /// Runs of consecutive numeric values. A missing value, a year without a value and a series
    /// break all end a run: lines never bridge what is not comparable or not there.
    func segments(of series: Series, keyAxis: KeyAxis) -> [[PlotPoint]] {
        var result: [[PlotPoint]] = []
        var current: [PlotPoint] = []
        for key in keyAxis.keys {
            if let year = key.year, spec.breakNote(before: year) != nil, !current.isEmpty {
                result.append(current)
                current = []
            }
            if let point = series.point(at: key), let value = point.value.number, let xv = keyAxis.value(of: key) {
                current.append(PlotPoint(key: key, x: xv, value: value, flags: point.flags))
            } else if !current.isEmpty {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    func lastNumeric(_ series: Series, keyAxis: KeyAxis) -> PlotPoint? {
        segments(of: series, keyAxis: keyAxis).last?.last
    }

    /// A zig-zag break in the baseline near the value axis: the axis does not start at zero.
    private func drawAxisBreak(into svg: inout SVGWriter, plot: Rect) {
        let x0 = plot.x + 4, yb = plot.bottom
        svg.open("g", [("class", "ch-axisbreak"), ("aria-hidden", "true")])
        svg.empty("rect", [("x", fmt(x0)), ("y", fmt(yb - 5)), ("width", "12"), ("height", "10")] + Paint.fill("bg"))
        svg.empty("path", [("d", "M\(fmt(x0)) \(fmt(yb))l3 -4l3 8l3 -8l3 4")] + Paint.stroke("axis")
            + [("stroke-width", "1.25"), ("fill", "none"), ("stroke-linejoin", "round")])
        svg.close("g")
    }

    /// A hollow marker in the series' shape just above the axis at each missing value, with a
    /// tooltip; the reason stands in the table and the notes.
    private func drawMissingMarkers(into svg: inout SVGWriter, drawn: [Series], styles: [String: SeriesStyle],
                                    keyAxis: KeyAxis, plot: Rect, x: LinearScale) {
        var stackHeight: [PointKey: Int] = [:]
        var marks: [(Double, Double, SeriesStyle, String)] = []
        for series in drawn.sorted(by: { (styles[$0.id]?.priority ?? 0) > (styles[$1.id]?.priority ?? 0) }) {
            let style = styles[series.id] ?? .context
            guard style.priority > 0 else { continue }
            for point in series.points {
                guard case .missing(let reason) = point.value, let xv = keyAxis.value(of: point.key) else { continue }
                let level = stackHeight[point.key, default: 0]
                stackHeight[point.key] = level + 1
                marks.append((x(xv), plot.bottom - 8 - Double(level) * 11, style,
                              "\(series.label) \(spec.label(for: point.key)): kein Wert (\(reason.text))"))
            }
        }
        guard !marks.isEmpty else { return }
        svg.open("g", [("class", "ch-missing")])
        for (mx, my, style, tip) in marks {
            svg.open("path", [("d", (style.marker ?? .circle).path(x: mx, y: my, size: 8))]
                + style.markerAttributes(hollow: true) + [("stroke-dasharray", "2 1.5")])
            svg.element("title", text: tip)
            svg.close("path")
        }
        svg.close("g")
    }
}
