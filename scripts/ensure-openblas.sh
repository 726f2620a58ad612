#!/usr/bin/env bash
# Installs what the package needs to build when it is missing: OpenBLAS (libopenblas-dev,
# found through pkg-config). Uses apt-get, with sudo when not root. Stops with a clear
# message where that is impossible.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
  echo "error: swift is not on PATH. Install Swift 6 (https://www.swift.org/install/) first." >&2
  exit 1
fi

if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists openblas; then
  exit 0
fi

echo "OpenBLAS (libopenblas-dev) or pkg-config is missing: installing with apt-get..." >&2
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: apt-get not found. Install OpenBLAS and pkg-config with your package manager" >&2
  echo "       (Debian/Ubuntu: libopenblas-dev pkg-config; Fedora: openblas-devel pkgconf)." >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "error: installing libopenblas-dev needs root, and sudo is not available." >&2
  echo "       Ask an administrator to run: apt-get install libopenblas-dev pkg-config" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq libopenblas-dev pkg-config >/dev/null
if ! pkg-config --exists openblas; then
  echo "error: libopenblas-dev was installed but pkg-config still cannot find openblas." >&2
  exit 1
fi
echo "OpenBLAS $(pkg-config --modversion openblas) installed." >&2
