import Testing
@testable import Markdown

// The opening tags of headings, links and images are built as bytes for cmark; these pin them,
// with everything that needs escaping, written out by hand.

@Test func headingTagsOnEveryLevel() {
    let html = MarkdownRenderer.render("# Eins\n\n## Zwei\n\n### Drei\n\n#### Vier\n\n##### Fünf\n\n###### Sechs\n\n## Zwei\n",
                                       file: "t.md").html
    #expect(html == """
    <h1 id="eins">
    Eins
    </h1>
    <h2 id="zwei">
    Zwei
    </h2>
    <h3 id="drei">
    Drei
    </h3>
    <h4 id="vier">
    Vier
    </h4>
    <h5 id="fuenf">
    Fünf
    </h5>
    <h6 id="sechs">
    Sechs
    </h6>
    <h2 id="zwei-2">
    Zwei
    </h2>

    """)
}

@Test func linkTagsEscapeAddressAndTitle() {
    let markdown = """
    [a](/x/?q=1&r="2" "Ein \\"Titel\\" & <mehr> 'so'") [b](https://example.org/ä b> 'T') [c](<#ab'c>)
    """
    let html = MarkdownRenderer.render(markdown, file: "t.md").html
    #expect(html.contains(#"<a href="/x/?q=1&amp;r=%222%22" title="Ein &quot;Titel&quot; &amp; &lt;mehr&gt; &#39;so&#39;">a</a>"#),
            "\(html)")
    #expect(html.contains(##"<a href="#ab&#39;c">c</a>"##), "\(html)")
}

@Test func imageTagsEscapeEveryAttribute() {
    let hooks = MarkdownHooks(imageSize: { $0 == "/bilder/a&b.png" ? (12, 3_456) : nil })
    // Straight quotes stay in the alt text without German quotes; `&lt;` is a text `<`.
    let settings = MarkdownSettings(germanQuotes: false, absoluteBase: "https://mittelsachsen-sozial.de")
    let markdown = #"![Alt "mit" &lt;Zeichen&gt; & 'so'](/bilder/a&b.png "Titel & \"mehr\"") ![](bild ä.png)"#
    let html = MarkdownRenderer.render(markdown, file: "t.md", settings: settings, hooks: hooks).html
    #expect(html.contains(#"<img src="https://mittelsachsen-sozial.de/bilder/a&amp;b.png" alt="Alt &quot;mit&quot; &lt;Zeichen&gt; &amp; &#39;so&#39;" title="Titel &amp; &quot;mehr&quot;" width="12" height="3456" loading="lazy" decoding="async">"#),
            "\(html)")
}
