import Support

extension String {
    /// `replacing(target, with:)`, but the text itself when its bytes do not contain `target`'s.
    ///
    /// The generic `replacing` walks the text character by character even when there is nothing
    /// to replace, which showed in profiles of 1,000 service entries. Skipping it is exact for the
    /// targets used here: they are single characters or ASCII words without canonical
    /// equivalents, so a character match always is a byte match, too.
    func replacingWhereWritten(_ target: String, with replacement: String) -> String {
        String.bytes(of: self, contain: target) ? replacing(target, with: replacement) : self
    }

    /// Whether `pattern`'s UTF-8 bytes occur in `text`'s (the empty pattern always does).
    static func bytes(of text: String, contain pattern: String) -> Bool {
        pattern.isEmpty || text.containsBytes(pattern)
    }
}
