"""Place customers on a 2-D map (PCA or t-SNE) for drawing, sampling when there are many, and say what its axes mean."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE

from segmentti.insight.naming import column_label
from segmentti.texts import translate

MAP_POINTS = 20_000
"""The map draws at most this many customers (a fixed-seed sample)."""

AXIS_CRITERIA = 3
"""An axis is named after at most this many criteria, those that load most on it."""

AXIS_SHARE = 0.6
"""A criterion names an axis when its loading is at least this share of the strongest one's."""


def principal_axes(values: np.ndarray, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The first two principal axes of the feature matrix, each turned so its strongest loading is positive.

    The sign of a principal component is arbitrary; fixing it this way makes "to the right"
    mean "more of the criterion that matters most on this axis", so the axis can be named.

    Parameters
    ----------
    values : numpy.ndarray
        Shape ``(n_customers, n_features)``.
    seed : int, default 0
        Seed of the PCA (its solver is exact for the map's sizes).

    Returns
    -------
    mean : numpy.ndarray
        Shape ``(n_features,)``: the centre the axes go through.
    components : numpy.ndarray
        Shape ``(c, n_features)``, ``c = min(2, n_features, n_customers)``: unit-length loadings.
    """
    components = min(2, values.shape[1], len(values))
    pca = PCA(n_components=components, random_state=seed).fit(values)
    loadings = pca.components_.copy()
    for row in loadings:
        if row[np.argmax(np.abs(row))] < 0:
            row *= -1
    return pca.mean_, loadings


def project_to_2d(values: np.ndarray, max_points: int = MAP_POINTS, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Project the feature matrix to its first two principal axes (:func:`principal_axes`).

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
    mean, components = principal_axes(values, seed)
    coords = (values[rows] - mean) @ components.T
    if len(components) < 2:
        coords = np.column_stack([coords, np.zeros(len(rows))])
    return rows, coords


@dataclass(frozen=True)
class AxisLoading:
    """How much one criterion (or one level of a categorical criterion) moves customers along a map axis.

    ``loading`` is signed: positive means customers further right (or up) have more of it.
    """

    criterion: str
    level: str | None
    loading: float


def axis_loadings(
    components: np.ndarray,
    feature_names: Sequence[str],
    numeric: Sequence[str],
    categorical: Sequence[str],
) -> list[tuple[AxisLoading, ...]]:
    """The criteria that load most on each axis, strongest first.

    A numeric criterion is one column of the matrix; a categorical one is several
    (``criterion_level``): its strength is the length of its levels' loadings together and
    it is represented by its strongest level. A criterion is kept when its strength is at
    least :data:`AXIS_SHARE` of the strongest one's, at most :data:`AXIS_CRITERIA` per axis.

    Parameters
    ----------
    components : numpy.ndarray
        Shape ``(c, n_features)`` from :func:`principal_axes`.
    feature_names : sequence of str
        The matrix's column names (``FeatureMatrix.feature_names``).
    numeric, categorical : sequence of str
        The criteria, as in :class:`segmentti.engine.features.FeatureMatrix`.

    Returns
    -------
    list of tuple of AxisLoading
        One tuple per axis.
    """
    owners: list[tuple[str, str | None] | None] = []
    by_length = sorted(categorical, key=len, reverse=True)  # "channel_web" belongs to "channel", not to "chan"
    for name in feature_names:
        if name in numeric:
            owners.append((name, None))
            continue
        owner = next((criterion for criterion in by_length if name.startswith(f"{criterion}_")), None)
        owners.append((owner, name[len(owner) + 1 :]) if owner is not None else None)
    axes = []
    for row in components:
        strength: dict[str, float] = {}
        strongest: dict[str, AxisLoading] = {}
        for owner, loading in zip(owners, row, strict=True):
            if owner is None:
                continue
            criterion, level = owner
            strength[criterion] = strength.get(criterion, 0.0) + float(loading) ** 2
            if criterion not in strongest or abs(loading) > abs(strongest[criterion].loading):
                strongest[criterion] = AxisLoading(criterion, level, float(loading))
        ranked = sorted(strength, key=lambda criterion: -strength[criterion])
        top = np.sqrt(strength[ranked[0]]) if ranked else 0.0
        kept = [name for name in ranked if top > 0 and np.sqrt(strength[name]) >= AXIS_SHARE * top]
        axes.append(tuple(strongest[name] for name in kept[:AXIS_CRITERIA]))
    return axes


def name_axis(number: int, loadings: Sequence[AxisLoading], lang: str, labels: Mapping[str, str] | None = None) -> str:
    """An axis title in words: ``"Axis 1 → more: Income, Spend on wines · less: Age"``.

    Parameters
    ----------
    number : int
        1 or 2.
    loadings : sequence of AxisLoading
        From :func:`axis_loadings`.
    lang : str
        ``"fi"`` or ``"en"``.
    labels : mapping of str to str, optional
        The user's readable column labels (see :func:`segmentti.insight.naming.column_label`).
    """

    def label(loading: AxisLoading) -> str:
        text = column_label(loading.criterion, lang, labels)
        return text if loading.level is None else f"{text}: {loading.level}"

    more = [label(loading) for loading in loadings if loading.loading > 0]
    less = [label(loading) for loading in loadings if loading.loading < 0]
    parts = []
    if more:
        parts.append(translate("chart.axis_more", lang, criteria=", ".join(more)))
    if less:
        parts.append(translate("chart.axis_less", lang, criteria=", ".join(less)))
    if not parts:
        return translate("chart.axis_plain", lang, number=number)
    return translate("chart.axis", lang, number=number, direction=" · ".join(parts))


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
