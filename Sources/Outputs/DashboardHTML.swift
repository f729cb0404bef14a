import Data
import Support

/// Small HTML pieces the dashboard pages share. Everything from data files goes through
/// `Escape.html`; symbols carry their meaning in `<abbr title>` so no value relies on a legend.
enum DashboardHTML {
    static func h(_ text: String) -> String { Escape.html(text) }

    static func link(_ url: String, _ text: String) -> String {
        "<a href=\"\(h(Escape.urlPath(url)))\">\(h(text))</a>"
    }

    /// Flag, letter, meaning; made once, not per cell (the value tables have thousands).
    static let flagMeanings: [(Data.ValueFlags, String, String)] = [(.provisional, "p", "vorläufig"), (.revised, "r", "berichtigt"),
                                                                    (.estimated, "s", "geschätzt")]

    /// A table cell's content for one state: "7,3" with `p` etc. as abbreviations, or the
    /// symbol with its explanation.
    static func cell(_ state: ValueState?, decimals: Int) -> String {
        guard let state else { return "<abbr title=\"keine Angabe\">k.\u{00A0}A.</abbr>" }
        var core: String
        switch state {
        case .value(let v, _): core = h(GermanFormat.number(v, decimals: decimals))
        default: core = "<abbr title=\"\(h(state.germanExplanation ?? ""))\">\(h(state.symbol ?? ""))</abbr>"
        }
        let flags = state.flags
        if flags.contains(.limitedValidity) {
            core = "<abbr title=\"Aussagewert eingeschränkt\">(</abbr>\(core)<abbr title=\"Aussagewert eingeschränkt\">)</abbr>"
        }
        if flags.contains(.seriesBreak) {
            core = "<abbr title=\"Bruch in der Zeitreihe\">|</abbr>\u{00A0}" + core
        }
        for (flag, letter, meaning) in flagMeanings where flags.contains(flag) {
            core += "\u{00A0}<abbr title=\"\(meaning)\">\(letter)</abbr>"
        }
        return core
    }

    /// "7,3 %" with flags spelled out for running text: "7,3 % (vorläufig)", "geheim (.)".
    static func valueText(_ state: ValueState, _ indicator: Indicator) -> String {
        var text: String
        if let number = state.number {
            text = DashboardWording.value(number, indicator)
        } else {
            text = "kein Wert (\(state.symbol ?? ""): \(state.germanExplanation ?? ""))"
        }
        let words = state.flags.subtracting(.seriesBreak).german
        if !words.isEmpty && state.number != nil { text += " (\(words.joined(separator: ", ")))" }
        return text
    }

    /// Decorative sparkline of the area (and a dashed reference), next to text that says the numbers.
    static func sparkline(_ dataset: IndicatorDataset, area: Area, reference: Area?) -> String {
        let other = reference.flatMap { $0.key == area.key ? nil : dataset.yearStates(area: $0.key) } ?? []
        return DashboardSparkline.svg(main: dataset.yearStates(area: area.key), reference: other)
    }

    /// The note on every page with invented figures.
    static func exampleNote(_ what: String) -> String {
        "<p class=\"daten-hinweis daten-hinweis--beispiel\"><strong>Beispieldaten:</strong> \(h(what)) "
            + "Sie sehen echten Werten ähnlich, sind aber keine amtlichen Zahlen und dürfen nicht weiterverwendet werden.</p>\n"
    }

    static let exampleBadge = "<span class=\"daten-badge\">Beispieldaten</span>"

    /// A wide table in a keyboard-scrollable frame (the theme's `.tabelle`).
    static func scrollTable(_ table: String, labelID: String) -> String {
        "<div class=\"tabelle daten-tabelle\" role=\"region\" aria-labelledby=\"\(h(labelID))\" tabindex=\"0\">\n\(table)\n</div>\n"
    }

    /// The Zeichenerklärung as a definition list.
    static func symbolLegend() -> String {
        var out = "<dl class=\"daten-zeichen\">\n"
        for entry in StatisticalSymbol.legend {
            out += "<div><dt>\(h(entry.symbol))</dt><dd>\(h(entry.meaning))</dd></div>\n"
        }
        out += "<div><dt>k.\u{00A0}A.</dt><dd>keine Angabe: für dieses Gebiet und Jahr liegt kein Wert vor</dd></div>\n"
        out += "</dl>\n"
        return out
    }

    /// The dashboard's own navigation below the page title.
    static func sectionNav(_ items: [(id: String, title: String)]) -> String {
        guard items.count > 1 else { return "" }
        var out = "<nav class=\"daten-inhalt\" aria-label=\"Auf dieser Seite\">\n<ul>\n"
        for item in items { out += "<li><a href=\"#\(h(item.id))\">\(h(item.title))</a></li>\n" }
        return out + "</ul>\n</nav>\n"
    }
}
