#!/usr/bin/env python3
"""hugo-corpus.py — the benchmark corpus as Hugo reads it.

    hugo-corpus.py CORPUS_DIR HUGO_CORPUS_DIR

Copies CORPUS_DIR/content to HUGO_CORPUS_DIR/content with one change: dates of the form
`2022-04-26 09:30` (one of the three forms our content format accepts) get seconds,
`2022-04-26 09:30:00`. Hugo 0.111 silently reads the form without seconds as the zero date
(research/perf-baseline.md, finding 5); those posts would land at /1/01/… and out of their place
in every list, so Hugo would not build the same site. Nothing else changes: same files, same
Markdown, same front matter otherwise. Skips the copy when HUGO_CORPUS_DIR is newer than
CORPUS_DIR/content and has the same number of posts.
"""
import re
import shutil
import sys
from pathlib import Path

DATE_WITHOUT_SECONDS = re.compile(r"^(date|updated): (\d{4}-\d{2}-\d{2} \d{2}:\d{2})$", re.M)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    source = Path(sys.argv[1]) / "content"
    target = Path(sys.argv[2]) / "content"
    if not (source / "beitraege").is_dir():
        print(f"hugo-corpus: {source}/beitraege fehlt", file=sys.stderr)
        return 2
    posts = sorted((source / "beitraege").rglob("*.md"))
    stamp = Path(sys.argv[2]) / ".copied"
    if stamp.is_file() and stamp.stat().st_mtime >= max(p.stat().st_mtime for p in posts) \
            and stamp.read_text() == str(len(posts)):
        print(f"hugo-corpus: {target} is up to date ({len(posts)} posts)")
        return 0
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    changed = 0
    for post in sorted((target / "beitraege").rglob("*.md")):
        text = post.read_text(encoding="utf-8")
        fixed, n = DATE_WITHOUT_SECONDS.subn(r"\1: \2:00", text)
        if n:
            post.write_text(fixed, encoding="utf-8")
            changed += n
    stamp.write_text(str(len(posts)))
    print(f"hugo-corpus: {target}: {len(posts)} posts, {changed} dates given seconds for Hugo")
    return 0


if __name__ == "__main__":
    sys.exit(main())
