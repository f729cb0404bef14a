import Content
import Support

/// The five ways to filter the directory, each value with its entries: what the pre-rendered
/// filter pages, the filter navigation and the script's selects are made of. Only values that
/// have entries appear, so no filter leads to an empty page.
struct AngeboteFacets: Sendable {
    struct Value: Sendable {
        /// URL part: Handlungsfeld slug, vocabulary code, region number, Gemeinde slug.
        var slug: String
        var label: String
        var url: String
        /// Indices into the directory's entries, in directory order.
        var entries: [Int]
    }

    struct Facet: Sendable {
        /// Short key of the script and the index (`hf`, `zg`, `kat`, `region`, `gemeinde`).
        var key: String
        /// URL segment below `/angebote/`.
        var path: String
        /// „Handlungsfeld“.
        var title: String
        /// Kicker of a filter page („Angebote im Handlungsfeld“).
        var kicker: String
        var values: [Value]
    }

    let facets: [Facet]

    init(entries: [ServiceEntry], handlungsfelder: [Handlungsfeld]) {
        func values(_ candidates: [(slug: String, label: String)], path: String,
                    matches: (ServiceEntry, String) -> Bool) -> [Value] {
            candidates.compactMap { candidate in
                let members = entries.indices.filter { matches(entries[$0], candidate.slug) }
                guard !members.isEmpty else { return nil }
                return Value(slug: candidate.slug, label: candidate.label,
                             url: "\(AngebotePages.overviewURL)\(path)/\(candidate.slug)/", entries: members)
            }
        }
        let regions = Set(entries.map(\.gemeinde.sozialregion)).sorted().map { number in
            (slug: String(number), label: entries.first { $0.gemeinde.sozialregion == number }!.gemeinde.sozialregionName)
        }
        var gemeinden: [String: ServiceGemeinde] = [:]
        for entry in entries { gemeinden[entry.gemeinde.slug] = entry.gemeinde }
        let places = gemeinden.values.sorted { Slug.fold($0.name) < Slug.fold($1.name) }
            .map { (slug: $0.slug, label: $0.name) }
        facets = [
            Facet(key: "hf", path: "handlungsfeld", title: "Handlungsfeld", kicker: "Angebote im Handlungsfeld",
                  values: values(handlungsfelder.map { ($0.slug, $0.label) }, path: "handlungsfeld") {
                      $0.handlungsfelder.contains($1)
                  }),
            Facet(key: "zg", path: "zielgruppe", title: "Zielgruppe", kicker: "Angebote für",
                  values: values(ServiceVocabulary.targetGroups.map { ($0.code, $0.label) }, path: "zielgruppe") {
                      $0.targetGroups.contains($1)
                  }),
            Facet(key: "kat", path: "kategorie", title: "Kategorie", kicker: "Angebote der Kategorie",
                  values: values(ServiceVocabulary.categories.map { ($0.code, $0.label) }, path: "kategorie") {
                      $0.category == $1
                  }),
            Facet(key: "region", path: "sozialregion", title: "Sozialregion", kicker: "Angebote in der",
                  values: values(regions, path: "sozialregion") { String($0.gemeinde.sozialregion) == $1 }),
            Facet(key: "gemeinde", path: "gemeinde", title: "Gemeinde", kicker: "Angebote in der Gemeinde",
                  values: values(places, path: "gemeinde") { $0.gemeinde.slug == $1 }),
        ]
    }

    /// The values an entry has in `facet` (for the search index and the entry page).
    static func slugs(of entry: ServiceEntry, facet key: String) -> [String] {
        switch key {
        case "hf": return entry.handlungsfelder
        case "zg": return entry.targetGroups
        case "kat": return [entry.category]
        case "region": return [String(entry.gemeinde.sozialregion)]
        default: return [entry.gemeinde.slug]
        }
    }
}
