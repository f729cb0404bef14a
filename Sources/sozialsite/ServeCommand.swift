import ArgumentParser
import DevServer
import Foundation
import Pipeline
import Support
import Synchronization

/// `sozialsite serve`: the local preview for editors (docs/vorschau.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Zeigt die Website mit Entwürfen in der Vorschau auf http://127.0.0.1 und baut sie bei jeder Änderung neu.",
        discussion: """
            Die Vorschau baut die Website mit Entwürfen und geplanten Beiträgen (sie tragen ein Abzeichen „Entwurf“ \
            oder „Geplant“), beobachtet content/, themes/ und site-config.json und lädt die Seite im Browser nach \
            jedem Speichern neu. Fehler im Inhalt erscheinen als Hinweis im Browser. Beenden mit Strg+C.
            """
    )

    @Option(name: .long, help: "Ordner der Website mit site-config.json und content/ (Standard: aktueller Ordner).")
    var source: String = "."

    @Option(name: .long, help: "Erster Port, den die Vorschau versucht (Standard: 8080; ist er belegt, der nächste freie).")
    var port: UInt16 = 8080

    @Option(name: .long, help: "Ordner für die Vorschau-Dateien (Standard: ein eigener Ordner im temporären Verzeichnis, nie public/).")
    var output: String?

    @Flag(name: .customLong("no-cache"), help: "Den Zwischenspeicher .sozialsite-cache/ nicht verwenden.")
    var noCache = false

    /// The root command runs synchronously; the preview is asynchronous and runs until Ctrl-C.
    func run() throws {
        let finished = DispatchSemaphore(value: 0)
        let outcome = Mutex<Int32>(0)
        Task.detached { [self] in
            do { try await serve() } catch let exit as ExitCode { outcome.withLock { $0 = exit.rawValue } } catch {
                printToStandardError("\(error)")
                outcome.withLock { $0 = 1 }
            }
            finished.signal()
        }
        finished.wait()
        let code = outcome.withLock { $0 }
        if code != 0 { throw ExitCode(code) }
    }

    func serve() async throws {
        let site = URL(fileURLWithPath: source).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: site + "/site-config.json") else {
            printToStandardError("Im Ordner „\(site)“ liegt keine site-config.json.\n"
                                 + "    Hinweis: Starten Sie die Vorschau im Ordner der Website oder geben Sie ihn mit --source an.")
            throw ExitCode(2)
        }
        let folder = output.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? Self.defaultOutput(site: site)
        let preview = Preview(options: Preview.Options(siteDirectory: site, outputDirectory: folder, port: port,
                                                       useDiskCache: !noCache)) { line in
            print(line)
            fflush(nil)
        }
        print("Die Vorschau baut die Website (mit Entwürfen) nach \(folder) …")
        let bound: UInt16
        do {
            bound = try await preview.start()
        } catch let error as PreviewError {
            printToStandardError(error.description)
            throw ExitCode(1)
        }
        print("Vorschau: http://\(DevServer.host):\(bound)/  (nur auf diesem Rechner erreichbar; beenden mit Strg+C)")
        fflush(nil)
        await preview.wait()
    }

    /// One folder per site in the temporary directory: the preview never writes drafts into
    /// public/, and a restart finds its last output (and cache) again.
    static func defaultOutput(site: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in site.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let temporary = (ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        return URL(fileURLWithPath: temporary).appendingPathComponent("sozialsite-vorschau-" + String(hash, radix: 36)).path
    }
}
