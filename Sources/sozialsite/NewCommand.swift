import ArgumentParser
import Foundation
import Pipeline
import Support
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Legt einen neuen Beitrag oder ein neues Angebot an, mit vollständigem, erklärtem Kopf.",
        discussion: """
            Beispiele:
              sozialsite new beitrag "Das Pflegenetz wächst" --handlungsfeld senioren
              sozialsite new beitrag "Neue Kita in Roßwein" --handlungsfeld bildung,aufwachsen --tag Kita
              sozialsite new angebot "Schuldnerberatung Döbeln" --handlungsfeld armut-notlagen --gemeinde Döbeln
            Ein neuer Beitrag ist ein Entwurf (draft: true) mit dem heutigen Datum.
            """
    )

    @Argument(help: "beitrag oder angebot")
    var kind: NewContentFile.Kind

    @Argument(help: "Titel des Beitrags oder Name des Angebots, in Anführungszeichen.")
    var title: String

    @Option(name: [.customShort("f"), .long], help: "Handlungsfeld (Kurzname, Name oder Nummer 1–11); mehrere mit Komma oder mehrfach angeben.")
    var handlungsfeld: [String] = []

    @Option(name: .long, help: "Schlagwort; mehrfach angeben für mehrere.")
    var tag: [String] = []

    @Option(name: .long, help: "Kurzname in der Adresse (Standard: aus dem Titel).")
    var slug: String?

    @Option(name: .long, help: "Datum, z. B. 2025-06-11 oder \"2025-06-11 09:30\" (Standard: heute, deutsche Zeit).")
    var date: String?

    @Option(name: .long, help: "Nur für Angebote: Gemeinde, als Name (Döbeln) oder Gemeindeschlüssel.")
    var gemeinde: String?

    @Option(name: .long, help: "Ordner der Website mit site-config.json und content/ (Standard: aktueller Ordner).")
    var source: String = "."

    func run() throws {
        var day = Date()
        if let date {
            guard let parsed = BerlinTime.parse(date) else {
                throw ValidationError("--date „\(date)“ ist kein Datum. Schreiben Sie es so: 2025-06-11 oder \"2025-06-11 09:30\".")
            }
            day = parsed
        } else {
            day = BerlinTime.parse(GermanFormat.isoDay(day)) ?? day
        }
        var fields = handlungsfeld
        if fields.isEmpty, isatty(0) == 1 { fields = askForHandlungsfelder() }
        let request = NewContentFile.Request(kind: kind, title: title, slug: slug, handlungsfelder: fields, tags: tag,
                                             date: day, gemeinde: gemeinde)
        do {
            let path = try NewContentFile.create(request, siteDirectory: source)
            print("Angelegt: \(path)")
            switch kind {
            case .beitrag:
                print("Der Beitrag ist ein Entwurf (draft: true). Schreiben Sie den Text, sehen Sie ihn mit "
                      + "„sozialsite build --drafts“ an und löschen Sie die Zeile „draft: true“, wenn er erscheinen soll.")
            case .angebot:
                print("Füllen Sie die leeren Pflichtangaben aus (traeger, kontakt\(gemeinde == nil ? ", gemeinde" : "")"
                      + ", Anschrift) – bis dahin meldet der Bau Fehler. „sozialsite check“ zeigt, was noch fehlt.")
            }
        } catch {
            printToStandardError("Fehler: \(error)")
            throw ExitCode(1)
        }
    }

    /// Lists the Handlungsfelder and reads the editor's choice from the terminal.
    func askForHandlungsfelder() -> [String] {
        let fields = NewContentFile.handlungsfelder(siteDirectory: source)
        print("Zu welchem Handlungsfeld gehört der \(kind == .beitrag ? "Beitrag" : "Eintrag")?")
        for (index, field) in fields.enumerated() {
            let number = String(index + 1)
            print(String(repeating: " ", count: 4 - number.count) + number + "  " + field.label + "  (" + field.slug + ")")
        }
        print("Nummern, mehrere mit Komma (z. B. 4,6): ", terminator: "")
        return readLine().map { [$0] } ?? []
    }
}

extension NewContentFile.Kind: ExpressibleByArgument {}
