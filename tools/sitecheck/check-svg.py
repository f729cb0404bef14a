#!/usr/bin/env python3
"""check-svg.py — well-formedness and accessibility of standalone and inline SVG.

    check-svg.py [--show N] SITE_DIR

Checks every *.svg file and every <svg> element inside *.html files of SITE_DIR.
  * well-formed XML (inline SVG is cut out of the HTML source and parsed as XML,
    with the SVG/xlink namespaces added where HTML lets them be left out);
  * unless decorative (aria-hidden="true", or role="presentation"/"none"):
      - role="img" on the <svg> element                           (error)
      - a non-empty <title> child element                          (error)
      - aria-labelledby (or aria-label) naming it                  (error)
      - every id in aria-labelledby / aria-describedby exists in the
        same document (for inline SVG: anywhere in the HTML page)  (error)
      - <title> is the first child, aria-labelledby includes the
        title's id, a viewBox is set                               (warnings)
Exit status: 0 no errors, 1 errors, 2 usage. Needs lxml (PyPI, in $SITECHECK_VENV).
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
    if subprocess.run([str(HERE / "sitecheck-env.sh"), "--for", "svg"], stdout=subprocess.DEVNULL).returncode:
        print("check-svg: installing what the check needs failed (see above)", file=sys.stderr)
        sys.exit(2)
    py = VENV / "bin" / "python"
    os.execv(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]])


if __name__ == "__main__" and not any(a in ("-h", "--help") for a in sys.argv[1:]):
    _bootstrap()

# ---------------------------------------------------------------------------
import argparse  # noqa: E402
import re  # noqa: E402
import time  # noqa: E402
from html.entities import html5  # noqa: E402
from html.parser import HTMLParser  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
NAMED_REF = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
XML_REFS = {"amp", "lt", "gt", "quot", "apos"}


class Findings:
    def __init__(self):
        self.errors, self.warnings = [], []


def check_svg_element(root, where, doc_ids, out: Findings, standalone: bool):
    """root: lxml element <svg>; doc_ids: ids available for aria references."""
    role = (root.get("role") or "").strip()
    if root.get("aria-hidden") == "true" or role in ("presentation", "none"):
        return  # decorative: must not be announced, no name needed
    if role != "img":
        out.errors.append(f"{where}: <svg> without role=\"img\" (or aria-hidden=\"true\" if decorative)")
    children = [c for c in root if isinstance(c.tag, str)]
    titles = [c for c in children if c.tag == SVG + "title"]
    title = titles[0] if titles else None
    if title is None or not "".join(title.itertext()).strip():
        out.errors.append(f"{where}: <svg> has no non-empty <title> child")
    elif children and children[0] is not title:
        out.warnings.append(f"{where}: <title> should be the first child of <svg>")
    labelledby = (root.get("aria-labelledby") or "").split()
    if not labelledby and not (root.get("aria-label") or "").strip():
        out.errors.append(f"{where}: <svg> has no aria-labelledby pointing to its <title> (nor aria-label)")
    for attr in ("aria-labelledby", "aria-describedby"):
        for ref in (root.get(attr) or "").split():
            if ref not in doc_ids:
                out.errors.append(f"{where}: {attr}=\"{ref}\" refers to no element with that id")
    if title is not None and labelledby and title.get("id") and title.get("id") not in labelledby:
        out.warnings.append(f"{where}: aria-labelledby does not include the <title> id \"{title.get('id')}\"")
    if labelledby and title is not None and not title.get("id"):
        out.warnings.append(f"{where}: <title> has no id for aria-labelledby to point to")
    if standalone and root.get("viewBox") is None:
        out.warnings.append(f"{where}: no viewBox (the graphic will not scale)")


def parse_xml(data: bytes):
    from lxml import etree
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(data, parser)


def check_standalone(path: Path, rel: str, out: Findings):
    from lxml import etree
    try:
        root = parse_xml(path.read_bytes())
    except etree.XMLSyntaxError as e:
        out.errors.append(f"{rel}:{e.lineno}: not well-formed XML: {e.msg}")
        return 1
    if root.tag != SVG + "svg":
        out.errors.append(f"{rel}: root element is {root.tag}, not an SVG <svg> in the SVG namespace")
        return 1
    ids = {el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get("id")}
    check_svg_element(root, rel, ids, out, standalone=True)
    return 1


class InlineSvgFinder(HTMLParser):
    """Finds the source span of each outermost <svg> element and all ids of the page."""
    def __init__(self, src):
        super().__init__(convert_charrefs=True)
        self.lines = src.splitlines(keepends=True)
        self.offsets = [0]
        for ln in self.lines:
            self.offsets.append(self.offsets[-1] + len(ln))
        self.ids, self.spans, self.depth, self.start = set(), [], 0, None

    def pos(self):
        line, col = self.getpos()
        return self.offsets[line - 1] + col

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k == "id" and v:
                self.ids.add(v)
        if tag == "svg":
            if self.depth == 0:
                self.start = (self.pos(), self.getpos()[0])
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        for k, v in attrs:
            if k == "id" and v:
                self.ids.add(v)
        if tag == "svg" and self.depth == 0:
            p = self.pos()
            text = self.get_starttag_text()
            self.spans.append((p, p + len(text), self.getpos()[0]))

    def handle_endtag(self, tag):
        if tag == "svg" and self.depth > 0:
            self.depth -= 1
            if self.depth == 0:
                end = self.pos() + len("</svg>")
                self.spans.append((self.start[0], end, self.start[1]))


def check_inline(path: Path, rel: str, out: Findings):
    from lxml import etree
    src = path.read_text(encoding="utf-8", errors="replace")
    if "<svg" not in src:
        return 0
    finder = InlineSvgFinder(src)
    finder.feed(src)
    finder.close()
    if finder.depth:
        out.errors.append(f"{rel}:{finder.start[1]}: inline <svg> is never closed")
    for a, b, line in finder.spans:
        frag = src[a:b]
        head_end = frag.index(">")
        if frag[head_end - 1] == "/":
            head_end -= 1
        head = frag[:head_end]
        if "xmlns=" not in head:
            head += ' xmlns="http://www.w3.org/2000/svg"'
        if "xlink:" in frag and "xmlns:xlink" not in head:
            head += ' xmlns:xlink="http://www.w3.org/1999/xlink"'
        frag = head + frag[head_end:]
        # HTML named character references are fine in inline SVG; make them XML-safe.
        frag = NAMED_REF.sub(lambda m: m.group(0) if m.group(1) in XML_REFS
                             else html5.get(m.group(1) + ";", m.group(0)), frag)
        where = f"{rel}:{line}"
        try:
            root = parse_xml(frag.encode("utf-8"))
        except etree.XMLSyntaxError as e:
            msg = re.sub(r", line \d+, column \d+$", "", e.msg)
            out.errors.append(f"{rel}:{line + e.lineno - 1}: inline <svg> (from line {line}) is not "
                              f"well-formed XML: {msg}")
            continue
        check_svg_element(root, where, finder.ids, out, standalone=False)
    return len(finder.spans)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site")
    ap.add_argument("--show", type=int, default=40)
    args = ap.parse_args()
    site = Path(args.site)
    if not site.is_dir():
        print(f"check-svg: no such folder {args.site}", file=sys.stderr)
        return 2
    t0 = time.time()
    out = Findings()
    n_files = n_inline = 0
    for p in sorted(site.rglob("*.svg")):
        n_files += check_standalone(p, p.relative_to(site).as_posix(), out)
    for p in sorted(list(site.rglob("*.html")) + list(site.rglob("*.htm"))):
        n_inline += check_inline(p, p.relative_to(site).as_posix(), out)
    print(f"check-svg: {n_files} SVG files and {n_inline} inline <svg> checked in {time.time() - t0:.1f} s: "
          f"{len(out.errors)} errors, {len(out.warnings)} warnings")
    for m in out.errors[: args.show]:
        print(f"  error: {m}")
    for m in out.warnings[: args.show]:
        print(f"  warning: {m}")
    return 1 if out.errors else 0


if __name__ == "__main__":
    sys.exit(main())
