"""Turn the chosen criteria columns into the numeric matrix the clustering works on."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, OneToOneFeatureMixin, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.utils import Tags
from sklearn.utils.validation import check_is_fitted, validate_data

from segmentti.data.columns import ColumnInfo, Family, Kind, Overrides, Role, criterion_kinds, describe_columns
from segmentti.data.criteria import suggest_criteria
from segmentti.data.orders import structurally_missing
from segmentti.errors import SegmenttiError

MISSING_LEVEL = "(missing)"
"""The category given to an empty cell of a categorical criterion."""

RARE_LEVEL = "(other)"
"""The category that rare levels of a categorical criterion are grouped into."""

RARE_SHARE = 0.01
"""A level held by fewer than this share of customers is grouped into :data:`RARE_LEVEL`."""

SKEW_LIMIT = 1.0
"""A numeric criterion whose skewness exceeds this (and that a log makes more symmetric) is log-transformed."""

MAX_LEVEL_WEIGHT = 2.0
"""The most a level's one-hot column is multiplied by. Two customers on different levels then stand at most
``2 * sqrt(2)`` ≈ 2.8 standard deviations apart: as far as two customers 1.4 standard deviations either
side of a numeric criterion's mean, so a level held by a few customers cannot outweigh whole criteria."""

ABSENT_INDICATOR_WEIGHT = 0.5
"""The weight of the "has none" indicator of a structurally empty criterion, relative to the criterion's
own. The filled value already places those customers at the far end, so value and indicator together
count 1.5 criteria rather than 2."""

MAX_CHOSEN_LEVELS = 100
"""A text column chosen by hand may have at most this many distinct values."""

_REFUSED_ROLES = {Role.ID, Role.EMAIL, Role.FIRST_NAME, Role.LAST_NAME, Role.NAME, Role.PHONE, Role.DATE, Role.IGNORE}


class BalancedOneHotEncoder(TransformerMixin, BaseEstimator):
    """One-hot encode categorical columns so that each column weighs as much as one scaled number.

    A standardised numeric column has variance 1. The one-hot block of a categorical
    column with level shares ``p`` has total variance ``1 - sum(p**2)``; the block is
    multiplied by ``1 / sqrt(1 - sum(p**2))`` so it has total variance 1 too (the idea
    behind FAMD), but by at most ``max_weight``: a yes/no column whose "yes" is 1.5 % of
    the customers would otherwise be multiplied by almost 6 and set those few customers
    so far apart that they form a segment of their own. Empty cells become the level
    :data:`MISSING_LEVEL`.
    """

    def __init__(self, *, rare_share: float = RARE_SHARE, max_weight: float = MAX_LEVEL_WEIGHT) -> None:
        self.rare_share = rare_share
        self.max_weight = max_weight

    def __sklearn_tags__(self) -> Tags:
        tags = super().__sklearn_tags__()
        # any value is a level: text, numbers, and empty cells (the level MISSING_LEVEL)
        tags.input_tags.categorical = True
        tags.input_tags.string = True
        tags.input_tags.allow_nan = True
        return tags

    def fit(self, X: pd.DataFrame, y: None = None) -> BalancedOneHotEncoder:
        """Learn the levels (rare ones grouped) and the weight of every column's block."""
        frame = pd.DataFrame(self._checked(X, reset=True))
        self.kept_levels_ = []
        grouped_counts = []
        for position in range(frame.shape[1]):
            counts = _level_counts(frame.iloc[:, position])
            shares = counts / counts.sum()
            kept = set(shares.index[shares >= self.rare_share])
            if len(kept) < len(shares) - 1:  # one rare level alone stays itself
                self.kept_levels_.append(kept)
            else:
                self.kept_levels_.append(set(shares.index))
            grouped = counts.index.where(counts.index.isin(self.kept_levels_[-1]), RARE_LEVEL)
            grouped_counts.append(counts.groupby(grouped, sort=False).sum())
        # the levels alone, one row each (a column with fewer repeats its first): OneHotEncoder learns the
        # same sorted categories as from every row, without a Python set of a hundred thousand cells
        longest = max(len(counts) for counts in grouped_counts)
        levels_table = pd.DataFrame(
            {
                column: pd.Series([*counts.index, *[counts.index[0]] * (longest - len(counts))], dtype="str")
                for column, counts in zip(frame.columns, grouped_counts, strict=True)
            }
        )
        self.encoder_ = OneHotEncoder(handle_unknown="ignore", sparse_output=False, dtype=np.float64)
        self.encoder_.fit(levels_table)
        weights = []
        for position, levels in enumerate(self.encoder_.categories_):
            counts = grouped_counts[position]
            shares = (counts / counts.sum()).reindex(levels, fill_value=0.0)
            spread = 1.0 - float(np.sum(shares.to_numpy() ** 2))
            block_weight = min(1.0 / np.sqrt(spread), self.max_weight) if spread > 1e-12 else 0.0
            weights.extend([block_weight] * len(levels))
        self.weights_ = np.asarray(weights)
        return self

    def transform(self, X: pd.DataFrame) -> np.ndarray:
        """Encode ``X`` and weight each block (a level not seen in ``fit`` is ``(other)``, or no level without one).

        The same numbers as the fitted ``OneHotEncoder`` of the grouped text gives, computed per
        distinct value rather than per cell: each column is factorised, only its distinct values
        are turned into text and looked up, and the codes place the weights (scoring a million
        customers spends its time here otherwise).
        """
        check_is_fitted(self, "encoder_")
        if isinstance(X, pd.DataFrame):  # the fitted columns, without copying text cells into an array first
            validate_data(self, X, skip_check_array=True, reset=False)
            frame = X
        else:
            frame = pd.DataFrame(self._checked(X, reset=False))
        out = np.zeros((len(frame), len(self.weights_)), dtype=np.float64)
        offset = 0
        for position, levels in enumerate(self.encoder_.categories_):
            place = {str(level): index for index, level in enumerate(levels)}
            kept = self.kept_levels_[position]
            rare = place.get(RARE_LEVEL, -1)
            codes, uniques = pd.factorize(frame.iloc[:, position], use_na_sentinel=True)
            texts = [MISSING_LEVEL if pd.isna(value) else str(value) for value in uniques]
            lookup = np.asarray(
                [place.get(text, -1) if text in kept else rare for text in texts]
                + [place.get(MISSING_LEVEL, -1) if MISSING_LEVEL in kept else rare],
                dtype=np.int64,
            )
            columns = lookup[codes]  # code -1 (an empty cell) takes the last entry: the missing level
            rows = np.flatnonzero(columns >= 0)
            out[rows, offset + columns[rows]] = self.weights_[offset + columns[rows]]
            offset += len(levels)
        return out

    def _checked(self, X: pd.DataFrame, *, reset: bool) -> pd.DataFrame:
        """``X`` as a table after scikit-learn's checks (2-D, not sparse, not empty, the fitted columns)."""
        checked = validate_data(self, X, dtype=None, ensure_all_finite=False, reset=reset)
        return X if isinstance(X, pd.DataFrame) else pd.DataFrame(checked)

    def get_feature_names_out(self, input_features: Sequence[str] | None = None) -> np.ndarray:
        """Names as ``column_level``."""
        check_is_fitted(self, "encoder_")
        return self.encoder_.get_feature_names_out(input_features)


class LogScaler(OneToOneFeatureMixin, TransformerMixin, BaseEstimator):
    """``asinh(x / s)`` per column, ``s`` the median of the non-zero ``|x|`` seen in ``fit``.

    Like a log for values well above the typical size (money, counts), linear around zero,
    so small losses and small profits stay close together instead of being split by sign.
    Empty cells (NaN) are ignored in ``fit`` and stay empty, as in scikit-learn's scalers.
    """

    def __sklearn_tags__(self) -> Tags:
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True
        return tags

    def fit(self, X: np.ndarray, y: None = None) -> LogScaler:
        """Learn each column's typical size."""
        values = np.abs(validate_data(self, X, dtype=np.float64, reset=True, ensure_all_finite="allow-nan"))
        scales = []
        for column in values.T:
            nonzero = column[(column > 0) & np.isfinite(column)]
            scales.append(float(np.median(nonzero)) if len(nonzero) else 1.0)
        self.scale_ = np.asarray(scales)
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        """Apply ``asinh(x / s)``."""
        check_is_fitted(self, "scale_")
        values = validate_data(self, X, dtype=np.float64, reset=False, ensure_all_finite="allow-nan")
        return np.arcsinh(values / self.scale_)


def is_skewed(column: pd.Series) -> bool:
    """Whether a numeric column is skewed enough to log-transform (money, counts of orders …).

    True when the column has at least 10 distinct values, at most 10 % of them negative
    (money, counts and sizes; a few losses allowed), its skewness exceeds
    :data:`SKEW_LIMIT` and :class:`LogScaler` makes it more symmetric.
    """
    values = pd.to_numeric(column, errors="coerce").astype(float)
    values = values[np.isfinite(values)]
    if values.nunique() < 10 or (values < 0).mean() > 0.1:
        return False
    raw = float(values.skew())
    logged = float(pd.Series(LogScaler().fit_transform(values.to_numpy()[:, None])[:, 0]).skew())
    return bool(raw > SKEW_LIMIT and abs(logged) < abs(raw))


class ColumnWeights(OneToOneFeatureMixin, TransformerMixin, BaseEstimator):
    """Multiply each column of a matrix by ``sqrt(weight)``, so a weight of 2 counts like the criterion twice.

    No weights (the default) means a weight of 1 for every column.
    """

    def __init__(self, *, weights: Sequence[float] = ()) -> None:
        self.weights = weights

    def fit(self, X: np.ndarray, y: None = None) -> ColumnWeights:
        """Check the weights fit ``X``."""
        columns = validate_data(self, X, dtype=np.float64, reset=True).shape[1]
        weights = np.ones(columns) if len(self.weights) == 0 else np.asarray(self.weights, dtype=np.float64)
        if weights.shape != (columns,):
            raise ValueError(f"one weight per column is needed: {len(weights)} weights for {columns} columns")
        self.scale_ = np.sqrt(weights)
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        """Weight the columns."""
        check_is_fitted(self, "scale_")
        return validate_data(self, X, dtype=np.float64, reset=False) * self.scale_


# What an empty cell of an order feature means when the customer has no second order (or none at all),
# as a value on the column's own scale: "the longest seen" for times since or between orders, "none" (0)
# for an amount or a length of customership. Columns not listed get the longest seen.
_ABSENT_MEANS_ZERO = frozenset({"tenure_days", "avg_order_value"})
_INDICATOR_PREFIX = "missingindicator_"


def absent_value(name: str, column: pd.Series) -> float:
    """The value a structurally empty cell of ``column`` stands for (see :func:`segmentti.data.orders.structurally_missing`).

    A one-order customer has no interval between orders: they are at least as infrequent as the
    least frequent repeat buyer, so the interval is the longest one seen. A customer who never
    ordered is as lapsed as the most lapsed one (recency: the longest seen) and has no order
    value and no tenure (0). Never the median: that would make them look like a typical repeat buyer.

    Parameters
    ----------
    name : str
        The column's header (``mean_days_between_orders``, ``recency_days``, ``tenure_days``, ``avg_order_value``).
    column : pandas.Series
        Its values; the empty cells are ignored.

    Returns
    -------
    float
        The fill value (0 when the column has no value at all).
    """
    if name in _ABSENT_MEANS_ZERO:
        return 0.0
    filled = pd.to_numeric(column, errors="coerce").dropna()
    return float(filled.max()) if len(filled) else 0.0


def _level_counts(column: pd.Series) -> pd.Series:
    """How many rows hold each level of ``column`` as text (empty cells as :data:`MISSING_LEVEL`), as :func:`_as_text` reads them.

    A text column is counted per distinct value (factorised), every other kind cell by cell.
    """
    if pd.api.types.is_string_dtype(column) and column.dtype.kind != "O":
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        counts = pd.Series(
            np.bincount(codes + 1, minlength=len(uniques) + 1), index=[MISSING_LEVEL, *map(str, uniques)]
        )
        counts = counts[counts > 0]
        return counts.groupby(level=0, sort=False).sum() if counts.index.has_duplicates else counts
    return _as_text(column.to_frame()).iloc[:, 0].value_counts()


def _as_text(X: pd.DataFrame) -> pd.DataFrame:
    frame = pd.DataFrame(X)
    return frame.astype(object).where(frame.notna(), MISSING_LEVEL).astype(str)


@dataclass(frozen=True, eq=False)
class FeatureMatrix:
    """The criteria of every customer as numbers, with the fitted transformation.

    Attributes
    ----------
    values : numpy.ndarray
        Shape ``(n_customers, n_features)``: numeric criteria imputed (median; structurally
        empty cells with :func:`absent_value` and a ``missingindicator_<criterion>`` column)
        and standardised, categorical criteria one-hot encoded and balanced.
    feature_names : tuple of str
        A name per column of ``values``.
    numeric : tuple of str
        The numeric criteria.
    categorical : tuple of str
        The categorical criteria.
    transformer : sklearn.pipeline.Pipeline
        The fitted transformation (impute, log, scale, encode, weight);
        ``transformer.transform(new_customers)`` scores new rows.
    dropped : tuple of str
        Chosen criteria left out because they were entirely empty (or weighted 0).
    logged : tuple of str
        Numeric criteria that were log-transformed because they are skewed (see :func:`is_skewed`).
    weights : dict of str to float
        The weight of every criterion used (1 unless set).
    absent : tuple of str
        Numeric criteria with structurally empty cells, filled with :func:`absent_value` and
        given a "has none" indicator column.
    """

    values: np.ndarray
    feature_names: tuple[str, ...]
    numeric: tuple[str, ...]
    categorical: tuple[str, ...]
    transformer: Pipeline
    dropped: tuple[str, ...] = ()
    logged: tuple[str, ...] = ()
    weights: dict[str, float] = field(default_factory=dict)
    absent: tuple[str, ...] = ()

    @property
    def criteria(self) -> tuple[str, ...]:
        """All criteria used, numeric first."""
        return self.numeric + self.categorical


def resolve_criteria(
    frame: pd.DataFrame, criteria: Sequence[str] | None, overrides: Overrides | None = None
) -> list[str]:
    """Check the chosen criteria against ``frame``; ``None`` or empty means the suggested default.

    ``overrides`` are the user's column corrections (see :func:`segmentti.data.columns.describe_columns`):
    they count for the suggestion and for what may be a criterion.

    Raises
    ------
    SegmenttiError
        When a name is not a column, a column is an id, contact, date or free-text
        column, or no usable column is left.
    """
    return _resolved(frame, criteria, overrides)[0]


def _resolved(
    frame: pd.DataFrame, criteria: Sequence[str] | None, overrides: Overrides | None
) -> tuple[list[str], list[ColumnInfo] | None]:
    """:func:`resolve_criteria` and the columns' descriptions when it made them (``None`` for a suggestion)."""
    if not criteria:
        chosen = suggest_criteria(frame, overrides)
        if not chosen:
            raise SegmenttiError("error.no_usable_columns")
        return chosen, None
    missing = [name for name in criteria if name not in frame.columns]
    if missing:
        raise SegmenttiError(
            "error.unknown_criteria",
            columns=", ".join(missing),
            available=", ".join(map(str, frame.columns)),
        )
    infos = describe_columns(frame[list(dict.fromkeys(criteria))], overrides)
    refused = [
        info.name
        for info in infos
        if info.role in _REFUSED_ROLES or (info.role is Role.TEXT and info.distinct > MAX_CHOSEN_LEVELS)
    ]
    if refused:
        raise SegmenttiError("error.criteria_not_usable", columns=", ".join(refused))
    return [info.name for info in infos], infos


def build_features(
    frame: pd.DataFrame,
    criteria: Sequence[str] | None = None,
    *,
    weights: Mapping[str, float] | None = None,
    log_skewed: bool = True,
    overrides: Overrides | None = None,
) -> FeatureMatrix:
    """Build the clustering matrix from the ``criteria`` columns of ``frame``.

    Numeric criteria are imputed (median), log-transformed when skewed (see
    :func:`is_skewed`) and standardised; cells empty by construction (a one-order
    customer's interval between orders, see :func:`segmentti.data.orders.structurally_missing`)
    are filled with :func:`absent_value` instead and get an indicator column of weight
    :data:`ABSENT_INDICATOR_WEIGHT`. Categorical criteria are one-hot encoded with rare
    levels grouped and balanced so each counts as much as one numeric criterion (capped at
    :data:`MAX_LEVEL_WEIGHT`); then every criterion's block is multiplied by
    ``sqrt(weight)``. All of it is one fitted scikit-learn pipeline (``FeatureMatrix.transformer``).

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    criteria : sequence of str, optional
        Columns to segment on; default :func:`segmentti.data.criteria.suggest_criteria`.
    weights : mapping of str to float, optional
        Weight per criterion (default 1); see :func:`combine_weights` for family
        weights. A weight of 0 leaves the criterion out.
    log_skewed : bool, default True
        Log-transform skewed numeric criteria.
    overrides : dict, optional
        The user's column corrections; with the detected kinds they decide which criteria are
        numeric and which categorical (:func:`segmentti.data.columns.criterion_kinds`).

    Returns
    -------
    FeatureMatrix
        ``values`` has shape ``(len(frame), n_features)``.

    Raises
    ------
    SegmenttiError
        For unusable criteria (see :func:`resolve_criteria`), a negative weight, or
        when every chosen criterion is empty or weighted 0.
    """
    chosen, infos = _resolved(frame, criteria, overrides)
    weights = dict(weights or {})
    for name, weight in weights.items():
        if not np.isfinite(weight) or weight < 0:
            raise SegmenttiError("error.bad_weight", name=name, value=weight)
    filled = [name for name in chosen if frame[name].notna().any() and weights.get(name, 1.0) > 0]
    dropped = tuple(name for name in chosen if name not in filled)
    if not filled:
        raise SegmenttiError("error.criteria_all_empty", columns=", ".join(chosen))
    described = None if infos is None else [info for info in infos if info.name in filled]
    kinds = criterion_kinds(frame[filled], overrides, infos=described)
    numeric = tuple(name for name in filled if kinds[name] is Kind.NUMERIC)
    categorical = tuple(name for name in filled if name not in numeric)
    logged = tuple(name for name in numeric if log_skewed and is_skewed(frame[name]))
    structural = structurally_missing(frame)
    absent = tuple(name for name in numeric if name in structural)
    plain = tuple(name for name in numeric if name not in logged and name not in absent)
    fills = {name: absent_value(name, frame[name]) for name in absent}
    encoder = ColumnTransformer(encoder_parts(plain, logged, fills, categorical), verbose_feature_names_out=False)
    ordered = plain + tuple(name for name in logged if name not in absent) + absent + categorical
    encoded = np.asarray(encoder.fit_transform(frame[list(ordered)]), dtype=np.float64)
    names = tuple(str(name) for name in encoder.get_feature_names_out())
    owners = _owners(names, ordered, encoder)
    used = {name: float(weights.get(name, 1.0)) for name in ordered}
    scales = [
        used[owner] * (ABSENT_INDICATOR_WEIGHT if name.startswith(_INDICATOR_PREFIX) else 1.0)
        for name, owner in zip(names, owners, strict=True)
    ]
    weighting = ColumnWeights(weights=scales).fit(encoded)
    transformer = Pipeline([("encode", encoder), ("weight", weighting)])
    values = weighting.transform(encoded)
    numeric_used = tuple(name for name in ordered if name not in categorical)
    return FeatureMatrix(values, names, numeric_used, categorical, transformer, dropped, logged, used, absent)


def encoder_parts(
    plain: Sequence[str], logged: Sequence[str], fills: Mapping[str, float], categorical: Sequence[str]
) -> list[tuple[str, Pipeline | BalancedOneHotEncoder, list[str]]]:
    """The unfitted parts of the feature encoder (``ColumnTransformer`` triples), one place for fitting and reloading.

    Parameters
    ----------
    plain : sequence of str
        Numeric criteria imputed with the median and standardised.
    logged : sequence of str
        Skewed numeric criteria, log-transformed (those also in ``fills`` get their own part).
    fills : mapping of str to float
        Structurally empty numeric criteria and the value an empty cell stands for (:func:`absent_value`);
        each gets a part of its own with a "has none" indicator.
    categorical : sequence of str
        Categorical criteria, one-hot encoded and balanced.
    """
    parts: list[tuple[str, Pipeline | BalancedOneHotEncoder, list[str]]] = []
    if plain:
        parts.append(("numeric", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), list(plain)))
    logged_only = [name for name in logged if name not in fills]
    if logged_only:
        parts.append(
            ("logged", make_pipeline(SimpleImputer(strategy="median"), LogScaler(), StandardScaler()), logged_only)
        )
    for name, fill in fills.items():  # one part each: every column has its own fill value
        steps = [SimpleImputer(strategy="constant", fill_value=fill, add_indicator=True)]
        parts.append(
            (
                f"absent_{name}",
                make_pipeline(*steps, *([LogScaler()] if name in logged else []), StandardScaler()),
                [name],
            )
        )
    if categorical:
        parts.append(("categorical", BalancedOneHotEncoder(), list(categorical)))
    return parts


def _owners(names: tuple[str, ...], ordered: tuple[str, ...], encoder: ColumnTransformer) -> list[str]:
    """The criterion each encoded column comes from."""
    owners: list[str] = []
    for _, part, columns in encoder.transformers_:
        if part == "drop" or not len(columns):
            continue
        count = len(part.get_feature_names_out(columns))
        if isinstance(part, BalancedOneHotEncoder):
            for column, levels in zip(columns, part.encoder_.categories_, strict=True):
                owners.extend([column] * len(levels))
        elif len(columns) == 1:  # one criterion, its indicator column included
            owners.extend([columns[0]] * count)
        else:
            owners.extend(columns[:count])
    assert len(owners) == len(names) and set(owners) <= set(ordered)
    return owners


FAMILY_ORDER: tuple[Family, ...] = tuple(Family)
"""The criteria families in the order pages list them."""


def combine_weights(
    families: Mapping[str, str],
    family_weights: Mapping[str, float] | None = None,
    column_weights: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Turn family and column weights into one weight per criterion.

    Parameters
    ----------
    families : mapping of str to str
        The family (a :class:`segmentti.data.columns.Family` value) of each criterion.
    family_weights : mapping of str to float, optional
        Weight per family (default 1).
    column_weights : mapping of str to float, optional
        Weight per criterion (default 1).

    Returns
    -------
    dict of str to float
        ``family weight × column weight`` for every criterion of ``families``.

    Raises
    ------
    SegmenttiError
        For an unknown family name or a negative weight.
    """
    family_weights = dict(family_weights or {})
    column_weights = dict(column_weights or {})
    known = {family.value for family in Family}
    unknown = sorted(set(family_weights) - known)
    if unknown:
        raise SegmenttiError("error.unknown_family", names=", ".join(unknown), known=", ".join(sorted(known)))
    for name, weight in [*family_weights.items(), *column_weights.items()]:
        if not np.isfinite(weight) or weight < 0:
            raise SegmenttiError("error.bad_weight", name=name, value=weight)
    return {
        column: float(family_weights.get(str(family), 1.0)) * float(column_weights.get(column, 1.0))
        for column, family in families.items()
    }
