#!/usr/bin/env python3
"""Monte Carlo benchmark: Forecast against a vectorised numpy peer of the same model
(montecarlo_numpy.py), side by side in one run. Run through Benchmarks/montecarlo.sh (`make
bench-mc`), which builds the release binaries first.

Measures, for Scenarios/china-baseline.toml:
  1. `simulate run SCENARIO --paths P --format csv --tables fan`, whole process, against
     `python3 montecarlo_numpy.py run SCENARIO --paths P` (its time after imports, and its
     whole process), P = 1,000, 10,000, 30,000, 100,000: wall clock (min of REPEATS) and peak
     resident set size (from /usr/bin/time); also 10,000 paths pinned to one core; the two
     sides' runs alternate, so a change of load on a shared machine hits both;
  2. a sweep of 1,000 grid points (40 x 25 `set` shocks of sectors.ai_trainer.growth and
     tracks.undergraduate.entry.rate) x 1,000 paths: `forecast-bench sweep` (the library's
     `Sweep`, which `simulate sweep` runs) against `montecarlo_numpy.py sweep`, both
     in-process times after loading;
  3. Forecast's run split into phases (`forecast-bench phases`).
And checks that the two compute the same model:
  a. one path (no noise): the balance tables agree to 1e-9 relative;
  b. 10,000 paths: every mean and quantile of the fan tables agrees within a few standard
     errors (estimated from the numpy paths); cells with no spread agree to 1e-9;
  c. the sweep: one path per point on a 4 x 5 grid agrees to 1e-9; with 1,000 paths the
     means and medians of every point agree within a few standard errors.
Writes Markdown to standard output and JSON lines to Benchmarks/results/montecarlo.jsonl.
"""
import csv, io, json, math, os, platform, subprocess, sys, tempfile, time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import montecarlo_numpy as peer  # noqa: E402

SCENARIO = os.path.join(ROOT, "Scenarios", "china-baseline.toml")
SIMULATE = os.path.join(ROOT, ".build", "release", "simulate")
BENCH = os.path.join(ROOT, ".build", "release", "forecast-bench")
TIME = "/usr/bin/time"  # GNU time: peak RSS and CPU time of a child
PEER = [sys.executable, os.path.join(HERE, "montecarlo_numpy.py")]
REPEATS = int(os.environ.get("REPEATS", "7"))
SWEEP_REPEATS = int(os.environ.get("SWEEP_REPEATS", "1"))
PATHS = [int(p) for p in os.environ.get("PATHS", "1000,10000,30000,100000").split(",")]
SWEEP_GRID = os.environ.get("SWEEP_GRID", "40x25")
SWEEP_PATHS = int(os.environ.get("SWEEP_PATHS", "1000"))
# The peer's newer OpenBLAS picks its own kernel; Forecast re-executes onto a fast one itself.
# Its BLAS work is one 6 x 6 by 6 x P product a year: with two OpenBLAS threads on a loaded
# 2-core machine the threads wait for each other (4-7x slower at 100,000 paths), so the peer
# runs one BLAS thread unless PEER_BLAS_THREADS says otherwise (Forecast's batches also run
# single-threaded BLAS).
PEER_ENV = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
PEER_ENV["OPENBLAS_NUM_THREADS"] = os.environ.get("PEER_BLAS_THREADS", "1")

# The Forecast side of the sweep: `simulate sweep`'s code (the library's `Sweep`) through
# forecast-bench, which times it in process and writes the CSV layout `sweep_array` reads.
def forecast_sweep_command(paths, grid, out):
    return [BENCH, "sweep", SCENARIO, str(paths), grid, out]


def measure(command, env=None, cpus=None):
    """Wall seconds, peak RSS (KiB), CPU seconds (user + system), stdout and stderr of one run
    of `command`. The peak RSS comes from /usr/bin/time, whose child starts from its small
    address space: a child forked from this Python process would count this process's
    resident pages in its own peak."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as usage:
        start = time.perf_counter()
        process = subprocess.Popen([TIME, "-f", "%M %U %S", "-o", usage.name] + command,
                                   stdout=out, stderr=err, env=env,
                                   preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None)
        status = process.wait()
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
        fields = usage.read().split()
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr}")
    peak, user, system = int(fields[-3]), float(fields[-2]), float(fields[-1])
    return seconds, peak, stdout, stderr, user + system


def best_of(commands, repeats, envs=None, cpus=None):
    """Runs every command of `commands` in turn, `repeats` times (interleaved, so a change of
    load on a shared machine hits both sides alike); for each command the fastest run (its
    seconds, stdout, stderr and CPU seconds) and the largest peak RSS."""
    envs = envs or [None] * len(commands)
    runs = [[] for _ in commands]
    for _ in range(repeats):
        for i, command in enumerate(commands):
            runs[i].append(measure(command, envs[i], cpus))
    out = []
    for r in runs:
        fastest = min(r, key=lambda x: x[0])
        out.append((fastest[0], max(x[1] for x in r), fastest[2], fastest[3], fastest[4]))
    return out


def last_json(text):
    return json.loads([line for line in text.splitlines() if line.startswith("{")][-1])


def read_csv(text):
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]


def relative_difference(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    scale = np.maximum(np.abs(a), np.abs(b))
    with np.errstate(invalid="ignore", divide="ignore"):
        d = np.where(scale == 0, 0.0, np.abs(a - b) / scale)
    return float(np.nanmax(d))


def standard_errors(values):
    """Standard errors of the mean and of the type-7 quantiles of `values` (last axis): the
    sample sd / sqrt(P), and sqrt(q(1-q)/P) / f(x_q) with the density f from the quantiles at
    q -/+ 0.02. Shape (..., 1 + len(QUANTILES))."""
    p = values.shape[-1]
    se = [values.std(axis=-1, ddof=1) / math.sqrt(p)]
    for q in peer.QUANTILES:
        lo, hi = max(q - 0.02, 0.0), min(q + 0.02, 1.0)
        spread = np.quantile(values, hi, axis=-1) - np.quantile(values, lo, axis=-1)
        with np.errstate(invalid="ignore", divide="ignore"):
            se.append(np.sqrt(q * (1 - q) / p) * spread / (hi - lo))
    return np.stack(se, axis=-1)


# The chance that two correct implementations fail a statistical check, at most: the z
# threshold is the Bonferroni bound for the check's number of cells, valid however strongly
# the cells are correlated (they are: years share a path's coefficient draws, and every sweep
# point shares its draws).
FAMILY_ALPHA = 0.001


def z_threshold(cells):
    """The |z| above which a check fails: Phi^-1(1 - FAMILY_ALPHA / (2 cells))."""
    from statistics import NormalDist
    return NormalDist().inv_cdf(1 - FAMILY_ALPHA / (2 * max(cells, 1)))


def compare_statistically(ours, theirs, se, means):
    """z = |ours - theirs| / (sqrt 2 se) where the cell has spread; relative difference
    where it has none (se <= 1e-9 |mean|). Returns a summary dict; `over_threshold` counts the
    cells above `z_threshold` for the number of cells with spread."""
    ours, theirs, se = (np.asarray(x, dtype=float) for x in (ours, theirs, se))
    flat = np.broadcast_to(np.abs(np.asarray(means, dtype=float))[..., None], se.shape)
    degenerate = ~(se > 1e-9 * flat)
    z = np.abs(ours - theirs) / (math.sqrt(2) * np.where(degenerate, 1.0, se))
    z = z[~degenerate]
    return {"cells": int(z.size), "max_z": float(z.max()) if z.size else 0.0,
            "over_2": int((z > 2).sum()), "over_3": int((z > 3).sum()),
            "over_4": int((z > 4).sum()),
            "threshold": z_threshold(z.size),
            "over_threshold": int((z > z_threshold(z.size)).sum()),
            "constant_cells": int(degenerate.sum()),
            "constant_max_rel": relative_difference(ours[degenerate], theirs[degenerate])
            if degenerate.any() else 0.0}


def fan_array(text):
    """A fan CSV (year, metric, mean, quantiles) as metric x year x stat."""
    header, rows = read_csv(text)
    years = sorted({int(r[0]) for r in rows})
    out = np.full((len(peer.METRICS), len(years), len(header) - 2), np.nan)
    for r in rows:
        out[peer.METRICS.index(r[1]), years.index(int(r[0]))] = [float(x) if x else np.nan for x in r[2:]]
    return out


def sweep_array(path):
    """A sweep CSV (point, growth, rate, year, metric, mean, quantiles) as point x metric x
    year x stat."""
    with open(path) as f:
        header, rows = read_csv(f.read())
    points = max(int(r[0]) for r in rows) + 1
    years = sorted({int(r[3]) for r in rows})
    out = np.full((points, len(peer.METRICS), len(years), len(header) - 5), np.nan)
    for r in rows:
        out[int(r[0]), peer.METRICS.index(r[4]), years.index(int(r[3]))] = [float(x) for x in r[5:]]
    return out


def numpy_blas():
    """The OpenBLAS kernel numpy runs in the peer's environment."""
    script = ("import numpy\nfrom threadpoolctl import threadpool_info\n"
              "for p in threadpool_info():\n"
              "    if p.get('internal_api') == 'openblas':\n"
              "        print(f\"{p.get('architecture')} ({p.get('num_threads')} threads, "
              "OpenBLAS {p.get('version')})\")")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=PEER_ENV)
    return out.stdout.strip() or "unknown"


def checks(records):
    model = peer.Model(SCENARIO)
    # a. One path.
    _, _, ours, *_ = measure([SIMULATE, "run", SCENARIO, "--format", "csv", "--tables", "balance"])
    _, _, theirs, *_ = measure(PEER + ["run", SCENARIO, "--tables", "balance"], env=PEER_ENV)
    a = np.array([[float(x) for x in r] for r in read_csv(ours)[1]])
    b = np.array([[float(x) for x in r] for r in read_csv(theirs)[1]])
    one = relative_difference(a, b)
    records.append({"check": "1 path: balance table", "max_rel": one, "pass": one <= 1e-9})
    # b. 10,000 paths.
    paths = 10_000
    _, _, ours, *_ = measure([SIMULATE, "run", SCENARIO, "--paths", str(paths), "--format", "csv",
                             "--tables", "fan"])
    balance = peer.run(model, paths, model.seed)
    theirs = peer.fan(balance)  # metric x year x stat, the peer's output
    summary = compare_statistically(fan_array(ours), theirs, standard_errors(balance), theirs[..., 0])
    records.append({"check": f"{paths:,} paths: fan table", **summary,
                    "pass": summary["over_threshold"] == 0 and summary["constant_max_rel"] <= 1e-9})
    # c. The sweep: one path per point, then SWEEP_PATHS paths.
    with tempfile.TemporaryDirectory() as tmp:
        ours_file, theirs_file = os.path.join(tmp, "f.csv"), os.path.join(tmp, "n.csv")
        measure(forecast_sweep_command(1, "4x5", ours_file))
        measure(PEER + ["sweep", SCENARIO, "--paths", "1", "--grid", "4x5", "--out", theirs_file],
                env=PEER_ENV)
        one = relative_difference(sweep_array(ours_file), sweep_array(theirs_file))
    records.append({"check": "sweep 4 x 5, 1 path: fan tables", "max_rel": one, "pass": one <= 1e-9})
    return model


def sweep_statistics(model, ours_file, records):
    """Means and medians of every sweep point against the peer's, in standard errors from the
    peer's paths (recomputed here on the same draws)."""
    a, b = (int(x) for x in SWEEP_GRID.split("x"))
    grid = peer.sweep_grid((a, b))
    draws = model.draws(SWEEP_PATHS, np.random.default_rng(model.seed))
    ours = sweep_array(ours_file)
    theirs, se = [], []
    for first in range(0, len(grid), 50):
        points = grid[first:first + 50]
        g = len(points)
        shocks = {peer.SWEEP_TARGETS[0]: ("set", [p[0] for p in points]),
                  peer.SWEEP_TARGETS[1]: ("set", [p[1] for p in points])}
        balance = model.simulate(SWEEP_PATHS, draws, g, shocks)[0]
        balance = np.moveaxis(balance.reshape(len(peer.METRICS), model.horizon, g, SWEEP_PATHS), 2, 0)
        theirs.append(peer.fan(balance))
        se.append(standard_errors(balance))
    theirs, se = np.concatenate(theirs), np.concatenate(se)
    keep = [0, 3]  # mean and median
    summary = compare_statistically(ours[..., keep], theirs[..., keep], se[..., keep], theirs[..., 0])
    records.append({"check": f"sweep {SWEEP_GRID} x {SWEEP_PATHS:,} paths: means and medians",
                    **summary, "pass": summary["over_threshold"] == 0 and summary["constant_max_rel"] <= 1e-9})


def main():
    load = os.getloadavg()[0]
    records, check_records = [], []
    model = checks(check_records)

    # Start-up costs, for reference.
    version, startup = best_of(
        [[SIMULATE, "--version"], [sys.executable, "-c", "import argparse, csv, json, tomllib, numpy"]],
        REPEATS, [None, PEER_ENV])

    # 1. Runs.
    for paths in PATHS:
        ours, theirs = best_of([[SIMULATE, "run", SCENARIO, "--paths", str(paths), "--format", "csv",
                                 "--tables", "fan"], PEER + ["run", SCENARIO, "--paths", str(paths)]],
                               REPEATS, [None, PEER_ENV])
        inside = last_json(theirs[3])
        phases = min((last_json(measure([BENCH, "phases", SCENARIO, str(paths)])[2])
                      for _ in range(REPEATS)), key=lambda p: p["simulate_s"] + p["fan_s"])
        records.append({"task": "run", "paths": paths, "forecast_s": ours[0], "forecast_rss_kb": ours[1],
                        "forecast_cpu_s": ours[4], "numpy_cpu_s": theirs[4],
                        "numpy_s": inside["compute_s"], "numpy_process_s": theirs[0],
                        "numpy_rss_kb": theirs[1], "numpy_rss_after_imports_kb": inside["rss_after_imports_kb"],
                        "numpy_phases": {k: inside[k] for k in ("load_fit_s", "simulate_s", "summarise_write_s")},
                        "forecast_phases": phases})
    if hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) > 1:
        paths = 10_000
        ours, theirs = best_of([[SIMULATE, "run", SCENARIO, "--paths", str(paths), "--format", "csv",
                                 "--tables", "fan"], PEER + ["run", SCENARIO, "--paths", str(paths)]],
                               REPEATS, [None, PEER_ENV], cpus={0})
        records.append({"task": "run, one core", "paths": paths, "forecast_s": ours[0],
                        "forecast_cpu_s": ours[4], "numpy_cpu_s": theirs[4],
                        "forecast_rss_kb": ours[1], "numpy_s": last_json(theirs[3])["compute_s"],
                        "numpy_process_s": theirs[0], "numpy_rss_kb": theirs[1]})

    # 2. The sweep.
    with tempfile.TemporaryDirectory() as tmp:
        ours_file, theirs_file = os.path.join(tmp, "f.csv"), os.path.join(tmp, "n.csv")
        ours = min((measure(forecast_sweep_command(SWEEP_PATHS, SWEEP_GRID, ours_file))
                    for _ in range(SWEEP_REPEATS)), key=lambda r: last_json(r[2])["sweep_s"])
        theirs = min((measure(PEER + ["sweep", SCENARIO, "--paths", str(SWEEP_PATHS), "--grid",
                                      SWEEP_GRID, "--out", theirs_file], env=PEER_ENV)
                      for _ in range(SWEEP_REPEATS)), key=lambda r: last_json(r[3])["compute_s"])
        our_json, their_json = last_json(ours[2]), last_json(theirs[3])
        records.append({"task": "sweep", "grid": SWEEP_GRID, "paths": SWEEP_PATHS,
                        "forecast_s": our_json["load_s"] + our_json["sweep_s"], "forecast_rss_kb": ours[1],
                        "forecast_cpu_s": ours[4], "numpy_cpu_s": theirs[4],
                        "forecast_via": our_json["via"], "numpy_s": their_json["compute_s"],
                        "numpy_process_s": theirs[0], "numpy_rss_kb": theirs[1]})
        sweep_statistics(model, ours_file, check_records)

    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", "montecarlo.jsonl"), "w") as f:
        for r in records + check_records:
            f.write(json.dumps(r) + "\n")
    report(records, check_records, startup, version, load)


def report(records, check_records, startup, version, load):
    blas = subprocess.run([SIMULATE, "blas-info"], capture_output=True, text=True).stdout.split("\n")
    print(f"Machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}; "
          f"load average (1 min) at the start {load:.1f}, at the end {os.getloadavg()[0]:.1f}")
    print(f"Forecast: {' / '.join(l.strip() for l in blas[:3] if l.strip())}")
    print(f"numpy {np.__version__}, python {platform.python_version()}, its BLAS: {numpy_blas()}")
    print(f"Times: min of {REPEATS} runs, the two sides alternating (sweep: {SWEEP_REPEATS}); "
          "peak RSS: the largest of them.")
    print(f"Start-up: `simulate --version` {version[0]:.3f} s, {version[1] / 1024:.0f} MiB; "
          f"python3 + imports of numpy, csv, json, tomllib, argparse {startup[0]:.3f} s, "
          f"{startup[1] / 1024:.0f} MiB\n")
    print("| task | paths | Forecast (s) | numpy after imports (s) | numpy process (s) | "
          "Forecast / numpy | Forecast / numpy process | Forecast peak RSS (MiB) | numpy peak RSS (MiB) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in records:
        label = r["task"] + (f" {r['grid']}" if "grid" in r else "")
        print(f"| {label} | {r['paths']:,} | {r['forecast_s']:.3f} | {r['numpy_s']:.3f} | "
              f"{r['numpy_process_s']:.3f} | {r['forecast_s'] / r['numpy_s']:.2f} | "
              f"{r['forecast_s'] / r['numpy_process_s']:.2f} | {r['forecast_rss_kb'] / 1024:.0f} | "
              f"{r['numpy_rss_kb'] / 1024:.0f} |")
    print("\nCPU time of the whole processes (user + system, seconds; the sweep's include "
          "writing its CSV):\n")
    print("| task | paths | Forecast | numpy | Forecast / numpy |")
    print("|---|---:|---:|---:|---:|")
    for r in records:
        label = r["task"] + (f" {r['grid']}" if "grid" in r else "")
        print(f"| {label} | {r['paths']:,} | {r['forecast_cpu_s']:.2f} | {r['numpy_cpu_s']:.2f} | "
              f"{r['forecast_cpu_s'] / r['numpy_cpu_s']:.2f} |")
    runs = [r for r in records if r["task"] == "run"]
    print("\nMemory per path (peak RSS increase between consecutive path counts, KiB per path):\n")
    print("| paths | Forecast | numpy |")
    print("|---|---:|---:|")
    for a, b in zip(runs, runs[1:]):
        d = b["paths"] - a["paths"]
        print(f"| {a['paths']:,} → {b['paths']:,} | {(b['forecast_rss_kb'] - a['forecast_rss_kb']) / d:.2f} | "
              f"{(b['numpy_rss_kb'] - a['numpy_rss_kb']) / d:.2f} |")
    print("\nForecast by phase, in process (forecast-bench phases, the fastest of REPEATS runs, "
          "seconds):\n")
    print("| paths | load | simulate | fan table | CSV | total | numpy after imports | "
          "Forecast / numpy | peak after simulate (MiB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in runs:
        p = r["forecast_phases"]
        total = p["load_s"] + p["simulate_s"] + p["fan_s"] + p["csv_s"]
        print(f"| {r['paths']:,} | {p['load_s']:.3f} | {p['simulate_s']:.3f} | {p['fan_s']:.3f} | "
              f"{p['csv_s']:.4f} | {total:.3f} | {r['numpy_s']:.3f} | {total / r['numpy_s']:.2f} | "
              f"{p['peak_after_simulate_kb'] / 1024:.0f} |")
    print("\nnumpy by phase (seconds):\n")
    print("| paths | load + fit | simulate | fan + CSV |")
    print("|---:|---:|---:|---:|")
    for r in runs:
        p = r["numpy_phases"]
        print(f"| {r['paths']:,} | {p['load_fit_s']:.3f} | {p['simulate_s']:.3f} | {p['summarise_write_s']:.3f} |")
    print("\nChecks (Forecast against the numpy peer):\n")
    for c in check_records:
        detail = (f"max relative difference {c['max_rel']:.1e}" if "max_rel" in c else
                  f"{c['cells']} cells with spread: max |z| {c['max_z']:.2f}, |z| > 2: {c['over_2']}, "
                  f"> 3: {c['over_3']}, > 4: {c['over_4']}, above the threshold {c['threshold']:.2f}: "
                  f"{c['over_threshold']}; {c['constant_cells']} cells without "
                  f"spread agree to {c['constant_max_rel']:.1e}")
        print(f"- {c['check']}: {detail} — {'pass' if c['pass'] else 'FAIL'}")
    sweep = [r for r in records if r["task"] == "sweep"]
    if sweep:
        print(f"\nSweep, Forecast side: {sweep[0]['forecast_via']}.")


if __name__ == "__main__":
    main()
