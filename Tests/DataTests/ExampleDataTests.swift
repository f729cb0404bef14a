import Foundation
import Testing
import Support
@testable import Data

@Suite("Committed example data")
struct ExampleDataTests {
    static let loaded = SiteData.load(siteRoot: TestSupport.projectRoot, handlungsfelder: IndicatorCatalogTests.handlungsfelder)

    @Test("Loads with zero diagnostics")
    func clean() {
        #expect(Self.loaded.diagnostics.isEmpty, "\(Self.loaded.diagnostics.sortedForReport())")
    }

    @Test("At least ten indicators cover ten years for the Kreis, every region and every Gemeinde")
    func coverage() {
        let areas = Self.loaded.data.areas
        let full = Self.loaded.data.indicators.datasets.filter { dataset in
            let years = dataset.years
            guard years.count >= 10 else { return false }
            return years.allSatisfy { year in
                areas.areas(validIn: year).allSatisfy { dataset.observation(area: $0.key, year: year) != nil }
            }
        }
        #expect(full.count >= 10, "\(full.map(\.slug))")
        #expect(Self.loaded.data.indicators.datasets.count >= 12)
    }

    @Test("Jahnatal from 2023, Ostrau and Zschaitz-Ottewig until 2022")
    func merger() throws {
        let people = try #require(Self.loaded.data.indicators.dataset(slug: "bevoelkerung"))
        #expect(people.series(area: "14522275").map(\.year) == [2023])
        #expect(people.series(area: "14522450").last?.year == 2022)
        #expect(people.series(area: "14522620").count == 9)
        #expect(people.state(area: "14522", year: 2021) == .value(299_329, []))
        #expect(people.state(area: "sozialregion-2", year: 2021) == .value(38_941, []))
        #expect(people.state(area: "14522180", year: 2021) == .value(39_721, []))
    }

    @Test("Every indicator is marked as example, with definition, source, licence and explanation")
    func metadata() {
        for indicator in Self.loaded.data.indicators.indicators {
            #expect(indicator.example, "\(indicator.slug)")
            #expect(indicator.source.contains("Beispielwerte"), "\(indicator.slug)")
            #expect(indicator.licence.contains("Beispielwerte"), "\(indicator.slug)")
            #expect(indicator.definition.count > 40, "\(indicator.slug)")
            #expect(indicator.body.contains("Beispielwerte"), "\(indicator.slug)")
            #expect(!indicator.handlungsfelder.isEmpty)
            #expect(indicator.regionValues == .daten && indicator.kreisValues == .daten)
        }
    }

    @Test("The examples use suppressed values, a provisional year, a series break and region-only data")
    func symbols() throws {
        let all = Self.loaded.data.indicators.datasets.flatMap(\.observations)
        #expect(all.contains { $0.state == .missing(.anonymised, []) })
        #expect(all.contains { $0.state == .missing(.confidential, []) })
        #expect(all.contains { $0.state == .missing(.notYetAvailable, []) })
        #expect(all.contains { $0.state.flags.contains(.seriesBreak) })
        #expect(all.contains { $0.state.flags.contains(.provisional) })
        let minimum = try #require(Self.loaded.data.indicators.dataset(slug: "mindestsicherungsquote"))
        #expect(minimum.levels(in: Self.loaded.data.areas) == [.kreis, .sozialregion])
        #expect(Self.loaded.data.indicators.dataset(slug: "durchschnittsalter")?.state(area: "14522", year: 2018) == .value(48.4, []))
    }

    @Test("Rewriting each example CSV gives the same bytes (the files are canonical)")
    func canonical() throws {
        let directory = (TestSupport.projectRoot as NSString).appendingPathComponent(IndicatorCatalog.defaultDirectory)
        for dataset in Self.loaded.data.indicators.datasets {
            let path = (directory as NSString).appendingPathComponent("\(dataset.slug).csv")
            let original = try String(contentsOfFile: path, encoding: .utf8)
            let rendered = IndicatorCSV.render(dataset.observations, decimals: dataset.indicator.decimals, areas: Self.loaded.data.areas)
            #expect(rendered == original, "\(dataset.slug)")
        }
    }
}
