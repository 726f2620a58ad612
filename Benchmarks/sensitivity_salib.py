#!/usr/bin/env python3
"""The Python pipeline of a Sobol analysis of a scenario's [[uncertain]] inputs: the peer of
`simulate sensitivity SCENARIO --method sobol` in the sensitivity benchmark
(Benchmarks/sensitivity.py, `make bench-sensitivity`).

  1. design: SALib.sample.sobol.sample(problem, N, calc_second_order=False, scramble=False,
     skip_values=N), the design Forecast makes (docs/sensitivity.md);
  2. model: the numpy peer of the Monte Carlo benchmark (montecarlo_numpy.py), every design
     point applied as one shock per input from base_year + 1 on, many points per array
     operation (chunks of about CHUNK columns, points x paths), every point on the same draws
     (common random numbers); a point's output is the mean over its paths of each balance
     metric in each projection year;
  3. analysis: SALib.analyze.sobol.analyze(problem, Y, calc_second_order=False,
     num_resamples=100, conf_level=0.95) per projection year and metric, skipped (empty
     cells) where the metric does not vary over the A and B runs, as Forecast leaves it empty.

Usage:
  sensitivity_salib.py SCENARIO [--samples N] [--paths P] [--seed S] [--chunk COLUMNS]
                       [--resamples R] [--out FILE]
writes the indices as CSV (year, metric, index, input, estimate, conf) into FILE (or standard
output) and one JSON line of timings on standard error.
"""
import time

STARTED = time.perf_counter()

import argparse, csv, importlib.metadata, json, os, sys, warnings  # noqa: E402

import numpy as np  # noqa: E402
from SALib.analyze import sobol as sobol_analyze  # noqa: E402
from SALib.sample import sobol as sobol_sample  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import montecarlo_numpy as peer  # noqa: E402

IMPORTED = time.perf_counter()


def problem_of(uncertain):
    """SALib's problem for the scenario's [[uncertain]] entries: uniform as `unif` [lo, hi],
    triangular [lo, mode, hi] as `triang` [lo, hi, (mode - lo) / (hi - lo)], normal as `norm`
    [mean, sd]. The entries' operations, in the same order."""
    names, bounds, dists, ops = [], [], [], []
    for entry in uncertain:
        names.append(entry["target"])
        ops.append(entry.get("op", "set"))
        if "uniform" in entry:
            bounds.append(list(entry["uniform"]))
            dists.append("unif")
        elif "triangular" in entry:
            lo, mode, hi = entry["triangular"]
            bounds.append([lo, hi, (mode - lo) / (hi - lo)])
            dists.append("triang")
        elif "normal" in entry:
            bounds.append(list(entry["normal"]))
            dists.append("norm")
        else:
            raise SystemExit(f"sensitivity_salib: no distribution for '{entry['target']}'")
    return {"num_vars": len(names), "names": names, "bounds": bounds, "dists": dists}, ops


def evaluate(model, design, ops, names, paths, seed, chunk_columns):
    """The mean over paths of every balance metric in every projection year at every design
    point: metrics x years x points."""
    draws = model.draws(paths, np.random.default_rng(seed))
    points = design.shape[0]
    per_chunk = max(1, chunk_columns // paths)
    out = np.empty((len(peer.METRICS), model.horizon, points))
    for first in range(0, points, per_chunk):
        rows = design[first:first + per_chunk]
        g = rows.shape[0]
        shocks = {name: (op, rows[:, j]) for j, (name, op) in enumerate(zip(names, ops))}
        balance = model.simulate(paths, draws, g, shocks)[0]
        out[:, :, first:first + g] = balance.reshape(len(peer.METRICS), model.horizon, g, paths).mean(axis=-1)
    return out


def analyse(problem, outputs, years, samples, resamples, seed):
    """SALib's S1, ST and their half-widths per year and metric: rows of the indices table."""
    k = problem["num_vars"]
    a_b = np.zeros(samples * (k + 2), dtype=bool)
    a_b[0::k + 2] = True
    a_b[k + 1::k + 2] = True
    rows = []
    for i, year in enumerate(years):
        for m, metric in enumerate(peer.METRICS):
            y = outputs[m, i]
            if np.ptp(y[a_b]) == 0:
                for index in ("S1", "ST"):
                    rows += [[int(year), metric, index, name, "", ""] for name in problem["names"]]
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                s = sobol_analyze.analyze(problem, y, calc_second_order=False,
                                          num_resamples=resamples, conf_level=0.95,
                                          print_to_console=False, seed=seed)
            for index in ("S1", "ST"):
                rows += [[int(year), metric, index, name, repr(float(s[index][j])),
                          repr(float(s[index + "_conf"][j]))]
                         for j, name in enumerate(problem["names"])]
    return rows


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenario")
    parser.add_argument("--samples", type=int, default=1024)
    parser.add_argument("--paths", type=int)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--chunk", type=int, default=10_000, help="columns per array operation")
    parser.add_argument("--resamples", type=int, default=100)
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    begin = time.perf_counter()
    model = peer.Model(args.scenario)
    paths = model.paths if args.paths is None else args.paths
    seed = model.seed if args.seed is None else args.seed
    problem, ops = problem_of(model.uncertain)
    loaded = time.perf_counter()
    design = sobol_sample.sample(problem, args.samples, calc_second_order=False, scramble=False,
                                 skip_values=args.samples)
    sampled = time.perf_counter()
    outputs = evaluate(model, design, ops, problem["names"], paths, seed, args.chunk)
    evaluated = time.perf_counter()
    rows = analyse(problem, outputs, model.years, args.samples, args.resamples, seed)
    analysed = time.perf_counter()
    out = open(args.out, "w", newline="") if args.out else sys.stdout
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["year", "metric", "index", "input", "estimate", "conf"])
    writer.writerows(rows)
    if args.out:
        out.close()
    else:
        sys.stdout.flush()
    end = time.perf_counter()
    print(json.dumps({
        "tool": "salib+numpy", "samples": args.samples, "paths": paths, "runs": design.shape[0],
        "import_s": IMPORTED - STARTED, "compute_s": end - begin, "load_fit_s": loaded - begin,
        "sample_s": sampled - loaded, "model_s": evaluated - sampled,
        "analyse_s": analysed - evaluated, "write_s": end - analysed,
        "peak_rss_kb": peer.vm_kb("VmHWM"), "numpy": np.__version__,
        "salib": importlib.metadata.version("SALib")}), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
