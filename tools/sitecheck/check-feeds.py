#!/usr/bin/env python3
"""check-feeds.py — offline checks of generated RSS 2.0 and Atom 1.0 feeds.

    check-feeds.py [--site-url URL] [--site-dir DIR] FEED_FILE...

For every file:
  * xmllint --noout (libxml2-utils): the XML must be well-formed;
  * feedparser: the 'bozo' flag must be clear (feedparser could parse it cleanly);
  * RSS 2.0: channel title/link/description; per item title or description, plus
    link, guid and pubDate; dates in RFC 822 form (RFC 2822 day-of-week checked);
    absolute http(s) URLs in link, guid (unless isPermaLink="false"), enclosure,
    image and atom:link; no relative href/src inside item HTML; unique guids;
    atom:link rel="self" with type application/rss+xml;
  * Atom 1.0: feed id/title/updated/author, entry id/title/updated, RFC 3339 dates,
    absolute link hrefs, link rel="self", unique entry ids;
  * with --site-url and --site-dir: every item/entry link under the site URL maps
    to a file in the site folder (folder URLs resolve to index.html), and the self
    link starts with the site URL.
Exit status: 0 no errors, 1 errors, 2 usage or tool failure. Warnings never fail.
Needs: libxml2-utils (Debian), feedparser and lxml (PyPI, in $SITECHECK_VENV).
"""
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = Path(os.environ.get("SITECHECK_VENV", "/tmp/sozialsite-sitecheck-venv"))


def _bootstrap() -> None:
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    if subprocess.run([str(HERE / "sitecheck-env.sh"), "--for", "feeds"], stdout=subprocess.DEVNULL).returncode:
        print("check-feeds: installing what the check needs failed (see above)", file=sys.stderr)
        sys.exit(2)
    py = VENV / "bin" / "python"
    os.execv(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]])


if __name__ == "__main__" and not any(a in ("-h", "--help") for a in sys.argv[1:]):
    _bootstrap()

# ---------------------------------------------------------------------------
import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import email.utils  # noqa: E402
import re  # noqa: E402
import time  # noqa: E402
from html.parser import HTMLParser  # noqa: E402
from urllib.parse import unquote, urlsplit  # noqa: E402

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
RFC822 = re.compile(
    r"^(?:(?P<dow>Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(?P<day>\d{1,2}) "
    r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?P<year>\d{2}|\d{4}) "
    r"\d{2}:\d{2}(?::\d{2})? (?P<zone>UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|[A-IK-Z]|[+-]\d{4})$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


class Report:
    def __init__(self, name):
        self.name, self.errors, self.warnings = name, [], []

    def err(self, msg):
        self.errors.append(msg)

    def warn(self, msg):
        self.warnings.append(msg)


def is_abs_http(url: str) -> bool:
    p = urlsplit(url.strip())
    return p.scheme in ("http", "https") and bool(p.netloc)


class RelativeRefs(HTMLParser):
    """Collects relative href/src values from an HTML fragment (item description)."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rel = []

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("href", "src") and v and not v.startswith(("#", "mailto:", "tel:", "data:")) \
                    and not is_abs_http(v):
                self.rel.append(f"<{tag} {k}=\"{v}\">")


def check_rfc822(value, where, rep):
    v = (value or "").strip()
    m = RFC822.match(v)
    if not m:
        rep.err(f"{where}: '{v}' is not an RFC 822 date (e.g. 'Fri, 20 Nov 2026 10:00:00 +0100')")
        return None
    try:
        d = email.utils.parsedate_to_datetime(v)
    except (TypeError, ValueError):
        rep.err(f"{where}: '{v}' is not a valid date")
        return None
    if m.group("dow") and d.strftime("%a") != m.group("dow"):
        rep.err(f"{where}: '{v}': day of week should be {d.strftime('%a')}")
    if len(m.group("year")) == 2:
        rep.warn(f"{where}: '{v}': use a four-digit year")
    return d


def check_rfc3339(value, where, rep):
    v = (value or "").strip()
    if not RFC3339.match(v):
        rep.err(f"{where}: '{v}' is not an RFC 3339 date-time (e.g. '2026-11-20T10:00:00+01:00')")
        return None
    try:
        return dt.datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        rep.err(f"{where}: '{v}' is not a valid date-time")
        return None


def url_to_file(url, site_url, site_dir):
    """Map an absolute site URL to a file in site_dir; None when outside the site."""
    if not url.startswith(site_url):
        return None
    path = unquote(urlsplit(url).path)
    base = unquote(urlsplit(site_url).path)
    rel = path[len(base):] if path.startswith(base) else path.lstrip("/")
    target = site_dir / rel
    if rel == "" or rel.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def check_site_link(url, where, args, rep):
    if not (args.site_url and args.site_dir):
        return
    f = url_to_file(url, args.site_url, Path(args.site_dir))
    if f is not None and not f.is_file():
        rep.err(f"{where}: {url} has no file in the site folder (expected {f.relative_to(args.site_dir)})")


def text(el, tag):
    c = el.find(tag)
    return None if c is None or c.text is None else c.text.strip()


def check_rss(root, rep, args):
    if root.get("version") != "2.0":
        rep.err(f"<rss version=\"{root.get('version')}\">: expected version=\"2.0\"")
    channels = root.findall("channel")
    if len(channels) != 1:
        rep.err(f"expected exactly one <channel>, found {len(channels)}")
        if not channels:
            return
    ch = channels[0]
    for req in ("title", "link", "description"):
        n = len(ch.findall(req))
        if n == 0 or not text(ch, req):
            rep.err(f"channel: required element <{req}> missing or empty")
        elif n > 1:
            rep.err(f"channel: <{req}> appears {n} times")
    link = text(ch, "link")
    if link and not is_abs_http(link):
        rep.err(f"channel/link: '{link}' is not an absolute http(s) URL")
    lang = text(ch, "language")
    if lang is None:
        rep.warn("channel: no <language> (e.g. de-DE)")
    elif not LANG.match(lang):
        rep.err(f"channel/language: '{lang}' is not a language code")
    for tag in ("pubDate", "lastBuildDate"):
        if ch.find(tag) is not None:
            check_rfc822(text(ch, tag), f"channel/{tag}", rep)
    img = ch.find("image")
    if img is not None:
        for req in ("url", "title", "link"):
            if not text(img, req):
                rep.err(f"channel/image: <{req}> missing")
        if text(img, "url") and not is_abs_http(text(img, "url")):
            rep.err(f"channel/image/url: '{text(img, 'url')}' is not absolute")
    selfs = [a for a in ch.findall(ATOM + "link") if a.get("rel") == "self"]
    if not selfs:
        rep.err('channel: no <atom:link rel="self" href="…" type="application/rss+xml"/> '
                '(xmlns:atom="http://www.w3.org/2005/Atom")')
    for a in selfs:
        href = a.get("href", "")
        if not is_abs_http(href):
            rep.err(f"atom:link rel=self: href '{href}' is not absolute")
        elif args.site_url and not href.startswith(args.site_url):
            rep.err(f"atom:link rel=self: href '{href}' is not under {args.site_url}")
        if a.get("type") != "application/rss+xml":
            rep.warn(f"atom:link rel=self: type should be application/rss+xml, is {a.get('type')!r}")
    items = ch.findall("item")
    if not items:
        rep.warn("channel has no <item>")
    guids, links = {}, {}
    now = dt.datetime.now(dt.timezone.utc)
    for i, it in enumerate(items, 1):
        w = f"item {i}" + (f" ('{text(it, 'title')[:40]}')" if text(it, "title") else "")
        if not text(it, "title") and not text(it, "description"):
            rep.err(f"{w}: needs <title> or <description>")
        ilink = text(it, "link")
        if not ilink:
            rep.err(f"{w}: no <link>")
        elif not is_abs_http(ilink):
            rep.err(f"{w}: link '{ilink}' is not an absolute http(s) URL")
        else:
            check_site_link(ilink, w, args, rep)
            if ilink in links:
                rep.warn(f"{w}: same link as item {links[ilink]}")
            links.setdefault(ilink, i)
        g = it.find("guid")
        if g is None or not (g.text or "").strip():
            rep.err(f"{w}: no <guid>")
        else:
            gv = g.text.strip()
            perma = g.get("isPermaLink", "true")
            if perma not in ("true", "false"):
                rep.err(f"{w}: guid isPermaLink must be true or false, is '{perma}'")
            if perma == "true" and not is_abs_http(gv):
                rep.err(f"{w}: guid '{gv}' is a permalink (isPermaLink defaults to true) but not an absolute URL")
            if gv in guids:
                rep.err(f"{w}: guid '{gv}' already used by item {guids[gv]}")
            guids.setdefault(gv, i)
        if it.find("pubDate") is None:
            rep.err(f"{w}: no <pubDate>")
        else:
            d = check_rfc822(text(it, "pubDate"), f"{w}/pubDate", rep)
            if d and d.tzinfo and d > now + dt.timedelta(days=1):
                rep.warn(f"{w}: pubDate lies in the future")
        for enc in it.findall("enclosure"):
            if not is_abs_http(enc.get("url", "")):
                rep.err(f"{w}: enclosure url '{enc.get('url')}' is not absolute")
            if not enc.get("length") or not enc.get("type"):
                rep.err(f"{w}: enclosure needs length and type")
        for tag in ("description", CONTENT):
            html = text(it, tag)
            if html:
                p = RelativeRefs()
                p.feed(html)
                for ref in p.rel[:5]:
                    rep.err(f"{w}: relative URL inside {tag.split('}')[-1]}: {ref}")


def check_atom(root, rep, args):
    A = ATOM
    for req in ("id", "title", "updated"):
        if root.find(A + req) is None or not text(root, A + req):
            rep.err(f"feed: required element <{req}> missing or empty")
    if root.find(A + "updated") is not None:
        check_rfc3339(text(root, A + "updated"), "feed/updated", rep)
    entries = root.findall(A + "entry")
    if root.find(A + "author") is None and any(e.find(A + "author") is None for e in entries):
        rep.err("feed: <author> required on the feed or on every entry")
    links = root.findall(A + "link")
    if not any(link.get("rel") == "self" for link in links):
        rep.err('feed: no <link rel="self" href="…"/>')
    base_set = root.get("{http://www.w3.org/XML/1998/namespace}base")
    for link in links:
        href = link.get("href", "")
        if not base_set and not is_abs_http(href):
            rep.err(f"feed link rel={link.get('rel', 'alternate')}: href '{href}' is not absolute")
        elif link.get("rel") == "self" and args.site_url and not href.startswith(args.site_url):
            rep.err(f"feed link rel=self: href '{href}' is not under {args.site_url}")
    ids = {}
    for i, e in enumerate(entries, 1):
        w = f"entry {i}" + (f" ('{text(e, A + 'title')[:40]}')" if text(e, A + "title") else "")
        for req in ("id", "title", "updated"):
            if e.find(A + req) is None or not text(e, A + req):
                rep.err(f"{w}: required element <{req}> missing or empty")
        for tag in ("updated", "published"):
            if e.find(A + tag) is not None:
                check_rfc3339(text(e, A + tag), f"{w}/{tag}", rep)
        eid = text(e, A + "id")
        if eid:
            if ":" not in eid:
                rep.err(f"{w}: id '{eid}' is not an absolute IRI")
            if eid in ids:
                rep.err(f"{w}: id '{eid}' already used by entry {ids[eid]}")
            ids.setdefault(eid, i)
        elinks = e.findall(A + "link")
        if e.find(A + "content") is None and not any(link.get("rel", "alternate") == "alternate"
                                                     for link in elinks):
            rep.err(f"{w}: needs <content> or <link rel=\"alternate\">")
        for link in elinks:
            href = link.get("href", "")
            if not base_set and not is_abs_http(href):
                rep.err(f"{w}: link href '{href}' is not absolute")
            elif link.get("rel", "alternate") == "alternate":
                check_site_link(href, w, args, rep)


def check_file(path: Path, args) -> Report:
    import feedparser
    from lxml import etree
    rep = Report(str(path))
    xl = subprocess.run(["xmllint", "--noout", "--nonet", str(path)], capture_output=True, text=True)
    wellformed = xl.returncode == 0
    if not wellformed:
        lines = [ln for ln in xl.stderr.splitlines() if ln.strip()]
        rep.err("xmllint: not well-formed XML: " + ("\n         ".join(lines[:3]) if lines
                                                     else f"exit {xl.returncode}"))
    fp = feedparser.parse(str(path))
    if fp.bozo:
        rep.err(f"feedparser bozo: {type(fp.bozo_exception).__name__}: {fp.bozo_exception}")
    rep.kind = fp.version or "unknown"
    if not wellformed:
        return rep
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    if root.tag == "rss":
        rep.kind = "RSS " + str(root.get("version"))
        check_rss(root, rep, args)
    elif root.tag == ATOM + "feed":
        rep.kind = "Atom 1.0"
        check_atom(root, rep, args)
    else:
        rep.err(f"root element <{root.tag}> is neither <rss> nor Atom <feed>")
    return rep


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("feeds", nargs="+")
    ap.add_argument("--site-url", help="public base URL of the site, e.g. https://example.de/")
    ap.add_argument("--site-dir", help="the generated site folder, to check item links against")
    args = ap.parse_args()
    if args.site_url and not args.site_url.endswith("/"):
        args.site_url += "/"
    t0 = time.time()
    total_err = 0
    for f in args.feeds:
        p = Path(f)
        if not p.is_file():
            print(f"{f}: no such file")
            total_err += 1
            continue
        rep = check_file(p, args)
        total_err += len(rep.errors)
        status = "OK" if not rep.errors else "FAIL"
        print(f"{f} ({rep.kind}): {status}, {len(rep.errors)} errors, {len(rep.warnings)} warnings")
        for m in rep.errors:
            print(f"  error: {m}")
        for m in rep.warnings:
            print(f"  warning: {m}")
    print(f"check-feeds: {len(args.feeds)} feeds, {total_err} errors in {time.time() - t0:.1f} s")
    return 1 if total_err else 0


if __name__ == "__main__":
    sys.exit(main())
