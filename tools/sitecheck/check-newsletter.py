#!/usr/bin/env python3
"""check-newsletter.py — checks for e-mail (newsletter) HTML files.

    check-newsletter.py [--max-bytes N] [--site-url URL --site-dir DIR] FILE...

Errors (exit 1):
  * file size over --max-bytes (default 102000: Gmail clips messages from about
    102 KB on, and mail systems add a little, so the count is in 1000s);
  * <script>, <link rel="stylesheet">, @import, <iframe>/<object>/<embed>/<form>/<base>;
  * styles not inlined: premailer (PyPI) inlines the page's <style> rules; every
    element that would gain a CSS property that way is reported (a <style> block
    may stay for @media queries and :hover, which premailer leaves alone);
  * <img> without an alt attribute (alt="" is fine for decoration) or with a src
    that is not an absolute http(s) URL;
  * <a>/<area> href that is not absolute (http(s), mailto:, tel:);
  * no lang attribute on <html>;
  * no <table>, or a layout <table> without role="presentation" (tables with
    <th>, <caption> or <thead> count as data tables and are exempt).
Warnings: lines over 998 characters (SMTP limit), <img> without width, flex/grid/
position in inline styles, no <title>, and with --site-url/--site-dir links into
the site that have no file there.
Needs premailer and lxml (PyPI, in $SITECHECK_VENV, default /tmp/sozialsite-sitecheck-venv).
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
    if subprocess.run([str(HERE / "sitecheck-env.sh"), "--for", "newsletter"], stdout=subprocess.DEVNULL).returncode:
        print("check-newsletter: installing what the check needs failed (see above)", file=sys.stderr)
        sys.exit(2)
    py = VENV / "bin" / "python"
    os.execv(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]])


if __name__ == "__main__" and not any(a in ("-h", "--help") for a in sys.argv[1:]):
    _bootstrap()

# ---------------------------------------------------------------------------
import argparse  # noqa: E402
import logging  # noqa: E402
import re  # noqa: E402
import time  # noqa: E402
from urllib.parse import unquote, urlsplit  # noqa: E402

ABS_LINK = re.compile(r"^(https?://[^/\s]+|mailto:|tel:)", re.I)
ABS_HTTP = re.compile(r"^https?://[^/\s]+", re.I)


def props(style: str) -> set:
    out = set()
    for decl in (style or "").split(";"):
        if ":" in decl:
            out.add(decl.split(":", 1)[0].strip().lower())
    return out


def where(el) -> str:
    ident = el.tag
    if el.get("id"):
        ident += f"#{el.get('id')}"
    elif el.get("class"):
        ident += "." + ".".join(el.get("class").split())
    return f"line {el.sourceline} <{ident}>"


def not_inlined(html_text: str) -> list:
    """Elements that premailer would give extra CSS properties from <style> rules."""
    import premailer
    from lxml import html as lhtml
    # premailer must not fetch anything: drop <link> elements before handing the page over.
    cleaned = re.sub(r"<link\b[^>]*>", "", html_text, flags=re.I)
    before = lhtml.document_fromstring(cleaned)
    after_text = premailer.Premailer(
        cleaned, keep_style_tags=True, remove_classes=False, disable_validation=True,
        allow_network=False, allow_loading_external_files=False, strip_important=False,
        disable_basic_attributes=["width", "height", "align", "bgcolor", "valign", "background"],
        cssutils_logging_level=logging.CRITICAL).transform()
    after = lhtml.document_fromstring(after_text)
    b_els = [e for e in before.iter() if isinstance(e.tag, str)]
    a_els = [e for e in after.iter() if isinstance(e.tag, str)]
    found = []
    if len(b_els) != len(a_els):
        return [("?", "premailer changed the document structure; compare by hand")]
    for b, a in zip(b_els, a_els):
        added = props(a.get("style")) - props(b.get("style"))
        if added:
            found.append((where(b), ", ".join(sorted(added))))
    return found


def check(path: Path, args) -> tuple:
    from lxml import html as lhtml
    errors, warnings = [], []
    data = path.read_bytes()
    if len(data) > args.max_bytes:
        errors.append(f"size {len(data):,} bytes is over {args.max_bytes:,} (Gmail clips the message)")
    text = data.decode("utf-8", errors="replace")
    long_lines = [i for i, ln in enumerate(text.splitlines(), 1) if len(ln) > 998]
    if long_lines:
        warnings.append(f"{len(long_lines)} lines longer than 998 characters (SMTP limit), first at line {long_lines[0]}")
    doc = lhtml.document_fromstring(text)
    root = doc.getroottree().getroot()
    if not (root.get("lang") or "").strip():
        errors.append("<html> has no lang attribute (e.g. lang=\"de\")")
    if not doc.findall(".//title"):
        warnings.append("no <title>")
    for el in doc.iter("script"):
        errors.append(f"{where(el)}: <script> is not allowed in e-mail")
    for el in doc.iter("link"):
        if "stylesheet" in (el.get("rel") or "").lower():
            errors.append(f"{where(el)}: external stylesheet {el.get('href')} (mail clients drop it)")
    for tag in ("iframe", "object", "embed", "form", "base"):
        for el in doc.iter(tag):
            errors.append(f"{where(el)}: <{tag}> does not work in e-mail")
    for el in doc.iter("style"):
        if "@import" in (el.text or ""):
            errors.append(f"{where(el)}: @import in <style>")
    for loc, added in not_inlined(text)[:50]:
        errors.append(f"{loc}: style not inlined — <style> rules would add: {added}")
    for el in doc.iter("img"):
        if el.get("alt") is None:
            errors.append(f"{where(el)} src={el.get('src')!r}: no alt attribute")
        src = el.get("src") or ""
        if not ABS_HTTP.match(src):
            errors.append(f"{where(el)}: image src {src!r} is not an absolute http(s) URL")
        if not el.get("width"):
            warnings.append(f"{where(el)}: no width attribute (Outlook may show it at full size)")
    for el in list(doc.iter("a")) + list(doc.iter("area")):
        href = el.get("href")
        if href is None:
            continue
        if not ABS_LINK.match(href.strip()):
            errors.append(f"{where(el)}: link {href!r} is not absolute (http(s), mailto: or tel:)")
        elif args.site_url and args.site_dir and href.startswith(args.site_url):
            rel = unquote(urlsplit(href).path)[len(urlsplit(args.site_url).path):]
            target = Path(args.site_dir) / rel
            if rel == "" or rel.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                warnings.append(f"{where(el)}: {href} has no file in the site folder")
    for el in doc.iter():
        if isinstance(el.tag, str) and el.get("style"):
            st = el.get("style").replace(" ", "").lower()
            if re.search(r"display:(inline-)?(flex|grid)|position:(absolute|fixed)", st):
                warnings.append(f"{where(el)}: flex/grid/absolute positioning is not supported by all mail clients")
    tables = list(doc.iter("table"))
    if not tables:
        errors.append("no <table>: use a table-based layout for mail clients (Outlook)")
    for t in tables:
        is_data = t.find(".//th") is not None or t.find("caption") is not None or t.find("thead") is not None
        if not is_data and (t.get("role") or "").strip() not in ("presentation", "none"):
            errors.append(f"{where(t)}: layout table without role=\"presentation\"")
    return errors, warnings


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--max-bytes", type=int, default=102_000)
    ap.add_argument("--site-url")
    ap.add_argument("--site-dir")
    ap.add_argument("--show", type=int, default=30)
    args = ap.parse_args()
    if args.site_url and not args.site_url.endswith("/"):
        args.site_url += "/"
    t0 = time.time()
    total = 0
    for f in args.files:
        p = Path(f)
        if not p.is_file():
            print(f"{f}: no such file")
            total += 1
            continue
        errors, warnings = check(p, args)
        total += len(errors)
        print(f"{f} ({p.stat().st_size:,} bytes): {'OK' if not errors else 'FAIL'}, "
              f"{len(errors)} errors, {len(warnings)} warnings")
        for m in errors[: args.show]:
            print(f"  error: {m}")
        for m in warnings[: args.show]:
            print(f"  warning: {m}")
    print(f"check-newsletter: {len(args.files)} files, {total} errors in {time.time() - t0:.1f} s")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
