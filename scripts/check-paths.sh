#!/usr/bin/env bash
# Every shipped scenario at 100,000 Monte Carlo paths for ten seeds (MODEL.md 7: one extreme
# draw never stops a run): each run must exit 0. Uses the release build (`make build`).
set -euo pipefail
cd "$(dirname "$0")/.."
SIMULATE=${SIMULATE:-.build/release/simulate}
PATHS=${PATHS:-100000}
failed=0
runs=0
for scenario in Scenarios/*.toml; do
  for seed in 1 2 3 4 5 6 7 8 9 10; do
    runs=$((runs + 1))
    if ! "$SIMULATE" run "$scenario" --paths "$PATHS" --seed "$seed" --tables fan \
        --format csv >/dev/null 2>/tmp/check-paths.err; then
      failed=$((failed + 1))
      echo "FAILED: $scenario --paths $PATHS --seed $seed" >&2
      grep '^error' /tmp/check-paths.err >&2 || true
    fi
  done
done
echo "check-paths: $((runs - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
