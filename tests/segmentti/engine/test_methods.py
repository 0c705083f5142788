"""The four clustering methods: same seed same segments, size order, mixture membership, HDBSCAN's unassigned."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from segmentti.engine.clustering import segment_customers, silhouettes, small_segments
from segmentti.engine.features import build_features
from segmentti.engine.methods import LARGE_DATA_FROM, get_method
from segmentti.engine.metrics import weakest_separation
from segmentti.engine.workflow import segment_features
from segmentti.errors import SegmenttiError


def _blobs(sizes: tuple[int, ...] = (60, 40, 30), noise: int = 0, seed: int = 5) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    centres = [(0, 0), (10, 0), (0, 10)]
    rows = [(*rng.normal(centres[group], 0.6), group) for group, size in enumerate(sizes) for _ in range(size)]
    rows += [(*rng.uniform(-30, 40, 2), -1) for _ in range(noise)]
    return pd.DataFrame(rows, columns=["x", "y", "truth"])


@pytest.mark.parametrize("method", ["kmeans", "gmm", "ward"])
def test_each_method_finds_the_blobs_largest_first_and_reproducibly(method: str) -> None:
    frame = _blobs()
    features = build_features(frame, ["x", "y"])
    first = segment_customers(features, 3, seed=2, method=method)
    assert first.method == method and first.k == 3
    assert first.sizes.tolist() == [60, 40, 30]
    assert adjusted_rand_score(frame["truth"], first.labels) == 1.0
    np.testing.assert_array_equal(first.labels, segment_customers(features, 3, seed=2, method=method).labels)
    assert first.silhouette > 0.8
    np.testing.assert_allclose(first.centers[0], features.values[first.labels == 0].mean(axis=0))


def test_mixture_gives_each_customer_a_membership_probability() -> None:
    features = build_features(_blobs(), ["x", "y"])
    segmentation = segment_customers(features, 3, method="gmm")
    assert segmentation.membership.shape == (130,)
    assert np.all((segmentation.membership > 0.99) & (segmentation.membership <= 1.0))
    assert segment_customers(features, 3).membership is None


def test_hdbscan_finds_its_own_number_and_puts_noise_last_as_unassigned() -> None:
    frame = _blobs(sizes=(120, 90, 60), noise=25)
    features = build_features(frame, ["x", "y"])
    segmentation = segment_customers(features, 99, method="hdbscan")  # k is ignored
    assert segmentation.k == 4 and segmentation.unassigned == 3
    assert segmentation.sizes[:3].tolist() == sorted(segmentation.sizes[:3].tolist(), reverse=True)
    assert segmentation.labels.min() == 0  # no -1 downstream
    found = segmentation.labels != 3
    assert adjusted_rand_score(frame["truth"][found], segmentation.labels[found]) > 0.95
    assert segmentation.sizes[3] >= 15
    result = segment_features(frame, features, 0, method="hdbscan", lang="fi")
    assert result.profile.names[-1] == "4: Ei segmenttiä"
    assert small_segments(segmentation) == []  # the unassigned one does not count as too small


def test_hdbscan_without_any_group_is_a_user_error() -> None:
    frame = pd.DataFrame({"x": np.random.default_rng(0).uniform(0, 1, 40)})
    with pytest.raises(SegmenttiError) as caught:
        segment_customers(build_features(frame, ["x"]), 2, method="hdbscan")
    assert caught.value.key == "error.hdbscan_no_groups"


def test_unknown_method_is_a_user_error() -> None:
    with pytest.raises(SegmenttiError) as caught:
        segment_customers(build_features(_blobs(), ["x", "y"]), 3, method="spectral")
    assert caught.value.key == "error.unknown_method"


def test_large_data_uses_the_sampled_path_and_stays_reproducible() -> None:
    rng = np.random.default_rng(1)
    n = LARGE_DATA_FROM + 1000
    truth = rng.integers(0, 3, n)
    frame = pd.DataFrame({"x": truth * 10 + rng.normal(0, 1, n), "y": (truth == 1) * 10 + rng.normal(0, 1, n)})
    features = build_features(frame, ["x", "y"])
    first = segment_customers(features, 3, seed=4)
    assert adjusted_rand_score(truth, first.labels) > 0.99
    np.testing.assert_array_equal(first.labels, segment_customers(features, 3, seed=4).labels)


def test_too_small_segments_are_flagged() -> None:
    features = build_features(_blobs(sizes=(200, 150, 20)), ["x", "y"])
    segmentation = segment_customers(features, 3)
    assert small_segments(segmentation) == [2]  # 20 customers: under 30


def test_silhouettes_match_a_hand_computed_case() -> None:
    values = np.array([[0.0], [1.0], [10.0], [12.0]])
    scores = silhouettes(values, np.array([0, 0, 1, 1]))
    # customer 0: a = 1, b = mean(10, 12) = 11 -> 1 - 1/11
    assert scores[0] == pytest.approx(1 - 1 / 11)
    # customer 2: a = 2, b = mean(10, 9) = 9.5 -> 1 - 2/9.5
    assert scores[2] == pytest.approx(1 - 2 / 9.5)
    assert np.isnan(silhouettes(values, np.array([0, 0, -1, 1]))[2])


def test_hdbscan_finds_the_five_mall_groups_itself(mall_customers_path) -> None:
    from segmentti.data.loading import read_file

    frame = read_file(mall_customers_path).frame
    features = build_features(frame, ["Annual Income (k$)", "Spending Score (1-100)"])
    segmentation = segment_customers(features, 2, method="hdbscan")
    assert segmentation.k == 6 and segmentation.unassigned == 5  # five groups and the unassigned
    kmeans = segment_customers(features, 5)
    found = segmentation.labels != 5
    assert adjusted_rand_score(kmeans.labels[found], segmentation.labels[found]) > 0.9


def test_kmeans_finds_a_small_far_group_that_greedy_seeding_passes_over() -> None:
    # two large groups and one of 0.6 %: k-means++ seeding puts its second centre in a large group
    # (a bigger first gain) and the small group is merged; the farthest-first start keeps it apart
    rng = np.random.default_rng(3)
    sizes = (7000, 4900, 72)
    centres = np.array([[0.0, 0.0, 0.0], [6.0, 0.0, 0.0], [3.0, 9.0, 0.0]])
    values = np.vstack([rng.normal(centre, 1.0, size=(size, 3)) for centre, size in zip(centres, sizes, strict=True)])
    truth = np.repeat([0, 1, 2], sizes)
    labels = get_method("kmeans").fit(values, 3, 0).labels
    assert adjusted_rand_score(truth, labels) > 0.99


def _long_group_and_a_small_far_one(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """4,000 customers in a round group, 1,000 far to the right and 40 above the first: inertia prefers cutting the big one."""
    rng = np.random.default_rng(seed)
    truth = np.repeat(np.arange(3), (4000, 1000, 40))
    centres = np.array([(0.0, 0.0), (12.0, 0.0), (0.0, 7.0)])
    return centres[truth] + rng.normal(size=(len(truth), 2)), truth


def test_weakest_separation_tells_a_cut_through_one_group_from_two_groups() -> None:
    rng = np.random.default_rng(3)
    long = rng.normal(size=(4000, 3)) * [5.0, 1.0, 1.0]  # a long normal group cut across its length
    assert weakest_separation(long, (long[:, 0] > 0).astype(np.int64)) == pytest.approx(2.68, abs=0.15)
    flat = rng.uniform(size=(4000, 2))
    assert weakest_separation(flat, (flat[:, 0] > 0.5).astype(np.int64)) == pytest.approx(3.46, abs=0.15)
    values, truth = _long_group_and_a_small_far_one()
    assert weakest_separation(values, truth) > 6
    assert np.isnan(weakest_separation(values, np.zeros(len(values), dtype=np.int64)))


def test_kmeans_over_a_range_keeps_a_small_far_group_that_inertia_would_merge() -> None:
    values, truth = _long_group_and_a_small_far_one()
    kmeans = get_method("kmeans")
    alone = kmeans.fit(values, 3, 0)  # k-means by itself cuts the big group and merges the small one into it
    assert adjusted_rand_score(truth, alone.labels) < 0.6
    fits = dict(kmeans.fit_range(values, range(2, 7), 0))
    assert sorted(np.bincount(fits[3].labels)) == [40, 1000, 4000]
    assert adjusted_rand_score(truth, fits[3].labels) == 1.0
    assert all(fits[k].groups == k for k in fits)
    np.testing.assert_array_equal(fits[3].predict(values), fits[3].labels)
