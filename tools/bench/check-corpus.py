#!/usr/bin/env python3
"""check-corpus.py — does a site folder follow the content format? (independent of sozialsite)

    check-corpus.py SITE_DIR

Reads site-config.json, content/handlungsfelder, content/seiten, content/beitraege and
content/static like the brief's content format describes and reports what `sozialsite build`
would have to reject: front matter that is not YAML between `---` lines, missing or wrong keys,
dates in other forms, unknown Handlungsfelder, images without file or alt text, two posts with
one URL, and internal links (`/YYYY/MM/slug/#id`, `/handlungsfelder/x/`, `/tag/x/`, pages,
`/bilder/…`, `/angebote/x/`, `/daten/indikatoren/x/`) whose target does not exist or is a draft;
also footnote references without definition and raw HTML. Service entries (content/angebote/,
docs/angebote.md): required and known keys, the controlled lists, a current Gemeinde (AGS),
postal code, coordinates in the Landkreis, a contact, example-only phone numbers (030 23125 xxx)
and RFC 2606 domains, opening hours that parse and do not overlap, `stand` inside the check
interval today (and when that runs out). Indicator datasets (content/daten/, docs/daten.md):
front matter, `gebiet;jahr;wert;flag` rows with known areas valid in their year, numbers and
symbols, no 0 in `wert`, no values for computed levels and every Gemeinde for them. Posts: the
`angebote:` slugs and the ```diagramm blocks (indicator, areas with values, kind, years).
Used by bench.sh on the generated corpus; works on any site folder.
Needs PyYAML (`import yaml`); without it the front matter is not parsed and the check says so.
Exit status: 0 fine, 1 problems, 2 usage.
"""
import datetime as dt
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_corpus_parts import check_angebote, check_daten, check_post_extras  # noqa: E402

HF_SLUGS = ["arbeit", "inklusion", "integration", "bildung", "gesundheit", "aufwachsen", "mobilitaet",
            "senioren", "wohnen", "miteinander", "armut-notlagen"]
PAGES = ["impressum", "datenschutz", "barrierefreiheit", "ueber-das-projekt", "leichte-sprache"]
DATE_FORMS = [re.compile(r"^\d{4}-\d{2}-\d{2}$"), re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"),
              re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")]
LINK = re.compile(r"\]\((/[^)\s]*)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$", re.M)
FOOTREF = re.compile(r"\[\^([^\]]+)\](?!:)")
FOOTDEF = re.compile(r"^\[\^([^\]]+)\]:", re.M)
RAW_HTML = re.compile(r"<[A-Za-z!/][^>]*>")


def load_slug():
    import importlib.util
    spec = importlib.util.spec_from_file_location("gen_corpus", Path(__file__).resolve().parent / "gen-corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.slug


def split_front_matter(text: str):
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:]), i + 2
    return None, text, 1


def berlin_year_month(value: str):
    """Year and month of a front-matter date in Berlin time."""
    if "T" in value:
        d = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        try:
            from zoneinfo import ZoneInfo
            d = d.astimezone(ZoneInfo("Europe/Berlin"))
        except Exception:  # no tz database: the generator keeps times far from midnight
            pass
        return d.year, d.month
    return int(value[:4]), int(value[5:7])


def main() -> int:
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        print(__doc__, file=sys.stderr)
        return 2
    root = Path(sys.argv[1])
    slugify = load_slug()
    try:
        import yaml
    except ImportError:
        yaml = None
    problems = []

    def problem(where, msg):
        problems.append(f"{where}: {msg}")

    cfg = root / "site-config.json"
    try:
        json.loads(cfg.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        problem("site-config.json", f"not readable JSON: {e}")
    for s in HF_SLUGS:
        if not (root / "content/handlungsfelder" / f"{s}.md").is_file():
            problem(f"content/handlungsfelder/{s}.md", "missing")
    for s in PAGES:
        if not (root / "content/seiten" / f"{s}.md").is_file():
            problem(f"content/seiten/{s}.md", "missing")
    static = {"/" + p.relative_to(root / "content/static").as_posix()
              for p in (root / "content/static").rglob("*") if p.is_file()}

    if yaml is not None:
        areas, datasets = check_daten(root, yaml, problem)
        entries = check_angebote(root, yaml, problem, areas)
    else:
        areas, datasets, entries = None, {}, set()

    posts = []
    for path in sorted((root / "content/beitraege").rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        fm_text, body, body_line = split_front_matter(path.read_text(encoding="utf-8"))
        if fm_text is None:
            problem(rel, "no front matter between '---' lines")
            continue
        if yaml is None:
            continue
        fm = yaml.load(fm_text, Loader=yaml.BaseLoader)   # strings only, as written
        if not isinstance(fm, dict):
            problem(rel, "front matter is not a mapping")
            continue
        title, date = fm.get("title", ""), fm.get("date", "")
        if not title.strip():
            problem(rel, "no title")
        if not any(f.match(date) for f in DATE_FORMS):
            problem(rel, f"date {date!r} is not in an accepted form")
            continue
        hf = fm.get("handlungsfelder") or []
        if not hf or any(h not in HF_SLUGS for h in hf):
            problem(rel, f"handlungsfelder {hf!r}: at least one, only the eleven slugs")
        if not isinstance(fm.get("tags", []), list):
            problem(rel, "tags is not a list")
        if fm.get("image"):
            if fm["image"] not in static:
                problem(rel, f"image {fm['image']} has no file in content/static")
            if not fm.get("image_alt", "").strip():
                problem(rel, "image without image_alt")
        if fm.get("draft", "false") not in ("true", "false"):
            problem(rel, f"draft {fm.get('draft')!r} is not a bool")
        y, m = berlin_year_month(date)
        s = fm.get("slug") or slugify(title)
        ids, seen = [], {}
        for h in HEADING.finditer(body):
            base = slugify(h.group(2))
            seen[base] = seen.get(base, 0) + 1
            ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
        check_post_extras(rel, fm, body, body_line, entries, datasets, areas, problem)
        posts.append(dict(rel=rel, url=f"/{y}/{m:02d}/{s}/", draft=fm.get("draft") == "true", body=body,
                          ids=set(ids), tags=fm.get("tags") or [], aliases=fm.get("aliases") or []))
    if yaml is None:
        print("check-corpus: PyYAML missing: front matter and links not checked")

    by_url = {}
    for p in posts:
        for u in [p["url"]] + list(p["aliases"]):
            if u in by_url:
                problem(p["rel"], f"address {u} is also used by {by_url[u]['rel']}")
            by_url.setdefault(u, p)
    live_tags = {slugify(t) for p in posts if not p["draft"] for t in p["tags"]}
    n_links = 0
    for p in posts:
        body = p["body"]
        for m in LINK.finditer(body):
            n_links += 1
            target = m.group(1)
            path, _, frag = target.partition("#")
            parts = path.strip("/").split("/")
            ok = True
            if re.match(r"^/\d{4}/\d{2}/[^/]+/$", path):
                t = by_url.get(path)
                ok = t is not None and not t["draft"] and t["url"] == path and (not frag or frag in t["ids"])
            elif path.startswith("/handlungsfelder/"):
                ok = len(parts) == 2 and parts[1] in HF_SLUGS and not frag
            elif path.startswith("/tag/"):
                ok = len(parts) == 2 and parts[1] in live_tags
            elif path.startswith("/bilder/"):
                ok = path in static
            elif path.startswith("/angebote/"):
                ok = len(parts) == 2 and parts[1] in entries and not frag
            elif path.startswith("/daten/indikatoren/"):
                ok = len(parts) == 3 and parts[2] in datasets and not frag
            elif len(parts) == 1 and path.endswith("/"):
                ok = parts[0] in PAGES
            if not ok:
                problem(p["rel"], f"link {target} has no target (or it is a draft)")
        refs, defs = set(FOOTREF.findall(body)), set(FOOTDEF.findall(body))
        for r in sorted(refs - defs):
            problem(p["rel"], f"footnote [^{r}] has no definition")
        raw = RAW_HTML.search(body)
        if raw:
            problem(p["rel"], f"raw HTML {raw.group(0)[:40]!r}")

    drafts = sum(p["draft"] for p in posts)
    print(f"check-corpus: {root}: {len(posts)} posts ({drafts} drafts), {len(entries)} service entries, "
          f"{len(datasets)} indicators, {n_links} internal links checked: {len(problems)} problems")
    for msg in problems[:40]:
        print("  " + msg)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
