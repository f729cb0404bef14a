/// Repairs the few things cmark-gfm 0.29 writes that HTML5 and WCAG reject: `align` on table cells
/// (obsolete; the theme styles `.ausrichtung-*`), task-list checkboxes without a label, and English
/// labels on footnote back-links. One pass over the bytes.
enum HTMLFixes {
    static let replacements: [(String, String)] = [
        ("<th align=\"left\">", "<th class=\"ausrichtung-links\">"),
        ("<th align=\"center\">", "<th class=\"ausrichtung-mitte\">"),
        ("<th align=\"right\">", "<th class=\"ausrichtung-rechts\">"),
        ("<td align=\"left\">", "<td class=\"ausrichtung-links\">"),
        ("<td align=\"center\">", "<td class=\"ausrichtung-mitte\">"),
        ("<td align=\"right\">", "<td class=\"ausrichtung-rechts\">"),
        ("<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
         "<input type=\"checkbox\" checked disabled aria-label=\"erledigt\">"),
        ("<input type=\"checkbox\" disabled=\"\" />", "<input type=\"checkbox\" disabled aria-label=\"offen\">"),
        // Footnote back-links carry English labels in cmark-gfm 0.29.
        ("aria-label=\"Back to content\"", "aria-label=\"Zurück zum Text\""),
        ("aria-label=\"Back to reference ", "aria-label=\"Zurück zum Verweis "),
        // A section needs a heading (Nu checker); screen readers announce it as "Fußnoten".
        ("<section class=\"footnotes\" data-footnotes>\n",
         "<section class=\"footnotes\" data-footnotes>\n<h2 class=\"visually-hidden\">Fußnoten</h2>\n"),
    ]

    static func apply(_ html: String) -> String {
        html.replacingBytes(replacements)
    }
}
