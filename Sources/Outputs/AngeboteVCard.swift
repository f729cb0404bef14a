import Content
import Support

/// `/angebote/<slug>/kontakt.vcf`: the entry's contact as a vCard 3.0 (RFC 2426), which phones and
/// mail programs import. Text values are escaped (`\\ \, \; \n`), lines folded at 75 octets
/// without splitting a UTF-8 character, lines end with CRLF.
enum AngeboteVCard {
    static func card(_ entry: ServiceEntry, config: SiteConfig) -> String {
        var lines: [String] = ["BEGIN:VCARD", "VERSION:3.0", "PRODID:-//\(config.host)//sozialsite//DE"]
        lines.append("N:" + escape(entry.name) + ";;;;")
        lines.append("FN:" + escape(entry.name))
        lines.append("ORG:" + escape(entry.provider) + ";" + escape(entry.name))
        lines.append("X-ABShowAs:COMPANY")
        if let role = entry.contact.role { lines.append("ROLE:" + escape(role)) }
        if let address = entry.address {
            // Post office box; extended address (Ortsteil); street; locality; region; postal code; country.
            let components = ["", address.district.map { "OT \($0)" } ?? "", address.street, address.city, "Sachsen",
                              address.postalCode, "Deutschland"]
            lines.append("ADR;TYPE=WORK:" + components.map(escape).joined(separator: ";"))
        }
        if let phone = entry.contact.phone { lines.append("TEL;TYPE=WORK,VOICE:" + phone.normalized) }
        if let hotline = entry.contact.hotline { lines.append("TEL;TYPE=WORK,VOICE,MSG:" + hotline.normalized) }
        if let email = entry.contact.email { lines.append("EMAIL;TYPE=INTERNET,WORK:" + email) }
        if let website = entry.contact.website { lines.append("URL:" + website) }
        if let coordinates = entry.coordinates {
            lines.append("GEO:\(coordinates.latitudeText);\(coordinates.longitudeText)")
        }
        var note: [String] = []
        if entry.isExample { note.append("Beispieleintrag: Dieses Angebot ist erfunden.") }
        if let subtitle = entry.subtitle { note.append(subtitle) }
        if !entry.openingHours.isEmpty { note.append("Öffnungszeiten: " + OpeningHours.summary(entry.openingHours)) }
        if let hint = entry.openingHoursNote { note.append(hint) }
        if let hint = entry.contact.note { note.append(hint) }
        note.append("Stand der Angaben: " + GermanFormat.longDate(entry.checked))
        note.append("Mehr: " + config.absoluteURL(entry.url))
        lines.append("NOTE:" + escape(note.joined(separator: "\n")))
        lines.append("SOURCE:" + config.absoluteURL(entry.vCardURL))
        lines.append("REV:" + GermanFormat.isoDay(entry.checked))
        lines.append("END:VCARD")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Escapes a text value: backslash, comma, semicolon and line breaks.
    static func escape(_ text: String) -> String {
        // On bytes: everything it changes is ASCII, and the bytes of other scalars are all ≥ 0x80.
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            func changes(_ byte: UInt8) -> Bool {
                byte == 0x5C || byte == 0x2C || byte == 0x3B || byte < 0x20 || byte == 0x7F
            }
            guard let first = bytes.firstIndex(where: changes) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            var previousWasCR = false
            for byte in UnsafeBufferPointer(rebasing: bytes[first...]) {
                switch byte {
                case 0x5C: out.append(0x5C); out.append(0x5C)          // \\
                case 0x2C: out.append(0x5C); out.append(0x2C)          // \,
                case 0x3B: out.append(0x5C); out.append(0x3B)          // \;
                case 0x0D: out.append(0x5C); out.append(0x6E)          // \n
                case 0x0A: if !previousWasCR { out.append(0x5C); out.append(0x6E) }
                case 0x00..<0x20, 0x7F: break  // other control characters have no place in a vCard line
                default: out.append(byte)
                }
                previousWasCR = byte == 0x0D
            }
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// Folds a content line into pieces of at most 75 octets; continuation lines start with a space.
    static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line }
        var pieces: [String] = []
        var start = 0
        var limit = 75
        while start < bytes.count {
            var end = min(start + limit, bytes.count)
            // Never cut inside a UTF-8 sequence: step back over continuation bytes (10xxxxxx).
            while end < bytes.count && end > start && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            pieces.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end
            limit = 74
        }
        return pieces.joined(separator: "\r\n ")
    }
}
