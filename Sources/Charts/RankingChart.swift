/// Horizontal bars sorted from the highest value, the highlighted area in colour and bold;
/// a reference series (e.g. the Kreis) becomes a dashed rule. Bars start at zero; values are
/// labelled at the bars, so no value axis is needed.
struct RankingChart {
    let spec: ChartSpec
    /// Rows in drawing order: ranked values, then areas without a value in their given order.
    /// Worked out once, for the wide and the compact drawing (`Chart.drawings`) and the table.
    let items: [Item]

    init(spec: ChartSpec) {
        self.spec = spec
        items = Self.items(spec)
    }

    struct Item {
        var key: String
        var label: String
        var value: Double?
        var reason: MissingReason?
        var flags: ValueFlags
    }

    struct Ranked {
        var key: String
        var label: String
        var value: Double
    }

    /// Numeric values of `series`, highest first (ties by name, for stable output).
    static func sortedValues(_ series: Series, spec: ChartSpec, labels: CategoryLabels? = nil) -> [Ranked] {
        let labels = labels ?? CategoryLabels(spec)
        return series.points.compactMap { p -> Ranked? in
            guard case .category(let key) = p.key, let v = p.value.number else { return nil }
            return Ranked(key: key, label: labels.label(for: p.key), value: v)
        }.sorted { ($0.value, $1.label) > ($1.value, $0.label) }
    }

    /// `sortedValues` of the main series: the rows with a value, which `items` lists first.
    var rankedValues: [Ranked] {
        items.compactMap { item in item.value.map { Ranked(key: item.key, label: item.label, value: $0) } }
    }

    var main: Series? { spec.series.first { $0.role != .reference } }
    var reference: Series? { spec.series.first { $0.role == .reference } }
    var referenceValue: Double? { reference?.points.compactMap(\.value.number).first }

    private static func items(_ spec: ChartSpec) -> [Item] {
        guard let main = spec.series.first(where: { $0.role != .reference }) else { return [] }
        let points = main.pointsByKey
        let labels = CategoryLabels(spec)
        let ranked = Self.sortedValues(main, spec: spec, labels: labels).map { r in
            Item(key: r.key, label: r.label, value: r.value, reason: nil,
                 flags: points[.category(r.key)]?.flags ?? [])
        }
        let missing = spec.keys.compactMap { key -> Item? in
            guard case .category(let k) = key, let p = points[key], p.value.number == nil else { return nil }
            if case .missing(let reason) = p.value {
                return Item(key: k, label: labels.label(for: key), value: nil, reason: reason, flags: p.flags)
            }
            return nil
        }
        return ranked + missing
    }

    func draw(_ v: LayoutVariant) -> Drawing {
        let width = v.width
        let labelMax = v == .wide ? 210.0 : 112.0
        let items = self.items
        // Once, not once per row: each is a search through the series.
        let reference = self.reference
        let referenceValue = self.referenceValue
        let unit = spec.unit
        let highlighted = { (item: Item) in item.key == spec.highlight }

        let rowLabels = items.map { item in
            TextMetrics.wrap(item.label, maxWidth: labelMax, size: Typography.size,
                             weight: highlighted(item) ? .bold : .regular)
        }
        let labelWidth = zip(items, rowLabels).map { item, lines in
            lines.map { TextMetrics.width($0, size: Typography.size, weight: highlighted(item) ? .bold : .regular) }.max() ?? 0
        }.max() ?? 0
        let valueTexts = items.map { item -> String in
            guard let value = item.value else { return "kein Wert (\(item.reason?.text ?? "keine Angabe"))" }
            let letters = item.flags.letters
            let text = unit.label(value)
            return (item.flags.contains(.limitedValidity) ? "(\(text))" : text) + (letters.isEmpty ? "" : " " + letters)
        }
        // Measured once: the widest sets the margin, each places its label.
        let valueWidths = zip(items, valueTexts).map { item, text in
            item.value == nil ? 0 : TextMetrics.width(text, size: Typography.size, weight: highlighted(item) ? .bold : .regular)
        }
        let valueWidth = zip(items, valueWidths).filter { $0.0.value != nil }.map(\.1).max() ?? 0

        let values = items.compactMap(\.value) + (referenceValue.map { [$0] } ?? [])
        let lo = min(0, values.min() ?? 0), hi = max(0, values.max() ?? 1)
        let left = labelWidth + 10
        let hasNegative = lo < 0
        let barLeft = left + (hasNegative ? valueWidth + 8 : 0)
        let barRight = width - valueWidth - 10
        let x = LinearScale(domain: (lo, hi == lo ? lo + 1 : hi), range: (barLeft, max(barLeft + 20, barRight)))

        let referenceLabel = reference.flatMap { r in referenceValue.map { "\(r.label): \(unit.label($0))" } }
        let top = referenceLabel == nil ? 4.0 : 26.0
        var rowTops: [Double] = []
        var y = top
        let rowHeights = rowLabels.map { max(26, Double($0.count) * Typography.lineHeight + 8) }
        for h in rowHeights { rowTops.append(y); y += h }
        let bottom = y
        let height = bottom + 6

        // The paint of rows, labels and values: a few kinds per drawing, made once instead of
        // once per row (each is a palette lookup, a class string and an array).
        let barPaint = [Paint.fill("bar", classes: "ch-bar"), Paint.fill("1", classes: "ch-bar")]
        let uncertainBarPaint = [Paint.both(fill: "bg", stroke: "bar", classes: "ch-bar") + [("stroke-width", "1.5")],
                                 Paint.both(fill: "bg", stroke: "1", classes: "ch-bar") + [("stroke-width", "1.5")]]
        let labelPaint = Paint.fill("text", classes: "ch-label")
        let notePaint = Paint.halo("muted", classes: "ch-note")
        let valuePaint = [Paint.halo("text", classes: "ch-value"), [("font-weight", "700")] + Paint.halo("1", classes: "ch-value")]
        let platePaint = [("height", "18")] + Paint.fill("bg", classes: "ch-plate")

        var svg = SVGWriter()
        svg.open("g", [("class", "ch-bars"), ("aria-hidden", "true")])
        for (index, item) in items.enumerated() {
            guard let value = item.value else { continue }
            let centre = rowTops[index] + rowHeights[index] / 2
            let x0 = x(0), x1 = x(value)
            let barHeight = min(18, rowHeights[index] - 8)
            let colorIndex = highlighted(item) ? 1 : 0
            let paint = item.flags.isUncertain ? uncertainBarPaint[colorIndex] : barPaint[colorIndex]
            // Written straight into the markup (coordinates never need escaping): a bar per row
            // was an attribute array per row.
            svg.line { m in
                m.append(static: "<rect x=\"")
                m += fmt(min(x0, x1))
                m.append(static: "\" y=\"")
                m += fmt(centre - barHeight / 2)
                m.append(static: "\" width=\"")
                m += fmt(max(abs(x1 - x0), 0.5))
                m.append(static: "\" height=\"")
                m += fmt(barHeight)
                m.append(static: "\"")
                SVGWriter.append(paint, to: &m, then: .nothing)
                m.append(static: "/>")
            }
        }
        svg.close("g")
        svg.empty("line", [("x1", fmt(x(0))), ("x2", fmt(x(0))), ("y1", fmt(top)), ("y2", fmt(bottom))]
            + Paint.stroke("axis") + [("stroke-width", "1")])
        // The reference rule runs behind the value labels: their halo keeps them readable.
        if let rv = referenceValue, let referenceLabel {
            let rx = x(rv)
            svg.empty("line", [("x1", fmt(rx)), ("x2", fmt(rx)), ("y1", fmt(top - 4)), ("y2", fmt(bottom))]
                + Paint.stroke("ref", classes: "ch-refline") + [("stroke-width", "1.5"), ("stroke-dasharray", "5 3")])
            let textWidth = TextMetrics.width(referenceLabel, size: Typography.size, weight: .semibold)
            let anchorEnd = rx + textWidth / 2 > width - 2
            let anchorStart = rx - textWidth / 2 < 2
            let anchor = anchorEnd ? "end" : (anchorStart ? "start" : "middle")
            let lx = anchorEnd ? min(rx + 6, width - 2) : (anchorStart ? max(rx - 6, 2) : rx)
            svg.element("text", [("x", fmt(lx)), ("y", fmt(top - 10))]
                + (anchor == "start" ? [] : [("text-anchor", anchor)]) + [("font-weight", "600")]
                + Paint.halo("ref", classes: "ch-label"), text: referenceLabel)
        }
        svg.open("g", [("class", "ch-labels"), ("aria-hidden", "true")])
        for (index, item) in items.enumerated() {
            let centre = rowTops[index] + rowHeights[index] / 2
            let bold = highlighted(item)
            let lines = rowLabels[index]
            let labelTop = centre - Double(lines.count) * Typography.lineHeight / 2
            RichLabel(lines: lines.map { [TextRun(text: $0, weight: bold ? .bold : .regular)] })
                .write(into: &svg, x: left - 10, top: labelTop, anchor: "end", labelPaint)
            guard let value = item.value else {
                svg.element("text", [("x", fmt(x(0) + 4)), ("y", fmt(centre + 5))], notePaint, text: valueTexts[index])
                continue
            }
            let x1 = x(value)
            let labelX = value >= 0 ? x1 + 6 : x1 - 6
            let textWidth = valueWidths[index]
            let textLeft = value >= 0 ? labelX : labelX - textWidth
            if let rv = referenceValue, (textLeft - 2...textLeft + textWidth + 2).contains(x(rv)) {
                // The label sits on the reference rule: a background plate interrupts the rule.
                svg.empty("rect", [("x", fmt(textLeft - 2)), ("y", fmt(centre - 9)), ("width", fmt(textWidth + 4))],
                          platePaint)
            }
            let paint = valuePaint[bold ? 1 : 0]
            svg.line { m in
                m.append(static: "<text x=\"")
                m += fmt(labelX)
                m.append(static: "\" y=\"")
                m += fmt(centre + 5)
                m.append(static: value >= 0 ? "\"" : "\" text-anchor=\"end\"")
                SVGWriter.append(paint, to: &m, then: .content)
                SVGWriter.appendXML(valueTexts[index], to: &m)
                m.append(static: "</text>")
            }
        }
        svg.close("g")
        return Drawing(width: width, height: height, svg: svg)
    }
}
