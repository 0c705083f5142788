"""Score every number of segments k of a range, and recommend one with the reason in plain words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from sklearn.metrics import adjusted_rand_score

from segmentti.engine.features import FeatureMatrix
from segmentti.engine.methods import K_MAX, K_MIN, Fitted, get_method, single_threaded
from segmentti.engine.metrics import distinct_rows, segment_centers, silhouette_sample, silhouettes_for_labelings
from segmentti.errors import SegmenttiError
from segmentti.texts import translate

CLOSE_SHARE = 0.10
"""Silhouettes within this share (10 %) of the best count as "close"; among them 3–5 segments are favoured."""

STABILITY_TIE = 0.05
"""Stabilities this close count as equal when choosing among close k."""

FAVOURED_KS = (3, 4, 5)
"""The seeds' advice: start with the 3–5 most significant groups."""

STABLE_ARI = 0.75
"""A k whose runs on resamples agree less than this (adjusted Rand index) is unstable."""

RESAMPLES = 2
"""Extra runs on resampled customers per k for the stability score."""

RESAMPLE_SIZE = 5_000
"""Each resample holds 80 % of the customers, at most this many."""


@dataclass(frozen=True)
class KScore:
    """Quality scores of a segmentation into ``k`` segments.

    ``silhouette``, ``calinski_harabasz`` and ``stability``: higher is better;
    ``davies_bouldin`` and ``bic``: lower is better; ``inertia`` always falls as k grows
    (look for the elbow). ``stability`` is the mean adjusted Rand index between the
    segments and runs on resampled customers (1 = identical). ``bic`` is computed for
    the Gaussian mixture only (NaN otherwise). ``smallest_size``/``smallest_share``:
    the smallest segment.
    """

    k: int
    inertia: float
    silhouette: float
    calinski_harabasz: float
    davies_bouldin: float
    stability: float = float("nan")
    bic: float = float("nan")
    smallest_size: int = 0
    smallest_share: float = float("nan")


@dataclass(frozen=True)
class KScan:
    """Scores for each k of a range, and the k recommended.

    Attributes
    ----------
    scores : tuple of KScore
        One per k, ascending.
    recommended_k : int
        See :func:`recommend_k`.
    silhouette_sample_size : int
        Customers the silhouette (and stability) was computed on.
    method : str
        The clustering method scanned.
    reason : str
        Why ``recommended_k``: ``"best"``, ``"favoured"`` (close scores, 3–5 preferred)
        or ``"stable"`` (the best silhouette was unstable).
    best_k : int
        The k with the highest silhouette.
    """

    scores: tuple[KScore, ...]
    recommended_k: int
    silhouette_sample_size: int
    method: str = "kmeans"
    reason: str = "best"
    best_k: int = 0
    fits: dict[int, Fitted] = field(default_factory=dict, compare=False, repr=False)
    """Each k's fitted method: :func:`segmentti.engine.clustering.segment_customers` reuses it instead of fitting again."""

    def score(self, k: int) -> KScore:
        """The scores of ``k``."""
        return next(score for score in self.scores if score.k == k)

    def explain(self, lang: str) -> str:
        """The reason for the recommendation in plain words."""
        chosen, best = self.score(self.recommended_k), self.score(self.best_k)
        return translate(
            f"engine.reason_{self.reason}",
            lang,
            k=self.recommended_k,
            silhouette=f"{chosen.silhouette:.2f}",
            best_k=self.best_k,
            best_silhouette=f"{best.silhouette:.2f}",
            stability=f"{chosen.stability:.2f}",
            best_stability=f"{best.stability:.2f}",
            sample=self.silhouette_sample_size,
        )


@single_threaded
def scan_k(
    features: FeatureMatrix,
    k_min: int = K_MIN,
    k_max: int = K_MAX,
    seed: int = 0,
    *,
    method: str = "kmeans",
    progress: Callable[[float], None] | None = None,
) -> KScan:
    """Segment for every k from ``k_min`` to ``k_max`` and score each.

    Inertia, Calinski–Harabasz and Davies–Bouldin use every customer; silhouette and
    stability a fixed-seed sample of at most :data:`segmentti.engine.metrics.SILHOUETTE_SAMPLE`.
    ``k_max`` is lowered to one less than the number of distinct customers when the data
    is that small. Each k's fit is kept in ``KScan.fits``.

    Parameters
    ----------
    features : FeatureMatrix
        ``values`` of shape ``(n, d)``.
    k_min, k_max : int, default 2, 10
        The range of k.
    seed : int, default 0
        Random seed.
    method : str, default "kmeans"
        A method of :data:`segmentti.engine.methods.METHOD_REGISTRY` that takes k
        (HDBSCAN finds its own number of segments and cannot be scanned).
    progress : callable, optional
        Called with the share done (0–1) after each k.

    Raises
    ------
    SegmenttiError
        When the range is empty, the method has no k, or the data is too small for even ``k_min``.
    """
    chosen = get_method(method)
    if not chosen.takes_k:
        raise SegmenttiError("error.scan_method", method=method)
    if k_min < 2 or k_max < k_min:
        raise SegmenttiError("error.bad_k_range", k_min=k_min, k_max=k_max)
    values = features.values
    n = len(values)
    distinct = distinct_rows(values, k_max + 1)
    k_max = min(k_max, distinct - 1)
    if k_max < k_min:
        raise SegmenttiError("error.too_few_rows", k=k_min + 1, rows=n)
    ks = list(range(k_min, k_max + 1))
    evaluation = silhouette_sample(n, seed)
    resampled = [
        chosen.fit_range(values[rows], ks, seed + 1 + number, resample=True)
        for number, rows in enumerate(_resamples(n, seed))
    ]
    fits: dict[int, Fitted] = {}
    partial: dict[int, dict[str, float]] = {}
    for position, ((k, fit), *others) in enumerate(zip(chosen.fit_range(values, ks, seed), *resampled, strict=True)):
        fits[k] = fit
        partial[k] = _full_scores(values, fit.labels, fit.groups)
        partial[k]["stability"] = _stability(values[evaluation], fit.labels[evaluation], [other for _, other in others])
        partial[k].update(fit.scores())
        if progress is not None:
            progress((position + 1) / (len(ks) + 1))
    silhouettes = silhouettes_for_labelings(values[evaluation], [fits[k].labels[evaluation] for k in ks])
    scores = tuple(
        KScore(
            k=k,
            silhouette=float(np.nanmean(silhouettes[position])),
            **partial[k],
        )
        for position, k in enumerate(ks)
    )
    if progress is not None:
        progress(1.0)
    recommended, reason, best = recommend_k(scores)
    return KScan(scores, recommended, len(evaluation), method, reason, best, fits)


def recommend_k(scores: tuple[KScore, ...]) -> tuple[int, str, int]:
    """Pick k from the scores: clear, stable segments, and 3–5 of them when the scores are close.

    1. Stable k: stability at least :data:`STABLE_ARI` (all k when none is).
    2. Close k: stable k whose silhouette is within :data:`CLOSE_SHARE` (relative) of the
       best stable silhouette.
    3. Of the close k, those in 3–5 when there are any (the seeds' advice).
    4. Of those, the most stable (stabilities within :data:`STABILITY_TIE` count as
       equal), then the highest silhouette.

    Returns
    -------
    (k, reason, best_k)
        ``best_k`` has the highest silhouette overall; ``reason`` is ``"best"`` when the
        recommendation is ``best_k``, ``"favoured"`` when ``best_k`` lies outside 3–5 and
        the recommendation inside, else ``"stable"``.
    """

    def by_silhouette(score: KScore) -> tuple[float, int]:
        return round(score.silhouette, 6), -score.k

    best = max(scores, key=by_silhouette)
    stable = [score for score in scores if not score.stability < STABLE_ARI] or list(scores)
    top = max(stable, key=by_silhouette)
    close = [score for score in stable if score.silhouette >= top.silhouette - CLOSE_SHARE * abs(top.silhouette)]
    pool = [score for score in close if score.k in FAVOURED_KS] or close
    stabilities = [score.stability for score in pool if not np.isnan(score.stability)]
    if stabilities:
        most = max(stabilities)
        pool = [score for score in pool if np.isnan(score.stability) or score.stability >= most - STABILITY_TIE]
    chosen = max(pool, key=by_silhouette)
    if chosen.k == best.k:
        return chosen.k, "best", best.k
    if best.k not in FAVOURED_KS and chosen.k in FAVOURED_KS:
        return chosen.k, "favoured", best.k
    return chosen.k, "stable", best.k


def _full_scores(values: np.ndarray, labels: np.ndarray, k: int) -> dict[str, float]:
    """Inertia, Calinski–Harabasz, Davies–Bouldin and the smallest segment, from centres in O(n d)."""
    n = len(values)
    centers = segment_centers(values, labels, k)
    sizes = np.bincount(labels, minlength=k)
    distances = np.sqrt(((values - centers[labels]) ** 2).sum(axis=1))
    inertia = float((distances**2).sum())
    overall = values.mean(axis=0)
    between = float((sizes * ((centers - overall) ** 2).sum(axis=1)).sum())
    calinski = between / (k - 1) / (inertia / (n - k)) if inertia > 0 and n > k else float("inf")
    spread = np.bincount(labels, weights=distances, minlength=k) / np.maximum(sizes, 1)
    gaps = np.sqrt(((centers[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(gaps, np.inf)
    ratios = (spread[:, None] + spread[None, :]) / np.where(gaps == 0, np.inf, gaps)
    davies = float(ratios.max(axis=1).mean())
    smallest = int(sizes.min())
    return {
        "inertia": inertia,
        "calinski_harabasz": float(calinski),
        "davies_bouldin": davies,
        "smallest_size": smallest,
        "smallest_share": smallest / n,
    }


def _resamples(n: int, seed: int) -> list[np.ndarray]:
    size = min(int(0.8 * n), RESAMPLE_SIZE)
    rng = np.random.default_rng(seed + 1)
    return [np.sort(rng.choice(n, size, replace=False)) for _ in range(RESAMPLES)]


def _stability(evaluated: np.ndarray, labels: np.ndarray, resample_fits: list[Fitted]) -> float:
    """Mean adjusted Rand index between ``labels`` of the evaluation customers and each resample fit's labels of them."""
    return float(np.mean([adjusted_rand_score(labels, fit.predict(evaluated)) for fit in resample_fits]))
