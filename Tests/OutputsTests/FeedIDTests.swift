import Foundation
import Testing
import Content
import Support
@testable import Outputs

// Item ids are fixed at first publication: title, slug, URL or Handlungsfeld may change.

private let original = makePost("content/beitraege/2022/armut-notlagen.md", title: "Armut & Notlagen im Landkreis",
                                date: "2022-05-17 14:00", tags: ["Sozialbericht"], slug: "armut-notlagen",
                                handlungsfelder: ["armut-notlagen"])

private func feedID(_ post: Post) -> String {
    let item = Feeds.channels(site: makeSite([post])).first!.items.first!
    return item.id
}

@Test func idIsATagURIFromHostDateAndFileName() {
    #expect(feedID(original) == "tag:mittelsachsen-sozial.de,2022-05-17:armut-notlagen")
}

@Test func idSurvivesTitleSlugURLAndHandlungsfeldChanges() {
    var edited = original
    edited.title = "Armut und Notlagen: neue Zahlen"
    edited.slug = "armut-und-notlagen-neue-zahlen"
    edited.handlungsfelder = ["wohnen", "arbeit"]
    edited.tags = ["Mindestsicherung"]
    edited.summary = "Neu geschrieben."
    edited.updated = BerlinTime.parse("2023-01-10")
    #expect(edited.url != original.url)
    #expect(feedID(edited) == feedID(original))
    // Moving the file into another sub-folder does not matter either.
    edited.source.path = "content/beitraege/archiv/2022/armut-notlagen.md"
    #expect(feedID(edited) == feedID(original))
    // Moving the site to another domain keeps ids when `id` is set (documented limit otherwise).
}

@Test func frontMatterIdWins() {
    var fixed = original
    fixed.id = "https://mittelsachsen-sozial.de/?p=123"
    #expect(feedID(fixed) == "https://mittelsachsen-sozial.de/?p=123")
    fixed.id = "armut-2022"
    #expect(feedID(fixed) == "tag:mittelsachsen-sozial.de,2022-05-17:armut-2022")
    fixed.source.path = "content/beitraege/2022/umbenannt.md"
    fixed.title = "Ganz anders"
    #expect(feedID(fixed) == "tag:mittelsachsen-sozial.de,2022-05-17:armut-2022")
}

@Test func sameIdInRSSAtomAndJSON() throws {
    let output = files(exampleSite())
    let rss = XMLReader.read(output["feed.xml"]!).texts("guid")
    let atom = XMLReader.read(output["atom.xml"]!).all("id").filter { $0.path.last == "entry" }.map(\.text)
    let json = try JSONSerialization.jsonObject(with: Data(output["feed.json"]!.utf8)) as! [String: Any]
    let jsonIDs = (json["items"] as! [[String: Any]]).map { $0["id"] as! String }
    #expect(rss.count == 4)
    #expect(rss == atom)
    #expect(rss == jsonIDs)
    #expect(Set(rss).count == rss.count)
    // Not URLs, so RSS must say so.
    let guids = XMLReader.read(output["feed.xml"]!).all("guid")
    #expect(guids.allSatisfy { $0.attributes["isPermaLink"] == "false" })
}

@Test func sameIdInEveryFeedThatHoldsThePost() {
    let output = files(exampleSite())
    let main = Set(XMLReader.read(output["feed.xml"]!).texts("guid"))
    let field = XMLReader.read(output["handlungsfelder/armut-notlagen/feed.xml"]!).texts("guid")
    let tag = XMLReader.read(output["tag/sozialbericht/feed.xml"]!).texts("guid")
    let wordpress = XMLReader.read(output["feed/index.xml"]!).texts("guid")
    #expect(!field.isEmpty && Set(field).isSubset(of: main))
    #expect(!tag.isEmpty && Set(tag).isSubset(of: main))
    #expect(Set(wordpress) == main)
}

@Test func duplicateAndInvalidIdsAreReported() {
    var twin = original
    twin.source.path = "content/beitraege/2023/armut-notlagen.md"
    twin.source.keyLocations = ["date": SourceLocation(file: twin.source.path, line: 3, column: 1)]
    var broken = makePost("content/beitraege/2022/b.md", title: "B", date: "2022-06-01")
    broken.id = "mit leerzeichen"
    let problems = Feeds.validate(site: makeSite([original, twin, broken]))
    let duplicate = problems.first { $0.code == "feed-id-duplicate" }
    #expect(duplicate?.location == SourceLocation(file: "content/beitraege/2023/armut-notlagen.md", line: 3, column: 1))
    #expect(duplicate?.message.contains("content/beitraege/2022/armut-notlagen.md") == true)
    #expect(duplicate?.hint?.contains("id:") == true)
    #expect(problems.contains { $0.code == "feed-id-invalid" && $0.location.file == "content/beitraege/2022/b.md" })
    #expect(Feeds.validate(site: exampleSite()).isEmpty)
}

@Test func itemCountBelowOneIsReported() {
    let problems = Feeds.validate(site: makeSite(examplePosts(), config: makeConfig(items: 0)))
    #expect(problems.contains { $0.code == "feed-items" && $0.location.file == "site-config.json" })
}

// `FeedIDs.id` writes derived ids into one string; `validate` finds owners in one pass instead of
// sorting every path. Both against their references on tricky input.

@Test func derivedIdsAreTheInterpolatedOnes() {
    let date = BerlinTime.parse("2022-05-17 00:30")!
    let paths = ["content/beitraege/2022/armut.md", "armut.md", "a/b.c.md", "a/.hidden", "a/b/", "a//b", "/", "", "x",
                 "a/b.", "über/straße.md", "a/\u{301}b.md", "a/b.\u{301}md", "a.b/c", "//", "content/beitraege/ä-😀.md",
                 "a/b&<>\"'.md", String(repeating: "lang/", count: 200) + String(repeating: "x", count: 500) + ".md"]
    for authority in ["mittelsachsen-sozial.de", "", "bücher.example"] {
        for path in paths {
            let reference = "tag:\(authority),\(GermanFormat.isoDay(date)):" + FeedIDs.fileStem(path)
            #expect(FeedIDs.id(date: date, fixed: nil, path: path, authority: authority) == reference, "\(path)")
            #expect(FeedIDs.id(date: date, fixed: "  ", path: path, authority: authority) == reference, "\(path)")
        }
    }
    #expect(FeedIDs.id(date: date, fixed: " eigene-id ", path: "a/b.md", authority: "h.de") == "tag:h.de,2022-05-17:eigene-id")
    #expect(FeedIDs.id(date: date, fixed: "urn:x:1", path: "a/b.md", authority: "h.de") == "urn:x:1")
}

@Test func validationInOnePassIsThePathOrderOne() {
    // Same ids across folders and dates, fixed ids equal to derived ones, invalid ids, and posts
    // in no particular order of their paths.
    let specs: [(path: String, date: String, id: String?)] = [
        ("content/beitraege/2023/armut.md", "2022-05-17", nil),
        ("content/beitraege/2022/armut.md", "2022-05-17", nil),
        ("content/beitraege/archiv/armut.md", "2022-05-17 22:00", nil),
        ("content/beitraege/z.md", "2022-05-17", "armut"),
        ("content/beitraege/a.md", "2021-01-01", "tag:mittelsachsen-sozial.de,2022-05-17:armut"),
        ("content/beitraege/leer.md", "2021-01-01", "   "),
        ("content/beitraege/blank.md", "2021-01-01", "mit leerzeichen"),
        ("content/beitraege/quote.md", "2021-01-01", "a\"b"),
        ("content/beitraege/über.md", "2021-02-02", nil),
        ("content/beitraege/2020/über.md", "2021-02-02", nil),
        ("content/beitraege/2020/ue.md", "2021-02-02", "urn:x"),
        ("content/beitraege/2019/ue.md", "2021-03-03", "urn:x"),
        ("content/beitraege/einzeln.md", "2021-04-04", nil),
    ]
    let posts = specs.map { makePost($0.path, title: "T", date: $0.date, id: $0.id) }
    let config = makeConfig()
    for order in [posts, posts.reversed(), posts.sorted { $0.source.path < $1.source.path }] {
        let found = FeedIDs.validate(posts: order, config: config)
        #expect(found == FeedIDs.validateInPathOrder(posts: order, config: config))
        #expect(found.filter { $0.code == "feed-id-duplicate" }.count == 6)
        #expect(found.filter { $0.code == "feed-id-invalid" }.count == 3)
    }
    #expect(FeedIDs.validate(posts: [], config: config).isEmpty)
    #expect(FeedIDs.validate(posts: examplePosts(), config: config) == FeedIDs.validateInPathOrder(posts: examplePosts(), config: config))
}
