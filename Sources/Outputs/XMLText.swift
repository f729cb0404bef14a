#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Support

/// Text that goes into feed XML. `Escape.xml` (Support) handles the five entities and the C0
/// control characters Word pastes; this adds what XML 1.0 also forbids (U+FFFE, U+FFFF) and CDATA
/// sections that survive a `]]>` in the content.
public enum XMLText {
    /// Escaped XML text or attribute value, safe for any input string.
    public static func escape(_ text: String) -> String {
        Escape.xml(clean(text))
    }

    /// Removes every character XML 1.0 does not allow (C0 controls except tab/newline/return,
    /// DEL, U+FFFE, U+FFFF). Leaves everything else untouched.
    public static func clean(_ text: String) -> String {
        var result = Escape.xmlCharacters(text)
        // U+FFFE/U+FFFF are EF BF BE / EF BF BF in UTF-8; only look closer when EF BF occurs at all.
        if result.containsByte(0xBF) {
            let scalars = result.unicodeScalars
            if scalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF }) {
                var kept = String.UnicodeScalarView()
                kept.append(contentsOf: scalars.filter { $0.value != 0xFFFE && $0.value != 0xFFFF })
                result = String(kept)
            }
        }
        return result
    }

    /// A CDATA section holding `text`. A `]]>` inside would end the section early, so it is split
    /// across two sections (`]]]]><![CDATA[>`), which every XML parser joins back together.
    public static func cdata(_ text: String) -> String {
        let cleaned = clean(text)
        // Byte search: what ends a CDATA section is the three bytes, whatever follows them.
        let body = cleaned.replacingBytes([("]]>", "]]]]><![CDATA[>")])
        return "<![CDATA[" + body + "]]>"
    }
}

extension String {
    /// Whether the UTF-8 bytes contain `byte`: on the contiguous storage (`memchr`), where
    /// `utf8.contains` steps through view indices one by one over a whole post body.
    func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }
}
