"""Score every number of segments k of a range, and recommend one with the reason in plain words."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

import numpy as np
from sklearn.metrics import adjusted_rand_score

from segmentti.engine import structure as _structure
from segmentti.engine.features import FeatureMatrix
from segmentti.engine.methods import K_MAX, K_MIN, Fitted, Method, get_method, single_threaded
from segmentti.engine.metrics import (
    distinct_rows,
    segment_centers,
    silhouette_sample,
    silhouettes_for_labelings,
    weakest_separation,
)
from segmentti.errors import SegmenttiError
from segmentti.texts import translate

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
    the smallest segment. ``small_silhouette``: the lowest mean silhouette of a segment
    under the small-segment warning (NaN when there is none).
    ``reference_silhouette`` is what the same k scores on structureless versions of the
    data, ``reference_spread`` its standard deviation over the draws (see
    :mod:`segmentti.engine.structure`); :attr:`excess` is the difference.
    ``reference_smallest``: the silhouette of the smallest segment cut out of the reference.
    ``weakest_silhouette``: the lowest mean silhouette of a segment, how clearly the least
    distinct one stands apart.
    ``gap`` (and its ``gap_spread``): the gap statistic, how much tighter the segments are
    than the reference's (log of the mean squared distance to the centre).
    ``separation``: how far the least separated segment is from its nearest neighbour, in
    within-segment standard deviations along the line through their centres (see
    :func:`segmentti.engine.metrics.weakest_separation`; about 2.7 when a k only cuts a normal group in two).
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
    reference_silhouette: float = float("nan")
    reference_spread: float = 0.0
    small_silhouette: float = float("nan")
    reference_smallest: float = float("nan")
    gap: float = float("nan")
    gap_spread: float = 0.0
    weakest_silhouette: float = float("nan")
    separation: float = float("nan")

    @property
    def excess(self) -> float:
        """How much the silhouette beats the structureless reference's (NaN without a reference)."""
        return self.silhouette - self.reference_silhouette


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
        Why ``recommended_k``: see :class:`segmentti.engine.structure.Recommendation`
        (``"apart"``, ``"best"``, ``"favoured"`` (3–5 within the noise of the best), ``"fewer"`` (the fewest within it, none of 3–5), ``"continuum"`` (3–5 close to the best where no k's segments stand apart), ``"stable"``, ``"small"``, ``"merged"`` or ``"none"``).
    best_k : int
        The k whose silhouette beats the structureless reference by the most.
    clear_structure : bool
        Whether some k's silhouette beats the structureless reference significantly; when
        not, the data has no clear groups and any split is for convenience.
    """

    scores: tuple[KScore, ...]
    recommended_k: int
    silhouette_sample_size: int
    method: str = "kmeans"
    reason: str = "best"
    best_k: int = 0
    clear_structure: bool = True
    fits: dict[int, Fitted] = field(default_factory=dict, compare=False, repr=False)
    """Each k's fitted method: :func:`segmentti.engine.clustering.segment_customers` reuses it instead of fitting again."""

    def score(self, k: int) -> KScore:
        """The scores of ``k``."""
        return next(score for score in self.scores if score.k == k)

    def explain(self, lang: str) -> str:
        """The reason for the recommendation in plain words (numbers in the language's format)."""
        chosen, best = self.score(self.recommended_k), self.score(self.best_k)
        return translate(
            f"engine.reason_{self.reason}",
            lang,
            k=self.recommended_k,
            silhouette=_decimal(chosen.silhouette, lang),
            reference=_decimal(chosen.reference_silhouette, lang),
            best_k=self.best_k,
            best_silhouette=_decimal(best.silhouette, lang),
            best_reference=_decimal(best.reference_silhouette, lang),
            stability=_decimal(chosen.stability, lang),
            best_stability=_decimal(best.stability, lang),
            best_smallest=best.smallest_size,
            weakest=_decimal(chosen.weakest_silhouette, lang),
            sample=f"{self.silhouette_sample_size:,}".replace(",", "\u00a0" if lang == "fi" else ","),
        )


def _decimal(value: float, lang: str) -> str:
    """Two decimals, with a decimal comma and a true minus sign in Finnish."""
    text = f"{value:.2f}"
    return text.replace(".", ",").replace("-", "\u2212") if lang == "fi" else text


@single_threaded
def scan_k(
    features: FeatureMatrix,
    k_min: int = K_MIN,
    k_max: int = K_MAX,
    seed: int = 0,
    *,
    method: str = "kmeans",
    progress: Callable[[float], None] | None = None,
    background_reference: bool = False,
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
    background_reference : bool, default False
        Draw and segment the structureless references (:func:`segmentti.engine.structure.reference_silhouettes`)
        in a second thread while the customers are segmented: the same scores, about 0.2 s sooner on
        100,000 customers when a core is free, for about 0.2 s more CPU. The command line, which has
        the machine to itself, asks for it; the app, whose sessions share the cores, does not.

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
    reference = _reference_of(features, ks, seed, background_reference)
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
    scores = _with_reference(features, scores, [fits[k].labels for k in ks], evaluation, silhouettes, reference())
    if progress is not None:
        progress(1.0)
    chosen = recommend_k(scores)
    return KScan(scores, chosen.k, len(evaluation), method, chosen.reason, chosen.best_k, chosen.clear_structure, fits)


@single_threaded
def scan_fit(
    features: FeatureMatrix, k: int, seed: int = 0, *, method: str = "kmeans", k_max: int = K_MAX
) -> Fitted | None:
    """The fit of ``k`` segments as :func:`scan_k` makes it over the range up to ``k_max``, without the scores.

    k-means over a range keeps, at each k, the better separated of its own fit and the largest
    k's segments merged down, so its k segments can differ from k-means run for k alone. A k
    chosen by hand (a project, ``segment --k``) takes this fit, so it gives the segments the
    Segments page shows at that k. ``None`` when the method fits each k by itself (then a fit
    of k alone is the same) or when the data has too few distinct customers for the range.
    """
    chosen = get_method(method)
    if not chosen.takes_k or type(chosen).fit_range is Method.fit_range:
        return None
    values = features.values
    top = max(k_max, k)
    top = min(top, distinct_rows(values, top + 1) - 1)
    if not K_MIN <= k <= top:
        return None
    return dict(chosen.fit_range(values, range(K_MIN, top + 1), seed)).get(k)


def _reference_of(
    features: FeatureMatrix, ks: list[int], seed: int, background: bool
) -> Callable[[], _structure.Reference]:
    """The structureless reference of ``ks``, to be collected by calling the result: computed then, or in a thread now.

    The reference draws from generators of its own seed and segments with k-means of fixed seeds, so
    where and when it runs does not change it. An error in the thread is raised by the call.
    """
    if not background:
        return lambda: _structure.reference_silhouettes(features, ks, seed)
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="segmentti-reference")
    drawn = worker.submit(_structure.reference_silhouettes, features, ks, seed)
    worker.shutdown(wait=False)  # the thread ends with its one task
    return drawn.result


def _with_reference(
    features: FeatureMatrix,
    scores: tuple[KScore, ...],
    labelings: list[np.ndarray],
    evaluation: np.ndarray,
    silhouettes: list[np.ndarray],
    reference: _structure.Reference,
) -> tuple[KScore, ...]:
    """The scores with the structureless ``reference``'s silhouettes and the small segments' own silhouette.

    ``labelings`` hold every customer's label per k; ``silhouettes`` those of the
    ``evaluation`` customers.
    """
    completed = []
    for position, score in enumerate(scores):
        completed.append(
            replace(
                score,
                reference_silhouette=float(reference.silhouette[position]),
                reference_spread=float(reference.spread[position]),
                reference_smallest=float(reference.smallest[position]),
                small_silhouette=_structure.small_silhouette(labelings[position], evaluation, silhouettes[position]),
                gap=float(reference.log_dispersion[position] - np.log(score.inertia / len(labelings[position]))),
                gap_spread=float(reference.log_dispersion_spread[position]),
                weakest_silhouette=_structure.weakest_silhouette(
                    labelings[position][evaluation], silhouettes[position]
                ),
                separation=weakest_separation(features.values[evaluation], labelings[position][evaluation]),
            )
        )
    return tuple(completed)


def recommend_k(scores: tuple[KScore, ...]) -> _structure.Recommendation:
    """Pick k: the clearest segments against a structureless reference, stable, without a spurious tiny segment.

    Weighs each k's silhouette excess over the reference (``KScore.excess``), how far
    apart its segments are (``KScore.weakest_silhouette``, ``KScore.separation``), its
    stability and its small segments; 3–5 segments win near-ties only. The rule is
    :func:`segmentti.engine.structure.choose_k`. Segments under the small-segment warning
    (:data:`segmentti.engine.methods.SMALL_SHARE` / ``SMALL_SIZE``) count only when each
    one's silhouette clearly beats that of the smallest segment cut out of the reference.
    Scores without a reference (NaN) are compared on their silhouette alone.

    Returns
    -------
    segmentti.engine.structure.Recommendation
        ``k``, ``reason``, ``best_k`` and ``clear_structure``.
    """
    references = [0.0 if np.isnan(score.reference_silhouette) else score.reference_silhouette for score in scores]
    return _structure.choose_k(
        [score.k for score in scores],
        [score.silhouette - reference for score, reference in zip(scores, references, strict=True)],
        [score.reference_spread for score in scores],
        [score.stability for score in scores],
        [score.small_silhouette - np.nan_to_num(score.reference_smallest) for score in scores],
        [score.gap for score in scores],
        [score.gap_spread for score in scores],
        [score.weakest_silhouette - reference for score, reference in zip(scores, references, strict=True)],
        [score.separation for score in scores],
    )


def _full_scores(values: np.ndarray, labels: np.ndarray, k: int) -> dict[str, float]:
    """Inertia, Calinski–Harabasz, Davies–Bouldin and the smallest segment, from centres in O(n d)."""
    n = len(values)
    centers = segment_centers(values, labels, k)
    sizes = np.bincount(labels, minlength=k)
    offsets = centers[labels]
    np.subtract(values, offsets, out=offsets)
    offsets *= offsets
    distances = np.sqrt(offsets.sum(axis=1))
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
