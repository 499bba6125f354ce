#!/usr/bin/env bash
# Configures and builds Samråd into a build folder.
#   deploy/build.sh [BUILD_DIR] [extra cmake -D options...]
# Environment: SAMRAD_JOBS (parallel jobs, default: number of cores).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
shift || true
jobs=${SAMRAD_JOBS:-$(nproc)}
# Lets ccache share results between checkouts in different folders (a CI
# clone, the fresh-machine check's root): paths below the checkout are hashed
# relative to it, and the build folder itself is not hashed (with -g it would
# be, so every other folder missed; debug info then names the folder of
# whichever checkout compiled a file first).
export CCACHE_BASEDIR="$root"
export CCACHE_NOHASHDIR=1

generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)

echo "[build] configuring $build"
cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
echo "[build] compiling with $jobs jobs (ccache keeps rebuilds short)"
cmake --build "$build" --parallel "$jobs"
