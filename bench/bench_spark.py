"""Benchmark: 10 million order lines (Parquet) → customers → segments, on Spark local[2] next to DuckDB.

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

from _big_lines import write_big_lines  # noqa: E402
from bench_big_orders import MAPPING, measure  # noqa: E402

QUICK_ARGS = ["--lines", "100000"]  # for bench/run.py --quick: every step runs


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
    for name, measured in figures.items():
        print(f"{name:<16} {measured['wall_s']:>7.1f} s   peak {measured['peak_mb']:>6.0f} MB")
    for name in engines:
        summary = figures[f"segment {name}"]["summary"]
        sizes = ", ".join(f"{segment['customers']:,}" for segment in summary["segments"])
        print(
            f"{name}: {summary['customers']:,} customers, sample {summary['sample_size']:,}, k {summary['k']}: {sizes}"
        )
    ratio = figures["features spark"]["wall_s"] / figures["features duckdb"]["wall_s"]
    print(f"features spark / duckdb wall: {ratio:.1f}×   (Spark's master: {args.master})")
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
