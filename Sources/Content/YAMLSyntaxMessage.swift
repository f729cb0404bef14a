import Foundation
import Support
import Yams

/// Turns libyaml's English error into a German diagnostic at the file position, with a hint for
/// the mistakes students make most (a colon in a title, tabs, a missing quote or bracket).
enum YAMLSyntaxMessage {
    static func diagnostic(for error: YamlError, yaml: String, file: String, firstLine: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let (message, hint) = explain(problem: problem, context: context?.text ?? "",
                                          line: lineText(yaml, mark.line))
            return .error("yaml-syntax", at: at(mark), message, hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "„\($0)“" }.joined(separator: ", ")
            let line = secondOccurrence(of: duplicates.first ?? "", firstAt: context.mark, in: yaml) ?? context.mark.line
            return .error("duplicate-key",
                          at: SourceLocation(file: file, line: line + firstLine - 1, column: context.mark.column),
                          "Die Angabe \(names) steht mehrfach im Kopfbereich.",
                          hint: "Jede Angabe darf nur einmal vorkommen; löschen Sie die doppelte Zeile.")
        case let .reader(_, offset, _, _):
            let (line, column) = offset.map { position(ofCharacterOffset: $0, in: yaml) } ?? (1, 1)
            return .error("yaml-syntax",
                          at: SourceLocation(file: file, line: line + firstLine - 1, column: column),
                          "Im Kopfbereich steht ein unsichtbares Steuerzeichen, das nicht erlaubt ist.",
                          hint: "Solche Zeichen entstehen oft beim Kopieren aus Word oder PDF. "
                              + "Löschen Sie die Zeile und tippen Sie sie neu.")
        default:
            return .error("yaml-syntax", at: SourceLocation(file: file, line: firstLine),
                          "Der Kopfbereich konnte nicht gelesen werden.",
                          hint: "Prüfen Sie, ob jede Zeile die Form „schlüssel: wert“ hat.")
        }
    }

    /// German message and hint for one libyaml problem.
    static func explain(problem: String, context: String, line: String) -> (String, String) {
        if problem.contains("mapping values are not allowed") {
            return ("In dieser Zeile steht ein Doppelpunkt an einer Stelle, an der keiner stehen darf.",
                    "Setzen Sie Titel mit Doppelpunkt in Anführungszeichen, z. B. "
                        + "title: \"\(suggestedQuoting(line))\".")
        }
        if problem.contains("could not find expected ':'") {
            return ("Einer Zeile im Kopfbereich fehlt der Doppelpunkt nach dem Namen der Angabe.",
                    "Jede Zeile braucht die Form „schlüssel: wert“ (mit Leerzeichen nach dem Doppelpunkt). "
                        + "Lange Texte gehören in Anführungszeichen.")
        }
        if problem.contains("tab") || (problem.contains("cannot start any token") && line.contains("\t")) {
            return ("Im Kopfbereich steht ein Tabulator.",
                    "Rücken Sie im Kopfbereich nur mit Leerzeichen ein, nicht mit der Tab-Taste.")
        }
        if problem.contains("cannot start any token") {
            return ("Ein Wert beginnt mit einem Zeichen, das im Kopfbereich eine Sonderbedeutung hat (z. B. @, ` oder %).",
                    "Setzen Sie den Wert in Anführungszeichen, z. B. author: \"@redaktion\".")
        }
        if problem.contains("undefined alias") {
            return ("Ein Wert beginnt mit „*“; das versteht der Kopfbereich als Verweis.",
                    "Setzen Sie den Wert in Anführungszeichen, z. B. title: \"*Neu* im Landkreis\".")
        }
        if problem.contains("unknown escape character") {
            return ("In einem Text in doppelten Anführungszeichen steht ein Backslash (\\), der nicht erlaubt ist.",
                    "Verwenden Sie einfache Anführungszeichen ('…') oder schreiben Sie \\\\ für einen Backslash.")
        }
        if context.contains("quoted scalar") || problem.contains("end of stream") {
            return ("Ein Text in Anführungszeichen wird nicht geschlossen.",
                    "Prüfen Sie, ob jedes öffnende Anführungszeichen \" oder ' auch wieder geschlossen wird. "
                        + "Typografische Anführungszeichen „…“ dürfen innerhalb stehen.")
        }
        if context.contains("flow sequence") || problem.contains("',' or ']'") {
            return ("Eine Liste in eckigen Klammern ist nicht richtig geschlossen.",
                    "Schreiben Sie Listen so: tags: [Ehrenamt, Pflege] – mit Komma zwischen den Einträgen "
                        + "und „]“ am Ende. Oft fehlt die Klammer schon in der Zeile davor.")
        }
        if context.contains("flow mapping") || problem.contains("',' or '}'") {
            return ("Geschweifte Klammern { } sind nicht richtig geschlossen.",
                    "Setzen Sie Texte mit geschweiften Klammern in Anführungszeichen.")
        }
        if problem.contains("expected '-' indicator") || problem.contains("block sequence entries") {
            return ("Ein Listeneintrag mit „-“ steht an der falschen Stelle oder ist falsch eingerückt.",
                    "Schreiben Sie jeden Listeneintrag in eine eigene Zeile, eingerückt mit zwei Leerzeichen: "
                        + "„  - bildung“.")
        }
        if problem.contains("did not find expected key") || problem.contains("expected <block end>") {
            return ("Eine Zeile im Kopfbereich ist falsch eingerückt oder hat nach einem Text in "
                        + "Anführungszeichen noch weitere Zeichen.",
                    "Beginnen Sie jede Angabe ganz links, ohne Leerzeichen davor. Steht ein Wert in "
                        + "Anführungszeichen, muss er mit dem Anführungszeichen enden.")
        }
        if problem.contains("nesting level") {
            return ("Im Kopfbereich stehen zu viele Klammern ineinander.",
                    "Listen und Angaben im Kopfbereich sind höchstens zwei Ebenen tief, z. B. "
                        + "tags: [Ehrenamt, Pflege]. Löschen Sie die überzähligen [ ] oder { }.")
        }
        if problem.contains("another document") {
            return ("Im Kopfbereich steht eine Zeile „...“ oder „---“ zu viel.",
                    "Der Kopfbereich endet mit der ersten Zeile „---“; löschen Sie die überzählige Zeile.")
        }
        return ("Der Kopfbereich ist an dieser Stelle nicht lesbar (\(problem)).",
                "Prüfen Sie die Form „schlüssel: wert“ und setzen Sie Werte mit Sonderzeichen in "
                    + "Anführungszeichen.")
    }

    /// The value of a `key: value: more` line, ready to be shown inside quotes.
    private static func suggestedQuoting(_ line: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return "…" }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let shown = value.replacing("\"", with: "\\\"")
        return shown.isEmpty ? "…" : shown
    }

    /// Yams reports where a duplicated key first stands; the editor wants the repeated line,
    /// which is the next line with the same key at the same indentation.
    private static func secondOccurrence(of key: String, firstAt first: Mark, in yaml: String) -> Int? {
        let indentation = String(repeating: " ", count: max(0, first.column - 1))
        var line = 1
        for text in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { line += 1 }
            guard line > first.line, text.hasPrefix(indentation) else { continue }
            let rest = text.dropFirst(indentation.count)
            for form in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(form) {
                if rest.dropFirst(form.count).drop(while: { $0 == " " }).hasPrefix(":") {
                    return line
                }
            }
        }
        return nil
    }

    private static func lineText(_ yaml: String, _ line: Int) -> String {
        var current = 1
        for text in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == line { return String(text) }
            current += 1
        }
        return ""
    }

    /// Yams reports reader errors as a Character offset; editors want line and column.
    private static func position(ofCharacterOffset offset: Int, in yaml: String) -> (Int, Int) {
        var line = 1, column = 1, index = 0
        for character in yaml {
            if index >= offset { break }
            if character == "\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
            index += 1
        }
        return (line, column)
    }
}
