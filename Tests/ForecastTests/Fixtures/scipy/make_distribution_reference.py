#!/usr/bin/env python3
"""Reference values for Tests/ForecastTests/Regression/DistributionTests.swift.

Run from the package root:

    python3 Tests/ForecastTests/Fixtures/scipy/make_distribution_reference.py

It prints Swift array literals (values from scipy.stats: t.cdf/sf, f.cdf/sf,
norm.cdf/sf/ppf, chi2.sf) that are pasted into the test file, each float as
repr() (shortest round-trip form, at most 17 significant digits). As a check on
the references themselves it recomputes every value with mpmath at 50 digits
and prints the largest relative difference between scipy and mpmath to stderr.

Exception: the t quantiles are mpmath's (the root of the 50-digit cdf at the
double p), because scipy.stats.t.ppf is accurate only to ~3e-11 relative near
p = 1/2 (e.g. p = 0.500001, df = 5); the script reports scipy's difference.
"""

import sys

import mpmath as mp
import numpy as np
import scipy
from scipy import stats

mp.mp.dps = 50
WORST = [0.0, ""]
UNCHECKED = []


def check(label, value, exact):
    """Returns value; records its relative difference from the mpmath value."""
    try:
        exact = float(exact())
    except ValueError:  # mpmath's hypergeometric series gives up for very large parameters
        UNCHECKED.append(label)
        return value
    if exact == 0.0:
        error = abs(value)
    else:
        error = abs(value - exact) / abs(exact)
    if error > WORST[0]:
        WORST[0], WORST[1] = error, label
    return value


def mp_t_cdf(t, df):
    t, df = mp.mpf(t), mp.mpf(df)
    x = df / (df + t * t)
    tail = mp.betainc(df / 2, mp.mpf(1) / 2, 0, x, regularized=True) / 2
    return tail if t < 0 else 1 - tail


def mp_t_sf(t, df):
    return mp_t_cdf(-t, df)


def mp_t_ppf(p, df):
    # Root of the exact cdf, started at scipy's value.
    start = stats.t.ppf(p, df)
    p = mp.mpf(p)
    return mp.findroot(lambda t: mp_t_cdf(t, df) - p, mp.mpf(start), tol=mp.mpf(10) ** -40)


def mp_f_sf(f, d1, d2):
    f, d1, d2 = mp.mpf(f), mp.mpf(d1), mp.mpf(d2)
    y = d2 / (d1 * f + d2)
    return mp.betainc(d2 / 2, d1 / 2, 0, y, regularized=True)


def mp_f_cdf(f, d1, d2):
    f, d1, d2 = mp.mpf(f), mp.mpf(d1), mp.mpf(d2)
    x = d1 * f / (d1 * f + d2)
    return mp.betainc(d1 / 2, d2 / 2, 0, x, regularized=True)


def mp_norm_cdf(z):
    return mp.ncdf(mp.mpf(z))


def mp_norm_ppf(p):
    start = stats.norm.ppf(p)
    p = mp.mpf(p)
    return mp.findroot(lambda z: mp.ncdf(z) - p, mp.mpf(start), tol=mp.mpf(10) ** -40)


def mp_chi2_sf(x, k):
    return mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)


def emit(name, header, rows):
    print(f"  // {header}")
    print(f"  static let {name}: [({', '.join('Double' for _ in rows[0])})] = [")
    for row in rows:
        print("    (" + ", ".join(repr(float(v)) for v in row) + "),")
    print("  ]")
    print()


def main():
    print(f"  // scipy {scipy.__version__}, numpy {np.__version__}, mpmath {mp.__version__}")
    print()

    t_cases = [
        (0.0, 5), (0.5, 5), (-0.5, 5), (2.0, 5), (-2.0, 5), (40.0, 5), (-40.0, 5),
        (1e8, 5), (1.0, 1), (-1.0, 1), (1e6, 1), (-3.0, 1), (2.5, 2), (-7.0, 3),
        (2.262157162740992, 9), (1.0, 2.5), (0.001, 30), (-12.0, 30),
        (1.96, 1e6), (-1.96, 1e6), (6.0, 1e6), (-8.5, 1e7), (1e-8, 1e7), (3.0, 0.5),
    ]
    rows = []
    for t, df in t_cases:
        cdf = check(f"t.cdf({t},{df})", stats.t.cdf(t, df), lambda: mp_t_cdf(t, df))
        sf = check(f"t.sf({t},{df})", stats.t.sf(t, df), lambda: mp_t_sf(t, df))
        rows.append((t, df, cdf, sf))
    emit("studentT", "(t, ν, scipy.stats.t.cdf(t, ν), scipy.stats.t.sf(t, ν))", rows)

    quantile_cases = [(0.975, 1), (0.975, 2), (0.975, 9), (0.975, 30)]
    for df in [1, 1.5, 2, 3, 5, 10, 30, 100, 1e4, 1e6, 1e7]:
        for p in [1e-15, 1e-10, 1e-4, 0.025, 0.3, 0.4999, 0.500001, 0.9, 0.995, 1 - 1e-12]:
            quantile_cases.append((p, df))
    # scipy's t.ppf loses relative accuracy near p = 1/2 (up to 3e-11 at p = 0.500001), so the
    # quantile references are mpmath roots of the 50-digit cdf, rounded to double; scipy's
    # values are compared with them and the largest difference is reported on stderr.
    rows = []
    worst = [0.0, ""]
    for p, df in quantile_cases:
        exact = float(mp_t_ppf(p, df))
        difference = abs(stats.t.ppf(p, df) - exact) / abs(exact)
        if difference > worst[0]:
            worst = [difference, f"t.ppf({p},{df})"]
        rows.append((p, df, exact))
    emit("studentTQuantiles", "(p, ν, t with P(T ≤ t) = p: mpmath root, 50 digits)", rows)
    print(f"largest scipy t.ppf vs mpmath relative difference: {worst[0]:.3g} ({worst[1]})",
          file=sys.stderr)

    f_cases = [
        (1.0, 1, 1), (3.5, 2, 10), (0.2, 5, 7), (330.28533923414756, 6, 9),
        (791.3078123575083, 6, 9), (1e4, 3, 40), (500.0, 10, 200), (1.05, 100, 1e5),
        (0.9, 1e4, 1e4), (2.5, 0.7, 3.3),
    ]
    rows = []
    for f, d1, d2 in f_cases:
        cdf = check(f"f.cdf({f},{d1},{d2})", stats.f.cdf(f, d1, d2), lambda: mp_f_cdf(f, d1, d2))
        sf = check(f"f.sf({f},{d1},{d2})", stats.f.sf(f, d1, d2), lambda: mp_f_sf(f, d1, d2))
        rows.append((f, d1, d2, cdf, sf))
    emit("fisherF", "(f, d₁, d₂, scipy.stats.f.cdf(f, d₁, d₂), scipy.stats.f.sf(f, d₁, d₂))", rows)

    z_cases = [0.0, 0.5, -1.0, 1.959963984540054, -5.0, 8.0, -20.0, -37.5, 3.0]
    rows = []
    for z in z_cases:
        cdf = check(f"norm.cdf({z})", stats.norm.cdf(z), lambda: mp_norm_cdf(z))
        sf = check(f"norm.sf({z})", stats.norm.sf(z), lambda: mp_norm_cdf(-z))
        rows.append((z, cdf, sf))
    emit("normal", "(z, scipy.stats.norm.cdf(z), scipy.stats.norm.sf(z))", rows)

    p_cases = [1e-300, 1e-15, 1e-10, 1e-5, 0.0125, 0.025, 0.075, 0.3, 0.5, 0.6, 0.975,
               0.99, 1 - 1e-9]
    rows = []
    for p in p_cases:
        rows.append((p, check(f"norm.ppf({p})", stats.norm.ppf(p), lambda: mp_norm_ppf(p))))
    emit("normalQuantiles", "(p, scipy.stats.norm.ppf(p))", rows)

    chi2_cases = [(1.0, 1), (3.84, 1), (10.0, 3), (100.0, 5), (0.01, 10), (150.0, 100),
                  (1e4, 1e4), (12.5, 2.5), (500.0, 2)]
    rows = []
    for x, k in chi2_cases:
        rows.append((x, k, check(f"chi2.sf({x},{k})", stats.chi2.sf(x, k), lambda: mp_chi2_sf(x, k))))
    emit("chiSquared", "(x, k, scipy.stats.chi2.sf(x, k))", rows)

    print(f"largest scipy-vs-mpmath relative difference: {WORST[0]:.3g} ({WORST[1]})",
          file=sys.stderr)
    print(f"not checked against mpmath (did not converge): {UNCHECKED}", file=sys.stderr)


if __name__ == "__main__":
    main()
