#!/usr/bin/env bash
# The README's two commands on a fresh Debian 12 machine, as a newcomer runs
# them: a minimal Debian 12 root (debootstrap --variant=minbase, with git,
# ca-certificates and sudo, as a new machine has), the commit under test
# cloned into root's home with ../shared beside it (CI runs as root too), then
# the two commands read from README.md's first two ```sh blocks and run
# exactly as written, in a clean login environment. Anything the project uses but does not install through
# its own scripts makes this fail, even where the developers' machines happen
# to have it.
#
#   deploy/fresh-check.sh [--rev REV] [--refresh-base] [--keep]
#
#   --rev REV        the commit to check (default: HEAD of this checkout; the
#                    working tree's uncommitted changes are not part of it)
#   --refresh-base   make the cached base root anew from the mirror
#   --base-only      only make (or refresh) the cached base root, then stop
#   --keep           leave the root in place afterwards (to look inside)
#
# Runs as root (chroot, mounts). Kept between runs, in $SAMRAD_FRESH_CACHE
# (default /var/cache/samrad-fresh-check), so a warm run costs minutes:
#   base.tar.gz   the debootstrapped root as it was made (re-made after 14 days,
#                 so it follows Debian's point releases and security updates)
#   apt/          Debian packages downloaded before (apt's own archive cache)
# and this machine's own compiler cache (ccache's folder of the user running
# the script) is bound into the root, so what CI or a developer compiled
# before is not compiled again (deploy/build.sh makes ccache's results
# independent of the checkout's folder). Each run starts from base.tar.gz
# unpacked anew: nothing a previous run installed or built survives into the
# next, only downloads and compiler results.
# Environment: SAMRAD_FRESH_MIRROR (default: http://deb.debian.org/debian).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${SAMRAD_FRESH_CACHE:-/var/cache/samrad-fresh-check}
mirror=${SAMRAD_FRESH_MIRROR:-http://deb.debian.org/debian}
rev=HEAD
refresh=0
keep=0
base_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rev) rev=$2; shift ;;
    --refresh-base) refresh=1 ;;
    --keep) keep=1 ;;
    --base-only) base_only=1 ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "fresh-check.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

say() { printf '[fresh-check] %s\n' "$*"; }
fail() { printf '[fresh-check] FAILED: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "needs root (debootstrap, chroot and mounts); run it with sudo"

commit=$(git -C "$repo" rev-parse --verify "$rev^{commit}") || fail "no commit '$rev' in $repo"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  say "note: uncommitted changes in $repo are not checked, only commit ${commit:0:12}"
fi

# The host tool that makes the root; not a dependency of Samråd itself.
if ! command -v debootstrap >/dev/null 2>&1; then
  say "installing debootstrap on this machine"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap \
    >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends debootstrap >/dev/null; }
fi

host_ccache=$(ccache -k cache_dir 2>/dev/null || echo "${HOME:-/root}/.cache/ccache")
mkdir -p "$cache/apt" "$cache/logs" "$host_ccache"
base="$cache/base.tar.gz"
root="$cache/root"
home=/root
logs="$cache/logs"

# ---- the base root: made once, then reused until it is 14 days old ----
if [ "$refresh" = 1 ] || [ ! -s "$base" ] || [ -n "$(find "$base" -mtime +14 2>/dev/null)" ]; then
  say "making a minimal Debian 12 root with debootstrap from $mirror (cached in $base)"
  started=$(date +%s)
  tmp="$cache/base.tmp"
  rm -rf "$tmp"
  debootstrap --variant=minbase --include=git,ca-certificates,sudo \
    --cache-dir="$cache/apt" bookworm "$tmp" "$mirror" >"$logs/debootstrap.log" 2>&1 ||
    { tail -20 "$logs/debootstrap.log" >&2; fail "debootstrap (log: $logs/debootstrap.log)"; }
  # Debian 12 as its installer leaves it: the release, its updates and security.
  cat >"$tmp/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
  rm -rf "$tmp/var/cache/apt/archives/"*.deb "$tmp/var/lib/apt/lists/"*
  tar -C "$tmp" -czf "$base.new" . && mv "$base.new" "$base"
  rm -rf "$tmp"
  say "base root made in $(( $(date +%s) - started )) s"
fi

[ "$base_only" = 0 ] || { say "base root ready: $base"; exit 0; }

# ---- a fresh root for this run ----
mounted=()
cleanup() {
  set +e
  if [ -d "$root" ]; then
    # Whatever the commands left running inside (a server, Xvfb) ends here.
    for p in /proc/[0-9]*; do
      [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -KILL "${p#/proc/}" 2>/dev/null
    done
    sleep 0.5
  fi
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount -l "${mounted[$i]}" 2>/dev/null
  done
  if [ "$keep" = 0 ]; then rm -rf "$root"; else say "root kept in $root"; fi
}
trap cleanup EXIT
mount_into() {  # mount_into TARGET mount-arguments...
  local target=$1; shift
  mkdir -p "$target"
  mount "$@" "$target"
  mounted+=("$target")
}

rm -rf "$root"
mkdir -p "$root"
say "unpacking a fresh root from $base"
tar -C "$root" -xzf "$base"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
mount_into "$root/proc" -t proc proc
mount_into "$root/sys" -t sysfs sysfs
mount_into "$root/dev" --bind /dev
mount_into "$root/dev/pts" -t devpts devpts
mount_into "$root/dev/shm" -t tmpfs tmpfs
mount_into "$root/tmp" -t tmpfs -o mode=1777 tmpfs
mount_into "$root/var/cache/apt/archives" --bind "$cache/apt"

mount_into "$root$home/.cache/ccache" --bind "$host_ccache"

# The commit under test, cloned as the newcomer would, with ../shared beside it.
say "cloning ${commit:0:12} into $home/samrad"
git clone --quiet --no-local --no-checkout "$repo" "$root$home/samrad"
git -C "$root$home/samrad" -c advice.detachedHead=false checkout --quiet "$commit"
git -C "$root$home/samrad" remote remove origin
if [ -d "$repo/../shared" ]; then cp -r "$repo/../shared" "$root$home/shared"; fi

# The README's commands, read from it: the first two ```sh blocks.
mapfile -t commands < <(awk '/^```sh$/ {inside = 1; next} /^```$/ {inside = 0}
                              inside && NF {print}' "$root$home/samrad/README.md" | head -2)
[ ${#commands[@]} -eq 2 ] || fail "README.md has not two \`\`\`sh commands: ${commands[*]}"

in_root() {  # in_root LOG COMMAND: in the clone, with a login shell's environment only
  chroot "$root" /usr/bin/env -i HOME="$home" USER=root LOGNAME=root SHELL=/bin/bash \
    LANG=C.UTF-8 TERM=dumb PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/bash -c "cd ~/samrad && $2" >"$1" 2>&1
}

results=()
status=0
for n in 1 2; do
  command=${commands[$((n - 1))]}
  log="$logs/command-$n.log"
  say "README command $n: $command   (log: $log)"
  started=$(date +%s)
  if in_root "$log" "$command"; then
    results+=("command $n  '$command'  passed in $(( $(date +%s) - started )) s")
  else
    rc=$?
    results+=("command $n  '$command'  FAILED (exit $rc) after $(( $(date +%s) - started )) s")
    status=1
    tail -40 "$log" | sed 's/^/    /' >&2
  fi
  if [ "$n" = 1 ]; then
    # The README: "deploy/run.sh stop stops the server".
    in_root "$logs/stop.log" "deploy/run.sh stop" || true
    # What install-deps added to the minimal root, for comparing by hand.
    chroot "$root" dpkg-query -W -f='${Package}\n' | sort >"$logs/packages-after-install.txt"
  fi
done

summary=$(grep -E '^[0-9]+ tests? passed|tests passed|tests failed out of' "$logs/command-2.log" |
          tail -1 || true)
say "fresh Debian 12 root, commit ${commit:0:12}:"
for r in "${results[@]}"; do say "  $r"; done
[ -n "$summary" ] && say "  ctest in the root: $summary"
say "  $(wc -l <"$logs/packages-after-install.txt") packages installed in the root afterwards"
[ "$status" = 0 ] || fail "a README command failed on a fresh machine (logs in $logs)"
say "both README commands pass on a fresh Debian 12 root"
