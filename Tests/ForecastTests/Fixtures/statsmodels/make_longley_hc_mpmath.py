#!/usr/bin/env python3
"""Heteroskedasticity-robust covariances (HC0-HC3) for NIST Longley in 50-digit arithmetic.

statsmodels computes them in double precision from pinv(X); on Longley (condition number
4.9e9) that leaves it about 1e-8 from the exact values. This script gives the exact ones
(rounded to double) so the tests can hold Forecast to a tighter bar. Rerun from the package
root with

    python3 Tests/ForecastTests/Fixtures/statsmodels/make_longley_hc_mpmath.py
"""
import json
from pathlib import Path

import mpmath
from mpmath import mp, mpf, matrix

mp.dps = 50
HERE = Path(__file__).resolve().parent
rows = [line.split(",") for line in (HERE.parent / "nist" / "Longley.csv").read_text().split()[1:]]
y = [mpf(r[0]) for r in rows]
X = matrix([[mpf(1)] + [mpf(v) for v in r[1:]] for r in rows])
n, k = X.rows, X.cols
XtX_inv = (X.T * X) ** -1
beta = XtX_inv * X.T * matrix(y)
e = [y[i] - sum(X[i, j] * beta[j] for j in range(k)) for i in range(n)]
h = [sum(X[i, a] * XtX_inv[a, b] * X[i, b] for a in range(k) for b in range(k)) for i in range(n)]
out = {"mpmath_version": mpmath.__version__, "digits": mp.dps, "terms": ["Intercept"] + [f"x{j}" for j in range(1, 7)]}
for name in ["HC0", "HC1", "HC2", "HC3"]:
    w = []
    for i in range(n):
        omega = e[i] ** 2
        if name == "HC2":
            omega /= 1 - h[i]
        if name == "HC3":
            omega /= (1 - h[i]) ** 2
        w.append(omega)
    meat = matrix(k, k)
    for i in range(n):
        for a in range(k):
            for b in range(k):
                meat[a, b] += w[i] * X[i, a] * X[i, b]
    cov = XtX_inv * meat * XtX_inv
    if name == "HC1":
        cov = cov * mpf(n) / (n - k)
    out[name] = {"cov_params": [[float(cov[a, b]) for b in range(k)] for a in range(k)],
                 "bse": [float(mp.sqrt(cov[a, a])) for a in range(k)]}
(HERE / "longley_hc_mpmath.json").write_text(json.dumps(out, indent=1) + "\n")
print("wrote longley_hc_mpmath.json")
