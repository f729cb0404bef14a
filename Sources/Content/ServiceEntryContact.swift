import Support

/// A telephone number as written („03731 799-0“) and in international form (`+4937317990`).
public struct PhoneNumber: Sendable, Hashable {
    /// As the editor wrote it, trimmed: shown on pages.
    public var written: String
    /// E.164 (`+4937317990`); for national short numbers (116 111, 115) the digits alone.
    public var normalized: String

    public init(written: String, normalized: String) {
        self.written = written
        self.normalized = normalized
    }

    /// `tel:+4937317990`.
    public var href: String { "tel:" + normalized }

    /// Whether the number lies in the ranges the Bundesnetzagentur keeps free for films, books and
    /// teaching material („Drama Numbers“, Amtsblatt 7/2021, Mitteilung 148/2021): no one can ever
    /// be called there, so example entries must use them.
    public var isFictional: Bool {
        ["+493023125", "+496990009", "+494066969", "+492214710", "+498999998"].contains { prefix in
            normalized.hasPrefix(prefix) && normalized.utf8.count == prefix.utf8.count + 3
        }
    }
}

/// Checks of phone numbers, e-mail addresses and web addresses; each returns the German reason
/// when the value is unusable, so the decoder can report it at the value's position.
public enum ContactRules {
    public enum PhoneProblem: Error, Equatable {
        case invalidCharacter(Character)
        case plusNotAtStart
        case missingAreaCode
        case tooShort
        case tooLong
        case leadingZeroAfterCountryCode
    }

    /// German forms: `03731 799-0`, `(03731) 7990`, `03731/799-0`, `+49 3731 7990`, `+49 (0)3731 7990`,
    /// `0049 3731 7990`; other countries with `+` (`+420 …`); national short numbers `115`, `116 111`.
    public static func phone(_ raw: String) -> Result<PhoneNumber, PhoneProblem> {
        let written = raw.trimmingSpaces
        var text = written
        // „+49 (0)3731“: the (0) is dialled only from within Germany.
        text = text.replacingWhereWritten("(0)", with: "")
        var digits = ""
        var sawPlus = false
        for character in text {
            switch character {
            case "0"..."9": digits.append(character)
            case " ", "-", "/", "(", ")", ".", "\u{00A0}", "\u{2009}", "\u{202F}", "–": continue
            case "+":
                guard digits.isEmpty, !sawPlus else { return .failure(.plusNotAtStart) }
                sawPlus = true
            default:
                return .failure(.invalidCharacter(character))
            }
        }
        if !sawPlus, digits == "115" || (digits.utf8.count == 6 && digits.hasPrefix("116")) {
            return .success(PhoneNumber(written: written, normalized: digits))
        }
        var international: String
        if sawPlus {
            international = digits
        } else if digits.hasPrefix("00") {
            international = String(digits.dropFirst(2))
        } else if digits.hasPrefix("0") {
            international = "49" + digits.dropFirst()
        } else {
            return .failure(digits.utf8.count < 3 ? .tooShort : .missingAreaCode)
        }
        if international.hasPrefix("490") { return .failure(.leadingZeroAfterCountryCode) }
        let count = international.utf8.count
        if international.hasPrefix("49") {
            // National significant numbers have 6 (small towns) to 13 digits (with extension).
            if count < 2 + 6 { return .failure(.tooShort) }
            if count > 15 { return .failure(.tooLong) }
        } else {
            if count < 8 { return .failure(.tooShort) }
            if count > 15 { return .failure(.tooLong) }
        }
        international = "+" + international
        return .success(PhoneNumber(written: written, normalized: international))
    }

    /// German message for a phone problem („… enthält den Buchstaben „O““).
    public static func message(for problem: PhoneProblem, written: String) -> String {
        switch problem {
        case .invalidCharacter(let character):
            return character.isLetter
                ? "Die Telefonnummer „\(written)“ enthält den Buchstaben „\(character)“."
                : "Die Telefonnummer „\(written)“ enthält das Zeichen „\(character)“."
        case .plusNotAtStart: return "In der Telefonnummer „\(written)“ steht ein „+“ nicht am Anfang."
        case .missingAreaCode: return "Der Telefonnummer „\(written)“ fehlt die Vorwahl."
        case .tooShort: return "Die Telefonnummer „\(written)“ ist zu kurz."
        case .tooLong: return "Die Telefonnummer „\(written)“ ist zu lang."
        case .leadingZeroAfterCountryCode:
            return "In „\(written)“ steht nach +49 noch die 0 der Vorwahl."
        }
    }

    public static let phoneExamples = "Schreiben Sie z. B. „03731 799-0“ oder „+49 3731 7990“ (Ziffern, Leerzeichen, "
        + "„-“ und „/“; ein „+“ nur vorn)."

    /// `beratung@example.org`: one `@`, a local part of letters, digits and `. _ % + -`, a domain
    /// with at least one dot and a top-level domain of letters. Returns the German reason or nil.
    public static func emailProblem(_ raw: String) -> String? {
        let text = raw.trimmingSpaces
        if text.lowercased().hasPrefix("mailto:") { return "beginnt mit „mailto:“" }
        if text.contains(where: { $0 == " " || $0 == "\t" }) { return "enthält ein Leerzeichen" }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return parts.count < 2 ? "enthält kein „@“" : "enthält mehr als ein „@“" }
        let local = parts[0], domain = parts[1]
        guard !local.isEmpty else { return "hat vor dem „@“ keinen Namen" }
        let localOK = local.unicodeScalars.allSatisfy { $0.isASCII && (isAlnum($0) || "._%+-".unicodeScalars.contains($0)) }
        guard localOK, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            return "enthält vor dem „@“ ein Zeichen, das in E-Mail-Adressen nicht vorkommt"
        }
        return hostProblem(String(domain))
    }

    /// An absolute `https://` (or `http://`) address with a host name and no spaces.
    public static func urlProblem(_ raw: String) -> String? {
        let text = raw.trimmingSpaces
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            return lower.hasPrefix("www.") || (lower.contains(".") && !lower.contains(":"))
                ? "beginnt nicht mit „https://“" : "ist keine Webadresse mit „https://“"
        }
        if text.contains(where: { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "<" || $0 == ">" }) {
            return "enthält ein Leerzeichen oder ein Zeichen wie \" < >"
        }
        let rest = text.drop(while: { $0 != ":" }).dropFirst(3)
        let hostAndPort = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = hostAndPort.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if host.contains("@") { return "enthält Zugangsdaten („…@“) vor dem Servernamen" }
        return hostProblem(host)
    }

    /// Host name rules shared by e-mail and web addresses.
    static func hostProblem(_ host: String) -> String? {
        guard !host.isEmpty else { return "nennt keinen Servernamen (Domain)" }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "hat keine Endung wie „.de“" }
        for label in labels {
            guard !label.isEmpty else { return "enthält zwei Punkte hintereinander oder einen Punkt am Rand" }
            guard label.unicodeScalars.allSatisfy({ $0.isASCII && (isAlnum($0) || $0 == "-") }) else {
                return "enthält im Servernamen ein Zeichen, das dort nicht stehen darf (Umlaute bitte in der "
                    + "Form „xn--…“ schreiben)"
            }
            guard !label.hasPrefix("-"), !label.hasSuffix("-") else { return "hat im Servernamen einen Bindestrich am Rand" }
        }
        let tld = labels.last!
        guard tld.utf8.count >= 2, tld.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else {
            return "hat keine gültige Endung wie „.de“"
        }
        return nil
    }

    /// Domains RFC 2606 and RFC 6761 keep free for examples: `example.org/.com/.net` and the
    /// top-level domains `.example`, `.test`, `.invalid`.
    public static func isReservedDomain(_ host: String) -> Bool {
        let lower = host.lowercased()
        for domain in ["example.org", "example.com", "example.net"] where lower == domain || lower.hasSuffix("." + domain) {
            return true
        }
        return lower.hasSuffix(".example") || lower.hasSuffix(".test") || lower.hasSuffix(".invalid")
    }

    /// The host of an e-mail address or web address (lower case), for `isReservedDomain`.
    public static func host(ofEmail email: String) -> String {
        email.split(separator: "@").last.map { String($0).lowercased() } ?? ""
    }

    public static func host(ofURL url: String) -> String {
        let rest = url.drop(while: { $0 != ":" }).dropFirst(3)
        return String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }).lowercased()
    }

    private static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9")
    }
}
