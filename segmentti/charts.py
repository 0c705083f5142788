"""Build the plotly figures of segmentti from computed results; nothing here computes segments."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from segmentti.clustering import KScan
from segmentti.profiling import Profile
from segmentti.texts import translate

PALETTE: tuple[str, ...] = (
    "#2f6f8f",
    "#e07b39",
    "#4f9d69",
    "#c8553d",
    "#8a6fb0",
    "#d4a72c",
    "#5c9ead",
    "#a05a7a",
    "#7a8450",
    "#6b6b6b",
)
"""Segment colours, segment 1 first (calm, tells apart for most colour-blind users)."""

HEATMAP_COLUMNS = 30
"""The profile heatmap shows at most this many criteria (the most different ones)."""

_LAYOUT = dict(template="plotly_white", margin=dict(l=10, r=10, t=60, b=10), font=dict(size=14))


def segment_colours(names: Sequence[str]) -> dict[str, str]:
    """Map each segment name to its colour (cycling after ten)."""
    return {name: PALETTE[index % len(PALETTE)] for index, name in enumerate(names)}


def build_scan_chart(scan: KScan, lang: str) -> go.Figure:
    """Silhouette (higher is better) and inertia (look for the elbow) per k, recommended k marked."""
    ks = [score.k for score in scan.scores]
    figure = make_subplots(
        rows=1,
        cols=2,
        subplot_titles=(translate("chart.silhouette", lang), translate("chart.inertia", lang)),
        horizontal_spacing=0.12,
    )
    figure.add_trace(
        go.Scatter(
            x=ks,
            y=[score.silhouette for score in scan.scores],
            mode="lines+markers",
            name=translate("chart.silhouette", lang),
            line=dict(color=PALETTE[0]),
        ),
        row=1,
        col=1,
    )
    figure.add_trace(
        go.Scatter(
            x=ks,
            y=[score.inertia for score in scan.scores],
            mode="lines+markers",
            name=translate("chart.inertia", lang),
            line=dict(color=PALETTE[1]),
        ),
        row=1,
        col=2,
    )
    for column in (1, 2):
        figure.add_vline(x=scan.recommended_k, line=dict(color="#888", dash="dash"), row=1, col=column)
        figure.update_xaxes(title_text="k", dtick=1, row=1, col=column)
    figure.add_annotation(
        x=scan.recommended_k,
        y=1.0,
        yref="y domain",
        xref="x",
        showarrow=False,
        yanchor="bottom",
        text=translate("chart.recommended", lang, k=scan.recommended_k),
    )
    figure.update_layout(title=translate("chart.scan_title", lang), showlegend=False, height=360, **_LAYOUT)
    return figure


def build_segment_map(
    coords: np.ndarray, segment_names: Sequence[str], hover: pd.DataFrame, order: Sequence[str], lang: str
) -> go.Figure:
    """A 2-D map of customers coloured by segment.

    Parameters
    ----------
    coords : numpy.ndarray
        Shape ``(m, 2)``: map positions from :func:`segmentti.projection.project_to_2d`.
    segment_names : sequence of str
        Length ``m``: the segment name of each drawn customer.
    hover : pandas.DataFrame
        ``m`` rows of columns to show on hover (e.g. id and name).
    order : sequence of str
        Every segment name in segment order (fixes the colours).
    lang : str
        Language of titles.
    """
    figure = go.Figure()
    colours = segment_colours(order)
    names = np.asarray(segment_names)
    hover_text = hover.astype(str).apply(lambda row: "<br>".join(f"{k}: {v}" for k, v in row.items()), axis=1)
    for name in order:
        mask = names == name
        if not mask.any():
            continue
        figure.add_trace(
            go.Scattergl(
                x=coords[mask, 0],
                y=coords[mask, 1],
                mode="markers",
                name=name,
                marker=dict(color=colours[name], size=6, opacity=0.7),
                text=hover_text[mask].tolist() if len(hover.columns) else None,
                hovertemplate="%{text}<extra>" + name.replace("%", "%%") + "</extra>" if len(hover.columns) else None,
            )
        )
    figure.update_layout(
        title=translate("chart.map_title", lang, count=len(names)),
        xaxis_title=translate("chart.map_x", lang),
        yaxis_title=translate("chart.map_y", lang),
        legend=dict(title=translate("chart.segment", lang)),
        height=520,
        **_LAYOUT,
    )
    return figure


def build_size_chart(profile: Profile, lang: str) -> go.Figure:
    """Customers per segment as horizontal bars with counts and shares."""
    names = profile.names
    colours = segment_colours(names)
    sizes = [segment.size for segment in profile.segments]
    labels = [f"{segment.size:,} ({segment.share:.0%})".replace(",", "\u00a0") for segment in profile.segments]
    figure = go.Figure(
        go.Bar(
            x=sizes,
            y=names,
            orientation="h",
            text=labels,
            textposition="auto",
            marker=dict(color=[colours[name] for name in names]),
        )
    )
    figure.update_layout(
        title=translate("chart.sizes_title", lang),
        xaxis_title=translate("chart.customers", lang),
        yaxis=dict(autorange="reversed"),
        height=120 + 40 * len(names),
        **_LAYOUT,
    )
    return figure


def build_profile_heatmap(profile: Profile, lang: str, max_columns: int = HEATMAP_COLUMNS) -> go.Figure:
    """How each segment differs from all customers: standardised differences, red above, blue below."""
    differences = profile.differences
    strongest = differences.abs().max().sort_values(ascending=False, kind="stable").index[:max_columns]
    columns = [column for column in differences.columns if column in set(strongest)]
    values = differences[columns]
    shown = profile.segment_values[columns]
    text = [
        [_format_value(shown.iat[row, col], columns[col]) for col in range(len(columns))] for row in range(len(values))
    ]
    figure = go.Figure(
        go.Heatmap(
            z=values.to_numpy(),
            x=columns,
            y=profile.names,
            zmid=0,
            zmin=-2,
            zmax=2,
            colorscale="RdBu_r",
            text=text,
            texttemplate="%{text}",
            colorbar=dict(title=translate("chart.difference", lang)),
            hovertemplate="%{y}<br>%{x}: %{text}<br>"
            + translate("chart.difference", lang)
            + ": %{z:.2f}<extra></extra>",
        )
    )
    figure.update_layout(
        title=translate("chart.profile_title", lang),
        yaxis=dict(autorange="reversed"),
        height=160 + 48 * len(profile.names),
        **_LAYOUT,
    )
    figure.update_xaxes(tickangle=-35)
    return figure


def _format_value(value: float, column: str) -> str:
    if pd.isna(value):
        return ""
    if " = " in column:
        return f"{value:.0%}"
    return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}".replace(",", "\u00a0")
