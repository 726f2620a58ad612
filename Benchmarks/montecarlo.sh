#!/usr/bin/env bash
# The Monte Carlo benchmark: Forecast against its numpy peer (montecarlo_numpy.py), side by
# side in one run (montecarlo.py). REPEATS, PATHS, SWEEP_GRID, SWEEP_PATHS, SWEEP_REPEATS
# override its defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-openblas.sh
swift build -c release --product forecast-bench
swift build -c release --product simulate
python3 -c "import numpy, threadpoolctl" 2>/dev/null || python3 -m pip install -q numpy threadpoolctl
python3 Benchmarks/montecarlo.py
