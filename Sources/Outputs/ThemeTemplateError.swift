import Mustache
import Support

/// Turns swift-mustache parser errors into diagnostics a student can act on.
enum ThemeTemplateError {
    static func diagnostic(for error: MustacheTemplate.ParserError, file: String) -> Diagnostic {
        let location = SourceLocation(file: file, line: error.context.lineNumber, column: error.context.columnNumber)
        let (message, hint) = explanation(of: error.error)
        return .error("theme-template-syntax", at: location, message, hint: hint)
    }

    static func explanation(of error: Error) -> (String, String) {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect:
            return ("Ein Abschnitt wird mit einem anderen Namen geschlossen, als er geöffnet wurde.",
                    "Zu {{#name}} gehört {{/name}} mit demselben Namen.")
        case MustacheTemplate.Error.unfinishedName:
            return ("Ein Platzhalter ist nicht richtig geschlossen.",
                    "Jeder Platzhalter braucht „}}“ am Ende, z. B. {{titel}}.")
        case MustacheTemplate.Error.expectedSectionEnd:
            return ("Ein Abschnitt wird geöffnet, aber bis zum Ende der Datei nicht geschlossen.",
                    "Suchen Sie das {{#name}} oder {{^name}} ohne passendes {{/name}}; die Stelle hier ist das Dateiende.")
        case MustacheTemplate.Error.invalidSetDelimiter:
            return ("Die Angabe neuer Trennzeichen ({{=… …=}}) ist ungültig.",
                    "Schreiben Sie z. B. {{=<% %>=}} oder entfernen Sie die Angabe.")
        case MustacheTemplate.Error.transformAppliedToInheritanceSection,
             MustacheTemplate.Error.illegalTokenInsideInheritSection,
             MustacheTemplate.Error.textInsideInheritSection:
            return ("Innerhalb von {{<vorlage}} … {{/vorlage}} sind nur Blöcke {{$name}} … {{/name}} erlaubt.",
                    "Setzen Sie Text und Platzhalter in einen Block, z. B. {{$content}} … {{/content}}.")
        case MustacheTemplate.Error.invalidConfigVariableSyntax,
             MustacheTemplate.Error.unrecognisedConfigVariable:
            return ("Die Einstellung {{% … }} ist unbekannt oder falsch geschrieben.",
                    "Erlaubt ist z. B. {{% CONTENT_TYPE: TEXT}}; sonst entfernen Sie die Zeile.")
        default:
            // The parser reports "overflow" when the file ends inside a tag.
            return ("Die Vorlage endet mitten in einem Platzhalter.",
                    "Prüfen Sie, ob ein „{{“ ohne passendes „}}“ geblieben ist.")
        }
    }

    /// `{{> name}}` and `{{< name}}` references with their position, for the "missing partial" check.
    /// Only looks for these two tag kinds; parsing proper is swift-mustache's job.
    static func partialReferences(in text: String) -> [(name: String, line: Int, column: Int)] {
        let bytes = Array(text.utf8)
        var result: [(String, Int, Int)] = []
        var line = 1, lineStart = 0, i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A { line += 1; lineStart = i + 1; i += 1; continue }
            if byte == 0x7B, i + 2 < bytes.count, bytes[i + 1] == 0x7B, bytes[i + 2] == 0x3E || bytes[i + 2] == 0x3C {
                var j = i + 3
                while j < bytes.count, bytes[j] == 0x20 { j += 1 }
                let start = j
                while j < bytes.count, bytes[j] != 0x7D, bytes[j] != 0x20, bytes[j] != 0x0A { j += 1 }
                // `{{>*name}}` is a dynamic partial: its name comes from the context.
                if j > start, bytes[start] != 0x2A {
                    let column = String(decoding: bytes[lineStart..<i], as: UTF8.self).count + 1
                    result.append((String(decoding: bytes[start..<j], as: UTF8.self), line, column))
                }
                i = j
                continue
            }
            i += 1
        }
        return result
    }
}
