import Testing
import Support
@testable import Markdown

@Test func htmlFixesRewriteCmarkOutput() {
    let html = """
    <table>
    <thead>
    <tr>
    <th align="left">Jahr</th>
    <th align="right">Wert</th>
    </tr>
    </thead>
    <tbody>
    <tr>
    <td align="center">2018</td>
    <td>1</td>
    </tr>
    </tbody>
    </table>
    <ul>
    <li><input type="checkbox" checked="" disabled="" /> erledigt</li>
    <li><input type="checkbox" disabled="" /> offen</li>
    </ul>
    <section class="footnotes" data-footnotes>
    <ol>
    <li id="fn-1"><p>Quelle. <a href="#fnref-1" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="1" aria-label="Back to reference 1">↩</a></p></li>
    </ol>
    </section>

    """
    let fixed = HTMLFixes.apply(html)
    #expect(fixed == """
    <table>
    <thead>
    <tr>
    <th class="ausrichtung-links">Jahr</th>
    <th class="ausrichtung-rechts">Wert</th>
    </tr>
    </thead>
    <tbody>
    <tr>
    <td class="ausrichtung-mitte">2018</td>
    <td>1</td>
    </tr>
    </tbody>
    </table>
    <ul>
    <li><input type="checkbox" checked disabled aria-label="erledigt"> erledigt</li>
    <li><input type="checkbox" disabled aria-label="offen"> offen</li>
    </ul>
    <section class="footnotes" data-footnotes>
    <h2 class="visually-hidden">Fußnoten</h2>
    <ol>
    <li id="fn-1"><p>Quelle. <a href="#fnref-1" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="1" aria-label="Zurück zum Verweis 1">↩</a></p></li>
    </ol>
    </section>

    """)
}

@Test func htmlFixesAtTheEdgesAndWithoutMatches() {
    #expect(HTMLFixes.apply("") == "")
    #expect(HTMLFixes.apply("<p>Nichts zu tun: a=b, <em>„Zitat“</em></p>") == "<p>Nichts zu tun: a=b, <em>„Zitat“</em></p>")
    #expect(HTMLFixes.apply("<td align=\"left\">") == "<td class=\"ausrichtung-links\">")
    #expect(HTMLFixes.apply("aria-label=\"Back to content\"") == "aria-label=\"Zurück zum Text\"")
    // Cut off at the end of the text: no match.
    #expect(HTMLFixes.apply("x <td align=\"lef") == "x <td align=\"lef")
    #expect(HTMLFixes.apply("aria-label=\"Back to conten") == "aria-label=\"Back to conten")
    // The anchor `=` of a pattern too close to the start to have its prefix.
    #expect(HTMLFixes.apply("=\"Back to content\"") == "=\"Back to content\"")
}

@Test func htmlFixesMatchTheGenericReplacement() {
    // Whole patterns, their beginnings, their anchors and neighbours, in random order: the result
    // must be what the leftmost-first replacement in Support gives.
    var alphabet = HTMLFixes.replacements.map(\.0)
    alphabet += HTMLFixes.replacements.map { String($0.0.prefix($0.0.count / 2)) }
    alphabet += ["<", "=", "\"", "a", "aria-label=", "<th ", "<td align=", "ä", "\n", "x", "<p>", "Fußnoten"]
    var random = SeededGenerator(seed: 42)
    for _ in 0..<3_000 {
        let html = random.string(from: alphabet, count: Int(random.next() % 10))
        let fixed = HTMLFixes.apply(html)
        let expected = html.replacingBytes(HTMLFixes.replacements)
        #expect(fixed == expected, "\(html)")
        if fixed != expected { return }
    }
}

@Test func htmlFixesPatternsCannotOverlap() {
    // `apply` takes every occurrence; the check that makes that leftmost-first must see overlaps.
    #expect(!HTMLFixes.overlapPossible(HTMLFixes.replacements.map { Array($0.0.utf8) }))
    #expect(HTMLFixes.overlapPossible([Array("a=b".utf8), Array("b=c".utf8)]))
    #expect(HTMLFixes.overlapPossible([Array("x=xy".utf8), Array("=x".utf8)]))
    #expect(HTMLFixes.overlapPossible([Array("a=a".utf8)]))
    #expect(HTMLFixes.overlapPossible([Array("<p a=".utf8), Array("<p a=\"b\"".utf8)]))
    #expect(!HTMLFixes.overlapPossible([Array("<p a=".utf8), Array("<q b=".utf8)]))
}

@Test func htmlFixesInLongerHTML() {
    let row = "<tr>\n<td align=\"right\">1</td>\n<td><a href=\"/x/\" class=\"a\">y=z</a></td>\n</tr>\n"
    let html = String(repeating: row, count: 50) + "<li><input type=\"checkbox\" disabled=\"\" /> a=b</li>"
    #expect(HTMLFixes.apply(html) == html.replacingBytes(HTMLFixes.replacements))
}
