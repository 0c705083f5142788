"""The numbers behind the detail charts, and the charts built from them (numbers, not pixels)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from segmentti.engine.clustering import segment_customers
from segmentti.engine.features import build_features
from segmentti.engine.scanning import scan_k
from segmentti.insight.inspection import box_stats, build_dendrogram, category_shares, customer_fit
from segmentti.insight.projection import project_tsne
from segmentti.outputs.charts import (
    build_box_chart,
    build_category_chart,
    build_dendrogram_chart,
    build_fit_chart,
    build_metric_chart,
    build_rf_grid_chart,
)


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {"x": [1.0, 2, 3, 4, 100, 10, 11, 12, 13, 14], "c": ["a", "a", "b", None, "a", "b", "b", "b", "b", "a"]}
    )


def test_box_stats_per_segment_with_whiskers_at_one_and_a_half_iqr() -> None:
    labels = np.array([0] * 5 + [1] * 5)
    stats = box_stats(_frame(), labels, "x", 3)
    assert stats.loc[0, "median"] == 3 and stats.loc[0, "q1"] == 2 and stats.loc[0, "q3"] == 4
    assert stats.loc[0, "upper"] == 7  # 4 + 1.5 * 2: the outlier 100 is beyond the whisker
    assert stats.loc[1, "lower"] == 10 and stats.loc[1, "count"] == 5
    assert np.isnan(stats.loc[2, "median"])  # an empty segment
    figure = build_box_chart(stats, ["one", "two", "three"], "x", "en")
    assert [trace.name for trace in figure.data] == ["one", "two"]
    assert figure.data[0].median == (3.0,)


def test_category_shares_rows_sum_to_one_and_missing_is_a_level() -> None:
    labels = np.array([0] * 5 + [1] * 5)
    shares = category_shares(_frame(), labels, "c", 2)
    np.testing.assert_allclose(shares.sum(axis=1), 1.0)
    assert shares.loc[0, "a"] == pytest.approx(0.6) and shares.loc[0, "(missing)"] == pytest.approx(0.2)
    figure = build_category_chart(shares, ["one", "two"], "c", "fi")
    assert figure.layout.barmode == "stack" and len(figure.data) == shares.shape[1]


def test_customer_fit_lists_the_worst_fitting_customers_first() -> None:
    frame = pd.DataFrame({"x": [0.0, 0.2, 0.4, 5.0, 10.0, 10.2, 10.4]})
    segmentation = segment_customers(build_features(frame, ["x"]), 2)
    fit = customer_fit(segmentation)
    assert len(fit.rows) == 7
    assert fit.worst(1).tolist() == [3]  # the customer halfway between the groups
    figure = build_fit_chart(fit.silhouette, fit.labels, ["a", "b"], "en")
    assert sum(len(trace.x) for trace in figure.data) == 7


def test_dendrogram_cut_lies_between_the_merges_for_k() -> None:
    rng = np.random.default_rng(0)
    values = np.r_[rng.normal(0, 0.1, (20, 2)), rng.normal(5, 0.1, (20, 2)), rng.normal(10, 0.1, (20, 2))]
    tree = build_dendrogram(values, 3)
    assert tree.sample_size == 60 and len(tree.x) == len(tree.y) == 29  # 30 leaves, 29 merges
    top_merges = sorted(max(branch) for branch in tree.y)[-2:]
    assert max(max(branch) for branch in tree.y if max(branch) < top_merges[0]) < tree.cut_height < top_merges[0]
    figure = build_dendrogram_chart(tree, "en")
    assert figure.layout.shapes[0].y0 == pytest.approx(tree.cut_height)


def test_metric_chart_marks_the_recommended_k() -> None:
    frame = pd.DataFrame({"x": np.r_[np.zeros(20), np.full(20, 5.0), np.full(20, 10.0)] + np.linspace(0, 0.3, 60)})
    scan = scan_k(build_features(frame, ["x"]), 2, 5)
    figure = build_metric_chart(scan, "stability", "en")
    assert list(figure.data[0].x) == [2, 3, 4, 5]
    assert list(figure.data[0].y) == [score.stability for score in scan.scores]
    assert figure.layout.shapes[0].x0 == scan.recommended_k == 3
    assert figure.layout.title.text.startswith("Stability")


def test_rf_grid_chart_carries_counts_and_names() -> None:
    grid = pd.DataFrame(np.arange(25).reshape(5, 5), index=range(5, 0, -1), columns=range(1, 6))
    names = pd.DataFrame("x", index=grid.index, columns=grid.columns)
    figure = build_rf_grid_chart(grid, names, "fi")
    assert figure.data[0].z.tolist() == grid.to_numpy().tolist()
    assert figure.data[0].text[0][0] == "x<br>0"


def test_tsne_keeps_separate_groups_apart() -> None:
    rng = np.random.default_rng(0)
    values = np.r_[rng.normal(0, 1, (60, 5)), rng.normal(12, 1, (60, 5))]
    rows, coords = project_tsne(values, max_points=100)
    assert len(rows) == 100 and coords.shape == (100, 2)
    group = rows >= 60
    gap = np.linalg.norm(coords[group].mean(axis=0) - coords[~group].mean(axis=0))
    assert gap > 3 * max(coords[group].std(axis=0).max(), coords[~group].std(axis=0).max())
