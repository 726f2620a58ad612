#!/usr/bin/env bash
# Runs the benchmarks side by side with their Python peers (see peers.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-openblas.sh
swift build -c release --product forecast-bench
swift build -c release --product simulate
python3 -c "import numpy, pandas, statsmodels, threadpoolctl" 2>/dev/null \
  || python3 -m pip install -q numpy pandas statsmodels threadpoolctl
# The peers' newer OpenBLAS picks its own kernel; ours re-executes onto a fast one when needed.
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 Benchmarks/peers.py
