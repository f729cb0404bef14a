import ArgumentParser
import Foundation
import Pipeline
import Support

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Baut die Website in den Ausgabeordner (Standard: public/)."
    )

    @Option(name: .long, help: "Ordner der Website mit site-config.json und content/ (Standard: aktueller Ordner).")
    var source: String = "."

    @Option(name: .long, help: "Ausgabeordner (Standard: public).")
    var output: String = "public"

    @Flag(name: .long, help: "Entwürfe und geplante Beiträge mit bauen.")
    var drafts = false

    @Flag(name: .customLong("no-cache"), help: "Alles neu bauen, ohne den Zwischenspeicher .sozialsite-cache/ (der nur Zeit spart).")
    var noCache = false

    @Option(name: .customLong("base-url"), help: "Adresse der Website, z. B. https://mittelsachsen-sozial.de (überschreibt site-config.json).")
    var baseURL: String?

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ValidationError("--base-url muss mit http:// oder https:// beginnen, z. B. https://mittelsachsen-sozial.de")
        }
    }

    func run() throws {
        let options = BuildOptions(siteDirectory: source, outputDirectory: output, includeDrafts: drafts,
                                   baseURL: baseURL, now: Date())
        let report: BuildReport
        if noCache {
            report = SiteBuilder.build(options)
        } else {
            // Renders only what changed since the last build; the output is the same either way.
            let result = IncrementalBuild.build(options, previous: BuildCache.load(options))
            BuildCache.save(result.state, for: options)
            report = result.report
        }
        for diagnostic in report.diagnostics.sortedForReport() {
            printToStandardError(diagnostic.description)
        }
        print(report.summary(outputDirectory: output))
        if !report.succeeded { throw ExitCode(1) }
    }
}
