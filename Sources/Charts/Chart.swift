/// Where a line chart's value axis starts.
public enum Baseline: Sendable, Hashable {
    /// At zero, unless zero is far from the data (then above zero, with a visible axis note).
    case auto
    /// Always at zero.
    case zero
}

/// How stacked bars add up.
public enum StackMode: Sendable, Hashable {
    /// Parts as they are (counts).
    case absolute
    /// Parts as shares of their total (100 % bars).
    case percent
}

/// How a sparkline presents itself to assistive technology.
public enum SparklineMode: Sendable, Hashable {
    /// Next to text that already says what it shows: hidden from screen readers.
    case decorative
    /// Stands alone: an image with title and the generated summary as description.
    case labelled
}

/// Layout of a tile map: tile positions in a grid (column, row), north at the top.
public struct TileLayout: Sendable, Hashable {
    public struct Tile: Sendable, Hashable {
        /// Category key of the area (matches `DataPoint(category:)`).
        public var key: String
        /// Name shown in the tile (may be long: it is wrapped).
        public var name: String
        public var column: Int
        public var row: Int

        public init(key: String, name: String, column: Int, row: Int) {
            self.key = key
            self.name = name
            self.column = column
            self.row = row
        }
    }

    public var tiles: [Tile]

    public init(tiles: [Tile]) { self.tiles = tiles }

    /// The seven Sozialregionen of Landkreis Mittelsachsen, schematic, north at the top:
    /// Nord and Nordost first, West and Freiberg in the middle, the three southern regions last.
    public static let mittelsachsenSozialregionen = TileLayout(tiles: [
        Tile(key: "6", name: "Nord (Döbeln)", column: 0, row: 0),
        Tile(key: "7", name: "Nordost (Hainichen)", column: 1, row: 0),
        Tile(key: "5", name: "West (Mittweida)", column: 0, row: 1),
        Tile(key: "1", name: "Freiberg", column: 2, row: 1),
        Tile(key: "4", name: "Südwest (Burgstädt)", column: 0, row: 2),
        Tile(key: "3", name: "Süd (Flöha)", column: 1, row: 2),
        Tile(key: "2", name: "Südost (Sayda)", column: 2, row: 2),
    ])
}

/// The kinds of charts and their options.
public enum ChartKind: Sendable, Hashable {
    /// Several series over years, labelled at their ends instead of a legend.
    case line(baseline: Baseline = .auto)
    /// One series over years (or categories) as columns from zero.
    case column
    /// Horizontal bars sorted by value, the highlighted category emphasised; reference series
    /// (e.g. the Kreis) become reference rules.
    case ranking
    /// Bars of several series side by side per category (or year).
    case groupedBars
    /// Parts of a whole stacked per category (or year).
    case stackedBars(StackMode = .absolute)
    /// Age groups (categories, youngest first) with the first series to the left and the second
    /// to the right.
    case pyramid
    /// A tiny line for cards and tables.
    case sparkline(SparklineMode = .decorative, width: Double = 120, height: Double = 32)
    /// One small line chart per primary series, all with the same scales; reference series are
    /// repeated in every panel.
    case smallMultiples
    /// Schematic tile map of areas, values in classes shown with colour, pattern and label.
    case tileMap(TileLayout = .mittelsachsenSozialregionen, classes: Int = 4)

    var name: String {
        switch self {
        case .line: "line"
        case .column: "column"
        case .ranking: "ranking"
        case .groupedBars: "grouped"
        case .stackedBars: "stacked"
        case .pyramid: "pyramid"
        case .sparkline: "sparkline"
        case .smallMultiples: "multiples"
        case .tileMap: "tilemap"
        }
    }

    /// German name of the chart type for descriptions ("Liniendiagramm").
    var germanName: String {
        switch self {
        case .line: "Liniendiagramm"
        case .column: "Säulendiagramm"
        case .ranking: "Balkendiagramm, sortiert"
        case .groupedBars: "Gruppiertes Balkendiagramm"
        case .stackedBars(let mode): mode == .percent ? "Gestapeltes Balkendiagramm (Anteile)" : "Gestapeltes Balkendiagramm"
        case .pyramid: "Bevölkerungspyramide"
        case .sparkline: "Verlaufslinie"
        case .smallMultiples: "Kleine Vielfache (Liniendiagramme mit gleicher Skala)"
        case .tileMap: "Schematische Kachelkarte"
        }
    }
}

/// Options of one rendering that depend on the page, not on the data.
public struct RenderOptions: Sendable, Hashable {
    /// Prefix for all ids of the chart; must be unique on the page ("c-sgb2-doebeln").
    public var idPrefix: String
    /// Heading level of the title (2–6), or nil for a paragraph title inside the figcaption.
    public var headingLevel: Int?
    /// Link target of the CSV download (the caller writes the file, see `ChartCSV`).
    public var csvHref: String?
    /// Link target of a standalone SVG download, if the caller writes one.
    public var svgHref: String?
    /// Whether the data table starts expanded (e.g. for print versions).
    public var tableOpen: Bool

    public init(idPrefix: String, headingLevel: Int? = 3, csvHref: String? = nil, svgHref: String? = nil,
                tableOpen: Bool = false) {
        self.idPrefix = idPrefix
        self.headingLevel = headingLevel.map { min(6, max(2, $0)) }
        self.csvHref = csvHref
        self.svgHref = svgHref
        self.tableOpen = tableOpen
    }
}

/// Everything one chart produces.
public struct ChartOutput: Sendable, Hashable {
    /// The complete accessible `<figure>` (for sparklines: the bare `<svg>`).
    public var figureHTML: String
    /// The wide SVG on its own (with `xmlns`), for a download file.
    public var svg: String
    /// The generated plain-German summary.
    public var summary: String
    /// The data table (`<table>` with caption and header cells).
    public var tableHTML: String
    /// The data as CSV text (UTF-8, `;`, decimal comma).
    public var csv: String
}

/// A chart: data and kind. `render` is a pure function of both and the options.
public struct Chart: Sendable, Hashable {
    public var kind: ChartKind
    public var spec: ChartSpec

    public init(_ kind: ChartKind, _ spec: ChartSpec) {
        self.kind = kind
        self.spec = spec
    }

    public func render(_ options: RenderOptions) -> ChartOutput {
        FigureMarkup.render(self, options: options)
    }

    public func render(idPrefix: String) -> ChartOutput {
        render(RenderOptions(idPrefix: idPrefix))
    }

    /// `render(options).figureHTML` without the work for the other outputs (CSV, standalone SVG).
    public func figureHTML(_ options: RenderOptions) -> String {
        FigureMarkup.figure(self, options: options)
    }

    /// `before + figureHTML(options) + after`, made in one piece: the figure is not copied again
    /// to wrap it.
    public func figureHTML(_ options: RenderOptions, before: String, after: String) -> String {
        FigureMarkup.figure(self, options: options, before: before, after: after)
    }

    /// `render(_).summary` and `.tableHTML` without drawing: the text alternative that feeds and
    /// e-mails show instead of the SVG. Neither depends on the render options.
    public func textAlternative() -> (summary: String, tableHTML: String) {
        // A ranking's rows once for both, as `render` does.
        let ranking = FigureMarkup.rows(self)
        return (SummarySentence.make(self, ranking: ranking), DataTable.html(self, ranking: ranking))
    }

    /// The drawing of one layout.
    func draw(_ variant: LayoutVariant, ids: ChartIDs) -> Drawing {
        switch kind {
        case .line(let baseline): LineChart(spec: spec, baseline: baseline).draw(variant)
        case .column: ColumnChart(spec: spec).draw(variant, ids: ids)
        case .ranking: RankingChart(spec: spec).draw(variant)
        case .groupedBars: GroupedBarChart(spec: spec).draw(variant, ids: ids)
        case .stackedBars(let mode): StackedBarChart(spec: spec, mode: mode).draw(variant, ids: ids)
        case .pyramid: PopulationPyramid(spec: spec).draw(variant)
        case .sparkline(_, let width, let height): Sparkline(spec: spec, width: width, height: height).draw()
        case .smallMultiples: SmallMultiples(spec: spec).draw(variant)
        case .tileMap(let layout, let classes): TileMap(spec: spec, layout: layout, classCount: classes).draw(variant, ids: ids)
        }
    }

    /// The drawings of `variants`, in their order. A ranking works out its rows once for all of
    /// them (or takes `ranking`, worked out by the caller for the table too).
    func drawings(_ variants: [LayoutVariant], ids: ChartIDs, ranking: RankingChart? = nil) -> [Drawing] {
        if case .ranking = kind {
            let ranking = ranking ?? RankingChart(spec: spec)
            return variants.map { ranking.draw($0) }
        }
        return variants.map { draw($0, ids: ids) }
    }

    /// Sparklines have one fixed size; everything else has a wide and a compact layout.
    var variants: [LayoutVariant] {
        if case .sparkline = kind { return [.wide] }
        return LayoutVariant.allCases
    }
}
