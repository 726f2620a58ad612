#!/usr/bin/env python3
"""SALib on a design and outputs that Forecast made (Tests/ForecastTests/WhatIf/SALibScenarioTests).

Reads a JSON request on stdin:

    {"method": "sobol" | "morris", "inputs": [{"name", "distribution", "parameters",
     "domain"?}], "base_samples": N, "skip": S, "levels": p, "points": [[...], ...],
     "outputs": {"label": [y_0, y_1, ...], ...}}

and writes JSON on stdout. Sobol: SALib.sample.sobol.sample(problem, N,
calc_second_order=False, scramble=False, skip_values=S) and the largest difference
between its design and Forecast's, relative to each input's range; then
SALib.analyze.sobol.analyze of each output (S1, S1_conf, ST, ST_conf). Morris:
SALib.analyze.morris.analyze(problem, X, Y, num_levels=p) on Forecast's own design X
(its trajectories come from Philox, not NumPy); mu, mu_star, sigma, mu_star_conf.
Needs SALib (pip install SALib); used only by that test, never at run time.
"""

import json
import os
import sys
import warnings

import numpy as np
from SALib.analyze import morris as morris_analyze
from SALib.analyze import sobol as sobol_analyze
from SALib.sample import sobol as sobol_sample

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_salib_reference import problem  # noqa: E402  (the fixtures' one SALib problem)

warnings.simplefilter("ignore")


def main():
    request = json.load(sys.stdin)
    prob = problem(request["inputs"])
    x = np.asarray(request["points"], dtype=float)
    out = {"results": {}}
    if request["method"] == "sobol":
        ref = sobol_sample.sample(prob, request["base_samples"], calc_second_order=False,
                                  scramble=False, skip_values=request["skip"])
        scale = np.maximum(np.abs(ref).max(axis=0), 1e-300)
        out["design_rows"] = int(ref.shape[0])
        out["design_max_difference"] = float((np.abs(ref - x) / scale).max())
        for label, y in request["outputs"].items():
            si = sobol_analyze.analyze(prob, np.asarray(y, dtype=float), calc_second_order=False,
                                       num_resamples=100, conf_level=0.95, seed=20240611)
            out["results"][label] = {k: si[k].tolist() for k in ["S1", "S1_conf", "ST", "ST_conf"]}
    else:
        for label, y in request["outputs"].items():
            si = morris_analyze.analyze(prob, x, np.asarray(y, dtype=float), num_resamples=100,
                                        conf_level=0.95, num_levels=request["levels"],
                                        seed=20240611)
            out["results"][label] = {
                k: np.asarray(si[k], dtype=float).tolist()
                for k in ["mu", "mu_star", "sigma", "mu_star_conf"]
            }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
