#!/usr/bin/env bash
# bench-serve.sh — how fast is the preview (`sozialsite serve`) on 1,000 and 10,000 posts?
#
#   tools/bench/bench-serve.sh
#   env: BENCH_SIZES="1000 10000"  BENCH_RUNS=20  BENCH_SEED=20240611  BENCH_DIR=/tmp/sozialsite-bench
#        BENCH_PORT=8750  BENCH_WRK_SECONDS=10  BENCH_WRK_CONNECTIONS=8  BENCH_SKIP_BUILD=1 (reuse the binary)
#
# For each size:
# 1. writes the corpus with gen-corpus.py (deterministic, same as bench.sh);
# 2. starts the release binary's `serve` on 127.0.0.1 and waits for its first build;
# 3. save-to-reload: measure-reload.py listens to the event stream like a browser tab, appends a
#    sentence to one post (the middle one by path) BENCH_RUNS times and times each save until the
#    reload event (median, p90); then changes the title of a post with a fixed slug BENCH_RUNS/2
#    times (its address stays; every page showing its card changes);
# 4. load: wrk with 2 threads and BENCH_WRK_CONNECTIONS connections for BENCH_WRK_SECONDS seconds
#    against the start page and a post page (requests per second, errors);
# 5. stops the server. Results go to $BENCH_DIR/serve-results.jsonl and to the terminal.
# The machine is shared (see docs/entwicklung.md): run it when nothing else builds.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SIZES="${BENCH_SIZES:-1000 10000}"
RUNS="${BENCH_RUNS:-20}"
SEED="${BENCH_SEED:-20240611}"
DIR="${BENCH_DIR:-/tmp/sozialsite-bench}"
PORT="${BENCH_PORT:-8750}"
WRK_SECONDS="${BENCH_WRK_SECONDS:-10}"
WRK_CONNECTIONS="${BENCH_WRK_CONNECTIONS:-8}"
RESULTS="$DIR/serve-results.jsonl"
export LANG=C.UTF-8

command -v wrk > /dev/null || { echo "bench-serve: wrk fehlt (Debian: apt-get install -y wrk)" >&2; exit 1; }
mkdir -p "$DIR"
if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  echo "== release build"
  (cd "$ROOT" && swift build -c release --product sozialsite)
fi
BIN="$ROOT/.build/release/sozialsite"

SERVER=""
cleanup() { if [[ -n $SERVER ]]; then kill "$SERVER" 2> /dev/null || true; wait "$SERVER" 2> /dev/null || true; fi; }
trap cleanup EXIT

for N in $SIZES; do
  CORPUS="$DIR/corpus-$N"
  OUT="$DIR/serve-out-$N"
  LOG="$DIR/serve-$N.log"
  echo "== corpus: $N posts, seed $SEED"
  python3 "$HERE/gen-corpus.py" --posts "$N" --seed "$SEED" --force "$CORPUS" > /dev/null
  rm -rf "$OUT" "$CORPUS/.sozialsite-cache"

  echo "== sozialsite serve (first build of $N posts)"
  start=$(date +%s.%N)
  "$BIN" serve --source "$CORPUS" --output "$OUT" --port "$PORT" > "$LOG" 2>&1 &
  SERVER=$!
  until grep -q "^Vorschau: http://127.0.0.1:" "$LOG"; do
    if ! kill -0 "$SERVER" 2> /dev/null; then cat "$LOG"; echo "bench-serve: serve beendet" >&2; exit 1; fi
    sleep 0.2
  done
  ready=$(date +%s.%N)
  BOUND=$(sed -n 's|^Vorschau: http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$LOG" | head -1)
  python3 -c "print(f'first build and start: {$ready - $start:.1f} s (port $BOUND)')"

  POST="$(cd "$CORPUS" && find content/beitraege -name '*.md' | sort | sed -n "$((N / 2))p")"
  echo "== save-to-reload, $RUNS saves of $POST"
  python3 "$HERE/measure-reload.py" --port "$BOUND" --post "$CORPUS/$POST" --runs "$RUNS" \
    --label "serve save-to-reload ($N posts, text)" --json "$RESULTS"
  # A post with a fixed slug: its address stays when the title changes (other posts link to it).
  TITLE_POST="$(cd "$CORPUS" && grep -l '^slug:' -r content/beitraege | sort | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}')"
  echo "== save-to-reload, $((RUNS / 2)) title changes of $TITLE_POST"
  python3 "$HERE/measure-reload.py" --port "$BOUND" --post "$CORPUS/$TITLE_POST" --runs "$((RUNS / 2))" --edit title \
    --label "serve save-to-reload ($N posts, title)" --json "$RESULTS"

  URL_POST="$(grep -o '<loc>[^<]*</loc>' "$OUT/sitemap.xml" | sed -n '2p' | sed 's|<loc>https://[^/]*||; s|</loc>||')"
  for TARGET in / "$URL_POST"; do
    echo "== wrk -t2 -c$WRK_CONNECTIONS -d${WRK_SECONDS}s http://127.0.0.1:$BOUND$TARGET"
    wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_SECONDS}s" --latency "http://127.0.0.1:$BOUND$TARGET" | tee "$DIR/wrk-$N.txt"
    rps=$(sed -n 's/^Requests\/sec: *//p' "$DIR/wrk-$N.txt")
    total=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$DIR/wrk-$N.txt")
    socket=$(sed -n 's/^ *Socket errors: //p' "$DIR/wrk-$N.txt")
    non2xx=$(sed -n 's/^ *Non-2xx or 3xx responses: //p' "$DIR/wrk-$N.txt")
    p99=$(sed -n 's/^ *99% *//p' "$DIR/wrk-$N.txt")
    printf '{"label": "serve wrk (%s posts) %s", "requests_per_s": %s, "requests": %s, "socket_errors": "%s", "non_2xx": "%s", "p99": "%s"}\n' \
      "$N" "$TARGET" "${rps:-0}" "${total:-0}" "${socket:-none}" "${non2xx:-0}" "${p99:-}" >> "$RESULTS"
  done
  grep -c "Neu gebaut" "$LOG" | xargs printf 'builds after saves: %s\n'
  kill "$SERVER"; wait "$SERVER" 2> /dev/null || true; SERVER=""
done
echo "== results: $RESULTS"
tail -n $((4 * $(echo $SIZES | wc -w))) "$RESULTS"
