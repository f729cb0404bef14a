import ArgumentParser
import Foundation
import Outputs
import Pipeline
import Support

/// `sozialsite newsletter [--ausgabe YYYY-MM]`: the files of one edition, ready for the mailing tool.
struct NewsletterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsletter",
        abstract: "Erzeugt eine Newsletter-Ausgabe: email.html und email.txt für das Versandprogramm und die Web-Fassung."
    )

    @Option(name: .long, help: "Ausgabe als JJJJ-MM, z. B. 2025-05 (Standard: die neueste).")
    var ausgabe: String?

    @Option(name: .long, help: "Ordner der Website (Standard: aktueller Ordner).")
    var source: String = "."

    @Option(name: .long, help: "Ausgabeordner; die Dateien landen in ORDNER/newsletter/JJJJ-MM/ (Standard: public).")
    var output: String = "public"

    func validate() throws {
        if let ausgabe, NewsletterEdition.parseID(ausgabe) == nil {
            throw ValidationError("--ausgabe erwartet Jahr und Monat wie 2025-05, nicht „\(ausgabe)“.")
        }
    }

    func run() throws {
        // The whole site is built in memory (without publishing), so the edition sees exactly the
        // posts, links and checks of a normal build.
        let report = SiteBuilder.build(BuildOptions(siteDirectory: source, outputDirectory: output, now: Date(),
                                                    writeOutput: false))
        for diagnostic in report.diagnostics.sortedForReport() { printToStandardError(diagnostic.description) }
        guard !report.diagnostics.hasErrors, let input = report.checkInput else {
            print("Abgebrochen: \(report.diagnostics.errors.count) Fehler im Inhalt. Es wurde nichts geschrieben.")
            throw ExitCode(1)
        }
        let editions = Set(input.files.compactMap { file -> String? in
            let parts = file.path.split(separator: "/")
            return parts.count == 3 && parts[0] == "newsletter" ? String(parts[1]) : nil
        }).sorted()
        // A quarterly edition is named after its first month: "2022-05" asks for "2022-04".
        let (period, _) = NewsletterPeriod.from(input.site.config)
        let requested = ausgabe.flatMap(NewsletterEdition.parseID).map { period.editionID(year: $0.year, month: $0.month) }
        guard let id = requested ?? editions.last, editions.contains(id) else {
            let known = editions.suffix(6).joined(separator: ", ")
            printToStandardError("Für \(ausgabe ?? "die neueste Ausgabe") gibt es keine Beiträge und keinen Begleittext."
                                 + (known.isEmpty ? "" : " Vorhandene Ausgaben: \(known)."))
            throw ExitCode(1)
        }
        let folder = (output as NSString).appendingPathComponent("newsletter/\(id)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in input.files where file.path.hasPrefix("newsletter/\(id)/") {
            let target = (output as NSString).appendingPathComponent(file.path)
            try Data(file.contents).write(to: URL(fileURLWithPath: target))
            print("geschrieben: \(target) (\(GermanFormat.number(Double(file.contents.count))) Bytes)")
        }
        print("""
            Ausgabe \(id) ist fertig. So versenden Sie sie:
              1. Öffnen Sie im Versandprogramm einen neuen Newsletter mit eigenem HTML.
              2. Fügen Sie den Inhalt von email.html als HTML und den von email.txt als Textfassung ein.
              3. Schicken Sie sich eine Testmail, dann an den Verteiler. Die Web-Fassung ist \(folder)/index.html.
            """)
    }
}
