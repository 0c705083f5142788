"""Charts restyled for a projector: large dark text readable from the back of a room, a height that fits the screen."""

from __future__ import annotations

import plotly.graph_objects as go

PROJECTOR_TEXT = 18
"""Size in pixels of the charts' text on a projector (axis ticks and legend; titles larger)."""

PROJECTOR_INK = "#111820"
"""The colour of the charts' text on a projector: near black, not the light grey of the default theme."""


def for_projector(figure: go.Figure, *, height: int, text: int = PROJECTOR_TEXT) -> go.Figure:
    """A copy of ``figure`` with ``text``-pixel dark axis, legend and hover text and the given ``height``.

    The figure itself is left as it is (it may be shared between sessions). Markers of a
    scatter grow a little, so a map's segments stay visible from afar.

    Parameters
    ----------
    figure : plotly.graph_objects.Figure
        Any chart of :mod:`segmentti.outputs.charts` or :mod:`segmentti.outputs.persona_charts`.
    height : int
        The chart's height in pixels.
    text : int, default :data:`PROJECTOR_TEXT`
        Size of tick, legend and hover text; axis titles get ``text + 2``, the title ``text + 6``.
    """
    shown = go.Figure(figure)
    font = dict(size=text, color=PROJECTOR_INK)
    shown.update_layout(
        height=height,
        font=font,
        title_font=dict(size=text + 6, color=PROJECTOR_INK),
        legend=dict(font=font, title_font=font),
        hoverlabel=dict(font=dict(size=text)),
        margin=dict(l=20, r=20, t=70, b=20),
    )
    shown.update_xaxes(tickfont=font, title_font=dict(size=text + 2, color=PROJECTOR_INK))
    shown.update_yaxes(tickfont=font, title_font=dict(size=text + 2, color=PROJECTOR_INK))
    for trace in shown.data:
        if trace.type in {"scatter", "scattergl"} and trace.marker is not None and trace.marker.size is not None:
            size = trace.marker.size
            if isinstance(size, int | float):
                trace.marker.size = max(size, 8)
    return shown
