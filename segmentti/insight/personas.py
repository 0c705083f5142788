"""Turn segments into personas: a name, distinguishing traits, a typical customer, KPIs and actions."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from segmentti.data.columns import Role, describe_columns
from segmentti.engine.features import FeatureMatrix
from segmentti.insight.naming import (
    CATEGORY_PREFIX,
    CHANNEL_PREFIX,
    NAME_THRESHOLD,
    NAME_TRAITS,
    column_label,
    describe_phrase,
)
from segmentti.insight.profiling import Profile, measure_traits, profile_segments
from segmentti.texts import format_number as format_number_for
from segmentti.texts import format_share as format_share_for
from segmentti.texts import translate

__all__ = ["CATEGORY_PREFIX", "CHANNEL_PREFIX", "NAME_THRESHOLD", "NAME_TRAITS", "column_label"]

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

MONEY_KPIS = frozenset({"avg_order_value", "customer_value"})
"""KPIs in money: shown with the currency, in whole units."""

COUNT_KPIS = frozenset({"purchase_frequency", "returns"})
"""KPIs that are counts per customer: shown with one decimal."""

DEFAULT_CURRENCY = "€"

_YES = {"yes", "y", "true", "1", "1.0", "kyllä", "kylla", "k", "x", "on", "ja"}
_NO = {"no", "n", "false", "0", "0.0", "ei", "e", "off", "nej"}
CONSENT_PATTERN = re.compile(r"consent|newsletter|opt_?in|lupa|uutiskirje|suostumus", re.IGNORECASE)
RESPONSE_PATTERN = re.compile(r"respon|convert|conversion|vastasi|vastaus|konversio|ostanut_kampanja", re.IGNORECASE)
_AGE_PATTERN = re.compile(r"(^|[_\s])(age|ikä|ika)($|[_\s])|^(age|ikä|ika)$", re.IGNORECASE)
_ROLE_PATTERN = re.compile(r"decision|p[äa][äa]tt[äa]j|(^|_)role|rooli|titteli|job_?title", re.IGNORECASE)
_CHANNEL_PATTERN = re.compile(r"channel|kanava", re.IGNORECASE)


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


def parse_yes_no(column: pd.Series) -> pd.Series:
    """Read a yes/no column (yes/no, kyllä/ei, true/false, 1/0, booleans) as floats 1.0/0.0, NaN where unknown."""
    if pd.api.types.is_bool_dtype(column):
        return column.astype(float)
    codes, uniques = pd.factorize(column, use_na_sentinel=True)  # each distinct value read once
    words = [str(value).strip().lower() for value in uniques]
    read = np.asarray([1.0 if word in _YES else 0.0 if word in _NO else np.nan for word in words] + [np.nan])
    return pd.Series(read[codes], index=column.index, dtype=float)


def find_flag_column(frame: pd.DataFrame, pattern: re.Pattern[str]) -> str | None:
    """The first column whose header matches ``pattern`` and whose filled values are at least 90 % yes/no."""
    for name in frame.columns:
        if not pattern.search(str(name)) or str(name).startswith((CATEGORY_PREFIX, CHANNEL_PREFIX)):
            continue
        filled = frame[name].dropna()
        if len(filled) and parse_yes_no(filled).notna().mean() >= 0.9:
            return str(name)
    return None


def build_personas(
    frame: pd.DataFrame,
    labels: np.ndarray,
    values: np.ndarray,
    centers: np.ndarray | None = None,
    criteria: Sequence[str] = (),
    lang: str = "en",
    *,
    features: FeatureMatrix | None = None,
    profile: Profile | None = None,
    column_labels: Mapping[str, str] | None = None,
    currency: str = DEFAULT_CURRENCY,
) -> tuple[Persona, ...]:
    """Describe every segment as a persona.

    Parameters
    ----------
    frame : pandas.DataFrame
        The customers, one row each, in the order of ``labels``. Traits are computed on
        the criteria and every other numeric or categorical column (share columns
        included); KPIs from the order features (``orders``, ``total_spend``,
        ``recency_days``, ``avg_order_value``, ``returns``) and a yes/no response column,
        affinity from ``category_share_*``.
    labels : numpy.ndarray
        Shape ``(n,)``: segment index 0 … k-1.
    values : numpy.ndarray
        Shape ``(n, f)``: the feature matrix the segments were found in.
    centers : numpy.ndarray, optional
        Shape ``(k, f)``: segment centres; the members' mean where ``None``.
    criteria : sequence of str
        The segmentation criteria (shown for the typical customer, and the traits the
        name is made of).
    lang : str, default "en"
        Language of the names, sentences and actions.
    features : FeatureMatrix, optional
        The clustering's matrix: traits are measured on its scale.
    profile : Profile, optional
        The segments' profile (:func:`segmentti.insight.profiling.profile_segments`); made
        from ``criteria`` when not given. The personas' names are its names, so a segment
        is called the same on every page.
    column_labels : mapping of str to str, optional
        The user's readable labels of columns.
    currency : str, default "€"
        Currency of the money KPIs and of the figures in actions.

    Returns
    -------
    tuple of Persona
        In segment order.
    """
    labels = np.asarray(labels)
    k = int(labels.max()) + 1 if len(labels) else 0
    sizes = np.bincount(labels, minlength=k)
    infos = describe_columns(frame)
    usable = [info.name for info in infos if info.usable or info.name in criteria]
    numeric = [name for name in usable if _is_number(frame[name])]
    categorical = [name for name in usable if name not in numeric]
    if profile is None:
        chosen = [name for name in criteria if name in frame.columns]
        profile = profile_segments(
            frame,
            labels,
            tuple(name for name in chosen if _is_number(frame[name])),
            tuple(name for name in chosen if not _is_number(frame[name])),
            lang,
            features=features,
            column_labels=column_labels,
        )
    names = profile.suggested_names(lang, column_labels)
    traits = _traits(frame, labels, k, numeric, categorical, features)
    kpis = _kpis(frame, labels, k)
    affinities = _affinities(frame, labels, k, CATEGORY_PREFIX)
    channel_affinities = _affinities(frame, labels, k, CHANNEL_PREFIX)
    revenue = _revenue_shares(frame, labels, k)
    typical_rows = _typical_rows(labels, values, centers, k)
    id_columns = [info.name for info in infos if info.role is Role.ID][:1]
    shown = [*id_columns, *[name for name in criteria if name in frame.columns]]
    consent = find_flag_column(frame, CONSENT_PATTERN)
    consent_share = parse_yes_no(frame[consent]).groupby(labels).mean() if consent else None
    top_revenue = _top_revenue_segment(revenue, sizes)
    personas = []
    for index in range(k):
        row = typical_rows[index]
        persona = Persona(
            number=index + 1,
            name=names[index],
            suggested_name=names[index],
            notes="",
            size=int(sizes[index]),
            share=float(sizes[index] / len(labels)),
            revenue_share=None if revenue is None else float(revenue[index]),
            traits=traits[index],
            typical_row=row,
            typical=tuple((name, _show(frame[name].iloc[row])) for name in shown),
            kpis=kpis[index],
            affinities=affinities[index],
            actions=(),
            currency=currency,
        )
        context = _RuleContext(
            frame,
            labels == index,
            channel_affinities[index],
            None if consent_share is None else float(consent_share.get(index, np.nan)),
            top_revenue == index,
        )
        personas.append(replace(persona, actions=suggest_actions(persona, context, lang, column_labels)))
    return tuple(personas)


def _is_number(column: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)


def apply_edits(personas: Sequence[Persona], edits: Mapping[int, Mapping[str, str]]) -> tuple[Persona, ...]:
    """Put the user's names and notes (``{number: {"name": ..., "notes": ...}}``) into the personas.

    An empty or blank name keeps the suggestion.
    """
    edited = []
    for persona in personas:
        edit = edits.get(persona.number, {})
        name = (edit.get("name") or "").strip() or persona.suggested_name
        edited.append(replace(persona, name=name, notes=edit.get("notes", persona.notes) or ""))
    return tuple(edited)


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


def _show(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)


def _traits(
    frame: pd.DataFrame,
    labels: np.ndarray,
    k: int,
    numeric: Sequence[str],
    categorical: Sequence[str],
    features: FeatureMatrix | None,
) -> list[tuple[PersonaTrait, ...]]:
    """Every segment's traits on the clustering's scale: medians and quartiles for numbers, mean shares of spend."""
    table = measure_traits(frame, labels, k, numeric, categorical, features)
    found = []
    for index, traits in enumerate(table.traits):
        persona_traits = []
        for trait in traits:
            if trait.level is not None:
                lift = trait.segment_value / trait.overall_value if trait.overall_value > 0 else None
                persona_traits.append(
                    PersonaTrait(
                        trait.criterion,
                        trait.level,
                        trait.segment_value,
                        trait.overall_value,
                        trait.difference,
                        lift=lift,
                        kind=trait.kind,
                    )
                )
            elif trait.kind in ("category_share", "channel_share"):
                persona_traits.append(
                    PersonaTrait(
                        trait.criterion,
                        None,
                        trait.segment_value,
                        trait.overall_value,
                        trait.difference,
                        kind=trait.kind,
                    )
                )
            elif np.isfinite(table.medians.at[index, trait.criterion]):
                # a column empty for the whole segment by construction (one-time buyers' gap between
                # orders) has no value to describe: its difference comes from the stand-in the engine used
                persona_traits.append(
                    PersonaTrait(
                        trait.criterion,
                        None,
                        float(table.medians.at[index, trait.criterion]),
                        float(table.overall_medians[trait.criterion]),
                        trait.difference,
                        low=trait.low,
                        high=trait.high,
                        kind=trait.kind,
                    )
                )
        found.append(tuple(persona_traits))
    return found


def _kpis(frame: pd.DataFrame, labels: np.ndarray, k: int) -> list[tuple[Kpi, ...]]:
    found: list[list[Kpi]] = [[] for _ in range(k)]
    for key, (name, how) in KPI_COLUMNS.items():
        if name not in frame.columns or not pd.api.types.is_numeric_dtype(frame[name]):
            continue
        numbers = pd.to_numeric(frame[name], errors="coerce").astype(float)
        by_segment = numbers.groupby(labels).agg(how)
        overall = float(numbers.agg(how))
        for index in range(k):
            found[index].append(Kpi(key, float(by_segment.get(index, np.nan)), overall))
    response = find_flag_column(frame, RESPONSE_PATTERN)
    if response:
        flags = parse_yes_no(frame[response])
        by_segment = flags.groupby(labels).mean()
        for index in range(k):
            found[index].append(Kpi("response_rate", float(by_segment.get(index, np.nan)), float(flags.mean())))
    return [tuple(kpis) for kpis in found]


def _affinities(frame: pd.DataFrame, labels: np.ndarray, k: int, prefix: str) -> list[tuple[Affinity, ...]]:
    columns = [str(name) for name in frame.columns if str(name).startswith(prefix)]
    found: list[list[Affinity]] = [[] for _ in range(k)]
    if not columns:
        return [() for _ in range(k)]
    shares = frame[columns].apply(pd.to_numeric, errors="coerce").astype(float)
    overall = shares.mean()
    by_segment = shares.groupby(labels).mean()
    for name in columns:
        if not overall[name] > 0:
            continue
        for index in by_segment.index:
            segment_share = float(by_segment.at[index, name])
            lift = segment_share / float(overall[name])
            if lift > 1.0:
                found[int(index)].append(Affinity(name[len(prefix) :], segment_share, float(overall[name]), lift))
    return [tuple(sorted(items, key=lambda item: (-item.lift, item.category))) for items in found]


def _revenue_shares(frame: pd.DataFrame, labels: np.ndarray, k: int) -> np.ndarray | None:
    if "total_spend" not in frame.columns or not pd.api.types.is_numeric_dtype(frame["total_spend"]):
        return None
    spend = pd.to_numeric(frame["total_spend"], errors="coerce").fillna(0.0).clip(lower=0.0).to_numpy(dtype=float)
    total = spend.sum()
    if total <= 0:
        return None
    return np.bincount(labels, weights=spend, minlength=k) / total


def _typical_rows(labels: np.ndarray, values: np.ndarray, centers: np.ndarray | None, k: int) -> list[int]:
    rows = []
    for index in range(k):
        members = np.flatnonzero(labels == index)
        if not len(members):
            rows.append(-1)
            continue
        points = values[members]
        centre = centers[index] if centers is not None and len(centers) > index else points.mean(axis=0)
        rows.append(int(members[np.argmin(((points - centre) ** 2).sum(axis=1))]))
    return rows


@dataclass(frozen=True, eq=False)
class _RuleContext:
    frame: pd.DataFrame
    members: np.ndarray
    channel_affinities: tuple[Affinity, ...]
    consent_share: float | None
    top_revenue: bool = False


def _top_revenue_segment(revenue: np.ndarray | None, sizes: np.ndarray) -> int | None:
    """The segment whose share of revenue is largest against its share of customers."""
    if revenue is None or not sizes.sum():
        return None
    ratio = np.where(sizes > 0, revenue / np.maximum(sizes / sizes.sum(), 1e-12), -np.inf)
    return int(np.argmax(ratio))


LAPSED_RATIO = 1.5
"""A segment has gone quiet when its median days since the last purchase are this many times everyone's."""

HIGH_VALUE_RATIO = 1.2
"""A segment is valuable when its mean spend is at least this many times everyone's."""

FREQUENT_RATIO = 1.3
"""A segment buys often when its orders per customer are at least this many times everyone's."""

SMALL_BASKET_RATIO = 0.8
"""A segment's baskets are small when its average order value is at most this many times everyone's."""

VIP_RATIO = 1.5
"""A segment brings outsized revenue when its revenue share is this many times its customer share."""

RESPONSE_GAP = 0.05
"""A response rate is clearly above or below the rest from this many percentage points (and a third) apart."""

CHANNEL_LIFT = 1.2
"""A channel or category is the segment's own from this many times everyone's share on."""


def suggest_actions(
    persona: Persona, context: _RuleContext, lang: str, column_labels: Mapping[str, str] | None = None
) -> tuple[Action, ...]:
    """Channels and actions that follow the segment's own figures; each reason gives the figure that triggered it.

    The rules, in order (each fires only when the data has what it needs):

    - ``b2b_decision_makers``: a decision-maker role column → LinkedIn and personal contact.
    - ``young_adults``: median age under 30 → social media.
    - ``lapsed_high_value``: median days since the last purchase at least :data:`LAPSED_RATIO` ×
      everyone's and mean spend at least :data:`HIGH_VALUE_RATIO` × → a win-back offer.
    - ``reactivation``: gone as quiet, without the high spend → a reminder with a reason to return.
    - ``first_time_recent``: median orders at most 1 and a recent last purchase → a welcome series.
    - ``frequent_small_baskets``: orders at least :data:`FREQUENT_RATIO` × everyone's and average
      order value at most :data:`SMALL_BASKET_RATIO` × → upsell (bundles, a free-delivery threshold).
    - ``most_valuable``: revenue share at least :data:`VIP_RATIO` × customer share, or the segment
      with the largest revenue share for its size → VIP care.
    - ``response_high`` / ``response_low``: response rate clearly above or below everyone's.
    - ``preferred_channel``: a channel the segment uses at least :data:`CHANNEL_LIFT` × as often → use it.
    - ``category_affinity``: categories bought at least :data:`CHANNEL_LIFT` × as much → feature them.
    - ``email_consent``: at least half have given marketing consent → a personalised email list.
    - ``signature``: when nothing above fired, build the message on the segment's clearest
      difference (its strongest trait, with its figures).

    The advice for every segment (a small pilot with a control group) is :func:`pilot_advice`.
    """
    actions: list[Action] = []
    currency = persona.currency

    def add(rule: str, **params: object) -> None:
        actions.append(
            Action(
                rule,
                translate(f"rule.{rule}.action", lang, **params),
                translate(f"rule.{rule}.reason", lang, **params),
            )
        )

    def money(value: float) -> str:
        return format_money(value, lang, currency)

    frame, members = context.frame, context.members
    role = _find_column(frame, _ROLE_PATTERN, numeric=False)
    if role is not None and members.any():
        counts = frame.loc[members, role].dropna().astype(str).value_counts(normalize=True)
        if len(counts):
            add(
                "b2b_decision_makers",
                column=column_label(role, lang),
                level=counts.index[0],
                share=format_share(float(counts.iloc[0]), lang=lang),
            )
    age = _find_column(frame, _AGE_PATTERN, numeric=True)
    if age is not None and members.any():
        median_age = float(pd.to_numeric(frame.loc[members, age], errors="coerce").median())
        if median_age < 30:
            add("young_adults", column=column_label(age, lang), value=format_number(median_age, lang=lang))
    kpis = {kpi.key: kpi for kpi in persona.kpis}
    recency, value = kpis.get("recency"), kpis.get("customer_value")
    frequency, basket = kpis.get("purchase_frequency"), kpis.get("avg_order_value")
    lapsed = bool(
        recency and recency.overall_value > 0 and recency.segment_value >= LAPSED_RATIO * recency.overall_value
    )
    if (
        lapsed
        and recency
        and value
        and value.overall_value > 0
        and value.segment_value >= HIGH_VALUE_RATIO * value.overall_value
    ):
        add(
            "lapsed_high_value",
            recency=format_number(recency.segment_value, 0, lang=lang),
            overall_recency=format_number(recency.overall_value, 0, lang=lang),
            value=money(value.segment_value),
            overall_value=money(value.overall_value),
        )
        lapsed = False
    if lapsed and recency:
        add(
            "reactivation",
            recency=format_number(recency.segment_value, 0, lang=lang),
            overall_recency=format_number(recency.overall_value, 0, lang=lang),
        )
    if recency and "orders" in frame.columns and members.any():
        median_orders = float(pd.to_numeric(frame.loc[members, "orders"], errors="coerce").median())
        if median_orders <= 1 and recency.segment_value <= recency.overall_value:
            add(
                "first_time_recent",
                orders=format_number(median_orders, 0, lang=lang),
                recency=format_number(recency.segment_value, 0, lang=lang),
                overall_recency=format_number(recency.overall_value, 0, lang=lang),
            )
    if (
        frequency
        and basket
        and frequency.overall_value > 0
        and basket.overall_value > 0
        and frequency.segment_value >= FREQUENT_RATIO * frequency.overall_value
        and basket.segment_value <= SMALL_BASKET_RATIO * basket.overall_value
    ):
        add(
            "frequent_small_baskets",
            orders=format_kpi(frequency.key, frequency.segment_value, lang),
            overall_orders=format_kpi(frequency.key, frequency.overall_value, lang),
            basket=money(basket.segment_value),
            overall_basket=money(basket.overall_value),
        )
    if persona.revenue_share is not None and persona.share > 0:
        ratio = persona.revenue_share / persona.share
        if ratio >= VIP_RATIO or (context.top_revenue and ratio >= HIGH_VALUE_RATIO):
            add(
                "most_valuable",
                revenue=format_share(persona.revenue_share, lang=lang),
                share=format_share(persona.share, lang=lang),
            )
    response = kpis.get("response_rate")
    if response and np.isfinite(response.segment_value) and np.isfinite(response.overall_value):
        gap = response.segment_value - response.overall_value
        params = {
            "rate": format_kpi(response.key, response.segment_value, lang),
            "overall": format_kpi(response.key, response.overall_value, lang),
        }
        if gap >= RESPONSE_GAP and response.segment_value >= 4 / 3 * response.overall_value:
            add("response_high", **params)
        elif gap <= -RESPONSE_GAP and response.segment_value <= 2 / 3 * response.overall_value:
            add("response_low", **params)
    channel = _preferred_channel(frame, members, persona, context)
    if channel is not None:
        add("preferred_channel", channel=channel[0], lift=format_number(channel[1], 1, lang=lang))
    strong = [item for item in persona.affinities if item.lift >= CHANNEL_LIFT][:3]
    if strong:
        add(
            "category_affinity",
            categories=", ".join(item.category for item in strong),
            lift=format_number(strong[0].lift, 1, lang=lang),
            share=format_share(strong[0].segment_share, lang=lang),
            overall=format_share(strong[0].overall_share, lang=lang),
        )
    if context.consent_share is not None and context.consent_share >= 0.5:
        add("email_consent", share=format_share(context.consent_share, lang=lang))
    if not actions:
        signature = _signature(persona, lang, column_labels)
        if signature is not None:
            add("signature", trait=signature[0], figures=signature[1])
    return tuple(actions)


def _signature(persona: Persona, lang: str, column_labels: Mapping[str, str] | None) -> tuple[str, str] | None:
    """The segment's clearest difference as a phrase and its figures, for the action that leads with it.

    Measured against the rest of the customers, as names are.
    """
    scale = 1.0 / max(1.0 - persona.share, 1e-9)
    trait = next((trait for trait in persona.traits if abs(trait.difference) * scale >= NAME_THRESHOLD), None)
    if trait is None:
        return None
    if trait.level is not None:
        figures = translate(
            "rule.signature.level",
            lang,
            share=format_share(trait.segment_value, lang=lang),
            overall=format_share(trait.overall_value, lang=lang),
        )
    else:
        figures = translate(
            "rule.signature.median",
            lang,
            value=format_number(trait.segment_value, lang=lang),
            overall=format_number(trait.overall_value, lang=lang),
        )
    return describe_phrase(trait, lang, column_labels), figures


def _find_column(frame: pd.DataFrame, pattern: re.Pattern[str], numeric: bool) -> str | None:
    for name in frame.columns:
        text = str(name)
        if not pattern.search(text) or text.startswith((CATEGORY_PREFIX, CHANNEL_PREFIX)):
            continue
        is_number = pd.api.types.is_numeric_dtype(frame[name]) and not pd.api.types.is_bool_dtype(frame[name])
        if is_number == numeric and frame[name].notna().any():
            return text
    return None


def _preferred_channel(
    frame: pd.DataFrame, members: np.ndarray, persona: Persona, context: _RuleContext
) -> tuple[str, float] | None:
    if context.channel_affinities and context.channel_affinities[0].lift >= CHANNEL_LIFT:
        return context.channel_affinities[0].category, context.channel_affinities[0].lift
    column = _find_column(frame, _CHANNEL_PATTERN, numeric=False)
    if column is None:
        return None
    for trait in persona.traits:
        if trait.column == column and trait.lift is not None and trait.lift >= CHANNEL_LIFT:
            return trait.level or "", trait.lift
    return None


def format_kpi(kpi_key: str, value: float, lang: str = "en", currency: str = DEFAULT_CURRENCY) -> str:
    """A KPI value for people, rounded the same way for every segment.

    Money (average order value, customer value) in whole units with the currency, counts
    per customer (orders, returns) with one decimal, days whole, rates as percentages with
    one decimal; missing is ``–``.
    """
    if value is None or np.isnan(value):
        return "–"
    if kpi_key == "response_rate":
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


def compare_personas(
    personas: Sequence[Persona], lang: str, column_labels: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The side-by-side table of all segments.

    Returns
    -------
    pandas.DataFrame
        One row per persona; columns (headers in ``lang``): number, name, size, share of
        customers (0–1), share of revenue (when known), one column per KPI (the segment's
        figure, rounded as :func:`format_kpi` shows it), top traits (the three strongest, as
        short phrases), top categories and the first suggested action.
    """
    rows = []
    for persona in personas:
        row: dict[str, object] = {
            translate("report.number", lang): persona.number,
            translate("report.name", lang): persona.name,
            translate("report.size", lang): persona.size,
            translate("report.share", lang): round(persona.share, 4),
        }
        if persona.revenue_share is not None:
            row[translate("report.revenue_share", lang)] = round(persona.revenue_share, 4)
        for kpi in persona.kpis:
            row[translate(f"kpi.{kpi.key}", lang)] = round_kpi(kpi.key, kpi.segment_value)
        row[translate("report.top_traits", lang)] = "; ".join(
            short_trait(trait, lang, column_labels) for trait in persona.listed_traits[:3]
        )
        row[translate("report.top_categories", lang)] = ", ".join(item.category for item in persona.affinities[:3])
        row[translate("report.first_action", lang)] = persona.actions[0].action if persona.actions else ""
        rows.append(row)
    return pd.DataFrame(rows)


def round_kpi(kpi_key: str, value: float) -> float:
    """A KPI rounded as :func:`format_kpi` shows it (rates stay 0–1, to four decimals)."""
    if kpi_key == "response_rate":
        return round(value, 4)
    return round(value, 1 if kpi_key in COUNT_KPIS else 0)


def short_trait(trait: PersonaTrait, lang: str = "en", column_labels: Mapping[str, str] | None = None) -> str:
    """A trait in a few words, as in names: ``"women"``, ``"recent buyers"``, ``"Education: PhD"``."""
    return describe_phrase(trait, lang, column_labels)


def personas_from_result(
    frame: pd.DataFrame,
    result: object,
    lang: str,
    edits: Mapping[int, Mapping[str, str]] | None = None,
    *,
    column_labels: Mapping[str, str] | None = None,
    currency: str = DEFAULT_CURRENCY,
) -> tuple[Persona, ...]:
    """:func:`build_personas` of a :class:`segmentti.engine.workflow.SegmentationResult`, with the user's edits applied.

    The centres are ``result.segmentation.centers`` where the method has them, else the
    members' mean in ``result.features.values``; traits are measured on ``result.features``'
    scale and the names come from ``result.profile``'s traits, so the Segments page and the
    personas call a segment the same.
    """
    segmentation = result.segmentation  # type: ignore[attr-defined]
    features = result.features  # type: ignore[attr-defined]
    personas = build_personas(
        frame,
        segmentation.labels,
        features.values,
        getattr(segmentation, "centers", None),
        features.criteria,
        lang,
        features=features,
        profile=getattr(result, "profile", None),
        column_labels=column_labels,
        currency=currency,
    )
    own = _own_names(segmentation, lang)
    personas = tuple(
        replace(persona, name=own[index], suggested_name=own[index]) if own[index] else persona
        for index, persona in enumerate(personas)
    )
    return apply_edits(personas, edits or {})


def suggested_segment_names(result: object, lang: str, column_labels: Mapping[str, str] | None = None) -> list[str]:
    """The names :func:`personas_from_result` suggests for ``result``'s segments, without building the personas.

    Made from the traits ``result.profile`` already measured (no pass over the data), so a
    page can label its charts with the personas' names on every rerun; the method's own
    names (RFM segments, rules, HDBSCAN's unassigned) win as they do on the personas.
    """
    names = result.profile.suggested_names(lang, column_labels)  # type: ignore[attr-defined]
    own = _own_names(result.segmentation, lang)  # type: ignore[attr-defined]
    return [mine or suggested for mine, suggested in zip(own, names, strict=True)]


def _own_names(segmentation: object, lang: str) -> list[str]:
    """Names the method gave its segments (RFM segments, rules, HDBSCAN's unassigned); ``""`` where none."""
    k = int(segmentation.k)  # type: ignore[attr-defined]
    own = list(getattr(segmentation, "names", ()) or ()) or [""] * k
    unassigned = getattr(segmentation, "unassigned", None)
    if unassigned is not None and not own[unassigned]:
        own[unassigned] = translate("engine.unassigned", lang)
    return own


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
