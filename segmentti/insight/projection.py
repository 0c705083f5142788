"""Place customers on a 2-D map (PCA) for drawing, sampling when there are many."""

from __future__ import annotations

import numpy as np
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE

MAP_POINTS = 20_000
"""The map draws at most this many customers (a fixed-seed sample)."""


def project_to_2d(values: np.ndarray, max_points: int = MAP_POINTS, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Project the feature matrix to its first two principal components.

    Parameters
    ----------
    values : numpy.ndarray
        Shape ``(n_customers, n_features)``.
    max_points : int, default :data:`MAP_POINTS`
        Largest number of customers returned.
    seed : int, default 0
        Seed of the sample.

    Returns
    -------
    rows : numpy.ndarray
        Shape ``(m,)``, ``m = min(n_customers, max_points)``: positions of the drawn customers.
    coords : numpy.ndarray
        Shape ``(m, 2)``: their coordinates (one column of zeros when there is one feature).
    """
    n = len(values)
    rows = (
        np.arange(n) if n <= max_points else np.sort(np.random.default_rng(seed).choice(n, max_points, replace=False))
    )
    components = min(2, values.shape[1], n)
    pca = PCA(n_components=components, random_state=seed).fit(values)
    coords = pca.transform(values[rows])
    if components < 2:
        coords = np.column_stack([coords, np.zeros(len(rows))])
    return rows, coords


TSNE_MAX_CUSTOMERS = 20_000
"""t-SNE is offered for data of at most this many customers."""

TSNE_POINTS = 3000
"""t-SNE is computed on (and draws) at most this many customers: it takes seconds per thousand."""


def project_tsne(values: np.ndarray, max_points: int = TSNE_POINTS, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Place customers on a 2-D t-SNE map (neighbours stay neighbours; distances between groups mean little).

    Parameters
    ----------
    values : numpy.ndarray
        Shape ``(n_customers, n_features)``; callers offer this for ``n_customers <= TSNE_MAX_CUSTOMERS``.
    max_points : int, default :data:`TSNE_POINTS`
        Largest number of customers placed (a fixed-seed sample).
    seed : int, default 0
        Seed of the sample and of t-SNE.

    Returns
    -------
    rows, coords
        As :func:`project_to_2d`.
    """
    n = len(values)
    rows = (
        np.arange(n) if n <= max_points else np.sort(np.random.default_rng(seed).choice(n, max_points, replace=False))
    )
    perplexity = float(min(30, max(2, (len(rows) - 1) // 3)))
    start = PCA(n_components=min(2, values.shape[1]), random_state=seed).fit_transform(values[rows])
    if start.shape[1] < 2:
        start = np.column_stack([start, np.zeros(len(rows))])
    start = start / (np.std(start[:, 0]) or 1.0) * 1e-4
    coords = TSNE(n_components=2, perplexity=perplexity, init=start, random_state=seed, max_iter=500).fit_transform(
        values[rows]
    )
    return rows, coords
