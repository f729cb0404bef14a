import Foundation
import Testing
@testable import Charts

@Suite("Snapshots of every chart kind")
struct SnapshotTests {
    @Test("Figure markup matches the recorded snapshot", arguments: Fixtures.gallery.map(\.name))
    func figure(name: String) {
        let chart = Fixtures.gallery.first { $0.name == name }!.chart
        let output = chart.render(RenderOptions(idPrefix: "c-\(name)", headingLevel: 3, csvHref: "/daten/\(name).csv"))
        assertSnapshot(output.figureHTML, named: "\(name).html")
    }

    @Test("The CSS the theme includes matches its snapshot")
    func styles() {
        assertSnapshot(ChartStyles.css, named: "ChartStyles.css")
    }

    @Test("Rendering twice gives byte-identical output", arguments: Fixtures.gallery.map(\.name))
    func deterministic(name: String) {
        let chart = Fixtures.gallery.first { $0.name == name }!.chart
        let a = chart.render(idPrefix: "x"), b = chart.render(idPrefix: "x")
        #expect(a == b)
    }
}
