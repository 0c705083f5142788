"""The scan over k: every score per k, stability, the recommendation rule and its reason; planted groups found."""

from __future__ import annotations

from dataclasses import astuple
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score, calinski_harabasz_score, davies_bouldin_score, silhouette_score

from segmentti.cli import main
from segmentti.data.loading import read_file
from segmentti.data.samples import load_sample
from segmentti.engine.clustering import segment_customers, silhouette_sample
from segmentti.engine.features import build_features
from segmentti.engine.scanning import KScore, recommend_k, scan_fit, scan_k
from segmentti.engine.structure import Recommendation
from segmentti.errors import SegmenttiError

TRUTH = Path(__file__).resolve().parents[2] / "data" / "truth"


def _blobs(sizes: tuple[int, ...] = (60, 40, 30, 20), spread: float = 0.4, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    centres = [(0, 0), (8, 0), (0, 8), (8, 8), (4, 16), (16, 4)]
    rows = [(*rng.normal(centres[group], spread), group) for group, size in enumerate(sizes) for _ in range(size)]
    return pd.DataFrame(rows, columns=["x", "y", "truth"])


def _score(k: int, silhouette: float, stability: float = 1.0, reference: float = 0.1) -> KScore:
    return KScore(
        k, 1.0, silhouette, 1.0, 1.0, stability, smallest_size=100, smallest_share=0.1, reference_silhouette=reference
    )


def test_scan_scores_match_scikit_learn_on_the_same_segments() -> None:
    frame = _blobs()
    features = build_features(frame, ["x", "y"])
    scan = scan_k(features, 2, 6)
    assert [score.k for score in scan.scores] == [2, 3, 4, 5, 6]
    for score in scan.scores:
        labels = segment_customers(features, score.k, fitted=scan.fits[score.k]).labels  # the scan's own fit
        assert score.silhouette == pytest.approx(silhouette_score(features.values, labels))
        assert score.calinski_harabasz == pytest.approx(calinski_harabasz_score(features.values, labels))
        assert score.davies_bouldin == pytest.approx(davies_bouldin_score(features.values, labels))
        assert score.smallest_size == np.bincount(labels).min()
    assert scan.recommended_k == 4 and scan.reason == "best"
    assert scan.score(4).stability == pytest.approx(1.0)
    assert all(np.isnan(score.bic) for score in scan.scores)  # BIC only for the mixture


def test_recommendation_weighs_the_excess_over_the_reference_not_the_raw_silhouette() -> None:
    # k = 2 has the highest silhouette, but the reference (data without groups) scores nearly as much there
    scores = (_score(2, 0.60, reference=0.55), _score(3, 0.50, reference=0.20), _score(6, 0.45, reference=0.18))
    assert recommend_k(scores) == Recommendation(3, "best", 3, True)
    # 2 and 4 tie within the noise: 4, in 3-5, breaks the tie
    assert recommend_k((_score(2, 0.50), _score(3, 0.30), _score(4, 0.495))) == Recommendation(4, "favoured", 2, True)
    # 7 clearly better: no favouring
    assert recommend_k((_score(3, 0.30), _score(4, 0.31), _score(7, 0.60))).k == 7
    # the best excess falls apart on resamples: the stable runner-up wins
    scores = (_score(3, 0.40, 0.99), _score(6, 0.45, 0.40), _score(8, 0.30, 0.95))
    assert recommend_k(scores) == Recommendation(3, "stable", 6, True)
    # nothing beats its reference: no clear structure, the convenient 4
    flat = tuple(_score(k, 0.30, reference=0.29) for k in range(2, 8))
    assert recommend_k(flat) == Recommendation(4, "none", 2, False)


def test_a_tiny_segment_counts_only_when_it_is_clearly_a_group() -> None:
    def tiny(k: int, silhouette: float, small: float) -> KScore:
        return KScore(
            k,
            1.0,
            silhouette,
            1.0,
            1.0,
            1.0,
            smallest_size=12,
            smallest_share=0.006,
            reference_silhouette=0.1,
            small_silhouette=small,
            reference_smallest=0.3,
        )

    base = (_score(3, 0.40), _score(4, 0.46))
    assert recommend_k((*base, tiny(5, 0.60, small=0.32))) == Recommendation(4, "small", 5, True)
    assert recommend_k((*base, tiny(5, 0.60, small=0.70))) == Recommendation(5, "best", 5, True)


def test_explanation_is_plain_language_in_both_languages() -> None:
    scan = scan_k(build_features(_blobs(), ["x", "y"]), 2, 6)
    assert scan.explain("en").startswith("The recommendation is 4:")
    assert "stability 1.00" in scan.explain("en")
    assert scan.explain("fi").startswith("Suositus on 4:")


def test_progress_is_reported_up_to_done() -> None:
    seen: list[float] = []
    scan_k(build_features(_blobs(), ["x", "y"]), 2, 4, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) == 4


@pytest.mark.parametrize("method", ["gmm", "ward"])
def test_other_methods_scan_too_and_the_mixture_has_bic(method: str) -> None:
    scan = scan_k(build_features(_blobs(), ["x", "y"]), 2, 6, method=method)
    assert scan.recommended_k == 4 and scan.method == method
    assert all(np.isnan(score.bic) for score in scan.scores) == (method != "gmm")
    if method == "gmm":
        assert min(scan.scores, key=lambda score: score.bic).k == 4


def test_hdbscan_cannot_be_scanned_and_bad_ranges_are_user_errors() -> None:
    features = build_features(_blobs(), ["x", "y"])
    with pytest.raises(SegmenttiError) as caught:
        scan_k(features, method="hdbscan")
    assert caught.value.key == "error.scan_method"
    with pytest.raises(SegmenttiError):
        scan_k(features, 5, 3)


def test_silhouette_sample_is_fixed_and_capped() -> None:
    first = silhouette_sample(50_000, 0)
    assert len(first) == 5000 and np.array_equal(first, silhouette_sample(50_000, 0))
    assert len(silhouette_sample(300, 0)) == 300


def test_b2c_sample_defaults_recommend_the_four_planted_groups() -> None:
    frame = load_sample("b2c_customers").frame
    features = build_features(frame)
    scan = scan_k(features)
    assert scan.recommended_k == 4
    truth = pd.read_csv(TRUTH / "b2c_truth.csv").set_index("customer_id")["group"]
    labels = segment_customers(features, scan.recommended_k).labels
    assert adjusted_rand_score(truth.loc[frame["customer_id"]].to_numpy(), labels) >= 0.8


def test_b2b_sample_recommends_the_three_planted_groups_after_log_transform() -> None:
    frame = load_sample("b2b_companies").frame
    # every usable column, the near-duplicates (revenue beside employees) included: the log transform is under test
    criteria = ["industry_code", "industry", "employees", "revenue_eur", "profit_eur", "region", "decision_maker_role"]
    features = build_features(frame, criteria)
    assert set(features.logged) == {"employees", "revenue_eur", "profit_eur"}
    scan = scan_k(features)
    # the three groups are clear; within the small service firms the industry (chosen twice by
    # default, as industry and industry_code) draws finer groups, so the scan may go beyond 3
    assert scan.clear_structure and scan.score(3).excess > 0.2
    truth = pd.read_csv(TRUTH / "b2b_truth.csv").set_index("business_id")["group"]
    labels = segment_customers(features, 3).labels
    assert adjusted_rand_score(truth.loc[frame["business_id"]].to_numpy(), labels) >= 0.8
    unlogged = build_features(frame, criteria, log_skewed=False)
    assert adjusted_rand_score(truth.loc[frame["business_id"]].to_numpy(), segment_customers(unlogged, 3).labels) < 0.9


def test_mall_customers_scan_recommends_five_with_the_classic_sizes(mall_customers_path: Path) -> None:
    frame = read_file(mall_customers_path).frame
    features = build_features(frame, ["Annual Income (k$)", "Spending Score (1-100)"])
    assert features.logged == ()
    scan = scan_k(features)
    assert scan.recommended_k == 5
    assert segment_customers(features, scan.recommended_k).sizes.tolist() == [81, 39, 35, 23, 22]


@pytest.mark.parametrize("method", ["kmeans", "gmm", "ward"])
def test_segments_from_the_scans_fit_equal_a_fresh_fit(method: str) -> None:
    features = build_features(_blobs(), ["x", "y"])
    scan = scan_k(features, 2, 5, method=method)
    for k in (2, 4, 5):
        reused = segment_customers(features, k, method=method, silhouette=scan.score(k).silhouette, fitted=scan.fits[k])
        fresh = segment_customers(features, k, method=method)
        assert reused.model.clusterer_ is scan.fits[k]
        np.testing.assert_array_equal(reused.labels, fresh.labels)
        assert reused.silhouette == pytest.approx(fresh.silhouette)
        if method == "gmm":
            np.testing.assert_allclose(reused.membership, fresh.membership)


def test_a_k_chosen_by_hand_gets_the_scans_segments_at_that_k(tmp_path: Path) -> None:
    # 4,000 customers in a round group, 1,000 far to the right and 40 above the first: k-means for
    # k = 3 alone cuts the big group; over the scan's range the small far group is kept apart
    rng = np.random.default_rng(0)
    truth = np.repeat(np.arange(3), (4000, 1000, 40))
    points = np.array([(0.0, 0.0), (12.0, 0.0), (0.0, 7.0)])[truth] + rng.normal(size=(len(truth), 2))
    frame = pd.DataFrame(
        {"customer_id": [f"C{i:05d}" for i in range(len(truth))], "x": points[:, 0], "y": points[:, 1]}
    )
    features = build_features(frame, ["x", "y"])
    scanned = scan_k(features, seed=0).fits[3]
    chosen = scan_fit(features, 3, 0)
    np.testing.assert_array_equal(chosen.labels, scanned.labels)
    assert sorted(np.bincount(chosen.labels)) == [40, 1000, 4000]
    assert scan_fit(features, 3, 0, method="gmm") is None  # a method that fits each k alone needs no range
    # the command line: `segment --k 3` gives those segments, not k-means' own for k = 3
    source = tmp_path / "customers.csv"
    frame.to_csv(source, index=False)
    out = tmp_path / "out"
    assert main(["segment", str(source), "--criteria", "x,y", "--k", "3", "--out", str(out)]) == 0
    sizes = pd.read_csv(out / "segments.csv")["segment"].value_counts().sort_values().tolist()
    assert sizes == [40, 1000, 4000]


def test_references_drawn_in_a_second_thread_score_exactly_as_drawn_in_turn() -> None:
    features = build_features(_blobs(sizes=(300, 200, 150, 100)), ["x", "y"])
    in_turn = scan_k(features, 2, 7, seed=4)
    in_thread = scan_k(features, 2, 7, seed=4, background_reference=True)
    # every field equal, NaN where NaN (the BIC of k-means, a small segment's silhouette when there is none)
    np.testing.assert_equal(
        [astuple(score) for score in in_thread.scores], [astuple(score) for score in in_turn.scores]
    )
    assert in_thread.recommended_k == in_turn.recommended_k and in_thread.reason == in_turn.reason
    assert all(np.isfinite(score.reference_silhouette) for score in in_thread.scores)


def test_an_error_in_the_reference_thread_reaches_the_caller(monkeypatch) -> None:
    from segmentti.engine import structure

    def broken(*args, **kwargs):
        raise ValueError("reference failed")

    monkeypatch.setattr(structure, "reference_silhouettes", broken)
    with pytest.raises(ValueError, match="reference failed"):
        scan_k(build_features(_blobs(), ["x", "y"]), 2, 5, background_reference=True)
