#!/usr/bin/env bash
# check-all.sh — run every site check on one built site folder.
#
#   check-all.sh [--site-url URL] [--max-pages N|auto] [--screenshots DIR]
#                [--newsletters GLOB]... [--only CHECK[,CHECK...]] SITE_DIR
#
# Runs check-html.sh, check-a11y.py, check-links.sh, check-svg.py, check-origins.py,
# check-feeds.py (on every *.xml/*.rss/*.atom file whose root is <rss> or Atom <feed>) and
# check-newsletter.py (on the files matching GLOB relative to SITE_DIR, default
# 'newsletter/*.html' without index.html). Feeds and newsletter are skipped, and say so, when
# the site has none yet. --site-url is the site's public address (own origin for
# check-origins, item links for check-feeds). --only runs a subset (html,a11y,links,svg,
# origins,feeds,newsletter). Prints one summary line per check; exit 1 if any check found
# something, 2 if a check could not run.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
max_pages=auto shots="" site_url="" site="" only="html,a11y,links,svg,origins,feeds,newsletter"
nl_globs=()
while (($#)); do
  case "$1" in
    --max-pages) max_pages="$2"; shift 2 ;;
    --screenshots) shots="$2"; shift 2 ;;
    --newsletters) nl_globs+=("$2"); shift 2 ;;
    --site-url) site_url="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "check-all: unknown option $1" >&2; exit 2 ;;
    *) site="$1"; shift ;;
  esac
done
[[ -n $site && -d $site ]] || { echo "usage: check-all.sh [options] SITE_DIR" >&2; exit 2; }
((${#nl_globs[@]})) || nl_globs=('newsletter/*/*.html')
# newsletter/<ausgabe>/email.html is the source for the mailing tool, not a web page: it holds the
# tool's unsubscribe placeholder (e.g. {{ UnsubscribeURL }}) in an href, which only the tool turns
# into a URL. check-newsletter checks it (with the placeholder replaced); the web checks skip it.
mail_templates='(^|/)newsletter/[^/]+/email\.html$'

wanted() { [[ ",$only," == *",$1,"* ]]; }

mapfile -t feeds < <(find "$site" -type f \( -name '*.xml' -o -name '*.rss' -o -name '*.atom' \) \
  -exec grep -lE '<(rss|feed)[ >]' {} + 2>/dev/null | sort)
mapfile -t letters < <(cd "$site" && for g in "${nl_globs[@]}"; do compgen -G "$g"; done |
  sort -u | sed "s|^|$site/|")

a11y=("$HERE/check-a11y.py" "$site" --max-pages "$max_pages")
[[ -n $shots ]] && a11y+=(--screenshots "$shots")
feedargs=() originargs=()
if [[ -n $site_url ]]; then
  feedargs=(--site-url "$site_url" --site-dir "$site")
  originargs=(--site-url "$site_url")
fi

summary=() worst=0 t_all=$SECONDS
run() {
  local name="$1"; shift
  local t0=$SECONDS
  echo "===== $name"
  "$@"; local rc=$?
  local verdict=ok
  ((rc == 1)) && verdict=FINDINGS
  ((rc > 1)) && verdict="TOOL FAILURE (exit $rc)"
  summary+=("$(printf '%-11s %-8s %4ss' "$name" "$verdict" "$((SECONDS - t0))")")
  ((rc > worst)) && worst=$rc
}
skip() { summary+=("$(printf '%-11s %-8s %s' "$1" skipped "$2")"); }

wanted html && run html "$HERE/check-html.sh" --exclude "$mail_templates" "$site"
wanted a11y && run a11y "${a11y[@]}"
wanted links && run links "$HERE/check-links.sh" --exclude "$mail_templates" "$site"
wanted svg && run svg "$HERE/check-svg.py" "$site"
wanted origins && run origins "$HERE/check-origins.py" ${originargs[@]+"${originargs[@]}"} "$site"
if wanted feeds; then
  if ((${#feeds[@]})); then run feeds "$HERE/check-feeds.py" ${feedargs[@]+"${feedargs[@]}"} "${feeds[@]}"
  else skip feeds "(no RSS/Atom file in $site yet)"; fi
fi
if wanted newsletter; then
  if ((${#letters[@]})); then
    # The mail tool replaces its unsubscribe placeholder before sending; check what it sends.
    sent="$(mktemp -d)"; trap 'rm -rf "$sent"' EXIT
    checked=()
    for f in "${letters[@]}"; do
      if [[ $f =~ $mail_templates ]]; then
        out="$sent/${f#"$site"/}"; mkdir -p "$(dirname "$out")"
        sed -E 's#href="[^"]*([{}|]|\*\|)[^"]*"#href="https://abmelden.example.invalid/"#g' "$f" > "$out"
        checked+=("$out")
      else checked+=("$f"); fi
    done
    run newsletter "$HERE/check-newsletter.py" "${checked[@]}"
  else skip newsletter "(no file matches ${nl_globs[*]} yet)"; fi
fi
echo "===== summary: site checks of $site ($((SECONDS - t_all)) s)"
printf '%s\n' "${summary[@]}"
exit $((worst > 2 ? 2 : worst))
