import Content

/// A permanent redirect the server must answer, from the old WordPress feed addresses.
public struct FeedRedirect: Sendable, Hashable {
    /// Site path as requested: `/feed/`, `/tag/ehrenamt/feed/`.
    public var from: String
    /// Site path of the feed now: `/feed.xml`.
    public var to: String
}

/// Server rules for feeds: WordPress feed addresses redirect (301) to the new files, so existing
/// subscriptions keep working and readers learn the new address; and the right media type with
/// `charset=utf-8`. `/feed/index.xml` is also written as a file, for hosts that serve a folder's
/// `index.xml` but cannot redirect. This type only returns the lines; the redirects writer puts
/// them into `.htaccess` / the nginx snippet.
public enum FeedRedirects {
    /// Exact redirects: `/feed/`, `/feed/rss2/`, `/feed/atom/`, and `/tag/<slug>/feed/` for every tag.
    public static func redirects(site: RenderedSite) -> [FeedRedirect] {
        var list = [
            FeedRedirect(from: "/feed/", to: "/feed.xml"),
            FeedRedirect(from: "/feed/rss2/", to: "/feed.xml"),
            FeedRedirect(from: "/feed/atom/", to: "/atom.xml"),
        ]
        for tag in FeedCatalog.tags(site: site) {
            list.append(FeedRedirect(from: "/tag/\(tag.slug)/feed/", to: "/tag/\(tag.slug)/feed.xml"))
        }
        return list
    }

    /// Apache (`.htaccess`, mod_alias + mod_mime). Anchored patterns, so `/feed.xml` itself and
    /// other paths below `/feed/` are not caught.
    public static func apacheLines() -> [String] {
        [
            "# Feeds: alte WordPress-Adressen dauerhaft auf die neuen Dateien umleiten",
            "RedirectMatch 301 ^/feed/?$ /feed.xml",
            "RedirectMatch 301 ^/feed/(rss2|rss)/?$ /feed.xml",
            "RedirectMatch 301 ^/feed/atom/?$ /atom.xml",
            "RedirectMatch 301 ^/tag/([a-z0-9-]+)/feed/?$ /tag/$1/feed.xml",
            "# Feeds: Medientyp und Zeichensatz",
            "AddCharset utf-8 .xml .json",
            "<Files \"feed.xml\">",
            "  ForceType application/rss+xml",
            "</Files>",
            "<Files \"atom.xml\">",
            "  ForceType application/atom+xml",
            "</Files>",
            "<Files \"feed.json\">",
            "  ForceType application/feed+json",
            "</Files>",
        ]
    }

    /// nginx (inside the `server { … }` block).
    public static func nginxLines() -> [String] {
        [
            "# Feeds: alte WordPress-Adressen dauerhaft auf die neuen Dateien umleiten",
            "location ~ ^/feed/?$ { return 301 /feed.xml; }",
            "location ~ ^/feed/(rss2|rss)/?$ { return 301 /feed.xml; }",
            "location ~ ^/feed/atom/?$ { return 301 /atom.xml; }",
            "location ~ ^/tag/([a-z0-9-]+)/feed/?$ { return 301 /tag/$1/feed.xml; }",
            "# Feeds: Medientyp und Zeichensatz",
            "location ~ /feed\\.xml$ { types { } default_type \"application/rss+xml; charset=utf-8\"; }",
            "location ~ /atom\\.xml$ { types { } default_type \"application/atom+xml; charset=utf-8\"; }",
            "location ~ /feed\\.json$ { types { } default_type \"application/feed+json; charset=utf-8\"; }",
        ]
    }
}
