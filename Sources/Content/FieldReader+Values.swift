import Foundation
import Support
import Yams

/// The typed readers: each converts the scalar text itself (see `FieldReader` for the rules) and
/// records a diagnostic instead of guessing.
extension FieldReader {
    /// Text as written; `nil` when absent or without value.
    mutating func string(_ name: String) -> String? {
        guard let value = node(name) else { return nil }
        guard case .scalar(let scalar) = value else {
            wrongType(name, value, expected: "ein einzelner Text",
                      hint: "Schreiben Sie den Text direkt hinter den Doppelpunkt, in Anführungszeichen, "
                          + "wenn er Zeichen wie [ ] { } : oder # enthält.")
            return nil
        }
        if strictJSON && scalar.style == .plain {
            wrongType(name, value, expected: "ein Text in Anführungszeichen",
                      hint: "Setzen Sie den Wert in Anführungszeichen: \"\(scalar.string)\".")
            return nil
        }
        return scalar.string
    }

    /// Text with its position (for values that later checks point at).
    mutating func locatedString(_ name: String) -> LocatedText? {
        guard let text = string(name) else { return nil }
        return LocatedText(text: text, location: location(ofValue: name))
    }

    mutating func bool(_ name: String) -> Bool? {
        guard let value = node(name) else { return nil }
        guard case .scalar(let scalar) = value else {
            wrongType(name, value, expected: "true oder false", hint: "Schreiben Sie \(example(name, "true")) oder \(example(name, "false")).")
            return nil
        }
        let word = scalar.string.trimmingWhitespaces.lowercased()
        let guess: String?
        switch word {
        case "true", "yes", "y", "on", "ja", "j", "wahr", "1": guess = "true"
        case "false", "no", "n", "off", "nein", "falsch", "0": guess = "false"
        default: guess = nil
        }
        let spelled = guess.map { example(name, $0) } ?? "\(example(name, "true")) oder \(example(name, "false"))"
        if strictJSON && scalar.style != .plain {
            wrongType(name, value, expected: "true oder false ohne Anführungszeichen",
                      hint: "Schreiben Sie \(spelled).")
            return nil
        }
        if word == "true" { return true }
        if word == "false" { return false }
        diagnostics.append(.error("invalid-bool", at: document.location(of: value),
                                  "„\(keyPrefix)\(name)“ muss true oder false sein, nicht „\(scalar.string)“.",
                                  hint: "Schreiben Sie \(spelled). Wörter wie yes/no, ja/nein oder on/off sind "
                                      + "mehrdeutig und werden nicht angenommen."))
        return nil
    }

    /// A decimal whole number in `range`.
    mutating func int(_ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = node(name) else { return nil }
        let sample = example(name, String(range.lowerBound))
        guard case .scalar(let scalar) = value else {
            wrongType(name, value, expected: "eine ganze Zahl", hint: "Schreiben Sie z. B. \(sample).")
            return nil
        }
        let text = scalar.string.trimmingWhitespaces
        let digitsOnly = !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        guard digitsOnly, let number = Int(text) else {
            diagnostics.append(.error("wrong-type", at: document.location(of: value),
                                      "„\(keyPrefix)\(name)“ muss eine ganze Zahl sein, nicht „\(scalar.string)“.",
                                      hint: "Schreiben Sie nur Ziffern, z. B. \(sample)."))
            return nil
        }
        if strictJSON && scalar.style != .plain {
            wrongType(name, value, expected: "eine Zahl ohne Anführungszeichen",
                      hint: "Schreiben Sie \(example(name, text)).")
            return nil
        }
        guard range.contains(number) else {
            diagnostics.append(.error("invalid-value", at: document.location(of: value),
                                      "„\(keyPrefix)\(name)“ muss zwischen \(range.lowerBound) und \(range.upperBound) liegen, nicht bei \(number).",
                                      hint: "Wählen Sie eine Zahl von \(range.lowerBound) bis \(range.upperBound)."))
            return nil
        }
        return number
    }

    /// A date as `BerlinTime.parse` reads it; warns about wall-clock times that the change to or
    /// from summer time skips or repeats.
    mutating func date(_ name: String) -> Date? {
        guard let text = string(name) else { return nil }
        let location = location(ofValue: name)
        switch FrontMatterDate.interpret(text) {
        case .invalid(let hint):
            diagnostics.append(.error("invalid-date", at: location,
                                      "„\(text)“ ist kein gültiges Datum für „\(keyPrefix)\(name)“.", hint: hint))
            return nil
        case .valid(let date, let note):
            if let note {
                diagnostics.append(.warning(note.code, at: location, note.message, hint: note.hint))
            }
            return date
        }
    }

    /// A list of texts, each with its position. A single text where a list belongs is an error
    /// (a hint shows the list form), since `tags: Ehrenamt, Pflege` would otherwise be one tag.
    mutating func list(_ name: String) -> [LocatedText]? {
        guard let value = node(name) else { return nil }
        switch value {
        case .sequence(let sequence):
            var items: [LocatedText] = []
            for item in sequence {
                guard case .scalar(let scalar) = item, !FieldReader.isNull(item, strictJSON: strictJSON) else {
                    let what = FieldReader.isNull(item, strictJSON: strictJSON) ? "ein leerer Eintrag" : FieldReader.kind(of: item)
                    diagnostics.append(.error("wrong-type", at: document.location(of: item),
                                              "In der Liste „\(keyPrefix)\(name)“ steht \(what) statt eines Textes.",
                                              hint: "Jeder Eintrag ist ein einfacher Text, z. B. „- Ehrenamt“."))
                    continue
                }
                items.append(LocatedText(text: scalar.string, location: document.location(of: item)))
            }
            return items
        case .scalar(let scalar):
            let parts = scalar.string.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            let example = parts.isEmpty ? "…" : parts.joined(separator: ", ")
            diagnostics.append(.error("wrong-type", at: document.location(of: value),
                                      "„\(keyPrefix)\(name)“ muss eine Liste sein, hier steht aber ein einzelner Text.",
                                      hint: "Schreiben Sie die Einträge in eckige Klammern: „\(keyPrefix)\(name): [\(example)]“ "
                                          + "oder jeden Eintrag in eine eigene Zeile mit „- “."))
            return nil
        default:
            wrongType(name, value, expected: "eine Liste", hint: "Schreiben Sie „\(keyPrefix)\(name): [erster, zweiter]“.")
            return nil
        }
    }

    /// A sequence of arbitrary nodes (e.g. menu entries).
    mutating func sequence(_ name: String) -> [YAMLNode]? {
        guard let value = node(name) else { return nil }
        guard case .sequence(let sequence) = value else {
            wrongType(name, value, expected: "eine Liste", hint: "Schreiben Sie die Einträge in eckige Klammern [ ].")
            return nil
        }
        return sequence.nodes
    }

    /// A nested mapping read by its own reader; its diagnostics must be merged back by the caller.
    func nested(_ name: String, expectation: String) -> FieldReader? {
        guard contains(name) else { return nil }
        return FieldReader(node(name), document: document, keyPrefix: keyPrefix + name + ".",
                           strictJSON: strictJSON, origin: location(ofKey: name), name: name, expectation: expectation)
    }
}
