import Foundation
import Testing
@testable import Charts
import Support

/// The byte-level rewrites must behave exactly like the straightforward versions they replaced;
/// those are kept here as the reference.
@Suite("Fast paths behave like the code they replaced")
struct FastPathEquivalenceTests {
    static let tricky = ["", "a", "ä", "Ä-1", "2023-quote", "-x", "_y", "c-sgb2_doebeln", "\"><script>", "Döbeln 👩‍👩‍👧 & <b>",
                         "e\u{301}x", "  /daten/a.csv", "/daten/a b.csv ", "/daten/ä.csv", "/x\u{00A0}", "/", "/\t",
                         "javascript:alert(1)", " JavaScript:x", "HTTPS://example.org/x", "daten/a.csv?x=1:2", "#anker",
                         String(repeating: "Großschirma-", count: 200)]

    /// `ChartIDs.init` before it worked on bytes.
    static func referencePrefix(_ raw: String) -> String {
        var cleaned = String(raw.unicodeScalars.filter {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_"
        }.map(Character.init))
        if cleaned.isEmpty || !(cleaned.unicodeScalars.first!.properties.isAlphabetic) { cleaned = "c-" + cleaned }
        return cleaned
    }

    /// `safeHref` without the fast path for site paths.
    static func referenceHref(_ href: String) -> String? {
        let trimmed = href.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let lower = trimmed.lowercased()
        let schemeEnd = lower.firstIndex(of: ":")
        let pathStart = lower.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" }
        if let schemeEnd, pathStart.map({ schemeEnd < $0 }) ?? true {
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        }
        return Escape.urlPath(trimmed)
    }

    @Test("Id prefixes", arguments: tricky)
    func ids(raw: String) {
        #expect(ChartIDs(prefix: raw).prefix == Self.referencePrefix(raw))
    }

    @Test("Safe links", arguments: tricky + ["/a:b", "/javascript:x", "/x ", "/x\u{3000}"])
    func hrefs(raw: String) {
        #expect(FigureMarkup.safeHref(raw) == Self.referenceHref(raw))
    }

    @Test("Label and point lookups match the linear searches")
    func lookups() {
        let spec = ChartSpec(title: "T", unit: .percent,
                             series: [Series(id: "a", label: "A", points: [
                                DataPoint(key: .category("x"), value: .number(1)),
                                DataPoint(key: .category("x"), value: .number(2)),
                                DataPoint(key: .category("ä"), value: .missing(.secret)),
                                DataPoint(key: .year(2020), value: .number(3), flags: .provisional),
                             ])],
                             categories: [ChartCategory(key: "x", label: "Erstes X"), ChartCategory(key: "x", label: "Zweites X"),
                                          ChartCategory(key: "y", label: "Ypsilon")])
        let labels = CategoryLabels(spec)
        let points = spec.series[0].pointsByKey
        let keys: [PointKey] = [.category("x"), .category("y"), .category("ä"), .category("z"), .year(2020), .year(1999)]
        for key in keys {
            #expect(labels.label(for: key) == spec.label(for: key))
            #expect(points[key] == spec.series[0].point(at: key))
        }
        #expect(labels.label(for: .category("x")) == "Erstes X")
    }

    @Test("SVGWriter writes nested elements with indentation and escaped values")
    func writer() {
        var svg = SVGWriter()
        svg.open("g", [("class", "a&b")])
        svg.empty("rect", [("x", "1"), ("title", "\"<'>\"")])
        svg.element("text", [("x", "2")], text: "Döbeln & <Roßwein>\u{1}")
        svg.textLines(["eins", "zwei"], x: 1.5, y: 2, lineHeight: 17, [("fill", "#000")])
        svg.textLines(["nur"], x: 0, y: -0.004, lineHeight: 17, [])
        svg.raw("<x/>")
        svg.close("g")
        #expect(svg.text == """
            <g class="a&amp;b">
             <rect x="1" title="&quot;&lt;&apos;&gt;&quot;"/>
             <text x="2">Döbeln &amp; &lt;Roßwein&gt;</text>
             <text x="1.5" y="2" fill="#000"><tspan x="1.5" dy="0">eins</tspan><tspan x="1.5" dy="17">zwei</tspan></text>
             <text x="0" y="0">nur</text>
             <x/>
            </g>

            """)
        #expect(pathData([(0, 0), (1.25, -2.5), (100, 3.333)]) == "M0 0 L1.25 -2.5 L100 3.33")
        #expect(pathData([]) == "")
    }

    @Test("Light colours by name match the palette search")
    func lightColours() {
        for name in Palette.colors.map(\.name) + ["", "unbekannt", "1 "] {
            #expect(Palette.light(name) == Palette.color(name).light)
        }
    }

    @Test("Text widths from the Latin-1 table match the per-character search")
    func widths() {
        func reference(_ text: String, weight: FontWeight, tabular: Bool) -> Double {
            let units = text.unicodeScalars.reduce(0) { $0 + TextMetrics.advance(of: $1.value, in: weight.table, tabularDigits: tabular) }
            return Double(units) / InterMetrics.unitsPerEm * 14 * TextMetrics.safetyFactor
        }
        let texts = Self.tricky + ["0123456789", "12,5 %", "\u{00A0}–\u{00FF}\u{0100}\u{0301}\u{200B}\u{00AD}", "\u{0}\u{7F}"]
        for text in texts {
            for weight in [FontWeight.regular, .semibold, .bold] {
                for tabular in [false, true] {
                    #expect(TextMetrics.width(text, size: 14, weight: weight, tabularDigits: tabular)
                        == reference(text, weight: weight, tabular: tabular))
                }
            }
        }
    }

    @Test("Label words split on scalars like on Characters")
    func words() {
        /// `breakableWords` before the scalar path.
        func reference(_ text: String) -> [String] {
            var pieces: [String] = []
            var current = ""
            for ch in text {
                current.append(ch)
                if ch == " " || ch == "-" || ch == "/" {
                    pieces.append(current)
                    current = ""
                }
            }
            if !current.isEmpty { pieces.append(current) }
            return pieces.filter { !$0.allSatisfy { $0 == " " } }
        }
        let texts = Self.tricky + ["Frankenberg/Sa.", "Sozialregion Nord (Döbeln)", "  a  b  ", " ", "   ", "-", "a--b//c",
                                   "a \u{301}b", "x\r\ny - z", "a\rb", "Hainichen -\u{200D}x", "A\u{00AD}B C", "© ® 1 %"]
        for text in texts {
            #expect(TextMetrics.breakableWords(text) == reference(text))
        }
    }

    @Test("The byte buffer gets the same markup as the string did")
    func bytesAppend() {
        var texts = Self.tricky + ["a&b", "<x>", "\"'", "\t\n\r", "\u{7F}", "ok", "😀", "a\u{0}b"]
        texts += (0..<128).map { String(Character(UnicodeScalar(UInt8($0)))) + "x" }
        // A bridged (non-native) string takes the path without contiguous bytes.
        texts.append(NSString(string: "Roßwein & <Döbeln>").description)
        for text in texts {
            var bytes = SVGBytes()
            bytes += "pre"
            SVGWriter.appendXML(text, to: &bytes)
            #expect(bytes.string == "pre" + Escape.xml(text))
            var plain = SVGBytes()
            plain += text
            #expect(plain.string == text)
            #expect(plain.bytes == Array(text.utf8))
        }
        let lists: [[(String, String)]] = [[], [("a", "1")], texts.enumerated().map { ("k\($0.offset)", $0.element) }]
        for attributes in lists {
            var bytes = SVGBytes()
            SVGWriter.append(attributes, to: &bytes, then: .selfClosing)
            var text = ""
            for (index, (name, value)) in attributes.enumerated() {
                text += (index == 0 ? " " : "\" ") + name + "=\"" + Escape.xml(value)
            }
            text += attributes.isEmpty ? "/>\n" : "\"/>\n"
            #expect(bytes.string == text)
        }
    }

    @Test("Appending escaped XML equals Escape.xml for every byte")
    func xmlAppend() {
        var texts = Self.tricky + ["a&b", "<x>", "\"'", "\t\n\r", "\u{7F}", "ok"]
        texts += (0..<128).map { String(Character(UnicodeScalar(UInt8($0)))) + "x" }
        for text in texts {
            var out = "pre"
            SVGWriter.appendXML(text, to: &out)
            #expect(out == "pre" + Escape.xml(text))
        }
    }
    /// `ChartSpec.keys` before it sorted years in an array.
    static func referenceKeys(_ spec: ChartSpec) -> [PointKey] {
        var years = Set<Int>()
        var seenCategories: [String] = []
        var seen = Set<String>()
        for series in spec.series {
            for point in series.points {
                switch point.key {
                case .year(let y): years.insert(y)
                case .category(let c):
                    if seen.insert(c).inserted { seenCategories.append(c) }
                }
            }
        }
        let declared = spec.categories.map(\.key)
        let declaredSet = Set(declared)
        let ordered = declared.filter { seen.contains($0) } + seenCategories.filter { !declaredSet.contains($0) }
        return years.sorted().map(PointKey.year) + ordered.map(PointKey.category)
    }

    @Test("Keys: years sorted and unique, categories declared first, mixed, duplicates and empty")
    func keysMatchReference() {
        let names = ["b", "a", "ä", "e\u{301}", "\u{E9}", "Döbeln 👩‍👩‍👧 & <b>", "", "a"]
        var rng = SystemRandomNumberGenerator()
        var specs: [ChartSpec] = [ChartSpec(title: "leer", unit: ChartUnit(.count), series: [])]
        for _ in 0..<200 {
            let series = (0..<Int.random(in: 0...3, using: &rng)).map { s in
                Series(id: "s\(s)", label: "S\(s)", points: (0..<Int.random(in: 0...12, using: &rng)).map { _ in
                    Bool.random(using: &rng)
                        ? DataPoint(year: Int.random(in: 2010...2024, using: &rng), 1)
                        : DataPoint(category: names.randomElement(using: &rng)!, 2)
                })
            }
            let declared = (0..<Int.random(in: 0...4, using: &rng)).map { _ in ChartCategory(key: names.randomElement(using: &rng)!) }
            specs.append(ChartSpec(title: "t", unit: ChartUnit(.count), series: series, categories: declared))
        }
        for spec in specs { #expect(spec.keys == Self.referenceKeys(spec)) }
    }
    /// `fmt` before it wrote digits into the string's storage.
    static func referenceFmt(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded()
        if hundredths == 0 { return "0" }
        let negative = hundredths < 0
        let magnitude = Int(abs(hundredths))
        let whole = magnitude / 100, fraction = magnitude % 100
        var text = negative ? "-" : ""
        text += String(whole)
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return text
    }

    @Test("Coordinates: the digit writer gives the text of the former format")
    func fmtMatchesReference() {
        var values: [Double] = [0, -0.0, 0.004, 0.005, -0.005, 0.015, 0.05, 0.1, 0.5, 1, -1, 9.995, 10, 99.99, 100, 123.45,
                                -4.25, 2.675, 1e6, 1.23456789e12, 9.2e16, -9.2e16, .nan, .infinity, -.infinity,
                                .leastNonzeroMagnitude, .ulpOfOne]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            values.append(Double.random(in: -1000...1000, using: &rng))
            values.append(Double(Int.random(in: -100_000...100_000, using: &rng)) / 100)
            values.append(Double.random(in: -1e15...1e15, using: &rng))
        }
        for value in values { #expect(fmt(value) == Self.referenceFmt(value), "\(value)") }
    }
    @Test("A ranking's rows worked out once give the summary, table and drawings of separate work")
    func sharedRankingRowsMatchFreshOnes() {
        let names = ["Döbeln", "Freiberg", "Ärger & <b>", "e\u{301}", "Zschopau", "Mittweida"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let points = names.shuffled(using: &rng).prefix(Int.random(in: 0...names.count, using: &rng)).map { name in
                Int.random(in: 0..<4, using: &rng) == 0
                    ? DataPoint(category: name, missing: .secret)
                    : DataPoint(category: name, Double(Int.random(in: -3...3, using: &rng)))
            }
            var series = [Series(id: "werte", label: "Werte", points: Array(points))]
            if Bool.random(using: &rng) {
                series.append(Series(id: "kreis", label: "Landkreis", role: .reference, points: [DataPoint(category: "kreis", 1.5)]))
            }
            let spec = ChartSpec(title: "t", unit: ChartUnit(.count), series: series,
                                 highlight: Bool.random(using: &rng) ? names.randomElement(using: &rng) : nil)
            let chart = Chart(.ranking, spec)
            let rows = RankingChart(spec: spec)
            if let main = spec.series.first(where: { $0.role != .reference }) {
                let fresh = RankingChart.sortedValues(main, spec: spec)
                #expect(rows.rankedValues.map(\.key) == fresh.map(\.key))
                #expect(rows.rankedValues.map(\.label) == fresh.map(\.label))
                #expect(rows.rankedValues.map(\.value) == fresh.map(\.value))
            }
            #expect(SummarySentence.make(chart, ranking: rows) == SummarySentence.make(chart))
            #expect(DataTable.html(chart, ranking: rows) == DataTable.html(chart))
            let ids = ChartIDs(prefix: "x")
            #expect(chart.drawings(LayoutVariant.allCases, ids: ids, ranking: rows).map(\.body)
                    == chart.drawings(LayoutVariant.allCases, ids: ids).map(\.body))
        }
    }
    @Test("Attributes with the tag's end written together give the former separate appends")
    func attributesWithTagEndMatchSeparateAppends() {
        func reference(_ attributes: [(String, String)], end: String) -> String {
            var out = ""
            for (name, value) in attributes {
                out += " "
                out += name
                out += "=\""
                out += Escape.xml(value)
                out += "\""
            }
            return out + end
        }
        let values = ["", "0", "ch-f-1", "&<>\"'", "Döbeln 👩‍👩‍👧", "a\u{1}b", "\t\n"]
        let lists: [[(String, String)]] = [[]] + values.map { [("class", $0)] } + [values.enumerated().map { ("a\($0.offset)", $0.element) }]
        let ends: [(SVGWriter.TagEnd, String)] = [(.nothing, ""), (.content, ">"), (.line, ">\n"), (.selfClosing, "/>\n")]
        for attributes in lists {
            for (end, text) in ends {
                var out = "<x"
                SVGWriter.append(attributes, to: &out, then: end)
                #expect(out == "<x" + reference(attributes, end: text))
            }
            #expect(SVGWriter.attributes(attributes) == reference(attributes, end: ""))
        }
    }

    /// The one-line shortcut of `wrap` gives the lines of the word-by-word wrapping it skips:
    /// labels with double spaces, spaces after hyphens and slashes, leading and trailing spaces,
    /// combining marks after a space, emoji, and widths around the label's own width.
    @Test func wrapShortcutMatchesWordByWord() {
        let labels = Self.tricky + ["Döbeln", "Sozialregion Nord (Döbeln)", "Frankenberg/Sa.", "Hainichen ", " Roßwein",
                                    "Groß  schirma", "Ost- West", "Nord/ Süd", "a - b", "Jahnatal\r\nOstrau", "x \u{301}y",
                                    "Landkreis Mittelsachsen (gesamt)", "👩‍👩‍👧 Familie", "   ", "-", "a/", "Ä Ö Ü ß"]
        for label in labels {
            for weight in [FontWeight.regular, .semibold, .bold] {
                let full = TextMetrics.width(label, size: 14, weight: weight)
                for maxWidth in [8.0, 40, 96, 112, 150, 210, full, full - 0.01, full + 0.01] {
                    #expect(TextMetrics.wrap(label, maxWidth: maxWidth, size: 14, weight: weight)
                            == TextMetrics.wrapByWords(label, maxWidth: maxWidth, size: 14, weight: weight),
                            "\(label) at \(maxWidth)")
                }
            }
        }
    }

    /// The stored axis keys follow every change of the series and categories: set anew, changed
    /// in place, categories declared later, points that repeat, undeclared categories.
    @Test func storedKeysFollowSeriesAndCategories() {
        var spec = ChartSpec(title: "T", unit: ChartUnit(.count), series: [
            Series(id: "a", label: "A", points: [DataPoint(year: 2021, 1), DataPoint(year: 2019, 2), DataPoint(year: 2021, 3)]),
        ])
        func fresh(_ spec: ChartSpec) -> [PointKey] { ChartSpec.axisKeys(series: spec.series, categories: spec.categories) }
        #expect(spec.keys == [.year(2019), .year(2021)])
        spec.series[0].points.append(DataPoint(year: 2015, missing: .secret))
        #expect(spec.keys == fresh(spec) && spec.keys.first == .year(2015))
        spec.series = [Series(id: "b", label: "B", points: [DataPoint(category: "y", 1), DataPoint(category: "x", 2),
                                                            DataPoint(category: "ä & <z>", 3), DataPoint(category: "y", 4)])]
        #expect(spec.keys == [.category("y"), .category("x"), .category("ä & <z>")])
        spec.categories.append(ChartCategory(key: "x", label: "Ex"))
        spec.categories.append(ChartCategory(key: "nicht da"))
        #expect(spec.keys == [.category("x"), .category("y"), .category("ä & <z>")])
        #expect(spec.keys == fresh(spec))
        spec.series.append(Series(id: "c", label: "C", points: [DataPoint(year: 2020, 5)]))
        #expect(spec.keys == fresh(spec) && spec.keys.first == .year(2020))
        spec.series.removeAll()
        #expect(spec.keys.isEmpty)
    }

    /// `DataTable.cell` as it was built from strings, before it was written as bytes.
    static func referenceCell(_ point: DataPoint?, key: PointKey, spec: ChartSpec) -> String {
        guard let point else { return "<abbr title=\"keine Angabe\">k.\u{00A0}A.</abbr>" }
        var text = ""
        if let year = key.year, spec.breakNote(before: year) != nil, year != spec.keys.first?.year {
            text += "<abbr title=\"Bruch in der Reihe\">|</abbr>\u{00A0}"
        }
        switch point.value {
        case .number(let value):
            let number = htmlText(spec.unit.table(value))
            text += point.flags.contains(.limitedValidity) ? "(\(number))" : number
            for (flag, letter, meaning) in [(ValueFlags.provisional, "p", "vorläufig"), (.revised, "r", "berichtigt"),
                                            (.estimated, "s", "geschätzt")] where point.flags.contains(flag) {
                text += "\u{00A0}<abbr title=\"\(meaning)\">\(letter)</abbr>"
            }
        case .missing(let reason):
            text += "<abbr title=\"\(htmlText(reason.text))\">\(htmlText(reason.symbol))</abbr>"
        }
        return text
    }

    /// Table cells and escaped table text written as bytes match the string versions: every
    /// flag combination, every missing reason, breaks, negative and huge numbers, units with
    /// markup characters, and hostile labels.
    @Test func tableCellsAndTextMatchStrings() {
        let flagSets: [ValueFlags] = [[], .provisional, .revised, .estimated, .limitedValidity,
                                      [.provisional, .revised, .estimated, .limitedValidity]]
        var points: [DataPoint?] = [nil]
        for flags in flagSets {
            for value in [0.0, -0.04, -12.5, 1234.567, 1e12] { points.append(DataPoint(year: 2021, value, flags: flags)) }
            for reason in [MissingReason.secret, .notYetAvailable, .notMeaningful, .notReliable, .anonymised, .noData, .belowHalfUnit, .other("<böse> & \"x\"")] { points.append(DataPoint(key: .year(2021), value: .missing(reason), flags: flags)) }
        }
        for unit in [ChartUnit(.percent, decimals: 1), ChartUnit(.count, label: "<Fälle> & \"Co\""), ChartUnit(.years, decimals: 2)] {
            let spec = ChartSpec(title: "T", unit: unit, series: [
                Series(id: "a", label: "A", points: [DataPoint(year: 2019, 1), DataPoint(year: 2021, 2)]),
            ], breaks: [SeriesBreak(before: 2021, note: "neu"), SeriesBreak(before: 2019, note: "erste")])
            for point in points {
                for key in [PointKey.year(2019), .year(2021), .year(2020), .category("x")] {
                    #expect(DataTable.cell(point, key: key, spec: spec) == Self.referenceCell(point, key: key, spec: spec))
                }
            }
        }
        for text in Self.tricky + ["Tab\tund\u{0001}Steuerzeichen\u{007F}", "a'b\"c"] {
            var out = SVGBytes()
            DataTable.appendHTMLText(text, to: &out)
            #expect(out.string == htmlText(text))
        }
    }

    /// `TextMetrics.trimmed` with its shortcut for text without outer spaces trims as the
    /// character loop does (combining marks on a space, no-break spaces, emoji, only spaces).
    @Test func trimmedMatchesCharacterLoop() {
        func reference(_ text: String) -> String {
            var t = Substring(text)
            while t.last == " " { t = t.dropLast() }
            while t.first == " " { t = t.dropFirst() }
            return String(t)
        }
        for text in Self.tricky + [" a", "a ", "  a b  ", " \u{301}a", "a \u{301}", "\u{00A0}a\u{00A0}", "   ", " ", "👩‍👩‍👧 ", "x"] {
            #expect(TextMetrics.trimmed(text) == reference(text), "\(text)")
        }
    }
}
