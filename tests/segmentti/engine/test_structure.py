"""The structureless references, the choice of k against them, and clear_structure on planted and group-free data."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from planted import planted_customers, structureless
from sklearn.metrics import adjusted_rand_score

from segmentti.cli import main
from segmentti.data.loading import read_file
from segmentti.engine.features import build_features
from segmentti.engine.scanning import scan_k
from segmentti.engine.structure import (
    CONVENIENT_K,
    SEPARATED,
    _draw,
    choose_k,
    criterion_blocks,
    reference_silhouettes,
    small_silhouette,
)


def _mixed() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "spend": [10.0, 20.0, 30.0, 40.0, 50.0, 60.0],
            "channel": ["web", "store", "web", "phone", "web", "store"],
            "age": [20, 30, 40, 50, 60, 70],
            "region": ["a", "b", "a", "b", "a", "b"],
        }
    )


def test_blocks_are_one_column_per_number_and_one_block_per_category() -> None:
    features = build_features(_mixed(), ["spend", "channel", "age", "region"])
    numeric, categorical = criterion_blocks(features)
    assert [block.tolist() for block in numeric] == [[0], [1]]  # spend, age come first
    assert [block.tolist() for block in categorical] == [[2, 3, 4], [5, 6]]  # channel's 3 levels, region's 2


def test_shuffled_blocks_keep_every_criterion_intact_and_break_the_links() -> None:
    features = build_features(_mixed(), ["spend", "channel", "age", "region"])
    numeric, categorical = criterion_blocks(features)
    values = np.tile(features.values, (50, 1))
    drawn = _draw(values, [], numeric + categorical, "independent", np.random.default_rng(0))
    for column in range(values.shape[1]):  # the same values of every column …
        np.testing.assert_allclose(np.sort(drawn[:, column]), np.sort(values[:, column]))
    for block in categorical:  # … each customer still has exactly one level per category …
        assert ((drawn[:, block] != 0).sum(axis=1) == 1).all()
    # … but spend and age (perfectly correlated in the data) are no longer linked
    assert abs(np.corrcoef(drawn[:, 0], drawn[:, 1])[0, 1]) < 0.3


def test_flat_draw_has_each_columns_mean_and_spread_and_no_modes() -> None:
    rng = np.random.default_rng(3)
    values = np.column_stack([np.r_[rng.normal(-3, 0.3, 2000), rng.normal(3, 0.3, 2000)], rng.normal(5, 2, 4000)])
    drawn = _draw(values, [np.array([0]), np.array([1])], [], "independent", np.random.default_rng(4))
    np.testing.assert_allclose(drawn.mean(axis=0), values.mean(axis=0), atol=0.1)
    np.testing.assert_allclose(drawn.std(axis=0), values.std(axis=0), rtol=0.03)
    # the two modes of column 0 are gone: the middle is as full as anywhere else
    assert (np.abs(drawn[:, 0]) < 1).mean() > 0.15 > 0.01 > (np.abs(values[:, 0]) < 1).mean()


def test_gaussian_draw_has_the_customers_covariance_and_keeps_categories() -> None:
    rng = np.random.default_rng(1)
    base = rng.normal(size=4000)
    frame = pd.DataFrame(
        {
            "a": base + 0.3 * rng.normal(size=4000),
            "b": base,
            "kind": rng.choice(["x", "y"], 4000),
        }
    )
    features = build_features(frame, ["a", "b", "kind"])
    numeric, categorical = criterion_blocks(features)
    drawn = _draw(features.values, numeric, categorical, "gaussian", np.random.default_rng(2))
    np.testing.assert_allclose(
        np.cov(drawn[:, :2], rowvar=False), np.cov(features.values[:, :2], rowvar=False), atol=0.06
    )
    np.testing.assert_allclose(np.sort(drawn[:, 2]), np.sort(features.values[:, 2]))


def test_reference_is_deterministic_for_a_seed_and_has_a_value_per_k() -> None:
    features = build_features(structureless("blob", 600, 0).frame, ["a", "b", "c", "d"])
    first = reference_silhouettes(features, [2, 3, 4], seed=5)
    again = reference_silhouettes(features, [2, 3, 4], seed=5)
    np.testing.assert_array_equal(first.silhouette, again.silhouette)
    assert first.silhouette.shape == (3,) and first.rows == 600 and first.draws == 10
    assert (first.silhouette == np.maximum(first.independent, first.gaussian)).all()


def test_small_silhouette_is_the_weakest_segment_under_the_warning() -> None:
    labels = np.array([0] * 200 + [1] * 10 + [2] * 20)
    silhouettes = np.concatenate([np.full(200, 0.5), np.full(10, 0.8), np.full(20, 0.3)])
    assert small_silhouette(labels, np.arange(230), silhouettes) == pytest.approx(0.3)
    assert np.isnan(small_silhouette(np.array([0] * 100 + [1] * 100), np.arange(200), np.zeros(200)))


KS = [2, 3, 4, 5, 6, 7]


def _choose(
    excess: list[float], stability: list[float] | None = None, small: list[float] | None = None
) -> tuple[int, str, int]:
    chosen = choose_k(KS, excess, [0.005] * len(KS), stability or [1.0] * len(KS), small or [float("nan")] * len(KS))
    return chosen.k, chosen.reason, chosen.best_k


def test_no_clear_excess_means_no_clear_structure_and_the_convenient_k() -> None:
    chosen = choose_k(KS, [0.01, 0.03, 0.02, -0.01, 0.0, 0.04], [0.005] * 6, [1.0] * 6, [float("nan")] * 6)
    assert (chosen.k, chosen.reason, chosen.clear_structure, chosen.best_k) == (CONVENIENT_K, "none", False, 7)
    # a significant excess is needed, not just a large one: noisy references hide 0.08
    noisy = choose_k(KS, [0.08, 0, 0, 0, 0, 0], [0.04] * 6, [1.0] * 6, [float("nan")] * 6)
    assert not noisy.clear_structure


def test_three_to_five_break_near_ties_only() -> None:
    # 2 and 4 tie within the noise: 4 (in 3-5) wins
    assert _choose([0.300, 0.1, 0.295, 0.1, 0.1, 0.1])[:2] == (4, "favoured")
    # six clearly better than five: six stays
    assert _choose([0.1, 0.1, 0.2, 0.30, 0.35, 0.1])[:2] == (6, "best")
    # within a near-tie of two favoured k, the fewer segments
    assert _choose([0.1, 0.1, 0.300, 0.305, 0.1, 0.1])[0] == 4
    # a near-tie with none of 3-5 in it: the fewer, and the reason does not claim 3-5 were preferred
    assert _choose([0.1, 0.1, 0.1, 0.1, 0.300, 0.305])[:2] == (6, "fewer")


def test_unstable_k_and_spurious_tiny_segments_are_passed_over() -> None:
    assert _choose([0.1, 0.2, 0.5, 0.3, 0.1, 0.1], stability=[1, 1, 0.3, 0.9, 1, 1]) == (5, "stable", 4)
    spurious = [np.nan, np.nan, 0.05, np.nan, np.nan, np.nan]  # k = 4's tiny segment no more distinct than noise
    assert _choose([0.1, 0.2, 0.5, 0.3, 0.1, 0.1], small=spurious) == (5, "small", 4)
    real = [np.nan, np.nan, 0.4, np.nan, np.nan, np.nan]
    assert _choose([0.1, 0.2, 0.5, 0.3, 0.1, 0.1], small=real) == (4, "best", 4)


def test_the_most_segments_that_each_stand_apart_win_over_a_higher_mean_silhouette() -> None:
    excess = [0.30, 0.35, 0.33, 0.34, 0.36, 0.37]  # k = 2 … 7: the mean silhouette creeps up past the groups
    weakest = [0.40, 0.30, 0.25, 0.02, 0.01, -0.05]  # from k = 5 on, some segment is a cut through a group
    chosen = choose_k(KS, excess, [0.005] * 6, [1.0] * 6, [float("nan")] * 6, weakest_excess=weakest)
    assert (chosen.k, chosen.reason, chosen.best_k, chosen.clear_structure) == (4, "apart", 7, True)
    # a k that falls apart on resamples is not taken, however distinct its segments
    unstable = choose_k(KS, excess, [0.005] * 6, [1, 1, 0.2, 1, 1, 1], [float("nan")] * 6, weakest_excess=weakest)
    assert unstable.k == 3
    # no k whose every segment stands apart: the other scores decide as before
    assert choose_k(KS, excess, [0.005] * 6, [1.0] * 6, [float("nan")] * 6, weakest_excess=[0.1] * 6).reason != "apart"


def test_a_k_whose_closest_segments_are_one_group_cut_in_two_does_not_stand_apart() -> None:
    excess = [0.30, 0.35, 0.33, 0.34, 0.36, 0.37]
    weakest = [0.40, 0.30, 0.25, 0.20, 0.01, -0.05]  # k = 5 passes on silhouettes alone ...
    separation = [9.0, 8.0, 7.5, 2.7, 2.6, 2.6]  # ... but its two closest segments are a normal group cut in two
    chosen = choose_k(
        KS, excess, [0.005] * 6, [1.0] * 6, [float("nan")] * 6, weakest_excess=weakest, separation=separation
    )
    assert (chosen.k, chosen.reason) == (4, "apart")
    unknown = [float("nan")] * 6  # not measured: not held against a k
    assert choose_k(KS, excess, [0.005] * 6, [1.0] * 6, unknown, weakest_excess=weakest, separation=unknown).k == 5


def test_where_no_k_separates_its_segments_the_fewest_of_three_to_five_close_to_the_best_wins() -> None:
    # the excess creeps up with k as on real purchase data, every k a cut through one spread (Online Retail)
    excess = [0.057, 0.092, 0.120, 0.133, 0.112, 0.146]
    continuum = [2.97, 3.04, 2.90, 3.05, 3.06, 2.93]
    chosen = choose_k(KS, excess, [0.005] * 6, [1.0] * 6, [float("nan")] * 6, separation=continuum)
    assert (chosen.k, chosen.reason, chosen.best_k) == (5, "continuum", 7)
    # one k whose segments do stand apart: the usual near-tie rule, which keeps the best
    groups = [*continuum[:5], 5.0]
    assert choose_k(KS, excess, [0.005] * 6, [1.0] * 6, [float("nan")] * 6, separation=groups).k == 7
    # unmeasured separations say nothing of a continuum
    unknown = [float("nan")] * 6
    assert choose_k(KS, excess, [0.005] * 6, [1.0] * 6, [float("nan")] * 6, separation=unknown).k == 7
    # a favoured k already within the near-tie is the usual "favoured", not a continuum's
    near = [0.057, 0.092, 0.120, 0.145, 0.112, 0.146]
    assert choose_k(KS, near, [0.005] * 6, [1.0] * 6, [float("nan")] * 6, separation=continuum).reason == "favoured"


@pytest.mark.parametrize(
    ("groups", "rows", "seed", "smallest"),
    [(5, 5000, 8, 0.012), (3, 30_000, 16, 0.01)],  # k-means alone cut a large group and merged the smallest
)
def test_a_small_far_group_is_kept_apart_and_counted(groups: int, rows: int, seed: int, smallest: float) -> None:
    case = planted_customers(groups, rows, seed, smallest=smallest)
    scan = scan_k(build_features(case.frame))
    assert scan.recommended_k == groups and scan.clear_structure
    assert adjusted_rand_score(case.truth, scan.fits[groups].labels) > 0.95
    assert scan.score(groups).separation >= SEPARATED


def test_four_planted_groups_with_a_small_one_are_four_not_seven() -> None:
    # the mean silhouette rises a little further by cutting the largest group along its categories
    case = planted_customers(4, 2000, 2, smallest=0.03)
    scan = scan_k(build_features(case.frame))
    assert scan.recommended_k == 4 and scan.reason == "apart" and scan.clear_structure
    assert scan.score(4).weakest_silhouette - scan.score(4).reference_silhouette >= 0.15
    assert "every segment stands apart" in scan.explain("en") and "jokainen segmentti erottuu" in scan.explain("fi")


@pytest.mark.parametrize("kind", ["blob", "uniform", "correlated", "mixed"])
def test_data_without_groups_has_no_clear_structure_and_says_so(kind: str) -> None:
    case = structureless(kind, 1500, 4)
    scan = scan_k(build_features(case.frame))
    assert not scan.clear_structure
    assert scan.recommended_k == CONVENIENT_K and scan.reason == "none"
    assert scan.explain("en").startswith("No clear groups: any split is for convenience.")
    assert scan.explain("fi").startswith("Ei selviä ryhmiä: mikä tahansa jako on vain käytännön vuoksi.")


def test_six_well_separated_groups_are_six_not_the_favoured_five() -> None:
    rng = np.random.default_rng(0)
    centres = np.array([(0, 0), (10, 0), (0, 10), (10, 10), (5, 20), (20, 5)])
    sizes = [300, 250, 200, 150, 100, 60]
    truth = np.repeat(np.arange(6), sizes)
    frame = pd.DataFrame(centres[truth] + rng.normal(0, 1.0, (len(truth), 2)), columns=["x", "y"])
    scan = scan_k(build_features(frame, ["x", "y"]))
    assert scan.recommended_k == 6 and scan.clear_structure and scan.reason == "best"


def test_planted_mixed_groups_with_a_small_group_are_found_with_every_seed() -> None:
    case = planted_customers(3, 4000, 5, smallest=0.03)
    features = build_features(case.frame)
    found = [scan_k(features, seed=seed) for seed in range(5)]
    assert [scan.recommended_k for scan in found] == [3] * 5
    assert all(scan.clear_structure and scan.reason == "best" for scan in found)
    assert found[0].score(3).smallest_size == np.bincount(case.truth).min() == 120  # the small group, whole


def test_mall_customers_default_criteria_give_one_k_for_every_seed_without_a_spurious_tiny_segment(
    mall_customers_path: Path,
) -> None:
    frame = read_file(mall_customers_path).frame
    features = build_features(frame)
    scans = [scan_k(features, seed=seed) for seed in range(5)]
    assert len({scan.recommended_k for scan in scans}) == 1
    for scan in scans:
        chosen = scan.score(scan.recommended_k)
        assert chosen.smallest_size >= 30 or chosen.small_silhouette - chosen.reference_smallest >= 0.15


def test_scan_json_and_text_say_whether_the_data_has_clear_groups(tmp_path: Path, capsys) -> None:
    blob = tmp_path / "blob.csv"
    structureless("uniform", 800, 2).frame.to_csv(blob, index=False)
    assert main(["scan", str(blob), "--criteria", "x,y", "--json"]) == 0
    scan = json.loads(capsys.readouterr().out)
    assert scan["clear_structure"] is False and scan["recommended_k"] == CONVENIENT_K
    assert scan["recommendation_reason"] == "none"
    first = scan["scores"][0]
    assert first["excess_over_reference"] == pytest.approx(
        first["silhouette"] - first["reference_silhouette"], abs=1e-5
    )
    assert main(["scan", str(blob), "--criteria", "x,y", "--lang", "fi"]) == 0
    assert "Ei selviä ryhmiä: mikä tahansa jako on vain käytännön vuoksi." in capsys.readouterr().out
    groups = tmp_path / "groups.csv"
    planted_customers(3, 1500, 1, smallest=0.1).frame.to_csv(groups, index=False)
    assert main(["scan", str(groups), "--json"]) == 0
    scan = json.loads(capsys.readouterr().out)
    assert scan["clear_structure"] is True and scan["recommended_k"] == 3


def test_a_k_that_merges_two_groups_gives_way_to_the_elbow_of_the_gap() -> None:
    excess = [0.2, 0.3, 0.45, 0.44, 0.2, 0.1]  # 4 and 5 are close on the silhouette …
    gap = [0.2, 0.5, 0.8, 1.2, 1.22, 1.25]  # … but the segments tighten sharply at 5 and hardly after
    chosen = choose_k(KS, excess, [0.005] * 6, [1.0] * 6, [float("nan")] * 6, gap, [0.01] * 6)
    assert (chosen.k, chosen.reason, chosen.best_k) == (5, "merged", 4)
    steady = [0.2, 0.5, 0.8, 0.9, 1.0, 1.1]  # a steady climb has no elbow: 4 stays
    assert choose_k(KS, excess, [0.005] * 6, [1.0] * 6, [float("nan")] * 6, steady, [0.01] * 6).k == 4
