import Foundation
import Support
import Testing
import Yams
@testable import Content

// Front matter is composed from libyaml's events instead of by `Yams.compose`; the tree must be
// Yams' tree in every detail the readers see (structure, text, style, position), and everything
// the fast path does not handle must be left to Yams.

@Suite("YAML from libyaml events")
struct YAMLEventComposerTests {
    /// Text form of a node with everything the readers use: kind, text, style, line:column.
    func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "-"
        switch node {
        case .scalar(let scalar):
            return "S(\(scalar.string.debugDescription) \(scalar.style) \(mark))"
        case .sequence(let sequence):
            return "Q(\(mark) [" + sequence.map(describe).joined(separator: ", ") + "])"
        case .mapping(let mapping):
            return "M(\(mark) {" + mapping.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "})"
        case .alias:
            return "A"
        }
    }

    /// The same for Yams' own tree, read directly (not through `YAMLNode.init`, which this checks too).
    func describe(_ node: Node?) -> String {
        guard let node else { return "nil" }
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "-"
        switch node {
        case .scalar(let scalar):
            return "S(\(scalar.string.debugDescription) \(scalar.style) \(mark))"
        case .sequence(let sequence):
            return "Q(\(mark) [" + sequence.map(describe).joined(separator: ", ") + "])"
        case .mapping(let mapping):
            return "M(\(mark) {" + mapping.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "})"
        case .alias:
            return "A"
        }
    }

    func yamsNode(_ yaml: String) throws -> Node? {
        try Yams.compose(yaml: yaml, Resolver.basic.removing(.str), Constructor([:], [:], [:]), .utf8)
    }

    func yams(_ yaml: String) -> String? {
        // nil for an error; an empty document is "nil".
        do { return describe(try yamsNode(yaml)) }
        catch { return nil }
    }

    func events(_ yaml: String) -> String? {
        YAMLEventComposer.compose(yaml).map(describe)
    }

    static let plain = [
        "", "# nur ein Kommentar\n", "title: Hallo\n", "---\n", "a:\n", "~\n", "\"\"\n",
        "title: \"Ümlaute & <Zeichen> \\\"'🎉\"\ndate: 2022-05-03 09:30\ntags: [Ä, \"\", 'x''y', 🎉]\n",
        "liste:\n  - eins\n  -   zwei\n  - - tief\n    - tiefer\n  - {a: b, c: [d, e]}\n",
        "block: |\n  Zeile 1\n   Zeile 2\n\nfolded: >-\n  a\n  b\nnull: null\nzahl: 017\nbool: NO\n",
        "\"schlüssel mit: doppelpunkt\": 1\n'einfach': 2\n? komplex\n: wert\n",
        "{\"baseURL\": \"https://mittelsachsen-sozial.de\", \"menus\": {\"haupt\": [{\"title\": \"A\", \"url\": \"/\"}]}}",
        "leer: []\nleer2: {}\nnul: \"a\\0b\"\ntab: \"a\\tb\"\nlang: \(String(repeating: "wort ", count: 400))\n",
        "bom: \"x\\uFEFFy\"\nkombiniert: \"e\\u0301\"\n",
        "a: b\n...\n",
    ]

    @Test func plainFrontMatterGivesYamsTree() {
        for yaml in Self.plain {
            let expected = yams(yaml)
            #expect(expected != nil, "\(yaml)")
            #expect(events(yaml) == expected, "\(yaml)")
            // Yams' tree converted gives the same nodes.
            #expect((try? yamsNode(yaml)).map { describe($0.map(YAMLNode.init)) } == expected, "\(yaml)")
        }
    }

    @Test func everythingElseIsLeftToYams() {
        let others = [
            "a: &anker b\nc: *anker\n", "a: !!str 1\n", "a: !eigen x\n", "a: 1\na: 2\n", "\"a\": 1\na: 2\n",
            "[a]: b\n", "{x: y}: z\n", "title: \"offen\n", "a: b\n---\nc: d\n", "a: [b\n", "a:\tb: c\n",
            "wert: \"\\uFEFFmit BOM\"\n", "? - a\n: b\n", "a: !!seq [b]\n", "- &x a\n- *x\n",
        ]
        for yaml in others {
            #expect(events(yaml) == nil, "\(yaml)")
        }
        // Through `YAMLDocument` the result (or the error) is Yams' own.
        for yaml in others + Self.plain {
            let document = YAMLDocument.parse(yaml, file: "x.md", firstLine: 2)
            switch document {
            case .success(let parsed): #expect(describe(parsed.root) == yams(yaml), "\(yaml)")
            case .failure: #expect(yams(yaml) == nil, "\(yaml)")
            }
        }
    }

    @Test func everyFixtureAndExampleFrontMatterGivesYamsTree() throws {
        var files = FileManager.default.enumerator(atPath: Fixture.root.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") || $0.hasSuffix(".json") }
            .map { Fixture.root.path + "/" + $0 } ?? []
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        files += (FileManager.default.enumerator(atPath: example + "/content")?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".md") }.map { example + "/content/" + $0 }
        files.append(example + "/site-config.json")
        #expect(files.count > 50)
        var composed = 0
        for file in files {
            let bytes = try #require(FileManager.default.contents(atPath: file))
            let yaml: String
            if file.hasSuffix(".json") {
                guard let text = String(bytes: bytes, encoding: .utf8) else { continue }
                yaml = text
            } else {
                guard case .success(let split) = SourceText.frontMatter(Array(bytes), file: file) else { continue }
                yaml = split.yaml
            }
            let fast = events(yaml)
            if fast != nil { composed += 1 }
            #expect(fast == nil || fast == yams(yaml), "\(file)")
        }
        #expect(composed > 50)
    }

    @Test func marksAreMadeLikeYams() {
        #expect(MarkLayout.isVerified)
        let mark = MarkLayout.mark(line: 41, column: 7)
        #expect(mark.line == 41 && mark.column == 7)
    }
}
