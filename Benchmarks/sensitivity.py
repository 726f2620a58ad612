#!/usr/bin/env python3
"""Sensitivity benchmark: `simulate sensitivity` against the Python pipeline of the same
analysis (sensitivity_salib.py: SALib's sampler, the numpy peer of the Monte Carlo benchmark,
SALib's analyser), side by side in one run. Run through Benchmarks/sensitivity.sh (`make
bench-sensitivity`), which builds the release binary first and installs SALib when missing.

Measures, for Scenarios/china-sensitivity.toml (8 [[uncertain]] inputs over china-baseline),
a Sobol analysis of N = SAMPLES base samples (N(k + 2) runs), per projection year and balance
metric with 100 bootstrap resamples, at PATHS paths per design point (default 1 and 200):
  - Forecast: `simulate sensitivity SCENARIO --method sobol --samples N --paths P --format
    csv`, the whole process;
  - Python: `python3 sensitivity_salib.py SCENARIO --samples N --paths P`, the whole process,
    and its time after imports (SALib imports pandas and SciPy: about 1 s on its own);
wall clock (the fastest of REPEATS runs, the two sides alternating, so a change of load on a
shared machine hits both) and CPU time (user + system of that run, from /usr/bin/time).
And checks that the two compute the same indices:
  - one path: the designs are the same points and the model the same arithmetic, so every
    S1 and ST agrees to 1e-6 (the bootstrap half-widths differ: Forecast resamples with
    Philox, SALib with numpy), and the same cells are empty;
  - with paths: each side's indices are of its own path means (Philox against PCG64 draws),
    so they are compared in units of their combined half-widths.
Writes Markdown to standard output and JSON lines to Benchmarks/results/sensitivity.jsonl.
"""
import csv, importlib.metadata, json, math, os, platform, subprocess, sys, tempfile, time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCENARIO = os.path.join(ROOT, "Scenarios", "china-sensitivity.toml")
SIMULATE = os.path.join(ROOT, ".build", "release", "simulate")
PIPELINE = [sys.executable, os.path.join(HERE, "sensitivity_salib.py")]
TIME = "/usr/bin/time"  # GNU time: CPU time and peak RSS of a child
REPEATS = int(os.environ.get("REPEATS", "3"))
SAMPLES = int(os.environ.get("SAMPLES", "1024"))
PATHS = [int(p) for p in os.environ.get("PATHS", "1,200").split(",")]
# As in the Monte Carlo benchmark: the peer's own OpenBLAS kernel, on one thread.
PEER_ENV = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
PEER_ENV["OPENBLAS_NUM_THREADS"] = os.environ.get("PEER_BLAS_THREADS", "1")


def measure(command, out_file, env=None):
    """Wall seconds, CPU seconds (user + system), peak RSS (KiB) and stderr of one run of
    `command`, its standard output into `out_file`."""
    with open(out_file, "w") as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as usage:
        start = time.perf_counter()
        status = subprocess.Popen([TIME, "-f", "%M %U %S", "-o", usage.name] + command,
                                  stdout=out, stderr=err, env=env).wait()
        seconds = time.perf_counter() - start
        err.seek(0)
        stderr = err.read().decode()
        fields = usage.read().split()
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr}")
    return {"wall_s": seconds, "cpu_s": float(fields[-2]) + float(fields[-1]),
            "peak_rss_kb": int(fields[-3]), "stderr": stderr}


def indices(path):
    """{(year, metric, index, input): (estimate, conf)} of an indices CSV (Forecast's or the
    pipeline's), NaN for empty cells."""
    out = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["index"] not in ("S1", "ST"):
                continue
            value = lambda x: float(x) if x not in ("", None) else math.nan
            out[(int(row["year"]), row["metric"], row["index"], row["input"])] = (
                value(row["estimate"]), value(row["conf"]))
    return out


def compare(ours, theirs, paths):
    """How far the two sides' indices agree."""
    if set(ours) != set(theirs):
        return {"pass": False, "reason": "the tables have different cells"}
    keys = sorted(ours)
    a = np.array([ours[k][0] for k in keys])
    b = np.array([theirs[k][0] for k in keys])
    ca = np.array([ours[k][1] for k in keys])
    cb = np.array([theirs[k][1] for k in keys])
    empty_a, empty_b = np.isnan(a), np.isnan(b)
    both = ~empty_a & ~empty_b
    diff = np.abs(a - b)[both]
    # Half-widths are 1.96 standard errors; two independent estimates differ by
    # sqrt(se_a^2 + se_b^2).
    se = np.sqrt((ca / 1.96) ** 2 + (cb / 1.96) ** 2)[both]
    z = np.where(se > 0, diff / np.where(se > 0, se, 1), 0.0)
    conf_ratio = (ca[both] / np.where(cb[both] > 0, cb[both], np.nan))
    result = {"cells": int(both.sum()), "empty_cells": int(empty_a.sum()),
              "same_empty_cells": bool((empty_a == empty_b).all()),
              "max_abs_diff": float(diff.max()) if diff.size else 0.0,
              "median_abs_diff": float(np.median(diff)) if diff.size else 0.0,
              "max_z": float(z.max()) if z.size else 0.0,
              "over_2": int((z > 2).sum()), "over_3": int((z > 3).sum()),
              "conf_ratio_median": float(np.nanmedian(conf_ratio)) if diff.size else 1.0}
    # Vacancies are zero at most design points and years and positive at a few: their
    # variance is that of rare events and their estimates unstable (ST above 1), so the
    # other metrics are also summarised on their own.
    metrics = np.array([k[1] for k in keys])
    rest = both & (metrics != "vacancies")
    result["max_abs_diff_without_vacancies"] = float(np.abs(a - b)[rest].max()) if rest.any() else 0.0
    # Where the inputs matter (S1 or ST of at least 0.05), how far the estimates agree.
    big = rest & ((np.abs(a) >= 0.05) | (np.abs(b) >= 0.05))
    result["large_cells"] = int(big.sum())
    result["large_max_abs_diff"] = float(np.abs(a - b)[big].max()) if big.any() else 0.0
    if paths == 1:
        result["pass"] = result["same_empty_cells"] and result["max_abs_diff"] <= 1e-6
    else:
        result["pass"] = result["same_empty_cells"] and result["over_3"] == 0
    return result


def versions():
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True)
    swift = (swift.stdout + swift.stderr).strip().splitlines()
    blas = subprocess.run([SIMULATE, "blas-info"], capture_output=True, text=True).stdout
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor() or platform.machine()
    return {"cpu": cpu, "cores": os.cpu_count(),
            "swift": next((l for l in swift if "Swift version" in l), swift[0] if swift else "?"),
            "forecast_blas": " / ".join(l.strip() for l in blas.splitlines()[:3] if l.strip()),
            "python": platform.python_version(), "numpy": np.__version__,
            "salib": importlib.metadata.version("SALib"),
            "scipy": importlib.metadata.version("scipy")}


def main():
    load_start = os.getloadavg()
    records = []
    with tempfile.TemporaryDirectory() as tmp:
        for paths in PATHS:
            ours_file, theirs_file = os.path.join(tmp, f"f{paths}.csv"), os.path.join(tmp, f"p{paths}.csv")
            ours_cmd = [SIMULATE, "sensitivity", SCENARIO, "--method", "sobol", "--samples",
                        str(SAMPLES), "--paths", str(paths), "--format", "csv"]
            theirs_cmd = PIPELINE + [SCENARIO, "--samples", str(SAMPLES), "--paths", str(paths),
                                     "--out", theirs_file]
            ours_runs, theirs_runs = [], []
            for _ in range(REPEATS):
                ours_runs.append(measure(ours_cmd, ours_file))
                theirs_runs.append(measure(theirs_cmd, os.devnull, PEER_ENV))
            ours = min(ours_runs, key=lambda r: r["wall_s"])
            theirs = min(theirs_runs, key=lambda r: r["wall_s"])
            inside = json.loads([l for l in theirs["stderr"].splitlines() if l.startswith("{")][-1])
            check = compare(indices(ours_file), indices(theirs_file), paths)
            records.append({
                "samples": SAMPLES, "paths": paths, "runs": inside["runs"],
                "forecast_s": ours["wall_s"], "forecast_cpu_s": ours["cpu_s"],
                "forecast_rss_kb": ours["peak_rss_kb"],
                "python_s": theirs["wall_s"], "python_cpu_s": theirs["cpu_s"],
                "python_rss_kb": theirs["peak_rss_kb"],
                "python_after_imports_s": inside["compute_s"],
                "python_phases": {k: inside[k] for k in
                                  ("import_s", "load_fit_s", "sample_s", "model_s", "analyse_s", "write_s")},
                "forecast_walls": [r["wall_s"] for r in ours_runs],
                "python_walls": [r["wall_s"] for r in theirs_runs],
                "check": check})
    info = versions()
    info["load_start"], info["load_end"] = load_start, os.getloadavg()
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", "sensitivity.jsonl"), "w") as f:
        f.write(json.dumps({"machine": info, "repeats": REPEATS}) + "\n")
        for r in records:
            f.write(json.dumps(r) + "\n")
    report(records, info)
    if not all(r["check"]["pass"] for r in records):
        sys.exit(1)


def report(records, info):
    print(f"Machine: {info['cores']} cores, {info['cpu']}; load average (1, 5, 15 min) at the "
          f"start {', '.join(f'{x:.1f}' for x in info['load_start'])}, at the end "
          f"{', '.join(f'{x:.1f}' for x in info['load_end'])}")
    print(f"Forecast: {info['swift']}; {info['forecast_blas']}")
    print(f"Python {info['python']}, numpy {info['numpy']}, SALib {info['salib']}, SciPy {info['scipy']}")
    print(f"Scenario: {os.path.relpath(SCENARIO, ROOT)}, Sobol, N = {SAMPLES:,}; "
          f"times: the fastest of {REPEATS} runs, the two sides alternating\n")
    print("| paths | runs | Forecast (s) | Python process (s) | Python after imports (s) | "
          "Python / Forecast | Forecast CPU (s) | Python CPU (s) | Python CPU / Forecast CPU | "
          "Forecast peak RSS (MiB) | Python peak RSS (MiB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in records:
        print(f"| {r['paths']:,} | {r['runs']:,} | {r['forecast_s']:.2f} | {r['python_s']:.2f} | "
              f"{r['python_after_imports_s']:.2f} | {r['python_s'] / r['forecast_s']:.1f} | "
              f"{r['forecast_cpu_s']:.2f} | {r['python_cpu_s']:.2f} | "
              f"{r['python_cpu_s'] / r['forecast_cpu_s']:.1f} | {r['forecast_rss_kb'] / 1024:.0f} | "
              f"{r['python_rss_kb'] / 1024:.0f} |")
    print("\nThe Python pipeline by phase (seconds, in its fastest run):\n")
    print("| paths | imports | load + fit | SALib sample | numpy model | SALib analyse | CSV |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in records:
        p = r["python_phases"]
        print(f"| {r['paths']:,} | {p['import_s']:.2f} | {p['load_fit_s']:.3f} | {p['sample_s']:.3f} | "
              f"{p['model_s']:.2f} | {p['analyse_s']:.2f} | {p['write_s']:.3f} |")
    print("\nChecks (Forecast's indices against the pipeline's):\n")
    for r in records:
        c = r["check"]
        if "reason" in c:
            print(f"- {r['paths']:,} paths: {c['reason']} — FAIL")
            continue
        print(f"- {r['paths']:,} paths: {c['cells']:,} S1 and ST estimates, {c['empty_cells']:,} empty "
              f"cells ({'the same' if c['same_empty_cells'] else 'NOT the same'} on both sides); "
              f"max |difference| {c['max_abs_diff']:.2e} ({c['max_abs_diff_without_vacancies']:.2e} "
              f"without vacancies), median {c['median_abs_diff']:.2e}; where an index other than "
              f"vacancies' is at least 0.05 ({c['large_cells']} cells) max |difference| "
              f"{c['large_max_abs_diff']:.2e}; in combined standard errors max {c['max_z']:.2f}, "
              f"above 2: {c['over_2']}, above 3: {c['over_3']}; Forecast's half-widths over "
              f"SALib's, median {c['conf_ratio_median']:.2f} — {'pass' if c['pass'] else 'FAIL'}")


if __name__ == "__main__":
    main()
