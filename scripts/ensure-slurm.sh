#!/usr/bin/env bash
# Installs what the Slurm test (scripts/slurm-test.sh) needs when it is missing: Debian's
# slurm-wlm (slurmctld, slurmd and the client commands) and munge. Uses apt-get, with sudo
# when not root. Exits 0 when they are there or were installed, 1 with a message otherwise.
set -euo pipefail

missing=()
for tool in slurmctld slurmd sbatch squeue scontrol; do
  command -v "$tool" >/dev/null 2>&1 || { missing+=(slurm-wlm); break; }
done
command -v munged >/dev/null 2>&1 || missing+=(munge)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: ${missing[*]} missing and apt-get not found: install Slurm and MUNGE" >&2
  echo "       (Debian/Ubuntu: slurm-wlm munge) with your package manager." >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo"
else
  echo "error: installing ${missing[*]} needs root, and sudo is not available." >&2
  exit 1
fi
echo "installing ${missing[*]} for the Slurm test..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
# The packages' own services are not wanted: the test starts its own daemons.
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
for tool in slurmctld slurmd sbatch munged; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool still missing after installing ${missing[*]}" >&2; exit 1; }
done
echo "$(slurmctld -V) and munge $(munged -V 2>&1 | awk '{print $2}') installed." >&2
