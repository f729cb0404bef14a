import Foundation
import Support

/// A blog post (`content/beitraege/**/*.md`).
///
/// A value type whose fields live in one copy-on-write box: the build hands posts around by the
/// thousand (arrays, sorting, closures), and a copy is one retain instead of one per field.
/// Setters copy the box first when another value shares it, so value semantics are unchanged.
public struct Post: Sendable {
    private var storage: PostStorage

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
        storage = PostStorage(source: source, title: title, date: date, updated: updated, summary: summary,
                              tags: tags, author: author, image: image, imageAlt: imageAlt, draft: draft,
                              slug: slug, aliases: aliases, handlungsfelder: handlungsfelder,
                              angebote: angebote, id: id, tagSlugs: tagSlugs)
    }

    /// The box to write to, copied first unless this value is its only owner.
    private mutating func writable() -> PostStorage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    public var source: SourceFile {
        get { storage.source }
        set { writable().source = newValue }
    }
    public var title: String {
        get { storage.title }
        set { writable().title = newValue }
    }
    /// First publication; without a zone in front matter it is Berlin time.
    public var date: Date {
        get { storage.date }
        set { writable().setDate(newValue) }
    }
    public var updated: Date? {
        get { storage.updated }
        set { writable().updated = newValue }
    }
    public var summary: String? {
        get { storage.summary }
        set { writable().summary = newValue }
    }
    /// Tag names as written ("Ehrenamt"); their slugs make the tag URLs.
    public var tags: [String] {
        get { storage.tags }
        set { writable().setTags(newValue) }
    }
    public var author: String? {
        get { storage.author }
        set { writable().author = newValue }
    }
    /// Site path of the lead image (`/bilder/x.png`).
    public var image: String? {
        get { storage.image }
        set { writable().image = newValue }
    }
    public var imageAlt: String? {
        get { storage.imageAlt }
        set { writable().imageAlt = newValue }
    }
    public var draft: Bool {
        get { storage.draft }
        set { writable().draft = newValue }
    }
    /// URL slug; from the title when not given.
    public var slug: String {
        get { storage.slug }
        set { writable().setSlug(newValue) }
    }
    /// Old URLs that must keep working (`/2022/04/alter-name/`).
    public var aliases: [String] {
        get { storage.aliases }
        set { writable().aliases = newValue }
    }
    /// Handlungsfeld slugs, at least one.
    public var handlungsfelder: [String] {
        get { storage.handlungsfelder }
        set { writable().handlungsfelder = newValue }
    }
    /// Slugs of service entries shown as "Passende Angebote".
    public var angebote: [String] {
        get { storage.angebote }
        set { writable().angebote = newValue }
    }
    /// Fixed identity for feeds (front-matter `id`); see `feedID`.
    public var id: String? {
        get { storage.id }
        set { writable().id = newValue }
    }

    /// WordPress-compatible URL: `/YYYY/MM/slug/` (year and month in Berlin time). Made once when
    /// date or slug is set: pages, feeds and link checks ask for it many times per post.
    public var url: String { storage.url }

    /// Slugs of `tags`, in the same order; made once when the tags are set.
    public var tagSlugs: [String] { storage.tagSlugs }
}

extension Post: Hashable {
    /// Equal when every stored field is equal (`url` and `tagSlugs` follow from them).
    public static func == (a: Post, b: Post) -> Bool {
        if a.storage === b.storage { return true }
        let x = a.storage, y = b.storage
        return x.source == y.source && x.title == y.title && x.date == y.date && x.updated == y.updated
            && x.summary == y.summary && x.tags == y.tags && x.author == y.author && x.image == y.image
            && x.imageAlt == y.imageAlt && x.draft == y.draft && x.slug == y.slug && x.aliases == y.aliases
            && x.handlungsfelder == y.handlungsfelder && x.angebote == y.angebote && x.id == y.id
    }

    public func hash(into hasher: inout Hasher) {
        let x = storage
        hasher.combine(x.source); hasher.combine(x.title); hasher.combine(x.date); hasher.combine(x.updated)
        hasher.combine(x.summary); hasher.combine(x.tags); hasher.combine(x.author); hasher.combine(x.image)
        hasher.combine(x.imageAlt); hasher.combine(x.draft); hasher.combine(x.slug); hasher.combine(x.aliases)
        hasher.combine(x.handlungsfelder); hasher.combine(x.angebote); hasher.combine(x.id)
    }
}

/// The fields of one `Post`.
///
/// `@unchecked Sendable` is safe because the box is only ever written through `Post`'s setters,
/// which first make sure (`isKnownUniquelyReferenced`) that no other `Post` value shares it; a box
/// that can be seen from two places, and so from two threads, is never written again.
private final class PostStorage: @unchecked Sendable {
    var source: SourceFile
    var title: String
    private(set) var date: Date
    var updated: Date?
    var summary: String?
    private(set) var tags: [String]
    var author: String?
    var image: String?
    var imageAlt: String?
    var draft: Bool
    private(set) var slug: String
    var aliases: [String]
    var handlungsfelder: [String]
    var angebote: [String]
    var id: String?
    private(set) var url: String
    private(set) var tagSlugs: [String]

    init(source: SourceFile, title: String, date: Date, updated: Date?, summary: String?, tags: [String],
         author: String?, image: String?, imageAlt: String?, draft: Bool, slug: String, aliases: [String],
         handlungsfelder: [String], angebote: [String], id: String?, tagSlugs: [String]) {
        self.source = source
        self.title = title
        self.date = date
        self.updated = updated
        self.summary = summary
        self.tags = tags
        self.author = author
        self.image = image
        self.imageAlt = imageAlt
        self.draft = draft
        self.slug = slug
        self.aliases = aliases
        self.handlungsfelder = handlungsfelder
        self.angebote = angebote
        self.id = id
        self.url = PostStorage.url(date: date, slug: slug)
        self.tagSlugs = tagSlugs
    }

    private init(copying other: PostStorage) {
        source = other.source
        title = other.title
        date = other.date
        updated = other.updated
        summary = other.summary
        tags = other.tags
        author = other.author
        image = other.image
        imageAlt = other.imageAlt
        draft = other.draft
        slug = other.slug
        aliases = other.aliases
        handlungsfelder = other.handlungsfelder
        angebote = other.angebote
        id = other.id
        url = other.url
        tagSlugs = other.tagSlugs
    }

    func copy() -> PostStorage { PostStorage(copying: self) }

    func setDate(_ date: Date) {
        self.date = date
        url = PostStorage.url(date: date, slug: slug)
    }

    func setSlug(_ slug: String) {
        self.slug = slug
        url = PostStorage.url(date: date, slug: slug)
    }

    func setTags(_ tags: [String]) {
        self.tags = tags
        tagSlugs = tags.map(Slug.make)
    }

    static func url(date: Date, slug: String) -> String {
        let year = BerlinTime.year(of: date)
        let month = BerlinTime.month(of: date)
        return "/\(year)/\(month < 10 ? "0" : "")\(month)/\(slug)/"
    }
}
