"""Benchmark: how long the segments page's script run takes when the user switches language, at 100,000 customers.

Runs the real page through ``app.py`` with Streamlit's AppTest on a generated table of
100,000 customers × 15 criteria (the generator of ``bench_scan.py`` plus an id and a name,
as ``bench_segments_page.py`` does). The baseline is the first visit of the segments page in
the same run (features, scan, segments, map computed). Then the language is
flipped back and forth: the first switch into Finnish renders its names,
charts and texts; later switches are served from the session's results. The segmentation
itself must never be recomputed by a switch: the script checks the segmentation object is
the very same one after every switch.

Run: ``.venv/bin/python bench/bench_language_switch.py [--rows 100000]``
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

QUICK_ARGS = ["--rows", "2000", "--switches", "2"]  # for bench/run.py --quick: every step runs, in seconds
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_segments_page import app_with_customers  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from ui import state  # noqa: E402

TARGET = 0.3


def _segmentation_id(at: AppTest) -> int | None:
    """The identity of the newest segmentation object the session holds."""
    return state.segmentation_identity(at.session_state)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--switches", type=int, default=6)
    args = parser.parse_args()
    at = app_with_customers(args.rows)
    at.session_state[state.SCAN_CHARTS_OPEN] = True  # the heavier case: the score charts open, as the user left them
    start, cpu = time.perf_counter(), time.process_time()
    at.switch_page("pages/segments.py").run()
    first, first_cpu = time.perf_counter() - start, time.process_time() - cpu
    assert not at.exception, at.exception
    assert at.title[0].value == "Segments", at.title[0].value
    k = at.select_slider(key=state.K_CHOICE).value
    before = _segmentation_id(at)
    print(f"machine load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall time grows with it)")
    print(
        f"customers: {args.rows:,}; baseline, first visit of the segments page (k = {k}): "
        f"{first:.2f} s wall, {first_cpu:.2f} s CPU"
    )

    timings: list[tuple[str, float, float]] = []
    for switch in range(args.switches):
        lang = "fi" if switch % 2 == 0 else "en"
        start, cpu = time.perf_counter(), time.process_time()
        # what the sidebar switch's callback does (AppTest drops the sidebar after a page switch)
        at.session_state[state.LANG] = at.session_state[state.LANGUAGE_CHOICE] = lang
        at.run()
        elapsed, used = time.perf_counter() - start, time.process_time() - cpu
        assert not at.exception, at.exception
        assert at.title[0].value == ("Segmentit" if lang == "fi" else "Segments"), at.title[0].value
        assert at.select_slider(key=state.K_CHOICE).value == k
        assert len(at.get("plotly_chart")) == 9, "score charts, map, sizes, heatmap and one criterion"
        same = _segmentation_id(at)
        assert same == before, "the segmentation was recomputed by a language switch"
        kind = "first time" if switch == 0 else "seen before"  # English was drawn on the first visit
        timings.append((kind, elapsed, used))
        print(f"  language -> {lang} ({kind}): script run {elapsed:.3f} s wall, {used:.3f} s CPU")
    # the score charts are closed by the user: they are not drawn at all then
    at.session_state[state.SCAN_CHARTS] = at.session_state[state.SCAN_CHARTS_OPEN] = False
    at.run()
    for lang in ("fi", "en"):
        start, cpu = time.perf_counter(), time.process_time()
        at.session_state[state.LANG] = at.session_state[state.LANGUAGE_CHOICE] = lang
        at.run()
        elapsed, used = time.perf_counter() - start, time.process_time() - cpu
        assert not at.exception, at.exception
        assert _segmentation_id(at) == before, "the segmentation was recomputed by a language switch"
        assert len(at.get("plotly_chart")) == 4, "map, sizes, heatmap and one criterion"
        print(f"  with the score charts closed, language -> {lang}: {elapsed:.3f} s wall, {used:.3f} s CPU")
    first_times = [elapsed for kind, elapsed, _ in timings if kind == "first time"]
    again = [elapsed for kind, elapsed, _ in timings if kind == "seen before"]
    print(
        f"language switch, first time into a language: max {max(first_times):.3f} s wall, "
        f"max {max(used for kind, _, used in timings if kind == 'first time'):.3f} s CPU"
    )
    if again:
        print(f"language switch, language seen before: median {np.median(again):.3f} s, max {max(again):.3f} s")
    print(f"segmentation object unchanged by every switch: {before is not None}")
    print(f"target: <= {TARGET} s per script run -> {'met' if max(first_times + again) <= TARGET else 'NOT met'}")


if __name__ == "__main__":
    main()
