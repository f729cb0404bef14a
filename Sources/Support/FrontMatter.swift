
/// A content file cut into its YAML front matter and its Markdown body.
///
/// The file must start with a line `---`; the YAML runs until the next line `---`. Lines are
/// counted on UTF-8 bytes of text whose line endings `SourceText` already made LF.
public struct FrontMatter: Sendable, Hashable {
    /// The YAML between the fences (without them).
    public var yaml: String
    /// Line of the file on which the YAML starts (2 when the file starts with the fence).
    public var yamlFirstLine: Int
    /// Markdown after the closing fence.
    public var body: String
    /// Line of the file on which the body starts.
    public var bodyFirstLine: Int

    public init(yaml: String, yamlFirstLine: Int, body: String, bodyFirstLine: Int) {
        self.yaml = yaml
        self.yamlFirstLine = yamlFirstLine
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }

    /// Splits `text` (LF line endings, see `SourceText.decode`).
    public static func split(_ text: String, file: String) -> Result<FrontMatter, DiagnosticsError> {
        let bytes = Array(text.utf8)
        let layout = layout(of: bytes[...])
        guard case .parts(let yaml, let body, let bodyFirstLine) = layout else {
            return .failure(problem(layout, file: file))
        }
        return .success(FrontMatter(yaml: String(decoding: bytes[yaml], as: UTF8.self), yamlFirstLine: 2,
                                    body: String(decoding: bytes[body], as: UTF8.self), bodyFirstLine: bodyFirstLine))
    }

    /// Where the parts of a file lie, found on its bytes (LF line endings) before they are text,
    /// so a loader can make the two strings straight from the file's bytes.
    public enum Layout: Equatable, Sendable {
        /// Byte ranges (indices of the bytes given) of the YAML and of the body; the YAML starts on line 2.
        case parts(yaml: Range<Int>, body: Range<Int>, bodyFirstLine: Int)
        case missingFence
        case unclosed
    }

    /// The fences are ASCII lines, so each part is valid UTF-8 exactly when the whole is.
    public static func layout(of bytes: ArraySlice<UInt8>) -> Layout {
        let firstEnd = lineEnd(bytes, from: bytes.startIndex)
        guard isFence(bytes[bytes.startIndex..<firstEnd]) else { return .missingFence }
        let yamlStart = min(firstEnd + 1, bytes.endIndex)
        var lineStart = yamlStart
        var line = 2
        while lineStart < bytes.endIndex {
            let end = lineEnd(bytes, from: lineStart)
            if isFence(bytes[lineStart..<end]) {
                let bodyStart = min(end + 1, bytes.endIndex)
                return .parts(yaml: yamlStart..<lineStart, body: bodyStart..<bytes.endIndex, bodyFirstLine: line + 1)
            }
            lineStart = end + 1
            line += 1
        }
        return .unclosed
    }

    /// The diagnostic for a layout without parts.
    public static func problem(_ layout: Layout, file: String) -> DiagnosticsError {
        if layout == .missingFence {
            return DiagnosticsError([.error(
                "missing-front-matter", at: SourceLocation(file: file, line: 1, column: 1),
                "Die Datei beginnt nicht mit einem Kopfbereich: Die erste Zeile muss „---“ lauten.",
                hint: "Beginnen Sie die Datei mit „---“, dann folgen Angaben wie „title: …“ und „date: …“, "
                    + "dann wieder eine Zeile „---“.")])
        }
        return DiagnosticsError([.error(
            "unclosed-front-matter", at: SourceLocation(file: file, line: 1, column: 1),
            "Der Kopfbereich, der in Zeile 1 mit „---“ beginnt, wird nirgends geschlossen.",
            hint: "Setzen Sie nach der letzten Angabe (z. B. nach „handlungsfelder: …“) eine Zeile, "
                + "die nur „---“ enthält; danach beginnt der Text.")])
    }

    /// Index of the LF that ends the line starting at `start`, or the end of the text.
    private static func lineEnd(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        var i = start
        while i < bytes.endIndex, bytes[i] != 0x0A { i += 1 }
        return i
    }

    /// `---`, optionally followed by spaces or tabs (editors leave them).
    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.starts(with: [0x2D, 0x2D, 0x2D]) else { return false }
        return line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
