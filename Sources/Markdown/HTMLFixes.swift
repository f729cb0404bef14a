/// Repairs the few things cmark-gfm 0.29 writes that HTML5 and WCAG reject: `align` on table cells
/// (obsolete; the theme styles `.ausrichtung-*`) and task-list checkboxes without a label.
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
    ]

    static func apply(_ html: String) -> String {
        guard html.contains(" align=\"") || html.contains("type=\"checkbox\"") else { return html }
        var result = html
        for (old, new) in replacements where result.contains(old) {
            result = result.replacing(old, with: new)
        }
        return result
    }
}
