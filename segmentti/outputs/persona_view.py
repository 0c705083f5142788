"""A persona card's content, formatted and translated once, for the page, Markdown, HTML and the workbook."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from segmentti.insight.naming import column_label
from segmentti.insight.personas import (
    Persona,
    describe_affinity,
    describe_trait,
    format_kpi,
    format_share,
    round_kpi,
    short_trait,
)
from segmentti.outputs.palette import segment_colour
from segmentti.texts import format_number, translate

AFFINITIES_SHOWN = 5
"""A card lists at most this many categories the segment buys more than others."""


@dataclass(frozen=True)
class TraitBar:
    """One bar of a persona's trait chart.

    Attributes
    ----------
    label : str
        The trait in a few characters (``"age ↓"``, ``"gender = f"``).
    difference : float
        Standardised difference from all customers (the bar's length and side).
    text : str
        ``difference`` signed, with one decimal in the language's number format (``"+0,8"``).
    """

    label: str
    difference: float
    text: str


@dataclass(frozen=True)
class KpiRow:
    """One KPI of a card: its translated label, the segment's and all customers' figures, formatted and as numbers."""

    key: str
    label: str
    segment: str
    overall: str
    segment_value: float
    overall_value: float


@dataclass(frozen=True)
class ActionLine:
    """A suggested action and the reason it was suggested, both translated."""

    action: str
    reason: str


@dataclass(frozen=True)
class PersonaView:
    """Everything a persona card shows, already formatted and in one language.

    The four renderers (the Personas page, the Markdown and HTML reports and the
    workbook's personas sheet) only lay these parts out and escape them for their medium.

    Attributes
    ----------
    number : int
        Segment number, 1-based.
    name, suggested_name, notes : str
        The name in use, the suggested one and the user's notes (stripped; ``""`` without).
    title : str
        ``"<number>. <name>"``.
    colour : str
        The segment's colour (:func:`segmentti.outputs.palette.segment_colour`).
    size : int
        Customers in the segment.
    share : float
        Share of all customers, 0–1.
    revenue_share : float | None
        Share of all spend, 0–1, when the data has spend.
    size_text, share_text : str
        ``size`` and ``share`` formatted (``"1 234"``, ``"27 %"``).
    revenue_text : str | None
        ``revenue_share`` formatted; ``None`` when unknown.
    figures : tuple of (str, str)
        (label, value) of size, share and, when known, share of revenue.
    traits : tuple of str
        One sentence per listed trait, most distinctive first.
    bars : tuple of TraitBar
        The same traits as chart bars, most distinctive first.
    typical : tuple of (str, str)
        A typical customer as (column, value) pairs.
    kpis : tuple of KpiRow
        The KPIs the data has.
    affinities : tuple of str
        One line per category bought more than others (at most :data:`AFFINITIES_SHOWN`).
    actions : tuple of ActionLine
        Suggested channels and actions, in the order suggested.
    top_traits : str
        The three strongest traits in short form, for the side-by-side table.
    top_categories : str
        The three categories bought most more than others, comma-separated.
    currency : str
        The currency of the money KPIs (``""`` for none).
    """

    number: int
    name: str
    suggested_name: str
    notes: str
    title: str
    colour: str
    size: int
    share: float
    revenue_share: float | None
    size_text: str
    share_text: str
    revenue_text: str | None
    figures: tuple[tuple[str, str], ...]
    traits: tuple[str, ...]
    bars: tuple[TraitBar, ...]
    typical: tuple[tuple[str, str], ...]
    kpis: tuple[KpiRow, ...]
    affinities: tuple[str, ...]
    actions: tuple[ActionLine, ...]
    top_traits: str
    top_categories: str
    currency: str = ""

    @property
    def first_action(self) -> str:
        """The first suggested action (``""`` without one)."""
        return self.actions[0].action if self.actions else ""


def build_persona_view(persona: Persona, lang: str, column_labels: Mapping[str, str] | None = None) -> PersonaView:
    """Format and translate one persona's card.

    Parameters
    ----------
    persona : Persona
        With the user's name and notes applied. Money KPIs are shown in ``persona.currency``.
    lang : str
        Language of labels and numbers (``"fi"``: decimal comma, spaces between thousands).
    column_labels : mapping of str to str, optional
        The user's readable labels of columns: traits, the trait chart and the typical
        customer name columns by them (other columns get
        :func:`segmentti.insight.naming.column_label` of their header).

    Returns
    -------
    PersonaView
    """
    listed = persona.listed_traits
    size_text = format_number(persona.size, lang)
    share_text = format_share(persona.share, lang=lang)
    revenue_text = None if persona.revenue_share is None else format_share(persona.revenue_share, lang=lang)
    figures = [(translate("report.size", lang), size_text), (translate("report.share", lang), share_text)]
    if revenue_text is not None:
        figures.append((translate("report.revenue_share", lang), revenue_text))
    return PersonaView(
        number=persona.number,
        name=persona.name,
        suggested_name=persona.suggested_name,
        notes=persona.notes.strip(),
        title=f"{persona.number}. {persona.name}",
        colour=segment_colour(persona.number),
        size=persona.size,
        share=persona.share,
        revenue_share=persona.revenue_share,
        size_text=size_text,
        share_text=share_text,
        revenue_text=revenue_text,
        figures=tuple(figures),
        traits=tuple(describe_trait(trait, lang, column_labels) for trait in listed),
        bars=tuple(
            TraitBar(short_trait(trait, lang, column_labels), trait.difference, _signed(trait.difference, lang))
            for trait in listed
        ),
        typical=tuple(
            (column_label(str(column), lang, column_labels), _value(value, lang)) for column, value in persona.typical
        ),
        kpis=tuple(
            KpiRow(
                kpi.key,
                translate(f"kpi.{kpi.key}", lang),
                format_kpi(kpi.key, kpi.segment_value, lang=lang, currency=persona.currency),
                format_kpi(kpi.key, kpi.overall_value, lang=lang, currency=persona.currency),
                kpi.segment_value,
                kpi.overall_value,
            )
            for kpi in persona.kpis
        ),
        affinities=tuple(describe_affinity(item, lang) for item in persona.affinities[:AFFINITIES_SHOWN]),
        actions=tuple(ActionLine(action.action, action.reason) for action in persona.actions),
        top_traits="; ".join(short_trait(trait, lang, column_labels) for trait in listed[:3]),
        top_categories=", ".join(item.category for item in persona.affinities[:3]),
        currency=persona.currency,
    )


def build_persona_views(
    personas: Sequence[Persona], lang: str, column_labels: Mapping[str, str] | None = None
) -> tuple[PersonaView, ...]:
    """:func:`build_persona_view` of every persona, in segment order."""
    return tuple(build_persona_view(persona, lang, column_labels) for persona in personas)


def kpi_columns(views: Sequence[PersonaView]) -> tuple[tuple[str, str], ...]:
    """The (key, label) of every KPI any persona has, in first-seen order: the side-by-side table's KPI columns."""
    found: dict[str, str] = {}
    for view in views:
        for kpi in view.kpis:
            found.setdefault(kpi.key, kpi.label)
    return tuple(found.items())


def comparison_rows(views: Sequence[PersonaView], lang: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The side-by-side table of the reports, formatted: (headers, one row of cells per persona).

    Columns: number, name, size, share of customers, share of revenue (when any persona has
    it; ``–`` where unknown), each KPI's segment figure (``–`` where a persona lacks it) and the
    first suggested action.
    """
    show_revenue = any(view.revenue_text is not None for view in views)
    kpis = kpi_columns(views)
    headers = [translate(key, lang) for key in ("report.number", "report.name", "report.size", "report.share")]
    if show_revenue:
        headers.append(translate("report.revenue_share", lang))
    headers += [label for _, label in kpis]
    headers.append(translate("report.first_action", lang))
    rows = []
    for view in views:
        cells = [str(view.number), view.name, view.size_text, view.share_text]
        if show_revenue:
            cells.append(view.revenue_text or "–")
        segment = {kpi.key: kpi.segment for kpi in view.kpis}
        cells += [segment.get(key, "–") for key, _ in kpis]
        cells.append(view.first_action)
        rows.append(tuple(cells))
    return tuple(headers), tuple(rows)


def comparison_frame(views: Sequence[PersonaView], lang: str) -> pd.DataFrame:
    """The side-by-side table with numbers kept as numbers (the Personas page and the workbook's summary sheet).

    Returns
    -------
    pandas.DataFrame
        One row per persona; columns (headers in ``lang``): number, name, size, share of
        customers (0–1), share of revenue (0–1, when any persona has it), one column per KPI
        (the segment's figure, rounded as the cards show it), top traits, top categories and the first suggested action.
    """
    show_revenue = any(view.revenue_share is not None for view in views)
    rows = []
    for view in views:
        row: dict[str, object] = {
            translate("report.number", lang): view.number,
            translate("report.name", lang): view.name,
            translate("report.size", lang): view.size,
            translate("report.share", lang): round(view.share, 4),
        }
        if show_revenue:
            row[translate("report.revenue_share", lang)] = (
                None if view.revenue_share is None else round(view.revenue_share, 4)
            )
        for kpi in view.kpis:
            row[kpi.label] = round_kpi(kpi.key, kpi.segment_value)
        row[translate("report.top_traits", lang)] = view.top_traits
        row[translate("report.top_categories", lang)] = view.top_categories
        row[translate("report.first_action", lang)] = view.first_action
        rows.append(row)
    return pd.DataFrame(rows)


_ENGLISH_NUMBER = re.compile(r"-?\d{1,3}(,\d{3})*(\.\d+)?")


def _value(value: str, lang: str) -> str:
    """A typical customer's value in ``lang``: numbers the persona wrote in English get Finnish separators.

    Whole numbers written without separators (years, codes) stay as they are.
    """
    if lang == "fi" and _ENGLISH_NUMBER.fullmatch(value):
        return value.replace(",", "\u00a0").replace(".", ",")
    return value


def _signed(value: float, lang: str) -> str:
    """``+0.8`` / ``-1,2``: a difference with its sign and one decimal in the language's format."""
    return ("+" if value >= 0 else "-") + format_number(abs(value), lang, 1)
