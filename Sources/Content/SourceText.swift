#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Support

/// Turns the bytes of a content file into text that the YAML and Markdown parsers can trust.
///
/// Files are read as bytes on purpose: Foundation's string APIs would silently replace bad
/// bytes with U+FFFD, and a student would never learn that the file was saved as Windows-1252.
public enum SourceText {
    /// Decodes strict UTF-8, drops a leading byte-order mark and turns CRLF and lone CR into LF,
    /// so every later stage counts lines the same way.
    public static func decode(_ bytes: [UInt8], file: String) -> Result<String, DiagnosticsError> {
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        guard let text = String(validating: content, as: UTF8.self) else {
            return .failure(DiagnosticsError([invalidUTF8(content, file: file)]))
        }
        return .success(normalizingLineEndings(text))
    }

    /// `decode` followed by `FrontMatter.split`, with the same results and diagnostics, but done on
    /// the bytes: the two parts are made into strings straight away, without the whole text first.
    public static func frontMatter(_ bytes: [UInt8], file: String) -> Result<FrontMatter, DiagnosticsError> {
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        let text = containsCR(content) ? ArraySlice(normalizingLineEndings(content)) : content
        let layout = FrontMatter.layout(of: text)
        // The fences and line ends are ASCII, and turning CRLF into LF never makes bad bytes good
        // or good ones bad: the parts are valid UTF-8 exactly when the file is.
        guard case .parts(let yamlRange, let bodyRange, let bodyFirstLine) = layout else {
            guard String(validating: text, as: UTF8.self) != nil else {
                return .failure(DiagnosticsError([invalidUTF8(content, file: file)]))
            }
            return .failure(FrontMatter.problem(layout, file: file))
        }
        guard let yaml = String(validating: text[yamlRange], as: UTF8.self),
              let body = String(validating: text[bodyRange], as: UTF8.self) else {
            return .failure(DiagnosticsError([invalidUTF8(content, file: file)]))
        }
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: bodyFirstLine))
    }

    private static func containsCR(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false
        }
    }

    /// The bytes with CRLF and lone CR turned into LF.
    private static func normalizingLineEndings<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var previousWasCR = false
        for byte in bytes {
            if byte == 0x0D {
                out.append(0x0A)
                previousWasCR = true
                continue
            }
            if byte == 0x0A && previousWasCR { previousWasCR = false; continue }
            previousWasCR = false
            out.append(byte)
        }
        return out
    }

    /// CRLF and lone CR become LF; the original string is returned when there is no CR.
    static func normalizingLineEndings(_ text: String) -> String {
        let utf8 = text.utf8
        // memchr on the contiguous bytes: a byte-by-byte `contains` over every file showed in profiles.
        let hasCR = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false
        }
            ?? utf8.contains(0x0D)
        guard hasCR else { return text }
        return String(decoding: normalizingLineEndings(utf8), as: UTF8.self)
    }

    /// Finds the first bad byte; the column counts characters (Unicode scalars) like YAML does.
    static func invalidUTF8(_ bytes: ArraySlice<UInt8>, file: String) -> Diagnostic {
        var line = 1, column = 1
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = bytes.startIndex
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1 && encoded.first == 0x0A {
                    line += 1; column = 1
                } else if !(encoded.count == 1 && encoded.first == 0x0D) {
                    column += 1
                }
            case .error:
                break loop
            case .emptyInput:
                break loop
            }
        }
        let badByte = offset < bytes.endIndex ? bytes[offset] : 0
        var hint = "Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“ (in VS Code: unten rechts auf "
            + "die Kodierung klicken, dann „Mit Codierung speichern“ und „UTF-8“ wählen)."
        if let guess = windows1252Guess(badByte) {
            hint = "Hier steht vermutlich „\(guess)“ in einer alten Kodierung (Windows-1252). " + hint
        }
        return .error("invalid-utf8", at: SourceLocation(file: file, line: line, column: column),
                      "Die Datei ist nicht als UTF-8 gespeichert: Das Byte 0x\(hex(badByte)) ist an dieser Stelle ungültig.",
                      hint: hint)
    }

    /// The character a byte stands for in Windows-1252, for the letters students actually type.
    static func windows1252Guess(_ byte: UInt8) -> String? {
        switch byte {
        case 0x80: return "€"
        case 0x84: return "„"
        case 0x93: return "“"
        case 0x96: return "–"
        case 0xA0...0xFF: return String(Unicode.Scalar(byte))
        default: return nil
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
