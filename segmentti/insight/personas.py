"""Turn segments into personas: a name, distinguishing traits, a typical customer, KPIs and actions."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np
import pandas as pd

from segmentti.data.columns import Role, describe_columns
from segmentti.engine.features import FeatureMatrix
from segmentti.insight.actions import (
    CHANNEL_LIFT,
    FREQUENT_RATIO,
    HIGH_VALUE_RATIO,
    LAPSED_RATIO,
    RESPONSE_GAP,
    SMALL_BASKET_RATIO,
    VIP_RATIO,
    RuleContext,
    suggest_actions,
    top_revenue_segment,
)
from segmentti.insight.naming import (
    CATEGORY_PREFIX,
    CHANNEL_PREFIX,
    NAME_THRESHOLD,
    NAME_TRAITS,
    column_label,
)
from segmentti.insight.persona_types import (
    COUNT_KPIS,
    DEFAULT_CURRENCY,
    KPI_COLUMNS,
    MONEY_KPIS,
    SHARE_KPIS,
    VALUE_KPIS,
    Action,
    Affinity,
    Kpi,
    Persona,
    PersonaTrait,
    describe_affinity,
    describe_trait,
    format_kpi,
    format_money,
    format_number,
    format_share,
    pilot_advice,
    round_kpi,
    short_trait,
    show_value,
)
from segmentti.insight.profiling import Profile, measure_traits, profile_segments
from segmentti.texts import translate

# what moved to persona_types and actions is still importable from here, where the rest of the code looks for it
__all__ = [
    "CATEGORY_PREFIX",
    "CHANNEL_LIFT",
    "CHANNEL_PREFIX",
    "COUNT_KPIS",
    "DEFAULT_CURRENCY",
    "FREQUENT_RATIO",
    "HIGH_VALUE_RATIO",
    "KPI_COLUMNS",
    "LAPSED_RATIO",
    "MONEY_KPIS",
    "NAME_THRESHOLD",
    "NAME_TRAITS",
    "RESPONSE_GAP",
    "SHARE_KPIS",
    "SMALL_BASKET_RATIO",
    "VALUE_KPIS",
    "VIP_RATIO",
    "Action",
    "Affinity",
    "Kpi",
    "Persona",
    "PersonaTrait",
    "RuleContext",
    "column_label",
    "describe_affinity",
    "describe_trait",
    "format_kpi",
    "format_money",
    "format_number",
    "format_share",
    "pilot_advice",
    "round_kpi",
    "short_trait",
    "show_value",
    "suggest_actions",
    "top_revenue_segment",
]


_YES = {"yes", "y", "true", "1", "1.0", "kyllä", "kylla", "k", "x", "on", "ja"}
_NO = {"no", "n", "false", "0", "0.0", "ei", "e", "off", "nej"}
CONSENT_PATTERN = re.compile(r"consent|newsletter|opt_?in|lupa|uutiskirje|suostumus", re.IGNORECASE)
RESPONSE_PATTERN = re.compile(r"respon|convert|conversion|vastasi|vastaus|konversio|ostanut_kampanja", re.IGNORECASE)


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
    k: int | None = None,
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
    k : int, optional
        The number of segments, when the last ones may have no members (new customers scored
        with a saved model); default the highest label + 1.

    Returns
    -------
    tuple of Persona
        In segment order.
    """
    labels = np.asarray(labels)
    k = max(int(labels.max()) + 1 if len(labels) else 0, k or 0)
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
    top_revenue = top_revenue_segment(revenue, sizes)
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
            typical=tuple((name, show_value(frame[name].iloc[row])) for name in shown),
            kpis=kpis[index],
            affinities=affinities[index],
            actions=(),
            currency=currency,
        )
        context = RuleContext(
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
    if "predicted_value" in frame.columns:
        from segmentti.engine.value.views import segment_value

        value = segment_value(frame, labels, k)
        for key in VALUE_KPIS if value is not None else ():
            for index in range(k):
                found[index].append(Kpi(key, float(value.at[index, key]), float(value.at[-1, key])))
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
        k=getattr(segmentation, "k", None),
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
