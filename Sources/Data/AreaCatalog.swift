import Foundation
import Support

/// Every area the dashboard knows, from `content/daten/gebiete.csv`.
public struct AreaCatalog: Sendable {
    /// Kreis first, then Sozialregionen by number, then Gemeinden by AGS (historical ones included).
    public let areas: [Area]
    private let indexByKey: [String: Int]
    /// The levels, sorted out once: the dashboard asks for them in loops over areas and years.
    public let kreis: Area?
    public let sozialregionen: [Area]
    /// All Gemeinden ever listed, dissolved ones included.
    public let gemeinden: [Area]

    /// The columns of `gebiete.csv`, in this order.
    public static let columns = ["gebiet", "name", "art", "sozialregion", "einwohner_2021_12_31",
                                 "gueltig_ab", "gueltig_bis", "nachfolger", "anmerkung"]
    public static let kinds = ["Landkreis", "Sozialregion", "Stadt", "Gemeinde"]
    public static let defaultPath = "content/daten/gebiete.csv"

    public init(areas: [Area]) {
        var seen = Set<String>()
        let unique = areas.filter { seen.insert($0.key).inserted }
        self.areas = unique.sorted { $0.sortKey < $1.sortKey }
        var index: [String: Int] = [:]
        for (i, area) in self.areas.enumerated() { index[area.key] = i }
        self.indexByKey = index
        kreis = self.areas.first { $0.level == .kreis }
        sozialregionen = self.areas.filter { $0.level == .sozialregion }
        gemeinden = self.areas.filter { $0.level == .gemeinde }
    }

    // MARK: Lookups

    public subscript(key: String) -> Area? { area(key: key) }

    public func area(key: String) -> Area? { indexByKey[key].map { areas[$0] } }

    /// Position of the area in `areas` (sorted by `Area.sortKey`), without copying the area.
    func position(key: String) -> Int? { indexByKey[key] }

    /// `area(key:)?.level`, read in place: loops over every observation ask for the level,
    /// and a copy of the area retains and releases each of its strings.
    public func level(key: String) -> AreaLevel? { indexByKey[key].map { areas[$0].level } }

    /// The level of the area if it existed in `year` (`area(key:)` with `isValid(inYear:)`),
    /// without copying the area.
    public func level(key: String, validIn year: Int) -> AreaLevel? {
        guard let position = indexByKey[key], areas[position].isValid(inYear: year) else { return nil }
        return areas[position].level
    }


    public func sozialregion(number: Int) -> Area? {
        sozialregionen.first { $0.sozialregion == number }
    }

    /// The region a Gemeinde belongs to.
    public func sozialregion(of area: Area) -> Area? {
        guard area.level == .gemeinde, let number = area.sozialregion else { return nil }
        return sozialregion(number: number)
    }

    /// Area by URL slug: `doebeln` (Gemeinde), `2` (Sozialregion), `landkreis`.
    public func area(slug: String, level: AreaLevel) -> Area? {
        areas.first { $0.level == level && $0.slug == slug }
    }

    /// Areas that existed on 31 December of `year`.
    public func areas(validIn year: Int) -> [Area] { areas.filter { $0.isValid(inYear: year) } }

    public func gemeinden(validIn year: Int) -> [Area] { gemeinden.filter { $0.isValid(inYear: year) } }

    /// The Gemeinden of a region; with `year`, only those that existed then.
    public func members(ofSozialregion number: Int, inYear year: Int? = nil) -> [Area] {
        gemeinden.filter { $0.sozialregion == number && (year.map($0.isValid(inYear:)) ?? true) }
    }

    /// Areas a value of `area` is made of: the Gemeinden of a region, or all Gemeinden for the Kreis.
    public func members(of area: Area, inYear year: Int? = nil) -> [Area] {
        switch area.level {
        case .gemeinde: return []
        case .sozialregion: return area.sozialregion.map { members(ofSozialregion: $0, inYear: year) } ?? []
        case .kreis: return gemeinden.filter { year.map($0.isValid(inYear:)) ?? true }
        }
    }

    public func successor(of area: Area) -> Area? { area.successor.flatMap(self.area(key:)) }

    /// Areas that were merged into `area` (Ostrau and Zschaitz-Ottewig for Jahnatal).
    public func predecessors(of area: Area) -> [Area] { areas.filter { $0.successor == area.key } }

    // MARK: Resolving what files write

    /// Finds an area by a key as files write it: AGS (`14522180`), Kreis (`14522`),
    /// 12-digit Regionalschlüssel (`145220180180`) or `sozialregion-2`.
    public func area(code raw: String) -> Area? {
        let code = CSVField.trim(raw)
        if let area = area(key: code) { return area }
        let bytes = Array(code.utf8)
        if bytes.count == 12, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            // ARS = Land(2) RB(1) Kreis(2) Gemeindeverband(4) Gemeinde(3); AGS drops the Verband.
            let ags = String(decoding: bytes[0..<5] + bytes[9..<12], as: UTF8.self)
            return area(key: ags)
        }
        // `sozialregion-2`, `Sozialregion 2`, `SOZIALREGION_2`: only the number may follow.
        let lower = code.lowercased()
        if lower.hasPrefix("sozialregion") {
            let rest = lower.dropFirst("sozialregion".count).drop { $0 == "-" || $0 == " " || $0 == "_" }
            if !rest.isEmpty, rest.allSatisfy(\.isASCII), let n = Int(rest) { return sozialregion(number: n) }
        }
        return nil
    }

    /// Finds a region or the Kreis by a label as tables write it: "Sozialregion 2: Südost (Sayda)",
    /// "Sozialregion 2", "Landkreis Mittelsachsen", "Mittelsachsen, Landkreis", "KREISE".
    /// Gemeinden are never found by name: their AGS is the only identity.
    public func area(label raw: String) -> Area? {
        let label = CSVField.trim(raw)
        if label.isEmpty { return nil }
        let folded = Slug.fold(label)
        if folded.hasPrefix("sozialregion") {
            let rest = folded.dropFirst("sozialregion".count)
            let digits = rest.prefix { $0 == " " || $0.isNumber }.filter(\.isNumber)
            guard let n = Int(String(digits)), let region = sozialregion(number: n) else { return nil }
            // A label that names a region must agree with our name for it, if it gives one.
            let afterNumber = rest.drop { $0 == " " || $0.isNumber }
            let named = afterNumber.drop { $0 == ":" || $0 == " " }
            if named.isEmpty || Slug.make(String(named)) == Slug.make(region.shortName) { return region }
            return nil
        }
        if let kreis, folded == "kreise" || Slug.make(label) == Slug.make(kreis.name)
            || Slug.make(label) == "mittelsachsen-landkreis" || Slug.make(label) == "mittelsachsen"
            || Slug.make(label) == "lk-mittelsachsen" {
            return kreis
        }
        if let region = sozialregionen.first(where: { Slug.make($0.name) == Slug.make(label) }) { return region }
        return nil
    }

    /// "Meinten Sie „14522180“ (Freiberg)?" for a mistyped key.
    public func hint(forUnknownKey key: String, label: String? = nil) -> String? {
        var parts: [String] = []
        let best = Suggestion.closest(to: key, in: areas.map(\.key))
        if let best, let area = area(key: best) {
            parts.append("Meinten Sie „\(best)“ (\(area.name))?")
        }
        if let label, !label.isEmpty {
            let wanted = Slug.make(label.components(separatedBy: ",")[0])
            if let named = gemeinden.first(where: { $0.slug == wanted }), named.key != key, named.key != best {
                parts.append("„\(label)“ hat laut gebiete.csv den Schlüssel \(named.key); Schlüssel werden nicht aus Namen ergänzt, bitte in der Quelle prüfen.")
            }
        }
        if parts.isEmpty {
            parts.append("Gebiete stehen in content/daten/gebiete.csv: Gemeinden mit achtstelligem AGS, „sozialregion-1“ … „sozialregion-7“, der Landkreis als „14522“.")
        }
        return parts.joined(separator: " ")
    }

    /// "Jahnatal gibt es seit 1. Januar 2023; für 2022 gelten …" for a value outside an area's validity.
    public func validityHint(for area: Area, year: Int) -> String {
        var text = "\(area.name) gibt es \(area.validityDescription)."
        if let next = successor(of: area), !area.isValid(inYear: year), let to = area.validTo, year > to.year {
            text += " Ab \(year) gilt \(next.name) (\(next.key))."
        }
        let before = predecessors(of: area).filter { $0.isValid(inYear: year) }
        if !before.isEmpty {
            text += " Für \(year) gelten " + before.map { "\($0.name) (\($0.key))" }.joined(separator: " und ") + "."
        }
        return text
    }
}
