/// The eleven Handlungsfelder of the Integrierte Sozialplanung Mittelsachsen, used when a site has
/// no `content/handlungsfelder/` folder (so posts can still be checked against real slugs).
public enum DefaultHandlungsfelder {
    public struct Entry: Sendable, Hashable {
        public var slug: String
        public var title: String
        public var label: String
        public var order: Int
    }

    public static let all: [Entry] = [
        Entry(slug: "arbeit", title: "attraktive ARBEIT", label: "Attraktive Arbeit", order: 1),
        Entry(slug: "inklusion", title: "INKLUSION leben", label: "Inklusion leben", order: 2),
        Entry(slug: "integration", title: "INTEGRATION gestalten", label: "Integration gestalten", order: 3),
        Entry(slug: "bildung", title: "lebenslange BILDUNG", label: "Lebenslange Bildung", order: 4),
        Entry(slug: "gesundheit", title: "GESUNDHEIT rundum", label: "Gesundheit rundum", order: 5),
        Entry(slug: "aufwachsen", title: "AUFWACHSEN unterstützen", label: "Aufwachsen unterstützen", order: 6),
        Entry(slug: "mobilitaet", title: "MOBILITÄT vernetzt", label: "Mobilität vernetzt", order: 7),
        Entry(slug: "senioren", title: "SENIOREN schätzen", label: "Senioren schätzen", order: 8),
        Entry(slug: "wohnen", title: "WOHNEN in Mittelsachsen", label: "Wohnen in Mittelsachsen", order: 9),
        Entry(slug: "miteinander", title: "MITEINANDER wachsen", label: "Miteinander wachsen", order: 10),
        Entry(slug: "armut-notlagen", title: "ARMUT & NOTLAGEN", label: "Armut und Notlagen", order: 11),
    ]

    public static var slugs: [String] { all.map(\.slug) }

    /// Handlungsfelder without description, for a site that has no folder for them.
    public static func handlungsfelder(folder: String = "content/handlungsfelder") -> [Handlungsfeld] {
        all.map { entry in
            Handlungsfeld(source: SourceFile(path: "\(folder)/\(entry.slug).md", body: "", bodyFirstLine: 1),
                          slug: entry.slug, title: entry.title, label: entry.label, order: entry.order, summary: "")
        }
    }
}
