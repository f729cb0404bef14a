#!/usr/bin/env bash
# Renders the sample site of the Outputs tests into a folder and runs the independent checkers on it:
# HTML validity (vnu), accessibility (axe in Chromium, light 1280 px; dark and 320 px via theme-axe.py)
# and the colour pairs of the stylesheet.
#   tools/check-theme.sh [SITECHECK_DIR]        default: ../shared/sitecheck beside the repository
# The sample folder is $SITEPAGES_SAMPLE_DIR (default /tmp/sozialsite-theme-sample).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sitecheck="${1:-$root/../shared/sitecheck}"
out="${SITEPAGES_SAMPLE_DIR:-/tmp/sozialsite-theme-sample}"
venv="${SITECHECK_VENV:-/tmp/sitecheck-venv}"
cd "$root"
SITEPAGES_SAMPLE_DIR="$out" swift test --filter SitePagesSampleExportTests >/dev/null || { echo "sample export failed"; exit 2; }
status=0
"$sitecheck/check-html.sh" "$out" || status=1
"$sitecheck/check-a11y.py" "$out" || status=1
"$venv/bin/python" tools/theme-axe.py "$out" --dark || status=1
"$venv/bin/python" tools/theme-axe.py "$out" --width 320 || status=1
python3 tools/theme-contrast.py || status=1
exit $status
