import Foundation
import Testing

/// The `sozialsite` executable as students and CI call it: exit codes, messages, files.
@Suite(.serialized) struct CommandLineTests {
    static let binary = EndToEndTests.repoRoot + "/.build/debug/sozialsite"

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    func run(_ arguments: [String], in directory: String = EndToEndTests.repoRoot) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                   errors: String(decoding: errors, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
    func buildExitCodes() throws {
        let site = try TestSite.make()
        let out = TestSite.temporaryDirectory("cli")
        let ok = try run(["build", "--source", site, "--output", out])
        #expect(ok.status == 0, "\(ok.errors)")
        #expect(ok.output.contains("Fertig:"))
        #expect(ok.output.contains("Laden") && ok.output.contains("Schreiben"))

        try TestSite.write(site + "/content/beitraege/kaputt.md", "---\ntitle: Kaputt\ndate: 2023-05-01\nhandlungsfelder: [bildnug]\n---\nText\n")
        let broken = try run(["build", "--source", site, "--output", out])
        #expect(broken.status == 1)
        #expect(broken.errors.contains("content/beitraege/kaputt.md:4:"))
        #expect(broken.errors.contains("Meinten Sie „bildung“?"))
        #expect(broken.output.contains("bleibt unverändert"))

        let usage = try run(["build", "--gibts-nicht"])
        #expect(usage.status == 2)
        let badURL = try run(["build", "--base-url", "mittelsachsen-sozial.de"])
        #expect(badURL.status == 2)
        #expect(badURL.errors.contains("--base-url muss mit http"))
    }

    // Foundation on Linux crashed on the parent folder of a one-letter path: `--output o` and a
    // static folder `content/static/x/` ended the build with SIGILL instead of writing the site.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
    func oneLetterNames() throws {
        let site = try TestSite.make()
        try TestSite.write(site + "/content/static/x/datei.txt", "hallo\n")
        let first = try run(["build", "--source", site, "--output", "o"], in: site)
        #expect(first.status == 0, "\(first.errors)")
        #expect(FileManager.default.contents(atPath: site + "/o/x/datei.txt") == Data("hallo\n".utf8))
        #expect(FileManager.default.fileExists(atPath: site + "/o/index.html"))
        // The second build goes through the staging folder `.o.neu` left by the first.
        try TestSite.write(site + "/content/static/x/datei.txt", "neu\n")
        let second = try run(["build", "--source", site, "--output", "o"], in: site)
        #expect(second.status == 0, "\(second.errors)")
        #expect(FileManager.default.contents(atPath: site + "/o/x/datei.txt") == Data("neu\n".utf8))
        #expect(second.output.contains(" in o/ ("), "\(second.output)")
        let slash = try run(["build", "--source", site, "--output", "o/"], in: site)
        #expect(slash.status == 0 && slash.output.contains(" in o/ ("), "\(slash.output)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
    func outputBelowAFileIsAGermanError() throws {
        let site = try TestSite.make()
        try TestSite.write(site + "/datei", "x")
        let below = try run(["build", "--source", site, "--output", "datei/public"], in: site)
        #expect(below.status == 1)
        #expect(below.errors.contains("ein Teil des Pfads ist eine Datei, kein Ordner"), "\(below.errors)")
        #expect(!below.errors.contains("Domain="), "\(below.errors)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
    func emptyOutputName() throws {
        let site = try TestSite.make()
        let empty = try run(["build", "--source", site, "--output", ""], in: site)
        #expect(empty.status == 1)
        #expect(empty.errors.contains("Der Name des Ausgabeordners ist leer."), "\(empty.errors)")
        #expect(empty.errors.contains("--output public"))
        #expect(empty.output.contains("Es wurde nichts geschrieben."), "\(empty.output)")
        #expect(!FileManager.default.fileExists(atPath: site + "/..neu"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
    func newsletterEditionFiles() throws {
        let out = TestSite.temporaryDirectory("newsletter")
        let result = try run(["newsletter", "--ausgabe", "2022-05", "--output", out])
        #expect(result.status == 0, "\(result.errors)")
        for name in ["email.html", "email.txt", "index.html"] {
            #expect(FileManager.default.fileExists(atPath: out + "/newsletter/2022-05/" + name))
        }
        let text = try String(contentsOfFile: out + "/newsletter/2022-05/email.txt", encoding: .utf8)
        #expect(text.contains("https://mittelsachsen-sozial.de/2022/05/"))
        let missing = try run(["newsletter", "--ausgabe", "2019-01", "--output", out])
        #expect(missing.status == 1)
        #expect(try run(["newsletter", "--ausgabe", "Mai"]).status == 2)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
    func dataImportDryRunAndErrors() throws {
        let fixture = EndToEndTests.repoRoot + "/Tests/DataTests/Fixtures/excel-utf8-bom.csv"
        let csv = EndToEndTests.repoRoot + "/content/daten/indikatoren/arbeitslosenquote.csv"
        let before = try Data(contentsOf: URL(fileURLWithPath: csv))
        let dry = try run(["daten", "import", fixture, "--indikator", "arbeitslosenquote", "--probelauf"])
        #expect(dry.status == 0, "\(dry.errors)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: csv)) == before)
        let typo = try run(["daten", "import", fixture, "--indikator", "arbeitslosenquot", "--probelauf"])
        #expect(typo.status == 1)
        #expect(typo.errors.contains("arbeitslosenquote"))
    }
}
