import Testing
import Support
@testable import Markdown

let sample = """
# Ältere Menschen in Döbeln

Some ~~old~~ new text with a footnote[^1] and www.example.com autolink.

| a | b |
|---|:-:|
| 1 | 2 |

- [x] done
- [ ] todo

<script>alert(1)</script>

Sie sagte "Hallo" und 'tschüss', geht's?

[intern](/2022/05/armut/) und [extern](https://example.org/a?b=1&c=2 "Titel") und [böse](javascript:alert(1)).

![Ein Diagramm](/bilder/x.png)

![](/bilder/leer.png)

## Ältere Menschen in Döbeln

```diagramm
indikator: sgb-ii-quote
```

[^1]: The note.
"""

func render(_ text: String = sample, _ settings: MarkdownSettings = MarkdownSettings(siteHosts: ["mittelsachsen-sozial.de"]),
            hooks: MarkdownHooks = MarkdownHooks()) -> RenderedMarkdown {
    MarkdownRenderer.render(text, file: "content/beitraege/x.md", firstLine: 5, settings: settings, hooks: hooks)
}

@Test func rendersGFMExtensions() {
    let html = render().html
    #expect(html.contains("<del>old</del>"))
    #expect(html.contains("<th class=\"ausrichtung-mitte\">b</th>"))
    #expect(html.contains("href=\"http://www.example.com\""))
    #expect(html.contains("type=\"checkbox\" checked disabled aria-label=\"erledigt\""))
    #expect(html.contains("class=\"footnotes\""))
    #expect(html.contains("Zurück zum Text"))
    #expect(!html.contains("Back to reference"))
}

@Test func headingsGetGermanFriendlyUniqueIds() {
    let result = render()
    #expect(result.headings.map(\.id) == ["aeltere-menschen-in-doebeln", "aeltere-menschen-in-doebeln-2"])
    #expect(result.html.contains("<h1 id=\"aeltere-menschen-in-doebeln\">\nÄltere Menschen in Döbeln\n</h1>"))
    #expect(result.headings[0].location == SourceLocation(file: "content/beitraege/x.md", line: 5, column: 1))
}

@Test func rawHTMLIsOffByDefaultAndReported() {
    let result = render()
    #expect(!result.html.contains("<script>"))
    #expect(result.diagnostics.contains { $0.code == "raw-html" && $0.location.line == 16 })
    let allowed = render(sample, MarkdownSettings(allowRawHTML: true))
    #expect(allowed.html.contains("&lt;script>"))  // tagfilter still neutralises script
    #expect(!allowed.diagnostics.contains { $0.code == "raw-html" })
}

@Test func germanQuotes() {
    let html = render().html
    #expect(html.contains("Sie sagte „Hallo“ und ‚tschüss‘, geht’s?"))
    let off = render(sample, MarkdownSettings(germanQuotes: false)).html
    #expect(off.contains("&quot;Hallo&quot;"))
}

@Test func linksAreMarkedAndCheckedForSafety() {
    let result = render()
    #expect(result.html.contains("<a href=\"/2022/05/armut/\">intern</a>"))
    #expect(result.html.contains("<a href=\"https://example.org/a?b=1&amp;c=2\" title=\"Titel\" class=\"extern\" rel=\"external noopener noreferrer\">extern<span class=\"visually-hidden\"> (externer Link)</span></a>"))
    #expect(!result.html.contains("javascript:"))
    #expect(result.diagnostics.contains { $0.code == "unsafe-link" })
    #expect(result.links.map(\.url).contains("/2022/05/armut/"))
}

@Test func imagesAreLazyWithSizesAndNeedAlt() {
    let hooks = MarkdownHooks(imageSize: { $0 == "/bilder/x.png" ? (640, 480) : nil })
    let result = render(sample, MarkdownSettings(), hooks: hooks)
    #expect(result.html.contains("<img src=\"/bilder/x.png\" alt=\"Ein Diagramm\" width=\"640\" height=\"480\" loading=\"lazy\" decoding=\"async\">"))
    #expect(result.diagnostics.contains { $0.code == "image-without-alt" && $0.location.line == 24 })
}

@Test func absoluteBaseRewritesSiteLinks() {
    let result = render(sample, MarkdownSettings(absoluteBase: "https://mittelsachsen-sozial.de"))
    #expect(result.html.contains("href=\"https://mittelsachsen-sozial.de/2022/05/armut/\""))
    #expect(result.html.contains("src=\"https://mittelsachsen-sozial.de/bilder/x.png\""))
}

@Test func fencedBlockHandlers() {
    let hooks = MarkdownHooks(fencedBlocks: ["diagramm": { block in
        FencedBlockOutput(html: "<figure>\(block.code.count)</figure>",
                          diagnostics: [.warning("test", at: block.location, "x")])
    }])
    let result = render(sample, MarkdownSettings(), hooks: hooks)
    #expect(result.html.contains("<figure>24</figure>"))
    #expect(result.diagnostics.contains { $0.code == "test" && $0.location.line == 28 })
}

@Test func tablesAreScrollableRegions() {
    #expect(render().html.contains("<div class=\"tabelle\" role=\"region\" aria-label=\"Tabelle\" tabindex=\"0\">\n<table>"))
}

@Test func plainTextAndWords() {
    let result = render("Ein *kurzer* Text.\n\nZweiter `Absatz`.")
    #expect(result.plainText == "Ein kurzer Text. Zweiter Absatz.")
    #expect(result.wordCount == 5)
}

@Test func parallelRenderingMatchesSerial() async {
    let docs = (0..<300).map { "# Beitrag \($0)\n\n" + sample }
    let serial = docs.map { render($0).html }
    let parallel = await withTaskGroup(of: (Int, String).self) { group in
        for (i, d) in docs.enumerated() { group.addTask { (i, render(d).html) } }
        var out = [String](repeating: "", count: docs.count)
        for await (i, h) in group { out[i] = h }
        return out
    }
    #expect(zip(parallel, serial).filter { $0 != $1 }.isEmpty)
}

@Test func columnsCountCharactersNotBytes() {
    let result = render("Über [den Link](/x/) und ![](/b.png)")
    #expect(result.links.first?.location.column == 6)
    #expect(result.images.first?.location.column == 26)
}

@Test func noObsoleteAlignAndLabelledTaskItems() {
    let html = render().html
    #expect(!html.contains(" align="))
    #expect(html.contains("<td class=\"ausrichtung-mitte\">2</td>"))
    #expect(html.contains("<input type=\"checkbox\" disabled aria-label=\"offen\"> todo"))
}

@Test func footnotesHaveAHeadingAndPlainTextSeparatesBlocks() {
    let result = render("Text.[^1]\n\n## Was die Zahlen zeigen\n\nMehr.\n\n[^1]: Quelle.")
    #expect(result.html.contains("<h2 class=\"visually-hidden\">Fußnoten</h2>"))
    #expect(result.plainText.hasPrefix("Text. Was die Zahlen zeigen Mehr."))
}

@Test func tableCellsAreSeparateWordsInPlainText() {
    let result = render("| Jahr | Wert |\n|---|---|\n| 2018 | 1.640 |")
    #expect(result.plainText == "Jahr Wert 2018 1.640")
    #expect(result.wordCount == 4)
}

@Test func quotesAcrossEmphasisAndStraightQuotesInPlainText() {
    let result = render("Sie sagte \"*Hallo*\" und 'tschüss', geht's\r\nweiter.\tEnde")
    #expect(result.html.contains("Sie sagte „<em>Hallo</em>“ und ‚tschüss‘, geht’s\nweiter.\tEnde"))
    #expect(result.plainText == "Sie sagte \"Hallo\" und 'tschüss', geht's weiter. Ende")
    #expect(result.wordCount == 8)
}

@Test func headingLinkAndAltTextsAreCollapsed() {
    let result = render("# Die `SGB-II`-Quote *\"heute\"*\n\n[zwei\nZeilen](/x/) ![Bild  mit\tTab](/b.png)\n\n[](/leer/)")
    #expect(result.headings.first?.text == "Die SGB-II-Quote „heute“")
    #expect(result.headings.first?.id == "die-sgb-ii-quote-heute")
    #expect(result.links.map(\.text) == ["zwei Zeilen", ""])
    #expect(result.images.first?.alt == "Bild mit Tab")
    #expect(result.html.contains("alt=\"Bild mit Tab\""))
}

@Test func emptyBodyRendersNothing() {
    let result = render("")
    #expect(result.html == "")
    #expect(result.plainText == "")
    #expect(result.wordCount == 0)
}
