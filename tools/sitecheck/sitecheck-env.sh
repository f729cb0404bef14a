#!/usr/bin/env bash
# sitecheck-env.sh — idempotent installer for the site checks.
#
#   sitecheck-env.sh --for CHECK[,CHECK...]   (CHECK: html a11y links feeds svg newsletter, or all)
#
# Reads deps.txt beside this script, installs the missing Debian packages (apt-get, as root or
# via sudo; `apt-get update` only when something is missing and the first try fails) and the
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
missing=()
for p in ${apt_pkgs[@]+"${apt_pkgs[@]}"}; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    [[ " ${missing[*]-} " == *" $p "* ]] || missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "sitecheck-env: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    SUDO=(sudo)
  fi
  apt_opts=(-o DPkg::Lock::Timeout=600 -y -q --no-install-recommends)
  echo "sitecheck-env: apt-get install ${missing[*]}" >&2
  t0=$SECONDS
  # Without 'update' first: on a machine whose package lists are fresh that saves the time; on a
  # fresh machine the lists are empty or stale, the install fails, and we update and retry.
  if ! ${SUDO[@]+"${SUDO[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install "${apt_opts[@]}" "${missing[@]}" >&2 </dev/null; then
    ${SUDO[@]+"${SUDO[@]}"} apt-get -o DPkg::Lock::Timeout=600 -q update >&2 </dev/null
    ${SUDO[@]+"${SUDO[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install "${apt_opts[@]}" "${missing[@]}" >&2 </dev/null
  fi
  echo "sitecheck-env: apt-get done in $((SECONDS - t0)) s" >&2
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
