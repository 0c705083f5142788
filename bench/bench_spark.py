"""Benchmark: 10 million order lines (Parquet) → customers → segments, and scored with a saved model, Spark beside DuckDB.

Run from the repository root (needs pyspark and Java 17+)::

    .venv/bin/python bench/bench_spark.py [--lines 10000000] [--data /tmp/big]

The same generated lines as ``bench_big_orders.py``; each command is a whole process, as a user
runs it. Spark's local mode on this 2-core machine shows its overhead honestly — the JVM start,
the Python workers, the shuffles — which pays off only on machines you add; DuckDB is the one
machine's engine.

What is measured
----------------
features : ``python -m segmentti features LINES ... --engine spark --spark-master local[2]`` and the same
    with ``--engine duckdb``.
segment : ``python -m segmentti segment CUSTOMERS --engine spark --spark-master local[2]`` (sample fit,
    labelling with ``mapInPandas``, Parquet partitioned by segment) and the same with ``--engine duckdb``.
score : ``python -m segmentti score LINES --model MODEL --engine spark --spark-master local[2]`` (the order
    lines built into customers under the model's mapping, the model broadcast, every customer scored with
    ``mapInPandas``) and the same with ``--engine duckdb``. MODEL is fitted in memory beforehand (not timed) by
    ``segment`` on a January file of the same generator (:data:`JANUARY_LINES` lines); both engines score with it,
    so every customer must get the same segment on both: checked.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import pandas as pd  # noqa: E402
from _big_lines import write_big_lines  # noqa: E402
from bench_big_orders import MAPPING, measure  # noqa: E402

QUICK_ARGS = ["--lines", "100000"]  # for bench/run.py --quick: every step runs

JANUARY_LINES = 200_000
"""Order lines of the (smaller) file the scoring model is fitted on in memory: 10,000 customers."""
SCORE_CRITERIA = "recency_days,orders,total_spend,avg_order_value,channel_share_web"


def fit_january_model(data: Path, out: Path) -> Path:
    """``segment`` in memory on a January file of the generator (k = 4): the model.json that ``score`` is timed with."""
    january = data / f"lines_{JANUARY_LINES}.parquet"
    if not january.exists():
        write_big_lines(JANUARY_LINES, january)
    folder = out / "january"
    measure([sys.executable, "-m", "segmentti", "segment", str(january), *MAPPING, "--engine", "pandas",
             "--criteria", SCORE_CRITERIA, "--k", "4", "--out", str(folder)])  # fmt: skip
    return folder / "model.json"


def labelled(folder: Path) -> pd.DataFrame:
    """Customer id and segment of a run's ``customers/segment=<n>/`` Parquet, in id order."""
    table = pd.read_parquet(folder / "customers", columns=["customer_id", "segment"])
    table["segment"] = table["segment"].astype(int)
    return table.sort_values("customer_id", ignore_index=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10_000_000)
    parser.add_argument("--data", help="folder to keep (and reuse) the generated lines in; default a temporary one")
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(args.data) if args.data else Path(scratch)
        data.mkdir(parents=True, exist_ok=True)
        lines = data / f"lines_{args.lines}.parquet"
        if not lines.exists():
            started = time.perf_counter()
            write_big_lines(args.lines, lines)
            print(f"generated {args.lines:,} order lines in {time.perf_counter() - started:.0f} s")
        print(f"input: {lines.name}, {lines.stat().st_size / 2**20:.0f} MB Parquet")
        out = Path(scratch)
        figures = {}
        model = fit_january_model(data, out)
        engines = {"spark": ["--engine", "spark", "--spark-master", args.master], "duckdb": ["--engine", "duckdb"]}
        for name, engine in engines.items():
            customers = out / f"{name}_customers.parquet"
            figures[f"features {name}"] = measure(
                [sys.executable, "-m", "segmentti", "features", str(lines), *MAPPING, *engine, "--out", str(customers)]
            )
            segments = out / f"{name}_segments"
            figures[f"segment {name}"] = measure(
                [sys.executable, "-m", "segmentti", "segment", str(customers), *engine, "--out", str(segments)]
            )
            summary = json.loads((segments / "summary.json").read_text(encoding="utf-8"))
            figures[f"segment {name}"]["summary"] = summary
            scored = out / f"{name}_scored"
            figures[f"score {name}"] = measure(
                [sys.executable, "-m", "segmentti", "score", str(lines), "--model", str(model), *engine,
                 "--out", str(scored)]
            )  # fmt: skip
            figures[f"score {name}"]["summary"] = json.loads((scored / "summary.json").read_text(encoding="utf-8"))
        same = labelled(out / "spark_scored").equals(labelled(out / "duckdb_scored"))
    for name, measured in figures.items():
        print(f"{name:<16} {measured['wall_s']:>7.1f} s   peak {measured['peak_mb']:>6.0f} MB")
    for name in engines:
        summary = figures[f"segment {name}"]["summary"]
        sizes = ", ".join(f"{segment['customers']:,}" for segment in summary["segments"])
        print(
            f"{name}: {summary['customers']:,} customers, sample {summary['sample_size']:,}, k {summary['k']}: {sizes}"
        )
    for name in engines:
        summary = figures[f"score {name}"]["summary"]
        sizes = ", ".join(f"{segment['customers']:,}" for segment in summary["segments"])
        print(f"{name} score: {summary['customers']:,} customers, model k {summary['k']}: {sizes}")
    print(f"score: every customer in the same segment on Spark and DuckDB: {same}")
    for step in ("features", "segment", "score"):
        ratio = figures[f"{step} spark"]["wall_s"] / figures[f"{step} duckdb"]["wall_s"]
        print(f"{step} spark / duckdb wall: {ratio:.1f}×   (Spark's master: {args.master})")
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
