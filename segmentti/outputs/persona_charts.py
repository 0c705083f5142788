"""Plotly figures of personas: a persona's distinguishing traits, and customers vs revenue per segment."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from segmentti.insight.personas import Persona, short_trait
from segmentti.outputs.charts import PALETTE
from segmentti.texts import PLOTLY_SEPARATORS, translate

_LAYOUT = dict(template="plotly_white", margin=dict(l=10, r=10, t=50, b=10), font=dict(size=14))


def build_trait_chart(persona: Persona, lang: str) -> go.Figure:
    """Horizontal bars of the persona's listed traits: standardised difference from all customers.

    The strongest trait is on top; bars to the right are higher (or over-represented), to
    the left lower than among all customers.
    """
    traits = list(reversed(persona.listed_traits))
    figure = go.Figure(
        go.Bar(
            x=[trait.difference for trait in traits],
            y=[short_trait(trait) for trait in traits],
            orientation="h",
            marker_color=PALETTE[(persona.number - 1) % len(PALETTE)],
            text=[f"{trait.difference:+.1f}" for trait in traits],
            textposition="outside",
            cliponaxis=False,
        )
    )
    figure.add_vline(x=0, line=dict(color="#888"))
    figure.update_layout(
        title=dict(text=translate("report.traits_chart", lang), font=dict(size=13)),
        height=80 + 34 * max(len(traits), 1),
        separators=PLOTLY_SEPARATORS.get(lang, ".,"),
        showlegend=False,
        **_LAYOUT,
    )
    return figure


def build_share_chart(personas: Sequence[Persona], lang: str) -> go.Figure:
    """Horizontal bars per persona (first on top): share of customers and, where known, share of revenue (0–1)."""
    ordered = list(reversed(personas))
    names = [f"{persona.number}. {persona.name}" for persona in ordered]
    figure = go.Figure(
        go.Bar(
            y=names,
            x=[persona.share for persona in ordered],
            orientation="h",
            name=translate("report.share", lang),
            marker_color=PALETTE[0],
        )
    )
    if any(persona.revenue_share is not None for persona in personas):
        figure.add_trace(
            go.Bar(
                y=names,
                x=[persona.revenue_share or 0.0 for persona in ordered],
                orientation="h",
                name=translate("report.revenue_share", lang),
                marker_color=PALETTE[1],
            )
        )
    figure.update_layout(
        title=translate("report.sizes", lang),
        barmode="group",
        xaxis_tickformat=".0%",
        height=120 + 50 * len(personas),
        separators=PLOTLY_SEPARATORS.get(lang, ".,"),
        legend=dict(orientation="h", y=-0.15),
        **_LAYOUT,
    )
    return figure
