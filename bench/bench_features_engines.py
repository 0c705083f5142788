"""Benchmark: where ``features`` on DuckDB overtakes pandas — whole processes at several file sizes, both engines.

Run from the repository root::

    .venv/bin/python bench/bench_features_engines.py [--lines 20000,50000,100000,200000,500000] [--repeat 3]

For each size, order lines are made with the sample generator (``bench_orders.make_order_lines``)
and ``python -m segmentti features`` runs on them with ``--engine pandas`` and ``--engine duckdb``
(the median of ``--repeat`` fresh processes by wall time, with its CPU seconds), next to the plain
pandas baseline of ``bench_commands.py`` (``read_csv`` + ``groupby``). Both engines' written files
are compared (same columns, rows and values to 1e-9 relative). ``auto`` picks DuckDB from
``segmentti.engine.large.FEATURES_FILE_BYTES`` on: the crossover these figures show.
Generated files go to a temporary folder and are removed afterwards.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

QUICK_ARGS = ["--lines", "5000", "--repeat", "1"]

MAPPING = ["--customer", "customer_id", "--date", "order_date", "--amount", "amount_eur", "--order", "order_id",
           "--category", "product_category", "--channel", "channel"]  # fmt: skip


def same_files(first: Path, second: Path) -> bool:
    """Whether two written customer files hold the same header, ids, texts and numbers (to 1e-9 relative)."""
    with first.open(encoding="utf-8") as one, second.open(encoding="utf-8") as other:
        for row, other_row in zip(csv.reader(one), csv.reader(other), strict=True):
            for cell, other_cell in zip(row, other_row, strict=True):
                if cell == other_cell:
                    continue
                try:
                    if not math.isclose(float(cell), float(other_cell), rel_tol=1e-9, abs_tol=1e-12):
                        return False
                except ValueError:
                    return False
    return True


def main() -> None:
    from bench_commands import _PANDAS_FEATURES, median_run
    from bench_orders import make_order_lines

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", default="20000,50000,100000,200000,500000", help="comma-separated sizes")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    python = sys.executable
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'lines':>9} {'MB':>5}   {'pandas':>16}   {'duckdb':>16}   {'baseline':>16}   duckdb/pandas  same output")
    with tempfile.TemporaryDirectory() as folder:
        for lines in (int(part) for part in args.lines.split(",")):
            path = Path(folder) / f"orders_{lines}.csv"
            make_order_lines(lines, path)
            figures = {}
            for engine in ("pandas", "duckdb"):
                out = Path(folder) / f"{engine}_{lines}.csv"
                command = [python, "-m", "segmentti", "features", str(path), *MAPPING, "--engine", engine]
                figures[engine] = median_run([*command, "--out", str(out)], args.repeat)
            base = median_run([python, "-c", _PANDAS_FEATURES, str(path)], args.repeat)
            same = same_files(Path(folder) / f"pandas_{lines}.csv", Path(folder) / f"duckdb_{lines}.csv")
            cells = [
                f"{run['wall_s']:5.2f} s (CPU {run['cpu_s']:4.2f})"
                for run in (figures["pandas"], figures["duckdb"], base)
            ]
            ratio = figures["duckdb"]["wall_s"] / figures["pandas"]["wall_s"]
            size = path.stat().st_size / 2**20
            print(f"{lines:>9,} {size:5.1f}   {cells[0]:>16}   {cells[1]:>16}   {cells[2]:>16}   {ratio:13.2f}  {same}")


if __name__ == "__main__":
    main()
