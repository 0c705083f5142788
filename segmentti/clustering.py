"""Group customers into k segments with k-means, and score each k so the user can choose."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score

from segmentti.errors import SegmenttiError
from segmentti.features import FeatureMatrix

K_MIN, K_MAX = 2, 10
"""The range of k offered by default."""

SILHOUETTE_SAMPLE = 5000
"""Silhouette is computed on at most this many customers (a fixed-seed sample)."""

_N_INIT = 4


@dataclass(frozen=True, eq=False)
class Segmentation:
    """Customers assigned to segments.

    Attributes
    ----------
    labels : numpy.ndarray
        Shape ``(n_customers,)``: segment index 0 … k-1 of each customer; segment 0 is
        the largest, and the order is the same on every run with the same seed.
    k : int
        Number of segments.
    method : str
        ``"kmeans"``.
    seed : int
        Random seed used.
    centers : numpy.ndarray
        Shape ``(k, n_features)``: segment centres in feature space, in label order.
    inertia : float
        Sum of squared distances of customers to their centre.
    silhouette : float
        Mean silhouette (on a sample of at most :data:`SILHOUETTE_SAMPLE` customers).
    features : FeatureMatrix
        The matrix the segments were found in.
    """

    labels: np.ndarray
    k: int
    method: str
    seed: int
    centers: np.ndarray
    inertia: float
    silhouette: float
    features: FeatureMatrix

    @property
    def sizes(self) -> np.ndarray:
        """Customers per segment, shape ``(k,)``."""
        return np.bincount(self.labels, minlength=self.k)


@dataclass(frozen=True)
class KScore:
    """Quality scores of a segmentation into ``k`` segments.

    ``silhouette`` and ``calinski_harabasz``: higher is better; ``davies_bouldin``:
    lower is better; ``inertia`` always falls as k grows (look for the elbow).
    """

    k: int
    inertia: float
    silhouette: float
    calinski_harabasz: float
    davies_bouldin: float


@dataclass(frozen=True)
class KScan:
    """Scores for each k of a range, and the k recommended.

    Attributes
    ----------
    scores : tuple of KScore
        One per k, ascending.
    recommended_k : int
        The k with the highest silhouette (the smaller k on a tie).
    silhouette_sample_size : int
        Customers the silhouette was computed on.
    """

    scores: tuple[KScore, ...]
    recommended_k: int
    silhouette_sample_size: int


def segment_customers(features: FeatureMatrix, k: int, seed: int = 0) -> Segmentation:
    """Split customers into ``k`` segments with k-means.

    Parameters
    ----------
    features : FeatureMatrix
        From :func:`segmentti.features.build_features`.
    k : int
        Number of segments, at least 2.
    seed : int, default 0
        Random seed; the same seed and data give the same segments.

    Raises
    ------
    SegmenttiError
        When there are fewer customers (or distinct customers) than ``k``.
    """
    _check_k(features, k)
    model = KMeans(n_clusters=k, n_init=_N_INIT, random_state=seed).fit(features.values)
    labels, centers = _order_by_size(model.labels_, model.cluster_centers_)
    silhouette = _sampled_silhouette(features.values, labels, seed)
    return Segmentation(labels, k, "kmeans", seed, centers, float(model.inertia_), silhouette, features)


def scan_k(features: FeatureMatrix, k_min: int = K_MIN, k_max: int = K_MAX, seed: int = 0) -> KScan:
    """Segment for every k from ``k_min`` to ``k_max`` and score each.

    ``k_max`` is lowered to one less than the number of distinct customers when the
    data is that small.

    Raises
    ------
    SegmenttiError
        When the range is empty or the data too small for even ``k_min``.
    """
    if k_min < 2 or k_max < k_min:
        raise SegmenttiError("error.bad_k_range", k_min=k_min, k_max=k_max)
    distinct = _distinct_rows(features.values)
    k_max = min(k_max, distinct - 1)
    if k_max < k_min:
        raise SegmenttiError("error.too_few_rows", k=k_min + 1, rows=len(features.values))
    sample = _silhouette_sample(len(features.values), seed)
    scores = []
    for k in range(k_min, k_max + 1):
        model = KMeans(n_clusters=k, n_init=_N_INIT, random_state=seed).fit(features.values)
        labels = model.labels_
        scores.append(
            KScore(
                k=k,
                inertia=float(model.inertia_),
                silhouette=float(silhouette_score(features.values[sample], labels[sample])),
                calinski_harabasz=float(calinski_harabasz_score(features.values, labels)),
                davies_bouldin=float(davies_bouldin_score(features.values, labels)),
            )
        )
    best = max(scores, key=lambda score: (round(score.silhouette, 6), -score.k))
    return KScan(tuple(scores), best.k, len(sample))


def _check_k(features: FeatureMatrix, k: int) -> None:
    rows = len(features.values)
    if k < 2:
        raise SegmenttiError("error.bad_k", k=k)
    if rows < k:
        raise SegmenttiError("error.too_few_rows", k=k, rows=rows)
    if _distinct_rows(features.values) < k:
        raise SegmenttiError("error.too_few_distinct", k=k, distinct=_distinct_rows(features.values))


def _distinct_rows(values: np.ndarray) -> int:
    return len(np.unique(np.round(values, 12), axis=0))


def _order_by_size(labels: np.ndarray, centers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Renumber segments largest first; equal sizes are ordered by their centres."""
    sizes = np.bincount(labels, minlength=len(centers))
    order = sorted(range(len(centers)), key=lambda index: (-sizes[index], tuple(np.round(centers[index], 9))))
    new_index = np.empty(len(centers), dtype=np.int64)
    new_index[order] = np.arange(len(centers))
    return new_index[labels], centers[order]


def _silhouette_sample(rows: int, seed: int) -> np.ndarray:
    if rows <= SILHOUETTE_SAMPLE:
        return np.arange(rows)
    return np.sort(np.random.default_rng(seed).choice(rows, SILHOUETTE_SAMPLE, replace=False))


def _sampled_silhouette(values: np.ndarray, labels: np.ndarray, seed: int) -> float:
    sample = _silhouette_sample(len(values), seed)
    if len(np.unique(labels[sample])) < 2 or len(np.unique(labels[sample])) >= len(sample):
        return float("nan")
    return float(silhouette_score(values[sample], labels[sample]))
