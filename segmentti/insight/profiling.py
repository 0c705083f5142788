"""Describe each segment: its size and how it differs from all customers on every criterion, on the clustering's scale."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from segmentti.engine.features import MISSING_LEVEL, FeatureMatrix, LogScaler, is_skewed
from segmentti.insight.naming import NAME_THRESHOLD, NAME_TRAITS, column_kind, suggest_names

__all__ = ["NAME_THRESHOLD", "NAME_TRAITS", "Profile", "SegmentSummary", "Trait", "measure_traits", "profile_segments"]


@dataclass(frozen=True)
class Trait:
    """How one segment differs from all customers on one criterion (or one category of it).

    Attributes
    ----------
    criterion : str
        The column.
    level : str | None
        The category for a categorical criterion; ``None`` for a numeric one.
    segment_value : float
        Mean in the segment (numeric) or share of the segment in ``level`` (0–1).
    overall_value : float
        The same over all customers.
    difference : float
        Standardised difference on the scale the clustering used: for a numeric criterion
        the segment's mean of the standardised column, after the log-like ``asinh``
        transform when the column is skewed (money, counts), so a segment with a median
        order value of 509 against 294 overall is far from average even when a few huge
        orders inflate the standard deviation; for a category
        ``(share − p) / sqrt(p (1 − p))`` with ``p`` the share of all customers.
    kind : str
        What the column is for naming (see :data:`segmentti.insight.naming.KINDS`).
    low, high : float | None
        Numeric only: the segment's lower and upper quartile in the column's own units.
    """

    criterion: str
    level: str | None
    segment_value: float
    overall_value: float
    difference: float
    kind: str = "number"
    low: float | None = None
    high: float | None = None

    @property
    def column(self) -> str:
        """The column (the name naming and personas use)."""
        return self.criterion


@dataclass(frozen=True)
class SegmentSummary:
    """One segment: number (1-based), name shown with its number, size, share, traits (largest first).

    ``name`` is ``"<number>: <suggested_name>"`` (or the method's own name, such as an RFM
    segment); ``suggested_name`` is the name the persona of this segment gets too.
    """

    number: int
    name: str
    size: int
    share: float
    traits: tuple[Trait, ...]
    suggested_name: str = ""


@dataclass(frozen=True, eq=False)
class Profile:
    """Every segment described.

    Attributes
    ----------
    segments : tuple of SegmentSummary
        In segment order.
    differences : pandas.DataFrame
        Segments (index: segment number) × criteria or ``criterion = level`` columns:
        the standardised differences behind the traits.
    segment_values : pandas.DataFrame
        Same shape: the mean (numeric) or share (category) in each segment.
    overall_values : pandas.Series
        The value over all customers for each column of ``differences``.
    """

    segments: tuple[SegmentSummary, ...]
    differences: pd.DataFrame
    segment_values: pd.DataFrame
    overall_values: pd.Series

    @property
    def names(self) -> list[str]:
        """Names in segment order, each with its number (``"1: recent buyers · women"``)."""
        return [segment.name for segment in self.segments]

    def suggested_names(self, lang: str, labels: Mapping[str, str] | None = None) -> list[str]:
        """The segments' names in ``lang`` (without numbers), from the same traits: cheap, no pass over the data."""
        return suggest_names([segment.traits for segment in self.segments], self.shares, lang, labels)

    @property
    def shares(self) -> list[float]:
        """Each segment's share of all customers."""
        return [segment.share for segment in self.segments]


@dataclass(frozen=True, eq=False)
class TraitTable:
    """Every segment measured on some columns (the shared step of profiles and personas).

    Attributes
    ----------
    traits : list of tuple of Trait
        Per segment (index 0 … k-1): numeric traits and over-represented categories,
        strongest first.
    differences, segment_values : pandas.DataFrame
        Segments (index 0 … k-1) × ``column`` or ``column = level``.
    overall_values : pandas.Series
        Per column of ``differences``.
    medians : pandas.DataFrame
        Numeric columns only: segments × columns, the segment's median.
    overall_medians : pandas.Series
        Numeric columns only.
    """

    traits: list[tuple[Trait, ...]]
    differences: pd.DataFrame
    segment_values: pd.DataFrame
    overall_values: pd.Series
    medians: pd.DataFrame
    overall_medians: pd.Series


QUARTILE_ROWS = 20_000
"""Segments' quartiles (the bands in names) are taken from at most this many customers, evenly spread."""


def measure_traits(
    frame: pd.DataFrame,
    labels: np.ndarray,
    k: int,
    numeric: Sequence[str],
    categorical: Sequence[str],
    features: FeatureMatrix | None = None,
    quartile_rows: int | None = QUARTILE_ROWS,
) -> TraitTable:
    """Measure every segment on ``numeric`` and ``categorical`` columns of ``frame``.

    Parameters
    ----------
    frame : pandas.DataFrame
        The customers, in the order of ``labels``.
    labels : numpy.ndarray
        Shape ``(n,)``: segment index 0 … k-1.
    k : int
        Number of segments.
    numeric, categorical : sequence of str
        Columns measured as numbers and as categories.
    features : FeatureMatrix, optional
        The clustering's matrix: a numeric column that is one of its criteria is read from
        it (exactly the scale the segments were found on); any other numeric column is put
        on the same kind of scale (``asinh`` when :func:`~segmentti.engine.features.is_skewed`,
        then standardised).
    quartile_rows : int or None, default QUARTILE_ROWS
        Segment quartiles and medians from every ``n // quartile_rows``-th customer (all when
        ``None``): exact enough for a band rounded to two digits, and it keeps a k change fast.

    Returns
    -------
    TraitTable
    """
    labels = np.asarray(labels, dtype=np.int64)
    counts = np.bincount(labels, minlength=k).astype(float)
    safe = np.where(counts > 0, counts, np.nan)
    keys: list[str] = []
    owners: list[tuple[str, str | None, str]] = []
    differences: list[np.ndarray] = []
    values: list[np.ndarray] = []
    overall: list[float] = []
    raw_numeric: dict[str, np.ndarray] = {}
    feature_columns = _feature_columns(features)
    for name in numeric:
        raw = pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        scaled = _on_clustering_scale(name, raw, features, feature_columns)
        if scaled is None:
            continue
        filled = ~np.isnan(raw)
        clustered = np.bincount(labels, weights=scaled, minlength=k) / safe
        differences.append(clustered if filled.all() else _among_filled(clustered, scaled, filled, labels, k, counts))
        if filled.all():
            values.append(np.bincount(labels, weights=raw, minlength=k) / safe)
            overall.append(float(raw.mean()))
        else:
            raw_sums = np.bincount(labels, weights=np.where(filled, raw, 0.0), minlength=k)
            raw_counts = np.bincount(labels, weights=filled.astype(float), minlength=k)
            values.append(raw_sums / np.where(raw_counts > 0, raw_counts, np.nan))
            overall.append(float(raw[filled].mean()) if filled.any() else float("nan"))
        keys.append(name)
        owners.append((name, None, column_kind(name, frame[name])))
        raw_numeric[name] = raw
    for name in categorical:
        column = frame[name]
        codes, uniques = pd.factorize(column, sort=True)
        levels = [str(level) for level in uniques]
        if (codes < 0).any():  # empty cells are a level of their own, as in the clustering
            codes = np.where(codes < 0, len(levels), codes)
            levels.append(MISSING_LEVEL)
        table = np.bincount(labels * len(levels) + codes, minlength=k * len(levels)).reshape(k, len(levels))
        shares = table / safe[:, None]
        everyone = np.bincount(codes, minlength=len(levels)) / len(codes)
        kind = column_kind(name, pd.Series(uniques))
        for position, level in enumerate(levels):
            p = float(everyone[position])
            spread = np.sqrt(p * (1 - p))
            differences.append((shares[:, position] - p) / spread if spread > 0 else np.zeros(k))
            values.append(shares[:, position])
            overall.append(p)
            keys.append(f"{name} = {level}")
            owners.append((name, level, kind))
    matrix = np.nan_to_num(np.column_stack(differences) if differences else np.empty((k, 0)), nan=0.0)
    segment_values = np.column_stack(values) if values else np.empty((k, 0))
    lows, medians, highs, overall_medians = _quartiles(raw_numeric, labels, k, quartile_rows)
    low_array, high_array = lows.to_numpy(dtype=float), highs.to_numpy(dtype=float)
    numeric_position = {name: position for position, name in enumerate(lows.columns)}
    traits: list[tuple[Trait, ...]] = []
    for index in range(k):
        order = np.argsort(-np.abs(matrix[index]), kind="stable")
        found = []
        for position in order:
            name, level, kind = owners[position]
            difference = float(matrix[index, position])
            if level is not None and difference <= 0:
                continue  # a category describes the segments it is over-represented in
            low = high = None
            if level is None:
                low = _number(low_array[index, numeric_position[name]])
                high = _number(high_array[index, numeric_position[name]])
            found.append(
                Trait(
                    name, level, float(segment_values[index, position]), overall[position], difference, kind, low, high
                )
            )
        traits.append(tuple(found))
    return TraitTable(
        traits,
        pd.DataFrame(matrix, columns=keys),
        pd.DataFrame(segment_values, columns=keys),
        pd.Series(overall, index=keys, dtype=float),
        medians,
        overall_medians,
    )


def _among_filled(
    clustered: np.ndarray, scaled: np.ndarray, filled: np.ndarray, labels: np.ndarray, k: int, counts: np.ndarray
) -> np.ndarray:
    """Each segment's standardised difference in a column with empty cells, among the customers who have a value.

    The medians the personas show leave the empty cells out (a one-order customer has no interval
    between orders), so the difference does too where most of a segment has a value: a segment of
    repeat buyers whose intervals are longer than other repeat buyers' is not called one of short
    intervals just because the clustering counts every one-order customer as the longest interval.
    A segment most of whose customers have no value keeps the clustering's difference
    (``clustered``): what their empty cells stand for (one order: the longest interval) describes it.
    """
    values = scaled[filled]
    spread = values.std() if len(values) else 0.0
    if not np.isfinite(spread) or spread <= 1e-12:
        return clustered
    standard = (values - values.mean()) / spread
    present = np.bincount(labels[filled], minlength=k).astype(float)
    sums = np.bincount(labels[filled], weights=standard, minlength=k)
    return np.where(present >= 0.5 * counts, sums / np.where(present > 0, present, 1.0), clustered)


def _quartiles(
    raw: dict[str, np.ndarray], labels: np.ndarray, k: int, rows: int | None
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.Series]:
    """Each segment's lower quartile, median and upper quartile per column, and everyone's median.

    Whole-number columns (ages, counts, scores) get whole quartiles.
    """
    if not raw:
        empty = pd.DataFrame(index=range(k))
        return empty, empty, empty, pd.Series(dtype=float)
    step = max(1, len(labels) // rows) if rows else 1
    picked = pd.DataFrame({name: column[::step] for name, column in raw.items()})
    quartiles = picked.groupby(labels[::step]).quantile([0.25, 0.5, 0.75])
    lows = quartiles.xs(0.25, level=1).reindex(range(k))
    medians = quartiles.xs(0.5, level=1).reindex(range(k))
    highs = quartiles.xs(0.75, level=1).reindex(range(k))
    whole = []
    for name, column in picked.items():
        finite = column.to_numpy()[~np.isnan(column.to_numpy())]
        if np.array_equal(finite, np.round(finite)):
            whole.append(name)
    lows[whole], highs[whole] = lows[whole].round(), highs[whole].round()
    return lows, medians, highs, picked.median()


def _number(value: float) -> float | None:
    return None if np.isnan(value) else float(value)


def _feature_columns(features: FeatureMatrix | None) -> dict[str, tuple[int, float]]:
    """Numeric criterion → (its column in ``features.values``, the square root of its weight)."""
    if features is None:
        return {}
    positions = {name: index for index, name in enumerate(features.feature_names)}
    return {
        name: (positions[name], float(np.sqrt(features.weights.get(name, 1.0))))
        for name in features.numeric
        if name in positions and features.weights.get(name, 1.0) > 0
    }


def _on_clustering_scale(
    name: str, raw: np.ndarray, features: FeatureMatrix | None, feature_columns: dict[str, tuple[int, float]]
) -> np.ndarray | None:
    """The column standardised as the clustering saw it (missing values at the mean); ``None`` when constant."""
    if name in feature_columns and features is not None:
        position, root_weight = feature_columns[name]
        return features.values[:, position] / root_weight  # imputed and standardised by the clustering itself
    else:
        filled = raw[~np.isnan(raw)]
        if len(filled) == 0:
            return None
        scaled = raw
        if is_skewed(pd.Series(filled)):
            scaled = LogScaler().fit(filled[:, None]).transform(raw[:, None])[:, 0]
    centre = np.nanmean(scaled)
    spread = np.nanstd(scaled)
    if not np.isfinite(spread) or spread <= 1e-12:
        return None
    return np.nan_to_num((scaled - centre) / spread, nan=0.0)


def profile_segments(
    frame: pd.DataFrame,
    labels: np.ndarray,
    numeric: tuple[str, ...],
    categorical: tuple[str, ...],
    lang: str = "en",
    *,
    features: FeatureMatrix | None = None,
    column_labels: Mapping[str, str] | None = None,
    k: int | None = None,
) -> Profile:
    """Compare each segment with all customers on the criteria, and name it.

    Parameters
    ----------
    frame : pandas.DataFrame
        The customers, in the order of ``labels``.
    labels : numpy.ndarray
        Segment index 0 … k-1 per customer.
    numeric, categorical : tuple of str
        The criteria, as in :class:`segmentti.engine.features.FeatureMatrix`.
    lang : str, default "en"
        Language of the suggested names.
    features : FeatureMatrix, optional
        The matrix the segments were found in: differences are measured on its scale (see
        :func:`measure_traits`).
    column_labels : mapping of str to str, optional
        The user's readable labels of columns (see :func:`segmentti.insight.naming.column_label`).
    k : int, optional
        Number of segments; default the highest label + 1. Given when some segments may hold
        nobody (new customers scored with a saved model).

    Returns
    -------
    Profile
        Names from :func:`segmentti.insight.naming.suggest_names`: the same function names
        the personas.
    """
    labels = np.asarray(labels, dtype=np.int64)
    if k is None:
        k = int(labels.max()) + 1 if len(labels) else 0
    table = measure_traits(frame, labels, k, numeric, categorical, features)
    sizes = np.bincount(labels, minlength=k)
    shares = [float(size / len(labels)) for size in sizes]
    names = suggest_names(table.traits, shares, lang, column_labels)
    segments = tuple(
        SegmentSummary(
            index + 1,
            f"{index + 1}: {names[index]}",
            int(sizes[index]),
            shares[index],
            table.traits[index],
            names[index],
        )
        for index in range(k)
    )
    differences, segment_values = table.differences.copy(), table.segment_values.copy()
    differences.index = segment_values.index = pd.RangeIndex(1, k + 1, name="segment")
    return Profile(segments, differences, segment_values, table.overall_values)
