import Support

/// One scalar value read from YAML, with where it stands.
public struct LocatedText: Sendable, Hashable {
    public var text: String
    public var location: SourceLocation
    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}
