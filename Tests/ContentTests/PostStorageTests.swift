import Content
import Foundation
import Support
import Testing

/// `Post` keeps its fields in a shared box; these pin that it still behaves as a plain value.
@Suite("Post as a copy-on-write value")
struct PostStorageTests {
    static func post(slug: String = "armut-im-landkreis", date: String = "2022-04-26 09:30") -> Post {
        Post(source: SourceFile(path: "content/beitraege/a.md", body: "Text", bodyFirstLine: 6),
             title: "Armut im Landkreis", date: BerlinTime.parse(date)!, tags: ["Ehrenamt", "Älter werden", "🙂 & <b>"],
             slug: slug, handlungsfelder: ["armut-notlagen"])
    }

    @Test func aCopyDoesNotSeeChangesOfTheOriginal() {
        var original = Self.post()
        let copy = original
        original.title = "Neu"
        original.tags.append("Pflege")
        original.source.body = "Anders"
        original.draft = true
        #expect(copy.title == "Armut im Landkreis")
        #expect(copy.tags == ["Ehrenamt", "Älter werden", "🙂 & <b>"])
        #expect(copy.source.body == "Text")
        #expect(copy.draft == false)
        #expect(original.title == "Neu" && original.source.body == "Anders" && original.draft)
        #expect(copy != original)
    }

    @Test func urlFollowsDateAndSlugInBerlinTime() {
        var post = Self.post()
        #expect(post.url == "/2022/04/armut-im-landkreis/")
        let copy = post
        post.slug = "anders"
        #expect(post.url == "/2022/04/anders/")
        // 23:30 UTC on 31 May is already June in Berlin.
        post.date = BerlinTime.parse("2022-05-31T23:30:00Z")!
        #expect(post.url == "/2022/06/anders/")
        #expect(copy.url == "/2022/04/armut-im-landkreis/")
    }

    @Test func tagSlugsFollowTheTags() {
        var post = Self.post()
        #expect(post.tagSlugs == ["ehrenamt", "aelter-werden", "b"])
        #expect(post.tagSlugs == post.tags.map(Slug.make))
        post.tags = ["Straße & Mobilität"]
        #expect(post.tagSlugs == ["strasse-mobilitaet"])
    }

    @Test func equalFieldsMakeEqualPostsWithEqualHashes() {
        let a = Self.post(), b = Self.post()
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        #expect(Self.post(slug: "x") != a)
        var c = a
        c.summary = "Kurz"
        c.summary = nil
        #expect(c == a)
    }

    @Test func decodedPostsKeepTheSlugsOfTheirTags() throws {
        let text = "---\ntitle: Test\ndate: 2022-04-26\ntags: [Ehrenamt, \" Älter werden \", Café Crème]\n"
            + "handlungsfelder: [bildung]\n---\nText\n"
        let (post, diagnostics) = PostDecoder.decode(bytes: Array(text.utf8), path: "content/beitraege/t.md",
                                                     handlungsfelder: DefaultHandlungsfelder.slugs)
        #expect(diagnostics.isEmpty)
        let decoded = try #require(post)
        #expect(decoded.tags == ["Ehrenamt", "Älter werden", "Café Crème"])
        #expect(decoded.tagSlugs == decoded.tags.map(Slug.make))
    }
}
