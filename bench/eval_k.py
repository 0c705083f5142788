"""Evaluate the recommended number of segments on many generated tables with planted groups and without any.

Planted tables: 2–6 groups, unequal sizes with the smallest group down to 0.6 % of the
customers (and at least 60 of them), 2,000–55,000 customers, log-normal spend and income, Poisson order counts, and
(in most cases) categorical columns; structureless tables: one Gaussian blob, correlated
Gaussians, a uniform square, correlated log-normal money and independent mixed columns.
Every table goes through ``build_features`` with the default criteria and ``scan_k``.
Prints one line per case and the accuracy: the recommended k equals the planted number of
groups (and ``clear_structure`` is true) on planted tables; ``clear_structure`` is false on
structureless ones. ``fit ARI`` is the agreement of the scan's own segments at the planted k
with the truth: below 0.9 the clustering itself missed a group.

Run: ``.venv/bin/python bench/eval_k.py [--planted 50] [--structureless 10] [--seed 0] [--seeds 5]``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "segmentti" / "engine"))

from planted import Case, planted_customers, structureless  # noqa: E402
from sklearn.metrics import adjusted_rand_score  # noqa: E402

from segmentti.engine.features import build_features  # noqa: E402
from segmentti.engine.scanning import scan_k  # noqa: E402

QUICK_ARGS = [
    "--planted",
    "3",
    "--structureless",
    "2",
    "--seeds",
    "1",
]  # for bench/run.py --quick: every step runs, in seconds
ROWS = (2_000, 5_000, 12_000, 30_000, 55_000)
SMALLEST = (0.006, 0.01, 0.02, 0.05, 0.1)
KINDS = ("blob", "correlated", "uniform", "money", "mixed")


def planted_cases(count: int, seed: int) -> list[Case]:
    """``count`` planted tables cycling through 2–6 groups, sizes and smallest shares."""
    cases = []
    for number in range(count):
        groups = 2 + number % 5
        rows = ROWS[(number // 5) % len(ROWS)]
        smallest = SMALLEST[(number * 3 + number // 5) % len(SMALLEST)]
        # at least 60 customers: 0.6 % of 55,000 is 330, and a group of a dozen is noise, not a segment
        smallest = min(max(smallest, 60 / rows), 1.0 / groups / 2)
        cases.append(
            planted_customers(groups, rows, seed * 1000 + number, smallest=smallest, categorical=number % 4 != 3)
        )
    return cases


def structureless_cases(count: int, seed: int) -> list[Case]:
    """``count`` structureless tables cycling through the kinds, 1,000–20,000 customers."""
    sizes = (1_000, 5_000, 20_000)
    return [
        structureless(KINDS[number % len(KINDS)], sizes[number % len(sizes)], seed * 1000 + number)
        for number in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--planted", type=int, default=50)
    parser.add_argument("--structureless", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated tables")
    parser.add_argument("--scan-seed", type=int, default=0, help="seed of the scan")
    parser.add_argument("--seeds", type=int, default=1, help="also scan with seeds 1 … N-1: does the k flip?")
    args = parser.parse_args()
    flipped = 0
    right = found = fitted = 0
    times = []
    for case in planted_cases(args.planted, args.seed):
        features = build_features(case.frame)
        start = time.perf_counter()
        scan = scan_k(features, seed=args.scan_seed)
        times.append(time.perf_counter() - start)
        ok = scan.recommended_k == case.groups and scan.clear_structure
        right += ok
        found += scan.clear_structure
        fit = adjusted_rand_score(case.truth, scan.fits[case.groups].labels) if case.groups in scan.fits else 0.0
        fitted += fit >= 0.9
        others = {scan_k(features, seed=seed).recommended_k for seed in range(1, args.seeds)}
        flipped += bool(others - {scan.recommended_k})
        print(
            f"{'ok  ' if ok else 'MISS'} {case.name:<50} k={scan.recommended_k} {scan.reason:<8} "
            f"clear={scan.clear_structure!s:<5} fit ARI={fit:.2f} {times[-1]:.1f} s"
            + (f" other seeds: {sorted(others)}" if args.seeds > 1 else ""),
            flush=True,
        )
    quiet = 0
    for case in structureless_cases(args.structureless, args.seed):
        features = build_features(case.frame)
        start = time.perf_counter()
        scan = scan_k(features, seed=args.scan_seed)
        times.append(time.perf_counter() - start)
        quiet += not scan.clear_structure
        best = scan.score(scan.best_k)
        print(
            f"{'ok  ' if not scan.clear_structure else 'MISS'} {case.name:<50} k={scan.recommended_k} "
            f"clear={scan.clear_structure!s:<5} best excess={best.excess:+.3f} {times[-1]:.1f} s",
            flush=True,
        )
    print(f"planted: right k {right}/{args.planted} ({right / max(args.planted, 1):.0%}); clear structure {found}")
    print(f"         the clustering found the planted groups (ARI >= 0.9) in {fitted}/{args.planted}")
    if args.seeds > 1:
        print(f"         the recommended k differs between seeds 0-{args.seeds - 1} in {flipped}/{args.planted}")
    print(f"structureless: clear_structure false {quiet}/{args.structureless}")
    print(f"scan time: median {np.median(times):.1f} s, max {max(times):.1f} s")


if __name__ == "__main__":
    main()
