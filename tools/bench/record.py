#!/usr/bin/env python3
"""record.py — append a block of Markdown to one section of a document.

    record.py DOC "Section heading" BLOCK_FILE

Inserts the contents of BLOCK_FILE at the end of the `## Section heading` section of DOC (before
the next `## ` heading), creating the section at the end of DOC if it is missing and DOC itself
if needed. Other sections (e.g. „Vorschau (serve)“, written by another script) stay untouched.
"""
import sys
from pathlib import Path


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    doc, heading, block = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]).read_text(encoding="utf-8")
    lines = doc.read_text(encoding="utf-8").split("\n") if doc.exists() else ["# Benchmarks", ""]
    title = f"## {heading}"
    if title not in lines:
        while lines and lines[-1] == "":
            lines.pop()
        lines += ["", title, ""]
    start = lines.index(title)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    while end > start + 1 and lines[end - 1] == "":
        end -= 1
    rest = lines[end:]
    while rest and rest[0] == "":
        rest.pop(0)
    new = lines[:end] + [""] + block.strip("\n").split("\n") + ([""] + rest if rest else [])
    doc.write_text("\n".join(new).rstrip("\n") + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
