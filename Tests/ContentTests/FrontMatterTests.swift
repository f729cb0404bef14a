import Content
import Foundation
import Support
import Testing

@Suite("Front matter splitting and text decoding")
struct FrontMatterTests {
    @Test func splitsYAMLAndBodyAndCountsLines() throws {
        let split = try FrontMatter.split("---\ntitle: A\ndate: 2022-05-03\n---\nErste\nZweite\n", file: "a.md").get()
        #expect(split.yaml == "title: A\ndate: 2022-05-03\n")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "Erste\nZweite\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func emptyFrontMatterIsAllowed() throws {
        let split = try FrontMatter.split("---\n---\nText", file: "a.md").get()
        #expect(split.yaml == "")
        #expect(split.body == "Text")
        #expect(split.bodyFirstLine == 3)
    }

    @Test func crlfFileDecodesWithBodyLineAndLFBody() throws {
        let bytes = Fixture.bytes("frontmatter/crlf.md")
        #expect(bytes.contains(0x0D), "fixture must keep its CRLF line endings")
        let (post, diagnostics) = PostDecoder.decode(bytes: bytes, path: "content/beitraege/crlf.md",
                                                     handlungsfelder: DefaultHandlungsfelder.slugs)
        #expect(diagnostics.isEmpty, "\(diagnostics.report)")
        let decoded = try #require(post)
        #expect(decoded.title == "Windows")
        #expect(decoded.source.bodyFirstLine == 6)
        #expect(decoded.source.body == "Erste Zeile\nZweite Zeile\n")
    }

    @Test func lineEndingsAreNormalised() throws {
        let text = try SourceText.decode(Array("a\r\nb\rc\n".utf8), file: "x.md").get()
        #expect(text == "a\nb\nc\n")
    }

    @Test func missingClosingFenceIsReported() {
        let (post, diagnostics) = PostDecoder.decode(bytes: Fixture.bytes("frontmatter/missing-closing-fence.md"),
                                                     path: "content/beitraege/x.md",
                                                     handlungsfelder: DefaultHandlungsfelder.slugs)
        #expect(post == nil)
        #expect(diagnostics.count == 1)
        expectDiagnostic(diagnostics, "unclosed-front-matter", file: "content/beitraege/x.md", line: 1, column: 1,
                         hint: "„---“")
    }

    @Test func fileWithoutFrontMatterIsReported() {
        let (_, diagnostics) = PostDecoder.decode(bytes: Fixture.bytes("frontmatter/no-front-matter.md"),
                                                  path: "content/beitraege/x.md",
                                                  handlungsfelder: DefaultHandlungsfelder.slugs)
        expectDiagnostic(diagnostics, "missing-front-matter", file: "content/beitraege/x.md", line: 1, column: 1,
                         hint: "„---“")
    }

    @Test func invalidUTF8InFrontMatterPointsAtTheByte() {
        let bytes = Fixture.bytes("frontmatter/invalid-utf8-front-matter.md")
        let (post, diagnostics) = PostDecoder.decode(bytes: bytes, path: "content/beitraege/cafe.md",
                                                     handlungsfelder: DefaultHandlungsfelder.slugs)
        #expect(post == nil)
        let diagnostic = expectDiagnostic(diagnostics, "invalid-utf8", file: "content/beitraege/cafe.md",
                                          line: 2, column: 11, hint: "„é“")
        #expect(diagnostic?.message.contains("0xE9") == true)
        #expect(diagnostic?.hint?.contains("UTF-8") == true)
    }

    @Test func invalidUTF8InBodyCountsCharactersNotBytes() {
        // Line 7 has a valid two-byte „ä“ before the bad byte; the column counts it once.
        let (_, diagnostics) = PostDecoder.decode(bytes: Fixture.bytes("frontmatter/invalid-utf8-body.md"),
                                                  path: "content/beitraege/x.md",
                                                  handlungsfelder: DefaultHandlungsfelder.slugs)
        expectDiagnostic(diagnostics, "invalid-utf8", file: "content/beitraege/x.md", line: 7, column: 27,
                         hint: "„ü“")
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let (post, diagnostics) = PostDecoder.decode(bytes: Fixture.bytes("frontmatter/bom.md"),
                                                     path: "content/beitraege/bom.md",
                                                     handlungsfelder: DefaultHandlungsfelder.slugs)
        #expect(diagnostics.isEmpty, "\(diagnostics.report)")
        #expect(try #require(post).title == "Mit BOM")
    }

    @Test func fencesMayHaveTrailingWhitespace() throws {
        let (post, diagnostics) = PostDecoder.decode(bytes: Fixture.bytes("frontmatter/fence-trailing-space.md"),
                                                     path: "content/beitraege/x.md",
                                                     handlungsfelder: DefaultHandlungsfelder.slugs)
        #expect(diagnostics.isEmpty, "\(diagnostics.report)")
        let decoded = try #require(post)
        #expect(decoded.source.body == "")
        #expect(decoded.source.bodyFirstLine == 6)
    }

    @Test func fileEndingAtClosingFenceHasEmptyBody() throws {
        let (post, _) = PostDecoder.decode(bytes: Fixture.bytes("frontmatter/no-body.md"), path: "content/beitraege/x.md",
                                           handlungsfelder: DefaultHandlungsfelder.slugs)
        let decoded = try #require(post)
        #expect(decoded.source.body == "")
        #expect(decoded.source.bodyFirstLine == 6)
    }

    @Test func horizontalRuleInBodyIsNotAFence() throws {
        let (post, _) = PostDecoder.decode(bytes: Fixture.bytes("frontmatter/body-with-rule.md"),
                                           path: "content/beitraege/x.md", handlungsfelder: DefaultHandlungsfelder.slugs)
        let decoded = try #require(post)
        #expect(decoded.source.body == "Oben\n\n---\n\nUnten\n")
        #expect(decoded.source.bodyFirstLine == 6)
    }

    @Test func fourDashesAreNoFence() {
        let result = FrontMatter.split("----\ntitle: A\n----\n", file: "a.md")
        guard case .failure(let error) = result else { Issue.record("expected failure"); return }
        #expect(error.diagnostics.codes == ["missing-front-matter"])
    }
}
