import Testing
import Yams
@testable import Data

/// The indicator metadata is composed with `Resolver.basic`. The parser reads only the tree's
/// shape and each scalar's text, never a resolved tag: both resolvers must give the same.
@Suite("Indicator metadata YAML")
struct IndicatorMetadataYAMLTests {
    /// Shape and scalar texts of a node, without tags.
    static func shape(_ node: Node?) -> String {
        guard let node else { return "nil" }
        if let scalar = node.scalar { return "s(\(scalar.string.debugDescription)@\(node.mark?.line ?? 0):\(node.mark?.column ?? 0))" }
        if let sequence = node.sequence { return "[" + sequence.map { shape($0) }.joined(separator: ",") + "]" }
        if let mapping = node.mapping { return "{" + mapping.map { shape($0.key) + ":" + shape($0.value) }.joined(separator: ",") + "}" }
        return "?"
    }

    @Test("Default and basic resolver compose the same shapes and texts")
    func resolversAgreeOnShapeAndText() throws {
        let documents = [
            "title: Arbeitslosenquote\nunit: \"%\"\ndecimals: 1\nhigher_is_better: false\nbeispieldaten: NO\n",
            "title: 017\nunit: ~\ndefinition: null\ndatenstand: 2024-01-31\nzahl: 1e3\nx: .inf\ny: 0x1F\nz: yes\n",
            "handlungsfelder: [arbeit, armut-notlagen]\nimport:\n  spalte: wert\n  filter: {a: b, c: 1}\n",
            "definition: >\n  Anteil der Arbeitslosen\n  an allen zivilen Erwerbspersonen.\nquelle: 'Bundesagentur für Arbeit'\n",
            "title: \"Ärger & <b> 👩‍👩‍👧\"\nliste:\n  - 1\n  - true\n  - \n  - 2024-01-01T10:00:00Z\n",
            "",
        ]
        for yaml in documents {
            let basic = try Yams.compose(yaml: yaml, .basic, Constructor([:], [:], [:]), .utf8)
            let standard = try Yams.compose(yaml: yaml)
            #expect(Self.shape(basic) == Self.shape(standard), "\(yaml)")
        }
    }
}
