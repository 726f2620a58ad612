#!/usr/bin/env python3
"""SALib reference designs and indices for Tests/ForecastTests/Sensitivity/.

Run from the package root, with SALib installed (pip install SALib):

    python3 Tests/ForecastTests/Fixtures/sensitivity/make_salib_reference.py

Writes salib_reference.json:

- saltelli_designs: SALib.sample.sobol.sample(problem, N, calc_second_order=...,
  scramble=False, skip_values=...) for small problems, each row a run. The
  uniform cases must equal Forecast's SaltelliDesign bit for bit; the mixed case
  (triangular, normal, truncated normal) to the accuracy of the inverse CDFs,
  which are SciPy's here and Forecast's own there.
- sobol_analyses: model outputs Y on such a design (Ishigami with second order,
  Sobol's G function without) and SALib.analyze.sobol.analyze(problem, Y,
  calc_second_order=..., seed=...). Y is stored, so Forecast analyses exactly
  these numbers; its point estimates must match S1, ST and S2. The *_conf
  values come from NumPy's resampling, not Forecast's Philox one, and are only
  loosely comparable.
- morris_analyses: a SALib.sample.morris.sample(problem, r, num_levels=4,
  seed=...) design X, outputs Y and SALib.analyze.morris.analyze(problem, X, Y,
  num_levels=4, seed=...): mu, mu_star and sigma must match; mu_star_conf is
  loosely comparable, as above.

Floats are written with repr (json's default), which round-trips every double.
"""

import json
import math
import warnings
from importlib.metadata import version

import numpy as np
import scipy
from SALib.analyze import morris as morris_analyze
from SALib.analyze import sobol as sobol_analyze
from SALib.sample import morris as morris_sample
from SALib.sample import sobol as sobol_sample

warnings.simplefilter("ignore")  # SALib warns about constant results / small N

G_COEFFICIENTS = [0.0, 1.0, 4.5, 9.0, 99.0, 99.0]


def ishigami(x, a=7.0, b=0.1):
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


def g_function(x, a=G_COEFFICIENTS):
    a = np.asarray(a)
    return np.prod((np.abs(4.0 * x - 2.0) + a) / (1.0 + a), axis=1)


def problem(inputs):
    """A SALib problem from Forecast-style inputs."""
    bounds, dists = [], []
    for spec in inputs:
        kind, p = spec["distribution"], spec["parameters"]
        if kind == "uniform":
            bounds.append(p)
            dists.append("unif")
        elif kind == "triangular":  # Forecast [lo, mode, hi]; SALib [lo, hi, (mode - lo)/(hi - lo)]
            lo, mode, hi = p
            bounds.append([lo, hi, (mode - lo) / (hi - lo)])
            dists.append("triang")
        elif kind == "normal" and "domain" in spec:
            lo, hi = spec["domain"]
            bounds.append([lo, hi, p[0], p[1]])
            dists.append("truncnorm")
        elif kind == "normal":
            bounds.append(p)
            dists.append("norm")
        else:
            raise ValueError(kind)
    return {
        "num_vars": len(inputs),
        "names": [spec["name"] for spec in inputs],
        "bounds": bounds,
        "dists": dists,
    }


def uniform_inputs(bounds):
    return [
        {"name": f"x{i + 1}", "distribution": "uniform", "parameters": list(b)}
        for i, b in enumerate(bounds)
    ]


def saltelli(inputs, n, second_order, skip):
    x = sobol_sample.sample(
        problem(inputs), n, calc_second_order=second_order, scramble=False, skip_values=skip
    )
    assert np.all(np.isfinite(x))
    return x


def design_case(name, inputs, n, second_order, skip):
    x = saltelli(inputs, n, second_order, skip)
    return {
        "name": name,
        "inputs": inputs,
        "base_samples": n,
        "second_order": second_order,
        "skip": skip,
        "points": x.tolist(),
    }


def listed(values):
    return [None if (isinstance(v, float) and math.isnan(v)) else v for v in values]


def sobol_case(name, inputs, n, second_order, model, seed):
    x = saltelli(inputs, n, second_order, 0)
    y = model(x)
    si = sobol_analyze.analyze(
        problem(inputs), y, calc_second_order=second_order, num_resamples=100,
        conf_level=0.95, seed=seed,
    )
    case = {
        "name": name,
        "inputs": inputs,
        "base_samples": n,
        "second_order": second_order,
        "outputs": y.tolist(),
        "S1": si["S1"].tolist(),
        "S1_conf": si["S1_conf"].tolist(),
        "ST": si["ST"].tolist(),
        "ST_conf": si["ST_conf"].tolist(),
    }
    if second_order:
        k = len(inputs)
        case["S2"] = [si["S2"][j, l] for j in range(k) for l in range(j + 1, k)]
        case["S2_conf"] = [si["S2_conf"][j, l] for j in range(k) for l in range(j + 1, k)]
    return case


def morris_case(name, inputs, trajectories, model, seed):
    prob = problem(inputs)
    x = morris_sample.sample(prob, trajectories, num_levels=4, seed=seed)
    y = model(x)
    si = morris_analyze.analyze(
        prob, x, y, num_resamples=100, conf_level=0.95, num_levels=4, seed=seed
    )
    return {
        "name": name,
        "inputs": inputs,
        "levels": 4,
        "points": x.tolist(),
        "outputs": y.tolist(),
        "mu": listed(np.asarray(si["mu"], dtype=float).tolist()),
        "mu_star": listed(np.asarray(si["mu_star"], dtype=float).tolist()),
        "sigma": listed(np.asarray(si["sigma"], dtype=float).tolist()),
        "mu_star_conf": listed(np.asarray(si["mu_star_conf"], dtype=float).tolist()),
    }


def main():
    pi = math.pi
    ishigami_inputs = uniform_inputs([[-pi, pi]] * 3)
    g_inputs = uniform_inputs([[0.0, 1.0]] * len(G_COEFFICIENTS))
    mixed = [
        {"name": "share", "distribution": "uniform", "parameters": [0.25, 0.75]},
        {"name": "growth", "distribution": "triangular", "parameters": [1.0, 1.5, 3.0]},
        {"name": "rate", "distribution": "normal", "parameters": [0.5, 0.1]},
        {"name": "bounded", "distribution": "normal", "parameters": [0.3, 0.5],
         "domain": [0.0, 1.0]},
    ]
    small = uniform_inputs([[-pi, pi], [0.0, 1.0], [2.0, 5.0]])
    out = {
        "versions": {
            "SALib": version("SALib"),
            "scipy": scipy.__version__,
            "numpy": np.__version__,
        },
        "saltelli_designs": [
            design_case("uniform-second-order", small, 8, True, 0),
            design_case("uniform-first-order", small, 8, False, 0),
            design_case("uniform-skip", small, 4, False, 16),
            design_case("mixed-distributions", mixed, 8, False, 8),
        ],
        "sobol_analyses": [
            sobol_case("ishigami", ishigami_inputs, 256, True, ishigami, 20240611),
            sobol_case("g-function", g_inputs, 256, False, g_function, 20240611),
        ],
        "morris_analyses": [
            morris_case("ishigami", ishigami_inputs, 10, ishigami, 20240611),
            morris_case("g-function", g_inputs, 20, g_function, 7),
        ],
    }
    with open("Tests/ForecastTests/Fixtures/sensitivity/salib_reference.json", "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
