"""What a persona is made of — traits, KPIs, affinities, actions — and how its figures read in fi/en."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from segmentti.insight.naming import column_label, describe_phrase
from segmentti.texts import format_number as format_number_for
from segmentti.texts import format_share as format_share_for
from segmentti.texts import translate

LISTED_TRAITS = 6
"""A persona card lists at most this many distinguishing traits."""

LISTED_THRESHOLD = 0.2
"""A trait is listed from this standardised difference on."""

KPI_COLUMNS: dict[str, tuple[str, str]] = {
    "avg_order_value": ("avg_order_value", "mean"),
    "purchase_frequency": ("orders", "mean"),
    "recency": ("recency_days", "median"),
    "customer_value": ("total_spend", "mean"),
    "returns": ("returns", "mean"),
}
"""KPI key → (per-customer order feature column, how the segment's figure is taken)."""

MONEY_KPIS = frozenset({"avg_order_value", "customer_value", "predicted_value"})
"""KPIs in money: shown with the currency, in whole units."""

COUNT_KPIS = frozenset({"purchase_frequency", "returns"})
"""KPIs that are counts per customer: shown with one decimal."""

SHARE_KPIS = frozenset({"response_rate", "future_revenue_share", "at_risk_share"})
"""KPIs that are shares 0–1: shown as percentages with one decimal."""

VALUE_KPIS: tuple[str, ...] = ("predicted_value", "future_revenue_share", "at_risk_share")
"""KPIs of customer value, when the data carries the value columns (see :func:`segmentti.engine.value.views.segment_value`)."""

DEFAULT_CURRENCY = "€"


@dataclass(frozen=True)
class PersonaTrait:
    """How a segment differs from all customers on one column (or one category of it).

    Attributes
    ----------
    column : str
        The column.
    level : str | None
        The category of a categorical column; ``None`` for a numeric one.
    segment_value, overall_value : float
        Median in the segment and over all customers (numeric), the mean share of spend
        (``category_share_*``, ``channel_share_*`` columns), or the share of the segment and
        of all customers in ``level`` (0–1).
    difference : float
        Standardised difference on the clustering's scale (see
        :class:`segmentti.insight.profiling.Trait`): the segment's mean of the standardised
        column, after ``asinh`` for skewed columns; for a category ``(share − p) / sqrt(p (1 − p))``.
        Traits are ranked by its absolute value.
    lift : float | None
        Categorical only: segment share / overall share.
    low, high : float | None
        Numeric only: the segment's lower and upper quartile (rounded to whole numbers
        when the column holds only whole numbers).
    kind : str
        What the column is for naming (see :data:`segmentti.insight.naming.KINDS`).
    """

    column: str
    level: str | None
    segment_value: float
    overall_value: float
    difference: float
    lift: float | None = None
    low: float | None = None
    high: float | None = None
    kind: str = "number"


@dataclass(frozen=True)
class Kpi:
    """One KPI of a segment beside the same figure over all customers (``key``: a key of KPI_COLUMNS or ``response_rate``)."""

    key: str
    segment_value: float
    overall_value: float


@dataclass(frozen=True)
class Affinity:
    """A product category the segment buys more than others: mean spend share in segment vs overall, and their ratio."""

    category: str
    segment_share: float
    overall_share: float
    lift: float


@dataclass(frozen=True)
class Action:
    """A suggested channel or action: the rule that fired, what to do and why (with the figure that triggered it)."""

    rule: str
    action: str
    reason: str


def pilot_advice(lang: str) -> Action:
    """The advice that holds for every segment (test on a small pilot first): shown once per page, not per persona."""
    return Action("pilot", translate("rule.pilot.action", lang), translate("rule.pilot.reason", lang))


@dataclass(frozen=True)
class Persona:
    """One segment as a persona.

    Attributes
    ----------
    number : int
        Segment number, 1-based.
    name, notes : str
        The name in use (the suggestion until the user edits it) and the user's notes.
    suggested_name : str
        The name made from the most distinctive traits.
    size : int
        Customers in the segment.
    share : float
        Share of all customers, 0–1.
    revenue_share : float | None
        Share of all ``total_spend``, when the data has it.
    traits : tuple of PersonaTrait
        Every trait, most distinctive first (categories only where over-represented).
    typical_row : int
        Row position (in the frame) of the customer nearest the segment's centre.
    typical : tuple of (str, str)
        That customer's id and criteria as (column, value) pairs.
    kpis : tuple of Kpi
        The KPIs the data has.
    affinities : tuple of Affinity
        Categories with lift above 1, strongest first.
    actions : tuple of Action
        Suggestions from :func:`suggest_actions`, each following the segment's own figures
        (the advice for every segment is :func:`pilot_advice`).
    currency : str
        The currency of the money KPIs (``"€"`` unless set).
    """

    number: int
    name: str
    suggested_name: str
    notes: str
    size: int
    share: float
    revenue_share: float | None
    traits: tuple[PersonaTrait, ...]
    typical_row: int
    typical: tuple[tuple[str, str], ...]
    kpis: tuple[Kpi, ...]
    affinities: tuple[Affinity, ...]
    actions: tuple[Action, ...]
    currency: str = DEFAULT_CURRENCY

    @property
    def listed_traits(self) -> tuple[PersonaTrait, ...]:
        """The traits a card shows: at most :data:`LISTED_TRAITS` from :data:`LISTED_THRESHOLD` on."""
        return tuple(trait for trait in self.traits if abs(trait.difference) >= LISTED_THRESHOLD)[:LISTED_TRAITS]


def describe_trait(trait: PersonaTrait, lang: str, column_labels: Mapping[str, str] | None = None) -> str:
    """One plain sentence about a trait, with its figures, the column called by its readable label."""
    label = column_label(trait.column, lang, column_labels)
    if trait.level is None and trait.kind in ("category_share", "channel_share"):
        return translate(
            f"persona.trait_{trait.kind}",
            lang,
            value=trait.column.split("_share_", 1)[1],
            share=format_share(trait.segment_value, lang=lang),
            overall=format_share(trait.overall_value, lang=lang),
        )
    if trait.level is None:
        size = abs(trait.difference)
        degree = "much_" if size >= 0.8 else "" if size >= 0.5 else "slightly_"
        direction = "higher" if trait.difference > 0 else "lower"

        def figure(value: float | None) -> str:
            if trait.kind == "birth_year" and value is not None and not np.isnan(value):
                return str(round(value))  # a year is written without a thousands separator
            return format_number(value, lang=lang)

        return translate(
            "persona.trait_numeric",
            lang,
            column=label,
            value=figure(trait.segment_value),
            overall=figure(trait.overall_value),
            low=figure(trait.low),
            high=figure(trait.high),
            strength=translate(f"persona.strength_{degree}{direction}", lang),
            sd=format_number(size, 1, lang=lang),
        )
    return translate(
        "persona.trait_level",
        lang,
        column=label,
        level=trait.level,
        share=format_share(trait.segment_value, lang=lang),
        overall=format_share(trait.overall_value, lang=lang),
        lift=format_number(trait.lift or 0.0, 1, lang=lang),
    )


def format_number(value: float | None, digits: int | None = None, lang: str = "en") -> str:
    """A number for people (:func:`segmentti.texts.format_number`): no decimals from 100 on, one below.

    ``digits`` overrides the decimals; a trailing zero decimal is dropped (``2`` not ``2.0``);
    missing is ``–``.
    """
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "–"
    if digits is None:
        digits = 0 if abs(value) >= 100 else 1
    text = format_number_for(value, lang, digits)
    zero = (",0" if lang == "fi" else ".0") if digits == 1 else None
    return text[: -len(zero)] if zero and text.endswith(zero) else text


def format_share(value: float, lang: str = "en") -> str:
    """A share 0–1 as a whole percentage (:func:`segmentti.texts.format_share`): ``27 %`` / ``27%``."""
    return format_share_for(value, lang, 0)


def show_value(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)


def format_kpi(kpi_key: str, value: float, lang: str = "en", currency: str = DEFAULT_CURRENCY) -> str:
    """A KPI value for people, rounded the same way for every segment.

    Money (average order value, customer value) in whole units with the currency, counts
    per customer (orders, returns) with one decimal, days whole, rates as percentages with
    one decimal; missing is ``–``.
    """
    if value is None or np.isnan(value):
        return "–"
    if kpi_key in SHARE_KPIS:
        return format_share_for(value, lang, 1)
    if kpi_key in MONEY_KPIS:
        return format_money(value, lang, currency)
    if kpi_key in COUNT_KPIS:
        return format_number_for(value, lang, 1)
    return format_number_for(value, lang, 0)


def format_money(value: float, lang: str = "en", currency: str = DEFAULT_CURRENCY) -> str:
    """An amount in whole units with its currency: ``1 234 €`` in Finnish; ``€1,234`` (a symbol) or ``1,234 SEK`` in English."""
    number = format_number_for(value, lang, 0)
    currency = currency.strip()
    if not currency:
        return number
    if lang == "fi" or len(currency) > 1:
        return f"{number}\u00a0{currency}"
    return f"-{currency}{number[1:]}" if number.startswith("-") else f"{currency}{number}"


def round_kpi(kpi_key: str, value: float) -> float:
    """A KPI rounded as :func:`format_kpi` shows it (rates stay 0–1, to four decimals)."""
    if kpi_key in SHARE_KPIS:
        return round(value, 4)
    return round(value, 1 if kpi_key in COUNT_KPIS else 0)


def short_trait(trait: PersonaTrait, lang: str = "en", column_labels: Mapping[str, str] | None = None) -> str:
    """A trait in a few words, as in names: ``"women"``, ``"recent buyers"``, ``"Education: PhD"``."""
    return describe_phrase(trait, lang, column_labels)


def describe_affinity(item: Affinity, lang: str) -> str:
    """One line about a category the segment buys more than others, with its figures."""
    return translate(
        "report.affinity_item",
        lang,
        category=item.category,
        share=format_share(item.segment_share, lang=lang),
        overall=format_share(item.overall_share, lang=lang),
        lift=format_number(item.lift, 1, lang=lang),
    )
