#!/usr/bin/env python3
"""Reference values from statsmodels for the NIST Longley data.

Rerun from the package root with:

    python3 Tests/ForecastTests/Fixtures/statsmodels/make_longley_reference.py

It reads Tests/ForecastTests/Fixtures/nist/Longley.csv (columns y,x1..x6) and
writes Tests/ForecastTests/Fixtures/statsmodels/longley.json. Floats are
written by Python's json module, which uses repr(float): the shortest decimal
string that round-trips to the same IEEE double (at most 17 significant
digits), so the JSON holds exactly the doubles statsmodels computed.

These are reference values for tests only; nothing here is a runtime
dependency of the Swift package.
"""

import json
import math
import platform
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
import statsmodels
import statsmodels.api as sm
import statsmodels.formula.api as smf
from statsmodels.stats.stattools import durbin_watson, jarque_bera

HERE = Path(__file__).resolve().parent
CSV = HERE.parent / "nist" / "Longley.csv"
OUT = HERE / "longley.json"

FORMULA = "y ~ x1 + x2 + x3 + x4 + x5 + x6"
TERMS = ["Intercept", "x1", "x2", "x3", "x4", "x5", "x6"]
COV_TYPES = ["nonrobust", "HC0", "HC1", "HC2", "HC3"]
ALPHA = 0.05


def floats(values):
    """A list of Python floats in TERMS order (repr-exact when dumped)."""
    return [float(v) for v in np.asarray(values, dtype=float).ravel()]


def by_term(series):
    return floats([series[name] for name in TERMS])


def scalar(value):
    value = float(np.asarray(value).squeeze())
    if not math.isfinite(value):
        raise ValueError(f"non-finite value {value!r}")
    return value


def covariance_block(result):
    ci = result.conf_int(alpha=ALPHA)
    return {
        "use_t": bool(result.use_t),
        "params": by_term(result.params),
        "bse": by_term(result.bse),
        "tvalues": by_term(result.tvalues),
        "pvalues": by_term(result.pvalues),
        "fvalue": scalar(result.fvalue),
        "f_pvalue": scalar(result.f_pvalue),
        "conf_int_lower": floats([ci.loc[name, 0] for name in TERMS]),
        "conf_int_upper": floats([ci.loc[name, 1] for name in TERMS]),
        "cov_params": [by_term(result.cov_params().loc[row]) for row in TERMS],
    }


def main():
    data = pd.read_csv(CSV)
    model = smf.ols(FORMULA, data)
    # Forecast reports Student-t p values for every covariance type (as R's coeftest on lm);
    # statsmodels uses the normal for HC types unless asked, so it is asked with use_t=True.
    fits = {cov: model.fit(cov_type=cov, use_t=True) for cov in COV_TYPES}
    ols = fits["nonrobust"]

    residuals = np.asarray(ols.resid)
    jb_stat, jb_p, skew, kurtosis = jarque_bera(residuals)

    model_level = {
        "nobs": scalar(ols.nobs),
        "df_resid": scalar(ols.df_resid),
        "df_model": scalar(ols.df_model),
        "rsquared": scalar(ols.rsquared),
        "rsquared_adj": scalar(ols.rsquared_adj),
        "llf": scalar(ols.llf),
        "aic": scalar(ols.aic),
        "bic": scalar(ols.bic),
        "condition_number": scalar(ols.condition_number),
        "mse_resid": scalar(ols.mse_resid),
        "ssr": scalar(ols.ssr),
        "centered_tss": scalar(ols.centered_tss),
        "durbin_watson": scalar(durbin_watson(residuals)),
        "jarque_bera": {"stat": scalar(jb_stat), "pvalue": scalar(jb_p)},
        "skew": scalar(skew),
        "kurtosis": scalar(kurtosis),
    }

    columns = ["x1", "x2", "x3", "x4", "x5", "x6"]
    first_row = data.loc[0, columns].astype(float)
    column_means = data[columns].mean()
    new_rows = pd.DataFrame([first_row, column_means], columns=columns)
    new_rows.index = ["first_row", "column_means"]
    frame = ols.get_prediction(new_rows).summary_frame(alpha=ALPHA)
    frame.index = new_rows.index
    prediction = {
        "alpha": ALPHA,
        "rows": [
            {
                "name": name,
                "x": floats(new_rows.loc[name, columns]),
                "mean": scalar(frame.loc[name, "mean"]),
                "mean_se": scalar(frame.loc[name, "mean_se"]),
                "mean_ci_lower": scalar(frame.loc[name, "mean_ci_lower"]),
                "mean_ci_upper": scalar(frame.loc[name, "mean_ci_upper"]),
                "obs_ci_lower": scalar(frame.loc[name, "obs_ci_lower"]),
                "obs_ci_upper": scalar(frame.loc[name, "obs_ci_upper"]),
            }
            for name in new_rows.index
        ],
    }

    weights = data["x6"] - 1940
    if not (weights > 0).all():
        raise ValueError("WLS weights must be positive")
    wls = smf.wls(FORMULA, data, weights=weights).fit()
    wls_block = {
        "weights": "x6 - 1940",
        "weight_values": floats(weights),
        "params": by_term(wls.params),
        "bse": by_term(wls.bse),
        "rsquared": scalar(wls.rsquared),
        "llf": scalar(wls.llf),
        "aic": scalar(wls.aic),
        "bic": scalar(wls.bic),
        "fvalue": scalar(wls.fvalue),
    }

    document = {
        "description": (
            "statsmodels reference values for NIST Longley, "
            "ols('" + FORMULA + "'). For HC covariance types statsmodels "
            "computes fvalue as the Wald statistic of all slopes = 0 with the "
            "robust covariance, divided by df_model, and f_pvalue from "
            "F(df_model, df_resid); for those types use_t is false, so "
            "pvalues and conf_int use the standard normal, not t(df_resid)."
        ),
        "generator": "Tests/ForecastTests/Fixtures/statsmodels/make_longley_reference.py",
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "pandas": pd.__version__,
            "statsmodels": statsmodels.__version__,
        },
        "formula": FORMULA,
        "terms": TERMS,
        "model": model_level,
        "covariance": {cov: covariance_block(fit) for cov, fit in fits.items()},
        "prediction": prediction,
        "wls": wls_block,
    }
    OUT.write_text(json.dumps(document, indent=2, allow_nan=False) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    sys.exit(main())
