import Support

/// What a build did: its diagnostics, what it wrote, and how long each stage took.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var timings: [StageTiming]
    /// HTML pages among the written files.
    public var pages: Int
    public var files: Int
    public var written: Int
    public var unchanged: Int
    /// False when content errors stopped the build before writing.
    public var published: Bool
    /// What a build without writing (`BuildOptions.writeOutput == false`) loaded and rendered.
    public var checkInput: SiteCheckInput?

    public init(diagnostics: [Diagnostic] = [], timings: [StageTiming] = [], pages: Int = 0, files: Int = 0,
                written: Int = 0, unchanged: Int = 0, published: Bool = false, checkInput: SiteCheckInput? = nil) {
        self.diagnostics = diagnostics
        self.timings = timings
        self.pages = pages
        self.files = files
        self.written = written
        self.unchanged = unchanged
        self.published = published
        self.checkInput = checkInput
    }

    public var succeeded: Bool { published && !diagnostics.hasErrors }

    public var totalSeconds: Double { timings.reduce(0) { $0 + $1.seconds } }

    /// The closing lines of `sozialsite build`, in German.
    public func summary(outputDirectory: String) -> String {
        // `--output public/` is shown as „public/“, not „public//“.
        var outputDirectory = outputDirectory
        while outputDirectory.count > 1, outputDirectory.hasSuffix("/") { outputDirectory.removeLast() }
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        let stages = timings.map { "\($0.stage.rawValue) \(Self.seconds($0.seconds))" }.joined(separator: " · ")
        var lines: [String] = []
        if published {
            lines.append("Fertig: \(pages) Seiten, \(files) Dateien in \(outputDirectory)/ "
                         + "(\(written) neu geschrieben, \(unchanged) unverändert) in \(Self.seconds(totalSeconds)).")
        } else {
            lines.append("Abgebrochen: \(Self.count(errors, "Fehler", "Fehler")). "
                         + (outputDirectory.isEmpty ? "Es wurde nichts geschrieben."
                                                    : "Die Website in \(outputDirectory)/ bleibt unverändert."))
        }
        if warnings > 0 { lines.append(Self.count(warnings, "Warnung", "Warnungen") + ".") }
        lines.append("Zeiten: \(stages)")
        return lines.joined(separator: "\n")
    }

    static func seconds(_ value: Double) -> String {
        GermanFormat.number(value, decimals: value < 10 ? 2 : 1, grouping: false) + " s"
    }

    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) \(n == 1 ? singular : plural)"
    }
}
