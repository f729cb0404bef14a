import Content
import Foundation
import Support
import Testing

/// `SourceText.frontMatter` splits on the bytes before making text; it must answer exactly like
/// `SourceText.decode` followed by `FrontMatter.split`, diagnostics included.
@Suite("Front matter split on bytes")
struct FrontMatterBytesTests {
    static let cases: [[UInt8]] = {
        let texts = [
            "---\ntitle: A\ndate: 2022-05-03\n---\nErste\nZweite\n",
            "---\n---\nText",
            "---\n---",
            "---\ntitle: A\n---",
            "---  \t\ntitle: Ä\n--- \nÜber „Armut“ & <b>'x'</b> 🙂\n",
            "",
            "\n",
            "---",
            "----\ntitle: A\n----\n",
            "title: A\n---\nText",
            "---\ntitle: Straße\nkein Ende\n",
            "---\r\ntitle: A\r\n---\r\nBody\r\nzwei\r\n",
            "---\rtitle: A\r---\rBody\r\r\nx",
            "---\ntitle: A\n---\n" + String(repeating: "Längerer Text mit 🙂 und &<>\"' ", count: 2_000),
        ]
        var cases = texts.map { Array($0.utf8) }
        cases += cases.map { [0xEF, 0xBB, 0xBF] + $0 }
        // Bad bytes in the YAML, in the body, before a missing fence, around CRLF, a cut-off umlaut.
        cases.append(Array("---\ntitle: ".utf8) + [0xE4] + Array("\n---\nText\n".utf8))
        cases.append(Array("---\ntitle: A\n---\nText ".utf8) + [0x84, 0x93] + Array(" mehr\n".utf8))
        cases.append(Array("Kein Kopf ".utf8) + [0xFC] + Array("\n".utf8))
        cases.append(Array("---\r\ntitle: A".utf8) + [0xC3] + Array("\r\n---\r\n".utf8))
        cases.append(Array("---\ntitle: A\n".utf8) + [0xC3])
        cases.append(Array("---\ntitle: A\n---\n".utf8) + [0xC3, 0x0D, 0x0A, 0xA4])
        cases.append([0xEF, 0xBB])
        return cases
    }()

    @Test(arguments: cases.indices)
    func sameAsDecodeThenSplit(index: Int) {
        let bytes = Self.cases[index]
        let expected: Result<FrontMatter, DiagnosticsError> = SourceText.decode(bytes, file: "a.md")
            .flatMap { FrontMatter.split($0, file: "a.md") }
        let actual = SourceText.frontMatter(bytes, file: "a.md")
        switch (expected, actual) {
        case (.success(let a), .success(let b)):
            #expect(a == b)
        case (.failure(let a), .failure(let b)):
            #expect(a.diagnostics == b.diagnostics)
        default:
            Issue.record("different outcome: \(expected) vs \(actual)")
        }
    }
}
