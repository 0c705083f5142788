"""The default criteria a marketer would start from, and the presets: which usable columns to segment on, and why not the others."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from segmentti.choices import Preset
from segmentti.data.columns import WORD_SPLIT, ColumnInfo, Family, Overrides, Role, describe_columns
from segmentti.errors import SegmenttiError

MAX_DEFAULT_CRITERIA = 8
"""The most criteria a suggestion holds: enough for a behavioural and demographic mix, few enough to read."""
NEAR_CONSTANT_SHARE = 0.97
"""A column whose most common value (or empty cell) fills this share of the rows tells almost no one apart."""
DUPLICATE_CORRELATION = 0.9
"""Two numeric columns whose rank correlation exceeds this (in absolute value) say the same thing."""
_CORRELATION_ROWS = 20_000
"""Rows a rank correlation is measured on (a fixed random sample of larger tables)."""

# Header words of outcomes: what a campaign, an offer or the relationship led to. An outcome is
# compared per segment afterwards; segmenting on it would make the segments restate the result.
_OUTCOME_WORDS = re.compile(
    r"^(response|responses|responded|respond|converted|conversion|conversions|convert|accepted|accept|"
    r"acceptedcmp\d*|complain|complained|complaint|complaints|churn|churned|churner|attrition|attrited|"
    r"cancelled|canceled|unsubscribed|outcome|target|label|vastasi|vastannut|vastanneet|konversio\w*|"
    r"konvertoi\w*|reklamaatio\w*|reklamoi\w*|valitus|valitti|valittanut|poistuma|poistui|lopettanut|"
    r"irtisanoi\w*|hyv[äa]ksyi|hyv[äa]ksynyt)$",
    re.IGNORECASE,
)

# Families in the order the suggestion draws from them: how customers buy and who they are first.
_SUGGESTION_ORDER: tuple[Family, ...] = (
    Family.BEHAVIOURAL,
    Family.DEMOGRAPHIC,
    Family.SOCIO_ECONOMIC,
    Family.GEOGRAPHIC,
    Family.PSYCHOGRAPHIC,
    Family.FIRMOGRAPHIC,
    Family.OTHER,
)


PRESET_FAMILIES: dict[Preset, tuple[Family, ...]] = {
    Preset.WHO: (Family.DEMOGRAPHIC, Family.GEOGRAPHIC, Family.SOCIO_ECONOMIC, Family.FIRMOGRAPHIC),
    Preset.HOW: (Family.BEHAVIOURAL,),
    Preset.THINK: (Family.PSYCHOGRAPHIC,),
}
"""The criteria families each preset draws from."""


@dataclass(frozen=True)
class CriteriaSuggestion:
    """The criteria suggested for a table and why the other usable columns were left out.

    Attributes
    ----------
    chosen : tuple of str
        The suggested criteria, in the order of the table's columns.
    outcomes : tuple of str
        Outcome columns (a response, conversion, complaint, churn …): compare them per segment instead.
    near_constant : tuple of str
        Columns where one value fills at least :data:`NEAR_CONSTANT_SHARE` of the rows.
    duplicates : tuple of (str, str)
        ``(left out, kept)`` pairs of near-duplicates: numbers that rank customers almost the same
        way, or categories that group them identically.
    beyond_limit : tuple of str
        Usable columns left out to keep the suggestion at ``limit`` criteria.
    """

    chosen: tuple[str, ...]
    outcomes: tuple[str, ...] = ()
    near_constant: tuple[str, ...] = ()
    duplicates: tuple[tuple[str, str], ...] = ()
    beyond_limit: tuple[str, ...] = ()


def is_outcome(name: str) -> bool:
    """Whether a header names an outcome (response, converted, AcceptedCmp1, Complain, churn, vastasi …).

    The header is split into words as for :func:`guess_family` and each word matched whole.
    """
    return any(_OUTCOME_WORDS.match(word) for word in WORD_SPLIT.split(str(name)) if word)


def suggest_criteria(frame: pd.DataFrame, overrides: Overrides | None = None) -> list[str]:
    """Return the criteria a marketer would start from (see :func:`criteria_suggestion`).

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    overrides : dict, optional
        The user's column corrections (see :func:`describe_columns`).

    Returns
    -------
    list of str
        At most :data:`MAX_DEFAULT_CRITERIA` columns, in the order of ``frame.columns``.
    """
    return list(criteria_suggestion(frame, overrides).chosen)


def preset_criteria(frame: pd.DataFrame, preset: Preset | str, overrides: Overrides | None = None) -> list[str]:
    """Return the criteria of a preset: who they are, how they buy or what they think.

    The same rule as :func:`criteria_suggestion`, drawing only from the preset's families
    (:data:`PRESET_FAMILIES`).

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    preset : Preset or str
        ``"who"`` (demographic, geographic, socio-economic, firmographic), ``"how"``
        (behavioural) or ``"think"`` (psychographic).
    overrides : dict, optional
        The user's column corrections; a family set by the user counts.

    Returns
    -------
    list of str
        At most :data:`MAX_DEFAULT_CRITERIA` columns, in the order of ``frame.columns``.

    Raises
    ------
    SegmenttiError
        For an unknown preset, or when no usable column of the table belongs to the preset's families.
    """
    known = {choice.value for choice in Preset}
    if str(preset) not in known:
        raise SegmenttiError("error.unknown_preset", preset=str(preset), known=", ".join(sorted(known)))
    chosen = criteria_suggestion(frame, overrides, families=PRESET_FAMILIES[Preset(preset)]).chosen
    if not chosen:
        raise SegmenttiError("error.preset_empty", preset=str(preset))
    return list(chosen)


def criteria_suggestion(
    frame: pd.DataFrame,
    overrides: Overrides | None = None,
    *,
    families: tuple[Family, ...] = _SUGGESTION_ORDER,
    limit: int = MAX_DEFAULT_CRITERIA,
) -> CriteriaSuggestion:
    """Choose the criteria a marketer would start from, and say why the other usable columns were left out.

    The rule, in order:

    1. Only usable columns (numbers and categories: never ids, contacts, dates or free text),
       of the given ``families``.
    2. Never an outcome (:func:`is_outcome`): what a campaign or the relationship led to is
       compared per segment, not segmented on.
    3. Never a near-constant column: one value (or the empty cell) fills at least
       :data:`NEAR_CONSTANT_SHARE` of the rows (a 0/1 flag with under 3 % ones).
    4. One column per concept first: columns whose header starts with the same word
       (``MntWines``, ``MntFruits``; ``interest_sport``, ``interest_home``) are one concept, and
       the member with the largest typical value (the main product line or channel) comes first.
    5. Families take turns — behavioural, demographic, socio-economic, geographic,
       psychographic, firmographic, other — so the suggestion mixes how customers buy with
       who they are; within a family, concepts take turns in the table's order, except that
       the order features of :data:`PURCHASE_FIRST` (recency, spend, orders …) come first.
    6. Near-duplicates are left out: a numeric column whose rank correlation with one already
       chosen exceeds :data:`DUPLICATE_CORRELATION`, a categorical column that groups the
       customers exactly as one already chosen (an industry code beside the industry's name).
    7. At most ``limit`` columns.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    overrides : dict, optional
        The user's column corrections (roles and families).
    families : tuple of Family, optional
        The families to draw from, in the order they take turns (default: all).
    limit : int, default MAX_DEFAULT_CRITERIA
        The most criteria to choose.

    Returns
    -------
    CriteriaSuggestion
        ``chosen`` in the order of ``frame.columns``, and what was left out and why.
    """
    infos = [info for info in describe_columns(frame, overrides) if info.usable and info.family in families]
    outcomes = tuple(info.name for info in infos if is_outcome(info.name))
    near_constant = tuple(
        info.name
        for info in infos
        if info.name not in outcomes and _top_share(frame[info.name], info.distinct) >= NEAR_CONSTANT_SHARE
    )
    candidates = [info for info in infos if info.name not in outcomes and info.name not in near_constant]
    chosen: list[str] = []
    duplicates: list[tuple[str, str]] = []
    numeric = [info.name for info in candidates if info.role is Role.NUMERIC]
    correlations = _ranks(frame, numeric).corr()  # every pair at once, in pandas' own loop (no BLAS threads)
    for name in _turns(frame, candidates, families):
        if len(chosen) >= limit:
            break
        if name in numeric:
            twin = _twin(correlations, name, chosen)
        else:
            twin = next(
                (other for other in chosen if other not in numeric and _same_grouping(frame, name, other)), None
            )
        if twin is not None and _reads_better(frame, name, twin):  # the industry's name rather than its code
            chosen[chosen.index(twin)] = name
            duplicates.append((twin, name))
            continue
        if twin is not None:
            duplicates.append((name, twin))
            continue
        chosen.append(name)
    order = {name: position for position, name in enumerate(map(str, frame.columns))}
    chosen.sort(key=order.__getitem__)
    taken = set(chosen) | {left for left, _ in duplicates}
    beyond = tuple(info.name for info in candidates if info.name not in taken)
    return CriteriaSuggestion(tuple(chosen), outcomes, near_constant, tuple(duplicates), beyond)


def _top_share(column: pd.Series, distinct: int) -> float:
    """The share of rows holding the column's most common value, an empty cell counting as a value.

    ``distinct``: the column's number of distinct values (:attr:`ColumnInfo.distinct`); when every row
    holds its own (a measured amount), the share is one row's without counting them again.
    """
    if not len(column):
        return 1.0
    if distinct == len(column):
        return 1 / len(column)
    return float(column.value_counts(normalize=True, dropna=False, sort=False).max())


def _concept(name: str) -> str:
    """The header's first word, lower case: columns sharing it measure one concept (``MntWines``, ``MntFruits``)."""
    words = [word for word in WORD_SPLIT.split(name) if word]
    return words[0].lower() if words else name


def _turns(frame: pd.DataFrame, candidates: list[ColumnInfo], families: tuple[Family, ...]) -> list[str]:
    """The candidates in the order they are offered: families take turns, and within one its concepts take turns."""
    concept_count: dict[str, int] = {}
    for info in candidates:
        concept_count[_concept(info.name)] = concept_count.get(_concept(info.name), 0) + 1
    queues: list[list[str]] = []
    for family in families:
        concepts: dict[str, list[ColumnInfo]] = {}
        for info in candidates:
            if info.family is family:
                key = _concept(info.name) if concept_count[_concept(info.name)] > 1 else info.name
                concepts.setdefault(key, []).append(info)
        members = sorted((_main_first(frame, group) for group in concepts.values()), key=_purchase_rank)
        queues.append(_interleave(members))
    return _interleave(queues)


PURCHASE_FIRST: tuple[str, ...] = ("recency_days", "total_spend", "orders", "avg_order_value", "tenure_days")
"""Order features offered before a family's other columns, in this order: recency, monetary value and
frequency (RFM) are what purchase history says best, and what was measured comes before what a
customer said about themselves (a preferred channel, a commute)."""


def _purchase_rank(members: list[str]) -> int:
    """A concept's place among its family's: the order features of :data:`PURCHASE_FIRST` first (stable sort)."""
    ranks = [PURCHASE_FIRST.index(name) for name in members if name in PURCHASE_FIRST]
    return min(ranks) if ranks else len(PURCHASE_FIRST)


def _main_first(frame: pd.DataFrame, group: list[ColumnInfo]) -> list[str]:
    """A concept's columns, numbers with the largest typical (mean absolute) value first, then categories."""

    def size(info: ColumnInfo) -> float:
        column = frame[info.name]
        if info.role is not Role.NUMERIC or not pd.api.types.is_numeric_dtype(column):
            return -1.0
        value = float(np.nanmean(np.abs(column.to_numpy(dtype=float, na_value=np.nan))))
        return value if np.isfinite(value) else -1.0

    return [info.name for info in sorted(group, key=lambda info: -size(info))]


def _interleave(queues: list[list[str]]) -> list[str]:
    """The first of each queue, then the second of each, and so on."""
    order: list[str] = []
    for position in range(max((len(queue) for queue in queues), default=0)):
        order.extend(queue[position] for queue in queues if position < len(queue))
    return order


def _ranks(frame: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    """Ranks of the numeric columns (average ranks for ties) on a fixed sample of at most 20,000 rows."""
    if not names:
        return pd.DataFrame()
    part = frame[names]
    if len(part) > _CORRELATION_ROWS:
        part = part.sample(_CORRELATION_ROWS, random_state=0)
    return part.apply(lambda column: pd.to_numeric(column, errors="coerce")).rank()


def _same_grouping(frame: pd.DataFrame, name: str, other: str) -> bool:
    """Whether two categorical columns group the customers identically (a code and its name: one-to-one)."""
    pair = frame[[name, other]].astype("str")
    return len(pair.drop_duplicates()) == pair[name].nunique() == pair[other].nunique()


def _reads_better(frame: pd.DataFrame, name: str, other: str) -> bool:
    """Whether ``name`` holds words where its twin ``other`` holds codes (more of its values have letters)."""

    def worded(column: str) -> float:
        return float(frame[column].dropna().astype("str").str.contains(r"[^\W\d_]{2}", regex=True).mean())

    return worded(name) > worded(other)


def _twin(correlations: pd.DataFrame, name: str, chosen: list[str]) -> str | None:
    """The chosen numeric column whose rank correlation with ``name`` exceeds the limit, if any.

    ``correlations`` holds the Pearson correlations of the ranks (Spearman's), every pair of numeric columns.
    """
    if name not in correlations.columns:
        return None
    for other in chosen:
        if other in correlations.columns:
            correlation = correlations.at[name, other]
            if pd.notna(correlation) and abs(correlation) > DUPLICATE_CORRELATION:
                return other
    return None
