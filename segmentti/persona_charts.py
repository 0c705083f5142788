"""Plotly figures of personas: a persona's distinguishing traits, and customers vs revenue per segment."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from segmentti.charts import PALETTE
from segmentti.personas import Persona, short_trait
from segmentti.texts import translate

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
        title=translate("report.traits_chart", lang),
        height=80 + 34 * max(len(traits), 1),
        showlegend=False,
        **_LAYOUT,
    )
    return figure


def build_share_chart(personas: Sequence[Persona], lang: str) -> go.Figure:
    """Grouped bars per persona: share of customers and, where known, share of revenue (0–1)."""
    names = [f"{persona.number}. {persona.name}" for persona in personas]
    figure = go.Figure(
        go.Bar(
            x=names,
            y=[persona.share for persona in personas],
            name=translate("report.share", lang),
            marker_color=PALETTE[0],
        )
    )
    if any(persona.revenue_share is not None for persona in personas):
        figure.add_trace(
            go.Bar(
                x=names,
                y=[persona.revenue_share or 0.0 for persona in personas],
                name=translate("report.revenue_share", lang),
                marker_color=PALETTE[1],
            )
        )
    figure.update_layout(
        title=translate("report.sizes", lang), barmode="group", yaxis_tickformat=".0%", height=380, **_LAYOUT
    )
    return figure
