#!/usr/bin/env python3
"""Reference p values for the NIST Norris data (y ~ x, 36 rows, 34 residual df).

Rerun from the package root with:

    python3 Tests/ForecastTests/Fixtures/statsmodels/make_norris_reference.py

It reads Tests/ForecastTests/Fixtures/nist/Norris.csv and Norris.json and writes
Tests/ForecastTests/Fixtures/statsmodels/norris.json with:

- `statsmodels`: ols('y ~ x').fit(): params, bse, tvalues, pvalues, fvalue, f_pvalue.
- `certified`: the t statistics of NIST's certified estimates and standard errors
  (estimate / standard error) and the F statistic of the certified ANOVA, with their
  p values from scipy.stats (2 t.sf(|t|, 34), f.sf(F, 1, 34)) and exactly (80-digit
  incomplete beta function, from ../scipy/make_tail_grid_reference.py).

The slope's t is about 2332, so its p value is about 5e-90: the case where the t tail
for more than 30 degrees of freedom came out negative. Floats are written with repr
(exact round trip).
"""

import json
import platform
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
import statsmodels
import statsmodels.formula.api as smf
from scipy import stats

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE.parent / "scipy"))
from make_tail_grid_reference import exact_f, exact_t  # noqa: E402

NIST = HERE.parent / "nist"
OUT = HERE / "norris.json"
TERMS = ["Intercept", "x"]


def floats(series):
    return [float(series[name]) for name in TERMS]


def main():
    data = pd.read_csv(NIST / "Norris.csv")
    fit = smf.ols("y ~ x", data).fit()
    certificate = json.loads((NIST / "Norris.json").read_text())["certified"]
    df_resid = float(fit.df_resid)
    t_certified = [p / s for p, s in zip(certificate["parameters"], certificate["std_errors"])]
    f_certified = certificate["anova"]["regression"]["f_statistic"]

    document = {
        "description": (
            "p values for NIST Norris, ols('y ~ x'): statsmodels' fit, and the p values of "
            "NIST's certified t and F statistics from scipy and exactly (80 digits)."
        ),
        "generator": "Tests/ForecastTests/Fixtures/statsmodels/make_norris_reference.py",
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "pandas": pd.__version__,
            "statsmodels": statsmodels.__version__,
        },
        "terms": TERMS,
        "df_resid": df_resid,
        "statsmodels": {
            "params": floats(fit.params),
            "bse": floats(fit.bse),
            "tvalues": floats(fit.tvalues),
            "pvalues": floats(fit.pvalues),
            "fvalue": float(fit.fvalue),
            "f_pvalue": float(fit.f_pvalue),
        },
        "certified": {
            "tvalues": t_certified,
            "pvalues_scipy": [float(2 * stats.t.sf(abs(t), df_resid)) for t in t_certified],
            "pvalues_exact": [float(2 * exact_t(abs(t), df_resid)[1]) for t in t_certified],
            "fvalue": f_certified,
            "f_pvalue_scipy": float(stats.f.sf(f_certified, 1, df_resid)),
            "f_pvalue_exact": float(exact_f(f_certified, 1, df_resid)[1]),
        },
    }
    OUT.write_text(json.dumps(document, indent=2, allow_nan=False) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    sys.exit(main())
