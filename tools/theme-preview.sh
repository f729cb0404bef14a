#!/usr/bin/env bash
# Screenshots of a built site for looking at the theme: light and dark, phone and desktop.
#   tools/theme-preview.sh SITE_DIR OUT_DIR [PAGE...]     (pages as site paths, default: / )
# Needs Debian's chromium (the sitecheck scripts install it). Serves SITE_DIR on 127.0.0.1 only.
set -euo pipefail
site="$1"; out="$2"; shift 2
pages=("$@"); ((${#pages[@]})) || pages=(/)
mkdir -p "$out"
chromium="$(command -v chromium || echo /usr/lib/chromium/chromium)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
python3 -m http.server --bind 127.0.0.1 --directory "$site" "$port" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
sleep 0.5
for page in "${pages[@]}"; do
  name="$(echo "$page" | sed 's|^/||; s|/$||; s|/|_|g')"; name="${name:-index}"
  for size in "390,2600" "1280,2400"; do
    for scheme in light dark; do
      flag=(); [[ $scheme == dark ]] && flag=(--blink-settings=preferredColorScheme=0 --force-dark-mode)
      timeout 40 "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars "${flag[@]}" \
        --window-size="$size" --screenshot="$out/${name}-${size%%,*}-${scheme}.png" \
        "http://127.0.0.1:$port$page" >/dev/null 2>&1 || echo "screenshot failed: $page $size $scheme"
    done
  done
done
ls "$out"
