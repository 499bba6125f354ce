#!/usr/bin/env bash
# Installs every build and test dependency of Samråd from Debian 12 packages.
# Idempotent: packages already present are left alone, and nothing is downloaded
# from anywhere but the configured Debian mirrors.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache git
  clang libclang-rt-14-dev clang-format clang-tidy
  # wire contract and transport
  libgrpc++-dev libgrpc-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler grpc-proto
  # crypto and storage
  libsodium-dev libsqlcipher-dev sqlcipher
  # command line, configuration, logs
  libcli11-dev libspdlog-dev libfmt-dev libtomlplusplus-dev
  # the server's metrics endpoint (HTTP) and its systemd readiness notification
  libcpp-httplib-dev libsystemd-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # a private D-Bus session bus for the client's lock-on-session-lock test
  dbus-daemon
  # Qt 6 client
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-charts-dev libqt6opengl6-dev libqrencode-dev libgl-dev qt6-qpa-plugins
  qt6-translations-l10n
  # development PKI and headless UI runs
  openssl xvfb xauth
  # manual pages of the packaged commands, made from their --help
  help2man
  # the Swedish word list the de-identification scanner tells words from names with
  wswedish
)

say() { printf '[install-deps] %s\n' "$*"; }

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  fi
fi
need_root() {
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    say "need root or sudo to install: $*" >&2
    exit 1
  fi
}
export DEBIAN_FRONTEND=noninteractive

if [ ${#missing[@]} -eq 0 ]; then
  say "all ${#PACKAGES[@]} Debian packages are already installed"
else
  need_root "${missing[*]}"
  say "installing ${#missing[@]} missing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# promtool, the Prometheus project's checker of metrics and alert rules (the
# tests check the server's metrics and the shipped alert rules with it), from
# Debian's prometheus package: unpacked into $TOOLS, not installed, so no
# Prometheus server is set up and started on a developer's machine.
TOOLS=/opt/samrad-tools
if [ ! -x "$TOOLS/bin/promtool" ]; then
  need_root "promtool (from Debian's prometheus package)"
  say "unpacking promtool from Debian's prometheus package into $TOOLS/bin"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  chmod 0755 "$tmp"
  if ! (cd "$tmp" && apt-get download -qq prometheus >/dev/null 2>&1); then
    $SUDO apt-get update -qq
    (cd "$tmp" && apt-get download -qq prometheus >/dev/null)
  fi
  dpkg-deb -x "$tmp"/prometheus_*.deb "$tmp/root"
  $SUDO install -D -m 0755 "$tmp/root/usr/bin/promtool" "$TOOLS/bin/promtool"
  "$TOOLS/bin/promtool" --version 2>&1 | head -1 | sed 's/^/[install-deps] /'
fi
say "done"
