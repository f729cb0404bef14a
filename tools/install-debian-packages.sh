#!/usr/bin/env bash
# install-debian-packages.sh PACKAGE... — install the Debian packages that are missing.
#
# Idempotent and quick when everything is there: each package is looked up with dpkg-query
# (a few milliseconds); only when one is missing does it run `apt-get update` and
# `apt-get install` (non-interactive, no recommends), as root or through sudo.
# Used by `make deps` and by tools/sitecheck/sitecheck-env.sh.
set -euo pipefail
missing=()
for p in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    [[ " ${missing[*]-} " == *" $p "* ]] || missing+=("$p")
  fi
done
((${#missing[@]})) || exit 0

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "Fehlende Debian-Pakete: ${missing[*]} — bitte als root installieren (apt-get install ${missing[*]})." >&2; exit 1; }
  SUDO=(sudo)
fi
apt=(${SUDO[@]+"${SUDO[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -q)
echo "install-debian-packages: ${missing[*]}" >&2
t0=$SECONDS
"${apt[@]}" update >&2 </dev/null
"${apt[@]}" install -y --no-install-recommends "${missing[@]}" >&2 </dev/null
echo "install-debian-packages: done in $((SECONDS - t0)) s" >&2
