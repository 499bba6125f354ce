#!/usr/bin/env bash
# Configures and builds Samråd into a build folder.
#   deploy/build.sh [BUILD_DIR] [extra cmake -D options...]
# Environment: SAMRAD_JOBS (parallel jobs, default: number of cores).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
shift || true
jobs=${SAMRAD_JOBS:-$(nproc)}
# Lets ccache share results between checkouts in different folders.
export CCACHE_BASEDIR="$root"

generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)

echo "[build] configuring $build"
cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
echo "[build] compiling with $jobs jobs (ccache keeps rebuilds short)"
cmake --build "$build" --parallel "$jobs"
