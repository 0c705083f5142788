"""Benchmark: how long the segments page's script run takes when the user changes k, at 100,000 customers.

Runs the real page through ``app.py`` with Streamlit's AppTest on a generated table of
100,000 customers × 15 criteria (the generator of ``bench_scan.py`` plus an id and a name),
first once to warm the per-session caches (features, scan, map), then times k changes:
first visits of a k (segments computed) and returns to a k seen before (served from cache),
and last a comparison with a second k shown side by side (from the scan's own fit of it).

Run: ``.venv/bin/python bench/bench_segments_page.py [--rows 100000]``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
QUICK_ARGS = ["--rows", "2000"]  # for bench/run.py --quick: every step runs, in seconds
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_scan import generate_customers  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from segmentti.data.loading import Table  # noqa: E402
from ui import state  # noqa: E402
from ui.state import Dataset  # noqa: E402


def app_with_customers(rows: int) -> AppTest:
    """The app through ``app.py``, run once in English with ``rows`` generated customers as the working data."""
    frame, _ = generate_customers(rows)
    frame.insert(0, "customer_id", [f"C{number:06d}" for number in range(len(frame))])
    frame.insert(1, "name", [f"Customer {number}" for number in range(len(frame))])
    dataset = Dataset(Table(frame, "bench_customers.csv", "csv"), digest=f"bench-{rows}")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.session_state[state.LANG] = "en"
    at.session_state[state.DATASET] = dataset
    at.session_state[state.DATA_SOURCE] = "upload"  # else the data page loads its default sample over ours
    at.run()
    return at


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    at = app_with_customers(args.rows)
    start = time.perf_counter()
    at.switch_page("pages/segments.py").run()
    first = time.perf_counter() - start
    assert not at.exception, at.exception
    shown = next(caption.value for caption in at.caption if caption.value.startswith("Data:"))
    assert f"{args.rows} rows" in shown.replace("\u00a0", "").replace(",", ""), shown
    recommended = at.select_slider(key=state.K_CHOICE).value
    print(f"customers: {args.rows:,}; first run of the segments page (features, scan, map): {first:.2f} s")
    print(f"recommended k: {recommended}")
    timings: list[tuple[str, int, float]] = []
    for k in (3, 6, 4, 8, recommended, 3, 6):
        seen = any(k == previous for _, previous, _ in timings) or k == recommended
        start = time.perf_counter()
        at.select_slider(key=state.K_CHOICE).set_value(k).run()
        elapsed = time.perf_counter() - start
        assert not at.exception, at.exception
        timings.append(("cached" if seen else "new k", k, elapsed))
        print(f"  k -> {k:>2} ({'seen before' if seen else 'first visit'}): script run {elapsed:.3f} s")
    new = [elapsed for kind, _, elapsed in timings if kind == "new k"]
    cached = [elapsed for kind, _, elapsed in timings if kind == "cached"]
    print(f"k change, first visit: median {np.median(new):.3f} s, max {max(new):.3f} s")
    print(f"k change, seen before: median {np.median(cached):.3f} s, max {max(cached):.3f} s")
    compared = []
    for other in (7, 3):
        start = time.perf_counter()
        at.selectbox(key=state.COMPARE_K).set_value(other).run()
        elapsed = time.perf_counter() - start
        assert not at.exception, at.exception
        compared.append(elapsed)
        print(f"  compare with k = {other}: script run {elapsed:.3f} s")
    print(f"target: <= 0.5 s per script run -> {'met' if max(new + cached + compared) <= 0.5 else 'NOT met'}")


if __name__ == "__main__":
    main()
