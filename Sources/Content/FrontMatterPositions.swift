import Support

/// Where the front-matter keys of a file and their scalar values stand, kept for diagnostics found
/// after loading (`SourceFile.location(ofKey:)`, `location(ofValue:key:)`).
///
/// Stored flat, in file order, with a linear search: a front matter has about ten keys, and every
/// one of 10,000 posts paid for two dictionaries (hashing each key, one array per key) that hardly
/// any later check reads.
struct FrontMatterPositions: Sendable, Hashable {
    struct Key: Sendable, Hashable {
        var name: String
        /// Where the key stands; nil when only its values are known.
        var location: SourceLocation?
        /// Its values in `values`; nil when only the key's position is known.
        var values: Range<Int>?
    }

    private(set) var keys: [Key] = []
    /// The values of all keys, one after the other (one for a text, one per list item).
    private(set) var values: [LocatedText] = []

    init() {}

    /// From the dictionary form of `SourceFile` (names sorted, so equal dictionaries give equal positions).
    init(keyLocations: [String: SourceLocation], valueLocations: [String: [LocatedText]]) {
        for name in Set(keyLocations.keys).union(valueLocations.keys).sorted() {
            append(name: name, location: keyLocations[name], values: valueLocations[name])
        }
    }

    init(keyCapacity: Int) {
        keys.reserveCapacity(keyCapacity)
        values.reserveCapacity(keyCapacity)
    }

    /// Adds a key; `values` nil means the file has no value entry for it.
    mutating func append(name: String, location: SourceLocation?, values newValues: [LocatedText]?) {
        guard let newValues else {
            keys.append(Key(name: name, location: location, values: nil))
            return
        }
        let start = values.count
        values += newValues
        keys.append(Key(name: name, location: location, values: start..<values.count))
    }

    /// Adds a key with one value (a text), without a temporary array.
    mutating func append(name: String, location: SourceLocation, value: LocatedText) {
        values.append(value)
        keys.append(Key(name: name, location: location, values: (values.count - 1)..<values.count))
    }

    /// Adds a key and opens its (initially empty) list of values; `appendValue` adds to it.
    mutating func appendKey(name: String, location: SourceLocation) {
        keys.append(Key(name: name, location: location, values: values.count..<values.count))
    }

    /// Adds a value to the key added last by `appendKey`.
    mutating func appendValue(_ value: LocatedText) {
        values.append(value)
        let last = keys.count - 1
        keys[last].values = keys[last].values!.lowerBound..<values.count
    }

    private func key(_ name: String) -> Key? {
        // Keys are unique; the last one wins like in a dictionary, should that ever change.
        guard let index = keys.lastIndex(where: { $0.name == name }) else { return nil }
        return keys[index]
    }

    func location(ofKey name: String) -> SourceLocation? { key(name)?.location }

    /// The values of a key; nil when the file has no value entry for it.
    func values(of name: String) -> ArraySlice<LocatedText>? {
        key(name)?.values.map { values[$0] }
    }

    var keyLocations: [String: SourceLocation] {
        var result: [String: SourceLocation] = [:]
        for key in keys { if let location = key.location { result[key.name] = location } }
        return result
    }

    var valueLocations: [String: [LocatedText]] {
        var result: [String: [LocatedText]] = [:]
        for key in keys { if let range = key.values { result[key.name] = Array(values[range]) } }
        return result
    }
}
