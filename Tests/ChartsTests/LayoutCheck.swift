import Foundation
@testable import Charts

/// Boxes of all text in a chart SVG, computed from the positions in the markup and the Inter
/// metrics, to check that no two labels overlap and none leaves the chart.
struct TextBox: CustomStringConvertible {
    var text: String
    var minX: Double, maxX: Double, minY: Double, maxY: Double
    var element: ObjectIdentifier

    var description: String { "„\(text)“ [\(Int(minX))…\(Int(maxX)) × \(Int(minY))…\(Int(maxY))]" }

    func overlaps(_ other: TextBox) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }
}

enum LayoutCheck {
    static func viewBox(_ svg: XMLNode) -> (width: Double, height: Double) {
        let parts = (svg.attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
        return parts.count == 4 ? (parts[2], parts[3]) : (0, 0)
    }

    static func textBoxes(_ svg: XMLNode) -> [TextBox] {
        var boxes: [TextBox] = []
        for text in svg.all where text.name == "text" {
            let size = Double(text.inherited("font-size") ?? "14") ?? 14
            let anchor = text.inherited("text-anchor") ?? "start"
            let x0 = Double(text.attributes["x"] ?? "0") ?? 0
            let y0 = Double(text.attributes["y"] ?? "0") ?? 0
            // Lines: <tspan x dy> children start new lines; runs inside may differ in weight.
            let lineSpans = text.children.filter { $0.name == "tspan" && $0.attributes["x"] != nil }
            if lineSpans.isEmpty {
                let string = text.visibleText
                boxes.append(box(string, width: TextMetrics.width(string, size: size, weight: weight(text.inherited("font-weight"))),
                                 x: x0, y: y0, size: size, anchor: anchor, element: text))
                continue
            }
            var y = y0
            for span in lineSpans {
                y += Double(span.attributes["dy"] ?? "0") ?? 0
                let runs = span.children.isEmpty ? [span] : span.children
                let width = runs.reduce(0.0) {
                    $0 + TextMetrics.width($1.visibleText, size: size, weight: weight($1.inherited("font-weight")))
                }
                boxes.append(box(span.visibleText, width: width, x: Double(span.attributes["x"]!) ?? x0, y: y,
                                 size: size, anchor: anchor, element: text))
            }
        }
        return boxes.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    private static func box(_ text: String, width: Double, x: Double, y: Double, size: Double, anchor: String,
                            element: XMLNode) -> TextBox {
        let left = anchor == "end" ? x - width : (anchor == "middle" ? x - width / 2 : x)
        // Inter: capitals and digits reach about 0.73 em above the baseline, descenders 0.2 em below.
        return TextBox(text: text, minX: left, maxX: left + width, minY: y - 0.73 * size, maxY: y + 0.2 * size,
                       element: ObjectIdentifier(element))
    }

    static func weight(_ value: String?) -> FontWeight {
        switch value {
        case "700": .bold
        case "600": .semibold
        default: .regular
        }
    }

    /// Problems: overlapping text of different elements, text outside the viewBox.
    static func problems(in svgText: String) throws -> [String] {
        let svg = try XMLTree.parse(svgText)
        let (width, height) = viewBox(svg)
        let boxes = textBoxes(svg)
        var problems: [String] = []
        for box in boxes where box.minX < -0.5 || box.maxX > width + 0.5 || box.minY < -0.5 || box.maxY > height + 0.5 {
            problems.append("outside the \(Int(width))×\(Int(height)) chart: \(box)")
        }
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].element != boxes[j].element && boxes[i].overlaps(boxes[j]) {
                problems.append("overlap: \(boxes[i]) and \(boxes[j])")
            }
        }
        return problems
    }
}
