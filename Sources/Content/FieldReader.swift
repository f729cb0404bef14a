import Foundation
import Support
import Yams

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
    /// Keys in file order: their names, positions and value nodes, in three arrays of the same
    /// length. The key's mark, not its node: each copy of a node costs retains, and only its
    /// position is ever needed. Three arrays, not one of tuples: reading one part of a tuple
    /// element copied the whole tuple. The names are searched linearly: over ten short names that
    /// costs less than hashing every key into a dictionary, which each of 10,000 front matters paid for.
    private(set) var names: [String] = []
    private var keyMarks: [Mark?] = []
    private var values: [YAMLNode] = []
    /// Key → index, only for big mappings (service entries have twenty keys and ask for each
    /// several times), where the linear search would cost more than the hashing.
    private var index: [String: Int]? = nil
    private static let linearSearchLimit = 12
    var diagnostics: [Diagnostic] = []

    /// `node` must be a mapping; anything else is reported once and read as empty.
    /// `name` is the key holding this mapping (nil for the root); `expectation` says in German
    /// what belongs there ("ein Objekt mit „items“").
    init(_ node: YAMLNode?, document: YAMLDocument, keyPrefix: String = "", strictJSON: Bool = false,
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
        names.reserveCapacity(mapping.count)
        keyMarks.reserveCapacity(mapping.count)
        // Nearly always every key is a text: then the values are the mapping's own array (no copy).
        var allText = true
        for i in mapping.indices {
            guard case .scalar(let scalar) = mapping.keys[i] else {
                let key = mapping.keys[i]
                diagnostics.append(.error("wrong-type", at: document.location(of: key),
                                          "Hier steht \(FieldReader.kind(of: key)) an der Stelle eines Namens.",
                                          hint: "Angaben haben die Form „schlüssel: wert“; der Schlüssel ist ein einfaches Wort."))
                allText = false
                continue
            }
            names.append(scalar.string)
            keyMarks.append(scalar.mark)
        }
        if allText {
            values = mapping.values
        } else {
            values = mapping.indices.compactMap { i in
                if case .scalar = mapping.keys[i] { return mapping.values[i] }
                return nil
            }
        }
        if names.count > FieldReader.linearSearchLimit {
            var index: [String: Int] = [:]
            index.reserveCapacity(names.count)
            for i in names.indices { index[names[i]] = i }
            self.index = index
        }
    }

    // MARK: keys

    /// File positions of all keys and their scalar values (one for a text, one per list item),
    /// for later diagnostics (`SourceFile`). One pass without intermediate arrays or dictionaries:
    /// every content file pays for it.
    var positions: FrontMatterPositions {
        var positions = FrontMatterPositions(keyCapacity: names.count)
        for i in names.indices {
            let name = names[i]
            let keyLocation = document.location(of: keyMarks[i])
            switch values[i] {
            case .scalar(let scalar):
                positions.append(name: name, location: keyLocation,
                                 value: LocatedText(text: scalar.string, location: document.location(of: scalar.mark)))
            case .sequence(let sequence):
                positions.appendKey(name: name, location: keyLocation)
                for node in sequence {
                    if case .scalar(let scalar) = node {
                        positions.appendValue(LocatedText(text: scalar.string, location: document.location(of: scalar.mark)))
                    }
                }
            default:
                positions.appendKey(name: name, location: keyLocation)
            }
        }
        return positions
    }

    /// Keys in file order with their positions and value nodes.
    var entries: [(name: String, keyMark: Mark?, value: YAMLNode)] {
        names.indices.map { (names[$0], keyMarks[$0], values[$0]) }
    }

    /// Index of a key in `names`; the last one wins, as in the dictionary this replaced.
    private func index(_ name: String) -> Int? {
        if let index { return index[name] }
        return names.lastIndex(of: name)
    }

    func location(ofKey name: String) -> SourceLocation {
        index(name).map { document.location(of: keyMarks[$0]) } ?? origin
    }

    func location(ofValue name: String) -> SourceLocation {
        index(name).map { document.location(of: values[$0]) } ?? origin
    }

    /// The value node, `nil` when the key is absent or has no value.
    func node(_ name: String) -> YAMLNode? {
        guard let i = index(name) else { return nil }
        let value = values[i]
        return FieldReader.isNull(value, strictJSON: strictJSON) ? nil : value
    }

    func contains(_ name: String) -> Bool { index(name) != nil }

    /// Every key not in `allowed` is an error; `synonyms` names the right key for words editors
    /// know from Hugo, Jekyll or WordPress (`categories` → `handlungsfelder`).
    mutating func rejectUnknownKeys(allowed: [String], synonyms: [String: String] = [:],
                                    code: String = "unknown-key", place: String = "im Kopfbereich") {
        // A linear search for a dozen short names: a set made anew for every post cost more than
        // it saved. Long lists (service entries) keep the set.
        let known: Set<String>? = allowed.count > 20 ? Set(allowed) : nil
        for i in names.indices where !(known?.contains(names[i]) ?? allowed.contains(names[i])) {
            let entry = (name: names[i], keyMark: keyMarks[i])
            let hint: String
            if let replacement = synonyms[entry.name] ?? synonyms[entry.name.lowercased()] {
                hint = "Verwenden Sie „\(keyPrefix)\(replacement)“."
            } else if let guess = Suggestion.closest(to: entry.name, in: allowed)
                        ?? FieldReader.sameLetters(entry.name, in: allowed) {
                hint = "Meinten Sie „\(keyPrefix)\(guess)“?"
            } else {
                hint = "Erlaubt sind: " + allowed.map { "\(keyPrefix)\($0)" }.joined(separator: ", ") + "."
            }
            diagnostics.append(.error(code, at: document.location(of: entry.keyMark),
                                      "Die Angabe „\(keyPrefix)\(entry.name)“ ist \(place) nicht bekannt.",
                                      hint: hint))
        }
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

    mutating func wrongType(_ name: String, _ value: YAMLNode, expected: String, hint: String) {
        diagnostics.append(.error("wrong-type", at: document.location(of: value),
                                  "„\(keyPrefix)\(name)“ muss \(expected) sein, hier steht aber \(FieldReader.kind(of: value, json: strictJSON)).",
                                  hint: hint))
    }

    /// Empty, `~` or `null` without quotes; in JSON only `null`.
    static func isNull(_ node: YAMLNode, strictJSON: Bool) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        if strictJSON { return scalar.string == "null" }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// German description of what a node is, for "hier steht aber …".
    static func kind(of node: YAMLNode, json: Bool = false) -> String {
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
