#!/usr/bin/env bash
# A real Slurm, in CI (docs/scale.md): starts a one-node cluster under a temporary folder
# (munged with a generated key, slurmctld and slurmd with a generated slurm.conf naming this
# machine and the CPUs and memory `slurmd -C` finds), submits a sweep and a 100,000-path run
# as `--array=0-3` jobs with dependent merges through deploy/slurm/submit.sh, waits, and
# compares the merged output byte for byte with the single-process run (`cmp`). It stops the
# daemons it started (trap) and removes the folder. Needs root (the daemons run as root); the
# packages come from scripts/ensure-slurm.sh. Uses the release build (`make build`).
#
#   bash scripts/slurm-test.sh            # SIMULATE=... PATHS=... SHARDS=... to vary
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
SIMULATE=$(cd "$(dirname "${SIMULATE:-.build/release/simulate}")" && pwd)/$(basename "${SIMULATE:-simulate}")
PATHS=${PATHS:-100000}
SHARDS=${SHARDS:-4}
SCENARIO=$root/Scenarios/china-uncertainty.toml
TIMEOUT=${TIMEOUT:-600}

if [ "$(id -u)" -ne 0 ]; then
  echo "error: the Slurm test starts slurmctld, slurmd and munged as root; run it as root" >&2
  exit 1
fi
bash scripts/ensure-slurm.sh
[ -x "$SIMULATE" ] || { echo "error: $SIMULATE is not built (make build)" >&2; exit 1; }

work=$(mktemp -d /tmp/forecast-slurm.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/log" "$work/out"
chmod 700 "$work/munge"
daemons=()
passed=0
stop() {
  set +e
  if [ -n "${SLURM_CONF:-}" ]; then scancel --quiet --user=root >/dev/null 2>&1; fi
  for pid in "${daemons[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${daemons[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  if [ "$passed" -ne 1 ]; then
    echo "--- logs of the failed Slurm test ($work/log) ---" >&2
    tail -n 15 "$work"/log/*.log "$work"/out/*.log "$work"/sweep/*.log "$work"/run/*.log >&2 2>/dev/null
  fi
  rm -rf "$work"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A free TCP port on this machine, from a random start.
free_port() {
  local port=$((20000 + RANDOM % 20000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# MUNGE: a new key, our own socket, pid and log.
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
socket=$work/munge/munge.socket
munged --foreground --force --socket="$socket" --key-file="$work/munge/munge.key" \
  --log-file="$work/log/munged.log" --pid-file="$work/munge/munged.pid" \
  --seed-file="$work/munge/munged.seed" >>"$work/log/munged.out.log" 2>&1 &
daemons+=($!)
for _ in $(seq 100); do [ -S "$socket" ] && break; sleep 0.1; done
munge -n -S "$socket" | unmunge -S "$socket" >/dev/null

# slurm.conf: this host, its CPUs and memory as slurmd finds them.
node=$(slurmd -C | head -n 1)
host=$(echo "$node" | sed -n 's/^NodeName=\([^ ]*\).*/\1/p')
cat >"$work/slurm.conf" <<CONF
ClusterName=forecast-ci
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
MinJobAge=600
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$work/slurm.conf
slurmctld -D -f "$SLURM_CONF" >>"$work/log/slurmctld.out.log" 2>&1 &
daemons+=($!)
slurmd -D -f "$SLURM_CONF" >>"$work/log/slurmd.out.log" 2>&1 &
daemons+=($!)
for _ in $(seq 150); do
  state=$(sinfo -h -n "$host" -o %T 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.2
done
[ "$state" = idle ] || { echo "error: the Slurm node is '$state', not idle" >&2; exit 1; }
echo "slurm-test: one-node cluster up ($node)"

export SIMULATE
# Waits for job $1 to leave the queue; fails unless it COMPLETED.
wait_job() {
  local state=""
  for _ in $(seq $((TIMEOUT * 2))); do
    state=$(scontrol show job "$1" -o 2>/dev/null | grep -o 'JobState=[A-Z_]*' | head -n 1 | cut -d= -f2)
    case $state in COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|BOOT_FAIL|DEADLINE) break;; esac
    sleep 0.5
  done
  [ "$state" = COMPLETED ] || { echo "error: job $1 ended $state" >&2; return 1; }
}
# Every task of array $1 must have COMPLETED.
check_array() {
  local states
  states=$(scontrol show job "$1" -o | grep -o 'JobState=[A-Z_]*' | sort | uniq -c)
  echo "$states" | grep -qv 'COMPLETED' && { echo "error: array $1: $states" >&2; return 1; }
  return 0
}

# Seconds since $1 (from `date +%s%N`), to the millisecond.
seconds_since() {
  local ms=$((($(date +%s%N) - $1) / 1000000))
  printf '%d.%03d' $((ms / 1000)) $((ms % 1000))
}

# The sweep: 200 grid points of 1,000 paths in 4 shards, merged as CSV on the job's stdout.
sweep_args=(sweep "$SCENARIO" --paths 1000 --set "sectors.ai_trainer.growth=0.01:0.20:0.01"
  --set "drivers.ug_rate=0.60:0.78:0.02")
start=$(date +%s%N)
read -r array merge < <(deploy/slurm/submit.sh "$SHARDS" "$work/sweep" "$work/out/sweep.csv" \
  -- "${sweep_args[@]}" -- --format csv)
wait_job "$merge"
check_array "$array"
sweep_seconds=$(seconds_since "$start")
start=$(date +%s%N)
"$SIMULATE" "${sweep_args[@]}" --format csv >"$work/out/sweep-single.csv" 2>/dev/null
sweep_single=$(seconds_since "$start")
cmp "$work/out/sweep.csv" "$work/out/sweep-single.csv"
echo "slurm-test: sweep of $(($(wc -l <"$work/out/sweep.csv") - 1)) rows in $SHARDS shards merged = single process (cmp); wall ${sweep_seconds}s through Slurm, ${sweep_single}s in one process"

# The run: PATHS paths in 4 shards, merged into a folder of CSV tables and metadata.json.
start=$(date +%s%N)
read -r array merge < <(deploy/slurm/submit.sh "$SHARDS" "$work/run" "$work/out/merge-run.log" \
  -- run "$SCENARIO" --paths "$PATHS" -- --out "$work/out/merged" --format csv)
wait_job "$merge"
check_array "$array"
run_seconds=$(seconds_since "$start")
start=$(date +%s%N)
"$SIMULATE" run "$SCENARIO" --paths "$PATHS" --out "$work/out/single" --format csv 2>/dev/null
run_single=$(seconds_since "$start")
files=0
for file in "$work"/out/single/*; do
  cmp "$file" "$work/out/merged/$(basename "$file")"
  files=$((files + 1))
done
[ "$(ls "$work/out/merged" | wc -l)" -eq "$files" ]
echo "slurm-test: run of $PATHS paths in $SHARDS shards merged = single process ($files files, cmp); wall ${run_seconds}s through Slurm, ${run_single}s in one process"
passed=1
