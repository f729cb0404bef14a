#!/usr/bin/env python3
"""make-sample.py DEST — write a tiny sample site twice: DEST/clean (passes every
checker) and DEST/broken (the same site with deliberate errors: an invalid HTML
element, images without alt, low-contrast text, broken internal links and
#fragments, bad RSS dates and links, a duplicate guid, a not well-formed Atom
feed, SVG without title/role, and a newsletter with script, external CSS,
relative URLs, no lang, no role="presentation", over 102 KB, and resources from other
origins: web fonts, a CDN script, an iframe, srcset, CSS @import/url(), inline style,
an SVG <image>, an image in a feed item).
The clean copy also holds what must NOT count as another origin: outbound <a> links, absolute
own-origin URLs in the feeds, xmlns, and assets/extra.css (@namespace, data: URLs, relative
url()), a file no page links to, so only check-origins.py reads it."""
import base64
import re
import shutil
import sys
from pathlib import Path

# 1x1 PNG
LOGO = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")

CLEAN = {
    'artikel/rente-2026/index.html': '''\
<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rentenanpassung 2026 – Sozialpolitik-Blog</title>
<link rel="stylesheet" href="../../assets/style.css">
</head>
<body>
<header><nav aria-label="Hauptnavigation"><ul><li><a href="../../index.html">Start</a></li><li><a href="/dashboard/">Daten</a></li></ul></nav></header>
<main>
<article>
<h1>Rentenanpassung 2026</h1>
<p><time datetime="2026-11-20">20. November 2026</time></p>
<p>Die Renten steigen zum 1. Juli 2026. Details im <a href="#abschnitt-2">zweiten Abschnitt</a> und auf der <a href="../../index.html#neu">Startseite</a>.</p>
<h2 id="abschnitt-2">Was ändert sich?</h2>
<p>Der aktuelle Rentenwert wird angehoben.</p>
<img src="../../assets/quote.svg" alt="Armutsgefährdungsquote 2020 bis 2024, steigend" width="200" height="100">
</article>
</main>
</body>
</html>
''',
    'assets/quote.svg': '''\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100" role="img" aria-labelledby="q-title q-desc">
  <title id="q-title">Armutsgefährdungsquote 2020 bis 2024</title>
  <desc id="q-desc">Balkendiagramm: die Quote stieg von 16,1 auf 16,6 Prozent.</desc>
  <rect x="10" y="40" width="30" height="60" fill="#0b4f9c"/>
  <rect x="60" y="38" width="30" height="62" fill="#0b4f9c"/>
  <rect x="110" y="36" width="30" height="64" fill="#0b4f9c"/>
  <rect x="160" y="35" width="30" height="65" fill="#0b4f9c"/>
</svg>
''',
    'assets/style.css': '''\
body { font-family: sans-serif; color: #1a1a1a; background: #ffffff; margin: 0 auto; max-width: 48rem; padding: 1rem; line-height: 1.5; }
a { color: #0b4f9c; }
nav ul { list-style: none; padding: 0; display: flex; gap: 1rem; }
.hinweis { color: #333333; background: #f2f2f2; padding: .5rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid #666666; padding: .25rem .5rem; }
''',
    'assets/extra.css': '''\
@namespace svg url(http://www.w3.org/2000/svg);
/* url(https://fonts.example.com/in-a-comment.woff2) is a comment, not a request */
.logo { background-image: url("/assets/logo.png"), url(data:image/gif;base64,R0lGODlhAQABAAAAACw=); }
.quote { background: url(quote.svg) no-repeat; }
''',
    'atom.xml': '''\
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
<title>Sozialpolitik-Blog</title>
<id>https://sozial.example.de/</id>
<updated>2026-11-20T10:00:00+01:00</updated>
<author><name>Redaktion</name></author>
<link rel="self" type="application/atom+xml" href="https://sozial.example.de/atom.xml"/>
<link rel="alternate" type="text/html" href="https://sozial.example.de/"/>
<entry>
<title>Rentenanpassung 2026</title>
<id>https://sozial.example.de/artikel/rente-2026/</id>
<link rel="alternate" type="text/html" href="https://sozial.example.de/artikel/rente-2026/"/>
<updated>2026-11-20T10:00:00+01:00</updated>
<summary>Die Renten steigen zum 1. Juli 2026.</summary>
</entry>
</feed>
''',
    'dashboard/index.html': '''\
<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Daten-Dashboard – Sozialpolitik-Blog</title>
<link rel="stylesheet" href="/assets/style.css">
</head>
<body>
<header><nav aria-label="Hauptnavigation"><ul><li><a href="/">Start</a></li></ul></nav></header>
<main>
<h1>Daten-Dashboard</h1>
<section aria-labelledby="quote">
<h2 id="quote">Armutsgefährdungsquote</h2>
<table>
<caption>Armutsgefährdungsquote in Prozent</caption>
<thead><tr><th scope="col">Jahr</th><th scope="col">Quote</th></tr></thead>
<tbody><tr><td>2023</td><td>16,6</td></tr><tr><td>2024</td><td>16,6</td></tr></tbody>
</table>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" width="200" height="100" role="img" aria-labelledby="dash-t dash-d">
<title id="dash-t">Quote 2023 und 2024</title>
<desc id="dash-d">Zwei gleich hohe Balken von 16,6 Prozent.</desc>
<rect x="5" y="10" width="20" height="40" fill="#0b4f9c"/>
<rect x="40" y="10" width="20" height="40" fill="#0b4f9c"/>
</svg>
</section>
</main>
</body>
</html>
''',
    'feed.xml': '''\
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Sozialpolitik-Blog</title>
<link>https://sozial.example.de/</link>
<description>Neuigkeiten zur Sozialpolitik</description>
<language>de-DE</language>
<lastBuildDate>Fri, 20 Nov 2026 10:00:00 +0100</lastBuildDate>
<atom:link href="https://sozial.example.de/feed.xml" rel="self" type="application/rss+xml"/>
<item>
<title>Rentenanpassung 2026</title>
<link>https://sozial.example.de/artikel/rente-2026/</link>
<description>Die Renten steigen zum 1. Juli 2026.</description>
<pubDate>Fri, 20 Nov 2026 10:00:00 +0100</pubDate>
<guid isPermaLink="true">https://sozial.example.de/artikel/rente-2026/</guid>
</item>
<item>
<title>Neues Dashboard</title>
<link>https://sozial.example.de/dashboard/</link>
<description>Daten zur Armutsgefährdung. &lt;img src="https://sozial.example.de/assets/logo.png" alt=""&gt;</description>
<pubDate>Mon, 02 Nov 2026 09:30:00 +0100</pubDate>
<guid isPermaLink="false">dashboard-2026-11-02</guid>
</item>
</channel>
</rss>
''',
    'index.html': '''\
<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sozialpolitik-Blog – Startseite</title>
<link rel="stylesheet" href="/assets/style.css">
<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" title="Atom" href="/atom.xml">
</head>
<body>
<a href="#inhalt">Zum Inhalt springen</a>
<header>
<img src="/assets/logo.png" alt="Logo des Ministeriums" width="40" height="40">
<nav aria-label="Hauptnavigation">
<ul>
<li><a href="/">Start</a></li>
<li><a href="/artikel/rente-2026/">Rente 2026</a></li>
<li><a href="dashboard/">Daten</a></li>
</ul>
</nav>
</header>
<main id="inhalt">
<h1>Sozialpolitik aktuell</h1>
<p class="hinweis">Neue Zahlen zur Armutsgefährdung finden Sie im <a href="dashboard/index.html#quote">Dashboard</a>.</p>
<h2 id="neu">Neueste Beiträge</h2>
<ul>
<li><a href="artikel/rente-2026/index.html">Rentenanpassung 2026</a></li>
</ul>
<figure>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" width="200" height="100" role="img" aria-labelledby="mini-t">
<title id="mini-t">Kleines Balkendiagramm: Quote steigt leicht</title>
<rect x="5" y="20" width="20" height="30" fill="#0b4f9c"/>
<rect x="40" y="15" width="20" height="35" fill="#0b4f9c"/>
</svg>
<figcaption>Armutsgefährdungsquote, Trend</figcaption>
</figure>
</main>
<footer><p><a href="/newsletter/2026-11.html">Newsletter November 2026</a> ·
<a href="https://www.landkreis-mittelsachsen.de/">Landkreis Mittelsachsen</a></p></footer>
</body>
</html>
''',
    'newsletter/2026-11.html': '''\
<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Newsletter November 2026</title>
</head>
<body style="margin:0;padding:0;background-color:#f2f2f2;">
<table role="presentation" style="width:100%;border-collapse:collapse;background-color:#f2f2f2;">
<tr><td style="padding:16px;text-align:center;">
<table role="presentation" style="width:600px;max-width:100%;margin:0 auto;border-collapse:collapse;background-color:#ffffff;font-family:Arial,sans-serif;color:#1a1a1a;text-align:left;">
<tr><td style="padding:16px;"><img src="https://sozial.example.de/assets/logo.png" alt="Sozialpolitik-Blog" width="40" height="40" style="display:block;border:0;"></td></tr>
<tr><td style="padding:16px;font-size:16px;line-height:24px;">
<h1 style="font-size:22px;margin:0 0 12px 0;">Newsletter November 2026</h1>
<p style="margin:0 0 12px 0;">Die Renten steigen zum 1. Juli 2026. <a href="https://sozial.example.de/artikel/rente-2026/" style="color:#0b4f9c;">Weiterlesen</a></p>
<p style="margin:0;"><a href="https://sozial.example.de/newsletter/abmelden" style="color:#0b4f9c;">Abmelden</a></p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
''',
}


def replace(path: Path, old: str, new: str, regex: bool = False) -> None:
    s = path.read_text(encoding="utf-8")
    s2 = re.sub(old, new, s, flags=re.S) if regex else s.replace(old, new)
    if s2 == s:
        raise SystemExit(f"make-sample: pattern not found in {path}: {old[:60]!r}")
    path.write_text(s2, encoding="utf-8")


def make_broken(d: Path) -> None:
    replace(d / "index.html", "<h1>Sozialpolitik aktuell</h1>",
            "<h1>Sozialpolitik aktuell</h1>\n"
            "<p>Eilmeldung: <bogus>Kabinett beschließt Reform</bogus></p>\n"
            "<p style=\"color:#c8c8c8;background-color:#ffffff;\">Kaum lesbarer Hinweis in Hellgrau.</p>\n"
            "<img src=\"/assets/logo.png\" width=\"40\" height=\"40\">\n"
            "<p><a href=\"/artikel/pflege-2026/\">Pflegereform</a> · "
            "<a href=\"dashboard/index.html#gibtsnicht\">Kennzahl</a> · <a href=\"#nirgends\">Sprung</a> · "
            "<img src=\"assets/fehlt.png\" alt=\"Fehlendes Bild\"></p>")
    replace(d / "index.html", r'<svg ([^>]*) role="img" aria-labelledby="mini-t">\s*<title id="mini-t">[^<]*</title>\s*',
            r"<svg \1>\n", regex=True)
    replace(d / "assets/quote.svg", ' role="img" aria-labelledby="q-title q-desc"', "")
    replace(d / "assets/quote.svg", r'\s*<title id="q-title">.*?</title>', "", regex=True)
    replace(d / "dashboard/index.html", 'aria-labelledby="dash-t dash-d"', 'aria-labelledby="dash-titel"')
    feed = d / "feed.xml"
    replace(feed, "<pubDate>Fri, 20 Nov 2026 10:00:00 +0100</pubDate>", "<pubDate>2026-11-20</pubDate>")
    replace(feed, "<link>https://sozial.example.de/dashboard/</link>", "<link>/dashboard/</link>")
    replace(feed, '<guid isPermaLink="false">dashboard-2026-11-02</guid>',
            '<guid isPermaLink="true">https://sozial.example.de/artikel/rente-2026/</guid>')
    replace(feed, '<atom:link href="https://sozial.example.de/feed.xml" rel="self" type="application/rss+xml"/>\n', "")
    replace(feed, "<description>Neuigkeiten zur Sozialpolitik</description>\n", "")
    replace(d / "atom.xml", "<summary>Die Renten steigen zum 1. Juli 2026.</summary>",
            "<summary>Renten & Pflege steigen</summary>")
    # resources from other origins (check-origins.py)
    replace(d / "index.html", '<link rel="stylesheet" href="/assets/style.css">',
            '<link rel="stylesheet" href="/assets/style.css">\n'
            '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto">\n'
            '<script src="//cdn.example.net/tracker.js"></script>')
    replace(d / "dashboard/index.html", "</section>",
            '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Erklärvideo"></iframe>\n'
            '<img src="/assets/logo.png" srcset="/assets/logo.png 1x, https://cdn.example.net/logo@2x.png 2x" '
            'alt="Logo">\n<img src="http://sozial.example.de/assets/logo.png" alt="Logo über http">\n</section>')
    replace(d / "assets/style.css", "body {", '@import url("https://fonts.googleapis.com/css?family=Open+Sans");\n'
            ".hinweis { background-image: url(//cdn.example.net/bg.png); }\nbody {")
    replace(d / "artikel/rente-2026/index.html", "<p>Der aktuelle Rentenwert wird angehoben.</p>",
            "<p style=\"background: url('https://tracker.example.com/pixel.gif')\">Der aktuelle Rentenwert wird angehoben.</p>")
    replace(d / "assets/quote.svg", "</svg>", '  <image href="https://maps.example.org/tile.png" width="10" height="10"/>\n</svg>')
    replace(feed, "&lt;img src=\"https://sozial.example.de/assets/logo.png\"", "&lt;img src=\"https://cdn.example.net/feed.png\"")
    nl = d / "newsletter/2026-11.html"
    replace(nl, '<html lang="de">', "<html>")
    replace(nl, "</title>", "</title>\n<link rel=\"stylesheet\" href=\"https://sozial.example.de/assets/style.css\">\n"
            "<style>p { color: #333333; }</style>\n<script>console.log(\"tracking\")</script>")
    replace(nl, '<table role="presentation" style="width:100%', '<table style="width:100%')
    replace(nl, '<img src="https://sozial.example.de/assets/logo.png" alt="Sozialpolitik-Blog"', '<img src="/assets/logo.png"')
    replace(nl, 'href="https://sozial.example.de/artikel/rente-2026/"', 'href="/artikel/rente-2026/"')
    replace(nl, '<p style="margin:0;"><a', "<p><a")
    filler = "<!-- " + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 1900 + " -->\n"
    replace(nl, "</body>", filler + "</body>")


def main() -> int:
    dest = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/sitecheck-sample")
    clean, broken = dest / "clean", dest / "broken"
    shutil.rmtree(clean, ignore_errors=True)
    shutil.rmtree(broken, ignore_errors=True)
    for rel, text in CLEAN.items():
        p = clean / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    (clean / "assets/logo.png").write_bytes(LOGO)
    shutil.copytree(clean, broken)
    make_broken(broken)
    print(f"sample site written: {clean} and {broken}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
