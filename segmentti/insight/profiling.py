"""Describe each segment: its size and how it differs from all customers on every criterion."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from segmentti.engine.features import MISSING_LEVEL
from segmentti.texts import translate

NAME_TRAITS = 3
"""A segment's suggested name lists at most this many traits."""

TRAIT_THRESHOLD = 0.5
"""A difference counts as a trait from this many standard deviations on."""


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
        Standardised difference: ``(segment − overall) / sd`` where ``sd`` is the
        criterion's standard deviation over all customers (for a category, of its 0/1
        indicator, ``sqrt(p (1 − p))``).
    """

    criterion: str
    level: str | None
    segment_value: float
    overall_value: float
    difference: float


@dataclass(frozen=True)
class SegmentSummary:
    """One segment: number (1-based), suggested name, size, share and traits (largest first)."""

    number: int
    name: str
    size: int
    share: float
    traits: tuple[Trait, ...]


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
        """Suggested names in segment order."""
        return [segment.name for segment in self.segments]


def profile_segments(
    frame: pd.DataFrame,
    labels: np.ndarray,
    numeric: tuple[str, ...],
    categorical: tuple[str, ...],
    lang: str = "en",
) -> Profile:
    """Compare each segment with all customers on the criteria.

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

    Returns
    -------
    Profile
    """
    k = int(labels.max()) + 1 if len(labels) else 0
    columns: dict[str, tuple[str, str | None, pd.Series]] = {}
    for name in numeric:
        columns[name] = (name, None, pd.to_numeric(frame[name], errors="coerce").astype(float))
    for name in categorical:
        text = frame[name].astype(object).where(frame[name].notna(), MISSING_LEVEL).astype(str)
        for level in sorted(text.unique()):
            columns[f"{name} = {level}"] = (name, level, (text == level).astype(float))
    indicator = pd.DataFrame({key: series.to_numpy() for key, (_, _, series) in columns.items()})
    overall = indicator.mean()
    spread = indicator.std(ddof=0).replace(0.0, np.nan)
    by_segment = indicator.groupby(labels).mean().reindex(range(k))
    by_segment.index = pd.RangeIndex(1, k + 1, name="segment")
    differences = ((by_segment - overall) / spread).fillna(0.0)
    sizes = np.bincount(labels, minlength=k)
    segments = []
    for number in range(1, k + 1):
        traits = tuple(
            Trait(
                criterion=columns[key][0],
                level=columns[key][1],
                segment_value=float(by_segment.at[number, key]),
                overall_value=float(overall[key]),
                difference=float(differences.at[number, key]),
            )
            for key in differences.loc[number].abs().sort_values(ascending=False, kind="stable").index
            if columns[key][1] is None or differences.at[number, key] > 0
        )
        size = int(sizes[number - 1])
        segments.append(SegmentSummary(number, name_segment(number, traits, lang), size, size / len(labels), traits))
    return Profile(tuple(segments), differences, by_segment, overall)


def name_segment(number: int, traits: tuple[Trait, ...], lang: str) -> str:
    """Suggest a name from a segment's strongest traits, e.g. ``"1: gender female, age ↑"``."""
    parts: list[str] = []
    named: set[str] = set()
    for trait in traits:
        if abs(trait.difference) < TRAIT_THRESHOLD or len(parts) == NAME_TRAITS:
            break
        if trait.criterion in named:
            continue
        named.add(trait.criterion)
        if trait.level is None:
            parts.append(f"{trait.criterion} {'↑' if trait.difference > 0 else '↓'}")
        else:
            parts.append(f"{trait.criterion} {trait.level}")
    if not parts:
        parts.append(translate("segment.near_average", lang))
    return f"{number}: " + ", ".join(parts)
