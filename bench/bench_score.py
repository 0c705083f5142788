"""Benchmark: scoring new customers with a saved model — a million in the library, 100,000 on the app's page.

Run from the repository root::

    .venv/bin/python bench/bench_score.py [--customers 1000000] [--app-customers 100000]

The customers are made with the sample generator (``sample_data/generate.py``): batches of its
5,000 consumer customers, each batch with its own seed and ids, 100,000 of them; a million are those
repeated ten times with ids of their own. The model is fitted on one batch
(k-means, k = 4, the suggested criteria) and saved as ``model.json``. Targets: scoring a million
customers at most 10 s with bounded memory; the Score page's script run on 100,000 at most 2 s.

What is measured (median of three fresh interpreters; wall time includes importing)
----------------------------------------------------------------------------------
segmentti : ``model_from_bytes`` of the file, then :func:`segmentti.project.scoring.score_frame`
    (criteria checked, features and segments in chunks of 100,000) — the steps ``score`` runs
    before writing its files. The table is read from Parquet first (``load``, timed apart).
baseline : the same model's ``SegmentModel.predict`` on the whole table at once (scikit-learn's
    pipeline over every row, then the nearest centre): no chunks, the memory of every feature
    of every customer at the same time.
app : the Score new customers page run through ``app.py`` in Streamlit's AppTest, after the
    model file and a 100,000-customer CSV are chosen: the script run the user waits for
    (reading the CSV, scoring, the segment table and the download buttons; files are built
    only when a button is clicked).
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
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported inside the functions: the runner's --list stays light
    import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_MEASURE = """
import json, resource, sys, time
start = time.perf_counter()
import pandas as pd
from segmentti.project.saved_model import model_from_bytes
from segmentti.project.scoring import score_frame
imported = time.perf_counter()
frame = pd.read_parquet(sys.argv[1])
loaded = time.perf_counter()
saved = model_from_bytes(open(sys.argv[2], "rb").read())
if sys.argv[3] == "segmentti":
    _, labels = score_frame(frame, saved)
else:
    labels = saved.model.predict(frame)
done = time.perf_counter()
print(json.dumps({"wall_s": done - start, "import_s": imported - start, "load_s": loaded - imported,
                  "score_s": done - loaded, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "customers": len(frame), "sizes": pd.Series(labels).value_counts().sort_index().tolist()}))
"""

_MEASURE_APP = """
import json, sys, time
from pathlib import Path
from streamlit.testing.v1 import AppTest
from ui import state
at = AppTest.from_file("app.py", default_timeout=300)
at.session_state[state.LANG] = "en"
at.run()
at.switch_page("pages/score.py").run()
at.radio(key="model_source").set_value("file").run()
at.file_uploader(key=state.MODEL_UPLOAD).set_value(("model.json", Path(sys.argv[2]).read_bytes(), "application/json")).run()
uploader = at.file_uploader(key=state.SCORE_UPLOAD).set_value(("new.csv", Path(sys.argv[1]).read_bytes(), "text/csv"))
start = time.perf_counter()
at.run()
done = time.perf_counter()
assert not at.exception and not at.error, [e.value for e in [*at.exception, *at.error]]
print(json.dumps({"wall_s": done - start, "message": at.success[-1].value}))
"""

REPEAT = 3
QUICK_ARGS = ["--customers", "20000", "--app-customers", "5000"]  # for bench/run.py --quick


GENERATED = 100_000
"""Customers drawn by the generator itself; more are copies of them with ids of their own (generating is slow)."""


def make_customers(count: int) -> pd.DataFrame:
    """``count`` consumer customers: the sample generator's batches of 5,000 (own seeds and ids) up to
    :data:`GENERATED`, then those repeated with new ids."""
    import numpy as np
    import pandas as pd

    sys.path.insert(0, str(ROOT / "sample_data"))
    import generate  # the sample generator

    batches, total, batch = [], 0, 0
    while total < min(count, GENERATED):
        customers, _ = generate.make_customers(np.random.default_rng([generate.SEED, batch, 0]))
        customers["customer_id"] = f"B{batch:03d}-" + customers["customer_id"]
        batches.append(customers)
        total += len(customers)
        batch += 1
    drawn = pd.concat(batches, ignore_index=True)
    copies = [
        drawn.assign(customer_id=f"R{copy:02d}-" + drawn["customer_id"]) for copy in range(-(-count // len(drawn)))
    ]
    return pd.concat(copies, ignore_index=True).iloc[:count]


def _measure(code: str, *args: str, repeat: int = REPEAT) -> dict:
    """Run ``code`` ``repeat`` times in fresh interpreters; keep the median run by wall time."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, check=False
        )
        lines = done.stdout.strip().splitlines()
        if not lines or not lines[-1].startswith("{"):  # the figures are printed before the interpreter exits
            raise SystemExit(f"measurement failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
        runs.append(json.loads(lines[-1]))
    runs.sort(key=lambda figures: figures["wall_s"])
    median = runs[len(runs) // 2]
    median["best_wall_s"] = runs[0]["wall_s"]
    return median


def _row(name: str, figures: dict) -> str:
    return (
        f"{name:<10} {figures['wall_s']:>6.2f} s median, {figures['best_wall_s']:.2f} s best  "
        f"(import {figures['import_s']:.2f} s, load {figures['load_s']:.2f} s, score {figures['score_s']:.2f} s)  "
        f"peak {figures['peak_mb']:>5.0f} MB  {figures['customers']:>9,} customers"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--app-customers", type=int, default=100_000)
    args = parser.parse_args()
    from segmentti.engine.model import SegmentModel
    from segmentti.outputs.tables import to_csv_bytes
    from segmentti.project.saved_model import model_to_bytes, save_model

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        customers = make_customers(max(args.customers, args.app_customers))
        fitted_on = customers.iloc[:5000]
        model = SegmentModel(k=4, seed=0).fit(fitted_on)
        model_path = Path(folder) / "model.json"
        model_path.write_bytes(model_to_bytes(save_model(model, [f"Segment {n}" for n in range(1, 5)])))
        table_path = Path(folder) / "customers.parquet"
        customers.iloc[: args.customers].to_parquet(table_path)
        csv_path = Path(folder) / "new.csv"
        csv_path.write_bytes(to_csv_bytes(customers.iloc[: args.app_customers]))
        print(
            f"generated {len(customers):,} customers and a model on {len(fitted_on):,} of them "
            f"({model_path.stat().st_size / 1024:.0f} kB) in {time.perf_counter() - started:.1f} s"
        )
        ours = _measure(_MEASURE, str(table_path), str(model_path), "segmentti")
        base = _measure(_MEASURE, str(table_path), str(model_path), "baseline")
        app = _measure(_MEASURE_APP, str(csv_path), str(model_path))
    print(_row("segmentti", ours))
    print(_row("baseline", base))
    print(f"same segments: {ours['sizes'] == base['sizes']} {ours['sizes']}")
    print(f"app        {app['wall_s']:>6.2f} s median, {app['best_wall_s']:.2f} s best  ({app['message']})")
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work slows every figure)")
    print(
        f"targets: scoring ≤ 10 s {'OK' if ours['score_s'] <= 10 else 'MISSED'}, "
        f"page run ≤ 2 s {'OK' if app['wall_s'] <= 2 else 'MISSED'}; "
        f"peak segmentti / baseline {ours['peak_mb'] / base['peak_mb']:.2f}×"
    )


if __name__ == "__main__":
    main()
