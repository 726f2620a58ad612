#!/usr/bin/env python3
"""The model of Scenarios/china-baseline.toml (MODEL.md 2-7) in vectorised numpy: the peer of
`simulate run` in the Monte Carlo benchmark (Benchmarks/montecarlo.py).

The same algorithm as Forecast, written the way a numpy user would: every quantity of a year is
an array with one column per path (C columns), parameters broadcast from one column where they
are shared, and the only Python loops run over years, tracks and sectors, never over paths.

  - scenario: the file with its `extends` chain merged (MODEL.md 8);
  - data: the scenario's CSV series times `scale`, years after base_year dropped;
  - drivers: `ug_rate` (logit(enroll_total / lag(births, 18)) ~ I(year - 2025)) and `pg_share`
    (enroll_pg / grads_bzk ~ 1) fitted by OLS over their fit years (`years` or `window`),
    covariance s^2 (X'X)^-1 (statsmodels' nonrobust), `anchor = "last"` adding the last fit
    year's residual (with each path's coefficients) to every projection year; `values` drivers
    interpolated, flat outside;
  - calibration: each track's own OLS without intercept of its graduates on its intake lagged
    by its duration, then the joint `[calibrate]` of the remaining tracks on total graduates
    minus the own tracks' series; completion = yield / product of the progression rates;
  - per path (P > 1): model coefficients from N(beta_hat, Cov) once, residual noise
    N(0, s^2) each projection year in the transformed scale, then back-transformed; per
    calibration sigma^2 = s^2 df / chi2_df and the yields from N(y_hat, (sigma/s)^2 Cov) once,
    and each projection year's residual as the factor max(0, 1 + sigma e / G) on the
    calibrated tracks' completion, G their central graduates at the path's yields (MODEL.md
    3, 7); numpy's default generator (PCG64), not Philox, so the paths differ from Forecast's
    but not in law;
  - shocks (a sweep's grid points, a sensitivity design's points): `set`, `scale` or `add`
    from base_year + 1 on, one value per point, on drivers (after their noise) and on entry
    rates, continuation shares and sector parameters, then clamped to their domains;
  - cohort state n x C advanced year by year (x(t+1) = A x(t) + intakes, MODEL.md 3),
    demand per sector (MODEL.md 4), matching (MODEL.md 5) on (fields, sectors, C) arrays,
    balance metrics per path, then means and type-7 quantiles per year and metric.

The model formulas are written out below (this is not a formula parser); the scenario's
formula strings must be the ones written here, else the script stops.

Usage:
  montecarlo_numpy.py run SCENARIO [--paths P] [--seed S] [--tables fan|balance]
      the fan (or balance) table as CSV on standard output;
  montecarlo_numpy.py sweep SCENARIO --paths P --grid AxB [--out FILE] [--chunk COLUMNS]
      the fan table of every point of the grid of `set` shocks from base_year + 1 of
      sectors.ai_trainer.growth (A values i/100) and tracks.undergraduate.entry.rate
      (B values (60 + j)/100), growth varying slowest, all points on the same
      draws (common random numbers), as CSV into FILE.
Each prints one JSON line of timings and memory on standard error.
"""
import time

STARTED = time.perf_counter()

import csv, json, os, sys, tomllib  # noqa: E402

import numpy as np  # noqa: E402

IMPORTED = time.perf_counter()

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
METRICS = ("graduates", "new_supply", "capacity", "placed", "unplaced", "vacancies", "coverage")
SWEEP_TARGETS = ("sectors.ai_trainer.growth", "tracks.undergraduate.entry.rate")


def logit(x):
    return np.log(x / (1 - x))


def inv_logit(x):
    return 1 / (1 + np.exp(-x))


# The model formulas of china-baseline, written out: response(data, year), regressors(year),
# back-transform of the response's outer function.
FORMULAS = {
    "logit(enroll_total / lag(births, 18)) ~ I(year - 2025)": (
        lambda d, t: logit(d["enroll_total"][t] / d["births"][t - 18]),
        lambda t: [1.0, t - 2025.0],
        inv_logit,
    ),
    "enroll_pg / grads_bzk ~ 1": (
        lambda d, t: d["enroll_pg"][t] / d["grads_bzk"][t],
        lambda t: [1.0],
        lambda x: x,
    ),
}


def vm_kb(field):
    """VmRSS or VmHWM of this process, in KiB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def ols(x, y):
    """beta_hat, its covariance s^2 (X'X)^-1 (from R of a QR, never X'X) and s."""
    q, r = np.linalg.qr(x)
    beta = np.linalg.solve(r, q.T @ y)
    resid = y - x @ beta
    df = len(y) - x.shape[1]
    s2 = resid @ resid / df
    r_inv = np.linalg.inv(r)
    return beta, s2 * (r_inv @ r_inv.T), np.sqrt(s2)


def interpolate(points, t):
    years = sorted(points)
    if t <= years[0]:
        return points[years[0]]
    if t >= years[-1]:
        return points[years[-1]]
    for a, b in zip(years, years[1:]):
        if a <= t <= b:
            return points[a] + (t - a) / (b - a) * (points[b] - points[a])


def load_scenario(path):
    """A scenario file with its `extends` chain merged (MODEL.md 8): tables merge key by key,
    tracks and sectors by name, shocks, expectations and uncertain entries are appended, and a
    driver that names a form key drops the base driver's other form keys. Every data file is
    made absolute against the file that names it."""
    with open(path, "rb") as f:
        sc = tomllib.load(f)
    here = os.path.dirname(os.path.abspath(path))
    for spec in sc.get("data", {}).values():
        if "file" in spec:
            spec["file"] = os.path.join(here, spec["file"])
    parent = sc.pop("extends", None)
    if parent is None:
        return sc
    return merge(load_scenario(os.path.join(here, parent)), sc)


FORM_KEYS = ("constant", "values", "start", "growth", "model")
NAMED_LISTS = ("tracks", "sectors")
APPENDED_LISTS = ("shocks", "expect", "uncertain")


def merge(base, extension, path=()):
    out = dict(base)
    for key, value in extension.items():
        old = out.get(key)
        if path == () and key in NAMED_LISTS and old is not None:
            merged = list(old)
            for item in value:
                names = [x["name"] for x in merged]
                if item["name"] in names:
                    i = names.index(item["name"])
                    merged[i] = merge(merged[i], item, path + (key,))
                else:
                    merged.append(item)
            out[key] = merged
        elif path == () and key in APPENDED_LISTS and old is not None:
            out[key] = list(old) + list(value)
        elif isinstance(old, dict) and isinstance(value, dict):
            if path == ("drivers",) and any(k in value for k in FORM_KEYS):
                old = {k: v for k, v in old.items() if k not in FORM_KEYS}
            out[key] = merge(old, value, path + (key,))
        else:
            out[key] = value
    return out


def fit_years(spec, base):
    """A fit's years: `years = [y0, y1]` or `window = n` (the n years up to base_year)."""
    if "window" in spec:
        return range(base - spec["window"] + 1, base + 1)
    return range(spec["years"][0], spec["years"][1] + 1)


# The domains shocked and drawn values are clamped to (MODEL.md 7).
DOMAINS = {"rate": (0.0, 1.0), "share": (0.0, 1.0), "replacement": (0.0, 1.0),
           "graduate_share": (0.0, 1.0), "growth": (-1.0, np.inf)}


def shocked(values, shock, columns=None):
    """values (H x C or H x 1) after a shock (op, per-column values or a number), from
    base_year + 1 on."""
    if shock is None:
        return values
    op, x = shock
    x = np.asarray(x, dtype=float)
    if op == "set":
        return np.broadcast_to(x, (values.shape[0],) + x.shape)
    if op == "scale":
        return values * x
    if op == "add":
        return values + x
    raise SystemExit(f"montecarlo_numpy: unknown shock op '{op}'")


class Model:
    """The scenario read and fitted: everything that is the same on every path."""

    def __init__(self, path):
        sc = load_scenario(path)
        info = sc["scenario"]
        self.base = base = info["base_year"]
        self.horizon = info["horizon"]
        self.seed = info.get("seed", 0)
        self.paths = info.get("paths", 1)
        self.years = np.arange(base + 1, base + self.horizon + 1)
        self.uncertain = sc.get("uncertain", [])
        if sc.get("shocks"):
            raise SystemExit("montecarlo_numpy: the scenario's own [[shocks]] are not implemented")

        # Data series (MODEL.md 1): a column times its scale, years after base_year dropped.
        files = {}
        self.data = {}
        for name, spec in sc["data"].items():
            if spec.get("projected"):
                raise SystemExit(f"montecarlo_numpy: projected series '{name}' is not implemented")
            file = spec["file"]
            if file not in files:
                with open(file, newline="") as f:
                    files[file] = list(csv.DictReader(f))
            scale = spec.get("scale", 1)
            self.data[name] = {
                int(row["year"]): float(row[spec["column"]]) * scale
                for row in files[file]
                if row[spec["column"]].strip() != "" and int(row["year"]) <= base
            }

        # Drivers (MODEL.md 2): closed forms by projection year; models fitted, anchored.
        self.drivers = {}
        self.models = {}
        for name, spec in sc["drivers"].items():
            if "sd" in spec:
                raise SystemExit(f"montecarlo_numpy: driver '{name}': sd is not implemented")
            if "model" in spec:
                if spec["model"] not in FORMULAS:
                    raise SystemExit(f"montecarlo_numpy: no numpy form of '{spec['model']}'")
                response, regressors, back = FORMULAS[spec["model"]]
                years = [t for t in fit_years(spec, base) if self.has_response(response, t)]
                x = np.array([regressors(t) for t in years])
                y = np.array([response(self.data, t) for t in years])
                beta, cov, sigma = ols(x, y)
                x_proj = np.array([regressors(t) for t in self.years])
                # anchor = "last": r (1 - d)^(t - t_a) added before noise and back-transform,
                # r = z(t_a) - x(t_a)'beta with each path's beta.
                anchor = None
                if spec.get("anchor") == "last":
                    decay = spec.get("anchor_decay", 0.0)
                    anchor = (x[-1], y[-1], (1 - decay) ** (self.years - years[-1]))
                elif "anchor" in spec:
                    raise SystemExit(f"montecarlo_numpy: anchor '{spec['anchor']}' is not implemented")
                self.models[name] = (beta, cov, sigma, x_proj, back, anchor)
            elif "values" in spec:
                points = {int(k): v for k, v in spec["values"].items()}
                self.drivers[name] = np.array([interpolate(points, t) for t in self.years])
            elif "constant" in spec:
                self.drivers[name] = np.full(self.horizon, float(spec["constant"]))
            else:
                g, x0 = spec["growth"], spec["start"]
                self.drivers[name] = x0 * (1 + g) ** (self.years - base)

        # Tracks (MODEL.md 3).
        self.tracks = sc["tracks"]
        self.names = [k["name"] for k in self.tracks]
        self.start = max(min(self.data[k["intake"]]) for k in self.tracks)
        self.offsets = np.cumsum([0] + [k["duration"] for k in self.tracks])[:-1]
        self.n = sum(k["duration"] for k in self.tracks)
        for k in self.tracks:
            if not all(isinstance(p, (int, float)) for p in k["progression"]):
                raise SystemExit("montecarlo_numpy: progression rates must be numbers")
            if "intake_driver" in k:
                raise SystemExit("montecarlo_numpy: intake_driver is not implemented")
        self.fields = []
        for k in self.tracks:
            for f in k["fields"]:
                if f not in self.fields:
                    self.fields.append(f)
        self.phi = np.array([[k["fields"].get(f, 0.0) for k in self.tracks] for f in self.fields])
        a = np.zeros((self.n, self.n))  # progression; intakes are set row by row
        for k, track in zip(self.offsets, self.tracks):
            for j, p in enumerate(track["progression"]):
                a[k + j + 1, k + j] = p
        self.transition = a
        self.last_rows = np.array([o + k["duration"] - 1 for o, k in zip(self.offsets, self.tracks)])
        self.survival = sc.get("population", {}).get("survival", 1.0)
        self.births = sc.get("population", {}).get("births")

        # Calibration (MODEL.md 3): each track's own fit G_k(t) = y_k I_k(t - L_k), then the
        # joint [calibrate] of the remaining tracks on total graduates minus the own tracks'
        # series; no intercept. completion = yield / product of the progression rates.
        self.completion = np.array([float(k["completion"]) for k in self.tracks])
        self.calibrations = []  # (name, track indices, yields, cov, sigma, df, products)
        own = []
        for k, track in enumerate(self.tracks):
            if "calibrate" in track:
                series = self.data[track["calibrate"]["graduates"]]
                self.calibrate(f"tracks.{track['name']}.calibrate", [k], series, [],
                               fit_years(track["calibrate"], base))
                own.append(series)
        if "calibrate" in sc:
            cal = sc["calibrate"]
            remaining = [k for k, t in enumerate(self.tracks) if "calibrate" not in t]
            self.calibrate("calibrate", remaining, self.data[cal["graduates"]], own,
                           fit_years(cal, base))

        # Sectors (MODEL.md 4) and eligibility (MODEL.md 5).
        self.sectors = sc["sectors"]
        self.sector_names = [s["name"] for s in self.sectors]
        if any("capacity" in s for s in self.sectors):
            raise SystemExit("montecarlo_numpy: capacity sectors are not implemented")
        self.eligibility = np.array(
            [[s["eligibility"].get(f, 0.0) for s in self.sectors] for f in self.fields])

    def has_response(self, response, t):
        try:
            return np.isfinite(response(self.data, t))
        except KeyError:
            return False

    def calibrate(self, name, tracks, series, subtracting, years):
        x, y = [], []
        for t in years:
            lagged = [self.data[self.tracks[k]["intake"]].get(t - self.tracks[k]["duration"])
                      for k in tracks]
            others = [s.get(t) for s in subtracting]
            if t not in series or None in lagged or None in others:
                continue
            x.append(lagged)
            y.append(series[t] - sum(others))
        yields, cov, sigma = ols(np.array(x), np.array(y))
        products = np.array([np.prod(self.tracks[k]["progression"]) for k in tracks])
        self.completion[tracks] = yields / products
        self.calibrations.append((name, tracks, yields, cov, sigma, len(y) - len(tracks), products))

    def parameter(self, value):
        """A number or a closed-form driver's name, as H x 1 (one value per projection year)."""
        if isinstance(value, str):
            return self.drivers[value][:, None]
        return np.full((self.horizon, 1), float(value))

    def draws(self, paths, rng):
        """The standard normals of `paths` paths, None for a deterministic run: per model
        driver its coefficients (k x P) and yearly residuals (H x P); per calibration the
        normals of its sigma draw (df x P), its yields (k x P) and its yearly residuals (H x P)."""
        if paths == 1:
            return None
        out = {name: (rng.standard_normal((len(m[0]), paths)),
                      rng.standard_normal((self.horizon, paths)))
               for name, m in self.models.items()}
        for name, tracks, _, _, _, df, _ in self.calibrations:
            out[name] = (rng.standard_normal((df, paths)),
                         rng.standard_normal((len(tracks), paths)),
                         rng.standard_normal((self.horizon, paths)))
        return out

    def model_values(self, name, draws):
        """A model driver by projection year and path (H x P), or H x 1 without draws."""
        beta, cov, sigma, x_proj, back, anchor = self.models[name]
        if draws is None:
            eta = (x_proj @ beta)[:, None]
            if anchor is not None:
                x_a, z_a, decay = anchor
                eta = eta + ((z_a - x_a @ beta) * decay)[:, None]
            return back(eta)
        z_coef, z_resid = draws[name]
        lower = np.linalg.cholesky(cov)
        coefficients = beta[:, None] + lower @ z_coef
        eta = x_proj @ coefficients + sigma * z_resid
        if anchor is not None:
            x_a, z_a, decay = anchor
            eta += decay[:, None] * (z_a - x_a @ coefficients)[None, :]
        return back(eta)

    def completions(self, draws, central):
        """The completion of every track by projection year (H x K x C): the calibrated one,
        and on a stochastic run each calibration's drawn yields and residuals (MODEL.md 3, 7):
        sigma_p^2 = sigma^2 df / chi2_p, y_p = y + (sigma_p / sigma) L z_p, and the factor
        max(0, 1 + sigma_p e_t,p / G_p(t)) with G_p(t) the central graduates of the fit's
        tracks at the path's yields. `central`: those graduates, H x K x C."""
        c = np.broadcast_to(self.completion[None, :, None], (self.horizon, len(self.tracks), 1))
        if draws is None or not self.calibrations:
            return c
        points = central.shape[-1] // next(iter(draws.values()))[0].shape[-1]
        c = np.repeat(c, central.shape[-1], axis=2)
        for name, tracks, yields, cov, sigma_hat, df, products in self.calibrations:
            z_chi, z_coef, z_resid = (np.tile(z, points) for z in draws[name])
            sigma = sigma_hat * np.sqrt(df / (z_chi ** 2).sum(axis=0))  # C
            lower = np.linalg.cholesky(cov)
            drawn = yields[:, None] + (sigma / sigma_hat)[None, :] * (lower @ z_coef)  # k x C
            scale = sum(central[:, k] * drawn[i] / yields[i]
                        for i, k in enumerate(tracks) if yields[i] != 0)  # H x C
            with np.errstate(invalid="ignore", divide="ignore"):
                factor = np.where(scale > 0, np.maximum(0, 1 + sigma * z_resid / scale), 1.0)
            for i, k in enumerate(tracks):
                c[:, k] = drawn[i] / products[i] * factor
        return c

    def value(self, spec, draws, points, shocks, target, domain):
        """A parameter (number or driver name) by projection year, H x C or H x 1, after its
        driver's shock (`drivers.D` in `shocks`) and its own (`target`), clamped to `domain`."""
        if isinstance(spec, str) and spec in self.models:
            values = self.model_values(spec, draws)
            if draws is not None and points > 1:
                values = np.tile(values, points)
        else:
            values = self.parameter(spec)
        if isinstance(spec, str):
            values = shocked(values, shocks.get(f"drivers.{spec}"))
        shock = shocks.get(target)
        values = shocked(values, shock)
        if shock is not None or isinstance(spec, str):
            values = np.clip(values, *DOMAINS[domain])
        return values

    def simulate(self, paths, draws, points=1, shocks=None, central=None):
        """The balance metrics, 7 x H x C, and the graduates by track, H x K x C, of `points`
        design points of `paths` paths each, C = points x paths columns, point varying slowest,
        every point on the same draws. `shocks`: {target: (op, values)} with one value per
        point (or a number), from base_year + 1 on, after the scenario's own; `central`: the
        graduates by track of the same points without draws (H x K x points), which the
        calibration's residuals scale with (computed when not given)."""
        base, h = self.base, self.horizon
        k_count = len(self.tracks)
        columns = points * paths
        if draws is not None and self.calibrations and central is None:
            central = self.simulate(1, None, points, shocks)[1]
        if central is not None and paths > 1:
            central = np.repeat(central, paths, axis=2)
        shocks = {target: (op, np.repeat(np.asarray(x, dtype=float), paths) if np.ndim(x) else x)
                  for target, (op, x) in (shocks or {}).items()}
        # Parameters by projection year (H x C or H x 1).
        intake_rows = {}
        share_rows = {}
        for k, track in enumerate(self.tracks):
            prefix = f"tracks.{track['name']}"
            if "entry" in track:
                rate = self.value(track["entry"]["rate"], draws, points, shocks,
                                  prefix + ".entry.rate", "rate")
                age = track["entry"]["age"]
                births = np.array([self.data[self.births][t - age] for t in self.years])[:, None]
                intake_rows[k] = births * self.survival * rate
            elif "continuation" in track:
                src = self.names.index(track["continuation"]["from"])
                share_rows[k] = (src, self.value(track["continuation"]["share"], draws, points,
                                                 shocks, prefix + ".continuation.share", "share"))
        completion = self.completions(draws, central)

        # Cohort engine (MODEL.md 3): start-year intakes, then x(t+1) = A x(t) + intakes.
        state = np.zeros((self.n, columns))
        for k, track in enumerate(self.tracks):
            state[self.offsets[k]] = self.data[track["intake"]][self.start]
        graduates = np.empty((h, k_count, columns))
        continuing_share = np.zeros((h, k_count, columns))
        for t in range(self.start + 1, base + h + 1):
            if t <= base:
                state = self.transition @ state
                for k, track in enumerate(self.tracks):
                    state[self.offsets[k]] = self.data[track["intake"]][t]
                continue
            i = t - base - 1
            g = completion[i] * state[self.last_rows]
            state = self.transition @ state
            for k in intake_rows:
                state[self.offsets[k]] = intake_rows[k][i]
            for k, (src, share) in share_rows.items():
                state[self.offsets[k]] = share[i] * g[src]
                continuing_share[i, src] += share[i]
            graduates[i] = g

        # New supply by field, H x F x C.
        by_field = self.phi @ (graduates * (1 - continuing_share))

        # Demand (MODEL.md 4): per sector, parameters by year (H x C, or H x 1 when shared).
        def sector_value(s, key):
            return self.value(s[key], draws, points, shocks, f"sectors.{s['name']}.{key}", key)
        growth = [sector_value(s, "growth") for s in self.sectors]
        replacement = [sector_value(s, "replacement") for s in self.sectors]
        share = [sector_value(s, "graduate_share") for s in self.sectors]
        employment = [np.array([float(s["employment"])]) for s in self.sectors]

        # Matching (MODEL.md 5) and the balance metrics, year by year.
        e = self.eligibility[:, :, None]  # F x S x 1
        balance = np.empty((len(METRICS), h, columns))
        capacity = np.empty((len(self.sectors), columns))
        for i in range(h):
            for s in range(len(self.sectors)):
                previous = employment[s]
                current = previous * (1 + growth[s][i])
                capacity[s] = share[s][i] * (np.maximum(current - previous, 0)
                                             + replacement[s][i] * previous)
                employment[s] = current
            if (capacity < 0).any():
                raise SystemExit(f"montecarlo_numpy: negative capacity in {base + i + 1}")
            supply = by_field[i]  # F x C
            eligible = self.eligibility.T @ supply  # S x C
            taken = np.minimum(capacity, eligible)
            with np.errstate(invalid="ignore", divide="ignore"):
                ratio = np.where(eligible > 0, taken / eligible, 0.0)
            placements = e * supply[:, None, :] * ratio[None, :, :]  # F x S x C
            claimed = placements.sum(axis=1)  # F x C
            with np.errstate(invalid="ignore", divide="ignore"):
                scale = np.where(claimed > supply, supply / claimed, 1.0)
            placements *= scale[:, None, :]
            by_sector = placements.sum(axis=0)  # S x C
            left = capacity - by_sector
            n = supply.sum(axis=0)
            d = capacity.sum(axis=0)
            placed = by_sector.sum(axis=0)
            balance[0, i] = graduates[i].sum(axis=0)
            balance[1, i] = n
            balance[2, i] = d
            balance[3, i] = placed
            balance[4, i] = n - placed
            balance[5, i] = np.where(left > 1e-12 * capacity, left, 0.0).sum(axis=0)
            with np.errstate(invalid="ignore", divide="ignore"):
                balance[6, i] = np.where(n == 0, np.nan, d / n)
        return balance, graduates


def fan(balance):
    """Mean and type-7 quantiles over the last axis: (..., 1 + len(QUANTILES))."""
    mean = balance.mean(axis=-1)
    q = np.quantile(balance, QUANTILES, axis=-1, method="linear")
    return np.concatenate([mean[..., None], np.moveaxis(q, 0, -1)], axis=-1)


def run(model, paths, seed):
    """The balance metrics (7 x H x P) of a run of `paths` paths."""
    draws = model.draws(paths, np.random.default_rng(seed))
    return model.simulate(paths, draws)[0]


def fan_rows(model, balance):
    """The fan table's rows: year, metric, mean, quantiles."""
    table = fan(balance)  # 7 x H x 6
    return [[int(t), m] + [repr(float(v)) for v in table[j, i]]
            for i, t in enumerate(model.years) for j, m in enumerate(METRICS)]


def balance_rows(model, balance):
    means = balance.mean(axis=-1)  # 7 x H
    return [[int(t)] + [repr(float(v)) for v in means[:, i]] for i, t in enumerate(model.years)]


def sweep_grid(shape):
    """The grid's (ai_trainer growth, undergraduate entry rate) pairs, growth varying slowest."""
    a, b = shape
    return [(i / 100, (60 + j) / 100) for i in range(a) for j in range(b)]


def sweep(model, paths, seed, grid, chunk_columns):
    """Fan tables of every grid point, G x 7 x H x 6, all points on the same draws."""
    draws = model.draws(paths, np.random.default_rng(seed))
    per_chunk = max(1, chunk_columns // paths)
    out = np.empty((len(grid), len(METRICS), model.horizon, 1 + len(QUANTILES)))
    for first in range(0, len(grid), per_chunk):
        points = grid[first:first + per_chunk]
        g = len(points)
        shocks = {SWEEP_TARGETS[0]: ("set", [p[0] for p in points]),
                  SWEEP_TARGETS[1]: ("set", [p[1] for p in points])}
        balance = model.simulate(paths, draws, g, shocks)[0]
        out[first:first + g] = np.moveaxis(fan(balance.reshape(len(METRICS), model.horizon, g, paths)), 2, 0)
    return out


def main(argv):
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["run", "sweep"])
    parser.add_argument("scenario")
    parser.add_argument("--paths", type=int, default=1)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--tables", choices=["fan", "balance"], default="fan")
    parser.add_argument("--grid", default="40x25")
    parser.add_argument("--chunk", type=int, default=10_000, help="columns per sweep chunk")
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    rss_imported = vm_kb("VmRSS")
    begin = time.perf_counter()
    model = Model(args.scenario)
    seed = model.seed if args.seed is None else args.seed
    loaded = time.perf_counter()
    quantile_names = ["q" + f"{100 * q:g}".zfill(2) for q in QUANTILES]
    if args.command == "run":
        balance = run(model, args.paths, seed)
        simulated = time.perf_counter()
        if args.tables == "fan":
            header, rows = ["year", "metric", "mean"] + quantile_names, fan_rows(model, balance)
        else:
            header, rows = ["year"] + list(METRICS), balance_rows(model, balance)
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        sys.stdout.flush()
        phases = {"load_fit_s": loaded - begin, "simulate_s": simulated - loaded,
                  "summarise_write_s": time.perf_counter() - simulated}
    else:
        a, b = (int(x) for x in args.grid.split("x"))
        grid = sweep_grid((a, b))
        fans = sweep(model, args.paths, seed, grid, args.chunk)
        phases = {"load_fit_s": loaded - begin, "sweep_s": time.perf_counter() - loaded}
        if args.out:
            with open(args.out, "w", newline="") as f:
                writer = csv.writer(f, lineterminator="\n")
                writer.writerow(["point", SWEEP_TARGETS[0], SWEEP_TARGETS[1], "year", "metric",
                                 "mean"] + quantile_names)
                for p, (g, r) in enumerate(grid):
                    for i, t in enumerate(model.years):
                        for j, m in enumerate(METRICS):
                            writer.writerow([p, repr(float(g)), repr(float(r)), int(t), m]
                                            + [repr(float(v)) for v in fans[p, j, i]])
    end = time.perf_counter()
    report = {"tool": "numpy", "command": args.command, "paths": args.paths,
              "import_s": IMPORTED - STARTED, "compute_s": end - begin, **phases,
              "rss_after_imports_kb": rss_imported, "peak_rss_kb": vm_kb("VmHWM"),
              "numpy": np.__version__}
    if args.command == "sweep":
        report["grid"] = args.grid
        report["compute_s"] = phases["load_fit_s"] + phases["sweep_s"]
    print(json.dumps(report), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
