import Foundation
import Testing
import Support

@Suite("ParentFolder")
struct ParentFolderTests {
    @Test("agrees with NSString.deletingLastPathComponent where that one works")
    func sameAsNSString() {
        let paths = ["index.html", "2023/04/erster-beitrag/index.html", "tag/über-uns/index.html", "a/b",
                     "assets/css/site.css", "x/😀/y.txt", ".htaccess", "a//b", "//a", "a/b//", "/a/b/", "",
                     "ab", "/ab", "ab/cd/", "./ab", "../ab", "/tmp/x/out", "ü/ab", "/", "/a", "b/a", "./a"]
        for path in paths {
            #expect(ParentFolder.of(path) == (path as NSString).deletingLastPathComponent, "\(path)")
        }
    }

    // NSString crashes on these (swift-corelibs-foundation), so the expectations are written out.
    @Test("one-character relative paths have no parent folder", arguments: ["o", "x/", "ü", "😀//"])
    func oneCharacter(path: String) {
        #expect(ParentFolder.of(path) == "")
    }

    @Test("a path of slashes only is the root")
    func slashesOnly() {
        #expect(ParentFolder.of("//") == "/")
        #expect(ParentFolder.of("///") == "/")
    }
}
