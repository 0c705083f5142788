"""Benchmark: customer value (BG/NBD + Gamma-Gamma fits and predictions) for 100,000 customers from their order lines.

Run from the repository root::

    .venv/bin/python bench/value.py [--customers 100000] [--pymc-python /work/venv-value/bin/python]

The order lines are drawn from the models themselves (BG/NBD r=0.25, alpha=30 days, a=0.8, b=2.5;
Gamma-Gamma p=6, q=4, v=15; customers acquired over one year and followed for two, one to four
lines per purchase, 2 % of lines returned), so the fitted parameters can be checked against the
truth. Each measurement runs in a fresh interpreter; wall time includes its imports.

What is measured (median of three runs; pymc-marketing once unless ``--pymc-repeats``)
---------------------------------------
segmentti : ``read_file`` of the CSV, :func:`purchase_days` + :func:`summarize_history` (the
    summary), and :func:`estimate_value` (both fits, P(alive), expected purchases in 30/90/365
    days, expected spend, the predicted value over 365 days discounted 10 % a year, the bands).
    ``fit_predict_s`` (summary + fits + predictions) is the figure with the 5 s target.
cli : the whole ``python -m segmentti value`` process on the same file, writing the per-customer CSV.
baseline : ``pandas.read_csv`` and a ``groupby`` of first/last day, purchase days and spend — the
    least a hand-written script does before any model.
pymc : with ``--pymc-python`` (a separate environment with pymc-marketing; it would change this
    project's pins), PyMC-Marketing's ``BetaGeoModel`` and ``GammaGammaModel`` fitted with
    ``fit_method="map"`` and flat priors (the maximum-likelihood point) on the same summary, and
    their P(alive), expected purchases and expected spend.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUICK_ARGS = ["--customers", "3000", "--repeats", "1"]

TRUTH = {"r": 0.25, "alpha": 30.0, "a": 0.8, "b": 2.5, "p": 6.0, "q": 4.0, "v": 15.0}

_MEASURE_SEGMENTTI = """
import json, resource, sys, time
start = time.perf_counter()
from segmentti.data.loading import read_file
from segmentti.data.orders import OrderMapping
from segmentti.engine.value.history import purchase_days, summarize_history
from segmentti.engine.value.prediction import estimate_value
imported = time.perf_counter()
table = read_file(sys.argv[1])
loaded = time.perf_counter()
days = purchase_days(table.frame, OrderMapping("customer_id", "order_date", amount="amount"))
history = summarize_history(days, None, "days")
summarized = time.perf_counter()
value = estimate_value(history, 365, 0.1)
done = time.perf_counter()
history.frame.reset_index().rename(columns={"customer_id": "customer"}).to_csv(sys.argv[2], index=False)
summary = value.summary()
print(json.dumps({"wall_s": done - start, "import_s": imported - start, "load_s": loaded - imported,
                  "summary_s": summarized - loaded, "fit_predict_s": done - loaded, "models_s": done - summarized,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "lines": len(table.frame), "customers": summary["customers"],
                  "params": {**summary["bgnbd"], **summary["gamma_gamma"]}}))
"""

_MEASURE_BASELINE = """
import json, resource, sys, time
start = time.perf_counter()
import pandas as pd
frame = pd.read_csv(sys.argv[1], parse_dates=["order_date"])
loaded = time.perf_counter()
bought = frame[frame["amount"] >= 0].assign(day=lambda f: f["order_date"].dt.normalize())
per_day = bought.groupby(["customer_id", "day"])["amount"].sum().reset_index()
result = per_day.groupby("customer_id").agg(first=("day", "min"), last=("day", "max"), days=("day", "size"),
                                           spend=("amount", "sum"))
done = time.perf_counter()
print(json.dumps({"wall_s": done - start, "load_s": loaded - start, "summary_s": done - loaded,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "customers": len(result)}))
"""

_MEASURE_PYMC = """
import json, resource, sys, time, warnings
warnings.filterwarnings("ignore")
start = time.perf_counter()
import pandas as pd
from pymc_extras.prior import Prior
from pymc_marketing.clv import BetaGeoModel, GammaGammaModel
imported = time.perf_counter()
data = pd.read_csv(sys.argv[1]).rename(columns={"customer": "customer_id"})
flat = {"r": Prior("HalfFlat"), "alpha": Prior("HalfFlat"), "a": Prior("HalfFlat"), "b": Prior("HalfFlat")}
model = BetaGeoModel(data=data[["customer_id", "frequency", "recency", "T"]], model_config=flat)
model.fit(fit_method="map")
fitted = time.perf_counter()
alive = model.expected_probability_alive()
purchases = model.expected_purchases(future_t=365)
predicted = time.perf_counter()
repeat = data[data["frequency"] > 0][["customer_id", "frequency", "monetary_value"]]
spend_model = GammaGammaModel(data=repeat, model_config={"p": Prior("HalfFlat"), "q": Prior("HalfFlat"),
                                                         "v": Prior("HalfFlat")})
spend_model.fit(fit_method="map")
spend = spend_model.expected_customer_spend(data=data[["customer_id", "frequency", "monetary_value"]])
done = time.perf_counter()
posterior = model.idata.posterior
spend_posterior = spend_model.idata.posterior
params = {name: float(posterior[name].values.ravel()[0]) for name in ("r", "alpha", "a", "b")}
params.update({name: float(spend_posterior[name].values.ravel()[0]) for name in ("p", "q", "v")})
print(json.dumps({"wall_s": done - start, "import_s": imported - start, "bgnbd_fit_s": fitted - imported,
                  "bgnbd_predict_s": predicted - fitted, "gamma_gamma_s": done - predicted,
                  "models_s": done - imported, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "customers": len(data), "params": params, "mean_p_alive": float(alive.mean()),
                  "expected_purchases": float(purchases.sum()), "mean_spend": float(spend.mean())}))
"""


def make_order_lines(customers: int, path: Path, seed: int = 0) -> int:
    """Write order lines of ``customers`` customers drawn from BG/NBD and Gamma-Gamma to ``path``; return the lines."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    first = rng.integers(0, 365, customers).astype(float)
    age = 730.0 - first
    rate = rng.gamma(TRUTH["r"], 1.0 / TRUTH["alpha"], customers)
    dropout = rng.beta(TRUTH["a"], TRUTH["b"], customers)
    nu = rng.gamma(TRUTH["q"], 1.0 / TRUTH["v"], customers)
    who, when = [np.arange(customers)], [np.zeros(customers)]
    clock, alive = np.zeros(customers), np.ones(customers, dtype=bool)
    while alive.any():
        index = np.flatnonzero(alive)
        clock[index] += rng.exponential(1.0 / rate[index])
        bought = clock[index] <= age[index]
        alive[index[~bought]] = False
        index = index[bought]
        who.append(index)
        when.append(clock[index])
        alive[index[rng.random(len(index)) < dropout[index]]] = False
    who_all, when_all = np.concatenate(who), np.concatenate(when)
    spend = rng.gamma(TRUTH["p"], 1.0 / nu[who_all])
    lines_per = rng.integers(1, 5, len(who_all))
    line_of = np.repeat(np.arange(len(who_all)), lines_per)
    share = rng.random(len(line_of)) + 0.2
    share /= np.bincount(line_of, weights=share)[line_of]
    amount = np.round(spend[line_of] * share, 2)
    returned = rng.random(len(line_of)) < 0.02
    amount[returned] = -amount[returned]
    start = pd.Timestamp("2023-01-01")
    days = np.floor(first[who_all] + when_all)[line_of]
    seconds = rng.integers(8 * 3600, 20 * 3600, len(line_of))
    frame = pd.DataFrame(
        {
            "order_id": line_of + 1,
            "customer_id": who_all[line_of] + 1,
            "order_date": start + pd.to_timedelta(days, unit="D") + pd.to_timedelta(seconds, unit="s"),
            "amount": amount,
        }
    )
    frame.to_csv(path, index=False, date_format="%Y-%m-%d %H:%M:%S")
    return len(frame)


def _run(code: str, *args: str, python: str = sys.executable) -> dict:
    done = subprocess.run([python, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"measurement failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _run_cli(path: Path, out: Path) -> dict:
    import time

    command = [sys.executable, "-m", "segmentti", "value", str(path), "--customer", "customer_id", "--date"]
    command += ["order_date", "--amount", "amount", "--unit", "days", "--horizon", "365", "--out", str(out)]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the value command failed:\n{done.stderr[-3000:]}")
    return {"wall_s": time.perf_counter() - started}


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--pymc-python", help="python of an environment with pymc-marketing (optional)")
    parser.add_argument("--pymc-repeats", type=int, default=1, help="runs of pymc-marketing (each takes minutes)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path, summary, out = Path(folder) / "orders.csv", Path(folder) / "summary.csv", Path(folder) / "value.csv"
        lines = make_order_lines(args.customers, path)
        print(f"{lines:,} order lines of {args.customers:,} customers ({path.stat().st_size / 1e6:.0f} MB CSV)")
        ours = [_run(_MEASURE_SEGMENTTI, str(path), str(summary)) for _ in range(args.repeats)]
        has_cli = subprocess.run([sys.executable, "-m", "segmentti", "value", "--help"], cwd=ROOT, capture_output=True)
        cli = [_run_cli(path, out) for _ in range(args.repeats)] if has_cli.returncode == 0 else []
        base = [_run(_MEASURE_BASELINE, str(path)) for _ in range(args.repeats)]
        print(
            f"segmentti: fit + predict from order lines {_median(ours, 'fit_predict_s'):.2f} s "
            f"(summary {_median(ours, 'summary_s'):.2f} s, both models + predictions {_median(ours, 'models_s'):.2f} s), "
            f"read {_median(ours, 'load_s'):.2f} s, whole process {_median(ours, 'wall_s'):.2f} s, "
            f"peak {_median(ours, 'peak_mb'):.0f} MB"
        )
        if cli:
            print(f"cli `value` whole process: {_median(cli, 'wall_s'):.2f} s")
        print(
            f"baseline pandas read + summary groupby: {_median(base, 'wall_s'):.2f} s "
            f"(summary {_median(base, 'summary_s'):.2f} s), peak {_median(base, 'peak_mb'):.0f} MB"
        )
        fitted = ours[0]["params"]
        print("parameters (truth → segmentti):", ", ".join(f"{k} {TRUTH[k]:g}→{fitted[k]:.3g}" for k in TRUTH))
        if args.pymc_python:
            pymc = [_run(_MEASURE_PYMC, str(summary), python=args.pymc_python) for _ in range(args.pymc_repeats)]
            print(
                f"pymc-marketing (map, flat priors) on the same summary: models {_median(pymc, 'models_s'):.2f} s "
                f"(BG/NBD fit {_median(pymc, 'bgnbd_fit_s'):.2f} s, predict {_median(pymc, 'bgnbd_predict_s'):.2f} s, "
                f"Gamma-Gamma {_median(pymc, 'gamma_gamma_s'):.2f} s), import {_median(pymc, 'import_s'):.2f} s, "
                f"whole process {_median(pymc, 'wall_s'):.2f} s, peak {_median(pymc, 'peak_mb'):.0f} MB"
            )
            theirs = pymc[0]["params"]
            print(
                "parameters (segmentti → pymc-marketing):",
                ", ".join(f"{k} {fitted[k]:.4g}→{theirs[k]:.4g}" for k in TRUTH),
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
