#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, makes a
# development PKI, starts samrad-server on 127.0.0.1 with its SQLCipher store,
# runs the main job against it, and opens the Qt client if there is a display.
#
#   deploy/run.sh [--data DIR] [--port PORT] [--no-client]
#   deploy/run.sh stop [--data DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/var"
port=7443
client=1
action=start

while [ $# -gt 0 ]; do
  case "$1" in
    stop) action=stop ;;
    --data) data=$2; shift ;;
    --port) port=$2; shift ;;
    --no-client) client=0 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$data"
data=$(cd "$data" && pwd)
pidfile="$data/samrad-server.pid"

server_running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

if [ "$action" = stop ]; then
  if server_running; then
    pid=$(cat "$pidfile")
    echo "[run] stopping samrad-server (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$pidfile"
    echo "[run] stopped"
  else
    echo "[run] no samrad-server is running for $data"
  fi
  exit 0
fi

"$root/deploy/install-deps.sh"
build="$root/build"
"$root/deploy/build.sh" "$build" -DSAMRAD_BUILD_UI=ON

echo "[run] development PKI in $data/pki"
"$root/deploy/dev-pki.sh" "$data/pki"

cli=("$build/client/cli/samrad-cli" --server "127.0.0.1:$port" --ca "$data/pki/ca.crt")

if server_running; then
  echo "[run] samrad-server is already running (pid $(cat "$pidfile"))"
else
  echo "[run] starting samrad-server on 127.0.0.1:$port, store in $data"
  (umask 077 && : >>"$data/samrad-server.log")  # owner-only, like the store beside it
  nohup "$build/server/samrad-server" --listen "127.0.0.1:$port" --data-dir "$data" \
    --tls-cert "$data/pki/server.crt" --tls-key "$data/pki/server.key" \
    --log-format json >>"$data/samrad-server.log" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 50); do
    "${cli[@]}" --timeout 1 health >/dev/null 2>&1 && break
    server_running || { echo "[run] samrad-server failed to start; see $data/samrad-server.log" >&2; tail -5 "$data/samrad-server.log" >&2; exit 1; }
    sleep 0.2
  done
fi

echo "[run] main job"
printf '  server health: '
"${cli[@]}" health
"${cli[@]}" info | sed 's/^/  /'
echo "[run] a demo consultation group works through a week (samrad-cli demo)"
"${cli[@]}" demo --operator-key "$data/operator.key"

echo "[run] the demo group \"Samråd Nordstad\" with five people's device profiles (deploy/demo-group.sh)"
"$root/deploy/demo-group.sh" --cli "$build/client/cli/samrad-cli" --server "127.0.0.1:$port" \
  --ca "$data/pki/ca.crt" --operator-key "$data/operator.key" --dir "$data/demo" | sed 's/^/  /'

app="$build/client/app/samrad"
app_args=(--server "127.0.0.1:$port" --ca "$data/pki/ca.crt")
if [ "$client" = 1 ] && [ -x "$app" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  echo "[run] opening the Samråd client as the group's coordinator"
  nohup "$app" "${app_args[@]}" --profile "$data/demo/profiles/samordnare" \
    --unlock-with-file "$data/demo/passphrase" >>"$data/samrad-client.log" 2>&1 &
elif [ "$client" = 1 ]; then
  echo "[run] no display found, so the desktop client was not opened"
fi

cat <<TXT

Samråd is running.
  server        127.0.0.1:$port (TLS), pid $(cat "$pidfile")
  data folder   $data  (samrad.db is encrypted with server.key; keep both, guard the key)
  server log    $data/samrad-server.log
  TLS CA        $data/pki/ca.crt (development only)
  command line  ${cli[*]} --help
  desktop app   $app ${app_args[*]} --profile $data/demo/profiles/samordnare
                (or polis, vard, jurist, lillby; demo passphrase in $data/demo/passphrase)
Stop it with:   deploy/run.sh stop${data:+ --data $data}
TXT
