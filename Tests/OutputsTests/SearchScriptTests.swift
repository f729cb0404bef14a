import Content
import Foundation
import Testing
@testable import Outputs

enum NodeJS {
    static let path: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin"
        return path.split(separator: ":").map { "\($0)/node" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}

/// Runs `suche.js` in Node (when installed) to prove the script and the index agree: the same
/// terms for the same text, and searches that find what a reader expects.
@Suite(.enabled(if: NodeJS.path != nil, "Node.js ist nicht installiert"))
struct SearchScriptTests {

    static let script = SampleSite.repositoryRoot + "/themes/standard/assets/js/suche.js"

    /// Runs `program` (which reads JSON from stdin as `input`) and decodes its JSON output.
    static func run<T: Decodable>(_ program: String, input: some Encodable, as type: T.Type) throws -> T {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: NodeJS.path!)
        let source = "const s = require(\(String(decoding: try JSONEncoder().encode(script), as: UTF8.self)));\n"
            + "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
            + "process.stdout.write(JSON.stringify((() => { \(program) })()));\n"
        process.arguments = ["-e", source]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(try JSONEncoder().encode(input))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: errors, as: UTF8.self))")
        return try JSONDecoder().decode(T.self, from: output)
    }

    static let samples: [String] = [
        "Älter werden in Döbeln", "aelter", "ÄLTERE MENSCHEN", "Straße und Gäßchen", "Pflege-Beratung",
        "Pflegeberatung", "Pflege\u{AD}beratung", "Kinder, Kindern und Kindes", "Senioren-Wohn-Gemeinschaft",
        "Café Mañana, Łódź, Ærø, Œuvre", "SGB II und SGB-XII", "1.640 Menschen 2022 in 09599 Freiberg",
        "Frauen­schutz­haus", "die und der das", "---Bindestriche--am-Rand-", "Größte Häuser", "Jugendquotient (20–<65)",
        "Mobilität vernetzt: ÖPNV & Schülerbeförderung", "„Zitat“ – Gedankenstrich … Ende", "e-Mail E-Mail-Adresse",
    ]

    @Test func scriptAndIndexMakeTheSameTerms() throws {
        let texts = Self.samples + SearchIndexTests.site().bodies.values.map(\.plainText).sorted()
        struct Input: Encodable { var texts: [String]; var stop: [String] }
        let result = try Self.run("""
            const stop = {}; input.stop.forEach(w => stop[w] = 1);
            return input.texts.map(t => [s.terms(t, stop, true), s.terms(t, stop, false)]);
            """, input: Input(texts: texts, stop: SearchText.stopWords), as: [[[String]]].self)
        #expect(result.count == texts.count)
        for (text, pair) in zip(texts, result) {
            #expect(pair[0] == SearchText.terms(text), "Index: \(text)")
            #expect(pair[1] == SearchText.queryTerms(text), "Anfrage: \(text)")
        }
    }

    /// URLs the script finds for each query, best first.
    static func search(_ queries: [String], in documents: [SearchDocument]) throws -> [[String]] {
        let site = SearchIndexTests.site()
        let index = SearchIndex(documents: documents, handlungsfelder: site.content.handlungsfelder)
        struct Input: Encodable { var index: String; var queries: [String] }
        return try run("""
            const ix = s.load(JSON.parse(input.index));
            return input.queries.map(q => (s.search(ix, q) || []).map(h => h.d.u));
            """, input: Input(index: index.json, queries: queries), as: [[String]].self)
    }

    @Test func findsWordFormsUmlautsAndCompounds() throws {
        let documents = [
            SearchDocument(kind: .beitrag, title: "Grundsicherung", url: "/a/", text: "Viele aeltere Menschen beantragen nichts."),
            SearchDocument(kind: .beitrag, title: "Beratung", url: "/b/", text: "Die Pflege-Beratung im Landratsamt."),
            SearchDocument(kind: .beitrag, title: "Netz", url: "/c/", text: "Das Pflegenetz und die Pflegeberatung wachsen."),
            SearchDocument(kind: .seite, title: "Kinder und Jugend", url: "/d/", text: "Angebote für Kinder."),
            SearchDocument(kind: .seite, title: "Wohnen", url: "/e/", text: "Kosten der Unterkunft."),
        ]
        let found = try Self.search(["Älter", "ältesten", "Pflege-Beratung", "Pflegeberatung", "Kindern",
                                     "beratung", "unterkunft kosten", "Unterkunft Kita", "und", "xyz"], in: documents)
        #expect(found[0] == ["/a/"])
        #expect(found[1] == ["/a/"])
        #expect(Set(found[2]) == ["/b/", "/c/"])
        #expect(Set(found[3]) == ["/b/", "/c/"])
        #expect(found[4] == ["/d/"])
        // In the title beats in the text; inside a compound („Pflegeberatung“) still counts.
        #expect(found[5] == ["/b/", "/c/"])
        #expect(found[6] == ["/e/"])
        #expect(found[7] == [])      // every word must occur
        #expect(found[8] == [])      // nothing but stop words
        #expect(found[9] == [])
    }

    @Test func prefixesFindWhileTyping() throws {
        let documents = [SearchDocument(kind: .beitrag, title: "Schuldnerberatung in Döbeln", url: "/s/", text: "")]
        let found = try Self.search(["Schul", "Schuldner", "Döb", "doeb", "Do"], in: documents)
        #expect(found[0] == ["/s/"])
        #expect(found[1] == ["/s/"])
        #expect(found[2] == ["/s/"])
        #expect(found[3] == ["/s/"])
        #expect(found[4] == ["/s/"])
    }
}
