"""Distances and silhouettes computed block by block agree with scikit-learn's, whatever the blocks."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import silhouette_samples

from segmentti.engine import metrics
from segmentti.engine.methods import lloyd_steps, settled_centers


def _grouped(rows: int, seed: int = 3) -> tuple[np.ndarray, list[np.ndarray]]:
    rng = np.random.default_rng(seed)
    values = rng.normal(size=(rows, 4)) + rng.integers(0, 3, size=(rows, 1)) * 3.0
    labelings = [rng.integers(0, k, rows) for k in (2, 3, 5)]
    labelings.append(np.where(values[:, 0] > 3.0, 1, 0))
    return values, labelings


@pytest.mark.parametrize("rows", [5, 700, 1700])  # one block, one almost full, three with a ragged last one
def test_every_labelings_silhouettes_match_scikit_learn(rows: int) -> None:
    values, labelings = _grouped(rows)
    for labels, ours in zip(labelings, metrics.silhouettes_for_labelings(values, labelings), strict=True):
        np.testing.assert_allclose(ours, silhouette_samples(values, labels), rtol=1e-10, atol=1e-12)


def test_unassigned_rows_and_an_empty_segment_are_left_out_as_before() -> None:
    values, labelings = _grouped(1000)
    labels = labelings[2].copy()
    labels[labels == 4] = 3  # segment 4 empty: labels 0, 1, 2, 3 of k = 5
    labels[::9] = -1
    ours = metrics.silhouettes_for_labelings(values, [labels, np.zeros(1000, dtype=np.int64)])
    kept = labels >= 0
    assert np.isnan(ours[0][~kept]).all() and np.isnan(ours[1]).all()  # one segment: no silhouette
    np.testing.assert_allclose(ours[0][kept], silhouette_samples(values[kept], labels[kept]), rtol=1e-10)


def test_the_block_size_does_not_change_a_silhouette(monkeypatch) -> None:
    values, labelings = _grouped(900)
    whole = metrics.silhouettes_for_labelings(values, labelings)
    monkeypatch.setattr(metrics, "_PAIR_BLOCK", 128)
    for blocked, one in zip(metrics.silhouettes_for_labelings(values, labelings), whole, strict=True):
        np.testing.assert_allclose(blocked, one, rtol=1e-12, atol=1e-14)


def test_settled_centres_come_with_the_nearest_of_them_for_every_row() -> None:
    values, _ = _grouped(3000)
    start = values[[0, 1, 2, 3]]
    for steps in (0, 1, 3, 50):
        centers, labels = settled_centers(values, start, steps)
        np.testing.assert_array_equal(labels, metrics.nearest_centers(values, centers))
        np.testing.assert_array_equal(centers, lloyd_steps(values, start, steps))
    assert not np.array_equal(settled_centers(values, start, 1)[0], start)  # a step moves the centres


@pytest.mark.parametrize("rows", [50, metrics._SPARSE_FROM + 500])  # the dense one-hot product, the sparse one
def test_segment_centres_are_the_means_of_their_rows_and_zero_when_empty(rows: int) -> None:
    values, labelings = _grouped(rows)
    labels = labelings[2].copy()
    labels[labels == 3] = 4  # segment 3 of 0 … 5 left empty
    centers = metrics.segment_centers(values, labels, 6)
    for segment in (0, 1, 2, 4):
        np.testing.assert_allclose(centers[segment], values[labels == segment].mean(axis=0), rtol=1e-12)
    assert (centers[[3, 5]] == 0.0).all()


def test_nearest_centres_agree_with_every_distance_computed_directly() -> None:
    values, _ = _grouped(metrics._CHUNK * 2 + 10)  # three chunks, the last one short
    centers = values[[5, 50, 500, 5000]] + 0.01
    direct = ((values[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    np.testing.assert_array_equal(metrics.nearest_centers(values, centers), direct)
