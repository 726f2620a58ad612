#!/usr/bin/env bash
# Submits a Forecast run, sweep, sensitivity analysis or backtest as a Slurm array of N
# shards and a merge that runs once all of them succeeded (docs/scale.md). Prints the two
# job ids, array first.
#
#   deploy/slurm/submit.sh N SHARD_DIR MERGE_OUTPUT -- run scenario.toml --paths 1000000 \
#     [-- merge options such as --out results/ --format csv]
#
# MERGE_OUTPUT is the merge job's standard output file (a sweep's, sensitivity analysis's
# or backtest's tables; empty for a run written with --out). SIMULATE names the binary (default: simulate on PATH); extra sbatch
# options go in SBATCH_ARGS (for example "--partition=long --time=02:00:00").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 5 ] || [ "$4" != "--" ]; then
  echo "usage: $0 N SHARD_DIR MERGE_OUTPUT -- COMMAND ARGS... [-- MERGE OPTIONS...]" >&2
  exit 2
fi
count=$1 shard_dir=$2 merge_output=$3
shift 4
command=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do command+=("$1"); shift; done
[ $# -gt 0 ] && shift
case $count in ''|*[!0-9]*|0) echo "error: N must be a whole number >= 1, found '$count'" >&2; exit 2;; esac
mkdir -p "$shard_dir"
shard_dir=$(cd "$shard_dir" && pwd)
export SHARD_DIR=$shard_dir SIMULATE=${SIMULATE:-simulate}
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_ARGS:-} --array=0-$((count - 1)) \
  --output="$shard_dir/forecast-shard-%A_%a.log" "$here/forecast-array.sbatch" "${command[@]}")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_ARGS:-} --dependency=afterok:"$array" \
  --output="$merge_output" --error="$shard_dir/forecast-merge-%j.log" \
  "$here/forecast-merge.sbatch" "$@")
echo "$array ${merge%%;*}"
