#!/usr/bin/env bash
# Fails when a C++ file in the tree does not follow .clang-format.
#   deploy/check-format.sh [--fix]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# Tracked files, and new files not yet added (so --fix formats them before the commit).
mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.cpp' '*.h' '*.hpp' '*.cc')
if [ ${#files[@]} -eq 0 ]; then
  echo "[format] no C++ files tracked"; exit 0
fi
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
  echo "[format] formatted ${#files[@]} files"
  exit 0
fi
clang-format --dry-run -Werror "${files[@]}"
echo "[format] ${#files[@]} files follow .clang-format"
