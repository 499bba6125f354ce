#!/usr/bin/env bash
# The Debian packages on a clean Debian 12 root, as a region's IT department
# installs them:
#   1. builds samrad-server, samrad-cli and samrad-client (deploy/package.sh)
#      and reads them with lintian (errors fail; warnings are listed);
#   2. installs them with apt into a fresh debootstrapped root (the base root
#      deploy/fresh-check.sh caches), which pulls every dependency the
#      packages declare from Debian's mirror, and checks what the server's
#      package made: the samrad user, /var/lib/samrad 0700, the conffiles,
#      the placeholder certificate, the systemd units (systemd-analyze verify,
#      and the security exposure of both services, which must stay <= 2.0);
#   3. starts the server from the installed files with the packaged
#      configuration, as samrad — in a network namespace of its own, so the
#      packaged ports cannot clash with this machine's — until
#      `samrad-cli health` says SERVING; scrapes the metrics endpoint; sets
#      up the demo group with the installed samrad-cli (deploy/demo-group.sh),
#      so the store holds agencies, people, cases, consent, minutes and a log;
#      runs the packaged backup (samrad-backup) three times with KEEP=2;
#   4. upgrades: installs the next release of the packages over the running
#      installation, restarts the server, and checks with samrad-cli that
#      nothing was lost — the members' devices sync and their log monitors
#      accept the new checkpoint as an extension of the one they saw before
#      (a rolled-back or rewritten log fails here), the cases are all there,
#      the log did not shrink, and the operator's change to server.toml
#      survived; then the oldest store fixture (schema 1) is put in place and
#      the installed server migrates it;
#   5. removes and purges the packages and checks what is left: the store and
#      the backups (kept on purpose), nothing else of Samråd.
#
#   deploy/package-check.sh [--build DIR] [--keep]
#
# Runs as root (debootstrap, chroot, mounts, unshare). Downloads go to the
# same apt cache as deploy/fresh-check.sh, so a warm run takes a few minutes.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${SAMRAD_FRESH_CACHE:-/var/cache/samrad-fresh-check}
build=$repo/build
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,36p' "$0"; exit 0 ;;
    *) echo "package-check.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
say() { printf '[package-check] %s\n' "$*"; }
fail() { printf '[package-check] FAILED: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "needs root (chroot, mounts, unshare); run it with sudo"
started=$(date +%s)

# ---- 1. the packages, and lintian ----
out=$build/packages
"$repo/deploy/package.sh" "$build" "$out"
next=$build/packages-next
rm -rf "$next"
mkdir -p "$next"
(cd "$build" && cpack -G DEB -B "$next" -D CPACK_DEBIAN_PACKAGE_RELEASE=2 >"$next/cpack.log" 2>&1) ||
  { cat "$next/cpack.log" >&2; fail "cpack (release 2)"; }
rm -rf "$next/_CPack_Packages"
if ! command -v lintian >/dev/null 2>&1; then
  say "installing lintian on this machine (a host tool, not a dependency of Samråd)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends lintian >/dev/null
fi
lintian_out=$(lintian --tag-display-limit 0 "$out"/*.deb 2>&1 | grep -v 'running with root privileges' || true)
if grep -q '^E: ' <<<"$lintian_out"; then
  echo "$lintian_out" >&2
  fail "lintian found errors"
fi
say "lintian: $(grep -c '^W: ' <<<"$lintian_out" || true) warnings, no errors"
sed 's/^/    /' <<<"$lintian_out"

# ---- 2. a fresh root ----
base=$cache/base.tar.gz
if [ ! -s "$base" ]; then
  "$repo/deploy/fresh-check.sh" --base-only
fi
mkdir -p "$cache/apt"
root=$cache/pkgroot
mounted=()
cleanup() {
  set +e
  if [ -d "$root" ]; then
    for p in /proc/[0-9]*; do
      [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -KILL "${p#/proc/}" 2>/dev/null
    done
    sleep 0.5
  fi
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null; done
  if [ "$keep" = 0 ]; then rm -rf "$root"; else say "root kept in $root"; fi
}
trap cleanup EXIT
mount_into() {
  local target=$1; shift
  mkdir -p "$target"
  mount "$@" "$target"
  mounted+=("$target")
}
rm -rf "$root"
mkdir -p "$root"
tar -C "$root" -xzf "$base"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
mount_into "$root/proc" -t proc proc
mount_into "$root/sys" -t sysfs sysfs
mount_into "$root/dev" --bind /dev
mount_into "$root/dev/pts" -t devpts devpts
mount_into "$root/tmp" -t tmpfs -o mode=1777 tmpfs
mount_into "$root/var/cache/apt/archives" --bind "$cache/apt"
mkdir -p "$root/opt/check/pkgs" "$root/opt/check/next" "$root/opt/check/fixture"
cp "$out"/*.deb "$root/opt/check/pkgs/"
cp "$next"/*.deb "$root/opt/check/next/"
cp "$repo/deploy/demo-group.sh" "$root/opt/check/"
cp "$repo"/tests/unit/server_storage/fixtures/v1/* "$root/opt/check/fixture/"

cp "$repo/deploy/package-check-root.sh" "$root/opt/check/steps.sh"

# Runs a step of deploy/package-check-root.sh inside the root, with a login
# shell's environment only; with --net, in a network namespace of its own
# (loopback up), so the packaged ports (7443, 9464) are the root's alone.
in_root() {
  local pre=()
  if [ "$1" = --net ]; then pre=(unshare --net -- sh -c 'ip link set lo up && exec "$0" "$@"'); shift; fi
  "${pre[@]}" chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/bash /opt/check/steps.sh "$1"
}

say "installing the packages with apt (their dependencies from Debian's mirror)"
in_root install || fail "apt could not install the packages"
say "what the server package made"
in_root inspect || fail "the installed package is not as it should be"
say "the installed server, the demo group, the backup and the upgrade (own network namespace)"
in_root --net serve || fail "the installed server, its backup or its upgrade"
say "removing and purging the packages"
in_root purge || fail "remove and purge"

say "packages built, installed, served, backed up, upgraded and purged on a fresh Debian 12 root in $(( $(date +%s) - started )) s"
