import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// German wording for what the operating system reports when a file cannot be read or written:
/// `strerror` and Foundation speak English („File name too long“, „Error Domain=NSCocoaErrorDomain
/// Code=516 …“), and the people who read these messages are students. Codes without a German
/// text keep the system's words after „Systemfehler“.
public enum SystemErrorText {
    /// For an `errno` value.
    public static func describe(errno code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "keine Berechtigung (Schreib- oder Leserechte fehlen)"
        case ENOSPC: return "auf dem Laufwerk ist kein Platz mehr frei"
        case EDQUOT: return "das Speicherkontingent ist erschöpft"
        case ENAMETOOLONG: return "der Name ist zu lang (höchstens 255 Zeichen je Ordner- oder Dateiname)"
        case EROFS: return "das Laufwerk ist schreibgeschützt"
        case ENOENT: return "der Ordner oder die Datei existiert nicht"
        case ENOTDIR: return "ein Teil des Pfads ist eine Datei, kein Ordner"
        case EISDIR: return "an dieser Stelle steht ein Ordner"
        case EEXIST: return "dort gibt es schon eine Datei oder einen Ordner mit diesem Namen"
        case ENOTEMPTY: return "der Ordner ist nicht leer"
        case EMFILE, ENFILE: return "es sind zu viele Dateien gleichzeitig geöffnet"
        case EIO: return "Lese- oder Schreibfehler des Datenträgers"
        case EXDEV: return "die Ordner liegen auf verschiedenen Laufwerken"
        case EBUSY, ETXTBSY: return "die Datei wird gerade von einem anderen Programm benutzt"
        case ELOOP: return "zu viele symbolische Verweise hintereinander"
        default: return "Systemfehler \(code) (\(String(cString: strerror(code))))"
        }
    }

    /// For an error thrown by Foundation (or any error): the POSIX code inside it when there is one.
    public static func describe(_ error: Error) -> String {
        if let code = posixCode(of: error) { return describe(errno: code) }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileWriteFileExists: return describe(errno: EEXIST)
            case .fileWriteNoPermission, .fileReadNoPermission: return describe(errno: EACCES)
            case .fileWriteOutOfSpace: return describe(errno: ENOSPC)
            case .fileWriteVolumeReadOnly: return describe(errno: EROFS)
            case .fileNoSuchFile, .fileReadNoSuchFile: return describe(errno: ENOENT)
            case .fileWriteInvalidFileName, .fileReadInvalidFileName: return "der Name ist ungültig oder zu lang"
            default: break
            }
        }
        return "Systemfehler (\(error.localizedDescription))"
    }

    private static func posixCode(of error: Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        // On Linux the underlying error is not always an NSError instance: ask for any Error.
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? Error { return posixCode(of: underlying) }
        return nil
    }
}
