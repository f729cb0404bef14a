#!/usr/bin/env bash
# check-links.sh — every internal link of a generated site must resolve.
#
#   check-links.sh [--show N] [--ignore-url REGEX] SITE_DIR
#
# Serves SITE_DIR on 127.0.0.1 (free port, serve_site.py = stdlib http.server, so
# folder URLs resolve to index.html as on a real web server) and runs LinkChecker
# (PyPI linkchecker) over it, starting from EVERY *.html file (orphans included)
# and following internal links recursively: href/src/srcset, <link>, CSS url(),
# redirects. Its AnchorCheck plugin checks that #fragment ids exist in the target.
# External URLs (another host, including the site's own https:// address) are
# not fetched: the check is offline.
# A link fails when the target gives an HTTP error (404 = no such file) or the
# #fragment is missing. Exit status: 0 clean, 1 broken links, 2 tool failure.
# Needs: linkchecker (PyPI) in $SITECHECK_VENV (default /tmp/sozialsite-sitecheck-venv).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

show=30 site="" ignore=() exclude=""
while (($#)); do
  case "$1" in
    --show) show="$2"; shift 2 ;;
    --ignore-url) ignore+=(--ignore-url "$2"); shift 2 ;;
    --exclude) exclude="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) site="$1"; shift ;;
  esac
done
[[ -n $site && -d $site ]] || { echo "usage: check-links.sh [--show N] SITE_DIR" >&2; exit 2; }
site="$(cd "$site" && pwd)"

VENV="$("$HERE/sitecheck-env.sh" --for links)" || { echo "check-links: installing what the check needs failed" >&2; exit 2; }
work="$(mktemp -d)"
srv_pid=""
cleanup() {
  if [[ -n $srv_pid ]] && kill -0 "$srv_pid" 2>/dev/null; then
    kill "$srv_pid" 2>/dev/null || true
    wait "$srv_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP

python3 -u "$HERE/serve_site.py" "$site" > "$work/port" &
srv_pid=$!
for _ in $(seq 100); do grep -q '^PORT ' "$work/port" 2>/dev/null && break; sleep 0.05; done
port="$(awk '/^PORT /{print $2}' "$work/port")"
[[ -n $port ]] || { echo "check-links: local server did not start" >&2; exit 2; }
base="http://127.0.0.1:$port"

cat > "$work/linkcheckerrc" <<EOF
[checking]
threads=4
timeout=20
maxrequestspersecond=1000
recursionlevel=-1
robotstxt=0
[filtering]
checkextern=0
[AnchorCheck]
[output]
EOF
chmod -R a+rX "$work"   # LinkChecker drops root privileges to 'nobody' and must read its config

(cd "$site" && find . -type f \( -name '*.html' -o -name '*.htm' \) | sed 's|^\./||' | sort |
  { if [[ -n $exclude ]]; then grep -Ev -- "$exclude" || true; else cat; fi; }) |
  awk -v b="$base" '{ if ($0 == "index.html") print b "/"; else if ($0 ~ /\/index\.html$/) { sub(/index\.html$/, ""); print b "/" $0 } else print b "/" $0 }' \
  > "$work/start-urls"
npages=$(wc -l < "$work/start-urls")

start=$(date +%s.%N)
set +e
"$VENV/bin/linkchecker" -f "$work/linkcheckerrc" --no-status -o csv --stdin ${ignore[@]+"${ignore[@]}"} \
  < "$work/start-urls" > "$work/out.csv" 2> "$work/err.log"
lc_rc=$?
set -e
secs=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")
if ((lc_rc > 1)); then
  echo "check-links: linkchecker failed (exit $lc_rc):"; grep -v 'dropping privileges\|Checking intern URLs only' "$work/err.log" | head -20
  exit 2
fi

python3 - "$work/out.csv" "$base" "$npages" "$show" "$secs" <<'PY'
import csv, sys, collections
path, base, npages, show, secs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
# LinkChecker writes comment lines starting with "# "; a data row may start with "#fragment;".
rows = [l for l in open(path, encoding="utf-8", errors="replace") if not l.startswith("# ")]
rd = csv.DictReader(rows, delimiter=";")
def loc(u):
    u = u[len(base):] if u.startswith(base) else u
    return u[: -len("index.html")] if u.endswith("/index.html") else u
broken, anchors, other, seen = [], [], [], set()
for r in rd:
    key = (loc(r["parentname"]), r["urlname"], r["line"], r["column"])
    if key in seen:
        continue
    seen.add(key)
    where = f"{loc(r['parentname']) or '(start)'}:{r['line']}:{r['column']}"
    if r["valid"] == "False":
        broken.append(f"{where}: {r['urlname']} -> {r['result']}")
    for w in filter(None, (r.get("warningstring") or "").split("\n")):
        if w.startswith("Anchor "):
            anchors.append(f"{where}: {r['urlname']} -> {w.split('. Available anchors')[0]}")
        else:
            other.append(f"{where}: {r['urlname']} -> {w}")
print(f"check-links: {npages} pages as start points, internal links and #fragments checked with "
      f"LinkChecker in {secs} s: {len(broken)} broken links, {len(anchors)} missing #fragments, "
      f"{len(other)} other warnings")
for title, items in (("broken links", broken), ("missing #fragments", anchors), ("other warnings (not failing)", other)):
    if items:
        print(f"{title}:")
        for i in items[:show]:
            print("  " + i)
        if len(items) > show:
            print(f"  … {len(items) - show} more")
sys.exit(1 if broken or anchors else 0)
PY
