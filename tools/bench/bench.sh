#!/usr/bin/env bash
# bench.sh — how fast is `sozialsite build` on a realistic blog of 1,000 posts?
#
#   tools/bench/bench.sh          (make bench)
#   env: BENCH_POSTS=1000  BENCH_RUNS=5  BENCH_SEED=20240611  BENCH_DIR=/tmp/sozialsite-bench
#
# 1. builds the release binary (swift build -c release --product sozialsite);
# 2. writes the corpus with gen-corpus.py into $BENCH_DIR/corpus-N (deterministic: the sha256
#    it prints is the same on every machine) and checks it with check-corpus.py;
# 3. times `sozialsite build --source CORPUS --output $BENCH_DIR/out-N` with measure.py:
#    one warm-up, then BENCH_RUNS runs, each overwriting the last run's output; reports the
#    median wall time, CPU time (user+sys) and peak RSS, and appends them to
#    $BENCH_DIR/results.jsonl.
# Hook for the comparison with Hugo (a later issue): if tools/bench/bench-hugo.sh exists and is
# executable it is called as
#     bench-hugo.sh CORPUS_DIR OUT_DIR RUNS RESULTS_JSONL
# after our own runs, with measure.py beside it for the same method (run both on one machine,
# one after the other, and compare the medians — the machine is shared, see
# docs/entwicklung.md).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
POSTS="${BENCH_POSTS:-1000}"
RUNS="${BENCH_RUNS:-5}"
SEED="${BENCH_SEED:-20240611}"
DIR="${BENCH_DIR:-/tmp/sozialsite-bench}"
CORPUS="$DIR/corpus-$POSTS"
OUT="$DIR/out-$POSTS"
RESULTS="$DIR/results.jsonl"
export LANG=C.UTF-8

mkdir -p "$DIR"
echo "== release build"
(cd "$ROOT" && swift build -c release --product sozialsite)
BIN="$ROOT/.build/release/sozialsite"

echo "== corpus: $POSTS posts, seed $SEED"
python3 "$HERE/gen-corpus.py" --posts "$POSTS" --seed "$SEED" --force "$CORPUS"
python3 "$HERE/check-corpus.py" "$CORPUS"

echo "== one build to check the corpus is accepted"
rm -rf "$OUT"
set +e
"$BIN" build --source "$CORPUS" --output "$OUT" > "$DIR/first-build.log" 2>&1
rc=$?
set -e
if ((rc != 0)) || [[ ! -f $OUT/index.html ]]; then
  tail -n 40 "$DIR/first-build.log"
  echo "bench: sozialsite build exit $rc$([[ -f $OUT/index.html ]] || echo ", no $OUT/index.html") — nothing to time." >&2
  exit 1
fi
echo "output: $(find "$OUT" -type f | wc -l) files, $(du -sm "$OUT" | cut -f1) MB"

echo "== sozialsite build, $RUNS runs after 1 warm-up"
python3 "$HERE/measure.py" --runs "$RUNS" --warmup 1 --label "sozialsite build ($POSTS posts)" \
  --json "$RESULTS" -- "$BIN" build --source "$CORPUS" --output "$OUT"

if [[ -x "$HERE/bench-hugo.sh" ]]; then
  echo "== Hugo on the same corpus"
  "$HERE/bench-hugo.sh" "$CORPUS" "$DIR/hugo-out-$POSTS" "$RUNS" "$RESULTS"
else
  echo "(Hugo comparison: not set up yet — add tools/bench/bench-hugo.sh, see the header of this script)"
fi
echo "results appended to $RESULTS"
