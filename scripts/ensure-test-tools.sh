#!/usr/bin/env bash
# Installs the tools the test suite drives when they are missing: strace, whose fault
# injection kills `simulate` at every file-system step of a write (Tests/SimulateTests/
# FaultInjectionTests.swift), and SALib for Python, which checks the sensitivity indices of a
# shipped scenario (Tests/ForecastTests/WhatIf/SALibScenarioTests.swift) and brings pandas,
# and R with readr and tidyr, which run the pivot recipes of docs/whatif.md
# (Tests/ForecastTests/Tables/PivotRecipeTests.swift). Uses apt-get and
# pip, with sudo when not root; where neither works the suite that needs a tool is skipped
# and says so.
set -euo pipefail
. "$(dirname "$0")/apt-optional.sh"

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
command -v Rscript >/dev/null 2>&1 || missing+=(r-base-core)
Rscript -e 'library(readr); library(tidyr)' >/dev/null 2>&1 || missing+=(r-cran-readr r-cran-tidyr)
[ ${#missing[@]} -eq 0 ] && { install_salib; exit 0; }

apt_install_optional "the tests that need them" "${missing[@]}"
install_salib
