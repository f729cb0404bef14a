import Testing
@testable import Data

@Suite("Text decoding")
struct TextDecodingTests {
    @Test("Windows-1252: 0x85 is „…“ and 0x80 is „€“, not C1 controls")
    func windows1252() {
        let (text, encoding, diagnostics) = TextDecoding.decode([0x44, 0xF6, 0x62, 0x65, 0x6C, 0x6E, 0x3B, 0x85, 0x3B, 0x80], file: "x.csv")
        #expect(text == "Döbeln;…;€")
        #expect(encoding == .windows1252)
        #expect(diagnostics.isEmpty)
    }

    @Test("Bytes Windows-1252 leaves undefined are errors with line and column")
    func undefinedByte() {
        let (text, _, diagnostics) = TextDecoding.decode(Array("a;b\nc;".utf8) + [0x81], file: "x.csv")
        #expect(text == nil)
        #expect(diagnostics.first?.location.line == 2)
        #expect(diagnostics.first?.location.column == 3)
    }

    @Test("UTF-8 with and without BOM; UTF-16 with and without BOM refused")
    func utf() {
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("Flöha".utf8), file: "x").text == "Flöha")
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("Flöha".utf8), file: "x").encoding == .utf8WithBOM)
        #expect(TextDecoding.decode(Array("Flöha".utf8), file: "x").encoding == .utf8)
        let noBOM: [UInt8] = Array("AGS;2023".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(TextDecoding.decode(noBOM, file: "x").diagnostics.first?.code == DataCode.encodingUTF16)
        #expect(TextDecoding.decode([0xFE, 0xFF, 0x00, 0x41], file: "x").diagnostics.first?.code == DataCode.encodingUTF16)
    }

    @Test("Doubly encoded umlauts are pointed out")
    func mojibake() {
        let (_, _, diagnostics) = TextDecoding.decode(Array("14522080;DÃ¶beln".utf8), file: "x.csv")
        #expect(diagnostics.first?.code == DataCode.encodingMojibake)
        #expect(diagnostics.first?.location.column == 11)
    }
}
