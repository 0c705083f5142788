"""Benchmark: ``compare --rfm`` on one million order lines cut at two as-of days, against a plain-pandas baseline.

Run from the repository root::

    .venv/bin/python bench/bench_rfm_compare.py [--lines 1000000]

The order lines are those of ``bench_orders.py`` (the sample generator's customers and orders in
batches until the line count is reached, orders from 2024-01-01 to 2025-12-31). Each measurement is
a whole process in a fresh interpreter (median of three by wall time; its peak memory is its own).

What is measured
----------------
segmentti : ``python -m segmentti compare LINES --rfm --as-of-old 2025-06-30 --as-of-new 2025-12-31
    --out DIR`` — reading with detection, order lines recognised, customers built at both days (net
    spend, returns, shares, attributes), RFM scores on the earlier day's edges, the comparison and
    every file it writes (migration, movers, changes, edges, contact lists).
baseline : ``pandas.read_csv`` with ``parse_dates``, then for each day the purchases up to it grouped
    into recency, orders and spend, quintile bins of the earlier day (``pandas.qcut`` edges reused
    for the later one), a segment per R-F-M triple and a ``crosstab`` written as CSV — the least a
    hand-written script would do, without detection, returns, names or contact lists.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_orders import _measure, make_order_lines  # noqa: E402 (the same lines and median of three as bench_orders)

OLD_DAY, NEW_DAY = "2025-06-30", "2025-12-31"
QUICK_ARGS = ["--lines", "20000"]  # for bench/run.py --quick: every step runs, in seconds

_MEASURE_COMMAND = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run([sys.executable, "-m", "segmentti", *sys.argv[1:]], capture_output=True, text=True)
wall = time.perf_counter() - start
if done.returncode:
    raise SystemExit(done.stderr)
print(json.dumps({"wall_s": wall, "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "stdout": done.stdout}))
"""

_MEASURE_BASELINE = """
import json, resource, sys, time
start = time.perf_counter()
import numpy as np
import pandas as pd
path, out, old_day, new_day = sys.argv[1:5]
frame = pd.read_csv(path, parse_dates=["order_date"])
bought = frame[frame["amount_eur"] > 0]

def rfm(day):
    day = pd.Timestamp(day)
    lines = bought[bought["order_date"] <= day]
    grouped = lines.groupby("customer_id")
    return pd.DataFrame({"recency": (day - grouped["order_date"].max()).dt.days + 1,
                         "frequency": grouped["order_id"].nunique(), "monetary": grouped["amount_eur"].sum()})

old, new = rfm(old_day), rfm(new_day)
scores = {}
for column in ("recency", "frequency", "monetary"):
    inner = np.quantile(old[column], [0.2, 0.4, 0.6, 0.8])
    for name, table in (("old", old), ("new", new)):
        bins = np.searchsorted(inner, table[column].to_numpy(), side="left") + 1
        scores.setdefault(name, {})[column] = 6 - bins if column == "recency" else bins
segments = {name: pd.Series([f"{r}{f}{m}" for r, f, m in zip(*values.values())], index=table.index)
            for (name, values), table in zip(scores.items(), (old, new))}
moves = pd.crosstab(segments["old"].reindex(new.index).fillna("new"), segments["new"])
moves.stack().rename("customers").reset_index().to_csv(out, index=False)
print(json.dumps({"wall_s": time.perf_counter() - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "customers_old": len(old), "customers_new": len(new)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "orders.csv"
        started = time.perf_counter()
        customers = make_order_lines(args.lines, path)
        size_mb = path.stat().st_size / 2**20
        print(
            f"generated {args.lines:,} order lines of {customers:,} customers ({size_mb:.0f} MB CSV) "
            f"in {time.perf_counter() - started:.1f} s"
        )
        command = [str(path), "--rfm", "--as-of-old", OLD_DAY, "--as-of-new", NEW_DAY, "--out", folder + "/out"]
        ours = _measure(_MEASURE_COMMAND, "compare", *command)
        base = _measure(_MEASURE_BASELINE, str(path), folder + "/baseline.csv", OLD_DAY, NEW_DAY)
        written = sorted(item.name for item in (Path(folder) / "out").iterdir())
    summary = next(line for line in ours["stdout"].splitlines() if "changed segment" in line)
    print(f"compare --rfm: {summary}")
    print(f"  wrote: {', '.join(written)}")
    for name, figures in (("segmentti", ours), ("baseline", base)):
        print(
            f"{name:<10} {figures['wall_s']:>6.2f} s median, {figures['best_wall_s']:.2f} s best, "
            f"peak {figures['peak_mb']:>5.0f} MB"
        )
    print(f"baseline: {base['customers_old']:,} customers then, {base['customers_new']:,} now")
    print(f"segmentti / baseline wall: {ours['wall_s'] / base['wall_s']:.2f}×")
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work slows both)")


if __name__ == "__main__":
    main()
