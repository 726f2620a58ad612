#!/usr/bin/env python3
"""Grid of Student t and F tails for Tests/ForecastTests/Regression/TailGridReference.swift.

Run from the package root:

    python3 Tests/ForecastTests/Fixtures/scipy/make_tail_grid_reference.py \
        > Tests/ForecastTests/Regression/TailGridReference.swift

The grid covers the regimes the regression p values reach: ν (residual degrees of
freedom) from 1 to 10⁷, on both sides of ν = 30 (a = ν/2 = 15, where the incomplete
beta function changes method), and |t| from 0 to 10³, deep into the tails; F with
d₁ from 1 to 30 and d₂ from 2 to 10⁶ (a regression on a million rows).

Each value is the exact tail rounded to double: the regularized incomplete beta
function evaluated at 80 significant digits with mpmath, by the continued fraction
on its convergent side (mpmath's own betainc does not converge for parameters this
large). The script checks that evaluation against closed forms first (ν = 1 and 2 for t,
even d₁ for F) and stops if they differ by more than 1e-60. Every value is also computed
with scipy.stats (t.cdf/sf, f.cdf/sf); the
script prints to stderr the largest relative difference between scipy and the
exact value for each table, and the Swift file records it. Values below the double
range are 0.0.
"""

import sys

import mpmath as mp
import numpy as np
import scipy
from scipy import stats

mp.mp.dps = 80

NUS = [1, 2, 5, 10, 29, 30, 31, 50, 100, 1000, 1e5, 1e7]
TS = [0, 0.1, 1, 2, 5, 10, 30, 100, 1e3]
D1S = [1, 2, 5, 10, 30]
D2S = [2, 10, 30, 31, 34, 100, 1000, 1e5, 1e6]
FS = [0.01, 0.5, 1, 2, 5, 30, 1e3, 1e6]


def continued_fraction(a, b, x):
    """Numerical Recipes' betacf at mpmath precision (modified Lentz)."""
    tiny = mp.mpf(10) ** -300
    eps = mp.mpf(10) ** -70
    c, d = mp.mpf(1), 1 - (a + b) * x / (a + 1)
    d = 1 / (tiny if abs(d) < tiny else d)
    h = d
    for m in range(1, 10**7):
        for coefficient in (
            m * (b - m) * x / ((a - 1 + 2 * m) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 1 + 2 * m)),
        ):
            d = 1 + coefficient * d
            d = 1 / (tiny if abs(d) < tiny else d)
            c = 1 + coefficient / c
            c = tiny if abs(c) < tiny else c
            delta = d * c
            h *= delta
        if abs(delta - 1) < eps:
            return h
    raise RuntimeError(f"continued fraction did not converge: a={a}, b={b}, x={x}")


def incomplete_beta(a, b, x, y):
    """(I_x(a, b), 1 − I_x(a, b)) for exact mpf arguments with x + y = 1."""
    if x == 0:
        return mp.mpf(0), mp.mpf(1)
    if y == 0:
        return mp.mpf(1), mp.mpf(0)

    def direct(a, b, x, y):
        log_beta = mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)
        return mp.exp(a * mp.log(x) + b * mp.log(y) - log_beta) * continued_fraction(a, b, x) / a

    if x < (a + 1) / (a + b + 2):
        lower = direct(a, b, x, y)
        return lower, 1 - lower
    upper = direct(b, a, y, x)
    return 1 - upper, upper


def exact_t(t, nu):
    """(P(T ≤ t), P(T > t)) for t ≥ 0."""
    t, nu = mp.mpf(t), mp.mpf(nu)
    if t == 0:
        return mp.mpf(1) / 2, mp.mpf(1) / 2
    lower, _ = incomplete_beta(nu / 2, mp.mpf(1) / 2, nu / (nu + t * t), t * t / (nu + t * t))
    return 1 - lower / 2, lower / 2


def exact_f(f, d1, d2):
    """(P(F ≤ f), P(F > f))."""
    f, d1, d2 = mp.mpf(f), mp.mpf(d1), mp.mpf(d2)
    return incomplete_beta(d1 / 2, d2 / 2, d1 * f / (d1 * f + d2), d2 / (d1 * f + d2))


def check_against_closed_forms():
    """Stops unless the continued fraction matches closed forms to 60 digits."""
    def require(label, value, closed):
        if abs(value - closed) > mp.mpf(10) ** -60 * abs(closed):
            raise SystemExit(f"reference evaluation is off for {label}: {value} vs {closed}")

    for t in TS:
        t_ = mp.mpf(t)
        require(f"t.sf({t}, 1)", exact_t(t, 1)[1], 1 / mp.mpf(2) - mp.atan(t_) / mp.pi)
        require(f"t.sf({t}, 2)", exact_t(t, 2)[1], (1 - t_ / mp.sqrt(t_ * t_ + 2)) / 2)
    for d1 in (d for d in D1S if d % 2 == 0):
        for d2 in D2S:
            for f in FS:
                # P(F > f) = I_y(d₂/2, m) = yᵃ Σ_{j<m} (a)_j xʲ / j!  for integer m = d₁/2.
                f_, a, m = mp.mpf(f), mp.mpf(d2) / 2, d1 // 2
                x, y = d1 * f_ / (d1 * f_ + d2), d2 / (d1 * f_ + d2)
                closed = y**a * mp.fsum(mp.rf(a, j) / mp.factorial(j) * x**j for j in range(m))
                require(f"f.sf({f}, {d1}, {d2})", exact_f(f, d1, d2)[1], closed)


def relative_difference(value, exact):
    if value == exact:
        return 0.0
    if exact == 0.0:
        return float("inf")
    return abs(value - exact) / abs(exact)


def literal(value):
    return repr(float(value))


def main():
    check_against_closed_forms()
    worst = {}

    def compare(table, label, scipy_value, exact):
        difference = relative_difference(float(scipy_value), exact)
        if difference > worst.get(table, (0.0, ""))[0]:
            worst[table] = (difference, label)

    t_rows = []
    for nu in NUS:
        for t in TS:
            cdf, sf = (float(v) for v in exact_t(t, nu))
            compare("t", f"t.cdf({t}, {nu})", stats.t.cdf(t, nu), cdf)
            compare("t", f"t.sf({t}, {nu})", stats.t.sf(t, nu), sf)
            t_rows.append((t, nu, cdf, sf))

    f_rows = []
    for d1 in D1S:
        for d2 in D2S:
            for f in FS:
                cdf, sf = (float(v) for v in exact_f(f, d1, d2))
                compare("F", f"f.cdf({f}, {d1}, {d2})", stats.f.cdf(f, d1, d2), cdf)
                compare("F", f"f.sf({f}, {d1}, {d2})", stats.f.sf(f, d1, d2), sf)
                f_rows.append((f, d1, d2, cdf, sf))

    for table, (difference, label) in worst.items():
        print(f"{table}: largest scipy-vs-exact relative difference {difference:.2g} ({label})",
              file=sys.stderr)

    versions = f"scipy {scipy.__version__}, numpy {np.__version__}, mpmath {mp.__version__}"
    t_worst = worst["t"]
    f_worst = worst["F"]
    print(f"""// Generated by Tests/ForecastTests/Fixtures/scipy/make_tail_grid_reference.py; do not edit.
// {versions}.
//
// Exact tails rounded to double (80-digit incomplete beta function, mpmath). scipy.stats
// agrees with them to {t_worst[0]:.2g} relative on the t grid (worst {t_worst[1]}) and to
// {f_worst[0]:.2g} on the F grid (worst {f_worst[1]}).

extension Reference {{
  // (t, ν, P(T ≤ t), P(T > t))
  static let studentTGrid: [(Double, Double, Double, Double)] = [""")
    for row in t_rows:
        print("    (" + ", ".join(literal(v) for v in row) + "),")
    print("""  ]

  // (f, d₁, d₂, P(F ≤ f), P(F > f))
  static let fisherFGrid: [(Double, Double, Double, Double, Double)] = [""")
    for row in f_rows:
        print("    (" + ", ".join(literal(v) for v in row) + "),")
    print("""  ]
}""")


if __name__ == "__main__":
    main()
