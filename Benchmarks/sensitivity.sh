#!/usr/bin/env bash
# The sensitivity benchmark: `simulate sensitivity` (Sobol) against the Python pipeline of
# SALib's sampler, the numpy peer of the Monte Carlo benchmark and SALib's analyser
# (sensitivity_salib.py), side by side in one run (sensitivity.py). REPEATS, SAMPLES and
# PATHS override its defaults (3; 1024; 1,200).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-openblas.sh
swift build -c release --product simulate
python3 -c "import numpy, SALib" 2>/dev/null \
  || python3 -m pip install -q numpy SALib \
  || python3 -m pip install -q --break-system-packages numpy SALib
python3 Benchmarks/sensitivity.py
