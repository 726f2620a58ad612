#!/usr/bin/env python3
"""Benchmarks of Forecast against its Python peers, side by side in one run.

Run through Benchmarks/run.sh (it builds the release binaries first). Measures:
  1. OLS with full statistics (forecast-bench) vs numpy.linalg.lstsq on the same design,
     1,000,000 x 50 and 100,000 x 20 (min of REPEATS runs each);
  2. end to end on a 200,000 x 20 CSV: `simulate fit` (whole process, wall clock) vs
     pandas.read_csv + statsmodels smf.ols(...).fit().summary() (after imports).
Writes a Markdown table to stdout and JSON lines to Benchmarks/results/latest.jsonl.

numpy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (they slow its newer bundled
OpenBLAS); threadpoolctl reports the kernel it then uses.
"""
import json, os, subprocess, sys, tempfile, time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BENCH = os.path.join(ROOT, ".build", "release", "forecast-bench")
SIMULATE = os.path.join(ROOT, ".build", "release", "simulate")
REPEATS = int(os.environ.get("REPEATS", "3"))
GAMMA = np.uint64(0x9E3779B97F4A7C15)


def splitmix_uniform(seed, start, count):
    """SplitMix64 outputs start..start+count-1 of `seed` as doubles in [0, 1): bit for bit
    the generator of Benchmarks/forecast-bench/SplitMix64.swift."""
    with np.errstate(over="ignore"):
        i = np.arange(start + 1, start + count + 1, dtype=np.uint64)
        z = np.uint64(seed) + i * GAMMA
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0**-53


def design(rows, columns):
    x = np.empty((rows, columns), order="F")
    x[:, 0] = 1.0
    for j in range(1, columns):
        x[:, j] = splitmix_uniform(1, (j - 1) * rows, rows)
    y = x[:, min(1, columns - 1)] + splitmix_uniform(2, 0, rows)
    return x, y


def numpy_kernel():
    try:
        from threadpoolctl import threadpool_info
        for pool in threadpool_info():
            if pool.get("internal_api") == "openblas":
                return f"{pool.get('architecture')} ({pool.get('num_threads')} threads, OpenBLAS {pool.get('version')})"
    except ImportError:
        pass
    return "unknown"


def time_min(fn, repeats=REPEATS):
    best = float("inf")
    out = None
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def ols_case(rows, columns, records):
    ours = json.loads(subprocess.run([BENCH, "ols", str(rows), str(columns), str(REPEATS)],
                                     check=True, capture_output=True, text=True).stdout)
    x, y = design(rows, columns)
    seconds, (beta, *_ ) = time_min(lambda: np.linalg.lstsq(x, y, rcond=None))
    agree = abs(beta[1] - ours["x1_estimate"]) / abs(beta[1])
    del x, y
    records.append({"task": f"OLS {rows:,} x {columns}", "forecast_s": ours["seconds"],
                    "peer": "numpy.linalg.lstsq", "peer_s": seconds,
                    "ratio": ours["seconds"] / seconds,
                    "note": f"Forecast kernel {ours['kernel']}, {ours['threads']} threads; "
                            f"x1 estimates agree to {agree:.1e}"})


def csv_case(records):
    rows, columns = 200_000, 20
    rng = np.random.default_rng(20261126)
    x = rng.normal(size=(rows, columns - 1))
    y = x @ np.linspace(0.1, 1.9, columns - 1) + rng.normal(size=rows)
    names = [f"x{j}" for j in range(1, columns)]
    path = os.path.join(tempfile.gettempdir(), "forecast-bench-200000x20.csv")
    with open(path, "w") as f:
        f.write("y," + ",".join(names) + "\n")
        np.savetxt(f, np.column_stack([y, x]), delimiter=",", fmt="%.17g")
    formula = "y ~ " + " + ".join(names)

    def ours():
        subprocess.run([SIMULATE, "fit", path, formula], check=True, capture_output=True)
    our_s, _ = time_min(ours)

    import pandas as pd
    import statsmodels.formula.api as smf

    def peer():
        frame = pd.read_csv(path)
        return smf.ols(formula, frame).fit().summary()
    peer_s, _ = time_min(peer)
    records.append({"task": f"simulate fit, CSV {rows:,} x {columns}", "forecast_s": our_s,
                    "peer": "pandas.read_csv + statsmodels ols().fit().summary(), in process",
                    "peer_s": peer_s, "ratio": our_s / peer_s,
                    "note": "Forecast: whole process (start, read, fit, print); "
                            "peer: inside a warm Python process, imports excluded"})
    script = ("import pandas as pd, statsmodels.formula.api as smf; "
              f"print(smf.ols({formula!r}, pd.read_csv({path!r})).fit().summary())")

    def peer_process():
        subprocess.run([sys.executable, "-c", script], check=True, capture_output=True)
    process_s, _ = time_min(peer_process)
    records.append({"task": f"simulate fit, CSV {rows:,} x {columns}", "forecast_s": our_s,
                    "peer": "the same in a new python3 process (what a user runs)",
                    "peer_s": process_s, "ratio": our_s / process_s,
                    "note": "both whole processes: start, imports, read, fit, print"})


def main():
    records = []
    for rows, columns in [(1_000_000, 50), (100_000, 20)]:
        ols_case(rows, columns, records)
    csv_case(records)
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", "latest.jsonl"), "w") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    print(f"numpy {np.__version__}, its BLAS: {numpy_kernel()}; repeats: {REPEATS} (min taken)\n")
    print("| task | Forecast (s) | peer | peer (s) | Forecast / peer |")
    print("|---|---:|---|---:|---:|")
    for r in records:
        print(f"| {r['task']} | {r['forecast_s']:.3f} | {r['peer']} | {r['peer_s']:.3f} | {r['ratio']:.2f} |")
    print()
    for r in records:
        print(f"- {r['task']}: {r['note']}")


if __name__ == "__main__":
    main()
