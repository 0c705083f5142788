"""Plotly figures of personas: a persona's distinguishing traits, and customers vs revenue per segment."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from segmentti.outputs.chart_template import CHART_TEMPLATE
from segmentti.outputs.palette import NEUTRAL, PALETTE
from segmentti.outputs.persona_view import PersonaView
from segmentti.texts import PLOTLY_SEPARATORS, translate

_LAYOUT = dict(template=CHART_TEMPLATE, margin=dict(l=10, r=10, t=50, b=10), font=dict(size=14))


def build_trait_chart(view: PersonaView, lang: str) -> go.Figure:
    """Horizontal bars of the persona's listed traits: standardised difference from all customers.

    The strongest trait is on top; bars to the right are higher (or over-represented), to
    the left lower than among all customers. The bars are in the segment's colour.

    Parameters
    ----------
    view : PersonaView
        The persona's card (:func:`segmentti.outputs.persona_view.build_persona_view`).
    lang : str
        Language of the title and number format.
    """
    bars = list(reversed(view.bars))
    figure = go.Figure(
        go.Bar(
            x=[item.difference for item in bars],
            y=[item.label for item in bars],
            orientation="h",
            marker_color=view.colour,
            text=[item.text for item in bars],
            textposition="outside",
            cliponaxis=False,
        )
    )
    figure.add_vline(x=0, line=dict(color=NEUTRAL))
    # room beyond the longest bar on both sides for its printed value, which would be cut off at the edge
    reach = max([abs(item.difference) for item in bars] + [0.5]) * 1.35
    figure.update_xaxes(range=[-reach, reach])
    figure.update_yaxes(automargin=True)
    figure.update_layout(
        title=dict(text=translate("report.traits_chart", lang), font=dict(size=13)),
        height=80 + 34 * max(len(bars), 1),
        separators=PLOTLY_SEPARATORS.get(lang, ".,"),
        showlegend=False,
        **_LAYOUT,
    )
    return figure


def build_share_chart(views: Sequence[PersonaView], lang: str) -> go.Figure:
    """Horizontal bars per persona (first on top): share of customers and, where known, share of revenue (0–1).

    The two series are told apart by colour, so they take the palette's first two colours.
    """
    ordered = list(reversed(views))
    names = [view.title for view in ordered]
    figure = go.Figure(
        go.Bar(
            y=names,
            x=[view.share for view in ordered],
            orientation="h",
            name=translate("report.share", lang),
            marker_color=PALETTE[0],
        )
    )
    if any(view.revenue_share is not None for view in views):
        figure.add_trace(
            go.Bar(
                y=names,
                x=[view.revenue_share or 0.0 for view in ordered],
                orientation="h",
                name=translate("report.revenue_share", lang),
                marker_color=PALETTE[1],
            )
        )
    figure.update_layout(
        title=translate("report.sizes", lang),
        barmode="group",
        xaxis_tickformat=".0%",
        height=120 + 50 * len(views),
        separators=PLOTLY_SEPARATORS.get(lang, ".,"),
        legend=dict(orientation="h", y=-0.15),
        **_LAYOUT,
    )
    return figure
