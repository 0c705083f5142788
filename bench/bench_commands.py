"""Benchmark: what a user waits for, whole processes timed from outside, each next to a baseline run the same way.

Run from the repository root::

    .venv/bin/python bench/bench_commands.py [--lines 1000000] [--customers 100000] [--workbook 100000] [--repeat 3]

Every measurement starts a fresh interpreter and times it from before it starts to after it ends
(median of ``--repeat`` runs, three by default, ours and the baseline's in turn; peak memory from the
operating system's accounting of that one process). Our modules' bytecode is compiled first, as a
user's first run leaves it (see :func:`compile_bytecode`):

help
    ``python -m segmentti --help`` against ``python -c pass`` (starting Python at all).
features
    ``python -m segmentti features`` on generated order lines (``bench_orders.make_order_lines``)
    against a plain-pandas script: ``read_csv`` with ``parse_dates`` and a ``groupby().agg`` of
    first/last date, distinct orders, line count and spend.
scan
    ``python -m segmentti scan --json`` on generated customers × 15 criteria (``bench_scan``)
    against a plain ``pandas.read_csv`` of the same file.
workbook
    One process segments generated customers (``personas_exports.synthetic_customers``), then
    times the workbook and, as the baseline, ``DataFrame.to_csv`` of the same labelled table.
app upload
    The data page through ``app.py`` (Streamlit's AppTest): the script run after Online Retail
    (541,909 lines, ../shared/realdata) is uploaded, which reads it, recognises the order lines
    and builds the customers, against plain pandas reading the same file and grouping it.

Generated files go to a temporary folder and are removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

QUICK_ARGS = ["--lines", "20000", "--customers", "3000", "--workbook", "2000", "--skip-app"]
REPEAT = 3
REALDATA = ROOT.parent / "shared" / "realdata" / "online_retail.csv.gz"

_PANDAS_FEATURES = """
import sys
import pandas as pd
frame = pd.read_csv(sys.argv[1], parse_dates=["order_date"])
bought = frame[frame["amount_eur"] > 0]
bought.groupby("customer_id").agg(first=("order_date", "min"), last=("order_date", "max"),
    orders=("order_id", "nunique"), lines=("amount_eur", "size"), spend=("amount_eur", "sum"))
"""

_WORKBOOK = """
import json, sys, time
sys.path.insert(0, "bench")
from personas_exports import synthetic_customers
from segmentti.engine.workflow import segment_table
from segmentti.insight.personas import personas_from_result
from segmentti.outputs.run import WORKBOOK, Pilot, assemble_run
frame = synthetic_customers(int(sys.argv[1]))
result = segment_table(frame, None, 5, lang="fi")
run = assemble_run(frame, result, personas_from_result(frame, result, "fi"), "fi", source="bench", pilot=Pilot(10, 0))
labelled = run.labelled
start, start_cpu = time.perf_counter(), time.process_time()
csv = labelled.to_csv(index=False).encode()
middle, middle_cpu = time.perf_counter(), time.process_time()
book = run[WORKBOOK]
end, end_cpu = time.perf_counter(), time.process_time()
print(json.dumps({"csv_s": middle - start, "workbook_s": end - middle, "workbook_mb": len(book) / 1e6,
                  "csv_cpu_s": middle_cpu - start_cpu, "workbook_cpu_s": end_cpu - middle_cpu,
                  "columns": len(labelled.columns), "rows": len(labelled)}))
"""

_APP_UPLOAD = """
import json, sys, time
from pathlib import Path
from streamlit.testing.v1 import AppTest
data = Path(sys.argv[1]).read_bytes()
at = AppTest.from_file("app.py", default_timeout=600)
at.session_state["lang"] = "en"
at.run()
at.radio(key="data_source").set_value("upload").run()
start, started_cpu = time.perf_counter(), time.process_time()
at.file_uploader(key="upload").set_value([(Path(sys.argv[1]).name, data, "application/gzip")]).run()
seconds, cpu = time.perf_counter() - start, time.process_time() - started_cpu
frame = at.session_state["dataset"].table.frame
print(json.dumps({"upload_s": seconds, "upload_cpu_s": cpu, "customers": len(frame), "errors": len(at.error) + len(at.exception)}))
"""

_PANDAS_RETAIL = """
import sys
import pandas as pd
lines = pd.read_csv(sys.argv[1], parse_dates=["InvoiceDate"], dtype={"InvoiceNo": str, "StockCode": str})
lines = lines.dropna(subset=["CustomerID"])
lines["amount"] = lines["Quantity"] * lines["UnitPrice"]
lines[lines["amount"] > 0].groupby("CustomerID").agg(first=("InvoiceDate", "min"), last=("InvoiceDate", "max"),
    orders=("InvoiceNo", "nunique"), spend=("amount", "sum"))
"""


def run_process(argv: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds, peak resident MB and standard output of one fresh process, timed from outside.

    CPU seconds (user + system, every thread) hardly change with other work on the machine, so
    they show what the wall time would be on a quiet machine for work that runs on one core.

    The peak comes from ``/usr/bin/time`` (a small C program between this script and the process):
    a child forked straight from this script would count this script's own memory as its peak.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as peak_file:
        timer = ["/usr/bin/time", "-f", "%M %U %S", "-o", peak_file.name] if Path("/usr/bin/time").exists() else []
        start = time.perf_counter()
        done = subprocess.run([*timer, *argv], cwd=ROOT, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"error: {' '.join(argv[:4])} … exited with {done.returncode}: {done.stderr[-500:]}")
        peak_kb, user, system = peak_file.read().strip().splitlines()[-1].split() if timer else ("nan",) * 3
    return seconds, float(user) + float(system), float(peak_kb) / 1024, done.stdout


def median_run(argv: list[str], repeat: int | None = None) -> dict:
    """The median of ``repeat`` runs (default ``--repeat``) by wall time (the machine is shared: single runs wander)."""
    return _median([run_process(argv) for _ in range(repeat or REPEAT)])


def median_pair(ours: list[str], baseline: list[str]) -> tuple[dict, dict]:
    """:func:`median_run` of our command and of its baseline, run in turn: a busy spell slows both, not one."""
    runs: tuple[list, list] = ([], [])
    for _ in range(REPEAT):
        for argv, kept in zip((ours, baseline), runs, strict=True):
            kept.append(run_process(argv))
    return _median(runs[0]), _median(runs[1])


def _median(runs: list[tuple[float, float, float, str]]) -> dict:
    runs = sorted(runs, key=lambda run: run[0])
    seconds, cpu, peak, output = runs[len(runs) // 2]
    return {"wall_s": seconds, "best_s": runs[0][0], "cpu_s": cpu, "peak_mb": peak, "output": output}


def compile_bytecode(python: str) -> None:
    """Compile our modules' bytecode, as a user's first run does, before anything is timed.

    Python writes a module's bytecode when it first imports it, and the libraries' was written
    when they were installed. This machine sets ``PYTHONDONTWRITEBYTECODE``, under which every
    timed run would compile ours again (about 0.03 s): a cost no user's second run has.
    """
    subprocess.run([python, "-m", "compileall", "-q", "segmentti"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def _line(name: str, ours: dict, base: dict, goal: str) -> str:
    ratio = ours["wall_s"] / base["wall_s"]
    return (
        f"{name:<10} {ours['wall_s']:6.2f} s (best {ours['best_s']:.2f}, CPU {ours['cpu_s']:.2f} s, "
        f"peak {ours['peak_mb']:4.0f} MB)   baseline {base['wall_s']:6.2f} s (CPU {base['cpu_s']:.2f} s, "
        f"peak {base['peak_mb']:4.0f} MB)   {ratio:4.2f}× wall, {ours['cpu_s'] / max(base['cpu_s'], 0.01):4.2f}× CPU   goal {goal}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--workbook", type=int, default=100_000)
    parser.add_argument("--skip-app", action="store_true", help="leave out the app upload (AppTest)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each process; the median is shown")
    args = parser.parse_args()
    global REPEAT
    REPEAT = max(1, args.repeat)
    python = sys.executable
    from bench_orders import make_order_lines
    from bench_scan import generate_customers

    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work slows every row)")
    compile_bytecode(python)
    print(_line("help", *median_pair([python, "-m", "segmentti", "--help"], [python, "-c", "pass"]), "≤ 0.5 s"))
    with tempfile.TemporaryDirectory() as folder:
        lines, customers = Path(folder) / "orders.csv", Path(folder) / "customers.csv"
        make_order_lines(args.lines, lines)
        mapping = ["--customer", "customer_id", "--date", "order_date", "--amount", "amount_eur", "--order", "order_id"]
        mapping += ["--category", "product_category", "--channel", "channel"]
        features = [python, "-m", "segmentti", "features", str(lines), *mapping, "--out", str(Path(folder) / "c.csv")]
        goal = "≤ 1.0× and ≤ 2.5 s"
        print(_line("features", *median_pair(features, [python, "-c", _PANDAS_FEATURES, str(lines)]), goal))
        print(f"           ({args.lines:,} order lines, {lines.stat().st_size / 2**20:.0f} MB CSV)")
        frame, _ = generate_customers(args.customers)
        frame.insert(0, "customer_id", [f"C{number:07d}" for number in range(len(frame))])
        frame.to_csv(customers, index=False)
        scan = [python, "-m", "segmentti", "scan", str(customers), "--json"]
        read = [python, "-c", "import sys, pandas; pandas.read_csv(sys.argv[1])", str(customers)]
        print(_line("scan", *median_pair(scan, read), "≤ 3 s"))
        print(f"           ({args.customers:,} customers × 15 criteria; baseline: pandas.read_csv alone)")
    book = json.loads(median_run([python, "-c", _WORKBOOK, str(args.workbook)], repeat=1)["output"])
    print(
        f"workbook   {book['workbook_s']:6.2f} s (CPU {book['workbook_cpu_s']:.2f} s, {book['workbook_mb']:.1f} MB, "
        f"{book['rows']:,} customers × {book['columns']} columns)   baseline DataFrame.to_csv {book['csv_s']:.2f} s "
        f"(CPU {book['csv_cpu_s']:.2f} s)   "
        f"{book['workbook_s'] / book['csv_s']:4.2f}×   goal ≤ 5 s"
    )
    if args.skip_app:
        return
    if not REALDATA.exists():
        print(f"app upload: Online Retail not found at {REALDATA}: skipped")
        return
    upload = median_run([python, "-c", _APP_UPLOAD, str(REALDATA)])
    figures = json.loads(upload["output"])
    base = median_run([python, "-c", _PANDAS_RETAIL, str(REALDATA)])
    print(
        f"app upload {figures['upload_s']:6.2f} s (CPU {figures['upload_cpu_s']:.2f} s; the script run after the "
        f"upload; whole AppTest process "
        f"{upload['wall_s']:.1f} s, peak {upload['peak_mb']:.0f} MB) → {figures['customers']:,} customers   "
        f"baseline pandas read+groupby process {base['wall_s']:.2f} s (CPU {base['cpu_s']:.2f} s)   goal ≤ 2.5 s"
    )


if __name__ == "__main__":
    main()
