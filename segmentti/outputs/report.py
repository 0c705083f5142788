"""Write the persona report: one self-contained, printable HTML file, and the same content as Markdown."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from segmentti.insight.personas import (
    Persona,
    describe_affinity,
    describe_trait,
    format_kpi,
    format_number,
    format_share,
    pilot_advice,
)
from segmentti.texts import translate

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]|~$])")

PALETTE = ("#2f6f8f", "#e07b39", "#4f9d69", "#c8553d", "#8a6fb0", "#d4a72c", "#5c9ead", "#a05a7a", "#7a8450")


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


def render_markdown(personas: Sequence[Persona], context: ReportContext, lang: str) -> str:
    """The persona report as Markdown.

    Parameters
    ----------
    personas : sequence of Persona
        In segment order, with the user's names and notes.
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
    lines += [f"- **{label}:** {value}" for label, value in _header_items(personas, context, lang, md)]
    lines += ["", f"## {t('report.comparison')}", ""]
    headers = [t("report.number"), t("report.name"), t("report.size"), t("report.share")]
    show_revenue = any(persona.revenue_share is not None for persona in personas)
    if show_revenue:
        headers.append(t("report.revenue_share"))
    lines += ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for persona in personas:
        cells = [str(persona.number), md(persona.name), str(persona.size), format_share(persona.share, lang=lang)]
        if show_revenue:
            cells.append("–" if persona.revenue_share is None else format_share(persona.revenue_share, lang=lang))
        lines.append("| " + " | ".join(cells) + " |")
    for persona in personas:
        lines += ["", f"## {persona.number}. {md(persona.name)}", ""]
        lines.append(
            f"{t('report.size')}: {persona.size} · {t('report.share')}: {format_share(persona.share, lang=lang)}"
            + (
                ""
                if persona.revenue_share is None
                else f" · {t('report.revenue_share')}: {format_share(persona.revenue_share, lang=lang)}"
            )
        )
        if persona.notes.strip():
            lines += ["", f"**{t('report.notes')}:** {md(persona.notes)}"]
        lines += ["", f"### {t('report.traits')}", ""]
        traits = persona.listed_traits
        lines += [f"- {md(describe_trait(trait, lang))}" for trait in traits] or [f"- {t('report.no_traits')}"]
        if persona.typical:
            lines += ["", f"### {t('report.typical')}", ""]
            lines += [f"- {md(column)}: {md(value)}" for column, value in persona.typical]
        if persona.kpis:
            lines += ["", f"### {t('report.kpis')}", ""]
            lines += [
                f"| {t('report.kpi')} | {t('report.segment_value')} | {t('report.overall_value')} |",
                "|---|---|---|",
            ]
            lines += [
                f"| {t(f'kpi.{kpi.key}')} | {format_kpi(kpi.key, kpi.segment_value, lang=lang)} | "
                f"{format_kpi(kpi.key, kpi.overall_value, lang=lang)} |"
                for kpi in persona.kpis
            ]
        if persona.affinities:
            lines += ["", f"### {t('report.affinity')}", ""]
            lines += [f"- {md(describe_affinity(item, lang))}" for item in persona.affinities[:5]]
        lines += ["", f"### {t('report.actions')}", ""]
        for action in persona.actions:
            lines.append(f"- **{md(action.action)}** {t('report.why')}: {md(action.reason)}")
    pilot = pilot_advice(lang)
    lines += ["", f"**{md(pilot.action)}** {md(pilot.reason)}"]
    lines += ["", f"_{t('report.rules_note')}_", "", f"_{t('report.footer')}_", ""]
    return "\n".join(lines)


def render_html(personas: Sequence[Persona], context: ReportContext, lang: str) -> str:
    """The persona report as one self-contained HTML page.

    Styles and charts (inline SVG) are in the file itself: it opens without internet and
    prints one persona per page. Every value from the data is HTML-escaped.

    Parameters
    ----------
    personas : sequence of Persona
        In segment order, with the user's names and notes.
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
    for label, value in _header_items(personas, context, lang, e):
        parts.append(f"<dt>{label}</dt><dd>{value}</dd>")
    parts.append("</dl>")
    parts.append(f"<h2>{t('report.sizes')}</h2>")
    parts.append(_size_chart(personas, lang))
    parts.append(f"<h2>{t('report.comparison')}</h2>")
    parts.append(_comparison_table(personas, lang))
    for persona in personas:
        colour = PALETTE[(persona.number - 1) % len(PALETTE)]
        parts.append(f"<section class='persona' style='border-top-color:{colour}'>")
        parts.append(f"<h2>{persona.number}. {e(persona.name)}</h2>")
        figures = [
            f"{t('report.size')}: <b>{persona.size}</b>",
            f"{t('report.share')}: <b>{format_share(persona.share, lang=lang)}</b>",
        ]
        if persona.revenue_share is not None:
            figures.append(f"{t('report.revenue_share')}: <b>{format_share(persona.revenue_share, lang=lang)}</b>")
        parts.append("<p class='figures'>" + " · ".join(figures) + "</p>")
        if persona.notes.strip():
            parts.append(f"<p class='notes'><b>{t('report.notes')}:</b> {e(persona.notes)}</p>")
        parts.append(f"<h3>{t('report.traits')}</h3>")
        traits = persona.listed_traits
        if traits:
            parts.append(_trait_chart(persona, lang))
            parts.append("<ul>" + "".join(f"<li>{e(describe_trait(trait, lang))}</li>" for trait in traits) + "</ul>")
        else:
            parts.append(f"<p>{t('report.no_traits')}</p>")
        if persona.typical:
            parts.append(f"<h3>{t('report.typical')}</h3><table class='typical'>")
            parts += [f"<tr><th>{e(column)}</th><td>{e(value)}</td></tr>" for column, value in persona.typical]
            parts.append("</table>")
        if persona.kpis:
            parts.append(f"<h3>{t('report.kpis')}</h3><table>")
            parts.append(
                f"<tr><th>{t('report.kpi')}</th><th>{t('report.segment_value')}</th>"
                f"<th>{t('report.overall_value')}</th></tr>"
            )
            parts += [
                f"<tr><td>{t(f'kpi.{kpi.key}')}</td><td class='num'>{e(format_kpi(kpi.key, kpi.segment_value, lang=lang))}</td>"
                f"<td class='num'>{e(format_kpi(kpi.key, kpi.overall_value, lang=lang))}</td></tr>"
                for kpi in persona.kpis
            ]
            parts.append("</table>")
        if persona.affinities:
            parts.append(f"<h3>{t('report.affinity')}</h3><ul>")
            parts += [f"<li>{e(describe_affinity(item, lang))}</li>" for item in persona.affinities[:5]]
            parts.append("</ul>")
        parts.append(f"<h3>{t('report.actions')}</h3><ul class='actions'>")
        parts += [
            f"<li><b>{e(action.action)}</b><br><span class='why'>{t('report.why')}: {e(action.reason)}</span></li>"
            for action in persona.actions
        ]
        parts.append("</ul></section>")
    pilot = pilot_advice(lang)
    parts.append(f"<p><b>{e(pilot.action)}</b> {e(pilot.reason)}</p>")
    parts.append(f"<p class='note'>{t('report.rules_note')}</p>")
    parts.append(f"<footer>{t('report.footer')}</footer></body></html>")
    return "\n".join(parts)


def _header_items(personas: Sequence[Persona], context: ReportContext, lang: str, escape) -> list[tuple[str, str]]:
    def t(key: str, **params: object) -> str:
        return escape(translate(key, lang, **params))

    items = [
        (t("report.source"), escape(context.source)),
        (t("report.customers"), str(context.n_customers)),
        (t("report.segments"), str(len(personas))),
        (t("report.method"), escape(context.method)),
        (t("report.criteria"), escape(", ".join(context.criteria))),
    ]
    if context.steps:
        items.append((t("report.steps"), escape("; ".join(context.steps))))
    if context.pilot_percent:
        items.append(
            (
                t("report.pilot"),
                t(
                    "report.pilot_text",
                    percent=format_number(context.pilot_percent, lang=lang),
                    seed=context.pilot_seed,
                ),
            )
        )
    return items


def _comparison_table(personas: Sequence[Persona], lang: str) -> str:
    def t(key: str) -> str:
        return html.escape(translate(key, lang))

    show_revenue = any(persona.revenue_share is not None for persona in personas)
    head = [t("report.number"), t("report.name"), t("report.size"), t("report.share")]
    if show_revenue:
        head.append(t("report.revenue_share"))
    kpi_keys = list(dict.fromkeys(kpi.key for persona in personas for kpi in persona.kpis))
    head += [t(f"kpi.{key}") for key in kpi_keys]
    head.append(t("report.first_action"))
    rows = ["<table class='compare'><tr>" + "".join(f"<th>{cell}</th>" for cell in head) + "</tr>"]
    for persona in personas:
        kpis = {kpi.key: kpi for kpi in persona.kpis}
        cells = [
            str(persona.number),
            html.escape(persona.name),
            str(persona.size),
            format_share(persona.share, lang=lang),
        ]
        if show_revenue:
            cells.append("–" if persona.revenue_share is None else format_share(persona.revenue_share, lang=lang))
        cells += [format_kpi(key, kpis[key].segment_value, lang=lang) if key in kpis else "–" for key in kpi_keys]
        cells.append(html.escape(persona.actions[0].action) if persona.actions else "")
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    rows.append("</table>")
    return "".join(rows)


def _size_chart(personas: Sequence[Persona], lang: str) -> str:
    """Horizontal bars of each segment's share of customers (and of revenue), as inline SVG."""
    bar, gap, label_width, width = 22, 10, 330, 720
    show_revenue = any(persona.revenue_share is not None for persona in personas)
    per_row = bar * (2 if show_revenue else 1) + gap
    height = per_row * len(personas) + 10
    largest = max([persona.share for persona in personas] + [persona.revenue_share or 0.0 for persona in personas])
    scale = (width - label_width - 150) / max(largest, 1e-9)
    parts = [
        f"<svg class='chart' role='img' viewBox='0 0 {width} {height}' width='100%' "
        f"xmlns='http://www.w3.org/2000/svg' aria-label='{html.escape(translate('report.sizes', lang))}'>"
    ]
    for index, persona in enumerate(personas):
        y = index * per_row + 5
        colour = PALETTE[index % len(PALETTE)]
        name = _clip(f"{persona.number}. {persona.name}", 40)
        parts.append(f"<text x='0' y='{y + 16}' class='label'>{html.escape(name)}</text>")
        parts.append(
            f"<rect x='{label_width}' y='{y}' width='{max(persona.share * scale, 1):.1f}' height='{bar - 4}' "
            f"fill='{colour}'><title>{format_share(persona.share, lang=lang)}</title></rect>"
        )
        parts.append(
            f"<text x='{label_width + persona.share * scale + 6:.1f}' y='{y + 14}'>{persona.size} "
            f"({format_share(persona.share, lang=lang)})</text>"
        )
        if show_revenue:
            revenue = persona.revenue_share or 0.0
            parts.append(
                f"<rect x='{label_width}' y='{y + bar}' width='{max(revenue * scale, 1):.1f}' height='{bar - 4}' "
                f"fill='{colour}' fill-opacity='0.45'></rect>"
            )
            parts.append(
                f"<text x='{label_width + revenue * scale + 6:.1f}' y='{y + bar + 14}'>"
                f"{html.escape(translate('report.revenue_share', lang))} {format_share(revenue, lang=lang)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def _trait_chart(persona: Persona, lang: str) -> str:
    """Diverging bars of the listed traits' standardised differences, as inline SVG."""
    traits = persona.listed_traits
    bar, label_width, width = 24, 300, 720
    height = bar * len(traits) + 30
    middle = label_width + (width - label_width) / 2
    limit = max(2.0, max(abs(trait.difference) for trait in traits))
    half = (width - label_width) / 2 - 40
    colour = PALETTE[(persona.number - 1) % len(PALETTE)]
    parts = [
        f"<svg class='chart' role='img' viewBox='0 0 {width} {height}' width='100%' "
        f"xmlns='http://www.w3.org/2000/svg' aria-label='{html.escape(translate('report.traits_chart', lang))}'>",
        f"<line x1='{middle}' y1='0' x2='{middle}' y2='{height - 20}' stroke='#888'/>",
    ]
    for index, trait in enumerate(traits):
        y = index * bar + 4
        length = abs(trait.difference) / limit * half
        x = middle if trait.difference >= 0 else middle - length
        label = trait.column if trait.level is None else f"{trait.column} = {trait.level}"
        parts.append(f"<text x='0' y='{y + 15}' class='label'>{html.escape(_clip(label, 42))}</text>")
        parts.append(f"<rect x='{x:.1f}' y='{y}' width='{length:.1f}' height='{bar - 6}' fill='{colour}'></rect>")
        value_x = middle + length + 4 if trait.difference >= 0 else middle - length - 36
        parts.append(f"<text x='{value_x:.1f}' y='{y + 14}'>{trait.difference:+.1f}</text>")
    parts.append(
        f"<text x='{label_width}' y='{height - 4}' class='axis'>{html.escape(translate('report.traits_chart', lang))}</text>"
    )
    parts.append("</svg>")
    return "".join(parts)


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;
color:#222;line-height:1.45}
h1{font-size:1.9em;margin-bottom:.3em}h2{margin-top:1.4em}h3{margin:1em 0 .3em;font-size:1.05em}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}dl.meta dt{font-weight:600}dl.meta dd{margin:0}
table{border-collapse:collapse;margin:.4em 0}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;
vertical-align:top}td.num{text-align:right}table.compare{font-size:.9em}
section.persona{border-top:6px solid #2f6f8f;margin-top:2em;padding-top:.5em}
.figures{font-size:1.1em}.notes{background:#f6f6f0;padding:.5em}.why{color:#555;font-size:.92em}
svg.chart{max-width:720px;font-size:13px}svg .label{font-weight:600}svg .axis{fill:#555;font-size:12px}
.note,footer{color:#666;font-size:.9em;margin-top:2em}
@media print{body{margin:0;max-width:none}section.persona{break-before:page;page-break-before:always;
break-inside:avoid}table,svg{break-inside:avoid}a{color:inherit}}
"""
