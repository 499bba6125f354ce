#!/usr/bin/env bash
# Builds the Samråd server's container image with podman and no registry,
# runs it, and checks its health from the host:
#   1. the base image: a minimal Debian 12 root made with debootstrap (the one
#      deploy/fresh-check.sh caches) imported with `podman import`;
#   2. the image: packaging/Containerfile installs samrad-server and
#      samrad-cli from the .debs deploy/package.sh builds; it runs as the
#      samrad user, keeps its data on a volume, and checks its own health
#      with `samrad-cli health`;
#   3. a container from it, with a development certificate (deploy/dev-pki.sh)
#      mounted read-only and a fresh volume; the host's samrad-cli asks it for
#      its health over TLS, podman runs its health check, the metrics answer,
#      and a restart keeps the store (same server id).
#
#   deploy/container.sh [--keep]     (--keep: leave the container running)
#
# Root (podman, debootstrap). This machine's podman needs the runc runtime
# and explicit ulimits, so every podman call here names them. Not part of
# .ci/run: the first run downloads podman and builds the base image; see the
# figures the script prints at the end.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=$repo/build
cache=${SAMRAD_FRESH_CACHE:-/var/cache/samrad-fresh-check}
keep=0
[ "${1:-}" = --keep ] && keep=1
say() { printf '[container] %s\n' "$*"; }
fail() { printf '[container] FAILED: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "needs root (podman, debootstrap)"
started=$(date +%s)

missing=()
for p in podman runc; do command -v "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian (host tools)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    uidmap slirp4netns fuse-overlayfs >/dev/null
fi
podman=(podman --runtime runc)
# Within this machine's hard limits (a higher one is refused: "error setting rlimit").
nofile=$(ulimit -Hn)
[ "$nofile" = unlimited ] || [ "$nofile" -gt 65536 ] && nofile=65536
limits=(--ulimit "nofile=$nofile:$nofile" --ulimit nproc=8192:8192)

if ! "${podman[@]}" image exists localhost/samrad-debian12-base:latest; then
  [ -s "$cache/base.tar.gz" ] || "$repo/deploy/fresh-check.sh" --base-only
  say "importing the debootstrapped Debian 12 root as localhost/samrad-debian12-base"
  "${podman[@]}" import "$cache/base.tar.gz" localhost/samrad-debian12-base:latest >/dev/null
fi

"$repo/deploy/package.sh" "$build" "$build/packages" >/dev/null
ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
cp "$build"/packages/samrad-server_*.deb "$ctx/samrad-server.deb"
cp "$build"/packages/samrad-cli_*.deb "$ctx/samrad-cli.deb"
cp "$repo/packaging/Containerfile" "$ctx/Containerfile"
t0=$(date +%s)
say "building localhost/samrad-server:0.1.0"
"${podman[@]}" build "${limits[@]}" --format docker -q -t localhost/samrad-server:0.1.0 "$ctx" >/dev/null
built=$(( $(date +%s) - t0 ))
say "image built in $built s; $("${podman[@]}" image inspect localhost/samrad-server:0.1.0 --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}')"

# A development certificate for 127.0.0.1/localhost, readable by the
# container's samrad group.
pki=$ctx/pki
"$repo/deploy/dev-pki.sh" "$pki" >/dev/null
gid=$("${podman[@]}" run --rm "${limits[@]}" --entrypoint id localhost/samrad-server:0.1.0 -g)
tls=$ctx/tls
mkdir -p "$tls"
cp "$pki/server.crt" "$tls/server.crt"
cp "$pki/server.key" "$tls/server.key"
cp "$pki/ca.crt" "$tls/ca.crt"
chgrp "$gid" "$tls" "$tls/server.key" "$tls/server.crt" "$tls/ca.crt"
chmod 0750 "$tls"
chmod 0640 "$tls/server.key"
chmod 0644 "$tls/server.crt" "$tls/ca.crt"

name=samrad-container-check
"${podman[@]}" rm -f "$name" >/dev/null 2>&1 || true
"${podman[@]}" volume rm -f samrad-check-data >/dev/null 2>&1 || true
run() {
  "${podman[@]}" run -d "${limits[@]}" --name "$name" \
    -p 127.0.0.1:17443:7443 -p 127.0.0.1:19464:9464 \
    -v samrad-check-data:/var/lib/samrad -v "$tls:/etc/samrad/tls:ro" \
    localhost/samrad-server:0.1.0 >/dev/null
}
health() {
  local i state=""
  for i in $(seq 1 60); do
    state=$("$build/client/cli/samrad-cli" --server 127.0.0.1:17443 --ca "$pki/ca.crt" \
            --server-name localhost --timeout 2 health 2>&1 || true)
    [ "$state" = SERVING ] && return 0
    sleep 0.5
  done
  "${podman[@]}" logs "$name" | tail -20 >&2
  fail "the container did not become SERVING ($state)"
}
t0=$(date +%s)
run
health
say "container up and SERVING (samrad-cli from the host, over TLS) in $(( $(date +%s) - t0 )) s"
"${podman[@]}" healthcheck run "$name" && say "podman healthcheck run: healthy"
[ "$("${podman[@]}" exec "$name" id -un)" = samrad ] && say "runs as samrad, not root"
id1=$("$build/client/cli/samrad-cli" --server 127.0.0.1:17443 --ca "$pki/ca.crt" --server-name localhost info | sed -n 's/^server id: *//p')
exec 3<>/dev/tcp/127.0.0.1/19464
printf 'GET /metrics HTTP/1.0\r\n\r\n' >&3
grep -q '^samrad_log_entries ' <&3 && say "metrics answer on 127.0.0.1:19464"
exec 3<&-
"${podman[@]}" stop -t 20 "$name" >/dev/null
"${podman[@]}" rm "$name" >/dev/null
run
health
id2=$("$build/client/cli/samrad-cli" --server 127.0.0.1:17443 --ca "$pki/ca.crt" --server-name localhost info | sed -n 's/^server id: *//p')
[ -n "$id1" ] && [ "$id1" = "$id2" ] || fail "a new container on the same volume is another server ($id1 / $id2)"
say "a new container on the same volume is the same server ($id1)"
if [ "$keep" = 0 ]; then
  "${podman[@]}" rm -f "$name" >/dev/null
  "${podman[@]}" volume rm -f samrad-check-data >/dev/null
fi
say "done in $(( $(date +%s) - started )) s"
