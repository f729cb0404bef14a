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

    /// Whether `pattern`'s UTF-8 bytes occur in `text`'s.
    static func bytes(of text: String, contain pattern: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { haystack -> Bool in
            pattern.utf8.withContiguousStorageIfAvailable { needle -> Bool in
                guard let first = needle.first else { return true }
                guard needle.count <= haystack.count else { return false }
                var start = 0
                let last = haystack.count - needle.count
                while start <= last {
                    if haystack[start] == first {
                        var matched = 1
                        while matched < needle.count && haystack[start + matched] == needle[matched] { matched += 1 }
                        if matched == needle.count { return true }
                    }
                    start += 1
                }
                return false
            } ?? true
        }
        // Not contiguous (a bridged string): let `replacing` decide.
        return found ?? true
    }
}
