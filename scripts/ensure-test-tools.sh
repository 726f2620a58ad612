#!/usr/bin/env bash
# Installs the tools the test suite drives when they are missing: strace, whose fault
# injection kills `simulate` at every file-system step of a write (Tests/SimulateTests/
# FaultInjectionTests.swift), and SALib for Python, which checks the sensitivity indices of a
# shipped scenario (Tests/ForecastTests/WhatIf/SALibScenarioTests.swift). Uses apt-get and
# pip, with sudo when not root; where neither works the suite that needs a tool is skipped
# and says so.
set -euo pipefail

install_salib() {
  python3 -c 'import SALib' >/dev/null 2>&1 && return 0
  command -v python3 >/dev/null 2>&1 || { echo "note: no python3: the SALib check is skipped." >&2; return 0; }
  echo "installing SALib (pip) for the sensitivity check..." >&2
  python3 -m pip install -q SALib >/dev/null 2>&1 \
    || python3 -m pip install -q --break-system-packages SALib >/dev/null 2>&1 \
    || echo "note: could not install SALib: the SALib check is skipped." >&2
}

missing=()
command -v strace >/dev/null 2>&1 || missing+=(strace)
python3 -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
[ ${#missing[@]} -eq 0 ] && { install_salib; exit 0; }

if ! command -v apt-get >/dev/null 2>&1; then
  echo "note: ${missing[*]} missing and apt-get not found: the tests that need it are skipped." >&2
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo"
else
  echo "note: ${missing[*]} missing and no root: the tests that need it are skipped." >&2
  exit 0
fi
echo "installing ${missing[*]} for the tests..." >&2
$sudo apt-get update -qq >/dev/null 2>&1 || true
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
  || echo "note: could not install ${missing[*]}: the tests that need it are skipped." >&2
install_salib
