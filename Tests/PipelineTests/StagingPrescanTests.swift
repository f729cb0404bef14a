import Foundation
import Outputs
import Testing
@testable import Pipeline
import Support
#if canImport(Glibc)
import Glibc
#endif

/// A clean build reads the staging folder (the former output) while it loads, before it writes
/// anything (`OutputWriter.scanStaging`). What changes there in between must not break the
/// promise that the published site is never written into.
@Suite(.serialized) struct StagingPrescanTests {
    func publishTwice(_ output: String) throws {
        let writer = OutputWriter(outputDirectory: output)
        _ = try writer.publish(files: [OutputFile(path: "a/index.html", text: "eins")], copies: [])
        _ = try writer.publish(files: [OutputFile(path: "a/index.html", text: "zwei")], copies: [])
    }

    @Test("the prescan finds the former output and only reads")
    func prescanReads() throws {
        let output = TestSite.temporaryDirectory("vorab")
        try publishTwice(output)
        let writer = OutputWriter(outputDirectory: output)
        try FileManager.default.createSymbolicLink(atPath: writer.stagingPath + "/verweis", withDestinationPath: "/")
        let tree = try #require(writer.scanStaging())
        #expect(tree.files.contains("a/index.html") && tree.folders.contains("a"))
        #expect(tree.others == ["verweis"])
        // Reading removed nothing; the session removes the link before it writes.
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: writer.stagingPath + "/verweis")) == "/")
        var session = try writer.session(prescanned: tree)
        try session.write([OutputFile(path: "a/index.html", text: "drei")])
        _ = try session.finish()
        #expect(try String(contentsOfFile: output + "/a/index.html", encoding: .utf8) == "drei")
        #expect(!FileManager.default.fileExists(atPath: output + "/verweis"))
        #expect(OutputWriter(outputDirectory: TestSite.temporaryDirectory("nie-gebaut")).scanStaging() == nil)
    }

    @Test("a file that appears after the prescan, linked to the published one, is replaced, not written into")
    func lateHardLinkIsNotWrittenThrough() throws {
        let output = TestSite.temporaryDirectory("spaet")
        try publishTwice(output)
        let writer = OutputWriter(outputDirectory: output)
        let tree = try #require(writer.scanStaging())
        // After the scan: the published site gets a file, and the staging folder a hard link to it.
        try "alt".write(toFile: output + "/neu.txt", atomically: false, encoding: .utf8)
        #expect(link(output + "/neu.txt", writer.stagingPath + "/neu.txt") == 0)
        var session = try writer.session(prescanned: tree)
        try session.write([OutputFile(path: "neu.txt", text: "neu")])
        // Until the swap the published file keeps its bytes.
        #expect(try String(contentsOfFile: output + "/neu.txt", encoding: .utf8) == "alt")
        _ = try session.finish()
        #expect(try String(contentsOfFile: output + "/neu.txt", encoding: .utf8) == "neu")
    }
}
