"""Benchmark: a fresh browser session — from opening the Segments page to its first chart drawn, in real Chromium.

Starts the real app on 127.0.0.1 and opens ``/segments`` in Debian's chromium (Playwright, a
fresh browser context each time, so a fresh Streamlit session), timing from ``page.goto`` until
the first plotly chart has drawn its SVG. Baseline, in the same run: the first visitor on a
freshly started server, who computes the sample's scan and segments; then ``--visits`` fresh
sessions after it (the participants who follow the facilitator), and the presentation view's
map step (``?present=1&step=map``) the same way.

Run: ``.venv/bin/python bench/bench_first_chart.py [--visits 5]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUICK_ARGS = ["--visits", "1"]  # for bench/run.py --quick
sys.path.insert(0, str(ROOT / "bench"))

from bench_workshop import start_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
FIRST_CHART = "[data-testid='stPlotlyChart'] .js-plotly-plot .main-svg"


def first_chart(browser, url: str, timeout_ms: int) -> float:
    """Seconds from opening ``url`` in a fresh context until the first chart has drawn."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    try:
        page = context.new_page()
        started = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(FIRST_CHART, timeout=timeout_ms)
        return time.perf_counter() - started
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds one visit may take")
    args = parser.parse_args()
    server = start_server()
    timeout_ms = int(args.timeout * 1000)
    try:
        base = f"http://127.0.0.1:{server.port}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                cold = first_chart(browser, f"{base}/segments", timeout_ms)
                print(f"baseline, first visitor on a fresh server: load -> first chart on Segments {cold:.2f} s")
                for label, path in (("Segments", "/segments"), ("presentation map", "/?present=1&step=map")):
                    times = [first_chart(browser, base + path, timeout_ms) for _ in range(args.visits)]
                    print(
                        f"fresh session after it, load -> first chart on {label}: median {statistics.median(times):.2f} s,"
                        f" max {max(times):.2f} s ({args.visits} visits)"
                    )
            finally:
                browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
