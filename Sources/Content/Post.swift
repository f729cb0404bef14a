import Foundation
import Support

/// A blog post (`content/beitraege/**/*.md`).
///
/// Its fields live in one shared, immutable box (`SharedFields`): a copy is one retain, a setter
/// makes a new box; posts are almost never changed after loading.
public struct Post: Sendable {
    private var storage: SharedFields<PostFields>

    public init(source: SourceFile, title: String, date: Date, updated: Date? = nil, summary: String? = nil,
                tags: [String] = [], author: String? = nil, image: String? = nil, imageAlt: String? = nil,
                draft: Bool = false, slug: String, aliases: [String] = [], handlungsfelder: [String],
                angebote: [String] = [], id: String? = nil) {
        self.init(source: source, title: title, date: date, updated: updated, summary: summary, tags: tags,
                  author: author, image: image, imageAlt: imageAlt, draft: draft, slug: slug, aliases: aliases,
                  handlungsfelder: handlungsfelder, angebote: angebote, id: id, tagSlugs: tags.map(Slug.make))
    }

    /// For the decoder, which has made the tags' slugs already (`tagSlugs[i] == Slug.make(tags[i])`).
    init(source: SourceFile, title: String, date: Date, updated: Date?, summary: String?, tags: [String],
         author: String?, image: String?, imageAlt: String?, draft: Bool, slug: String, aliases: [String],
         handlungsfelder: [String], angebote: [String], id: String?, tagSlugs: [String]) {
        storage = SharedFields(PostFields(
            source: source, title: title, date: date, updated: updated, summary: summary, tags: tags, author: author,
            image: image, imageAlt: imageAlt, draft: draft, slug: slug, aliases: aliases,
            handlungsfelder: handlungsfelder, angebote: angebote, id: id,
            url: PostFields.url(date: date, slug: slug), tagSlugs: tagSlugs))
    }


    public var source: SourceFile {
        _read { yield storage.fields.source }
        set { storage.update { $0.source = newValue } }
    }
    public var title: String {
        get { storage.fields.title }
        set { storage.update { $0.title = newValue } }
    }
    /// First publication; without a zone in front matter it is Berlin time.
    public var date: Date {
        get { storage.fields.date }
        set { storage.update { $0.date = newValue; $0.url = PostFields.url(date: newValue, slug: $0.slug) } }
    }
    public var updated: Date? {
        get { storage.fields.updated }
        set { storage.update { $0.updated = newValue } }
    }
    public var summary: String? {
        get { storage.fields.summary }
        set { storage.update { $0.summary = newValue } }
    }
    /// Tag names as written ("Ehrenamt"); their slugs make the tag URLs.
    public var tags: [String] {
        get { storage.fields.tags }
        set { storage.update { $0.tags = newValue; $0.tagSlugs = newValue.map(Slug.make) } }
    }
    public var author: String? {
        get { storage.fields.author }
        set { storage.update { $0.author = newValue } }
    }
    /// Site path of the lead image (`/bilder/x.png`).
    public var image: String? {
        get { storage.fields.image }
        set { storage.update { $0.image = newValue } }
    }
    public var imageAlt: String? {
        get { storage.fields.imageAlt }
        set { storage.update { $0.imageAlt = newValue } }
    }
    public var draft: Bool {
        get { storage.fields.draft }
        set { storage.update { $0.draft = newValue } }
    }
    /// URL slug; from the title when not given.
    public var slug: String {
        get { storage.fields.slug }
        set { storage.update { $0.slug = newValue; $0.url = PostFields.url(date: $0.date, slug: newValue) } }
    }
    /// Old URLs that must keep working (`/2022/04/alter-name/`).
    public var aliases: [String] {
        get { storage.fields.aliases }
        set { storage.update { $0.aliases = newValue } }
    }
    /// Handlungsfeld slugs, at least one.
    public var handlungsfelder: [String] {
        get { storage.fields.handlungsfelder }
        set { storage.update { $0.handlungsfelder = newValue } }
    }
    /// Slugs of service entries shown as "Passende Angebote".
    public var angebote: [String] {
        get { storage.fields.angebote }
        set { storage.update { $0.angebote = newValue } }
    }
    /// Fixed identity for feeds (front-matter `id`); see `feedID`.
    public var id: String? {
        get { storage.fields.id }
        set { storage.update { $0.id = newValue } }
    }

    /// WordPress-compatible URL: `/YYYY/MM/slug/` (year and month in Berlin time). Made once when
    /// date or slug is set: pages, feeds and link checks ask for it many times per post.
    public var url: String { storage.fields.url }

    /// Slugs of `tags`, in the same order; made once when the tags are set.
    public var tagSlugs: [String] { storage.fields.tagSlugs }
}

extension Post: Hashable {
    /// Equal when every field is equal (`url` and `tagSlugs` follow from the others).
    public static func == (a: Post, b: Post) -> Bool {
        a.storage == b.storage
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}

/// The fields of one `Post`, with the two values made from them.
private struct PostFields: Sendable, Hashable {
    var source: SourceFile
    var title: String
    var date: Date
    var updated: Date?
    var summary: String?
    var tags: [String]
    var author: String?
    var image: String?
    var imageAlt: String?
    var draft: Bool
    var slug: String
    var aliases: [String]
    var handlungsfelder: [String]
    var angebote: [String]
    var id: String?
    var url: String
    var tagSlugs: [String]

    static func url(date: Date, slug: String) -> String {
        let year = BerlinTime.year(of: date)
        let month = BerlinTime.month(of: date)
        return "/\(year)/\(month < 10 ? "0" : "")\(month)/\(slug)/"
    }
}

