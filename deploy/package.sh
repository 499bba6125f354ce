#!/usr/bin/env bash
# Builds the Debian packages samrad-server, samrad-cli and samrad-client
# (CPack's DEB generator over the project's install rules; see
# packaging/CMakeLists.txt) from a build folder, into an output folder.
#
#   deploy/package.sh [BUILD_DIR] [OUT_DIR]     (defaults: build, BUILD_DIR/packages)
#
# The build folder is configured and built first if needed (deploy/build.sh,
# with the desktop client). lintian, if installed, then reads each package.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
out=${2:-$build/packages}
say() { printf '[package] %s\n' "$*"; }

"$root/deploy/build.sh" "$build" -DSAMRAD_BUILD_UI=ON >/dev/null
cmake --build "$build" --target samrad-server samrad-cli samrad samrad_changelog_server \
  samrad_changelog_cli samrad_changelog_client samrad_man_samrad-server samrad_man_samrad-cli >/dev/null
rm -rf "$out"
mkdir -p "$out"
started=$(date +%s)
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log" >&2; exit 1; }
rm -rf "$out/_CPack_Packages"
say "built in $(( $(date +%s) - started )) s:"
for deb in "$out"/*.deb; do
  say "  $(basename "$deb")  $(du -h "$deb" | cut -f1)  Depends: $(dpkg-deb -f "$deb" Depends)"
done
