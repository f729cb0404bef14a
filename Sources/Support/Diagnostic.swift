/// A position in a source file, as editors see it: 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Path relative to the site folder, e.g. `content/beitraege/2022/armut.md`.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    /// The same file, moved down by `lines` (front matter and body offsets).
    public func offset(lines: Int, column newColumn: Int? = nil) -> SourceLocation {
        SourceLocation(file: file, line: line + lines, column: newColumn ?? column)
    }
}

public enum Severity: String, Sendable, Hashable, Comparable {
    case error
    case warning

    public var german: String { self == .error ? "Fehler" : "Warnung" }

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// One problem found in content, configuration or themes, written for students:
/// a German message, where it is, and what to do about it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation
    /// German, one sentence, says what is wrong.
    public var message: String
    /// German, says what to do ("Meinten Sie „bildung“?").
    public var hint: String?
    /// Build stage in which it was found (e.g. "Laden", "Prüfen"); filled in by the pipeline.
    public var stage: String?
    /// Stable machine-readable code, e.g. `unknown-handlungsfeld` (for `check --format json`, tests).
    public var code: String

    public init(_ severity: Severity = .error, code: String, at location: SourceLocation,
                _ message: String, hint: String? = nil, stage: String? = nil) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
        self.hint = hint
        self.stage = stage
    }

    public static func error(_ code: String, at location: SourceLocation, _ message: String,
                             hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, code: code, at: location, message, hint: hint)
    }

    public static func warning(_ code: String, at location: SourceLocation, _ message: String,
                               hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code: code, at: location, message, hint: hint)
    }

    public var isError: Bool { severity == .error }

    /// `file:line:col: Fehler: message` followed by an indented hint, like Hugo and compilers print it.
    public var description: String {
        var text = "\(location): \(severity.german): \(message)"
        if let stage { text += " [\(stage)]" }
        if let hint { text += "\n    Hinweis: \(hint)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter(\.isError) }
    public var warnings: [Diagnostic] { filter { !$0.isError } }
    public var hasErrors: Bool { contains(where: \.isError) }

    /// Stable order for reports: by file, line, column, then message.
    public func sortedForReport() -> [Diagnostic] {
        sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.severity != b.severity { return a.severity < b.severity }
            return a.message < b.message
        }
    }
}

/// Thrown when a stage cannot go on; carries every problem found so far.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.sortedForReport().map(\.description).joined(separator: "\n") }
}
