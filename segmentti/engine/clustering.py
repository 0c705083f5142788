"""Customers assigned to segments: the :class:`Segmentation` every page, chart and export reads."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from segmentti.engine.features import FeatureMatrix
from segmentti.engine.methods import K_MAX, K_METHODS, K_MIN, METHODS, SMALL_SHARE, SMALL_SIZE, Fitted
from segmentti.engine.metrics import SILHOUETTE_SAMPLE, silhouette_sample, silhouettes
from segmentti.engine.model import SegmentModel


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
        Shape ``(k, n_features)``: segment centres in feature space, in label order (see
        :attr:`SegmentModel.centers_ <segmentti.engine.model.SegmentModel>`).
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
    model : SegmentModel or None
        The fitted model the segments come from; it labels new customers the same way.
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
    model: SegmentModel | None = field(default=None, repr=False)

    @property
    def sizes(self) -> np.ndarray:
        """Customers per segment, shape ``(k,)``."""
        return np.bincount(self.labels, minlength=self.k)

    @classmethod
    def from_model(cls, model: SegmentModel) -> Segmentation:
        """The segments of a fitted :class:`SegmentModel`'s training customers."""
        return cls(
            labels=model.labels_,
            k=model.k_,
            method=model.method,
            seed=model.seed,
            centers=model.centers_,
            inertia=model.inertia_,
            silhouette=model.silhouette_,
            features=model.features_,
            membership=model.membership_,
            unassigned=model.unassigned_,
            names=model.names_,
            model=model,
        )


def segment_customers(
    features: FeatureMatrix,
    k: int,
    seed: int = 0,
    *,
    method: str = "kmeans",
    silhouette: float | None = None,
    fitted: Fitted | None = None,
) -> Segmentation:
    """Split customers into ``k`` segments with a :class:`SegmentModel` fitted on ``features``.

    Parameters
    ----------
    features : FeatureMatrix
        From :func:`segmentti.engine.features.build_features`; ``values`` of shape ``(n, d)``.
    k : int
        Number of segments, at least 2 (ignored by ``"hdbscan"``, which finds its own).
    seed : int, default 0
        Random seed; the same seed and data give the same segments.
    method : {"kmeans", "gmm", "ward", "hdbscan"}, default "kmeans"
        A method of :data:`segmentti.engine.methods.METHOD_REGISTRY`: k-means, a Gaussian
        mixture (with each customer's membership probability), agglomerative Ward, or
        HDBSCAN (its noise becomes the last segment, marked ``unassigned``).
    silhouette : float, optional
        The mean silhouette of these very segments when already known (the scan of
        :func:`segmentti.engine.scanning.scan_k` computed it on the same sample with the same
        seed); saves computing it again.
    fitted : Fitted, optional
        The method's fit for this k from the same scan (``KScan.fits[k]``); saves fitting again.

    Returns
    -------
    Segmentation

    Raises
    ------
    SegmenttiError
        For an unknown method, fewer (distinct) customers than ``k``, or when HDBSCAN
        finds no groups.
    """
    model = SegmentModel(k=k, method=method, seed=seed).fit_features(features, fitted=fitted, silhouette=silhouette)
    return Segmentation.from_model(model)


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


__all__ = [
    "K_MAX",
    "K_METHODS",
    "K_MIN",
    "METHODS",
    "SILHOUETTE_SAMPLE",
    "SMALL_SHARE",
    "SMALL_SIZE",
    "Segmentation",
    "segment_customers",
    "silhouette_sample",
    "silhouettes",
    "small_segments",
]
