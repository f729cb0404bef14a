import ArgumentParser
import Foundation
import Pipeline
import Support

struct CheckCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Prüft die Website, ohne etwas zu schreiben: alles, was der Bau prüft, dazu Links, Anker, "
            + "Bilder, Überschriften, Feeds und Verweise auf fremde Server.",
        discussion: "Exit-Code 1, wenn es Fehler gibt (mit --strict auch bei Warnungen), sonst 0."
    )

    @Option(name: .long, help: "Ordner der Website mit site-config.json und content/ (Standard: aktueller Ordner).")
    var source: String = "."

    @Option(name: .long, help: "Ausgabeordner, den der Bau verwenden würde; wird nur geprüft, nicht verändert (Standard: public).")
    var output: String = "public"

    @Flag(name: .long, help: "Entwürfe und geplante Beiträge mit prüfen.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "Adresse der Website (überschreibt site-config.json).")
    var baseURL: String?

    @Option(name: .long, help: "Ausgabe: text (für Menschen) oder json (für CI).")
    var format: Format = .text

    @Flag(name: .long, help: "Auch Warnungen führen zu Exit-Code 1.")
    var strict = false

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ValidationError("--base-url muss mit http:// oder https:// beginnen, z. B. https://mittelsachsen-sozial.de")
        }
    }

    func run() throws {
        let report = SiteCheck.run(SiteCheckOptions(siteDirectory: source, outputDirectory: output, includeDrafts: drafts,
                                                    baseURL: baseURL, now: Date()))
        switch format {
        case .text: print(SiteCheckFormat.text(report))
        case .json: print(SiteCheckFormat.json(report.diagnostics), terminator: "")
        }
        if report.hasErrors || (strict && !report.diagnostics.isEmpty) { throw ExitCode(1) }
    }
}
