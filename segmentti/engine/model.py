"""One fitted segment model in scikit-learn's shape: fit on a customer table, label new customers the same way."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.utils.validation import check_is_fitted

from segmentti.engine.features import FeatureMatrix, build_features
from segmentti.engine.methods import Fitted, get_method, single_threaded
from segmentti.engine.metrics import inertia, sampled_silhouette, segment_centers
from segmentti.errors import SegmenttiError


class SegmentModel(ClusterMixin, BaseEstimator):
    """Segments of a customer table: the feature pipeline and a clustering method, fitted together.

    Parameters
    ----------
    criteria : sequence of str, optional
        Columns to segment on; ``None`` means the suggested default
        (:func:`segmentti.data.criteria.suggest_criteria`).
    k : int, default 4
        Number of segments (HDBSCAN finds its own).
    method : str, default "kmeans"
        A name of :data:`segmentti.engine.methods.METHOD_REGISTRY`: ``"kmeans"``, ``"gmm"``,
        ``"ward"`` or ``"hdbscan"``.
    seed : int, default 0
        Random seed; the same seed and data give the same segments.
    weights : mapping of str to float, optional
        Weight per criterion (see :func:`segmentti.engine.features.build_features`).

    Attributes
    ----------
    features_ : FeatureMatrix
        The training customers' matrix.
    pipeline_ : sklearn.pipeline.Pipeline
        The fitted preprocessing (impute, log, scale, encode, weight).
    method_ : segmentti.engine.methods.Method
        The method used.
    clusterer_ : segmentti.engine.methods.Fitted
        What the method learned (centres, the mixture, HDBSCAN's sample and its groups).
    segment_of_ : numpy.ndarray
        Shape ``(groups,)``: the segment of each of the method's own groups.
    labels_ : numpy.ndarray
        Shape ``(n,)``: segment 0 … k-1 of every training customer; 0 is the largest,
        the unassigned segment (HDBSCAN) last.
    k_ : int
        Number of segments, the unassigned one included.
    centers_ : numpy.ndarray
        Shape ``(k, d)``: for k-means and Ward the centres customers are assigned by
        (each customer's label is its nearest centre), else each segment's mean.
    inertia_ : float
        Sum of squared distances of the customers to their segment's centre.
    silhouette_ : float
        Mean silhouette on a fixed-seed sample (NaN when undefined).
    membership_ : numpy.ndarray or None
        Gaussian mixture only, shape ``(n,)``: probability of the customer's own segment.
    unassigned_ : int or None
        Index of the segment of customers no group claimed (HDBSCAN's noise), else ``None``.
    names_ : tuple of str
        Names the method gives its segments itself; empty for clustering methods.
    """

    def __init__(
        self,
        *,
        criteria: Sequence[str] | None = None,
        k: int = 4,
        method: str = "kmeans",
        seed: int = 0,
        weights: Mapping[str, float] | None = None,
    ) -> None:
        self.criteria = criteria
        self.k = k
        self.method = method
        self.seed = seed
        self.weights = weights

    def fit(self, X: pd.DataFrame, y: None = None) -> SegmentModel:
        """Build the features of the customer table ``X`` (one row per customer) and segment them.

        Raises
        ------
        SegmenttiError
            For an unknown method, unusable criteria, or too little data for ``k``.
        """
        get_method(self.method)  # an unknown method fails before the features are built
        frame = _as_table(X)
        return self.fit_features(build_features(frame, self.criteria, weights=self.weights))

    @single_threaded
    def fit_features(
        self, features: FeatureMatrix, *, fitted: Fitted | None = None, silhouette: float | None = None
    ) -> SegmentModel:
        """Segment customers whose features are already built (``criteria`` and ``weights`` are not used).

        Parameters
        ----------
        features : FeatureMatrix
            From :func:`segmentti.engine.features.build_features`; ``values`` of shape ``(n, d)``.
        fitted : Fitted, optional
            The method already fitted on these very features with this ``k`` and ``seed``
            (``KScan.fits[k]`` of :func:`segmentti.engine.scanning.scan_k`): not fitted again.
        silhouette : float, optional
            The mean silhouette of these segments when already known (the scan's).

        Returns
        -------
        SegmentModel
            ``self``, fitted.
        """
        method = get_method(self.method)
        values = features.values
        method.check(values, self.k)
        if fitted is None or len(fitted.labels) != len(values):
            fitted = method.fit(values, self.k, self.seed)
        raw = fitted.labels
        segment_of, unassigned = _number_by_size(raw, values, fitted.groups)
        labels = _segments(raw, segment_of, unassigned)
        k = fitted.groups + (unassigned is not None)
        own_centers = fitted.centers()
        if own_centers is not None and unassigned is None:
            centers = np.empty_like(own_centers)
            centers[segment_of] = own_centers
        else:
            centers = segment_centers(values, labels, k)
        probabilities = fitted.probabilities(values)
        if silhouette is None:
            scored = labels if unassigned is None else np.where(labels == unassigned, -1, labels)
            silhouette = sampled_silhouette(values, scored, self.seed)
        self.features_ = features
        self.pipeline_ = features.transformer
        self.method_ = method
        self.clusterer_ = fitted
        self.segment_of_ = segment_of
        self.labels_ = labels
        self.k_ = int(k)
        self.centers_ = centers
        self.inertia_ = inertia(values, labels, centers)
        self.silhouette_ = float(silhouette)
        self.membership_ = None if probabilities is None else probabilities[np.arange(len(raw)), raw]
        self.unassigned_ = unassigned
        self.names_: tuple[str, ...] = ()
        self.feature_names_in_ = np.asarray(features.criteria, dtype=object)
        self.n_features_in_ = len(features.criteria)
        return self

    def transform_table(self, X: pd.DataFrame) -> np.ndarray:
        """The feature values of the customers of ``X`` through the fitted pipeline, shape ``(m, d)``.

        Raises
        ------
        SegmenttiError
            When ``X`` lacks a criterion column.
        """
        check_is_fitted(self, "labels_")
        frame = _as_table(X)
        missing = [name for name in self.features_.criteria if name not in frame.columns]
        if missing:
            raise SegmenttiError(
                "error.unknown_criteria", columns=", ".join(missing), available=", ".join(map(str, frame.columns))
            )
        return np.asarray(self.pipeline_.transform(frame), dtype=np.float64)

    @single_threaded
    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """The segment (in the fitted numbering) of every customer of the table ``X``, shape ``(m,)``.

        On the training table this reproduces :attr:`labels_` exactly.
        """
        check_is_fitted(self, "labels_")
        raw = self.clusterer_.predict(self.transform_table(X))
        return _segments(raw, self.segment_of_, self.unassigned_)

    @single_threaded
    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        """Gaussian mixture only: each customer's probability of every segment, shape ``(m, k)``.

        Raises
        ------
        ValueError
            For a method without probabilities.
        """
        check_is_fitted(self, "labels_")
        probabilities = self.clusterer_.probabilities(self.transform_table(X))
        if probabilities is None:
            raise ValueError(f"the method {self.method!r} gives no probabilities")
        ordered = np.empty_like(probabilities)
        ordered[:, self.segment_of_] = probabilities
        return ordered


def _as_table(X: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(X, pd.DataFrame):
        raise TypeError(f"a customer table (pandas.DataFrame) is needed, not {type(X).__name__}")
    return X


def _number_by_size(raw: np.ndarray, values: np.ndarray, groups: int) -> tuple[np.ndarray, int | None]:
    """Segment numbers for the method's groups: largest first, equal sizes ordered by their centres.

    Returns ``segment_of`` (shape ``(groups,)``) and the unassigned segment (last) when
    some customers are claimed by no group (``raw == -1``), else ``None``.
    """
    claimed = raw >= 0
    sizes = np.bincount(raw[claimed], minlength=groups)
    centers = segment_centers(values[claimed], raw[claimed], groups)
    order = sorted(range(groups), key=lambda group: (-sizes[group], tuple(np.round(centers[group], 9))))
    segment_of = np.empty(groups, dtype=np.int64)
    segment_of[order] = np.arange(groups)
    return segment_of, (None if claimed.all() else groups)


def _segments(raw: np.ndarray, segment_of: np.ndarray, unassigned: int | None) -> np.ndarray:
    claimed = raw >= 0
    if unassigned is None and not claimed.all():
        raise ValueError("a customer without a group, but the model has no unassigned segment")
    labels = np.full(len(raw), -1 if unassigned is None else unassigned, dtype=np.int64)
    labels[claimed] = segment_of[raw[claimed]]
    return labels
