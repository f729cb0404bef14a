import Testing
import Support
@testable import Data

@Suite("Areas")
struct AreaCatalogTests {
    let areas = TestSupport.areas

    @Test("The project's gebiete.csv: Kreis, seven regions, 53 Gemeinden until 2022, 52 since 2023")
    func counts() throws {
        #expect(areas.kreis?.key == "14522")
        #expect(areas.kreis?.population2021 == 299_329)
        #expect(areas.sozialregionen.count == 7)
        #expect(areas.gemeinden(validIn: 2022).count == 53)
        #expect(areas.gemeinden(validIn: 2023).count == 52)
        #expect(areas.gemeinden(validIn: 2022).filter(\.isStadt).count == 21)
        let regionTotal = areas.sozialregionen.compactMap(\.population2021).reduce(0, +)
        #expect(regionTotal == 299_329)
    }

    @Test("Jahnatal replaces Ostrau and Zschaitz-Ottewig on 1 January 2023")
    func jahnatal() throws {
        let jahnatal = try #require(areas.area(key: "14522275"))
        let ostrau = try #require(areas.area(key: "14522450"))
        let zschaitz = try #require(areas.area(key: "14522620"))
        #expect(!jahnatal.isValid(inYear: 2022))
        #expect(jahnatal.isValid(inYear: 2023))
        #expect(ostrau.isValid(inYear: 2022))
        #expect(!ostrau.isValid(inYear: 2023))
        #expect(zschaitz.isValid(inYear: 2014))
        #expect(areas.successor(of: ostrau)?.key == "14522275")
        #expect(areas.predecessors(of: jahnatal).map(\.name) == ["Ostrau", "Zschaitz-Ottewig"])
        #expect(areas.members(ofSozialregion: 6, inYear: 2022).map(\.key).contains("14522450"))
        #expect(!areas.members(ofSozialregion: 6, inYear: 2023).map(\.key).contains("14522450"))
        #expect(areas.members(ofSozialregion: 6, inYear: 2023).map(\.key).contains("14522275"))
        let hint = areas.validityHint(for: jahnatal, year: 2022)
        #expect(hint.contains("seit 1. Januar 2023"))
        #expect(hint.contains("Ostrau (14522450)"))
    }

    @Test("Slugs and URLs")
    func slugs() throws {
        let doebeln = try #require(areas.area(key: "14522080"))
        #expect(doebeln.slug == "doebeln")
        #expect(doebeln.url == "/daten/gemeinden/doebeln/")
        #expect(areas.area(key: "14522340")?.slug == "lichtenberg-erzgeb")
        #expect(areas.area(key: "14522470")?.slug == "rechenberg-bienenmuehle")
        let region = try #require(areas.area(key: "sozialregion-2"))
        #expect(region.name == "Sozialregion 2: Südost (Sayda)")
        #expect(region.shortName == "Südost (Sayda)")
        #expect(region.url == "/daten/sozialregionen/2/")
        #expect(areas.area(slug: "2", level: .sozialregion)?.key == "sozialregion-2")
        #expect(areas.area(slug: "grossschirma", level: .gemeinde)?.key == "14522210")
        #expect(areas.kreis?.url == "/daten/landkreis/")
        #expect(Set(areas.gemeinden.map(\.slug)).count == areas.gemeinden.count)
    }

    @Test("Codes and labels as files write them; Gemeinden never by name")
    func resolving() {
        #expect(areas.area(code: "14522180")?.name == "Freiberg")
        #expect(areas.area(code: "145220180180")?.name == "Freiberg")
        #expect(areas.area(code: " 14522 ")?.level == .kreis)
        #expect(areas.area(code: "Sozialregion 3")?.key == "sozialregion-3")
        #expect(areas.area(label: "Sozialregion 2: Südost (Sayda)")?.key == "sozialregion-2")
        #expect(areas.area(label: "Sozialregion 2: Süd (Flöha)") == nil)
        #expect(areas.area(label: "Mittelsachsen, Landkreis")?.level == .kreis)
        #expect(areas.area(label: "KREISE")?.level == .kreis)
        #expect(areas.area(label: "Freiberg") == nil)
        #expect(areas.hint(forUnknownKey: "14522181") == "Meinten Sie „14522180“ (Freiberg)?")
    }

    @Test("Broken area lists: every problem with its line and column")
    func brokenList() {
        let text = """
        # Kommentar
        gebiet;name;art;sozialregion;einwohner_2021_12_31;gueltig_ab;gueltig_bis;nachfolger;anmerkung
        14522;Landkreis Mittelsachsen;Landkreis;;299329;;;;
        sozialregion-1;Sozialregion 1: Freiberg;Sozialregion;1;;;;;
        1452218;Freiberg;Stadt;1;;;;;
        14522080;Döbeln;Stadtt;1;;;;;
        14522450;Ostrau;Gemeinde;1;;2023-02-30;;;
        14522620;Zschaitz;Gemeinde;1;;;2022-12-31;14522999;
        14522010;Altmittweida;Gemeinde;9;;;;;
        14522010;Altmittweida;Gemeinde;1;;;;;
        14522011;Altmittweida;Gemeinde;1;;;;
        """
        let (catalog, diagnostics) = AreaCatalog.parse(text, file: "gebiete.csv")
        let lines = diagnostics.map(\.location.line).sorted()
        #expect(lines == [5, 6, 7, 8, 9, 10, 11])
        #expect(diagnostics.allSatisfy { $0.isError })
        let kind = diagnostics.first { $0.location.line == 6 }
        #expect(kind?.hint == "Meinten Sie „Stadt“?")
        #expect(kind?.location.column == 17)
        #expect(diagnostics.contains { $0.code == DataCode.areaSuccessor && $0.location.line == 8 })
        #expect(diagnostics.contains { $0.code == DataCode.areaDuplicate && $0.location.line == 10 })
        #expect(diagnostics.contains { $0.code == DataCode.csvFieldCount && $0.location.line == 11 })
        #expect(catalog.area(key: "14522620") != nil)
    }

    @Test("A wrong header is named with the expected columns")
    func header() {
        let (_, diagnostics) = AreaCatalog.parse("ags;name\n14522;X\n", file: "gebiete.csv")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].code == DataCode.csvHeader)
        #expect(diagnostics[0].hint?.contains("gebiet;name;art") == true)
    }
    @Test("Short names trim like Foundation's whitespace trimming, with and without the ASCII shortcut")
    func shortNameMatchesFoundationTrimming() {
        let rests = ["Freiberg", " Freiberg", "  Döbeln ", "\tMittweida\t", " Ä", " e\u{301}", " \u{A0}Roßwein\u{A0}", "\u{3000}x",
                     "", " ", "\u{2007}", " a b ", " 😀 ", " x\u{202F}", ": zwei: Doppelpunkte ", " &<>\"' "]
        for rest in rests {
            let area = Area(key: "sozialregion-1", name: "Sozialregion 1:" + rest, level: .sozialregion, kind: "Sozialregion", sozialregion: 1)
            #expect(Array(area.shortName.utf8) == Array(rest.trimmingCharacters(in: .whitespaces).utf8), "\(rest.debugDescription)")
        }
        let gemeinde = Area(key: "14522080", name: "Döbeln: Stadt ", level: .gemeinde, kind: "Stadt")
        #expect(gemeinde.shortName == "Döbeln: Stadt ")
    }
}
