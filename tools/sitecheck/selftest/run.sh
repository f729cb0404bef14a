#!/usr/bin/env bash
# selftest/run.sh — prove every checker catches its errors and passes a clean site.
#
#   selftest/run.sh [SAMPLE_DIR]     (default /tmp/sozialsite-sitecheck-sample)
#
# Writes the sample site (clean + broken) with make-sample.py, runs each checker
# on both, and expects exit 0 on clean, exit 1 on broken with the named findings
# in its output. Ends with the line "N passed, M failed"; exit 1 if any failed.
set -uo pipefail
T="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
S="${1:-/tmp/sozialsite-sitecheck-sample}"
python3 "$T/selftest/make-sample.py" "$S" || exit 2
C="$S/clean" B="$S/broken"
SHOTS="$S/screenshots"
pass=0 fail=0

# expect NAME RC_WANTED "cmd" [grep -E patterns that must all appear in the output]
expect() {
  local name="$1" want="$2" cmd="$3"; shift 3
  local out rc t0 t1 missing=()
  t0=$(date +%s.%N)
  out="$(bash -c "$cmd" 2>&1)"; rc=$?
  t1=$(date +%s.%N)
  for pat in "$@"; do grep -qE -- "$pat" <<<"$out" || missing+=("$pat"); done
  local secs; secs=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$t0" "$t1")
  if [[ $rc == "$want" && ${#missing[@]} == 0 ]]; then
    pass=$((pass + 1)); printf 'PASS  %-34s rc=%s  %5ss\n' "$name" "$rc" "$secs"
  else
    fail=$((fail + 1)); printf 'FAIL  %-34s rc=%s (wanted %s)  %5ss\n' "$name" "$rc" "$want" "$secs"
    for m in ${missing[@]+"${missing[@]}"}; do echo "      missing in output: $m"; done
    sed 's/^/      | /' <<<"$out" | head -40
  fi
}

expect "html clean"       0 "'$T/check-html.sh' '$C'"
expect "html broken"      1 "'$T/check-html.sh' '$B'" 'Element “bogus” not allowed' 'must have an “alt” attribute'
expect "a11y clean"       0 "'$T/check-a11y.py' '$C' --screenshots '$SHOTS/clean'" 'violations: none' 'screenshot: '
expect "a11y broken"      1 "'$T/check-a11y.py' '$B' --max-pages 4 --screenshots '$SHOTS/broken'" \
  'color-contrast \[serious\]' 'image-alt \[critical\]' 'html-has-lang' 'still running: none'
expect "links clean"      0 "'$T/check-links.sh' '$C'" '0 broken links, 0 missing'
expect "links broken"     1 "'$T/check-links.sh' '$B'" '/artikel/pflege-2026/ -> 404' 'fehlt.png -> 404' '#nirgends' '#gibtsnicht'
expect "feeds clean"      0 "'$T/check-feeds.py' --site-url https://sozial.example.de/ --site-dir '$C' '$C/feed.xml' '$C/atom.xml'"
expect "feeds broken"     1 "'$T/check-feeds.py' '$B/feed.xml' '$B/atom.xml'" \
  "'2026-11-20' is not an RFC 822 date" "link '/dashboard/' is not an absolute" 'already used by item 1' \
  'no <atom:link rel="self"' 'not well-formed' 'feedparser bozo'
expect "svg clean"        0 "'$T/check-svg.py' '$C'"
expect "svg broken"       1 "'$T/check-svg.py' '$B'" 'assets/quote.svg: <svg> has no non-empty <title>' \
  'index.html:[0-9]+: <svg> without role="img"' 'dash-titel" refers to no element'
expect "newsletter clean" 0 "'$T/check-newsletter.py' '$C/newsletter/2026-11.html'"
expect "newsletter broken" 1 "'$T/check-newsletter.py' '$B/newsletter/2026-11.html'" \
  'size 109,565 bytes' '<script> is not allowed' 'external stylesheet' 'style not inlined' \
  'no alt attribute' 'not an absolute http' 'is not absolute' 'no lang attribute' 'without role="presentation"'

expect "origins clean"    0 "'$T/check-origins.py' --site-url https://sozial.example.de/ '$C'" '0 references to 0 other origins'
expect "origins broken"   1 "'$T/check-origins.py' --site-url https://sozial.example.de/ '$B'" \
  'index.html:[0-9]+:[0-9]+: <link href>: https://fonts.googleapis.com/' '<script src>: //cdn.example.net/tracker.js' \
  '<iframe src>: https://www.youtube-nocookie.com/' '<img srcset>: https://cdn.example.net/logo@2x.png' \
  '<img src>: http://sozial.example.de/' 'style.css:1: @import: https://fonts.googleapis.com/' \
  'style.css:2: url\(\): //cdn.example.net/bg.png' '<p style=…> url\(\): https://tracker.example.com/' \
  'quote.svg:[0-9]+:[0-9]+: <image href>: https://maps.example.org/' 'feed.xml: item 2 <description> HTML:.*cdn.example.net/feed.png' \
  'atom.xml: not well-formed'
# A site without feeds or newsletters yet: those checks are skipped, not failed.
mkdir -p "$S/plain" && cp "$C/index.html" "$S/plain/index.html"
expect "feeds+newsletter skip" 0 "'$T/check-all.sh' --only feeds,newsletter '$S/plain'" \
  'feeds +skipped' 'newsletter +skipped'

echo "$pass passed, $fail failed"
((fail == 0))
