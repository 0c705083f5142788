"""Write the persona report: one self-contained, printable HTML file, and the same content as Markdown."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from segmentti.insight.personas import pilot_advice
from segmentti.outputs.palette import NEUTRAL
from segmentti.outputs.persona_view import PersonaView, comparison_rows
from segmentti.outputs.tables import cut_at_word
from segmentti.texts import format_number, translate

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]|~$])")


@dataclass(frozen=True)
class ReportContext:
    """What the report says about the run as a whole.

    Attributes
    ----------
    source : str
        The data's file or sample name.
    n_customers : int
        Customers segmented.
    method : str
        The segmentation method (e.g. ``"kmeans"``).
    criteria : tuple of str
        The criteria used.
    steps : tuple of str
        Cleaning steps applied to the data, already in the report's language.
    pilot_percent : float | None
        Size of each segment's control group in %, ``None`` without a pilot.
    pilot_seed : int | None
        Seed of the control-group draw.
    """

    source: str
    n_customers: int
    method: str
    criteria: tuple[str, ...]
    steps: tuple[str, ...] = ()
    pilot_percent: float | None = None
    pilot_seed: int | None = None


def escape_markdown(text: str) -> str:
    """Make user text show as itself in Markdown (and in Streamlit's markdown).

    The characters that start emphasis, code, links, tables, maths or Streamlit's
    ``:colour[...]`` are backslash-escaped; ``<`` ``>`` ``&`` become HTML entities so no
    tag survives; newlines become spaces.
    """
    text = html.escape(str(text), quote=False).replace("\n", " ").replace("\r", " ")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def render_markdown(views: Sequence[PersonaView], context: ReportContext, lang: str) -> str:
    """The persona report as Markdown.

    Parameters
    ----------
    views : sequence of PersonaView
        In segment order (:func:`segmentti.outputs.persona_view.build_persona_views`).
    context : ReportContext
        The run described in the header.
    lang : str
        Language of the headings.

    Returns
    -------
    str
        Every value from the data is escaped with :func:`escape_markdown`.
    """

    def t(key: str, **params: object) -> str:
        return translate(key, lang, **params)

    md = escape_markdown
    lines = [f"# {t('report.title')}", ""]
    lines += [f"- **{label}:** {value}" for label, value in _header_items(views, context, lang, md)]
    lines += ["", f"## {t('report.comparison')}", ""]
    headers, rows = comparison_rows(views, lang)
    lines += ["| " + " | ".join(md(cell) for cell in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows]
    for view in views:
        lines += ["", f"## {md(view.title)}", ""]
        lines.append(" · ".join(f"{label}: {value}" for label, value in view.figures))
        if view.notes:
            lines += ["", f"**{t('report.notes')}:** {md(view.notes)}"]
        lines += ["", f"### {t('report.traits')}", ""]
        lines += [f"- {md(sentence)}" for sentence in view.traits] or [f"- {t('report.no_traits')}"]
        if view.typical:
            lines += ["", f"### {t('report.typical')}", ""]
            lines += [f"- {md(column)}: {md(value)}" for column, value in view.typical]
        if view.kpis:
            lines += ["", f"### {t('report.kpis')}", ""]
            lines += [
                f"| {t('report.kpi')} | {t('report.segment_value')} | {t('report.overall_value')} |",
                "|---|---|---|",
            ]
            lines += [f"| {md(kpi.label)} | {md(kpi.segment)} | {md(kpi.overall)} |" for kpi in view.kpis]
        if view.affinities:
            lines += ["", f"### {t('report.affinity')}", ""]
            lines += [f"- {md(line)}" for line in view.affinities]
        lines += ["", f"### {t('report.actions')}", ""]
        lines += [f"- **{md(item.action)}** {t('report.why')}: {md(item.reason)}" for item in view.actions]
    pilot = pilot_advice(lang)
    lines += ["", f"**{md(pilot.action)}** {md(pilot.reason)}"]
    lines += ["", f"_{t('report.rules_note')}_", "", f"_{t('report.footer')}_", ""]
    return "\n".join(lines)


def render_html(views: Sequence[PersonaView], context: ReportContext, lang: str) -> str:
    """The persona report as one self-contained HTML page.

    Styles and charts (inline SVG, in the segments' colours of every other chart) are in the
    file itself: it opens without internet and prints one persona per page. Every value from
    the data is HTML-escaped.

    Parameters
    ----------
    views : sequence of PersonaView
        In segment order (:func:`segmentti.outputs.persona_view.build_persona_views`).
    context : ReportContext
        The run described in the header.
    lang : str
        Language of the report.

    Returns
    -------
    str
        A complete ``<!DOCTYPE html>`` document.
    """

    def t(key: str, **params: object) -> str:
        return html.escape(translate(key, lang, **params))

    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{t('report.title')} — {e(context.source)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{t('report.title')}</h1>",
        "<dl class='meta'>",
    ]
    for label, value in _header_items(views, context, lang, e):
        parts.append(f"<dt>{label}</dt><dd>{value}</dd>")
    parts.append("</dl>")
    parts.append(f"<h2>{t('report.sizes')}</h2>")
    parts.append(_size_chart(views, lang))
    parts.append(f"<h2>{t('report.comparison')}</h2>")
    headers, rows = comparison_rows(views, lang)
    parts.append(
        "<table class='compare'><tr>"
        + "".join(f"<th>{e(cell)}</th>" for cell in headers)
        + "</tr>"
        + "".join("<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>" for row in rows)
        + "</table>"
    )
    for view in views:
        parts.append(f"<section class='persona' style='border-top-color:{view.colour}'>")
        parts.append(f"<h2>{e(view.title)}</h2>")
        parts.append(
            "<p class='figures'>"
            + " · ".join(f"{e(label)}: <b>{e(value)}</b>" for label, value in view.figures)
            + "</p>"
        )
        if view.notes:
            parts.append(f"<p class='notes'><b>{t('report.notes')}:</b> {e(view.notes)}</p>")
        parts.append(f"<h3>{t('report.traits')}</h3>")
        if view.traits:
            parts.append(_trait_chart(view, lang))
            parts.append("<ul>" + "".join(f"<li>{e(sentence)}</li>" for sentence in view.traits) + "</ul>")
        else:
            parts.append(f"<p>{t('report.no_traits')}</p>")
        if view.typical:
            parts.append(f"<h3>{t('report.typical')}</h3><table class='typical'>")
            parts += [f"<tr><th>{e(column)}</th><td>{e(value)}</td></tr>" for column, value in view.typical]
            parts.append("</table>")
        if view.kpis:
            parts.append(f"<h3>{t('report.kpis')}</h3><table>")
            parts.append(
                f"<tr><th>{t('report.kpi')}</th><th>{t('report.segment_value')}</th>"
                f"<th>{t('report.overall_value')}</th></tr>"
            )
            parts += [
                f"<tr><td>{e(kpi.label)}</td><td class='num'>{e(kpi.segment)}</td>"
                f"<td class='num'>{e(kpi.overall)}</td></tr>"
                for kpi in view.kpis
            ]
            parts.append("</table>")
        if view.affinities:
            parts.append(f"<h3>{t('report.affinity')}</h3><ul>")
            parts += [f"<li>{e(line)}</li>" for line in view.affinities]
            parts.append("</ul>")
        parts.append(f"<h3>{t('report.actions')}</h3><ul class='actions'>")
        parts += [
            f"<li><b>{e(item.action)}</b><br><span class='why'>{t('report.why')}: {e(item.reason)}</span></li>"
            for item in view.actions
        ]
        parts.append("</ul></section>")
    pilot = pilot_advice(lang)
    parts.append(f"<p><b>{e(pilot.action)}</b> {e(pilot.reason)}</p>")
    parts.append(f"<p class='note'>{t('report.rules_note')}</p>")
    parts.append(f"<footer>{t('report.footer')}</footer></body></html>")
    return "\n".join(parts)


def _header_items(views: Sequence[PersonaView], context: ReportContext, lang: str, escape) -> list[tuple[str, str]]:
    """The report's header as (label, value) pairs, numbers formatted, escaped with ``escape``."""
    return [
        (escape(label), escape(format_number(value, lang) if isinstance(value, int) else str(value)))
        for label, value in run_details(context, len(views), lang)
    ]


def run_details(context: ReportContext, k: int, lang: str) -> list[tuple[str, object]]:
    """The run described as (label, value) pairs in ``lang``: data, customers, segments, method, criteria, cleaning, pilot.

    The report's header and the workbook's summary sheet show these same lines; the counts
    stay ``int`` so that the workbook keeps them as numbers.
    """

    def t(key: str, **params: object) -> str:
        return translate(key, lang, **params)

    items = [
        (t("report.source"), context.source),
        (t("report.customers"), int(context.n_customers)),
        (t("report.segments"), int(k)),
        (t("report.method"), context.method),
        (t("report.criteria"), ", ".join(context.criteria)),
    ]
    if context.steps:
        items.append((t("report.steps"), "; ".join(context.steps)))
    if context.pilot_percent:
        percent = format_number(context.pilot_percent, lang, 0 if float(context.pilot_percent).is_integer() else 1)
        items.append((t("report.pilot"), t("report.pilot_text", percent=percent, seed=context.pilot_seed)))
    return items


def _size_chart(views: Sequence[PersonaView], lang: str) -> str:
    """Horizontal bars of each segment's share of customers (and of revenue), as inline SVG."""
    bar, gap, label_width, width = 22, 10, 330, 720
    show_revenue = any(view.revenue_share is not None for view in views)
    per_row = bar * (2 if show_revenue else 1) + gap
    height = per_row * len(views) + 10
    largest = max([view.share for view in views] + [view.revenue_share or 0.0 for view in views])
    scale = (width - label_width - 150) / max(largest, 1e-9)
    revenue_label = html.escape(translate("report.revenue_share", lang))
    parts = [
        f"<svg class='chart' role='img' viewBox='0 0 {width} {height}' width='100%' "
        f"xmlns='http://www.w3.org/2000/svg' aria-label='{html.escape(translate('report.sizes', lang))}'>"
    ]
    for index, view in enumerate(views):
        y = index * per_row + 5
        parts.append(f"<text x='0' y='{y + 16}' class='label'>{html.escape(_clip(view.title, 40))}</text>")
        parts.append(
            f"<rect x='{label_width}' y='{y}' width='{max(view.share * scale, 1):.1f}' height='{bar - 4}' "
            f"fill='{view.colour}'><title>{html.escape(view.share_text)}</title></rect>"
        )
        parts.append(
            f"<text x='{label_width + view.share * scale + 6:.1f}' y='{y + 14}'>"
            f"{html.escape(view.size_text)} ({html.escape(view.share_text)})</text>"
        )
        if show_revenue:
            revenue = view.revenue_share or 0.0
            parts.append(
                f"<rect x='{label_width}' y='{y + bar}' width='{max(revenue * scale, 1):.1f}' height='{bar - 4}' "
                f"fill='{view.colour}' fill-opacity='0.45'></rect>"
            )
            parts.append(
                f"<text x='{label_width + revenue * scale + 6:.1f}' y='{y + bar + 14}'>"
                f"{revenue_label} {html.escape(view.revenue_text or '–')}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def _trait_chart(view: PersonaView, lang: str) -> str:
    """Diverging bars of the listed traits' standardised differences, as inline SVG."""
    bars = view.bars
    bar, label_width, width = 24, 300, 720
    height = bar * len(bars) + 30
    middle = label_width + (width - label_width) / 2
    limit = max(2.0, max(abs(item.difference) for item in bars))
    half = (width - label_width) / 2 - 40
    parts = [
        f"<svg class='chart' role='img' viewBox='0 0 {width} {height}' width='100%' "
        f"xmlns='http://www.w3.org/2000/svg' aria-label='{html.escape(translate('report.traits_chart', lang))}'>",
        f"<line x1='{middle}' y1='0' x2='{middle}' y2='{height - 20}' stroke='{NEUTRAL}'/>",
    ]
    for index, item in enumerate(bars):
        y = index * bar + 4
        length = abs(item.difference) / limit * half
        x = middle if item.difference >= 0 else middle - length
        parts.append(f"<text x='0' y='{y + 15}' class='label'>{html.escape(_clip(item.label, 42))}</text>")
        parts.append(f"<rect x='{x:.1f}' y='{y}' width='{length:.1f}' height='{bar - 6}' fill='{view.colour}'></rect>")
        value_x = middle + length + 4 if item.difference >= 0 else middle - length - 36
        parts.append(f"<text x='{value_x:.1f}' y='{y + 14}'>{html.escape(item.text)}</text>")
    parts.append(
        f"<text x='{label_width}' y='{height - 4}' class='axis'>{html.escape(translate('report.traits_chart', lang))}</text>"
    )
    parts.append("</svg>")
    return "".join(parts)


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else cut_at_word(text, length - 1) + "…"


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;
color:#222;line-height:1.45}
h1{font-size:1.9em;margin-bottom:.3em}h2{margin-top:1.4em}h3{margin:1em 0 .3em;font-size:1.05em}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}dl.meta dt{font-weight:600}dl.meta dd{margin:0}
table{border-collapse:collapse;margin:.4em 0}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;
vertical-align:top}td.num{text-align:right}table.compare{font-size:.9em}
section.persona{border-top:6px solid #888888;margin-top:2em;padding-top:.5em}
.figures{font-size:1.1em}.notes{background:#f6f6f0;padding:.5em}.why{color:#555;font-size:.92em}
svg.chart{max-width:720px;font-size:13px}svg .label{font-weight:600}svg .axis{fill:#555;font-size:12px}
.note,footer{color:#666;font-size:.9em;margin-top:2em}
@media print{body{margin:0;max-width:none}section.persona{break-before:page;page-break-before:always;
break-inside:avoid}table,svg{break-inside:avoid}a{color:inherit}}
"""
