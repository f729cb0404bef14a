import Foundation
import Support
import Testing
@testable import Content

// The positions of front-matter keys and values used to be two dictionaries per file; they are a
// flat list now, and small front matters are searched linearly. These tests pin that the answers
// are the ones the dictionaries gave, on tricky keys and values.

typealias Location = Support.SourceLocation

@Suite("Front-matter positions")
struct FrontMatterPositionsTests {
    let path = "content/beitraege/2022/ümlaut-🎉.md"

    /// What `keyLocations` and `valueLocations` held before: built straight from the reader's entries.
    func dictionaries(_ yaml: String) throws -> ([String: Location], [String: [LocatedText]], SourceFile) {
        let (parsed, problems) = ParsedContentFile.parse(bytes: Array(yaml.utf8), path: path)
        #expect(problems.isEmpty, "\(problems.report)")
        let file = try #require(parsed)
        var keys: [String: Location] = [:]
        var values: [String: [LocatedText]] = [:]
        for entry in file.fields.entries {
            keys[entry.name] = file.fields.document.location(of: entry.keyMark)
            switch entry.value {
            case .scalar(let scalar):
                values[entry.name] = [LocatedText(text: scalar.string, location: file.fields.document.location(of: scalar.mark))]
            case .sequence(let sequence):
                values[entry.name] = sequence.compactMap { node in
                    guard case .scalar(let scalar) = node else { return nil }
                    return LocatedText(text: scalar.string, location: file.fields.document.location(of: scalar.mark))
                }
            default:
                values[entry.name] = []
            }
        }
        return (keys, values, file.source)
    }

    static let tricky = """
        ---
        title: "Ümlaute & <Zeichen> \\"'🎉"
        date: 2022-05-03
        tags: [Ä, "", "&<>\\"'", 🎉]
        leer:
        kontakt:
          telefon: "0371"
        aliases:
          - /2022/04/alt/
          - [verschachtelt]
          - /2022/04/älter/
        sehr_langer_schluessel_mit_mehr_als_fuenfzehn_zeichen: x
        "": leerer Schlüssel
        ---
        Text

        """

    @Test func flatPositionsGiveTheSameDictionariesAsBefore() throws {
        let (keys, values, source) = try dictionaries(Self.tricky)
        #expect(keys.count == 8)
        #expect(source.keyLocations == keys)
        #expect(source.valueLocations == values)
        #expect(values["aliases"]?.map(\.text) == ["/2022/04/alt/", "/2022/04/älter/"])
        #expect(values["kontakt"] == [])
        #expect(values["leer"]?.map(\.text) == [""])
        for name in keys.keys {
            #expect(source.location(ofKey: name) == keys[name])
            #expect(source.keyLocation(name) == keys[name])
            #expect(source.location(ofValue: nil, key: name)
                    == (values[name]?.first?.location ?? keys[name]))
        }
        #expect(source.location(ofValue: "/2022/04/älter/", key: "aliases") == values["aliases"]?[1].location)
        #expect(source.keyLocation("fehlt") == nil)
        #expect(source.location(ofKey: "fehlt") == Location(file: path, line: 1, column: 1))
        #expect(source.location(ofValue: "x", key: "fehlt") == Location(file: path, line: 1, column: 1))
    }

    @Test func settingTheDictionariesKeepsTheOtherOne() {
        var source = SourceFile(path: path, body: "", bodyFirstLine: 4,
                                keyLocations: ["slug": Location(file: path, line: 3)],
                                valueLocations: ["aliases": [LocatedText(text: "/a/", location: Location(file: path, line: 5, column: 5))]])
        #expect(source.location(ofKey: "aliases") == Location(file: path))
        #expect(source.location(ofValue: "/a/", key: "aliases") == Location(file: path, line: 5, column: 5))
        source.keyLocations = ["date": Location(file: path, line: 2)]
        #expect(source.keyLocations == ["date": Location(file: path, line: 2)])
        #expect(source.valueLocations.keys.sorted() == ["aliases"])
        #expect(source.keyLocation("slug") == nil)
        // Equal dictionaries, set in any order, make equal files.
        let a = SourceFile(path: path, body: "", bodyFirstLine: 1,
                           keyLocations: ["b": Location(file: path, line: 2), "a": Location(file: path, line: 1)])
        var b = SourceFile(path: path, body: "", bodyFirstLine: 1)
        b.keyLocations = ["a": Location(file: path, line: 1), "b": Location(file: path, line: 2)]
        #expect(a == b)
    }

    @Test func bigAndSmallFrontMattersFindEveryKeyAndReportUnknownOnes() throws {
        // Twelve keys are searched one by one, more through an index: both must find the same.
        for count in [1, 12, 13, 40] {
            let names = (0..<count).map { $0 % 3 == 0 ? "schlüssel_\($0)_mit_langem_namen" : "k\($0)" }
            let yaml = "---\n" + names.map { "\($0): wert \($0)\n" }.joined() + "---\n"
            let (parsed, _) = ParsedContentFile.parse(bytes: Array(yaml.utf8), path: path)
            var fields = try #require(parsed).fields
            for (line, name) in names.enumerated() {
                #expect(fields.contains(name))
                #expect(fields.location(ofKey: name) == Location(file: path, line: line + 2, column: 1))
                #expect(fields.string(name) == "wert \(name)")
            }
            #expect(!fields.contains("k"))
            #expect(fields.node("fehlt") == nil)
            // Allowed lists below and above the size where a set is made give the same findings.
            for allowed in [Array(names.dropFirst()), Array(names.dropFirst()) + (0..<30).map { "frei\($0)" }] {
                var copy = fields
                copy.rejectUnknownKeys(allowed: allowed)
                #expect(copy.diagnostics.map(\.location) == [Location(file: path, line: 2, column: 1)])
            }
        }
    }

    @Test func duplicateTagsAreFoundLikeWithADictionary() {
        let yaml = "---\ntitle: T\ndate: 2022-05-03\nhandlungsfelder: [bildung]\n"
            + "tags: [Pflege, pflege, Ärger, Aerger, \"!!!\", Pflege, Ehrenamt, ärger]\n---\n"
        let (post, diagnostics) = PostDecoder.decode(bytes: Array(yaml.utf8), path: path,
                                                     handlungsfelder: DefaultHandlungsfelder.slugs)
        #expect(post?.tags == ["Pflege", "Ärger", "Ehrenamt"])
        #expect(post?.tagSlugs == ["pflege", "aerger", "ehrenamt"])
        #expect(diagnostics.map(\.message) == [
            "Das Schlagwort „pflege“ steht schon als „Pflege“ in der Liste.",
            "Das Schlagwort „Aerger“ steht schon als „Ärger“ in der Liste.",
            "Das Schlagwort „!!!“ enthält keinen Buchstaben und keine Ziffer.",
            "Das Schlagwort „Pflege“ steht schon als „Pflege“ in der Liste.",
            "Das Schlagwort „ärger“ steht schon als „Ärger“ in der Liste.",
        ])
    }

    @Test func pathOrderOnTwoCoresEqualsOneSort() {
        // Above the size where the halves are sorted apart; umlauts, emoji and shared prefixes.
        var generator = SystemRandomNumberGenerator()
        let words = ["ä", "a", "z", "🎉", "&", "Ö", "o", "-", "ß", "ss", "\u{0061}\u{0308}"]
        for count in [0, 1, 2047, 2048, 5001] {
            var paths = Set<String>()
            while paths.count < count {
                let word = (0..<Int.random(in: 1...4, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                paths.insert("content/beitraege/20\(Int.random(in: 10...29, using: &generator))/" + word.joined() + ".md")
            }
            let list = Array(paths)
            let expected = list.indices.sorted { list[$0] < list[$1] }
            #expect(CrossReferenceValidator.PostURLs.order(of: list).map { list[$0] } == expected.map { list[$0] })
        }
    }

    @Test func existingURLsAnswerLikeTheirUnion() {
        let existing = CrossReferenceValidator.ExistingURLs(
            owners: ["/2022/05/a/": .file("content/beitraege/a.md"), "/tag/ä/": .tagPage("Ä")],
            known: ["/feed.xml", "/archiv/"], staticPaths: ["/bilder/x.svg"])
        let union: Set<String> = ["/2022/05/a/", "/tag/ä/", "/feed.xml", "/archiv/", "/bilder/x.svg", "/"]
        #expect(existing.all == union)
        for url in union.union(["", "/x/", "/2022/05/a", "/tag/a/", "/feed.xml/"]) {
            #expect(existing.contains(url) == union.contains(url), "\(url)")
        }
    }
}
