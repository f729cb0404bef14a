#!/usr/bin/env python3
"""check-origins.py — the built site must load nothing from another origin (GDPR: no third party).

    check-origins.py [--site-url URL] [--allow-origin ORIGIN]... [--show N] SITE_DIR

Scans every HTML, CSS, SVG, XML (feeds, sitemaps) and web-manifest file of SITE_DIR and reports
every reference to a resource on another origin than --site-url (scheme, host and port):
  HTML/SVG  src (img, script, iframe, embed, audio, video, source, track, input, frame),
            srcset / imagesrcset, href and xlink:href on every element except <a> and <area>
            (link, base, SVG use/image/script/feImage …), object data/codebase, video poster,
            background, html manifest, a/area ping, style="…url()…", <style> blocks, SVG
            presentation attributes with url() (fill, filter, mask …), <?xml-stylesheet?>;
  CSS       url(), @import, image-set() (@namespace is a name, not a request, and is skipped);
  feeds     channel image, enclosures, media:content/thumbnail, itunes:image, Atom icon/logo,
            content src, and the HTML inside description / content:encoded / Atom content;
  sitemaps  image:loc;  manifests  icons[].src.
Plain outbound links (<a href>, <area href>) are allowed: they load nothing until followed.
Relative URLs, data:, blob: and about: URLs are same-origin. Protocol-relative (//host/…) and
backslash forms (/\\host) are resolved as a browser would. Without --site-url every absolute
http(s) URL counts as another origin. Inline <script> code and *.js files are not scanned.
Exit status: 0 clean, 1 references to other origins (or a file that could not be read),
2 usage. Needs nothing but Python's standard library.
"""
import argparse
import collections
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443, "ftp": 21}
SAME_ORIGIN_SCHEMES = ("data:", "blob:", "about:", "javascript:", "mailto:", "tel:", "#")
NAVIGATION_TAGS = {"a", "area"}
URL_ATTRS = {"src", "data", "poster", "background", "codebase", "manifest", "lowsrc", "dynsrc"}
SRCSET_ATTRS = {"srcset", "imagesrcset"}
CSS_URL_ATTRS = {"style", "fill", "stroke", "filter", "clip-path", "mask", "marker-start", "marker-mid",
                 "marker-end", "cursor"}
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_NAMESPACE = re.compile(r"@namespace\b[^;]*;", re.I)
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)
CSS_IMAGE_SET = re.compile(r"""image-set\(((?:[^()]|\([^()]*\))*)\)""", re.I)
CSS_STRING = re.compile(r"""(?:"([^"]*)"|'([^']*)')""")
PI_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')""")
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "media": "http://search.yahoo.com/mrss/",
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
}


def origin_of(url: str, site: tuple):
    """The origin (scheme, host, port) a reference loads from; None when it is the site's own."""
    u = re.sub(r"[\t\n\r]", "", url).strip()
    u = u.replace("\\", "/")          # browsers read backslashes as slashes in http(s) URLs
    low = u.lower()
    if not u or low.startswith(SAME_ORIGIN_SCHEMES):
        return None
    if u.startswith("//"):
        u = (site[0] if site else "https") + ":" + u
    elif not re.match(r"^[a-z][a-z0-9+.\-]*:", low):
        return None                   # a path: relative to the page, same origin
    p = urlsplit(u)
    try:
        port = p.port or DEFAULT_PORTS.get(p.scheme.lower())
    except ValueError:
        port = None
    o = (p.scheme.lower(), (p.hostname or "").lower(), port)
    return None if site and o == site else o


def fmt_origin(o) -> str:
    scheme, host, port = o
    return f"{scheme}://{host}" + ("" if port == DEFAULT_PORTS.get(scheme) or port is None else f":{port}")


def srcset_urls(value: str) -> list:
    """URLs of a srcset: candidates separated by commas, each 'URL [descriptor]'."""
    out = []
    for cand in value.split(","):
        parts = cand.strip().split()
        if parts:
            out.append(parts[0])
    return out


def css_refs(text: str) -> list:
    """(line offset, what, url) for each resource a piece of CSS loads."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))  # keep line numbers
    text = CSS_NAMESPACE.sub(blank, CSS_COMMENT.sub(blank, text))
    found = []
    for m in CSS_URL.finditer(text):
        kind = "@import" if re.search(r"@import\s*$", text[max(0, m.start() - 40):m.start()], re.I) else "url()"
        found.append((text.count("\n", 0, m.start()), kind, next(g for g in m.groups() if g is not None)))
    for m in CSS_IMPORT.finditer(text):
        found.append((text.count("\n", 0, m.start()), "@import", m.group(1) or m.group(2) or ""))
    for m in CSS_IMAGE_SET.finditer(text):
        for s in CSS_STRING.finditer(m.group(1)):
            found.append((text.count("\n", 0, m.start()), "image-set()", s.group(1) or s.group(2) or ""))
    return found


class Checker:
    def __init__(self, site_origin, allowed):
        self.site = site_origin
        self.allowed = allowed
        self.findings = []      # (where, what, url, origin)
        self.unreadable = []

    def ref(self, where: str, what: str, url: str) -> None:
        o = origin_of(url, self.site)
        if o is not None and fmt_origin(o) not in self.allowed:
            self.findings.append((where, what, url.strip(), fmt_origin(o)))

    def css(self, text: str, where_line, what: str) -> None:
        for off, kind, url in css_refs(text):
            self.ref(where_line(off), f"{what} {kind}".strip(), url)

    def html(self, text: str, where_prefix: str, line_base: int = 0) -> None:
        HtmlScanner(self, where_prefix, line_base).scan(text)

    def pi(self, text: str, where: str) -> None:
        if text.startswith("xml-stylesheet"):
            for m in PI_HREF.finditer(text):
                self.ref(where, "<?xml-stylesheet href?>", m.group(1) or m.group(2) or "")


class HtmlScanner(HTMLParser):
    """HTML or SVG source: tags, attributes, <style> contents and processing instructions."""

    def __init__(self, checker: Checker, prefix: str, line_base: int):
        super().__init__(convert_charrefs=True)
        self.c, self.prefix, self.line_base = checker, prefix, line_base
        self.in_style = False

    def scan(self, text: str) -> None:
        self.feed(text)
        self.close()

    def where(self, line_offset: int = 0) -> str:
        line, col = self.getpos()
        return f"{self.prefix}:{self.line_base + line + line_offset}:{col + 1}"

    def handle_starttag(self, tag, attrs):
        self.attrs(tag, attrs)
        if tag == "style":
            self.in_style = True

    def handle_startendtag(self, tag, attrs):
        self.attrs(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            line = self.getpos()[0]
            self.c.css(data, lambda off: f"{self.prefix}:{self.line_base + line + off}", "<style>")

    def handle_pi(self, data):
        self.c.pi(data, self.where())

    def attrs(self, tag, attrs):
        where = None
        for name, value in attrs:
            if value is None:
                continue
            what = None
            if name in URL_ATTRS:
                what, urls = f"<{tag} {name}>", [value]
            elif name in SRCSET_ATTRS:
                what, urls = f"<{tag} {name}>", srcset_urls(value)
            elif name in ("href", "xlink:href") and tag not in NAVIGATION_TAGS:
                what, urls = f"<{tag} {name}>", [value]
            elif name == "ping":
                what, urls = f"<{tag} ping>", value.split()
            elif name in CSS_URL_ATTRS and ("url(" in value.lower() or "image-set(" in value.lower()):
                where = where or self.where()
                self.c.css(value, lambda off, w=where: w, f"<{tag} {name}=…>")
                continue
            if what:
                where = where or self.where()
                for u in urls:
                    self.c.ref(where, what, u)


def scan_xml(c: Checker, path: Path, rel: str) -> None:
    raw = path.read_bytes()
    for m in re.finditer(rb"<\?(xml-stylesheet[^?]*)\?>", raw):
        line = raw.count(b"\n", 0, m.start()) + 1
        c.pi(m.group(1).decode("utf-8", "replace"), f"{rel}:{line}")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as e:
        c.unreadable.append(f"{rel}: not well-formed XML, not scanned: {e}")
        return
    A = "{%s}" % NS["atom"]
    if root.tag == "rss":
        ch = root.find("channel")
        items = [] if ch is None else ch.findall("item")
        if ch is not None:
            for url in ch.findall("image/url"):
                c.ref(f"{rel}: channel", "<image><url>", url.text or "")
            scan_feed_item(c, ch, f"{rel}: channel")
        for i, it in enumerate(items, 1):
            where = f"{rel}: item {i}"
            for enc in it.findall("enclosure"):
                c.ref(where, "<enclosure url>", enc.get("url", ""))
            scan_feed_item(c, it, where)
            for tag in ("description", "{%s}encoded" % NS["content"]):
                for el in it.findall(tag):
                    if el.text:
                        c.html(el.text, f"{where} <{tag.split('}')[-1]}> HTML")
    elif root.tag == A + "feed":
        for tag in ("icon", "logo"):
            for el in root.findall(A + tag):
                c.ref(f"{rel}: feed", f"<{tag}>", el.text or "")
        for i, e in enumerate(root.findall(A + "entry"), 1):
            where = f"{rel}: entry {i}"
            for link in e.findall(A + "link"):
                if link.get("rel") == "enclosure":
                    c.ref(where, '<link rel="enclosure">', link.get("href", ""))
            scan_feed_item(c, e, where)
            for tag in ("content", "summary"):
                for el in e.findall(A + tag):
                    if el.get("src"):
                        c.ref(where, f"<{tag} src>", el.get("src"))
                    kind = el.get("type", "text")
                    if kind == "html" and el.text:
                        c.html(el.text, f"{where} <{tag}> HTML")
                    elif kind == "xhtml":
                        c.html(xhtml_source(el), f"{where} <{tag}> XHTML")
    else:
        for el in root.iter("{%s}loc" % NS["image"]):
            c.ref(f"{rel}: sitemap", "<image:loc>", el.text or "")


def scan_feed_item(c: Checker, el, where: str) -> None:
    for tag in ("content", "thumbnail"):
        for m in el.findall("{%s}%s" % (NS["media"], tag)):
            c.ref(where, f"<media:{tag} url>", m.get("url", ""))
    for m in el.findall("{%s}image" % NS["itunes"]):
        c.ref(where, "<itunes:image href>", m.get("href", ""))


def xhtml_source(el) -> str:
    """Atom xhtml content as HTML source, namespace prefixes dropped."""
    s = "".join(ET.tostring(child, encoding="unicode") for child in el)
    return re.sub(r"<(/?)ns\d+:", r"<\1", s)


def scan_manifest(c: Checker, path: Path, rel: str) -> None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        c.unreadable.append(f"{rel}: not valid JSON, not scanned: {e}")
        return
    for key in ("icons", "screenshots"):
        for i, icon in enumerate(data.get(key) or [], 1):
            if isinstance(icon, dict):
                c.ref(f"{rel}: {key}[{i}]", "src", str(icon.get("src", "")))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site")
    ap.add_argument("--site-url", help="the site's public address, e.g. https://mittelsachsen-sozial.de")
    ap.add_argument("--allow-origin", action="append", default=[],
                    help="an origin that may be used after all, e.g. https://karten.example.de (repeatable)")
    ap.add_argument("--show", type=int, default=40, help="references listed (default 40)")
    args = ap.parse_args()
    site_dir = Path(args.site)
    if not site_dir.is_dir():
        print(f"check-origins: no such folder {args.site}", file=sys.stderr)
        return 2
    site_origin = None
    if args.site_url:
        p = urlsplit(args.site_url)
        if p.scheme not in ("http", "https") or not p.hostname:
            print(f"check-origins: --site-url {args.site_url!r} is not an http(s) URL", file=sys.stderr)
            return 2
        site_origin = (p.scheme, p.hostname.lower(), p.port or DEFAULT_PORTS[p.scheme])
    allowed = {a.rstrip("/").lower() for a in args.allow_origin}

    t0 = time.time()
    c = Checker(site_origin, allowed)
    counts = collections.Counter()
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        ext = path.suffix.lower()
        try:
            if ext in (".html", ".htm"):
                counts["HTML"] += 1
                c.html(path.read_text(encoding="utf-8", errors="replace"), rel)
            elif ext == ".svg":
                counts["SVG"] += 1
                c.html(path.read_text(encoding="utf-8", errors="replace"), rel)
            elif ext == ".css":
                counts["CSS"] += 1
                c.css(path.read_text(encoding="utf-8", errors="replace"), lambda off, r=rel: f"{r}:{off + 1}", "")
            elif ext in (".xml", ".rss", ".atom", ".xsl", ".xslt"):
                counts["XML"] += 1
                scan_xml(c, path, rel)
            elif ext == ".webmanifest" or path.name == "manifest.json":
                counts["manifest"] += 1
                scan_manifest(c, path, rel)
        except OSError as e:
            c.unreadable.append(f"{rel}: could not be read: {e}")

    secs = time.time() - t0
    against = fmt_origin(site_origin) if site_origin else "(no --site-url: every absolute URL is foreign)"
    scanned = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "no files"
    by_origin = collections.Counter(f[3] for f in c.findings)
    print(f"check-origins: {sum(counts.values())} files ({scanned}) checked against {against} in {secs:.1f} s: "
          f"{len(c.findings)} references to {len(by_origin)} other origins, {len(c.unreadable)} files not scanned")
    for origin, n in by_origin.most_common():
        print(f"  {n:4d} × {origin}")
    for where, what, url, _ in c.findings[: args.show]:
        print(f"  {where}: {what}: {url}")
    if len(c.findings) > args.show:
        print(f"  … {len(c.findings) - args.show} more")
    for m in c.unreadable:
        print(f"  error: {m}")
    return 1 if c.findings or c.unreadable else 0


if __name__ == "__main__":
    sys.exit(main())
