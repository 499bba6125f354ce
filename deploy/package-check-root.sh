#!/bin/bash
# The steps deploy/package-check.sh runs inside the fresh Debian 12 root
# (copied there as /opt/check/steps.sh, with the packages in /opt/check/pkgs
# and /opt/check/next, deploy/demo-group.sh and the schema-1 store fixture).
#   steps.sh install|inspect|serve|purge
set -euo pipefail
set -o errtrace
trap 'echo "  failed: line $LINENO: $BASH_COMMAND" >&2' ERR
say() { printf '  %s\n' "$*"; }
CA=/etc/samrad/tls/server.crt

install_packages() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  if ! apt-get install -y -qq --no-install-recommends /opt/check/pkgs/*.deb systemd >/tmp/apt.log 2>&1; then
    tail -30 /tmp/apt.log
    return 1
  fi
  say "installed: $(dpkg-query -W -f='${Package} ${Version}  ' samrad-server samrad-cli samrad-client)"
}

inspect() {
  getent passwd samrad | grep -q ':/var/lib/samrad:/usr/sbin/nologin$'
  [ "$(stat -c '%a %U' /var/lib/samrad)" = "700 samrad" ]
  [ "$(stat -c '%a %U %G' /etc/samrad/tls/server.key)" = "640 root samrad" ]
  dpkg-query -W -f='${Conffiles}\n' samrad-server | grep -q ' /etc/samrad/server.toml '
  dpkg-query -W -f='${Conffiles}\n' samrad-server | grep -q ' /etc/samrad/backup.conf '
  test -x /usr/lib/samrad/samrad-backup
  test -s /usr/share/doc/samrad-server/operations.md
  test -f /usr/share/man/man1/samrad-server.1.gz
  test -f /usr/share/man/man1/samrad-cli.1.gz
  test -f /usr/share/applications/se.samrad.Samrad.desktop
  test -f /usr/share/icons/hicolor/scalable/apps/samrad.svg
  if ldd /usr/bin/samrad /usr/bin/samrad-server /usr/bin/samrad-cli | grep 'not found'; then
    return 1
  fi
  local client_version
  client_version=$(QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp samrad --version 2>/dev/null)
  say "$client_version; $(samrad-server --version); $(samrad-cli --version)"
  systemd-analyze verify /lib/systemd/system/samrad-server.service \
    /lib/systemd/system/samrad-backup.service /lib/systemd/system/samrad-backup.timer
  say "systemd-analyze verify: the three units pass"
  local unit level
  for unit in samrad-server samrad-backup; do
    level=$(systemd-analyze security --offline=true --no-pager "/lib/systemd/system/$unit.service" |
            sed -n "s/.*Overall exposure level for $unit.service: \([0-9.]*\).*/\1/p")
    say "systemd-analyze security $unit.service: exposure $level"
    awk -v l="$level" 'BEGIN { exit !(l != "" && l + 0 <= 2.0) }'
  done
}

SERVER_PID=/tmp/server.pid
as_samrad() { setpriv --reuid=samrad --regid=samrad --init-groups --inh-caps=-all "$@"; }
start_server() {
  # setpriv itself (not a shell function) in the background, so $! is the
  # server's own pid once setpriv has exec'd it.
  setpriv --reuid=samrad --regid=samrad --init-groups --inh-caps=-all \
    /usr/bin/samrad-server --config /etc/samrad/server.toml >>/root/server.log 2>&1 &
  echo $! >"$SERVER_PID"
  local i state=""
  for i in $(seq 1 60); do
    state=$(samrad-cli --server 127.0.0.1:7443 --ca "$CA" --timeout 2 health 2>&1 || true)
    if [ "$state" = SERVING ]; then
      say "samrad-cli health: SERVING"
      return 0
    fi
    sleep 0.5
  done
  echo "the server did not become SERVING: $state"
  tail -20 /root/server.log
  return 1
}
stop_server() {
  local pid i
  pid=$(cat "$SERVER_PID")
  if ! kill -TERM "$pid" 2>/dev/null; then
    echo "the server had already stopped; its last words:"
    tail -20 /root/server.log
    return 1
  fi
  for i in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  echo "the server did not stop on SIGTERM"
  return 1
}
scrape() {
  exec 3<>/dev/tcp/127.0.0.1/9464
  printf 'GET /metrics HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  cat <&3
  exec 3<&-
}
metric() { scrape | awk -v n="$1" '$1 == n { print $2 }'; }
cli() {
  local who=$1
  shift
  samrad-cli --server 127.0.0.1:7443 --ca "$CA" --profile "/root/demo/profiles/$who" \
    --passphrase-file /root/demo/passphrase "$@"
}

serve() {
  start_server
  [ "$(metric 'samrad_build_info{version="0.1.0"}')" = 1 ]
  say "the metrics endpoint answers on 127.0.0.1:9464 ($(scrape | grep -c '^# TYPE') metric families)"

  if ! /opt/check/demo-group.sh --cli /usr/bin/samrad-cli --server 127.0.0.1:7443 --ca "$CA" \
      --operator-key /var/lib/samrad/operator.key --dir /root/demo >/tmp/demo.log 2>&1; then
    tail -20 /tmp/demo.log
    return 1
  fi
  cli samordnare sync >/dev/null
  cli polis sync >/dev/null
  local cases_before log_before
  cases_before=$(cli samordnare case list | sort)
  [ -n "$cases_before" ]
  log_before=$(metric samrad_log_entries)
  say "the demo group, set up with the installed samrad-cli: $(wc -l <<<"$cases_before") case lines, $log_before log entries"

  printf 'BACKUP_DIR=/var/backups/samrad\nKEYS_DIR=/var/backups/samrad-keys\nKEEP=2\n' >/tmp/backup.conf
  chmod 0644 /tmp/backup.conf
  local i
  for i in 1 2 3; do
    if ! as_samrad env SAMRAD_BACKUP_CONF=/tmp/backup.conf /usr/lib/samrad/samrad-backup >>/tmp/backup.log 2>&1; then
      cat /tmp/backup.log
      return 1
    fi
    sleep 1.1
  done
  [ "$(ls /var/backups/samrad | wc -l)" = 2 ]
  [ "$(ls /var/backups/samrad)" = "$(ls /var/backups/samrad-keys)" ]
  if find /var/backups/samrad -name '*.key' | grep .; then
    echo "a key file lies beside the store in the backup"
    return 1
  fi
  # A night that fails half-way (the server's backup made its folders, then
  # stopped) leaves nothing behind, and the two good backups stay.
  local kept
  kept=$(ls /var/backups/samrad)
  printf '#!/bin/sh\nwhile [ $# -gt 0 ]; do case "$1" in --to|--keys-to) mkdir -p "$2"; touch "$2/half";; esac; shift; done\nexit 1\n' \
    >/tmp/failing-server
  chmod 0755 /tmp/failing-server
  if as_samrad env SAMRAD_BACKUP_CONF=/tmp/backup.conf SAMRAD_SERVER_BIN=/tmp/failing-server \
      /usr/lib/samrad/samrad-backup >>/tmp/backup.log 2>&1; then
    echo "samrad-backup said a failed backup succeeded"
    return 1
  fi
  [ "$(ls -A /var/backups/samrad)" = "$kept" ]
  [ "$(ls -A /var/backups/samrad-keys)" = "$kept" ]
  say "a backup that fails half-way leaves no folder behind; the good ones stay"
  local backup_at
  backup_at=$(metric samrad_backup_last_success_timestamp_seconds)
  [ "$backup_at" -gt $(($(date +%s) - 120)) ]
  say "samrad-backup three times with KEEP=2: 2 backups kept, their keys in a folder apart; the metric says $backup_at"

  # The upgrade: the operator has changed the configuration; the next release
  # goes in over the running installation.
  sed -i 's/^level = "info"/level = "warn"/' /etc/samrad/server.toml
  if ! DEBIAN_FRONTEND=noninteractive dpkg -i /opt/check/next/samrad-server_*.deb \
      /opt/check/next/samrad-cli_*.deb >/tmp/upgrade.log 2>&1; then
    cat /tmp/upgrade.log
    return 1
  fi
  grep -q '^level = "warn"' /etc/samrad/server.toml
  stop_server
  start_server
  # The devices' log monitors hold the checkpoint they accepted before the
  # upgrade; sync refuses a log that does not extend it.
  cli samordnare sync >/dev/null
  cli polis sync >/dev/null
  local cases_after log_after
  cases_after=$(cli samordnare case list | sort)
  [ "$cases_before" = "$cases_after" ]
  log_after=$(metric samrad_log_entries)
  [ "$log_after" -ge "$log_before" ]
  say "upgraded to $(dpkg-query -W -f='${Version}' samrad-server), server.toml kept as the operator left it;" \
    "every case there, the devices accept the log as extending what they saw ($log_before -> $log_after entries)"

  stop_server
  mv /var/lib/samrad /var/lib/samrad.demo
  install -d -o samrad -g samrad -m 0700 /var/lib/samrad
  install -o samrad -g samrad -m 0600 /opt/check/fixture/* /var/lib/samrad/
  start_server
  stop_server
  as_samrad /usr/bin/samrad-server backup --config /etc/samrad/server.toml \
    --to /tmp/migrated --keys-to /tmp/migrated-keys >/tmp/migrated.txt
  grep -q 'schema version' /tmp/migrated.txt
  say "the schema-1 store fixture under the installed server: $(cat /tmp/migrated.txt)"
  rm -rf /var/lib/samrad
  mv /var/lib/samrad.demo /var/lib/samrad
}

purge() {
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get purge -y -qq samrad-server samrad-cli samrad-client >/tmp/purge.log 2>&1; then
    cat /tmp/purge.log
    return 1
  fi
  if dpkg-query -W -f='${Status}\n' samrad-server samrad-cli samrad-client 2>/dev/null | grep -q installed; then
    echo "still installed"
    return 1
  fi
  test ! -e /etc/samrad
  test ! -e /usr/bin/samrad-server
  test ! -e /lib/systemd/system/samrad-server.service
  test -f /var/lib/samrad/samrad.db
  local left
  left=$(find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /var/lib/samrad \
    -o -path /var/backups/samrad -o -path /var/backups/samrad-keys -o -path /root/demo \
    -o -path /opt/check -o -path /tmp \) -prune -o -name '*samrad*' -print)
  if [ -n "$left" ]; then
    echo "left behind: $left"
    return 1
  fi
  say "purged; kept on purpose: /var/lib/samrad (the store) and /var/backups/samrad{,-keys}"
  say "the samrad user stays, as Debian's policy asks of system users"
}

case "${1:-}" in
  install) install_packages ;;
  inspect) inspect ;;
  serve) serve ;;
  purge) purge ;;
  *) echo "steps.sh install|inspect|serve|purge" >&2; exit 2 ;;
esac
