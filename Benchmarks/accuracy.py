#!/usr/bin/env python3
"""Accuracy of `simulate fit` on the NIST StRD linear-regression datasets, next to numpy.

For each dataset: the minimum log relative error (LRE, McCullough 1998) over the estimates and
over the standard errors of `simulate fit --format json`, and numpy.linalg.lstsq's estimates
LRE on the plain design (rcond=None, its default). Certificates from
Tests/ForecastTests/Fixtures/nist/*.json. Run from the package root after building:

    swift build -c release --product simulate && python3 Benchmarks/accuracy.py
"""
import json, math, subprocess, sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
NIST = ROOT / "Tests" / "ForecastTests" / "Fixtures" / "nist"
SIMULATE = ROOT / ".build" / "release" / "simulate"
NAMES = ["Norris", "Pontius", "NoInt1", "NoInt2", "Longley", "Filip",
         "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"]


def lre(estimate, certified):
    if estimate is None:
        return 0.0
    if estimate == certified:
        return 15.0
    error = abs(estimate) if certified == 0 else abs(estimate - certified) / abs(certified)
    return max(0.0, min(15.0, -math.log10(error)))


def formula(meta):
    if meta.get("degree"):
        d = meta["degree"]
        terms = "x" if d == 1 else f"poly(x, {d})"
        return f"y ~ {terms}" + ("" if meta["intercept"] else " - 1")
    return "y ~ x1 + x2 + x3 + x4 + x5 + x6"


def main():
    print("| dataset | estimates LRE | std. errors LRE | numpy lstsq estimates LRE |")
    print("|---|---:|---:|---:|")
    for name in NAMES:
        meta = json.loads((NIST / f"{name}.json").read_text())
        cert = meta["certified"]
        out = subprocess.run([str(SIMULATE), "fit", str(NIST / f"{name}.csv"), formula(meta),
                              "--format", "json"], check=True, capture_output=True, text=True)
        fit = json.loads(out.stdout)
        est = min(lre(c["estimate"], v) for c, v in zip(fit["coefficients"], cert["parameters"]))
        se = min(lre(c["std_error"], v) for c, v in zip(fit["coefficients"], cert["std_errors"]))
        data = np.loadtxt(NIST / f"{name}.csv", delimiter=",", skiprows=1)
        y = data[:, 0]
        if meta.get("degree"):
            x = np.column_stack([data[:, 1] ** k for k in range(0 if meta["intercept"] else 1,
                                                                   meta["degree"] + 1)])
        else:
            x = np.column_stack([np.ones(len(y)), data[:, 1:]])
        beta = np.linalg.lstsq(x, y, rcond=None)[0]
        npl = min(lre(b, v) for b, v in zip(beta, cert["parameters"]))
        print(f"| {name} | {est:.1f} | {se:.1f} | {npl:.1f} |")


if __name__ == "__main__":
    sys.exit(main())
