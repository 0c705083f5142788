"""Turn the chosen criteria columns into the numeric matrix the clustering works on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.utils.validation import check_is_fitted

from segmentti.columns import Role, describe_columns, suggest_criteria
from segmentti.errors import SegmenttiError

MISSING_LEVEL = "(missing)"
"""The category given to an empty cell of a categorical criterion."""

MAX_CHOSEN_LEVELS = 100
"""A text column chosen by hand may have at most this many distinct values."""

_REFUSED_ROLES = {Role.ID, Role.EMAIL, Role.FIRST_NAME, Role.LAST_NAME, Role.NAME, Role.PHONE, Role.DATE, Role.IGNORE}


class BalancedOneHotEncoder(TransformerMixin, BaseEstimator):
    """One-hot encode categorical columns so that each column weighs as much as one scaled number.

    A standardised numeric column has variance 1. The one-hot block of a categorical
    column with level shares ``p`` has total variance ``1 - sum(p**2)``; the block is
    multiplied by ``1 / sqrt(1 - sum(p**2))`` so it has total variance 1 too (the idea
    behind FAMD). Empty cells become the level :data:`MISSING_LEVEL`.
    """

    def fit(self, X: pd.DataFrame, y: None = None) -> BalancedOneHotEncoder:
        """Learn the levels and the weight of every column's block."""
        text = _as_text(X)
        self.encoder_ = OneHotEncoder(handle_unknown="ignore", sparse_output=False, dtype=np.float64)
        self.encoder_.fit(text)
        weights = []
        for position, levels in enumerate(self.encoder_.categories_):
            shares = text.iloc[:, position].value_counts(normalize=True).reindex(levels, fill_value=0.0)
            spread = 1.0 - float(np.sum(shares.to_numpy() ** 2))
            block_weight = 1.0 / np.sqrt(spread) if spread > 1e-12 else 0.0
            weights.extend([block_weight] * len(levels))
        self.weights_ = np.asarray(weights)
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X: pd.DataFrame) -> np.ndarray:
        """Encode ``X`` and weight each block."""
        check_is_fitted(self, "encoder_")
        return self.encoder_.transform(_as_text(X)) * self.weights_

    def get_feature_names_out(self, input_features: Sequence[str] | None = None) -> np.ndarray:
        """Names as ``column_level``."""
        check_is_fitted(self, "encoder_")
        return self.encoder_.get_feature_names_out(input_features)


def _as_text(X: pd.DataFrame) -> pd.DataFrame:
    frame = pd.DataFrame(X)
    return frame.astype(object).where(frame.notna(), MISSING_LEVEL).astype(str)


@dataclass(frozen=True, eq=False)
class FeatureMatrix:
    """The criteria of every customer as numbers, with the fitted transformation.

    Attributes
    ----------
    values : numpy.ndarray
        Shape ``(n_customers, n_features)``: numeric criteria imputed (median) and
        standardised, categorical criteria one-hot encoded and balanced.
    feature_names : tuple of str
        A name per column of ``values``.
    numeric : tuple of str
        The numeric criteria.
    categorical : tuple of str
        The categorical criteria.
    transformer : sklearn.compose.ColumnTransformer
        The fitted transformation; ``transformer.transform(new_customers)`` scores new rows.
    dropped : tuple of str
        Chosen criteria left out because they were entirely empty.
    """

    values: np.ndarray
    feature_names: tuple[str, ...]
    numeric: tuple[str, ...]
    categorical: tuple[str, ...]
    transformer: ColumnTransformer
    dropped: tuple[str, ...] = ()

    @property
    def criteria(self) -> tuple[str, ...]:
        """All criteria used, numeric first."""
        return self.numeric + self.categorical


def resolve_criteria(frame: pd.DataFrame, criteria: Sequence[str] | None) -> list[str]:
    """Check the chosen criteria against ``frame``; ``None`` or empty means the suggested default.

    Raises
    ------
    SegmenttiError
        When a name is not a column, a column is an id, contact, date or free-text
        column, or no usable column is left.
    """
    if not criteria:
        chosen = suggest_criteria(frame)
        if not chosen:
            raise SegmenttiError("error.no_usable_columns")
        return chosen
    missing = [name for name in criteria if name not in frame.columns]
    if missing:
        raise SegmenttiError(
            "error.unknown_criteria",
            columns=", ".join(missing),
            available=", ".join(map(str, frame.columns)),
        )
    infos = describe_columns(frame[list(dict.fromkeys(criteria))])
    refused = [
        info.name
        for info in infos
        if info.role in _REFUSED_ROLES or (info.role is Role.TEXT and info.distinct > MAX_CHOSEN_LEVELS)
    ]
    if refused:
        raise SegmenttiError("error.criteria_not_usable", columns=", ".join(refused))
    return [info.name for info in infos]


def build_features(frame: pd.DataFrame, criteria: Sequence[str] | None = None) -> FeatureMatrix:
    """Build the clustering matrix from the ``criteria`` columns of ``frame``.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    criteria : sequence of str, optional
        Columns to segment on; default :func:`segmentti.columns.suggest_criteria`.

    Returns
    -------
    FeatureMatrix

    Raises
    ------
    SegmenttiError
        For unusable criteria (see :func:`resolve_criteria`) or when every chosen
        criterion is empty.
    """
    chosen = resolve_criteria(frame, criteria)
    filled = [name for name in chosen if frame[name].notna().any()]
    dropped = tuple(name for name in chosen if name not in filled)
    if not filled:
        raise SegmenttiError("error.criteria_all_empty", columns=", ".join(chosen))
    numeric = tuple(
        name
        for name in filled
        if pd.api.types.is_numeric_dtype(frame[name]) and not pd.api.types.is_bool_dtype(frame[name])
    )
    categorical = tuple(name for name in filled if name not in numeric)
    parts = []
    if numeric:
        parts.append(("numeric", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), list(numeric)))
    if categorical:
        parts.append(("categorical", BalancedOneHotEncoder(), list(categorical)))
    transformer = ColumnTransformer(parts, verbose_feature_names_out=False)
    values = np.asarray(transformer.fit_transform(frame[list(numeric + categorical)]), dtype=np.float64)
    names = tuple(str(name) for name in transformer.get_feature_names_out())
    return FeatureMatrix(values, names, numeric, categorical, transformer, dropped)
