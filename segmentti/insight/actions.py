"""Actions that follow a segment's own figures: which rule fires, and the figure that made it fire."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from segmentti.insight.naming import CATEGORY_PREFIX, CHANNEL_PREFIX, NAME_THRESHOLD, column_label, describe_phrase
from segmentti.insight.persona_types import (
    Action,
    Affinity,
    Persona,
    format_kpi,
    format_money,
    format_number,
    format_share,
)
from segmentti.texts import translate

_AGE_PATTERN = re.compile(r"(^|[_\s])(age|ikä|ika)($|[_\s])|^(age|ikä|ika)$", re.IGNORECASE)
_ROLE_PATTERN = re.compile(r"decision|p[äa][äa]tt[äa]j|(^|_)role|rooli|titteli|job_?title", re.IGNORECASE)
_CHANNEL_PATTERN = re.compile(r"channel|kanava", re.IGNORECASE)


@dataclass(frozen=True, eq=False)
class RuleContext:
    frame: pd.DataFrame
    members: np.ndarray
    channel_affinities: tuple[Affinity, ...]
    consent_share: float | None
    top_revenue: bool = False


def top_revenue_segment(revenue: np.ndarray | None, sizes: np.ndarray) -> int | None:
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

AT_RISK_RATIO = 1.5
"""A segment's share of customers at churn risk (from the customer-value models) calls for action from this
many times everyone's share on, and from :data:`AT_RISK_SHARE` up."""

AT_RISK_SHARE = 0.2
"""The least share of a segment at churn risk that calls for a win-back before they are gone."""


def suggest_actions(
    persona: Persona, context: RuleContext, lang: str, column_labels: Mapping[str, str] | None = None
) -> tuple[Action, ...]:
    """Channels and actions that follow the segment's own figures; each reason gives the figure that triggered it.

    The rules, in order (each fires only when the data has what it needs):

    - ``b2b_decision_makers``: a decision-maker role column → LinkedIn and personal contact.
    - ``young_adults``: median age under 30 → social media.
    - ``lapsed_high_value``: median days since the last purchase at least :data:`LAPSED_RATIO` ×
      everyone's and mean spend at least :data:`HIGH_VALUE_RATIO` × → a win-back offer.
    - ``reactivation``: gone as quiet, without the high spend → a reminder with a reason to return.
    - ``value_at_risk``: with the customer-value columns, a share at churn risk at least
      :data:`AT_RISK_RATIO` × everyone's (and :data:`AT_RISK_SHARE`) → win them back while they can be.
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
    at_risk = kpis.get("at_risk_share")
    if (
        at_risk
        and np.isfinite(at_risk.segment_value)
        and at_risk.segment_value >= AT_RISK_SHARE
        and at_risk.segment_value >= AT_RISK_RATIO * at_risk.overall_value
    ):
        add(
            "value_at_risk",
            share=format_kpi(at_risk.key, at_risk.segment_value, lang),
            overall=format_kpi(at_risk.key, at_risk.overall_value, lang),
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
    frame: pd.DataFrame, members: np.ndarray, persona: Persona, context: RuleContext
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
