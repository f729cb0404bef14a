import Content
import Support

/// `/angebote/angebote.csv`: one row per entry, as German spreadsheets open it: UTF-8 with byte
/// order mark, `;` between cells, decimal comma, CRLF line ends, cells quoted when needed
/// (RFC 4180). Column names are the front-matter keys (see docs/angebote.md).
enum AngeboteCSV {
    static let columns = [
        "slug", "name", "untertitel", "traeger", "kategorie", "kategorie_name", "bereich", "handlungsfelder",
        "zielgruppen", "strasse", "plz", "ort", "ortsteil", "gemeinde_ags", "gemeinde", "sozialregion",
        "sozialregion_name", "lat", "lon", "telefon", "telefon_international", "hotline", "email", "website", "rolle",
        "oeffnungszeiten", "oeffnungszeiten_hinweis", "termin_noetig", "kosten", "sprachen", "barrierefreiheit",
        "online_angebot", "einzugsgebiet", "stichworte", "stand", "beispiel", "url",
    ]

    static func file(entries: [ServiceEntry], config: SiteConfig) -> String {
        var lines = [columns.map(cell).joined(separator: ";")]
        for entry in entries {
            let yesNo: (Bool?) -> String = { $0.map { $0 ? "ja" : "nein" } ?? "" }
            let row: [String] = [
                entry.slug, entry.name, entry.subtitle ?? "", entry.provider, entry.category,
                ServiceVocabulary.label(entry.category, in: ServiceVocabulary.categories), entry.sector,
                entry.handlungsfelder.joined(separator: ", "), entry.targetGroups.joined(separator: ", "),
                entry.address?.street ?? "", entry.address?.postalCode ?? "", entry.address?.city ?? "",
                entry.address?.district ?? "", entry.gemeinde.ags, entry.gemeinde.name, String(entry.gemeinde.sozialregion),
                entry.gemeinde.sozialregionName,
                entry.coordinates.map { decimalComma($0.latitudeText) } ?? "",
                entry.coordinates.map { decimalComma($0.longitudeText) } ?? "",
                entry.contact.phone?.written ?? "", entry.contact.phone?.normalized ?? "",
                entry.contact.hotline?.written ?? "", entry.contact.email ?? "", entry.contact.website ?? "",
                entry.contact.role ?? "", OpeningHours.summary(entry.openingHours), entry.openingHoursNote ?? "",
                yesNo(entry.appointmentNeeded), entry.costs ?? "", entry.languages.joined(separator: ", "),
                entry.accessibility.joined(separator: ", "), yesNo(entry.online), entry.catchmentArea ?? "",
                entry.keywords.joined(separator: ", "), GermanFormat.isoDay(entry.checked), yesNo(entry.isExample),
                config.absoluteURL(entry.url),
            ]
            lines.append(row.map(cell).joined(separator: ";"))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    static func decimalComma(_ text: String) -> String { text.replacing(".", with: ",") }

    /// Quoted when it holds `;`, `"`, a line break or spaces at the edge. A cell that a spreadsheet
    /// would run as a formula (`=`, `@`, or `+`/`-` not followed by digits only) gets a leading `'`.
    ///
    /// Works on the UTF-8 bytes when every scalar is its own character (all below U+0300, where
    /// combining marks start, and no CR, which joins a following LF); other text takes `cellReference`.
    static func cell(_ value: String) -> String {
        let bytes = value.utf8
        guard bytes.allSatisfy({ $0 < 0xCC && $0 != 0x0D }) else { return cellReference(value) }
        guard let first = bytes.first, let last = bytes.last else { return value }
        var quotes = 0
        var special = false
        var restIsDigits = true
        for (offset, byte) in bytes.enumerated() {
            if byte == 0x22 { quotes += 1; special = true } else if byte == 0x3B || byte == 0x0A { special = true }
            if offset > 0 && (byte < 0x30 || byte > 0x39) { restIsDigits = false }
        }
        let isNumber = bytes.count > 1 && restIsDigits
        // `=`, `@`, tab; `+`/`-` unless digits follow. (CR never reaches this path.)
        let formula = first == 0x3D || first == 0x40 || first == 0x09 || ((first == 0x2B || first == 0x2D) && !isNumber)
        // A formula cell starts with `'` afterwards, but it never started with a space either.
        let needsQuotes = special || first == 0x20 || last == 0x20
        guard needsQuotes || formula else { return value }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + quotes + 3)
        if needsQuotes { out.append(0x22) }
        if formula { out.append(0x27) }
        for byte in bytes {
            out.append(byte)
            if byte == 0x22 && needsQuotes { out.append(0x22) }
        }
        if needsQuotes { out.append(0x22) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first, character-based form of `cell`: the fallback for rare text, and what tests compare with.
    static func cellReference(_ value: String) -> String {
        var text = value
        if let first = text.first {
            let rest = text.dropFirst()
            let isNumber = !rest.isEmpty && rest.allSatisfy { $0.isASCII && $0.isNumber }
            if first == "=" || first == "@" || first == "\t" || first == "\r" || ((first == "+" || first == "-") && !isNumber) {
                text = "'" + text
            }
        }
        let needsQuotes = text.contains { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        return needsQuotes ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text
    }
}
