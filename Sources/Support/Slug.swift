/// German-friendly slugs: „Älterwerden in Döbeln“ → `aelterwerden-in-doebeln`.
public enum Slug {
    /// Transliterates German and common Latin letters, lower-cases, and joins words with `-`.
    /// `&` is dropped like WordPress does (`Armut & Notlagen` → `armut-notlagen`), so old URLs keep working.
    /// Only `a-z`, `0-9` and single `-` remain, so the result is safe in URLs and HTML ids.
    /// The longest slug: WordPress cuts post and term slugs at 200 bytes (`_truncate_post_slug`),
    /// so old addresses stay the same, and a folder name must stay below 255 bytes.
    public static let maximumLength = 200

    /// At most `maximumLength` bytes, without a dash at the end (as WordPress cuts them).
    public static func make(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let replacement = transliterate(scalar)
            for byte in replacement.utf8 {
                let lower = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
                let isAlnum = (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39)
                if isAlnum {
                    if pendingDash && !out.isEmpty { out.append(0x2D) }
                    pendingDash = false
                    out.append(lower)
                } else {
                    pendingDash = true
                }
            }
            if out.count >= maximumLength { break }
        }
        if out.count > maximumLength { out.removeSubrange(maximumLength...) }
        while out.last == 0x2D { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower-case with umlauts written out, for comparing words ("Älter" ~ "aelter").
    public static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                out.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else {
                for byte in transliterate(scalar).utf8 { out.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ASCII for one scalar: German umlauts as ae/oe/ue/ss, accents dropped, others unchanged.
    static func transliterate(_ s: Unicode.Scalar) -> String {
        if s.isASCII { return String(s) }
        switch s {
        case "ä": return "ae"
        case "ö": return "oe"
        case "ü": return "ue"
        case "Ä": return "Ae"
        case "Ö": return "Oe"
        case "Ü": return "Ue"
        case "ß", "ẞ": return "ss"
        case "à", "á", "â", "ã", "å", "ą": return "a"
        case "À", "Á", "Â", "Ã", "Å", "Ą": return "A"
        case "æ": return "ae"
        case "Æ": return "Ae"
        case "ç", "ć", "č": return "c"
        case "Ç", "Ć", "Č": return "C"
        case "è", "é", "ê", "ë", "ę", "ě": return "e"
        case "È", "É", "Ê", "Ë", "Ę", "Ě": return "E"
        case "ì", "í", "î", "ï": return "i"
        case "Ì", "Í", "Î", "Ï": return "I"
        case "ñ", "ń", "ň": return "n"
        case "Ñ", "Ń", "Ň": return "N"
        case "ò", "ó", "ô", "õ", "ø": return "o"
        case "Ò", "Ó", "Ô", "Õ", "Ø": return "O"
        case "œ": return "oe"
        case "Œ": return "Oe"
        case "ł": return "l"
        case "Ł": return "L"
        case "ř": return "r"
        case "Ř": return "R"
        case "ś", "š", "ş": return "s"
        case "Ś", "Š", "Ş": return "S"
        case "ù", "ú", "û", "ů": return "u"
        case "Ù", "Ú", "Û", "Ů": return "U"
        case "ý", "ÿ": return "y"
        case "Ý": return "Y"
        case "ź", "ż", "ž": return "z"
        case "Ź", "Ż", "Ž": return "Z"
        default: return " "
        }
    }
}
