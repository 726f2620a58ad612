#!/usr/bin/env bash
# How cost grows (docs/scale.md): wall time, CPU time (user + system) and peak memory of a
# release build against paths (a run of china-uncertainty) and against grid points (a sweep of
# china-baseline at 100 paths a point), one process each, as Markdown rows. The shards through
# Slurm are measured by scripts/slurm-test.sh (SHARDS=1, 2, 4).
#
#   bash scripts/measure-scale.sh                 # SIMULATE=... to use another build
set -euo pipefail
cd "$(dirname "$0")/.."
SIMULATE=${SIMULATE:-.build/release/simulate}
[ -x "$SIMULATE" ] || { echo "error: $SIMULATE is not built (make build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "error: GNU time (/usr/bin/time) is missing: apt-get install time" >&2; exit 1; }

measure() {  # prints "wall s | CPU s | peak MB" of one command, its output discarded
  local log
  log=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" >/dev/null 2>&1
  awk '{ printf "%.2f | %.2f | %.0f", $1, $2 + $3, $4 / 1024 }' "$log"
  rm -f "$log"
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
echo
echo "| paths | wall (s) | CPU (s) | peak memory (MB) |"
echo "|---:|---:|---:|---:|"
for paths in 1000 10000 100000 1000000; do
  echo "| $paths | $(measure "$SIMULATE" run Scenarios/china-uncertainty.toml --paths "$paths" --format csv --tables fan) |"
done
echo
echo "| grid points (× 100 paths) | wall (s) | CPU (s) | peak memory (MB) |"
echo "|---:|---:|---:|---:|"
ai=sectors.ai_trainer.growth
other=sectors.other_brands.growth
declare -A grids=(
  [10]="--set $ai=0.01:0.10:0.01"
  [100]="--set $ai=0.01:1.00:0.01"
  [1000]="--set $ai=0.1:1.0:0.1 --set $other=0.001:0.100:0.001"
  [10000]="--set $ai=0.01:1.00:0.01 --set $other=0.001:0.100:0.001"
)
for points in 10 100 1000 10000; do
  # shellcheck disable=SC2086
  echo "| $points | $(measure "$SIMULATE" sweep Scenarios/china-baseline.toml --paths 100 ${grids[$points]} --format csv) |"
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
