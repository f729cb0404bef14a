/// Splits a Markdown file into its YAML front matter and body. Only finds the `---` lines;
/// the YAML itself is parsed by Yams.
struct FrontMatter {
    var yaml: String
    /// File line on which the YAML starts (2 when the file begins with `---`).
    var yamlFirstLine: Int
    var body: String
    var bodyFirstLine: Int

    /// nil when the file does not start with a `---` line or the closing line is missing.
    static func split(_ text: String) -> FrontMatter? {
        var content = Substring(text)
        if content.hasPrefix("\u{FEFF}") { content = content.dropFirst() }
        var lines: [Substring] = []
        content.split(separator: "\n", omittingEmptySubsequences: false).forEach { lines.append($0) }
        func clean(_ line: Substring) -> Substring { line.hasSuffix("\r") ? line.dropLast() : line }
        guard let first = lines.first, clean(first).trimmingTrailingSpaces == "---" else { return nil }
        guard let close = lines.indices.dropFirst().first(where: {
            let l = clean(lines[$0]).trimmingTrailingSpaces
            return l == "---" || l == "..."
        }) else { return nil }
        let yaml = lines[1..<close].map(clean).joined(separator: "\n")
        let body = lines[(close + 1)...].map(clean).joined(separator: "\n")
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: close + 2)
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return s
    }
}
