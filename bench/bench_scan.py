"""Benchmark: the scan over k = 2–10 on 100,000 customers × 15 criteria against the plain approach.

The plain approach is scikit-learn ``KMeans(n_init=10)`` per k plus ``silhouette_score`` on a
10,000-customer sample, recommending the k with the highest silhouette. Both run in the same
process on the same matrix; the script prints wall times, their ratio and both recommended k.

Run: ``.venv/bin/python bench/bench_scan.py [--rows 100000] [--skip-plain]``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

from segmentti.engine.features import build_features
from segmentti.engine.scanning import scan_k

PLANTED = 5
QUICK_ARGS = ["--rows", "3000"]  # for bench/run.py --quick: every step runs, in seconds


def generate_customers(rows: int, seed: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    """``rows`` customers in :data:`PLANTED` planted groups: 12 numeric criteria (3 money-like, skewed) and 3 categorical."""
    rng = np.random.default_rng(seed)
    shares = np.array([0.35, 0.25, 0.2, 0.12, 0.08])
    truth = rng.choice(PLANTED, size=rows, p=shares)
    centres = rng.normal(0, 2.2, size=(PLANTED, 9))
    columns: dict[str, np.ndarray] = {}
    for position in range(9):
        columns[f"score_{position + 1}"] = centres[truth, position] + rng.normal(0, 1, rows)
    money_levels = np.array([40.0, 400.0, 120.0, 1500.0, 60.0])
    columns["total_spend"] = rng.lognormal(np.log(money_levels[truth]), 0.5)
    columns["orders"] = rng.poisson(money_levels[truth] / 40) + 1.0
    columns["avg_order_value"] = columns["total_spend"] / columns["orders"]
    levels = np.array(["webshop", "store", "phone", "webshop", "store"])
    columns["channel"] = np.where(
        rng.random(rows) < 0.85, levels[truth], rng.choice(["webshop", "store", "phone"], rows)
    )
    columns["region"] = rng.choice(["Uusimaa", "Pirkanmaa", "Varsinais-Suomi", "Pohjois-Pohjanmaa"], rows)
    segment_words = np.array(["sport", "home", "outdoors", "tech", "culture"])
    columns["favourite_category"] = np.where(rng.random(rows) < 0.8, segment_words[truth], "other")
    return pd.DataFrame(columns), truth


def plain_scan(values: np.ndarray, seed: int = 0) -> tuple[int, list[float]]:
    """scikit-learn KMeans(n_init=10) per k and silhouette_score on a 10,000 sample; best silhouette wins."""
    silhouettes = []
    for k in range(2, 11):
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(values)
        silhouettes.append(silhouette_score(values, labels, sample_size=10_000, random_state=seed))
    return int(np.argmax(silhouettes)) + 2, silhouettes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--skip-plain", action="store_true")
    args = parser.parse_args()
    frame, _ = generate_customers(args.rows)
    start = time.perf_counter()
    features = build_features(frame)
    built = time.perf_counter() - start
    print(f"customers: {len(frame):,}  criteria: {len(features.criteria)}  matrix: {features.values.shape}")
    print(f"build_features: {built:.2f} s")
    start = time.perf_counter()
    scan = scan_k(features, 2, 10)
    ours = time.perf_counter() - start
    print(f"segmentti scan_k (k = 2-10, with stability): {ours:.2f} s  -> recommended k = {scan.recommended_k}")
    print("  silhouette:", " ".join(f"{score.k}:{score.silhouette:.3f}" for score in scan.scores))
    if args.skip_plain:
        return
    start = time.perf_counter()
    plain_k, plain_silhouettes = plain_scan(features.values)
    plain = time.perf_counter() - start
    print(f"plain KMeans(n_init=10) + silhouette_score(10,000 sample): {plain:.2f} s  -> recommended k = {plain_k}")
    print("  silhouette:", " ".join(f"{k}:{value:.3f}" for k, value in enumerate(plain_silhouettes, start=2)))
    print(f"ratio ours / plain: {ours / plain:.3f}  (target <= 0.100; ours <= 3 s)")
    print(f"same recommended k: {plain_k == scan.recommended_k}")


if __name__ == "__main__":
    main()
