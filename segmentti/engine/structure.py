"""Tell real segments from convenient splits: silhouettes against structureless references, and the choice of k.

Any data can be cut into k pieces, and the pieces of a single round cloud of customers
still score a silhouette near 0.3–0.4. A silhouette therefore means something only next to
the silhouette the same number of segments scores on data *without* groups but otherwise
like the customers'. Two such references are drawn, because each alone can be fooled:

* **one Gaussian cloud** — the continuous criteria drawn from a single normal distribution
  with the customers' own means and covariance: the null hypothesis of SigClust (Liu, Hayes,
  Nobel & Marron 2008). Correlated criteria (spend and orders rising together) stay
  correlated, so a long cloud is compared with a long cloud. Flat, boxy criteria (a uniform
  square) would fool this one alone: they split more cleanly than a Gaussian.
* **independent flat criteria** — every continuous criterion drawn on its own from a uniform
  distribution with its mean and standard deviation (the flat reference of the gap
  statistic, Tibshirani, Walther & Hastie 2001).

In both, categorical criteria (a whole one-hot block) and numbers with few distinct values
are shuffled on their own, customer by customer: their levels and shares stay exactly,
every link to the other criteria goes. The reference silhouette of a k is the higher of the
two. Its excess is what the recommendation weighs; ``clear_structure`` says whether the best
excess is significant.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import KMeans

from segmentti.engine.features import BalancedOneHotEncoder, FeatureMatrix
from segmentti.engine.methods import SMALL_SHARE, SMALL_SIZE, CentreFit, Fitted, separated_fits, single_threaded
from segmentti.engine.metrics import (
    distinct_rows,
    inertia,
    segment_centers,
    silhouette_sample,
    silhouettes_for_labelings,
)

REFERENCE_ROWS = 1500
"""The references are drawn from a fixed-seed sample of at most this many customers."""

DISCRETE_LEVELS = 12
"""A numeric criterion with at most this many distinct values (a code, a count of children) is shuffled, not redrawn."""

REFERENCE_WORK = 6000
"""Rows × draws per reference kind: small data gets more draws (at least 2, at most 10)."""

CLEAR_EXCESS = 0.05
"""A silhouette must beat the reference by at least this much to count as structure."""

CLEAR_SPREADS = 3.0
"""… and by at least this many standard deviations of the reference (over its draws)."""

TIE_EXCESS = 0.01
"""Excesses within this much (or two standard deviations of the reference) of the best are a near-tie."""

REAL_EXCESS = 0.08
"""A segment under the small-segment warning counts as a group of its own when its silhouette beats the
silhouette of the smallest segment cut out of the reference by at least this much."""

CLOSE_SHARE = 0.15
"""k whose excesses are within this share of the best one are compared on the gap statistic too."""

GAP_MARGIN = 0.1
"""A jump of the gap statistic into k of at least this much (log dispersion: segments about 10 % tighter)
can make k an elbow: the k before it merged two groups. Smaller jumps come and go with one unlucky fit."""

CONVENIENT_K = 4
"""The k offered when the data has no clear groups: the middle of the seeds' 3–5 — a split for convenience."""

FAVOURED_KS = (3, 4, 5)
"""The seeds' advice: start with the 3–5 most significant groups (used to break near-ties only)."""

APART_EXCESS = 0.15
"""A k whose every segment's own mean silhouette beats the reference silhouette by at least this much
has segments that each stand apart: the largest such k is recommended (see :func:`choose_k`)."""

SEPARATED = 4.0
"""… and whose every segment is at least this many within-segment standard deviations from its nearest
neighbour along the line through their centres (:func:`segmentti.engine.metrics.weakest_separation`):
cutting one normal group in two gives about 2.7 and one flat group about 3.5, so a k that only cuts a
long group across its length is not taken for one with more groups."""

STABLE_ARI = 0.5
"""A k whose runs on resamples agree less than this (adjusted Rand index) is clearly unstable.

Lower than the 0.75 often quoted for a stable clustering: with two resamples the
stability is itself noisy, and a k is only ruled out when it falls apart."""

_INITS = {"small": 2, "large": 1}
"""k-means starts per reference cut: two on references smaller than :data:`REFERENCE_ROWS`, where one
unlucky start moves a small sample's silhouette; one on full-size references, where it does not and
the time counts."""


@dataclass(frozen=True)
class Reference:
    """Mean silhouettes of the structureless references per k.

    Attributes
    ----------
    ks : tuple of int
        The k, ascending.
    independent, gaussian : numpy.ndarray
        Shape ``(len(ks),)``: mean silhouette over the draws of each reference kind.
    silhouette : numpy.ndarray
        Shape ``(len(ks),)``: the higher of the two, the reference a k must beat.
    spread : numpy.ndarray
        Shape ``(len(ks),)``: standard deviation over the draws of the kind that gave ``silhouette``.
    smallest : numpy.ndarray
        Shape ``(len(ks),)``: the mean silhouette of the smallest segment the references
        were cut into (the higher kind): how distinct a small segment carved out of data
        without groups looks.
    log_dispersion, log_dispersion_spread : numpy.ndarray
        Shape ``(len(ks),)``: the mean over the Gaussian draws of the log mean squared
        distance to the segment centre, and its standard deviation × ``sqrt(1 + 1/draws)``:
        the gap statistic's reference (Tibshirani, Walther & Hastie 2001).
    rows, draws : int
        Customers per draw and draws per kind.
    """

    ks: tuple[int, ...]
    independent: np.ndarray
    gaussian: np.ndarray
    silhouette: np.ndarray
    spread: np.ndarray
    smallest: np.ndarray
    log_dispersion: np.ndarray
    log_dispersion_spread: np.ndarray
    rows: int
    draws: int


@dataclass(frozen=True)
class Recommendation:
    """The k to recommend and why.

    ``reason`` is ``"apart"`` (the most segments that each stand apart), ``"best"`` (the largest
    clear excess over the reference), ``"favoured"``
    (a near-tie broken towards 3–5 segments), ``"fewer"`` (a near-tie with none of 3–5 in it, broken
    towards the fewer segments), ``"stable"`` (a
    better-scoring k fell apart on resamples), ``"small"`` (a better-scoring k had a tiny
    segment that is not clearly a group), ``"merged"`` (a better-scoring k merged two
    groups, by the gap statistic) or ``"none"`` (no clear groups: :data:`CONVENIENT_K`
    for convenience).
    ``best_k`` has the largest excess over the reference.
    """

    k: int
    reason: str
    best_k: int
    clear_structure: bool


def criterion_blocks(features: FeatureMatrix) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The columns of ``features.values`` that belong to each criterion.

    Returns
    -------
    (numeric, categorical)
        Lists of column-position arrays: one single column per numeric criterion, one
        one-hot block per categorical criterion. When the transformation's layout is not
        recognised, every column is its own numeric block.
    """
    width = features.values.shape[1]
    numeric: list[np.ndarray] = []
    categorical: list[np.ndarray] = []
    encoder = getattr(features.transformer, "named_steps", {}).get("encode")
    position = 0
    for _, part, columns in getattr(encoder, "transformers_", []):
        if part == "drop" or not len(columns):
            continue
        if isinstance(part, BalancedOneHotEncoder):
            for levels in part.encoder_.categories_:
                categorical.append(np.arange(position, position + len(levels)))
                position += len(levels)
        else:
            for _ in range(len(part.get_feature_names_out(columns))):
                numeric.append(np.array([position]))
                position += 1
    if position != width:
        return [np.array([column]) for column in range(width)], []
    return numeric, categorical


@single_threaded
def reference_silhouettes(features: FeatureMatrix, ks: Sequence[int], seed: int) -> Reference:
    """Segment structureless versions of the customers into each k and score their silhouettes.

    Both reference kinds (see the module docstring) are drawn from one fixed-seed sample
    of at most :data:`REFERENCE_ROWS` customers, ``draws`` times each, and segmented with
    k-means whatever the method scanned: they measure how clearly data without groups can
    be split.

    Parameters
    ----------
    features : FeatureMatrix
        ``values`` of shape ``(n, d)``.
    ks : sequence of int
        The k to score, each at least 2.
    seed : int
        Random seed; the same seed gives the same reference.

    Returns
    -------
    Reference
    """
    values = features.values
    rows = silhouette_sample(len(values), seed + 11, REFERENCE_ROWS)
    sample = values[rows]
    draws = int(np.clip(REFERENCE_WORK // max(len(sample), 1), 2, 10))
    inits = _INITS["large"] if len(sample) >= REFERENCE_ROWS else _INITS["small"]
    numeric, categorical = criterion_blocks(features)
    rng = np.random.default_rng(seed + 13)
    curves: dict[str, list[np.ndarray]] = {"independent": [], "gaussian": []}
    continuous = [block for block in numeric if len(np.unique(sample[:, block[0]])) > DISCRETE_LEVELS]
    shuffled = [block for block in numeric if block not in continuous] + categorical
    for draw in range(draws):
        for kind in curves:
            drawn = _draw(sample, continuous, shuffled, kind, rng)
            curves[kind].append(_silhouette_curve(drawn, ks, seed + draw, inits))
    independent = np.array(curves["independent"])  # (draws, 3, len(ks)): see _silhouette_curve
    gaussian = np.array(curves["gaussian"])
    overall = _higher(independent[:, 0], gaussian[:, 0])
    smallest = _higher(independent[:, 1], gaussian[:, 1])
    return Reference(
        ks=tuple(ks),
        independent=independent[:, 0].mean(axis=0),
        gaussian=gaussian[:, 0].mean(axis=0),
        silhouette=overall[0],
        spread=overall[1],
        smallest=smallest[0],
        log_dispersion=gaussian[:, 2].mean(axis=0),
        log_dispersion_spread=gaussian[:, 2].std(axis=0, ddof=1) * np.sqrt(1 + 1 / draws),
        rows=len(sample),
        draws=draws,
    )


def _higher(first: np.ndarray, second: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per column of two ``(draws, len(ks))`` arrays, the mean and standard deviation of the one with the higher mean."""
    pick_second = second.mean(axis=0) > first.mean(axis=0)
    mean = np.where(pick_second, second.mean(axis=0), first.mean(axis=0))
    spread = np.where(pick_second, second.std(axis=0, ddof=1), first.std(axis=0, ddof=1))
    return mean, spread


def _draw(
    sample: np.ndarray,
    continuous: list[np.ndarray],
    shuffled: list[np.ndarray],
    kind: str,
    rng: np.random.Generator,
) -> np.ndarray:
    """One structureless version of ``sample`` (see the module docstring).

    ``continuous`` columns are drawn anew — from one Gaussian with their mean and covariance
    (``kind="gaussian"``) or each from a uniform distribution with its mean and standard
    deviation (``kind="independent"``); every ``shuffled`` block is permuted on its own.
    """
    drawn = np.empty_like(sample)
    for block in shuffled:
        drawn[:, block] = sample[rng.permutation(len(sample))][:, block]
    if not continuous:
        return drawn
    columns = np.concatenate(continuous)
    part = sample[:, columns]
    if kind == "gaussian":
        covariance = np.atleast_2d(np.cov(part, rowvar=False))
        eigenvalues, vectors = np.linalg.eigh(covariance)
        scale = vectors * np.sqrt(np.clip(eigenvalues, 0.0, None))
        drawn[:, columns] = part.mean(axis=0) + rng.standard_normal((len(sample), len(columns))) @ scale.T
    else:
        half_width = np.sqrt(3.0) * part.std(axis=0)
        drawn[:, columns] = part.mean(axis=0) + rng.uniform(-1.0, 1.0, (len(sample), len(columns))) * half_width
    return drawn


def _silhouette_curve(values: np.ndarray, ks: Sequence[int], seed: int, inits: int) -> np.ndarray:
    """Silhouettes and dispersion of k-means with each k on ``values``, shape ``(3, len(ks))``.

    Row 0: the mean silhouette; row 1: the mean silhouette of the smallest segment's
    members; row 2: the log of the mean squared distance to the segment's centre.
    """
    distinct = distinct_rows(values, max(ks) + 1)
    fits: dict[int, Fitted] = {}
    for k in ks:
        if k < distinct:
            model = KMeans(n_clusters=k, n_init=inits, random_state=seed).fit(values)
            fits[k] = CentreFit(model.labels_, model.cluster_centers_)
    fits = separated_fits(values, fits, seed)  # segmented as the customers are
    labelings = []
    curve = np.zeros((3, len(ks)))
    for position, k in enumerate(ks):
        if k not in fits:
            labelings.append(np.zeros(len(values), dtype=np.int64))
            continue
        labels = fits[k].labels
        labelings.append(labels)
        spread = inertia(values, labels, segment_centers(values, labels, k)) / len(values)
        curve[2, position] = np.log(max(spread, 1e-300))
    scores = silhouettes_for_labelings(values, labelings)
    for position, (labels, score) in enumerate(zip(labelings, scores, strict=True)):
        if labels.max() < 1:
            continue
        curve[0, position] = float(np.mean(score))
        curve[1, position] = float(np.mean(score[labels == smallest_segment(labels)]))
    return curve


def smallest_segment(labels: np.ndarray) -> int:
    """The label of the smallest non-empty segment of ``labels`` (labels 0 … k-1)."""
    sizes = np.bincount(labels)
    return int(np.argmin(np.where(sizes > 0, sizes, sizes.max() + 1)))


def small_silhouette(labels: np.ndarray, evaluation: np.ndarray, silhouettes: np.ndarray) -> float:
    """The lowest mean silhouette of a segment under the small-segment warning; NaN when none is that small.

    Parameters
    ----------
    labels : numpy.ndarray
        Shape ``(n,)``: every customer's segment, 0 … k-1.
    evaluation : numpy.ndarray
        Positions of the customers ``silhouettes`` belong to.
    silhouettes : numpy.ndarray
        Shape ``(len(evaluation),)``.
    """
    sizes = np.bincount(labels)
    small = np.flatnonzero((sizes > 0) & ((sizes < SMALL_SIZE) | (sizes < SMALL_SHARE * len(labels))))
    sampled = labels[evaluation]
    means = [float(np.nanmean(silhouettes[sampled == segment])) for segment in small if (sampled == segment).any()]
    return min(means) if means else (float("nan") if not len(small) else 0.0)


def weakest_silhouette(labels: np.ndarray, silhouettes: np.ndarray) -> float:
    """The lowest mean silhouette of a segment: how clearly the least distinct segment stands apart.

    ``labels`` and ``silhouettes`` (shape ``(m,)``) are those of the same customers.
    """
    means = [float(np.nanmean(silhouettes[labels == segment])) for segment in np.unique(labels[labels >= 0])]
    return min(means) if means else float("nan")


def is_clear(excess: float, noise: float) -> bool:
    """Whether a silhouette's ``excess`` over the reference is significant: see :data:`CLEAR_EXCESS` and
    :data:`CLEAR_SPREADS` (``noise``: the reference's standard deviation)."""
    return bool(excess >= CLEAR_EXCESS and excess >= CLEAR_SPREADS * noise)


def _elbow(gap: Sequence[float], gap_spread: Sequence[float], position: int) -> bool:
    """Whether the gap statistic jumps clearly into ``position`` from the one before and levels off after it."""
    # the last k of the range cannot show that the gap levels off after it
    if not 1 <= position < len(gap) - 1 or np.isnan(gap[position - 1 : position + 2]).any():
        return False
    jump = gap[position] - gap[position - 1]
    after = gap[position + 1] - gap[position]
    return bool(jump >= max(GAP_MARGIN, gap_spread[position] + gap_spread[position - 1]) and after < jump / 3)


def _continuum(separation: Sequence[float] | None, close: Sequence[int]) -> bool:
    """Whether no close k's segments stand apart: each k cuts one continuum, none separates groups."""
    if separation is None:
        return False
    known = [separation[i] for i in close if not np.isnan(separation[i])]
    return len(known) == len(close) and all(value < SEPARATED for value in known)


def choose_k(
    ks: Sequence[int],
    excess: Sequence[float],
    spread: Sequence[float],
    stability: Sequence[float],
    small_excess: Sequence[float],
    gap: Sequence[float] | None = None,
    gap_spread: Sequence[float] | None = None,
    weakest_excess: Sequence[float] | None = None,
    separation: Sequence[float] | None = None,
) -> Recommendation:
    """Pick k from each k's silhouette excess over the reference, its stability and its small segments.

    1. Clear structure: some k's excess is significant (:func:`is_clear`, against the
       median spread of the reference over the k: one noisy k does not decide). If none
       is: no clear groups; recommend :data:`CONVENIENT_K` (clamped into the range) for
       convenience.
    2. Keep the k that do not fall apart on resamples (stability at least
       :data:`STABLE_ARI`). The largest of them in which every segment stands apart — each
       segment's own mean silhouette at least :data:`APART_EXCESS` above the reference, and
       each at least :data:`SEPARATED` within-segment standard deviations from its nearest
       neighbour — is recommended: the mean silhouette alone prefers merging a small or a close group
       into its neighbour, or cutting a large group in two, over keeping every real group.
       Otherwise, of the stable k, the ones whose segments under the small-segment
       warning are each clearly a group (``small_excess`` NaN or at least
       :data:`REAL_EXCESS`) — each step only when it leaves some k.
    3. Close k (excess within :data:`CLOSE_SHARE` of the best kept one): the silhouette
       barely tells them apart, the gap statistic can — a close k below another close k
       that is an elbow of the gap (a jump into it of at least :data:`GAP_MARGIN` or the
       two gaps' spreads, less than a third of that after it, and a gap clearly above the
       smaller k's) has merged real groups and is dropped.
    4. Near-tie: the remaining k whose excess is within :data:`TIE_EXCESS` (or two
       reference spreads) of the best one; among them 3–5 are preferred, then the fewest.
       When no close k separates its segments (each one's ``separation`` below
       :data:`SEPARATED`), every k cuts one continuum: the silhouette's small differences
       then say little, and the fewest of 3–5 among all the close k is recommended
       (reason ``"continuum"``).

    Parameters
    ----------
    ks : sequence of int
        Ascending.
    excess, spread, stability : sequence of float
        Per k: silhouette minus the reference silhouette, the reference's standard
        deviation, and the stability (NaN when unknown: not held against the k).
    small_excess : sequence of float
        Per k: the lowest silhouette of a segment under the small-segment warning minus
        the silhouette of the reference's smallest segment; NaN when no segment is that small.
    gap, gap_spread : sequence of float, optional
        Per k: the gap statistic and its spread (NaN gaps are ignored).
    weakest_excess : sequence of float, optional
        Per k: the lowest mean silhouette of a segment minus the reference silhouette.
    separation : sequence of float, optional
        Per k: :func:`segmentti.engine.metrics.weakest_separation` (NaN: not held against the k).

    Returns
    -------
    Recommendation
    """
    gain = np.nan_to_num(np.asarray(excess, dtype=float), nan=-np.inf)
    noise = float(np.nanmedian(np.asarray(spread, dtype=float))) if len(spread) else 0.0
    noise = 0.0 if np.isnan(noise) else noise
    best = int(np.argmax(gain))
    if not any(is_clear(gain[i], noise) for i in range(len(ks))):
        return Recommendation(int(np.clip(CONVENIENT_K, ks[0], ks[-1])), "none", int(ks[best]), False)
    everything = list(range(len(ks)))
    stable = [i for i in everything if not stability[i] < STABLE_ARI] or everything
    if weakest_excess is not None:
        apart = [
            i
            for i in stable
            if weakest_excess[i] >= APART_EXCESS and not (separation is not None and separation[i] < SEPARATED)
        ]
        if apart:
            chosen = max(apart)
            return Recommendation(int(ks[chosen]), "best" if chosen == best else "apart", int(ks[best]), True)
    sound = [i for i in stable if not small_excess[i] < REAL_EXCESS] or stable
    top = max(sound, key=lambda i: (gain[i], -ks[i]))
    band = max(TIE_EXCESS, 2.0 * noise)
    close = [i for i in sound if gain[i] >= gain[top] - max(band, CLOSE_SHARE * gain[top])]
    if gap is not None and gap_spread is not None:
        # the silhouette barely tells k from a larger k' when k merges real groups; the gap statistic
        # does: it jumps into k' and levels off after it (an elbow)
        merged = [
            i
            for i in close
            if any(
                j > i
                and _elbow(gap, gap_spread, j)
                and gap[j] - gap[i] >= max(GAP_MARGIN, gap_spread[i] + gap_spread[j])
                for j in close
            )
        ]
        tight = [i for i in close if i not in merged]
        if tight:
            top = max(tight, key=lambda i: (gain[i], -ks[i]))
            close = tight
    near = [i for i in close if gain[i] >= gain[top] - band]
    cut = _continuum(separation, close) and [i for i in close if ks[i] in FAVOURED_KS]
    pool = cut or [i for i in near if ks[i] in FAVOURED_KS] or near
    chosen = min(pool)  # within the noise, the fewest segments (as the gap statistic's one-standard-error rule)
    if cut and chosen not in near:
        return Recommendation(int(ks[chosen]), "continuum", int(ks[best]), True)
    if chosen == best:
        reason = "best"
    elif best in near:
        reason = "favoured"
    elif best not in stable:
        reason = "stable"
    elif best not in sound:
        reason = "small"
    elif best not in close:
        reason = "merged"
    else:
        reason = "favoured"
    if reason == "favoured" and ks[chosen] not in FAVOURED_KS:
        reason = "fewer"  # no k of 3–5 is within the noise: the fewest segments that are, not "3–5 preferred"
    return Recommendation(int(ks[chosen]), reason, int(ks[best]), True)


__all__ = [
    "CONVENIENT_K",
    "Recommendation",
    "Reference",
    "choose_k",
    "criterion_blocks",
    "is_clear",
    "reference_silhouettes",
    "small_silhouette",
    "weakest_silhouette",
]
