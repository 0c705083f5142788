"""The one registry of clustering methods: how each is fitted, how it labels customers, how it is resampled.

A method is added here and nowhere else: :class:`segmentti.engine.model.SegmentModel`, the
scan over k, the app and the command line all look methods up in :data:`METHOD_REGISTRY`.
"""

from __future__ import annotations

import functools
import math
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

import numpy as np
from sklearn.cluster import HDBSCAN, KMeans
from sklearn.mixture import GaussianMixture
from sklearn.neighbors import NearestNeighbors
from threadpoolctl import threadpool_limits

from segmentti.choices import K_MAX, K_MIN, METHODS  # noqa: F401 (K_MIN, K_MAX: used from here by the engine)
from segmentti.engine.metrics import (
    distinct_rows,
    fixed_sample,
    nearest_centers,
    segment_centers,
    weakest_separation,
)
from segmentti.errors import SegmenttiError

LARGE_DATA_FROM = 20_000
"""From this many customers on, k-means finds its starting centres on a sample of :data:`FIT_SAMPLE`."""

FIT_SAMPLE = 10_000
"""The Gaussian mixture and HDBSCAN are fitted on at most this many customers; the rest are labelled by the fit."""

WARD_SAMPLE = 5000
"""Ward's tree is built on at most this many customers; every customer joins the nearest of its segments' centres."""

SMALL_SHARE, SMALL_SIZE = 0.02, 30
"""A segment under 2 % of the customers or under 30 customers is too small (over-segmentation)."""

LLOYD_STEPS = 3
"""Lloyd iterations over every customer that refine the sample's k-means centres on large data.

The sample's centres are already close; each step costs a pass over all customers, and
the last few hundredths of movement would cost the scan seconds at 100,000 customers."""

KMEANS_STARTS = 4
"""k-means++ starts of a full k-means fit."""

MERGE_STEPS = 20
"""Lloyd iterations after each merge of :func:`merged_partitions` (they stop early once no customer moves)."""

RESAMPLE_STARTS = 3
"""k-means starts of a run on resampled customers: enough that stability measures the data, not one unlucky start."""

THREADS = 1
"""Native threads for clustering. One: on a machine shared with other work, BLAS/OpenMP
oversubscription made the scan up to 7× slower (see docs/benchmarks.md)."""

P = ParamSpec("P")
R = TypeVar("R")


def single_threaded(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` with native thread pools limited to :data:`THREADS`."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with threadpool_limits(limits=THREADS):
            return function(*args, **kwargs)

    return wrapper


class Fitted(ABC):
    """What a method learned from the customers it was fitted on.

    Attributes
    ----------
    labels : numpy.ndarray
        Shape ``(n,)``: the method's own group of each fitted customer, ``0 … groups-1``
        in the method's order, ``-1`` for a customer no group claims. Always equal to
        ``predict`` of the same rows.
    groups : int
        Number of groups (the unclaimed not counted).
    """

    labels: np.ndarray

    @property
    @abstractmethod
    def groups(self) -> int:
        """Number of groups (the unclaimed not counted)."""

    @abstractmethod
    def predict(self, values: np.ndarray) -> np.ndarray:
        """The group of every row of ``values`` (shape ``(m, d)``), as in :attr:`labels`."""

    def probabilities(self, values: np.ndarray) -> np.ndarray | None:
        """Shape ``(m, groups)``: the probability of every group for every row; ``None`` for hard methods."""
        return None

    def centers(self) -> np.ndarray | None:
        """Shape ``(groups, d)``: the centres customers are assigned by (nearest wins), or ``None``."""
        return None

    def scores(self) -> dict[str, float]:
        """Scores the method itself gives its fit (the mixture's BIC); empty for most methods."""
        return {}


@dataclass(frozen=True, eq=False)
class CentreFit(Fitted):
    """Groups given by their centres: every customer belongs to the nearest one (k-means, Ward)."""

    labels: np.ndarray
    center_values: np.ndarray

    @classmethod
    def assign(cls, values: np.ndarray, centers: np.ndarray, labels: np.ndarray | None = None) -> CentreFit:
        """Label ``values`` by the nearest of ``centers``; a centre nobody is nearest to is dropped.

        ``labels``: ``nearest_centers(values, centers)`` when the caller already has it.
        """
        labels = nearest_centers(values, centers) if labels is None else labels
        claimed = np.bincount(labels, minlength=len(centers)) > 0
        if not claimed.all():
            centers = centers[claimed]
            labels = nearest_centers(values, centers)
        return cls(labels, centers)

    @property
    def groups(self) -> int:
        return len(self.center_values)

    def predict(self, values: np.ndarray) -> np.ndarray:
        return nearest_centers(values, self.center_values)

    def centers(self) -> np.ndarray:
        return self.center_values


@dataclass(frozen=True, eq=False)
class MixtureFit(Fitted):
    """A Gaussian mixture: every customer belongs to its most probable component."""

    labels: np.ndarray
    mixture: GaussianMixture
    bic: float = float("nan")

    @property
    def groups(self) -> int:
        return int(self.mixture.n_components)

    def predict(self, values: np.ndarray) -> np.ndarray:
        return self.mixture.predict_proba(values).argmax(axis=1)

    def probabilities(self, values: np.ndarray) -> np.ndarray:
        return self.mixture.predict_proba(values)

    def scores(self) -> dict[str, float]:
        return {} if math.isnan(self.bic) else {"bic": self.bic}


@dataclass(frozen=True, eq=False)
class NeighbourFit(Fitted):
    """Groups found on a sample (HDBSCAN): every customer takes the group of the nearest sampled customer.

    A sampled customer is its own nearest neighbour, so it keeps the group (or the
    "unclaimed" ``-1``) it was given.
    """

    labels: np.ndarray
    point_labels: np.ndarray
    index: NearestNeighbors

    @property
    def groups(self) -> int:
        return int(self.point_labels.max()) + 1

    def predict(self, values: np.ndarray) -> np.ndarray:
        return _neighbour_labels(self.index, self.point_labels, values)


def _neighbour_labels(index: NearestNeighbors, point_labels: np.ndarray, values: np.ndarray) -> np.ndarray:
    return point_labels[index.kneighbors(values, n_neighbors=1, return_distance=False)[:, 0]]


class Method(ABC):
    """A clustering method: fit it on customers' feature values and label them.

    Attributes
    ----------
    name : str
        The key in :data:`METHOD_REGISTRY` (and of its translated label ``method.<name>``).
    takes_k : bool
        Whether the number of segments is chosen by the user (and can be scanned).
    """

    name: str = ""
    takes_k: bool = True

    def check(self, values: np.ndarray, k: int) -> None:
        """Raise :class:`SegmenttiError` when ``values`` (shape ``(n, d)``) cannot be split into ``k`` groups."""
        if not self.takes_k:
            if len(values) < 2:
                raise SegmenttiError("error.too_few_rows", k=2, rows=len(values))
            return
        if k < 2:
            raise SegmenttiError("error.bad_k", k=k)
        if len(values) < k:
            raise SegmenttiError("error.too_few_rows", k=k, rows=len(values))
        distinct = distinct_rows(values, k)
        if distinct < k:
            raise SegmenttiError("error.too_few_distinct", k=k, distinct=distinct)

    def fit(self, values: np.ndarray, k: int, seed: int) -> Fitted:
        """Fit on ``values`` (shape ``(n, d)``) into ``k`` groups (ignored when not :attr:`takes_k`)."""
        return next(iter(self.fit_range(values, [k], seed)))[1]

    def fit_range(
        self, values: np.ndarray, ks: Sequence[int], seed: int, *, resample: bool = False
    ) -> Iterator[tuple[int, Fitted]]:
        """Fit for every k of ``ks`` in turn, yielding ``(k, fit)``.

        ``resample=True`` asks for the lighter fit used to measure stability on a
        resample of at most a few thousand customers.
        """
        for k in ks:
            yield k, self._fit_one(values, k, seed, resample)

    @abstractmethod
    def _fit_one(self, values: np.ndarray, k: int, seed: int, resample: bool) -> Fitted:
        """Fit ``k`` groups to ``values``; ``resample``: the lighter fit for a stability resample."""


class KMeansMethod(Method):
    """k-means; on large data its starting centres come from a sample, then Lloyd steps run over everyone.

    Over a range of k, each k's fit is compared with the partition reached by merging the
    largest k's segments down (:func:`separated_fits`): the one whose segments stand further apart is kept.
    """

    name = "kmeans"

    def fit_range(
        self, values: np.ndarray, ks: Sequence[int], seed: int, *, resample: bool = False
    ) -> Iterator[tuple[int, Fitted]]:
        fits = dict(super().fit_range(values, ks, seed, resample=resample))
        yield from separated_fits(values, fits, seed).items()

    def _fit_one(self, values: np.ndarray, k: int, seed: int, resample: bool) -> Fitted:
        starts = RESAMPLE_STARTS if resample else KMEANS_STARTS
        if len(values) < LARGE_DATA_FROM:
            return CentreFit.assign(values, _best_kmeans(values, k, seed, starts, resample))
        # Plain Lloyd steps over every customer from the sample's centres. A mini-batch pass
        # would reassign a centre holding few customers to a random one and merge a small,
        # well-separated group into a large one.
        sample = fixed_sample(len(values), FIT_SAMPLE, seed)
        start = _best_kmeans(values[sample], k, seed, 2, resample)
        return CentreFit.assign(values, *settled_centers(values, start))


def _best_kmeans(values: np.ndarray, k: int, seed: int, starts: int, resample: bool) -> np.ndarray:
    """Centres of the k-means run with the least inertia: k-means++ starts, and (not on resamples) a farthest-first one.

    Greedy k-means++ seeding prefers a second centre in a large group, which lowers the
    inertia more at first, over one in a small group far away; Lloyd steps then never reach
    the small group and it is merged into its neighbour. A start that takes the customer
    farthest from the centres chosen so far does place a centre there, and whichever
    solution fits the customers better (the lower inertia) is kept, so an outlier picked
    as a start only costs a few milliseconds.
    """
    best = KMeans(n_clusters=k, n_init=starts, random_state=seed).fit(values)
    if not resample:
        spread = KMeans(n_clusters=k, init=farthest_first(values, k), n_init=1, random_state=seed).fit(values)
        if spread.inertia_ < best.inertia_ * (1 - 1e-9):
            best = spread
    return best.cluster_centers_


def merged_partitions(values: np.ndarray, top: np.ndarray, k_min: int) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Centres of ever fewer segments, from the ``top`` centres (shape ``(K, d)``) down to ``k_min`` segments.

    Each step merges the two segments whose centres are nearest relative to their spread
    (the ratio of the Davies–Bouldin index: the distance between the centres over the sum
    of the segments' root mean squared distances to them) and lets Lloyd steps settle the
    rest. Unlike k-means's inertia, the ratio does not grow with a segment's size, so the
    two halves of a large group cut along a criterion with no groups in it are merged
    before a small group far away is.

    Returns
    -------
    dict of int to (numpy.ndarray, numpy.ndarray)
        ``{k: (centres of shape (k, d), the nearest of them for every row, shape (n,))}`` for every k
        from ``k_min`` to ``K - 1`` that was reached.
    """
    partitions: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    centers = top
    labels = nearest_centers(values, centers)
    while len(centers) > k_min:
        k = len(centers)
        sizes = np.bincount(labels, minlength=k)
        centers = segment_centers(values, labels, k)
        squared = ((values - centers[labels]) ** 2).sum(axis=1)
        spread = np.sqrt(np.bincount(labels, weights=squared, minlength=k) / np.maximum(sizes, 1))
        gaps = np.sqrt(((centers[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2))
        ratio = gaps / np.maximum(spread[:, None] + spread[None, :], 1e-300)
        ratio[sizes == 0, :] = -np.inf  # an empty segment goes first
        np.fill_diagonal(ratio, np.inf)
        first, second = np.unravel_index(int(np.argmin(ratio)), ratio.shape)
        weight = sizes[[first, second]] / max(sizes[first] + sizes[second], 1)
        merged = weight @ centers[[first, second]] if weight.sum() > 0 else centers[first]
        kept = [segment for segment in range(k) if segment not in (first, second)]
        centers, labels = settled_centers(values, np.vstack([centers[kept], merged]), MERGE_STEPS)
        partitions[len(centers)] = (centers, labels)
    return partitions


def separated_fits(values: np.ndarray, fits: dict[int, Fitted], seed: int) -> dict[int, Fitted]:
    """Each k's fit, or the largest k's segments merged down to k when those stand further apart.

    k-means's inertia prefers cutting a large group in two along a criterion that has no
    groups in it to keeping a small group far away apart, and then merges that small group
    into a neighbour. Merging the segments of the largest k down (:func:`merged_partitions`)
    keeps it. For every k the partition with the larger :func:`weakest_separation` is
    kept (the k-means fit on a tie). On more than :data:`FIT_SAMPLE` customers the merging
    and the comparison run on a fixed sample, and a merged partition's centres are then
    refined over everyone with :data:`LLOYD_STEPS` steps, as the k-means fit's are.

    Parameters
    ----------
    values : numpy.ndarray
        Shape ``(n, d)``.
    fits : dict of int to Fitted
        Centre fits (:class:`CentreFit`) of the same ``values`` by k.
    seed : int
        Seed of the sample.
    """
    ks = sorted(fits)
    top = fits[ks[-1]] if ks else None
    if len(ks) < 2 or not isinstance(top, CentreFit):
        return fits
    rows = fixed_sample(len(values), FIT_SAMPLE, seed)
    sample = values[rows]
    chosen = dict(fits)
    for k, (centers, labels) in merged_partitions(sample, top.center_values, ks[0]).items():
        if k not in fits:
            continue
        if len(np.unique(labels)) < k:
            continue
        if weakest_separation(sample, labels) > weakest_separation(sample, fits[k].labels[rows]):
            merged = CentreFit.assign(
                values, *(settled_centers(values, centers) if len(rows) < len(values) else (centers, labels))
            )
            if merged.groups == k:
                chosen[k] = merged
    return chosen


def farthest_first(values: np.ndarray, k: int) -> np.ndarray:
    """``k`` starting centres (shape ``(k, d)``): the customer nearest the mean, then each time the farthest from those chosen."""
    first = int(((values - values.mean(axis=0)) ** 2).sum(axis=1).argmin())
    chosen = [first]
    nearest = ((values - values[first]) ** 2).sum(axis=1)
    for _ in range(1, k):
        farthest = int(nearest.argmax())
        chosen.append(farthest)
        nearest = np.minimum(nearest, ((values - values[farthest]) ** 2).sum(axis=1))
    return values[chosen].copy()


def lloyd_steps(values: np.ndarray, centers: np.ndarray, steps: int = LLOYD_STEPS) -> np.ndarray:
    """Refine ``centers`` (shape ``(k, d)``) by at most ``steps`` Lloyd iterations over every row of ``values``.

    Each step moves every centre to the mean of the rows nearest to it; a centre that no
    row is nearest to stays where it is. Stops early when no row changes its centre.
    """
    return settled_centers(values, centers, steps)[0]


def settled_centers(values: np.ndarray, centers: np.ndarray, steps: int = LLOYD_STEPS) -> tuple[np.ndarray, np.ndarray]:
    """:func:`lloyd_steps`'s centres and the nearest of them for every row (shape ``(n,)``), found on the way."""
    labels = nearest_centers(values, centers)
    for _ in range(steps):
        counts = np.bincount(labels, minlength=len(centers))
        centers = np.where(counts[:, None] > 0, segment_centers(values, labels, len(centers)), centers)
        moved = nearest_centers(values, centers)
        unchanged = np.array_equal(moved, labels)
        labels = moved  # nearest to the centres just moved
        if unchanged:
            break
    return centers, labels


class MixtureMethod(Method):
    """A Gaussian mixture with diagonal covariances (quick and well-posed on one-hot columns), fitted on a sample."""

    name = "gmm"

    def _fit_one(self, values: np.ndarray, k: int, seed: int, resample: bool) -> Fitted:
        sample = fixed_sample(len(values), FIT_SAMPLE, seed)
        mixture = GaussianMixture(
            n_components=k, covariance_type="diag", reg_covar=1e-4, random_state=seed, n_init=1 if resample else 2
        ).fit(values[sample])
        labels = mixture.predict_proba(values).argmax(axis=1)
        bic = float("nan") if resample else float(mixture.bic(values[sample]))
        return MixtureFit(labels, mixture, bic)


class WardMethod(Method):
    """Agglomerative Ward on a sample; every customer joins the nearest of the cut tree's segment centres."""

    name = "ward"

    def fit_range(
        self, values: np.ndarray, ks: Sequence[int], seed: int, *, resample: bool = False
    ) -> Iterator[tuple[int, Fitted]]:
        from scipy.cluster.hierarchy import cut_tree, linkage  # only Ward needs it: the scan of k-means starts sooner

        # one tree serves every k: it is cut once per k
        sample = fixed_sample(len(values), WARD_SAMPLE, seed)
        cuts = cut_tree(linkage(values[sample], method="ward"), n_clusters=list(ks))
        for position, k in enumerate(ks):
            cut = cuts[:, position].astype(np.int64)
            yield k, CentreFit.assign(values, segment_centers(values[sample], cut, k))

    def _fit_one(self, values: np.ndarray, k: int, seed: int, resample: bool) -> Fitted:
        return next(self.fit_range(values, [k], seed, resample=resample))[1]


class HdbscanMethod(Method):
    """HDBSCAN on a sample: it finds its own number of groups and leaves some customers unclaimed."""

    name = "hdbscan"
    takes_k = False

    def _fit_one(self, values: np.ndarray, k: int, seed: int, resample: bool) -> Fitted:
        sample = fixed_sample(len(values), FIT_SAMPLE, seed)
        # a group must hold 2 % of the customers (at least 10); density is judged on 5–10 neighbours
        min_size = max(10, math.ceil(SMALL_SHARE * len(sample)))
        neighbours = max(5, min(10, min_size // 2))
        points = values[sample]
        point_labels = HDBSCAN(min_cluster_size=min_size, min_samples=neighbours, copy=True).fit(points).labels_
        if point_labels.max() < 0:
            raise SegmenttiError("error.hdbscan_no_groups", size=min_size)
        index = NearestNeighbors(n_neighbors=1).fit(points)
        point_labels = point_labels.astype(np.int64)
        return NeighbourFit(_neighbour_labels(index, point_labels, values), point_labels, index)


METHOD_REGISTRY: dict[str, Method] = {
    method.name: method for method in (KMeansMethod(), MixtureMethod(), WardMethod(), HdbscanMethod())
}
"""Every clustering method by name; ``"kmeans"`` (the first) is the default."""

if tuple(METHOD_REGISTRY) != METHODS:  # the names the command line offers are the methods there are
    raise RuntimeError(f"methods {tuple(METHOD_REGISTRY)} differ from segmentti.choices.METHODS {METHODS}")

K_METHODS: tuple[str, ...] = tuple(name for name, method in METHOD_REGISTRY.items() if method.takes_k)
"""Methods that take a number of segments (HDBSCAN finds its own)."""


def get_method(name: str) -> Method:
    """The method called ``name``.

    Raises
    ------
    SegmenttiError
        For a name not in :data:`METHOD_REGISTRY`.
    """
    method = METHOD_REGISTRY.get(name)
    if method is None:
        raise SegmenttiError("error.unknown_method", method=name, known=", ".join(METHODS))
    return method
