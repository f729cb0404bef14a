import Content
import Foundation
import TestFolders
import Markdown
@testable import Outputs
import Support
import Testing

/// A small directory built in code on top of `SampleSite`: four entries in three Sozialregionen,
/// one with characters that must be escaped everywhere, one without address.
enum AngeboteSample {
    static let freiberg = ServiceGemeinde(ags: "14522180", name: "Freiberg", sozialregion: 1,
                                          sozialregionName: "Sozialregion 1: Freiberg")
    static let doebeln = ServiceGemeinde(ags: "14522080", name: "Döbeln", sozialregion: 6,
                                         sozialregionName: "Sozialregion 6: Nord (Döbeln)")
    static let mittweida = ServiceGemeinde(ags: "14522360", name: "Mittweida", sozialregion: 5,
                                           sozialregionName: "Sozialregion 5: West (Mittweida)")

    static func phone(_ text: String) -> PhoneNumber { try! ContactRules.phone(text).get() }
    static func time(_ text: String) -> ClockTime { try! OpeningHours.parseTime(text).get() }

    static func source(_ slug: String) -> SourceFile {
        SourceFile(path: "content/angebote/\(slug).md", body: "", bodyFirstLine: 30)
    }

    static let bodies: [String: String] = [
        "pflege-doebeln": "Wir beraten zur **Pflege** und zu Hilfen im Alltag.\n\n- Pflegegrad\n- Entlastung",
        "kita-freiberg": "Krippe und Kindergarten mit Garten.",
        "schutzhaus": "Schutz bei häuslicher Gewalt. Die Adresse ist geheim.",
        "treff-mittweida": "Ein Treffpunkt am Wochenende.",
    ]

    static var entries: [ServiceEntry] {
        [
            ServiceEntry(
                source: source("pflege-doebeln"), slug: "pflege-doebeln", name: "Älterwerden in Döbeln: Pflege-Beratung",
                subtitle: "Beratung rund um Pflege", provider: "Beispiel-Pflegenetz Döbeln e. V.", category: "beratungsstelle",
                sector: "gesundheit", handlungsfelder: ["senioren", "gesundheit"],
                targetGroups: ["senioren", "pflegende-angehoerige"],
                address: ServiceAddress(street: "Markt 1", postalCode: "04720", city: "Döbeln", district: "Zentrum"),
                gemeinde: doebeln,
                coordinates: ServiceCoordinates(latitude: 51.1194, longitude: 13.1106, latitudeText: "51.1194",
                                                longitudeText: "13.1106"),
                contact: ServiceContact(phone: phone("030 23125-201"), email: "pflege@example.org",
                                        website: "https://example.org/pflege", hotline: phone("+49 (0)30 23125 202"),
                                        role: "Pflegeberatung", note: "Rückruf am selben Tag"),
                openingHours: [
                    OpeningHoursRule(days: [.monday, .tuesday, .wednesday, .thursday, .friday], opens: time("08:00"),
                                     closes: time("12:00")),
                    OpeningHoursRule(days: [.thursday], opens: time("14:00"), closes: time("18:00"), note: "nur mit Termin"),
                    OpeningHoursRule(days: [.friday], opens: time("22:00"), closes: time("02:00"), overnight: true),
                ],
                openingHoursNote: "Im August geschlossen.", appointmentNeeded: true, costs: "kostenfrei",
                languages: ["Deutsch", "Polnisch"], accessibility: ["rollstuhlgerecht", "induktionsschleife"],
                accessibilityNote: "Klingel am Seiteneingang.", online: true, catchmentArea: "Sozialregion Nord",
                keywords: ["Pflegegrad", "Kurzzeitpflege"], checked: BerlinTime.parse("2024-10-01")!, isExample: true),
            ServiceEntry(
                source: source("kita-freiberg"), slug: "kita-freiberg", name: "Kita \"Sonne\" & <Mond>; Freiberg",
                provider: "Träger, mit; Sonderzeichen\\", category: "kita", sector: "bildung",
                handlungsfelder: ["bildung", "aufwachsen"], targetGroups: ["kinder", "familien"],
                address: ServiceAddress(street: "Weg 2", postalCode: "09599", city: "Freiberg"), gemeinde: freiberg,
                contact: ServiceContact(phone: phone("030 23125-203")),
                openingHours: [OpeningHoursRule(days: [.monday, .tuesday, .wednesday, .thursday, .friday],
                                                opens: time("06:00"), closes: time("17:00"))],
                checked: BerlinTime.parse("2024-09-15")!, isExample: true),
            ServiceEntry(
                source: source("schutzhaus"), slug: "schutzhaus", name: "Frauenschutzhaus", provider: "Frauenhilfe e. V.",
                category: "notunterkunft", sector: "soziales", handlungsfelder: ["wohnen", "armut-notlagen"],
                targetGroups: ["frauen", "kinder"], gemeinde: doebeln,
                contact: ServiceContact(hotline: phone("030 23125-204")),
                openingHours: [OpeningHoursRule(days: Weekday.allCases, opens: time("00:00"), closes: time("24:00"))],
                checked: BerlinTime.parse("2024-11-05")!, isExample: true),
            ServiceEntry(
                source: source("treff-mittweida"), slug: "treff-mittweida", name: "Treffpunkt Mittweida",
                provider: "Verein Mittweida", category: "treffpunkt", sector: "soziales", handlungsfelder: ["miteinander"],
                targetGroups: ["alle"],
                address: ServiceAddress(street: "Straße des Friedens 3", postalCode: "09648", city: "Mittweida"),
                gemeinde: mittweida, contact: ServiceContact(email: "treff@example.org"),
                openingHours: [OpeningHoursRule(days: [.saturday, .sunday], opens: time("14:00"), closes: time("18:00"))],
                checked: BerlinTime.parse("2024-06-01")!, isExample: false),
        ].sorted(by: ServiceEntryLoader.isOrderedBefore)
    }

    /// `SampleSite` plus the entries and a post that lists two of them (and one that does not exist).
    static func site() -> RenderedSite {
        let (post, body) = SampleSite.post("Pflege in Döbeln", date: "2024-10-20 10:00", fields: ["senioren"],
                                           slug: "pflege-in-doebeln")
        var withAngebote = post
        withAngebote.angebote = ["schutzhaus", "pflege-doebeln", "gibt-es-nicht"]
        var site = SampleSite.make(extraPosts: [(withAngebote, body)])
        site.content.serviceDirectory = ServiceDirectory(entries: entries)
        for entry in entries {
            site.bodies[entry.source.path] = MarkdownRenderer.render(bodies[entry.slug] ?? "", file: entry.source.path)
        }
        return site
    }

    static let options = SitePages.Options(hasServiceDirectory: true)

    static func render() -> [String: OutputFile] {
        let result = AngebotePages.render(site: site(), theme: SampleSite.theme(), options: options)
        #expect(result.diagnostics.isEmpty)
        var files: [String: OutputFile] = [:]
        for file in result.files { files[file.path] = file }
        return files
    }

    /// The JSON-LD object of a page.
    static func jsonLD(_ html: String) throws -> [String: Any] {
        let json = html.section(from: "<script type=\"application/ld+json\">", to: "</script>")
        return try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }
}

@Suite("Angebote: pages")
struct AngebotePagesTests {
    @Test func everyFileIsPredictedAndRenderingIsDeterministic() throws {
        let site = AngeboteSample.site()
        let first = AngebotePages.render(site: site, theme: SampleSite.theme(), options: AngeboteSample.options)
        let second = AngebotePages.render(site: site, theme: SampleSite.theme(), options: AngeboteSample.options)
        #expect(first.files == second.files)
        #expect(first.files.map(\.path) == first.files.map(\.path).sorted())
        let urls = Set(first.files.map { file in
            "/" + (file.path.hasSuffix("index.html") ? String(file.path.dropLast("index.html".count)) : file.path)
        })
        #expect(urls == AngebotePages.generatedURLs(content: site.content))
        let pages = Set(first.files.filter { $0.path.hasSuffix(".html") }.map { "/" + $0.path.dropLast("index.html".count) })
        #expect(pages == Set(AngebotePages.pageURLs(content: site.content)))
        let sitemap = AngebotePages.sitemapEntries(content: site.content)
        #expect(Set(sitemap.map(\.path)) == pages)
        #expect(sitemap.first { $0.path == "/angebote/" }?.lastmod == "2024-11-05")
        #expect(sitemap.first { $0.path == "/angebote/kita-freiberg/" }?.lastmod == "2024-09-15")
        #expect(sitemap.first { $0.path == "/angebote/sozialregion/6/" }?.lastmod == "2024-11-05")
    }

    @Test func siteWithoutEntriesHasNoDirectory() {
        let site = SampleSite.make()
        #expect(AngebotePages.render(site: site, theme: SampleSite.theme()).files.isEmpty)
        #expect(AngebotePages.generatedURLs(content: site.content).isEmpty)
        #expect(AngebotePages.sitemapEntries(content: site.content).isEmpty)
    }

    @Test func filterPagesListExactlyTheirEntries() throws {
        let files = AngeboteSample.render()
        func listed(_ path: String) -> [String] {
            let html = files[path]?.text ?? ""
            return html.matches(of: /<li class="angebot-karte" id="angebot-([a-z0-9-]+)">/).map { String($0.output.1) }
        }
        #expect(listed("angebote/handlungsfeld/senioren/index.html") == ["pflege-doebeln"])
        #expect(listed("angebote/handlungsfeld/wohnen/index.html") == ["schutzhaus"])
        #expect(listed("angebote/zielgruppe/kinder/index.html") == ["schutzhaus", "kita-freiberg"])
        #expect(listed("angebote/kategorie/kita/index.html") == ["kita-freiberg"])
        #expect(listed("angebote/sozialregion/6/index.html") == ["pflege-doebeln", "schutzhaus"])
        #expect(listed("angebote/gemeinde/doebeln/index.html") == ["pflege-doebeln", "schutzhaus"])
        #expect(listed("angebote/gemeinde/mittweida/index.html") == ["treff-mittweida"])
        // Only values with entries get a page.
        #expect(files["angebote/kategorie/schule/index.html"] == nil)
        #expect(files["angebote/handlungsfeld/arbeit/index.html"] == nil)
        #expect(files["angebote/sozialregion/2/index.html"] == nil)
        // The overview lists all, in directory order (umlauts folded: „Älter…“ with A).
        #expect(listed("angebote/index.html") == ["pflege-doebeln", "schutzhaus", "kita-freiberg", "treff-mittweida"])

        let region = try #require(files["angebote/sozialregion/6/index.html"]).text
        #expect(region.contains("<h1>Sozialregion 6: Nord (Döbeln)</h1>"))
        #expect(region.contains("<a href=\"/angebote/sozialregion/6/\" aria-current=\"page\">"))
        #expect(region.contains("href=\"/angebote/\">Alle Angebote"))
        let field = try #require(files["angebote/handlungsfeld/senioren/index.html"]).text
        #expect(field.contains("<a href=\"/handlungsfelder/senioren/\">Beiträge im Handlungsfeld „Senioren schätzen“</a>"))
        // Data pages of the dashboard are linked only when it exists.
        #expect(!region.contains("/daten/sozialregionen/6/"))
        var options = AngeboteSample.options
        options.hasDashboard = true
        let withDashboard = AngebotePages.render(site: AngeboteSample.site(), theme: SampleSite.theme(), options: options)
        #expect(withDashboard.files.first { $0.path == "angebote/gemeinde/doebeln/index.html" }?.text
            .contains("<a href=\"/daten/gemeinden/doebeln/\">Zahlen und Daten zu Döbeln</a>") == true)
    }

    @Test func overviewHasFilterLinksScriptAndOpenData() throws {
        let html = try #require(AngeboteSample.render()["angebote/index.html"]).text
        let links = html.section(from: "<nav class=\"angebote-filter\"", to: "</nav>")
        for (url, count) in [("/angebote/handlungsfeld/senioren/", 1), ("/angebote/zielgruppe/kinder/", 2),
                             ("/angebote/kategorie/notunterkunft/", 1), ("/angebote/sozialregion/1/", 1),
                             ("/angebote/gemeinde/doebeln/", 2)] {
            #expect(links.contains("<a href=\"\(url)\">"), "\(url)")
            #expect(links.contains("(\(count))</span>"))
        }
        // Headings in order: the filter groups are h3 below the nav's h2.
        #expect(links.contains("<h2 id=\"angebote-filter-titel\""))
        #expect(links.contains("<h3 id=\"angebote-filter-sozialregion\""))
        #expect(html.contains("<div id=\"angebote-suche\" class=\"angebote-suche\" data-index=\"/angebote/index.json\" hidden></div>"))
        #expect(html.contains("<script src=\"/assets/js/angebote.js\" defer></script>"))
        #expect(html.contains("<ul class=\"angebote-liste\" id=\"angebote-liste\">"))
        #expect(html.contains("href=\"/angebote/angebote.csv\""))
        #expect(html.contains("href=\"/angebote/angebote.json\""))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/assets/css/angebote.css\">"))
        #expect(html.contains("<h1>Angebote finden</h1>"))
    }

    @Test func entryPageHasContactHoursMapVCardAndStand() throws {
        let html = try #require(AngeboteSample.render()["angebote/pflege-doebeln/index.html"]).text
        #expect(html.contains("<a href=\"tel:+493023125201\">030 23125-201</a>"))
        #expect(html.contains("<a href=\"tel:+493023125202\">+49 (0)30 23125 202</a>"))
        #expect(html.contains("<a href=\"mailto:pflege@example.org\">pflege@example.org</a>"))
        #expect(html.contains("href=\"https://www.openstreetmap.org/?mlat=51.1194&amp;mlon=13.1106#map=17/51.1194/13.1106\""))
        #expect(!html.contains("<iframe"))
        #expect(html.contains("<a href=\"/angebote/pflege-doebeln/kontakt.vcf\" download=\"pflege-doebeln.vcf\""))
        #expect(html.contains("Stand der Angaben: <time datetime=\"2024-10-01\">1. Oktober 2024</time>"))
        // The week as a table, every day, closed days said so, overnight readable.
        let table = html.section(from: "<table class=\"angebot-zeiten\">", to: "</table>")
        #expect(table.matches(of: /<tr><th scope="row">/).count == 7)
        #expect(table.contains("<tr><th scope=\"row\">Donnerstag</th><td>8:00–12:00 Uhr<br>14:00–18:00 Uhr (nur mit Termin)</td></tr>"))
        #expect(table.contains("<tr><th scope=\"row\">Freitag</th><td>8:00–12:00 Uhr<br>22:00 Uhr bis Samstag 2:00 Uhr</td></tr>"))
        #expect(table.contains("<tr><th scope=\"row\">Sonntag</th><td><span class=\"angebot-zeiten__zu\">geschlossen</span></td></tr>"))
        // Without the visitor's clock „today“ is unknown: no such claim.
        #expect(!html.lowercased().contains("heute geöffnet"))
        #expect(html.contains("<li>Induktionsschleife für Hörgeräte</li>"))
        #expect(html.contains("Klingel am Seiteneingang."))
        #expect(html.contains("<strong>Beispieleintrag:</strong>"))
        #expect(html.contains("<a href=\"/angebote/zielgruppe/pflegende-angehoerige/\">Pflegende Angehörige</a>"))
        #expect(html.contains("<a href=\"/2024/10/pflege-in-doebeln/\">Pflege in Döbeln</a>"))
        #expect(html.contains("<strong>Pflege</strong>"))
        #expect(html.contains("<p class=\"page-head__kicker\">Beratungs- und Anlaufstelle</p>"))
    }

    @Test func contentIsEscapedInPages() throws {
        let files = AngeboteSample.render()
        let html = try #require(files["angebote/kita-freiberg/index.html"]).text
        #expect(html.contains("<h1>Kita &quot;Sonne&quot; &amp; &lt;Mond&gt;; Freiberg</h1>"))
        #expect(!html.contains("<Mond>"))
        let jsonLD = html.section(from: "<script type=\"application/ld+json\">", to: "</script>")
        #expect(jsonLD.contains("\\u003cMond\\u003e") && !jsonLD.contains("<Mond>"))
        let overview = try #require(files["angebote/index.html"]).text
        #expect(overview.contains("Kita &quot;Sonne&quot; &amp; &lt;Mond&gt;; Freiberg</a>"))
    }

    @Test func entryWithoutAddressSaysSoAndHasNoMap() throws {
        let html = try #require(AngeboteSample.render()["angebote/schutzhaus/index.html"]).text
        #expect(html.contains("Döbeln – keine Besuchsadresse veröffentlicht."))
        #expect(!html.contains("openstreetmap"))
        #expect(html.contains("<tr><th scope=\"row\">Montag</th><td>rund um die Uhr</td></tr>"))
        let ld = try AngeboteSample.jsonLD(html)
        #expect(ld["@type"] as? String == "EmergencyService")
        #expect((ld["address"] as? [String: Any])?["addressLocality"] as? String == "Döbeln")
        #expect((ld["address"] as? [String: Any])?["streetAddress"] == nil)
        #expect(ld["geo"] == nil)
        let hours = try #require(ld["openingHoursSpecification"] as? [[String: Any]])
        #expect(hours.first?["opens"] as? String == "00:00" && hours.first?["closes"] as? String == "23:59")
    }

    @Test func jsonLDFollowsTheCategory() throws {
        let files = AngeboteSample.render()
        let ld = try AngeboteSample.jsonLD(try #require(files["angebote/pflege-doebeln/index.html"]).text)
        #expect(ld["@context"] as? String == "https://schema.org")
        #expect(ld["@type"] as? String == "LocalBusiness")
        #expect(ld["@id"] as? String == "https://mittelsachsen-sozial.de/angebote/pflege-doebeln/#angebot")
        #expect(ld["name"] as? String == "Älterwerden in Döbeln: Pflege-Beratung")
        #expect(ld["telephone"] as? String == "+493023125201")
        #expect(ld["email"] as? String == "pflege@example.org")
        #expect(ld["url"] as? String == "https://example.org/pflege")
        #expect(ld["isAccessibleForFree"] as? Bool == true)
        let address = try #require(ld["address"] as? [String: Any])
        #expect(address["@type"] as? String == "PostalAddress")
        #expect(address["streetAddress"] as? String == "Markt 1")
        #expect(address["postalCode"] as? String == "04720")
        #expect(address["addressCountry"] as? String == "DE")
        let geo = try #require(ld["geo"] as? [String: Any])
        #expect((geo["latitude"] as? NSNumber)?.doubleValue == 51.1194)
        let hours = try #require(ld["openingHoursSpecification"] as? [[String: Any]])
        #expect(hours.count == 3)
        #expect(hours[0]["dayOfWeek"] as? [String] == ["https://schema.org/Monday", "https://schema.org/Tuesday",
                                                      "https://schema.org/Wednesday", "https://schema.org/Thursday",
                                                      "https://schema.org/Friday"])
        #expect(hours[0]["opens"] as? String == "08:00" && hours[0]["closes"] as? String == "12:00")
        // Overnight: closing before opening means the next day in schema.org.
        #expect(hours[2]["opens"] as? String == "22:00" && hours[2]["closes"] as? String == "02:00")
        #expect((ld["parentOrganization"] as? [String: Any])?["name"] as? String == "Beispiel-Pflegenetz Döbeln e. V.")
        let languages = try #require(ld["knowsLanguage"] as? [[String: Any]])
        #expect(languages.map { $0["alternateName"] as? String } == ["de", "pl"])
        #expect((ld["amenityFeature"] as? [[String: Any]])?.count == 2)
        #expect(ld["hasMap"] as? String == "https://www.openstreetmap.org/?mlat=51.1194&mlon=13.1106#map=17/51.1194/13.1106")

        let kita = try AngeboteSample.jsonLD(try #require(files["angebote/kita-freiberg/index.html"]).text)
        #expect(kita["@type"] as? String == "ChildCare")
        #expect(kita["name"] as? String == "Kita \"Sonne\" & <Mond>; Freiberg")
        #expect(kita["isAccessibleForFree"] == nil)
    }

    @Test func postsShowPassendeAngeboteAndHandlungsfelderTheirEntries() throws {
        let site = AngeboteSample.site()
        let pages = SitePages.render(site: site, theme: SampleSite.theme(), options: AngeboteSample.options).files
        let post = try #require(pages.first { $0.path == "2024/10/pflege-in-doebeln/index.html" }).text
        let box = post.section(from: "<section class=\"angebote-box\" aria-labelledby=\"passende-angebote\">", to: "</section>")
        #expect(box.contains("<h2 id=\"passende-angebote\" class=\"angebote-box__titel\">Passende Angebote</h2>"))
        // In the order the post lists them; an unknown slug (reported by the validator) is left out.
        let listed = box.matches(of: /id="angebot-([a-z0-9-]+)"/).map { String($0.output.1) }
        #expect(listed == ["schutzhaus", "pflege-doebeln"])
        #expect(box.contains("<h3 class=\"angebot-karte__titel\">"))
        // Posts without `angebote` have no box.
        let other = try #require(pages.first { $0.path.hasPrefix("2024/11/") && $0.path.hasSuffix("index.html") }).text
        #expect(!other.contains("angebote-box"))

        let field = try #require(pages.first { $0.path == "handlungsfelder/senioren/index.html" }).text
        #expect(field.contains("<h2 id=\"angebote-handlungsfeld\" class=\"angebote-box__titel\">Angebote zum Handlungsfeld</h2>"))
        #expect(field.contains("href=\"/angebote/pflege-doebeln/\""))
        #expect(field.contains("<a href=\"/angebote/handlungsfeld/senioren/\">Alle Angebote im Handlungsfeld ansehen (1)</a>"))
        let noEntries = try #require(pages.first { $0.path == "handlungsfelder/arbeit/index.html" }).text
        #expect(!noEntries.contains("angebote-box"))
    }

    @Test func gemeindeAndRegionFragmentsForTheDashboard() throws {
        let content = AngeboteSample.site().content
        #expect(AngebotePages.entries(forGemeindeAGS: "14522080", in: content).map(\.slug) == ["pflege-doebeln", "schutzhaus"])
        #expect(AngebotePages.entries(forGemeindeAGS: "14522010", in: content).isEmpty)
        #expect(AngebotePages.gemeindeSectionHTML(forGemeindeAGS: "14522010", in: content) == nil)
        let html = try #require(AngebotePages.gemeindeSectionHTML(forGemeindeAGS: "14522080", in: content, headingLevel: 3))
        #expect(html.contains("<h3 id=\"angebote-gemeinde-doebeln\" class=\"angebote-box__titel\">Angebote in Döbeln</h3>"))
        #expect(html.contains("<h4 class=\"angebot-karte__titel\"><a href=\"/angebote/schutzhaus/\">Frauenschutzhaus</a></h4>"))
        #expect(html.contains("<a href=\"/angebote/gemeinde/doebeln/\">Alle Angebote in Döbeln ansehen (2)</a>"))
        let region = try #require(AngebotePages.sozialregionSectionHTML(5, in: content))
        #expect(region.contains("Angebote in der Sozialregion 5: West (Mittweida)"))
        #expect(AngebotePages.sozialregionSectionHTML(3, in: content) == nil)
    }

    @Test func themeWithoutTheDirectoryTemplateFallsBackToGeneric() throws {
        let root = TemporaryFolder.path("angebote-theme")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/themes", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SampleSite.repositoryRoot + "/themes/standard", toPath: root + "/themes/eigen")
        try FileManager.default.removeItem(atPath: root + "/themes/eigen/templates/angebote.mustache")
        let theme = try #require(Theme.load(named: "eigen", siteDirectory: root).theme)
        let files = AngebotePages.render(site: AngeboteSample.site(), theme: theme, options: AngeboteSample.options).files
        let html = try #require(files.first { $0.path == "angebote/schutzhaus/index.html" }).text
        #expect(html.contains("<h1>Frauenschutzhaus</h1>"))
        #expect(html.contains("generic-body"))
        #expect(html.contains("href=\"tel:+493023125204\""))
    }
}
