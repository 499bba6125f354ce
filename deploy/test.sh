#!/usr/bin/env bash
# The README's test command: installs what is missing, builds everything
# (server, CLI, Qt client, tests, benchmarks), and runs every test.
#   deploy/test.sh [BUILD_DIR] [extra cmake -D options...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
shift || true

"$root/deploy/install-deps.sh"
"$root/deploy/build.sh" "$build" -DSAMRAD_BUILD_UI=ON -DSAMRAD_BUILD_TESTS=ON \
  -DSAMRAD_BUILD_BENCH=ON "$@"

echo "[test] running every test with ctest"
cd "$build"
# Qt tests draw on the offscreen platform: no display needed.
export QT_QPA_PLATFORM=offscreen
ctest --output-on-failure --parallel "$(nproc)" --timeout 600
