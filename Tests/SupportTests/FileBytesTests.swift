import Foundation
import TestFolders
import Testing
@testable import Support

@Suite("FileBytes")
struct FileBytesTests {
    private func temporaryFolder() throws -> String {
        let folder = TemporaryFolder.path("filebytes")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("reads exactly the bytes FileManager reads: umlauts, emoji, CRLF, NUL, a BOM")
    func sameBytesAsFileManager() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = "\u{FEFF}---\r\ntitle: Äpfel & <Birnen> \"'\" 🎉\r\n---\n\0Ende"
        let path = folder + "/a.md"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let bytes = try #require(FileBytes.read(atPath: path))
        #expect(bytes == [UInt8](try #require(FileManager.default.contents(atPath: path))))
        #expect(bytes == Array(text.utf8))
    }

    @Test("a file larger than one read, and an empty file")
    func largeAndEmpty() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let large = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(large).write(to: URL(fileURLWithPath: folder + "/large.bin"))
        #expect(FileBytes.read(atPath: folder + "/large.bin") == large)
        try Data().write(to: URL(fileURLWithPath: folder + "/empty.md"))
        #expect(FileBytes.read(atPath: folder + "/empty.md") == [])
    }

    @Test("a missing file and a folder give nil, like FileManager")
    func unreadable() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(FileBytes.read(atPath: folder + "/fehlt.md") == nil)
        #expect(FileBytes.read(atPath: folder) == nil)
        #expect(FileManager.default.contents(atPath: folder) == nil)
    }
}
