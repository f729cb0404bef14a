import Data
import Support

/// Byte-buffer pieces of the dashboard's value tables. The tables have thousands of cells per
/// page (every area × year of an indicator, every indicator × year of an area): written into one
/// `[UInt8]` instead of a `String` made of interpolated temporaries, each cell costs no
/// allocation of its own. Each function writes exactly the bytes of its `String` counterpart in
/// `DashboardHTML` (tests compare them).
enum DashboardBytes {
    /// `DashboardHTML.link(url, text)` appended.
    static func link(_ url: String, _ text: String, into out: inout [UInt8]) {
        out.append(static: "<a href=\"")
        Escape.appendHTML(Escape.urlPath(url), to: &out)
        out.append(static: "\">")
        Escape.appendHTML(text, to: &out)
        out.append(static: "</a>")
    }

    /// `DashboardHTML.cell(state, decimals:)` appended.
    static func cell(_ state: ValueState?, decimals: Int, into out: inout [UInt8]) {
        guard let state else {
            out.append(static: "<abbr title=\"keine Angabe\">k.\u{00A0}A.</abbr>")
            return
        }
        let flags = state.flags
        // The same order as the string version builds it: break mark, opening parenthesis,
        // value or symbol, closing parenthesis, then the letters.
        if flags.contains(.seriesBreak) { out.append(static: "<abbr title=\"Bruch in der Zeitreihe\">|</abbr>\u{00A0}") }
        let limited = flags.contains(.limitedValidity)
        if limited { out.append(static: "<abbr title=\"Aussagewert eingeschränkt\">(</abbr>") }
        switch state {
        case .value(let v, _): Escape.appendHTML(GermanFormat.number(v, decimals: decimals), to: &out)
        default:
            out.append(static: "<abbr title=\"")
            Escape.appendHTML(state.germanExplanation ?? "", to: &out)
            out.append(static: "\">")
            Escape.appendHTML(state.symbol ?? "", to: &out)
            out.append(static: "</abbr>")
        }
        if limited { out.append(static: "<abbr title=\"Aussagewert eingeschränkt\">)</abbr>") }
        if flags.contains(.provisional) { out.append(static: "\u{00A0}<abbr title=\"vorläufig\">p</abbr>") }
        if flags.contains(.revised) { out.append(static: "\u{00A0}<abbr title=\"berichtigt\">r</abbr>") }
        if flags.contains(.estimated) { out.append(static: "\u{00A0}<abbr title=\"geschätzt\">s</abbr>") }
    }

    /// The cells of one row: `<td>` per year of `years` (ascending), from the area's own states
    /// (ascending, a subset of `years`) walked alongside instead of looked up per year; a year
    /// without a state is „x“ when the area did not exist then, else „k. A.“.
    static func rowCells(years: [Int], states: [(year: Int, state: ValueState)], area: Area, decimals: Int,
                         into out: inout [UInt8]) {
        var next = 0
        for year in years {
            while next < states.count, states[next].year < year { next += 1 }
            if next < states.count, states[next].year == year {
                out.append(static: "<td>")
                cell(states[next].state, decimals: decimals, into: &out)
                out.append(static: "</td>")
            } else if !area.isValid(inYear: year) {
                out.append(static: "<td><abbr title=\"Gebiet bestand in diesem Jahr nicht\">x</abbr></td>")
            } else {
                out.append(static: "<td><abbr title=\"keine Angabe\">k.\u{00A0}A.</abbr></td>")
            }
        }
    }

    /// Opens a table of values in its scrolling region (`DashboardHTML.scrollTable`'s frame,
    /// labelled by the caption) up to the caption's text, which the caller writes next.
    static func openValueTable(into out: inout [UInt8]) {
        out.append(static: "<div class=\"tabelle daten-tabelle\" role=\"region\" aria-labelledby=\"tabelle-beschriftung\" tabindex=\"0\">\n")
        out.append(static: "<table class=\"daten-werte\">\n<caption id=\"tabelle-beschriftung\">")
    }

    /// A header cell per year, then the end of the header row and the start of the body.
    static func yearHeaders(_ years: [Int], into out: inout [UInt8]) {
        for year in years {
            out.append(static: "<th scope=\"col\">")
            out.appendUTF8(String(year))
            out.append(static: "</th>")
        }
        out.append(static: "</tr></thead>\n<tbody>\n")
    }

    /// Closes what `openValueTable` opened.
    static func closeValueTable(into out: inout [UInt8]) {
        out.append(static: "</tbody>\n</table>\n</div>\n")
    }
}
