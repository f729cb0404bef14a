/// Words editors bring from Hugo, Jekyll, WordPress or German, mapped to the key this site uses.
/// They are still errors (one spelling keeps the content greppable), but the hint names the
/// right key even where no spelling distance would find it.
enum KeySynonyms {
    static let post: [String: String] = [
        "categories": "handlungsfelder", "category": "handlungsfelder", "kategorien": "handlungsfelder",
        "kategorie": "handlungsfelder", "handlungsfeld": "handlungsfelder",
        "lastmod": "updated", "modified": "updated", "last_modified": "updated", "aktualisiert": "updated",
        "description": "summary", "excerpt": "summary", "teaser": "summary", "abstract": "summary",
        "zusammenfassung": "summary", "beschreibung": "summary",
        "tag": "tags", "keywords": "tags", "schlagworte": "tags", "schlagwörter": "tags",
        "authors": "author", "autor": "author", "autorin": "author",
        "alias": "aliases", "redirect_from": "aliases",
        "featured_image": "image", "featuredimage": "image", "cover": "image", "thumbnail": "image",
        "bild": "image", "titelbild": "image",
        "alt": "image_alt", "imagealt": "image_alt", "image-alt": "image_alt", "image_alt_text": "image_alt",
        "bild_alt": "image_alt", "alt_text": "image_alt",
        "published": "draft", "entwurf": "draft",
        "publishdate": "date", "pubdate": "date", "datum": "date",
        "titel": "title", "url": "slug", "permalink": "slug",
        "angebot": "angebote",
    ]

    static let page: [String: String] = [
        "description": "summary", "zusammenfassung": "summary", "beschreibung": "summary",
        "leichte-sprache": "leichte_sprache", "leichtesprache": "leichte_sprache",
        "easy_language": "leichte_sprache", "easylanguage": "leichte_sprache",
        "titel": "title", "url": "slug", "permalink": "slug", "entwurf": "draft",
    ]

    static let handlungsfeld: [String: String] = [
        "weight": "order", "reihenfolge": "order", "position": "order",
        "description": "summary", "zusammenfassung": "summary", "beschreibung": "summary",
        "name": "title", "titel": "title", "bezeichnung": "label",
    ]
}
