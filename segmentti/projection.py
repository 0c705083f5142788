"""Place customers on a 2-D map (PCA) for drawing, sampling when there are many."""

from __future__ import annotations

import numpy as np
from sklearn.decomposition import PCA

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
