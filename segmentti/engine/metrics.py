"""Measure segments in feature space: centres, nearest centres, inertia, silhouettes and fixed-seed samples."""

from __future__ import annotations

import numpy as np

SILHOUETTE_SAMPLE = 5000
"""Silhouette is computed on at most this many customers (a fixed-seed sample)."""

_CHUNK = 16_384
"""Rows per product in :func:`nearest_centers`: the distances of a chunk to the centres stay in the processor's cache
(twice as quick on 100,000 rows as chunks of 50,000)."""

_SPARSE_FROM = 8192
"""From this many rows on, :func:`segment_centers` sums through a sparse membership matrix (4× quicker on 100,000
rows); below, a dense one-hot product is quicker than building the sparse matrix."""

_PAIR_BLOCK = 768
"""Rows per block of pairwise distances in :func:`silhouettes_for_labelings` (4.5 MB a block)."""


def fixed_sample(rows: int, size: int, seed: int) -> np.ndarray:
    """Sorted positions of ``size`` of ``rows`` rows drawn with ``seed`` (all rows when ``rows <= size``)."""
    if rows <= size:
        return np.arange(rows)
    return np.sort(np.random.default_rng(seed).choice(rows, size, replace=False))


def silhouette_sample(rows: int, seed: int, size: int = SILHOUETTE_SAMPLE) -> np.ndarray:
    """Positions of the customers the silhouette is computed on (all when ``rows <= size``)."""
    return fixed_sample(rows, size, seed)


def segment_centers(values: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Mean of each segment, shape ``(k, d)`` (zeros for an empty segment).

    ``labels`` (shape ``(n,)``) holds segment indexes ``0 … k-1``.
    """
    n = len(labels)
    if n < _SPARSE_FROM:  # one matrix product with the one-hot segments sums every column at once
        onehot = np.zeros((k, n))
        onehot[labels, np.arange(n)] = 1.0
        sums = onehot @ values
    else:  # the same as a sparse (k, n) membership matrix: no dense one-hot of n × k to fill
        from scipy import sparse  # loaded with scikit-learn already; here so that importing metrics stays light

        sums = sparse.csc_array((np.ones(n), labels, np.arange(n + 1)), shape=(k, n)) @ values
    counts = np.bincount(labels, minlength=k)[:, None]
    return np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)


def nearest_centers(values: np.ndarray, centers: np.ndarray) -> np.ndarray:
    """Index of the nearest of ``centers`` (shape ``(k, d)``) for every row of ``values`` (shape ``(n, d)``).

    Computed in chunks of fixed size to bound memory; the same rows in the same chunks
    always get the same answer, which is what lets a fitted model reproduce its labels.
    """
    out = np.empty(len(values), dtype=np.int64)
    center_norms = (centers**2).sum(axis=1)
    doubled = -2.0 * centers.T  # times two is exact: the same sums as subtracting twice the product
    for start in range(0, len(values), _CHUNK):
        chunk = values[start : start + _CHUNK]
        distances = chunk @ doubled  # squared distance less the row's own squared norm, in place
        distances += center_norms
        out[start : start + len(chunk)] = distances.argmin(axis=1)
    return out


def inertia(values: np.ndarray, labels: np.ndarray, centers: np.ndarray) -> float:
    """Sum of squared distances of the rows to their segment's centre."""
    return float(((values - centers[labels]) ** 2).sum())


def distinct_rows(values: np.ndarray, enough: int | None = None) -> int:
    """Number of distinct rows of ``values`` (stops counting exactly beyond ``enough`` on large data)."""
    if enough is not None and len(values) > 5000:
        head = values[:5000]
        count = len(np.unique(np.round(head, 12), axis=0))
        if count >= enough:
            return count
    return len(np.unique(np.round(values, 12), axis=0))


def silhouettes(values: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Silhouette of every row, shape ``(n,)``; label ``-1`` rows (unassigned) get NaN and are not a segment.

    Computed in chunks with squared norms, so ``n`` up to a few thousand stays quick.
    Singleton segments score 0, as in scikit-learn.
    """
    return silhouettes_for_labelings(values, [labels])[0]


def silhouettes_for_labelings(values: np.ndarray, labelings: list[np.ndarray]) -> list[np.ndarray]:
    """:func:`silhouettes` for several labelings of the same rows, computing the distances once.

    The distances are computed block by block over the upper triangle of the pairs: each block
    serves the sums of both its rows and its columns (a distance is symmetric), and one matrix
    product with every labeling's one-hot segments per block gives each row's summed distance
    to every segment of every labeling.
    """
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
    onehot_all = np.hstack(blocks)
    sums_all = np.zeros_like(onehot_all)  # (n, every labeling's segments): summed distances of a row to each
    for start in range(0, n, _PAIR_BLOCK):
        rows = slice(start, min(start + _PAIR_BLOCK, n))
        for other in range(start, n, _PAIR_BLOCK):
            columns = slice(other, min(other + _PAIR_BLOCK, n))
            distances = _pair_distances(values[rows], values[columns], norms[rows], norms[columns])
            if other == start:
                np.fill_diagonal(distances, 0.0)
            sums_all[rows] += distances @ onehot_all[columns]
            if other != start:
                sums_all[columns] += distances.T @ onehot_all[rows]
    results = [np.full(n, np.nan) for _ in labelings]
    for position, (labels, valid, k, columns, counts) in enumerate(encoded):
        if k < 2:
            continue
        sums = sums_all[valid, columns]
        own = labels[valid]
        own_count = counts[own]
        inside = np.arange(len(own))
        a = np.where(own_count > 1, sums[inside, own] / np.maximum(own_count - 1, 1), 0.0)
        means = sums / np.where(counts > 0, counts, np.inf)
        means[inside, own] = np.inf
        means[:, counts == 0] = np.inf
        b = means.min(axis=1)
        results[position][valid] = np.where(own_count > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-300), 0.0)
    return results


def _pair_distances(left: np.ndarray, right: np.ndarray, left_norms: np.ndarray, right_norms: np.ndarray) -> np.ndarray:
    """Euclidean distances between the rows of ``left`` (m, d) and ``right`` (p, d), shape ``(m, p)``, in place."""
    squared = (-2.0 * left) @ right.T  # times two is exact: the same as doubling the product, one pass fewer
    squared += left_norms[:, None]
    squared += right_norms[None, :]
    np.maximum(squared, 0.0, out=squared)
    return np.sqrt(squared, out=squared)


def weakest_separation(values: np.ndarray, labels: np.ndarray) -> float:
    """How far apart the two least separated neighbouring segments are, in within-segment standard deviations.

    Each segment is paired with the segment whose centre is nearest its own; both are
    projected onto the line through the two centres, and the distance between the centres
    is divided by the pooled standard deviation of the projections. Cutting one normal
    group in two scores about 2.7 and one flat (uniform) group about 3.5, whatever its
    shape in the other directions: a long group cut across its length still scores that,
    while its silhouette can look well apart. Two groups with a gap between them score more.

    Parameters
    ----------
    values : numpy.ndarray
        Shape ``(n, d)``.
    labels : numpy.ndarray
        Shape ``(n,)``: segments ``0 … k-1``; ``-1`` (unassigned) is left out.

    Returns
    -------
    float
        The smallest separation of a segment from its nearest neighbour (``inf`` when every
        pair is told apart exactly, NaN with fewer than two segments of two or more customers).
    """
    valid = labels >= 0
    values, labels = values[valid], labels[valid]
    k = int(labels.max()) + 1 if len(labels) else 0
    sizes = np.bincount(labels, minlength=k)
    present = np.flatnonzero(sizes > 1)
    if len(present) < 2:
        return float("nan")
    centers = segment_centers(values, labels, k)
    weakest = float("inf")
    for segment in present:
        others = present[present != segment]
        neighbour = others[((centers[others] - centers[segment]) ** 2).sum(axis=1).argmin()]
        line = centers[neighbour] - centers[segment]
        length = float(np.sqrt(line @ line))
        if length == 0.0:
            return 0.0
        own = values[labels == segment] @ (line / length)
        near = values[labels == neighbour] @ (line / length)
        within = np.sqrt((own.var() * len(own) + near.var() * len(near)) / (len(own) + len(near)))
        if within > 0:
            weakest = min(weakest, length / float(within))
    return weakest


def sampled_silhouette(values: np.ndarray, labels: np.ndarray, seed: int) -> float:
    """Mean silhouette on a fixed-seed sample of at most :data:`SILHOUETTE_SAMPLE` customers (NaN if undefined).

    ``labels`` of ``-1`` (unassigned customers) are left out.
    """
    sample = silhouette_sample(len(values), seed)
    sampled = labels[sample]
    groups = np.unique(sampled[sampled >= 0])
    if len(groups) < 2 or len(groups) >= (sampled >= 0).sum():
        return float("nan")
    return float(np.nanmean(silhouettes(values[sample], sampled)))
