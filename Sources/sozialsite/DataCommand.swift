import ArgumentParser
import Data
import Support

/// `sozialsite daten import DATEI --indikator SLUG`: official statistics files into an indicator's CSV.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daten",
        abstract: "Arbeit mit den Indikator-Daten unter content/daten/.",
        subcommands: [DataImportCommand.self]
    )
}

struct DataImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Liest eine Datei des Statistischen Landesamts (GENESIS) oder eine Excel-CSV und übernimmt die Werte in den Indikator."
    )

    @Argument(help: "Die CSV-Datei, z. B. 12411-0011.csv")
    var file: String

    @Option(name: .long, help: "Kurzname des Indikators (Dateiname unter content/daten/indikatoren/).")
    var indikator: String

    @Option(name: .long, help: "Ordner der Website (Standard: aktueller Ordner).")
    var source: String = "."

    @Flag(name: .long, help: "Nur prüfen und zeigen, was sich ändern würde; nichts schreiben.")
    var probelauf = false

    func run() throws {
        let outcome = DataImporter.run(file: file, indicatorSlug: indikator, siteRoot: source, dryRun: probelauf)
        for diagnostic in outcome.diagnostics { printToStandardError(diagnostic.description) }
        for line in outcome.messages { print(line) }
        if outcome.diagnostics.hasErrors {
            print("Nichts übernommen: \(outcome.diagnostics.errors.count) Fehler. Die Indikator-Datei bleibt unverändert.")
            throw ExitCode(1)
        }
    }
}
