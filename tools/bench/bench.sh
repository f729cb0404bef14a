#!/usr/bin/env bash
# bench.sh — `sozialsite build` against Hugo on the same generated blog, side by side.
#
#   tools/bench/bench.sh                       (make bench)
#   BENCH_POSTS="1000 10000" tools/bench/bench.sh
#
# env: BENCH_POSTS="1000"       corpus sizes (10000 takes ~10 min: corpus ~20 s, Hugo ~20 s a run)
#      BENCH_RUNS=5             measured rounds per size and mode (after BENCH_WARMUP=1 warm-up round)
#      BENCH_MODES="overwrite fresh"   overwrite: each run writes over the previous output (a
#                               developer's `make site`); fresh: into a new, empty folder (CI)
#      BENCH_SEED=20240611      corpus seed (same seed and size → byte-identical corpus)
#      BENCH_DIR=/tmp/sozialsite-bench   corpora, outputs, results.jsonl
#      BENCH_DOC=docs/benchmarks.md      where the results are appended (BENCH_DOC= to skip)
#
# Steps: release build of sozialsite; Hugo from Debian's package (installed if missing); for each
# size the corpus (tools/bench/gen-corpus.py with corpus_angebote.py and corpus_daten.py: posts,
# service entries, indicator datasets; checked by check-corpus.py) and Hugo's copy of it
# (hugo-corpus.py: the few keys and date forms Hugo reads differently); one build of each tool to
# check the output (sozialsite must build without errors; warnings are shown); then compare.py
# runs the two tools alternating (sozialsite, Hugo, sozialsite, …) and prints medians of wall
# time, CPU time and peak RSS with the ratio to Hugo. The tables are appended to $BENCH_DOC under
# „Vollständiger Bau“ with date, commit and machine load.
# sozialsite builds with --no-cache: a full build, without the incremental cache
# .sozialsite-cache/ in the corpus folder (Hugo keeps no rendered pages between builds either).
# Hugo renders the same page kinds with the minimal theme in tools/bench/hugo (see its README).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
POSTS="${BENCH_POSTS:-1000}"
RUNS="${BENCH_RUNS:-5}"
WARMUP="${BENCH_WARMUP:-1}"
MODES="${BENCH_MODES:-overwrite fresh}"
SEED="${BENCH_SEED:-20240611}"
DIR="${BENCH_DIR:-/tmp/sozialsite-bench}"
DOC="${BENCH_DOC-$ROOT/docs/benchmarks.md}"
RESULTS="$DIR/results.jsonl"
export LANG=C.UTF-8

mkdir -p "$DIR"
# Outputs of earlier runs are moved aside and deleted only when the script ends: on this disk,
# creating thousands of files within minutes after deleting thousands is several times slower
# (ext4 skips recently freed inodes), and that would time the clean-up, not the tools.
TRASH="$DIR/.trash-$$"
mkdir -p "$TRASH"
trap 'rm -rf "$TRASH"' EXIT
aside() { for path in "$@"; do [[ -e $path ]] && mv "$path" "$TRASH/$(basename "$path")-$RANDOM"; done; return 0; }
echo "== release build"
(cd "$ROOT" && swift build -c release --product sozialsite)
BIN="$ROOT/.build/release/sozialsite"
"$ROOT/tools/install-debian-packages.sh" hugo
HUGO_VERSION="$(hugo version | awk '{print $2}')"
# Hugo writes a lock file and a resources/ folder into its site folder: use a copy, not the repo.
rm -rf "$DIR/hugo-site" && cp -r "$HERE/hugo" "$DIR/hugo-site"
COMMIT="$(cd "$ROOT" && git rev-parse --short HEAD)$(cd "$ROOT" && git diff --quiet HEAD -- Sources themes || echo '+Änderungen')"

SECTION="$DIR/section.md"
{
  echo
  echo "### $(date '+%Y-%m-%d %H:%M') · Commit \`$COMMIT\`"
  echo
  echo "$(nproc) Kerne ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), Hugo $HUGO_VERSION," \
       "$RUNS Messrunden nach $WARMUP Aufwärmrunde, abwechselnd sozialsite und Hugo; Last vorher: $(cut -d' ' -f1-3 /proc/loadavg)."
} > "$SECTION"

for N in $POSTS; do
  CORPUS="$DIR/corpus-$N"
  echo "== corpus: $N posts, seed $SEED"
  STAMP="$CORPUS/.bench-corpus"
  # The generator is gen-corpus.py with its two modules and the project's area table: any change
  # to them makes a new corpus.
  GENERATOR="$(cat "$HERE/gen-corpus.py" "$HERE/corpus_angebote.py" "$HERE/corpus_daten.py" \
               "$ROOT/content/daten/gebiete.csv" | md5sum | cut -c1-12)"
  if [[ -f $STAMP && "$(cat "$STAMP")" == "$N $SEED $GENERATOR" ]]; then
    echo "(unchanged since the last run: $CORPUS)"
  else
    python3 "$HERE/gen-corpus.py" --posts "$N" --seed "$SEED" --force "$CORPUS" | tee "$DIR/corpus-$N.txt"
    python3 "$HERE/check-corpus.py" "$CORPUS"
    echo "$N $SEED $GENERATOR" > "$STAMP"
  fi
  # The corpus carries a copy of the themes: use the current ones.
  rm -rf "$CORPUS/themes" && cp -r "$ROOT/themes" "$CORPUS/themes"
  python3 "$HERE/hugo-corpus.py" "$CORPUS" "$DIR/hugo-corpus-$N"

  OUT="$DIR/out-$N" HOUT="$DIR/hugo-out-$N"
  echo "== one build of each, to check them"
  aside "$OUT" "$HOUT" "$(dirname "$OUT")/.$(basename "$OUT").neu"
  if ! "$BIN" build --no-cache --source "$CORPUS" --output "$OUT" > "$DIR/first-build-$N.log" 2>&1 || [[ ! -f $OUT/index.html ]]; then
    tail -n 40 "$DIR/first-build-$N.log"; echo "bench: sozialsite build failed — nothing to time." >&2; exit 1
  fi
  if grep -q ": Warnung: " "$DIR/first-build-$N.log"; then
    echo "bench: the corpus gives $(grep -c ": Warnung: " "$DIR/first-build-$N.log") warnings (it should give none):" >&2
    grep -A1 ": Warnung: " "$DIR/first-build-$N.log" | head -n 20 >&2
  fi
  tail -n 2 "$DIR/first-build-$N.log"
  HUGO=(env HUGO_STATICDIR="$DIR/hugo-corpus-$N/content/static" hugo --quiet -s "$DIR/hugo-site" -c "$DIR/hugo-corpus-$N/content")
  if ! "${HUGO[@]}" -d "$HOUT" > "$DIR/hugo-first-build-$N.log" 2>&1 || [[ ! -f $HOUT/index.html ]]; then
    tail -n 40 "$DIR/hugo-first-build-$N.log"; echo "bench: Hugo build failed — nothing to time." >&2; exit 1
  fi
  ours="$(find "$OUT" -type f | wc -l) Dateien, $(find "$OUT" -name '*.html' | wc -l) HTML, $(du -sm "$OUT" | cut -f1) MB"
  theirs="$(find "$HOUT" -type f | wc -l) Dateien, $(find "$HOUT" -name '*.html' | wc -l) HTML, $(du -sm "$HOUT" | cut -f1) MB"
  echo "sozialsite: $ours · Hugo: $theirs"
  {
    echo
    echo "**$(printf "%'d" "$N" | tr ',' '.') Beiträge** (Korpus $(grep -o 'sha256 [0-9a-f]*' "$DIR/corpus-$N.txt" 2>/dev/null | cut -c8-19 || true)…): sozialsite $ours; Hugo $theirs."
  } >> "$SECTION"

  for MODE in $MODES; do
    if [[ $MODE == fresh ]]; then
      OURS_CMD="$BIN build --no-cache --source $CORPUS --output {out}"
      HUGO_CMD="${HUGO[*]} -d {out}"
      TITLE="$N Beiträge, in einen leeren Ordner"
    else
      OURS_CMD="$BIN build --no-cache --source $CORPUS --output $OUT"
      HUGO_CMD="${HUGO[*]} -d $HOUT"
      TITLE="$N Beiträge, über die vorige Ausgabe"
    fi
    python3 "$HERE/compare.py" --runs "$RUNS" --warmup "$WARMUP" --title "$TITLE" --json "$RESULTS" \
      --fresh-root "$TRASH/fresh" --keep-fresh --markdown "$DIR/table.md" \
      --tool "sozialsite=$OURS_CMD" --tool "Hugo=$HUGO_CMD" --reference Hugo
    { echo; echo "$TITLE:"; echo; cat "$DIR/table.md"; } >> "$SECTION"
  done
done

echo
cat "$SECTION"
if [[ -n $DOC ]]; then
  python3 "$HERE/record.py" "$DOC" "Vollständiger Bau" "$SECTION"
  echo "appended to $DOC"
fi
echo "raw results: $RESULTS"
