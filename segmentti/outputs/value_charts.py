"""Charts of customer value: the P(alive) matrix, predicted value, churn-risk bands and the holdout check."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from segmentti.engine.value.holdout import HoldoutCheck
from segmentti.outputs.palette import NEUTRAL, PALETTE
from segmentti.texts import PLOTLY_SEPARATORS, format_number, translate

CLIP_QUANTILE = 0.99
"""The value histogram is drawn up to this quantile (the few largest customers would flatten it); the title says so."""

_LAYOUT = dict(template="plotly_white", margin=dict(l=10, r=10, t=60, b=10), font=dict(size=14))


def _layout(lang: str) -> dict:
    return {**_LAYOUT, "separators": PLOTLY_SEPARATORS.get(lang, PLOTLY_SEPARATORS["en"])}


def build_alive_chart(matrix: pd.DataFrame, unit: str, lang: str) -> go.Figure:
    """Heatmap of P(alive) by repeat purchases (rows, most at the top) and recency (columns), from :func:`alive_matrix`."""
    figure = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy(),
            x=[float(column) for column in matrix.columns],
            y=[int(index) for index in matrix.index],
            colorscale="RdYlGn",
            zmin=0.0,
            zmax=1.0,
            colorbar=dict(title="P(alive)", tickformat=".0%"),
            hovertemplate=translate("value.alive_hover", lang) + "<extra></extra>",
        )
    )
    figure.update_layout(
        title=translate("value.alive_title", lang),
        xaxis_title=translate(f"value.recency_axis_{unit}", lang),
        yaxis_title=translate("value.frequency_axis", lang),
        height=460,
        **_layout(lang),
    )
    return figure


def build_value_histogram(predicted: np.ndarray, horizon_days: int, lang: str, currency: str = "") -> go.Figure:
    """Distribution of the customers' predicted value over the horizon (drawn up to :data:`CLIP_QUANTILE`)."""
    values = np.asarray(predicted, dtype=float)
    values = values[np.isfinite(values)]
    top = float(np.quantile(values, CLIP_QUANTILE)) if len(values) else 0.0
    shown = values[values <= top]
    figure = go.Figure(go.Histogram(x=shown, nbinsx=40, marker_color=PALETTE[0]))
    figure.update_layout(
        title=translate("value.histogram_title", lang, days=format_number(horizon_days, lang)),
        xaxis_title=translate("value.value_axis", lang, currency=currency or "—"),
        yaxis_title=translate("value.customers_axis", lang),
        bargap=0.05,
        height=380,
        **_layout(lang),
    )
    return figure


def build_risk_chart(counts: pd.Series, lang: str) -> go.Figure:
    """Customers per churn-risk band (``counts`` from :func:`risk_counts`), bands named in ``lang``."""
    colours = {"active": "#4f9d69", "slipping": "#d4a72c", "at_risk": "#e07b39", "lost": "#c8553d", "once": NEUTRAL}
    figure = go.Figure(
        go.Bar(
            x=[translate(f"value.risk_{key}", lang) for key in counts.index],
            y=counts.to_numpy(),
            marker_color=[colours.get(key, NEUTRAL) for key in counts.index],
            text=[format_number(count, lang) for count in counts.to_numpy()],
            textposition="outside",
        )
    )
    figure.update_layout(
        title=translate("value.risk_title", lang),
        yaxis_title=translate("value.customers_axis", lang),
        height=380,
        **_layout(lang),
    )
    return figure


def build_holdout_chart(check: HoldoutCheck, lang: str) -> go.Figure:
    """Mean actual and predicted purchases in the holdout period per number of calibration purchases."""
    table = check.table
    figure = go.Figure()
    for column, colour, dash in (("actual", PALETTE[0], "solid"), ("predicted", PALETTE[1], "dash")):
        figure.add_trace(
            go.Scatter(
                x=list(table.index),
                y=table[column].to_numpy(),
                mode="lines+markers",
                name=translate(f"value.holdout_{column}", lang),
                line=dict(color=colour, dash=dash),
            )
        )
    figure.update_layout(
        title=translate("value.holdout_title", lang, days=format_number(check.holdout_days, lang)),
        xaxis_title=translate("value.holdout_axis", lang),
        yaxis_title=translate("value.holdout_y", lang),
        xaxis_type="category",
        height=400,
        legend=dict(orientation="h", y=-0.25),
        **_layout(lang),
    )
    return figure
