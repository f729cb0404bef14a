import Content
@testable import Outputs
import Support
import Testing

/// The byte-level `AngeboteSearchIndex.fold` and `AngeboteCSV.cell` must give exactly what their
/// first, character-based forms gave: compared on generated text full of the awkward cases.
@Suite("Angebote: byte-level helpers agree with the character-based ones")
struct AngeboteByteHelperTests {
    /// SplitMix64: the same inputs on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func string(from pieces: [String], maxCount: Int) -> String {
            let count = Int(next() % UInt64(maxCount + 1))
            return (0..<count).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
        }
    }

    /// Letters, digits, umlauts, accents, every hyphen, combining marks (also right after a
    /// hyphen), CR/LF, the CSV specials, emoji with joiners and text from other scripts.
    static let pieces = [
        "a", "Z", "m", "Q", "0", "7", "9", " ", "  ", "-", "\u{00AD}", "\u{2010}", "\u{2011}", "‑", "ä", "Ö", "ß", "ẞ",
        "é", "É", "ç", "ø", "ł", "\u{0301}", "\u{0308}", "e\u{0301}", "-\u{0301}", "\u{200D}", "👩‍👧", "🇩🇪",
        "\r", "\n", "\r\n", "\t", ";", "\"", ",", "'", "=", "@", "+", "„", "“", "–", "€", "Ω", "ж", "中", "ईं",
        ".", ":", "/", "\u{7F}", "\u{0}",
    ]

    @Test func foldMatchesTheCharacterBasedForm() {
        var random = Generator(state: 20_240_611)
        for _ in 0..<20_000 {
            let text = random.string(from: Self.pieces, maxCount: 14)
            #expect(AngeboteSearchIndex.fold(text) == AngeboteSearchIndex.foldReference(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func cellMatchesTheCharacterBasedForm() {
        var random = Generator(state: 42)
        let starts = ["", "=", "@", "+", "-", "\t", "\r", " ", "+49", "-12", "+4a", "-\u{0301}1", "=\u{0308}", "\r\n"]
        for _ in 0..<20_000 {
            let start = starts[Int(random.next() % UInt64(starts.count))]
            let text = start + random.string(from: Self.pieces, maxCount: 8)
            #expect(AngeboteCSV.cell(text) == AngeboteCSV.cellReference(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func cellOfPlainCasesIsWhatASpreadsheetNeeds() {
        #expect(AngeboteCSV.cell("Beratung") == "Beratung")
        #expect(AngeboteCSV.cell("") == "")
        #expect(AngeboteCSV.cell("a;b") == "\"a;b\"")
        #expect(AngeboteCSV.cell("Sag \"Hallo\"") == "\"Sag \"\"Hallo\"\"\"")
        #expect(AngeboteCSV.cell("=SUMME(A1)") == "'=SUMME(A1)")
        #expect(AngeboteCSV.cell("-5") == "-5")
        #expect(AngeboteCSV.cell("-") == "'-")
        #expect(AngeboteCSV.cell("- x;") == "\"'- x;\"")
        #expect(AngeboteCSV.cell(" Rand") == "\" Rand\"")
    }

    // MARK: JSON writer

    /// The first, string-based writer of `AngeboteJSON`, kept here to compare with.
    static func reference(_ value: AngeboteJSON, indent: String?) -> String {
        var out = ""
        func write(_ value: AngeboteJSON, _ indent: String?) {
            switch value {
            case .string(let text): out += Escape.jsonString(text)
            case .number(let digits): out += digits
            case .bool(let flag): out += flag ? "true" : "false"
            case .null: out += "null"
            case .array(let items):
                guard !items.isEmpty else { out += "[]"; return }
                out += "["
                let inner = indent.map { $0 + "  " }
                for (i, item) in items.enumerated() {
                    if i > 0 { out += "," }
                    if let inner { out += "\n" + inner }
                    write(item, inner)
                }
                if let indent { out += "\n" + indent }
                out += "]"
            case .object(let pairs):
                guard !pairs.isEmpty else { out += "{}"; return }
                out += "{"
                let inner = indent.map { $0 + "  " }
                for (i, pair) in pairs.enumerated() {
                    if i > 0 { out += "," }
                    if let inner { out += "\n" + inner }
                    out += Escape.jsonString(pair.0) + (indent == nil ? ":" : ": ")
                    write(pair.1, inner)
                }
                if let indent { out += "\n" + indent }
                out += "}"
            }
        }
        write(value, indent)
        return indent == nil ? out : out + "\n"
    }

    static func randomJSON(_ random: inout Generator, depth: Int) -> AngeboteJSON {
        let kind = Int(random.next() % (depth > 3 ? 4 : 6))
        switch kind {
        case 0: return .string(random.string(from: pieces + ["<", ">", "&", "\\", "\u{1}"], maxCount: 10))
        case 1: return .number(String(random.next() % 100_000))
        case 2: return .bool(random.next() % 2 == 0)
        case 3: return .null
        case 4: return .array((0..<Int(random.next() % 4)).map { _ in randomJSON(&random, depth: depth + 1) })
        default:
            return .object((0..<Int(random.next() % 4)).map { _ in
                (random.string(from: pieces, maxCount: 4), randomJSON(&random, depth: depth + 1))
            })
        }
    }

    @Test func jsonWriterMatchesTheStringBasedForm() {
        var random = Generator(state: 7)
        for _ in 0..<3_000 {
            let value = Self.randomJSON(&random, depth: 0)
            #expect(value.compact == Self.reference(value, indent: nil))
            #expect(value.pretty == Self.reference(value, indent: ""))
            // The files are written from the bytes: the same text, byte for byte.
            #expect(value.compactBytes == Array(Self.reference(value, indent: nil).utf8))
            #expect(value.prettyBytes == Array(Self.reference(value, indent: "").utf8))
        }
    }

    /// `HSDSTable` writes the open data without a tree: the same bytes as the tree's `pretty`,
    /// also for empty tables, empty rows, nulls and text that needs escaping.
    @Test func hsdsTablesMatchTheTreeWriter() {
        var random = Generator(state: 11)
        for _ in 0..<500 {
            let head = (0..<Int(random.next() % 3)).map { i in ("kopf\(i)", random.string(from: Self.pieces, maxCount: 6)) }
            var tables: [(String, HSDSTable)] = [], trees: [(String, AngeboteJSON)] = []
            for t in 0..<Int(random.next() % 4) {
                var table = HSDSTable(), rows: [AngeboteJSON] = []
                for _ in 0..<Int(random.next() % 4) {
                    var pairs: [(String, HSDSTable.Field)] = [], treePairs: [(String, AngeboteJSON)] = []
                    for f in 0..<Int(random.next() % 4) {
                        let text = random.string(from: Self.pieces, maxCount: 5)
                        switch random.next() % 3 {
                        case 0: pairs.append(("f\(f)", .string(text))); treePairs.append(("f\(f)", .string(text)))
                        case 1: pairs.append(("n\(f)", .number("50.9186"))); treePairs.append(("n\(f)", .number("50.9186")))
                        default: pairs.append(("x\(f)", .text(nil))); treePairs.append(("x\(f)", .text(nil)))
                        }
                    }
                    table.append(pairs)
                    rows.append(.object(treePairs))
                }
                tables.append(("tabelle\(t)", table))
                trees.append(("tabelle\(t)", .array(rows)))
            }
            let tree = AngeboteJSON.object(head.map { ($0.0, .string($0.1)) } + trees)
            #expect(HSDSTable.document(head: head, tables: tables) == tree.prettyBytes)
        }
    }
}
