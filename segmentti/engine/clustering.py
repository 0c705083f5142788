"""Group customers into segments (k-means, Gaussian mixture, Ward, HDBSCAN) with stable, size-ordered numbers."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

import numpy as np
from scipy.cluster.hierarchy import cut_tree, linkage
from sklearn.cluster import HDBSCAN, KMeans, MiniBatchKMeans
from sklearn.mixture import GaussianMixture
from sklearn.neighbors import NearestNeighbors
from threadpoolctl import threadpool_limits

from segmentti.engine.features import FeatureMatrix
from segmentti.errors import SegmenttiError

K_MIN, K_MAX = 2, 10
"""The range of k offered by default."""

METHODS: tuple[str, ...] = ("kmeans", "gmm", "ward", "hdbscan")
"""The clustering methods; ``"kmeans"`` is the default."""

K_METHODS: tuple[str, ...] = ("kmeans", "gmm", "ward")
"""Methods that take a number of segments (HDBSCAN finds its own)."""

SILHOUETTE_SAMPLE = 5000
"""Silhouette is computed on at most this many customers (a fixed-seed sample)."""

MINIBATCH_FROM = 20_000
"""k-means switches to mini-batch k-means from this many customers on."""

FIT_SAMPLE = 10_000
"""Ward, the Gaussian mixture and HDBSCAN are fitted on at most this many customers; the rest are assigned."""

SMALL_SHARE, SMALL_SIZE = 0.02, 30
"""A segment under 2 % of the customers or under 30 customers is too small (over-segmentation)."""

WARD_SAMPLE = 5000
"""Ward's tree is built on at most this many customers; the rest join the nearest segment centre."""

THREADS = 1
"""Native threads for clustering. One: on a machine shared with other work, BLAS/OpenMP
oversubscription made the scan up to 7× slower (see docs/benchmarks.md)."""

_N_INIT = 4
P = ParamSpec("P")
R = TypeVar("R")


def single_threaded(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` with native thread pools limited to :data:`THREADS`."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with threadpool_limits(limits=THREADS):
            return function(*args, **kwargs)

    return wrapper


@dataclass(frozen=True, eq=False)
class Segmentation:
    """Customers assigned to segments.

    Attributes
    ----------
    labels : numpy.ndarray
        Shape ``(n_customers,)``: segment index 0 … k-1 of each customer; segment 0 is
        the largest (HDBSCAN's unassigned customers last; rules in their own order),
        and the order is the same on every run with the same seed.
    k : int
        Number of segments (for HDBSCAN including the unassigned one).
    method : str
        ``"kmeans"``, ``"gmm"``, ``"ward"``, ``"hdbscan"``, ``"rfm"`` or ``"rules"``.
    seed : int
        Random seed used.
    centers : numpy.ndarray
        Shape ``(k, n_features)``: segment centres (means) in feature space, in label order.
    inertia : float
        Sum of squared distances of customers to their segment's centre.
    silhouette : float
        Mean silhouette (on a sample of at most :data:`SILHOUETTE_SAMPLE` customers;
        NaN when it cannot be computed).
    features : FeatureMatrix
        The matrix the segments were found in.
    membership : numpy.ndarray or None
        Gaussian mixture only, shape ``(n_customers,)``: the probability that the
        customer belongs to its segment.
    unassigned : int or None
        Index of the segment of customers no group claimed (HDBSCAN's noise; the
        "Others" of rules), else ``None``.
    names : tuple of str
        Names given by the method itself (RFM segment names, rule names); empty for clusters.
    """

    labels: np.ndarray
    k: int
    method: str
    seed: int
    centers: np.ndarray
    inertia: float
    silhouette: float
    features: FeatureMatrix
    membership: np.ndarray | None = None
    unassigned: int | None = None
    names: tuple[str, ...] = ()

    @property
    def sizes(self) -> np.ndarray:
        """Customers per segment, shape ``(k,)``."""
        return np.bincount(self.labels, minlength=self.k)


@single_threaded
def segment_customers(
    features: FeatureMatrix,
    k: int,
    seed: int = 0,
    *,
    method: str = "kmeans",
    silhouette: float | None = None,
    fitted: np.ndarray | None = None,
) -> Segmentation:
    """Split customers into ``k`` segments.

    Parameters
    ----------
    features : FeatureMatrix
        From :func:`segmentti.engine.features.build_features`; ``values`` of shape ``(n, d)``.
    k : int
        Number of segments, at least 2 (ignored by ``"hdbscan"``, which finds its own).
    seed : int, default 0
        Random seed; the same seed and data give the same segments.
    method : {"kmeans", "gmm", "ward", "hdbscan"}, default "kmeans"
        k-means (mini-batch from :data:`MINIBATCH_FROM` customers), a Gaussian mixture
        (with each customer's membership probability), agglomerative Ward, or HDBSCAN
        (its noise becomes the last segment, marked ``unassigned``).
    silhouette : float, optional
        The mean silhouette of these very segments when already known (the scan of
        :func:`segmentti.engine.scanning.scan_k` computed it on the same sample with the same
        seed); saves computing it again.
    fitted : numpy.ndarray, optional
        Shape ``(n,)``: the method's raw labels for this k from the same scan
        (``KScan.labelings[k]``, not for ``"gmm"``, whose probabilities are needed); saves
        fitting again. Renumbered by size here as always.

    Returns
    -------
    Segmentation

    Raises
    ------
    SegmenttiError
        For an unknown method, fewer (distinct) customers than ``k``, or when HDBSCAN
        finds no groups.
    """
    if method not in METHODS:
        raise SegmenttiError("error.unknown_method", method=method, known=", ".join(METHODS))
    values = features.values
    membership = None
    unassigned = None
    if method == "hdbscan":
        _check_rows(values, 2)
        raw = _fit_hdbscan(values, seed)
        labels, unassigned = _order_with_noise(raw, values)
        k = int(labels.max()) + 1
    else:
        _check_k(values, k)
        if fitted is not None and method != "gmm" and len(fitted) == len(values):
            raw, probabilities = np.asarray(fitted), None
        else:
            raw, probabilities = fit_labels(values, k, seed, method=method)
        labels, _order = order_by_size(raw, values, k)
        if probabilities is not None:
            membership = probabilities[np.arange(len(raw)), raw]
    centers = segment_centers(values, labels, k)
    inertia = float(((values - centers[labels]) ** 2).sum())
    if silhouette is None:
        scored = labels if unassigned is None else np.where(labels == unassigned, -1, labels)
        silhouette = sampled_silhouette(values, scored, seed)
    return Segmentation(labels, k, method, seed, centers, inertia, silhouette, features, membership, unassigned)


def fit_labels(
    values: np.ndarray, k: int, seed: int, *, method: str = "kmeans"
) -> tuple[np.ndarray, np.ndarray | None]:
    """Raw cluster labels ``0 … k-1`` (in the method's own order) and, for ``"gmm"``, the probabilities.

    Parameters
    ----------
    values : numpy.ndarray
        Shape ``(n, d)``.
    k : int
        Number of clusters.
    seed : int
        Random seed.
    method : {"kmeans", "gmm", "ward"}
        See :func:`segment_customers`.

    Returns
    -------
    labels : numpy.ndarray
        Shape ``(n,)``.
    probabilities : numpy.ndarray or None
        Shape ``(n, k)`` for ``"gmm"``, else ``None``.
    """
    n = len(values)
    if method == "kmeans":
        if n >= MINIBATCH_FROM:
            # large data: k-means++ and Lloyd on a sample, then one mini-batch pass over every customer
            sample = _sample(n, FIT_SAMPLE, seed)
            start = KMeans(n_clusters=k, n_init=2, random_state=seed).fit(values[sample]).cluster_centers_
            model = MiniBatchKMeans(
                n_clusters=k, init=start, n_init=1, batch_size=8192, max_iter=1, random_state=seed
            ).fit(values)
            return _nearest(values, model.cluster_centers_), None
        return KMeans(n_clusters=k, n_init=_N_INIT, random_state=seed).fit(values).labels_, None
    if method == "gmm":
        model, _ = fit_mixture(values, k, seed)
        probabilities = model.predict_proba(values)
        return probabilities.argmax(axis=1), probabilities
    if method == "ward":
        sample = _sample(n, WARD_SAMPLE, seed)
        fitted = ward_labels(values[sample], [k])[k]
        if len(sample) == n:
            return fitted, None
        return _nearest(values, segment_centers(values[sample], fitted, k)), None
    raise SegmenttiError("error.unknown_method", method=method, known=", ".join(METHODS))


def fit_mixture(values: np.ndarray, k: int, seed: int) -> tuple[GaussianMixture, np.ndarray]:
    """A Gaussian mixture of ``k`` components (diagonal covariances) fitted on a fixed-seed sample.

    Diagonal covariances keep it quick and well-posed on one-hot columns. Returns the model
    and the sample's positions.
    """
    sample = _sample(len(values), FIT_SAMPLE, seed)
    model = GaussianMixture(n_components=k, covariance_type="diag", reg_covar=1e-4, random_state=seed, n_init=2)
    return model.fit(values[sample]), sample


def ward_labels(values: np.ndarray, ks: list[int]) -> dict[int, np.ndarray]:
    """Cut one Ward tree of ``values`` (shape ``(n, d)``) into each k of ``ks``: ``{k: labels of shape (n,)}``."""
    tree = linkage(values, method="ward")
    cuts = cut_tree(tree, n_clusters=ks)
    return {k: cuts[:, position].astype(np.int64) for position, k in enumerate(ks)}


def _fit_hdbscan(values: np.ndarray, seed: int) -> np.ndarray:
    n = len(values)
    sample = _sample(n, FIT_SAMPLE, seed)
    # a group must hold 2 % of the customers (at least 10); density is judged on 5–10 neighbours
    min_size = max(10, int(np.ceil(SMALL_SHARE * len(sample))))
    neighbours = max(5, min(10, min_size // 2))
    fitted = HDBSCAN(min_cluster_size=min_size, min_samples=neighbours, copy=True).fit(values[sample]).labels_
    if fitted.max() < 0:
        raise SegmenttiError("error.hdbscan_no_groups", size=min_size)
    if len(sample) == n:
        return fitted
    nearest = NearestNeighbors(n_neighbors=1).fit(values[sample]).kneighbors(values, return_distance=False)[:, 0]
    labels = fitted[nearest]
    labels[sample] = fitted
    return labels


def _order_with_noise(raw: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, int | None]:
    """Order HDBSCAN's groups by size; noise (-1) becomes the last segment."""
    groups = int(raw.max()) + 1
    found = raw >= 0
    labels = np.empty(len(raw), dtype=np.int64)
    ordered, _ = order_by_size(raw[found], values[found], groups)
    labels[found] = ordered
    if found.all():
        return labels, None
    labels[~found] = groups
    return labels, groups


def order_by_size(raw: np.ndarray, values: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Renumber segments largest first; equal sizes are ordered by their centres.

    Returns the new labels (shape ``(n,)``) and ``order`` (shape ``(k,)``): new segment
    ``i`` is old cluster ``order[i]``.
    """
    sizes = np.bincount(raw, minlength=k)
    centers = segment_centers(values, raw, k)
    order = np.array(sorted(range(k), key=lambda index: (-sizes[index], tuple(np.round(centers[index], 9)))))
    new_index = np.empty(k, dtype=np.int64)
    new_index[order] = np.arange(k)
    return new_index[raw], order


def segment_centers(values: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Mean of each segment, shape ``(k, d)`` (zeros for an empty segment)."""
    sums = np.column_stack([np.bincount(labels, weights=column, minlength=k) for column in values.T])
    sums = sums.reshape(k, values.shape[1])
    counts = np.bincount(labels, minlength=k)[:, None]
    return np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)


def small_segments(segmentation: Segmentation) -> list[int]:
    """Segment indexes under :data:`SMALL_SHARE` of the customers or under :data:`SMALL_SIZE` customers.

    The unassigned segment is not counted.
    """
    total = len(segmentation.labels)
    return [
        index
        for index, size in enumerate(segmentation.sizes.tolist())
        if index != segmentation.unassigned and (size < SMALL_SIZE or size < SMALL_SHARE * total)
    ]


def _nearest(values: np.ndarray, centers: np.ndarray) -> np.ndarray:
    """Index of the nearest centre for every row, in chunks to bound memory."""
    out = np.empty(len(values), dtype=np.int64)
    center_norms = (centers**2).sum(axis=1)
    for start in range(0, len(values), 50_000):
        chunk = values[start : start + 50_000]
        out[start : start + len(chunk)] = (center_norms - 2 * chunk @ centers.T).argmin(axis=1)
    return out


def _check_rows(values: np.ndarray, k: int) -> None:
    if len(values) < k:
        raise SegmenttiError("error.too_few_rows", k=k, rows=len(values))


def _check_k(values: np.ndarray, k: int) -> None:
    if k < 2:
        raise SegmenttiError("error.bad_k", k=k)
    _check_rows(values, k)
    distinct = distinct_rows(values, k)
    if distinct < k:
        raise SegmenttiError("error.too_few_distinct", k=k, distinct=distinct)


def distinct_rows(values: np.ndarray, enough: int | None = None) -> int:
    """Number of distinct rows of ``values`` (stops counting exactly beyond ``enough`` on large data)."""
    if enough is not None and len(values) > 5000:
        head = values[:5000]
        count = len(np.unique(np.round(head, 12), axis=0))
        if count >= enough:
            return count
    return len(np.unique(np.round(values, 12), axis=0))


def _sample(rows: int, size: int, seed: int) -> np.ndarray:
    if rows <= size:
        return np.arange(rows)
    return np.sort(np.random.default_rng(seed).choice(rows, size, replace=False))


def silhouette_sample(rows: int, seed: int, size: int = SILHOUETTE_SAMPLE) -> np.ndarray:
    """Positions of the customers the silhouette is computed on (all when ``rows <= size``)."""
    return _sample(rows, size, seed)


def silhouettes(values: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Silhouette of every row, shape ``(n,)``; label ``-1`` rows (unassigned) get NaN and are not a segment.

    Computed in chunks with squared norms, so ``n`` up to a few thousand stays quick.
    Singleton segments score 0, as in scikit-learn.
    """
    return silhouettes_for_labelings(values, [labels])[0]


def silhouettes_for_labelings(values: np.ndarray, labelings: list[np.ndarray]) -> list[np.ndarray]:
    """:func:`silhouettes` for several labelings of the same rows, computing the distances once."""
    n = len(values)
    norms = (values**2).sum(axis=1)
    encoded = []
    blocks = []
    offset = 0
    for labels in labelings:
        valid = labels >= 0
        k = int(labels.max()) + 1 if valid.any() else 0
        onehot = np.zeros((n, max(k, 1)))
        onehot[np.flatnonzero(valid), labels[valid]] = 1.0
        encoded.append((labels, valid, k, slice(offset, offset + onehot.shape[1]), onehot.sum(axis=0)))
        blocks.append(onehot)
        offset += onehot.shape[1]
    onehot_all = np.hstack(blocks)  # one matrix product per chunk serves every labeling
    results = [np.full(n, np.nan) for _ in labelings]
    for start in range(0, n, 1000):
        chunk = slice(start, min(start + 1000, n))
        squared = norms[chunk, None] + norms[None, :] - 2 * values[chunk] @ values.T
        distances = np.sqrt(np.maximum(squared, 0.0, out=squared), out=squared)
        rows = np.arange(chunk.start, chunk.stop)
        distances[rows - start, rows] = 0.0
        sums_all = distances @ onehot_all
        for position, (labels, valid, k, columns, counts) in enumerate(encoded):
            if k < 2:
                continue
            sums = sums_all[:, columns]
            own = labels[chunk]
            ok = valid[chunk]
            local = np.arange(len(own))[ok]
            own_label = own[ok]
            own_count = counts[own_label]
            a = np.where(own_count > 1, sums[local, own_label] / np.maximum(own_count - 1, 1), 0.0)
            means = sums[local] / np.where(counts > 0, counts, np.inf)
            means[np.arange(len(local)), own_label] = np.inf
            means[:, counts == 0] = np.inf
            b = means.min(axis=1)
            score = np.where(own_count > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-300), 0.0)
            results[position][rows[ok]] = score
    return results


def sampled_silhouette(values: np.ndarray, labels: np.ndarray, seed: int) -> float:
    """Mean silhouette on a fixed-seed sample of at most :data:`SILHOUETTE_SAMPLE` customers (NaN if undefined)."""
    sample = silhouette_sample(len(values), seed)
    sampled = labels[sample]
    groups = np.unique(sampled[sampled >= 0])
    if len(groups) < 2 or len(groups) >= (sampled >= 0).sum():
        return float("nan")
    return float(np.nanmean(silhouettes(values[sample], sampled)))


__all__ = [
    "K_MAX",
    "K_METHODS",
    "K_MIN",
    "METHODS",
    "Segmentation",
    "fit_labels",
    "segment_customers",
    "small_segments",
]
