import Foundation
import Testing
import Support
import TestFolders
#if canImport(Glibc)
import Glibc
#endif

@Suite("SystemErrorText")
struct SystemErrorTextTests {
    @Test("common codes read German, unknown ones keep the system's words")
    func errnoCodes() {
        #expect(SystemErrorText.describe(errno: ENAMETOOLONG).hasPrefix("der Name ist zu lang"))
        #expect(SystemErrorText.describe(errno: ENOSPC) == "auf dem Laufwerk ist kein Platz mehr frei")
        #expect(SystemErrorText.describe(errno: EACCES).hasPrefix("keine Berechtigung"))
        let unknown = SystemErrorText.describe(errno: EPROTO)
        #expect(unknown.hasPrefix("Systemfehler \(EPROTO) (") && unknown.count > 20)
    }

    @Test("Foundation's errors are translated through the POSIX code inside them")
    func foundationErrors() {
        #expect(SystemErrorText.describe(POSIXError(.EROFS)) == "das Laufwerk ist schreibgeschützt")
        #expect(SystemErrorText.describe(CocoaError(.fileWriteFileExists)).hasPrefix("dort gibt es schon"))
        let wrapped = NSError(domain: NSCocoaErrorDomain, code: 512,
                              userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOTDIR))])
        #expect(SystemErrorText.describe(wrapped) == "ein Teil des Pfads ist eine Datei, kein Ordner")
    }

    @Test("what FileManager throws for a folder below a file")
    func realFileManagerError() throws {
        let folder = TemporaryFolder.path("systemfehler")
        try "x".write(toFile: folder, atomically: false, encoding: .utf8)
        do {
            try FileManager.default.createDirectory(atPath: folder + "/unter", withIntermediateDirectories: true)
            Issue.record("creating a folder below a file must fail")
        } catch {
            let text = SystemErrorText.describe(error)
            #expect(!text.contains("Domain="), "\(text)")
            #expect(!text.hasPrefix("Systemfehler"), "\(text)")
        }
    }
}
