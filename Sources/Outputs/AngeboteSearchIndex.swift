import Content
import Support

/// `/angebote/index.json`: what the filter script searches. Each entry has its facet values and
/// one folded text (lower case, umlauts written out, hyphens removed), so „Pflegeberatung“ finds
/// „Pflege-Beratung“ and „Älter“ finds „aelter“; the script folds the query the same way.
enum AngeboteSearchIndex {
    static func value(entries: [ServiceEntry], facets: AngeboteFacets, bodies: [String: String],
                      handlungsfelder: [String: String]) -> AngeboteJSON {
        let facetList: [AngeboteJSON] = facets.facets.map { facet in
            .object([
                ("key", .string(facet.key)),
                ("title", .string(facet.title)),
                ("values", .array(facet.values.map { value in
                    .object([("slug", .string(value.slug)), ("label", .string(value.label)),
                             ("count", .int(value.entries.count))])
                })),
            ])
        }
        let items: [AngeboteJSON] = entries.map { entry in
            var pairs: [(String, AngeboteJSON)] = [
                ("slug", .string(entry.slug)),
                ("name", .string(entry.name)),
                ("url", .string(entry.url)),
                ("text", .string(text(of: entry, body: bodies[entry.source.path] ?? "", handlungsfelder: handlungsfelder))),
            ]
            for facet in facets.facets {
                pairs.append((facet.key, .strings(AngeboteFacets.slugs(of: entry, facet: facet.key))))
            }
            return .object(pairs)
        }
        return .object([("count", .int(entries.count)), ("facets", .array(facetList)), ("entries", .array(items))])
    }

    /// Everything a visitor might type: name, subtitle, provider, kind, fields, groups, place,
    /// languages, keywords and the description.
    static func text(of entry: ServiceEntry, body: String, handlungsfelder: [String: String]) -> String {
        var parts = [entry.name, entry.subtitle ?? "", entry.provider,
                     ServiceVocabulary.label(entry.category, in: ServiceVocabulary.categories),
                     ServiceVocabulary.label(entry.sector, in: ServiceVocabulary.sectors)]
        parts += entry.handlungsfelder.map { handlungsfelder[$0] ?? $0 }
        parts += entry.targetGroups.map { ServiceVocabulary.label($0, in: ServiceVocabulary.targetGroups) }
        parts += [entry.address?.street ?? "", entry.address?.city ?? "", entry.address?.district ?? "",
                  entry.gemeinde.name, entry.gemeinde.sozialregionName, entry.catchmentArea ?? ""]
        parts += entry.languages + entry.keywords
        parts.append(body)
        return fold(parts.filter { !$0.isEmpty }.joined(separator: " "))
    }

    /// Lower case, umlauts and accents written out (ä → ae, é → e), hyphens of every kind removed
    /// so compounds join, any other character a single space.
    ///
    /// One pass over the scalars; a non-ASCII scalar goes through `Slug.fold` alone (it folds scalar
    /// by scalar). A hyphen next to a scalar from U+0300 up may belong to a larger grapheme cluster,
    /// which the character-based `foldReference` leaves in place: such text takes that path.
    static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var previousIsHyphen = false
        var previousValue: UInt32 = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isHyphen = value == 0x2D || value == 0xAD || value == 0x2010 || value == 0x2011
            if (isHyphen && previousValue >= 0x300) || (previousIsHyphen && value >= 0x300) {
                return foldReference(text)
            }
            previousIsHyphen = isHyphen
            previousValue = value
            if isHyphen { continue }
            if value < 0x80 {
                let byte = UInt8(value)
                let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(lower)
                } else {
                    pendingSpace = true
                }
            } else {
                for byte in Slug.fold(String(scalar)).utf8 {
                    if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                        if pendingSpace && !out.isEmpty { out.append(0x20) }
                        pendingSpace = false
                        out.append(byte)
                    } else {
                        pendingSpace = true
                    }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first, character-based form of `fold`: the rare fallback, and what tests compare with.
    static func foldReference(_ text: String) -> String {
        var joined = text
        for hyphen in ["\u{00AD}", "\u{2010}", "\u{2011}", "-"] { joined = joined.replacing(hyphen, with: "") }
        var out: [UInt8] = []
        var pendingSpace = false
        for byte in Slug.fold(joined).utf8 {
            let isAlnum = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if isAlnum {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
