"""k-means segments and the scan over k, on hand-made and real data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from segmentti.data.loading import read_file
from segmentti.data.samples import load_sample
from segmentti.engine.clustering import segment_customers
from segmentti.engine.features import build_features
from segmentti.engine.scanning import scan_k
from segmentti.errors import SegmenttiError

TRUTH = Path(__file__).resolve().parents[2] / "data" / "truth"
MALL_CRITERIA = ["Annual Income (k$)", "Spending Score (1-100)"]


def _three_blobs() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    centres = {"a": (0, 0), "b": (10, 0), "c": (0, 10)}
    sizes = {"a": 50, "b": 30, "c": 20}
    rows = [(*rng.normal(centres[name], 0.5), name) for name in centres for _ in range(sizes[name])]
    return pd.DataFrame(rows, columns=["x", "y", "truth"])


def test_segments_are_numbered_largest_first_and_reproducible() -> None:
    frame = _three_blobs()
    features = build_features(frame, ["x", "y"])
    first = segment_customers(features, 3, seed=1)
    assert first.sizes.tolist() == [50, 30, 20]
    assert adjusted_rand_score(frame["truth"], first.labels) == 1.0
    again = segment_customers(features, 3, seed=1)
    np.testing.assert_array_equal(first.labels, again.labels)
    other_seed = segment_customers(features, 3, seed=99)
    np.testing.assert_array_equal(first.labels, other_seed.labels)  # numbering does not depend on the seed


def test_scan_recommends_the_planted_number_of_blobs() -> None:
    scan = scan_k(build_features(_three_blobs(), ["x", "y"]), 2, 6)
    assert [score.k for score in scan.scores] == [2, 3, 4, 5, 6]
    assert scan.recommended_k == 3
    best = scan.scores[1]
    assert best.silhouette > 0.8 and best.davies_bouldin < 0.3
    assert all(a.inertia > b.inertia for a, b in zip(scan.scores, scan.scores[1:], strict=False))


def test_fewer_customers_than_k() -> None:
    features = build_features(pd.DataFrame({"x": [1.0, 2.0, 3.0], "y": [1.0, 5.0, 9.0]}), ["x", "y"])
    with pytest.raises(SegmenttiError) as caught:
        segment_customers(features, 4)
    assert caught.value.key == "error.too_few_rows"
    assert "4" in caught.value.message("fi") and "3" in caught.value.message("fi")


def test_fewer_distinct_customers_than_k_and_scan_range_capped() -> None:
    features = build_features(pd.DataFrame({"x": [1.0, 1.0, 2.0, 2.0, 3.0, 3.0]}), ["x"])
    with pytest.raises(SegmenttiError) as caught:
        segment_customers(features, 4)
    assert caught.value.key == "error.too_few_distinct"
    assert [score.k for score in scan_k(features, 2, 10).scores] == [2]
    with pytest.raises(SegmenttiError):
        scan_k(build_features(pd.DataFrame({"x": [1.0, 2.0]}), ["x"]))


def test_mall_customers_income_and_spending_give_the_classic_five_segments(mall_customers_path: Path) -> None:
    features = build_features(read_file(mall_customers_path).frame, MALL_CRITERIA)
    assert scan_k(features).recommended_k == 5
    assert segment_customers(features, 5).sizes.tolist() == [81, 39, 35, 23, 22]


def test_sample_customers_default_criteria_find_the_planted_groups() -> None:
    frame = load_sample("b2c_customers").frame
    features = build_features(frame, None)
    segmentation = segment_customers(features, 4)
    truth = pd.read_csv(TRUTH / "b2c_truth.csv").set_index("customer_id")["group"]
    assert adjusted_rand_score(truth.loc[frame["customer_id"]].to_numpy(), segmentation.labels) >= 0.8
