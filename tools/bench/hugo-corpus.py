#!/usr/bin/env python3
"""hugo-corpus.py — the benchmark corpus as Hugo reads it.

    hugo-corpus.py CORPUS_DIR HUGO_CORPUS_DIR

Copies CORPUS_DIR/content to HUGO_CORPUS_DIR/content. Markdown, bodies and data stay the same;
only what Hugo cannot read (or would read differently) is put into its form, line by line:

- Posts: dates of the form `2022-04-26 09:30` (one of the three forms our content format accepts)
  get seconds, `2022-04-26 09:30:00`. Hugo 0.111 silently reads the form without seconds as the
  zero date (research/perf-baseline.md, finding 5); those posts would land at /1/01/… and out of
  their place in every list. `angebote:` (service entries named by a post) becomes
  `angebotsbezug:`, a taxonomy whose term pages are not rendered (`_build` in its `_index.md`,
  written here): the entry page finds
  „Beiträge zu diesem Angebot“ through it in one lookup, and the key must not clash with the
  section `angebote`.
- Service entries (content/angebote/): `title` = `name` (Hugo's title key); `handlungsfelder` →
  `angebot_handlungsfelder` (a taxonomy of its own: the posts' Handlungsfeld lists must not mix
  with entries); the Gemeinde's name and Sozialregion from content/daten/gebiete.csv as `orte` and
  `sozialregion` (taxonomies, as our filter pages); `outputs: [HTML, vcard]` for `kontakt.vcf`.
  `_verzeichnis.md` becomes the section's `_index.md` (with the JSON search index as output).
- Indicator datasets (content/daten/): every `indikatoren/<name>.md` + `.csv` becomes a page
  bundle `daten/indikatoren/<name>/index.md` + `werte.csv` (the same bytes) that the theme reads
  with `transform.Unmarshal`; `gebiete.csv` becomes a resource of the `daten` section; the two
  list pages get an `_index.md`.

Skips the copy when HUGO_CORPUS_DIR was made from the same files by the same script.
"""
import csv
import hashlib
import io
import re
import shutil
import sys
from pathlib import Path

DATE_WITHOUT_SECONDS = re.compile(r"^(date|updated): (\d{4}-\d{2}-\d{2} \d{2}:\d{2})$", re.M)
POST_ANGEBOTE = re.compile(r"^angebote:", re.M)


def areas_by_key(content: Path):
    path = content / "daten/gebiete.csv"
    if not path.is_file():
        return {}
    text = "".join(l for l in path.read_text(encoding="utf-8").splitlines(True) if not l.startswith("#"))
    return {r["gebiet"]: r for r in csv.DictReader(io.StringIO(text), delimiter=";")}


def yq(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def entry_for_hugo(text: str, areas) -> str:
    lines = text.split("\n")
    if not lines or lines[0] != "---":
        return text
    end = lines.index("---", 1)
    head, rest = lines[1:end], lines[end:]
    out, name, ags = [], "", ""
    for line in head:
        if line.startswith("name:"):
            name = line[5:].strip()
        if line.startswith("gemeinde:"):
            ags = line[9:].strip().strip('"')
        out.append("angebot_handlungsfelder:" + line[len("handlungsfelder:"):] if line.startswith("handlungsfelder:")
                   else line)
    extra = [f"title: {name}"]
    area = areas.get(ags)
    if area:
        extra += [f"orte: [{yq(area['name'])}]", f"sozialregion: [\"{area['sozialregion']}\"]"]
    extra.append("outputs: [HTML, vcard]")
    return "\n".join(["---"] + extra + out + rest)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    source = Path(sys.argv[1]) / "content"
    target = Path(sys.argv[2]) / "content"
    if not (source / "beitraege").is_dir():
        print(f"hugo-corpus: {source}/beitraege fehlt", file=sys.stderr)
        return 2
    files = sorted(p for p in source.rglob("*") if p.is_file())
    me = hashlib.md5(Path(__file__).read_bytes()).hexdigest()[:12]
    stamp = Path(sys.argv[2]) / ".copied"
    stamp_text = f"{len(files)} files, {me}"
    if stamp.is_file() and stamp.stat().st_mtime >= max(p.stat().st_mtime for p in files) \
            and stamp.read_text() == stamp_text:
        print(f"hugo-corpus: {target} is up to date ({len(files)} files)")
        return 0
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("angebote", "daten"))
    changed = renamed = 0
    posts = sorted((target / "beitraege").rglob("*.md"))
    for post in posts:
        text = post.read_text(encoding="utf-8")
        fixed, n = DATE_WITHOUT_SECONDS.subn(r"\1: \2:00", text)
        fixed, m = POST_ANGEBOTE.subn("angebotsbezug:", fixed, count=1)
        if n or m:
            post.write_text(fixed, encoding="utf-8")
            changed += n
            renamed += m

    # Posts by service entry: a taxonomy for the lookup only, its pages are not built.
    (target / "angebotsbezug").mkdir()
    (target / "angebotsbezug/_index.md").write_text(
        "---\ntitle: Beiträge zu Angeboten\n_build: {render: never, list: never}\n"
        "cascade:\n  _build: {render: never, list: never}\n---\n", encoding="utf-8")

    areas = areas_by_key(source)
    entries = 0
    if (source / "angebote").is_dir():
        (target / "angebote").mkdir(parents=True)
        for path in sorted((source / "angebote").glob("*.md")):
            text = path.read_text(encoding="utf-8")
            if path.name == "_verzeichnis.md":
                (target / "angebote/_index.md").write_text(
                    text.replace("---\n", "---\noutputs: [HTML, JSON]\n", 1), encoding="utf-8")
            elif not path.name.startswith("_"):
                (target / "angebote" / path.name).write_text(entry_for_hugo(text, areas), encoding="utf-8")
                entries += 1

    indicators = 0
    daten = source / "daten"
    if daten.is_dir():
        (target / "daten").mkdir(parents=True)
        (target / "daten/_index.md").write_text("---\ntitle: Daten und Karten\n---\n", encoding="utf-8")
        if (daten / "gebiete.csv").is_file():
            shutil.copyfile(daten / "gebiete.csv", target / "daten/gebiete.csv")
        if (daten / "indikatoren").is_dir():
            (target / "daten/indikatoren").mkdir()
            (target / "daten/indikatoren/_index.md").write_text("---\ntitle: Alle Indikatoren\n---\n", encoding="utf-8")
            for md in sorted((daten / "indikatoren").glob("*.md")):
                values = md.with_suffix(".csv")
                if not values.is_file():
                    continue
                bundle = target / "daten/indikatoren" / md.stem
                bundle.mkdir()
                shutil.copyfile(md, bundle / "index.md")
                shutil.copyfile(values, bundle / "werte.csv")
                indicators += 1

    stamp.write_text(stamp_text)
    print(f"hugo-corpus: {target}: {len(posts)} posts ({changed} dates given seconds for Hugo, {renamed} "
          f"`angebote:` → `angebotsbezug:`), {entries} service entries, {indicators} indicator bundles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
