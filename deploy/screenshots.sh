#!/usr/bin/env bash
# Screenshots of each main screen of the desktop client, in Swedish and in
# English, taken under Xvfb against a real server with the demo group:
#
#   deploy/screenshots.sh [OUT_DIR]      (default: build/screenshots)
#
# Starts its own samrad-server on a free port in a temporary folder, sets up
# the demo group with deploy/demo-group.sh, and runs the client once per
# screen with --screenshot. Needs a build with -DSAMRAD_BUILD_UI=ON.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${SAMRAD_BUILD_DIR:-$root/build}"
out="${1:-$build/screenshots}"
mkdir -p "$out"
out=$(cd "$out" && pwd)
app="$build/client/app/samrad"
cli="$build/client/cli/samrad-cli"
server="$build/server/samrad-server"
for b in "$app" "$cli" "$server"; do
  [ -x "$b" ] || { echo "screenshots.sh: $b is missing; build with -DSAMRAD_BUILD_UI=ON" >&2; exit 1; }
done
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run is missing (deploy/install-deps.sh)" >&2; exit 1; }

work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
"$root/deploy/dev-pki.sh" "$work/pki" >/dev/null
# Port 0: the kernel picks a free port, the server writes it down once listening.
"$server" --listen "127.0.0.1:0" --port-file "$work/port" --data-dir "$work/var" \
  --tls-cert "$work/pki/server.crt" --tls-key "$work/pki/server.key" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 50); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || { echo "screenshots.sh: samrad-server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
port=$(cat "$work/port")
for _ in $(seq 1 50); do
  "$cli" --server "127.0.0.1:$port" --ca "$work/pki/ca.crt" --timeout 1 health >/dev/null 2>&1 && break
  sleep 0.2
done
"$root/deploy/demo-group.sh" --cli "$cli" --server "127.0.0.1:$port" --ca "$work/pki/ca.crt" \
  --operator-key "$work/var/operator.key" --dir "$work/demo" >/dev/null

shoot() {  # name lang profile [page] — page empty: the lock screen
  # SCREEN (default 1400x900) and FONT_DPI (default 96; 144 is 150 % text)
  local name=$1 lang=$2 profile=$3 page=${4:-}
  local args=(--server "127.0.0.1:$port" --ca "$work/pki/ca.crt" --lang "$lang"
              --profile "$work/demo/profiles/$profile" --screenshot "$out/${name}_$lang.png")
  [ -n "$page" ] && args+=(--unlock-with-file "$work/demo/passphrase" --page "$page")
  QT_FONT_DPI="${FONT_DPI:-96}" xvfb-run -a -s "-screen 0 ${SCREEN:-1400x900}x24" \
    "$app" "${args[@]}" >/dev/null
}
for lang in sv en; do
  for page in overview cases meetings advice register members statistics; do
    shoot "$page" "$lang" samordnare "$page"
  done
  shoot requester "$lang" lillby advice
  # The lock screen after the profile was opened once: whose profile it is.
  shoot unlock "$lang" samordnare
  # A 1366x768 laptop with 150 % text: everything must still fit.
  SCREEN=1366x768 FONT_DPI=144 shoot unlock_1366_150pct "$lang" samordnare
  SCREEN=1366x768 FONT_DPI=144 shoot cases_1366_150pct "$lang" samordnare cases
  SCREEN=1366x768 shoot meetings_1366 "$lang" samordnare meetings
done
echo "[screenshots] $(ls "$out"/*.png | wc -l) screenshots in $out"
