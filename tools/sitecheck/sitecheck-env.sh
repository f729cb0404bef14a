#!/usr/bin/env bash
# sitecheck-env.sh — idempotent installer for the site checks.
#
#   sitecheck-env.sh --for CHECK[,CHECK...]   (CHECK: html a11y links feeds svg newsletter, or all)
#
# Reads deps.txt beside this script, installs the missing Debian packages (through
# ../install-debian-packages.sh: apt-get, as root or via sudo, only when one is missing) and the
# missing PyPI requirements into one virtual environment at
# ${SITECHECK_VENV:-/tmp/sozialsite-sitecheck-venv}. Prints the venv path on stdout; progress
# goes to stderr. A warm run costs a few milliseconds: Debian packages are looked up with
# dpkg-query, every pip requirement leaves a stamp file in the venv. flock on
# $SITECHECK_VENV.lock keeps checks started at the same time from installing twice.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="${SITECHECK_VENV:-/tmp/sozialsite-sitecheck-venv}"

want=""
while (($#)); do
  case "$1" in
    --for) want="${2:-}"; shift 2 || { echo "usage: $0 --for CHECK[,CHECK...]|all" >&2; exit 2; } ;;
    *) echo "usage: $0 --for CHECK[,CHECK...]|all" >&2; exit 2 ;;
  esac
done
[[ -n $want ]] || { echo "usage: $0 --for CHECK[,CHECK...]|all" >&2; exit 2; }

apt_pkgs=() pip_specs=()
while read -r check kind name; do
  [[ -z ${check:-} || $check == \#* ]] && continue
  [[ $want == all || ",$want," == *",$check,"* ]] || continue
  case "$kind" in
    apt) apt_pkgs+=("$name") ;;
    cmd) command -v "${name%%=*}" >/dev/null 2>&1 || apt_pkgs+=("${name#*=}") ;;
    pip) pip_specs+=("$name") ;;
  esac
done < "$HERE/deps.txt"

mkdir -p "$(dirname "$VENV")"
exec 9>"$VENV.lock"
flock 9

# --- Debian packages --------------------------------------------------------
if ((${#apt_pkgs[@]})); then
  "$HERE/../install-debian-packages.sh" "${apt_pkgs[@]}" >&2
fi

# --- Python virtual environment --------------------------------------------
if [[ -d $VENV ]] && ! "$VENV/bin/python" -c '' >/dev/null 2>&1; then
  echo "sitecheck-env: venv $VENV is broken (python changed?), creating it anew" >&2
  rm -rf "$VENV"
fi
if [[ ! -x "$VENV/bin/python" ]]; then
  echo "sitecheck-env: creating venv $VENV" >&2
  python3 -m venv "$VENV" >&2
fi
stamps="$VENV/.sitecheck-stamps"
mkdir -p "$stamps"
todo=()
for spec in ${pip_specs[@]+"${pip_specs[@]}"}; do
  [[ -e "$stamps/$spec" ]] || [[ " ${todo[*]-} " == *" $spec "* ]] || todo+=("$spec")
done
if ((${#todo[@]})); then
  echo "sitecheck-env: pip install ${todo[*]}" >&2
  t0=$SECONDS
  "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input -q "${todo[@]}" >&2 </dev/null
  for spec in "${todo[@]}"; do : > "$stamps/$spec"; done
  echo "sitecheck-env: pip done in $((SECONDS - t0)) s" >&2
fi
echo "$VENV"
