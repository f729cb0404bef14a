import Foundation
import Support
import Yams

/// One scalar value read from YAML, with where it stands.
public struct LocatedText: Sendable, Hashable {
    public var text: String
    public var location: SourceLocation
    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// Reads the keys of one YAML mapping by the type each key expects and collects a diagnostic
/// for every key that is unknown, of the wrong type or unreadable.
///
/// Scalars are always taken as the text the editor wrote and converted here, never by YAML's
/// implicit typing. The rules (documented for editors in the diagnostics' hints):
/// - text: any scalar as written (`NO`, `017`, `12:30` stay text);
/// - empty, `~` or `null` without quotes: no value;
/// - bool: `true` or `false` (any case); `yes`/`no`/`on`/`off`/`ja`/`nein` are errors;
/// - whole number: decimal digits (`05` is 5, never octal);
/// - in JSON mode (`site-config.json`) text must be quoted and numbers and bools must not be.
struct FieldReader {
    let document: YAMLDocument
    /// Shown before key names in messages: "" for front matter, "markdown." for a nested config object.
    let keyPrefix: String
    let strictJSON: Bool
    /// Where the mapping starts; missing keys are reported here.
    let origin: SourceLocation
    /// Keys in file order with their nodes.
    private(set) var entries: [(name: String, key: Node, value: Node)] = []
    private var index: [String: Int] = [:]
    var diagnostics: [Diagnostic] = []

    /// `node` must be a mapping; anything else is reported once and read as empty.
    /// `name` is the key holding this mapping (nil for the root); `expectation` says in German
    /// what belongs there ("ein Objekt mit „items“").
    init(_ node: Node?, document: YAMLDocument, keyPrefix: String = "", strictJSON: Bool = false,
         origin: SourceLocation? = nil, name: String? = nil, expectation: String) {
        self.document = document
        self.keyPrefix = keyPrefix
        self.strictJSON = strictJSON
        self.origin = origin ?? node.map(document.location(of:)) ?? document.startLocation
        guard let node, !FieldReader.isNull(node, strictJSON: strictJSON) else { return }
        guard case .mapping(let mapping) = node else {
            let kind = FieldReader.kind(of: node, json: strictJSON)
            let message = name.map { _ in "„\(keyPrefix.dropLast())“ muss \(expectation) sein, hier steht aber \(kind)." }
                ?? "Hier wird \(expectation) erwartet, es steht aber \(kind) da."
            let hint = strictJSON
                ? "Schreiben Sie ein Objekt in geschweiften Klammern: { \"name\": wert, … }."
                : "Schreiben Sie jede Angabe in eine eigene Zeile in der Form „schlüssel: wert“."
            diagnostics.append(.error("wrong-type", at: document.location(of: node), message, hint: hint))
            return
        }
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                diagnostics.append(.error("wrong-type", at: document.location(of: key),
                                          "Hier steht \(FieldReader.kind(of: key)) an der Stelle eines Namens.",
                                          hint: "Angaben haben die Form „schlüssel: wert“; der Schlüssel ist ein einfaches Wort."))
                continue
            }
            index[scalar.string] = entries.count
            entries.append((scalar.string, key, value))
        }
    }

    // MARK: keys

    /// File positions of all keys, for later diagnostics (`SourceFile.keyLocations`).
    var keyLocations: [String: SourceLocation] {
        var locations: [String: SourceLocation] = [:]
        for entry in entries { locations[entry.name] = document.location(of: entry.key) }
        return locations
    }

    /// Scalar values of every key with their positions (`SourceFile.valueLocations`).
    var valueLocations: [String: [LocatedText]] {
        var locations: [String: [LocatedText]] = [:]
        for entry in entries {
            let scalars: [Node]
            switch entry.value {
            case .scalar: scalars = [entry.value]
            case .sequence(let sequence): scalars = sequence.filter { $0.scalar != nil }
            default: scalars = []
            }
            locations[entry.name] = scalars.compactMap { node in
                node.scalar.map { LocatedText(text: $0.string, location: document.location(of: node)) }
            }
        }
        return locations
    }

    func location(ofKey name: String) -> SourceLocation {
        index[name].map { document.location(of: entries[$0].key) } ?? origin
    }

    func location(ofValue name: String) -> SourceLocation {
        index[name].map { document.location(of: entries[$0].value) } ?? origin
    }

    /// The value node, `nil` when the key is absent or has no value.
    func node(_ name: String) -> Node? {
        guard let i = index[name] else { return nil }
        let value = entries[i].value
        return FieldReader.isNull(value, strictJSON: strictJSON) ? nil : value
    }

    func contains(_ name: String) -> Bool { index[name] != nil }

    /// Every key not in `allowed` is an error; `synonyms` names the right key for words editors
    /// know from Hugo, Jekyll or WordPress (`categories` → `handlungsfelder`).
    mutating func rejectUnknownKeys(allowed: [String], synonyms: [String: String] = [:],
                                    code: String = "unknown-key", place: String = "im Kopfbereich") {
        let known = Set(allowed)
        for entry in entries where !known.contains(entry.name) {
            let hint: String
            if let replacement = synonyms[entry.name] ?? synonyms[entry.name.lowercased()] {
                hint = "Verwenden Sie „\(keyPrefix)\(replacement)“."
            } else if let guess = Suggestion.closest(to: entry.name, in: allowed)
                        ?? FieldReader.sameLetters(entry.name, in: allowed) {
                hint = "Meinten Sie „\(keyPrefix)\(guess)“?"
            } else {
                hint = "Erlaubt sind: " + allowed.map { "\(keyPrefix)\($0)" }.joined(separator: ", ") + "."
            }
            diagnostics.append(.error(code, at: document.location(of: entry.key),
                                      "Die Angabe „\(keyPrefix)\(entry.name)“ ist \(place) nicht bekannt.",
                                      hint: hint))
        }
    }

    // MARK: typed values

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
        let word = scalar.string.trimmingCharacters(in: .whitespaces).lowercased()
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
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
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
    mutating func sequence(_ name: String) -> [Node]? {
        guard let value = node(name) else { return nil }
        guard case .sequence(let sequence) = value else {
            wrongType(name, value, expected: "eine Liste", hint: "Schreiben Sie die Einträge in eckige Klammern [ ].")
            return nil
        }
        return Array(sequence)
    }

    /// A nested mapping read by its own reader; its diagnostics must be merged back by the caller.
    func nested(_ name: String, expectation: String) -> FieldReader? {
        guard contains(name) else { return nil }
        return FieldReader(node(name), document: document, keyPrefix: keyPrefix + name + ".",
                           strictJSON: strictJSON, origin: location(ofKey: name), name: name, expectation: expectation)
    }

    // MARK: helpers

    /// How the editor writes `name: value` in this file: `„draft: false“` or `„"rawHTML": false“`.
    func example(_ name: String, _ value: String) -> String {
        strictJSON ? "„\"\(name)\": \(value)“" : "„\(keyPrefix)\(name): \(value)“"
    }

    /// A key with the same letters in another order (`emial` → `email`): two swapped letters count
    /// as two edits, too many for `Suggestion` on short words, yet they are the commonest typo.
    static func sameLetters(_ word: String, in candidates: [String]) -> String? {
        let letters = word.lowercased().sorted()
        return candidates.first { $0.lowercased().sorted() == letters }
    }

    private mutating func wrongType(_ name: String, _ value: Node, expected: String, hint: String) {
        diagnostics.append(.error("wrong-type", at: document.location(of: value),
                                  "„\(keyPrefix)\(name)“ muss \(expected) sein, hier steht aber \(FieldReader.kind(of: value, json: strictJSON)).",
                                  hint: hint))
    }

    /// Empty, `~` or `null` without quotes; in JSON only `null`.
    static func isNull(_ node: Node, strictJSON: Bool) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        if strictJSON { return scalar.string == "null" }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// German description of what a node is, for "hier steht aber …".
    static func kind(of node: Node, json: Bool = false) -> String {
        switch node {
        case .scalar(let scalar):
            return scalar.style == .plain || scalar.style == .singleQuoted || scalar.style == .doubleQuoted
                ? "„\(scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string)“"
                : "ein Text"
        case .sequence: return "eine Liste"
        case .mapping: return json ? "ein Objekt { … }" : "ein Block mit Unterangaben"
        case .alias: return "ein Verweis"
        }
    }
}
