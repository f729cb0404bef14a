import Foundation
import Support

/// The three levels the dashboard shows. Their order is the order of tables and CSV files.
public enum AreaLevel: Int, Sendable, Hashable, Comparable, CaseIterable {
    case kreis = 0
    case sozialregion = 1
    case gemeinde = 2

    public var german: String {
        switch self {
        case .kreis: return "Landkreis"
        case .sozialregion: return "Sozialregion"
        case .gemeinde: return "Gemeinde"
        }
    }

    public static func < (a: AreaLevel, b: AreaLevel) -> Bool { a.rawValue < b.rawValue }
}

/// A Gemeinde, a Sozialregion or the Landkreis, as listed in `content/daten/gebiete.csv`.
public struct Area: Sendable, Hashable {
    /// AGS for Gemeinden (`14522180`), `sozialregion-2` for regions, `14522` for the Kreis.
    public var key: String
    /// "Freiberg", "Sozialregion 2: Südost (Sayda)", "Landkreis Mittelsachsen".
    public var name: String
    public var level: AreaLevel
    /// As the file writes it: "Stadt", "Gemeinde", "Sozialregion", "Landkreis".
    public var kind: String
    /// For a Gemeinde the region it belongs to; for a region its own number (1–7).
    public var sozialregion: Int?
    /// Inhabitants on 31 December 2021, where the source gives it.
    public var population2021: Int?
    /// First day the area exists in this form (nil: before every time series).
    public var validFrom: CivilDate?
    /// Last day the area exists in this form (nil: still exists).
    public var validTo: CivilDate?
    /// AGS of the area that took over after `validTo` (Ostrau → Jahnatal).
    public var successor: String?
    public var note: String?
    /// URL part: `doebeln` for Döbeln, `2` for Sozialregion 2.
    public var slug: String
    /// Where the area is defined, for diagnostics.
    public var location: SourceLocation

    public init(key: String, name: String, level: AreaLevel, kind: String, sozialregion: Int? = nil,
                population2021: Int? = nil, validFrom: CivilDate? = nil, validTo: CivilDate? = nil,
                successor: String? = nil, note: String? = nil, slug: String? = nil,
                location: SourceLocation = SourceLocation(file: "content/daten/gebiete.csv")) {
        self.key = key
        self.name = name
        self.level = level
        self.kind = kind
        self.sozialregion = sozialregion
        self.population2021 = population2021
        self.validFrom = validFrom
        self.validTo = validTo
        self.successor = successor
        self.note = note
        self.location = location
        if let slug {
            self.slug = slug
        } else {
            switch level {
            case .gemeinde: self.slug = Slug.make(name)
            case .sozialregion: self.slug = sozialregion.map(String.init) ?? Slug.make(name)
            case .kreis: self.slug = "landkreis"
            }
        }
    }

    /// Site path of the area's data page.
    public var url: String {
        switch level {
        case .gemeinde: return "/daten/gemeinden/\(slug)/"
        case .sozialregion: return "/daten/sozialregionen/\(slug)/"
        case .kreis: return "/daten/landkreis/"
        }
    }

    /// "Südost (Sayda)" for "Sozialregion 2: Südost (Sayda)"; the name itself for other areas.
    public var shortName: String {
        guard level == .sozialregion, let colon = name.firstIndex(of: ":") else { return name }
        let rest = name[name.index(after: colon)...]
        // Charts and tables ask for it thousands of times, and Foundation's trimming is slow. The
        // usual name ("…: Freiberg") has ASCII spaces before and a visible ASCII character at
        // both ends of the rest: trimming then removes exactly the spaces and tabs at the ends,
        // the only ASCII characters in `.whitespaces`. Everything else takes Foundation's way.
        let utf8 = rest.utf8
        func isSpaceOrTab(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        if let start = utf8.firstIndex(where: { !isSpaceOrTab($0) }), let last = utf8.lastIndex(where: { !isSpaceOrTab($0) }),
           utf8[start] < 0x80, utf8[last] < 0x80 {
            return String(rest[start...last])
        }
        return String(rest).trimmingCharacters(in: .whitespaces)
    }

    public var isStadt: Bool { kind == "Stadt" }

    /// Annual statistics describe the state on 31 December (Gebietsstand): an area counts for a
    /// year when it exists on that day. Ostrau (until 2022-12-31) has 2022, Jahnatal (from
    /// 2023-01-01) has 2023.
    public func isValid(inYear year: Int) -> Bool {
        let reference = CivilDate(year: year, month: 12, day: 31)
        if let validFrom, validFrom > reference { return false }
        if let validTo, validTo < reference { return false }
        return true
    }

    /// German phrase for messages: "seit 1. Januar 2023", "bis 31. Dezember 2022".
    public var validityDescription: String {
        switch (validFrom, validTo) {
        case let (from?, to?): return "vom \(from.german) bis \(to.german)"
        case let (from?, nil): return "seit \(from.german)"
        case let (nil, to?): return "bis \(to.german)"
        case (nil, nil): return "ohne zeitliche Begrenzung"
        }
    }
}

/// Sort order of tables and written CSV files: Kreis, regions by number, Gemeinden by AGS.
extension Area {
    public var sortKey: SortKey { SortKey(level: level, number: level == .sozialregion ? (sozialregion ?? 0) : 0, key: key) }

    public struct SortKey: Comparable, Sendable {
        var level: AreaLevel
        var number: Int
        var key: String
        public static func < (a: SortKey, b: SortKey) -> Bool { (a.level, a.number, a.key) < (b.level, b.number, b.key) }
    }
}
